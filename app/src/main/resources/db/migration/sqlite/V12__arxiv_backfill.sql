-- Hugging Face's daily papers come without arXiv categories; the harvest asks arXiv's API for the
-- papers that have none, newest day first. When arXiv has no record of one, the time it said so,
-- so that the paper waits a week before it is asked about again.
ALTER TABLE papers ADD COLUMN arxiv_unknown_at TEXT;
CREATE INDEX papers_uncategorised ON papers(daily_date, id) WHERE categories = '';
