-- Issue 17: what a reader follows and what they did with a paper, the ground "For you" stands on.
-- A follow is an author (their folded name), an organisation (its handle), an arXiv category or a
-- topic (a saved search, as typed); label is how it is shown.
CREATE TABLE follows (
  user_id    INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  kind       TEXT NOT NULL CHECK (kind IN ('author', 'organization', 'category', 'topic')),
  follow_key TEXT NOT NULL,
  label      TEXT NOT NULL,
  created_at TEXT NOT NULL,
  PRIMARY KEY (user_id, kind, follow_key)
);

-- One row per reader and paper once they hid it ("not interested"), read it or saved it; a row
-- whose three marks are all cleared is deleted.
CREATE TABLE paper_feedback (
  user_id    INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  paper_id   TEXT NOT NULL REFERENCES papers(id) ON DELETE CASCADE,
  hidden_at  TEXT,
  read_at    TEXT,
  saved_at   TEXT,
  PRIMARY KEY (user_id, paper_id)
);
CREATE INDEX paper_feedback_saved ON paper_feedback(user_id, saved_at) WHERE saved_at IS NOT NULL;

-- a "For you" digest: the kind column keeps 'trending' (what it falls back to with nothing to
-- learn from), so the older CHECK on kind needs no table rebuild
ALTER TABLE subscriptions ADD COLUMN for_you INTEGER NOT NULL DEFAULT 0;
