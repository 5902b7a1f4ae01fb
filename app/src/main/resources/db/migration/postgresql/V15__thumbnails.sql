-- Hugging Face's daily papers name a preview image (its social thumbnail). The address is kept
-- here; each node keeps its own copy of the image in its data directory. When the source refused
-- it (not found, not an image, too large, a host not allowed), the time and reason, so that no
-- node asks again for a while.
ALTER TABLE papers ADD COLUMN thumbnail TEXT;
ALTER TABLE papers ADD COLUMN thumbnail_refused_at TEXT COLLATE "C";
ALTER TABLE papers ADD COLUMN thumbnail_refusal TEXT;
-- the fetcher's walk, newest day first, over the papers that have one
CREATE INDEX papers_thumbnails ON papers(daily_date, id) WHERE thumbnail IS NOT NULL;
