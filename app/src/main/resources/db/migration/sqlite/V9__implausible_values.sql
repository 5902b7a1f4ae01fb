-- Imports before Paperboy checked values stored them as they came (issue 12). Repair what they left
-- as an import would now read it: counts clamped to [0, 10^9], publication and update dates before
-- 1991 or more than two days after this migration runs dropped, and such a Daily Papers day
-- cleared (the paper leaves the feeds; re-importing a good record gives it its day back). Changed
-- rows get a new change stamp so the search index follows.
UPDATE papers SET
  upvotes = MAX(0, MIN(upvotes, 1000000000)),
  num_comments = MAX(0, MIN(num_comments, 1000000000)),
  github_stars = CASE WHEN github_stars IS NULL THEN NULL ELSE MAX(0, MIN(github_stars, 1000000000)) END,
  last_changed_at = strftime('%Y-%m-%dT%H:%M:%f000Z', 'now')
WHERE upvotes NOT BETWEEN 0 AND 1000000000
  OR num_comments NOT BETWEEN 0 AND 1000000000
  OR github_stars NOT BETWEEN 0 AND 1000000000;
UPDATE papers SET published = NULL, last_changed_at = strftime('%Y-%m-%dT%H:%M:%f000Z', 'now')
WHERE published < '1991-01-01' OR published >= date('now', '+3 days');
UPDATE papers SET updated = NULL, last_changed_at = strftime('%Y-%m-%dT%H:%M:%f000Z', 'now')
WHERE updated < '1991-01-01' OR updated >= date('now', '+3 days');
UPDATE papers SET daily_date = NULL, last_changed_at = strftime('%Y-%m-%dT%H:%M:%f000Z', 'now')
WHERE daily_date < '1991-01-01' OR daily_date > date('now', '+2 days');
