-- Papers whose authors withdrew them on arXiv stay findable but are marked as withdrawn.
ALTER TABLE papers ADD COLUMN withdrawn INTEGER NOT NULL DEFAULT 0;
