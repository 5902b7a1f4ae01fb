CREATE INDEX papers_last_changed ON papers(last_changed_at);
