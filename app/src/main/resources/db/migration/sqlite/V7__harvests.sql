-- Live harvests from arXiv and Hugging Face, resumable: each page's papers and the cursor to the
-- next page commit in one transaction, so a harvest killed at any point goes on from its last
-- committed page and never imports a record twice or loses one.
CREATE TABLE harvests (
  id          INTEGER PRIMARY KEY,
  source      TEXT NOT NULL,
  query       TEXT NOT NULL,
  state       TEXT NOT NULL CHECK (state IN ('running', 'done', 'failed')),
  cursor      TEXT,
  pages       INTEGER NOT NULL DEFAULT 0,
  records     INTEGER NOT NULL DEFAULT 0,
  created     INTEGER NOT NULL DEFAULT 0,
  updated     INTEGER NOT NULL DEFAULT 0,
  rejected    INTEGER NOT NULL DEFAULT 0,
  started_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL,
  finished_at TEXT,
  last_error  TEXT,
  UNIQUE (source, query)
);
