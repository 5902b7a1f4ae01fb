-- A request may ask only to store a paper from arXiv (someone found it missing in search or at its
-- link) rather than to put it on today's feed; such a request skips the feed's rules and quota.
ALTER TABLE submission_requests ADD COLUMN purpose TEXT NOT NULL DEFAULT 'feed'
  CHECK (purpose IN ('feed', 'fetch'));
