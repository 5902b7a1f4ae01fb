-- This Paperboy's own community: accounts, sessions, votes, submissions, comments, collections and
-- moderation. A paper keeps its imported Hugging Face counts in upvotes/num_comments; the local
-- counts live beside them, maintained in the same transaction as each vote or comment.
ALTER TABLE papers ADD COLUMN local_upvotes INTEGER NOT NULL DEFAULT 0;
ALTER TABLE papers ADD COLUMN local_comments INTEGER NOT NULL DEFAULT 0;
ALTER TABLE papers ADD COLUMN hidden_at TEXT;

-- feeds rank visible papers of a day by imported + local upvotes
DROP INDEX papers_daily_upvotes;
CREATE INDEX papers_feed ON papers(daily_date, (upvotes + local_upvotes), id) WHERE hidden_at IS NULL;

CREATE TABLE users (
  id            INTEGER PRIMARY KEY,
  email         TEXT NOT NULL UNIQUE COLLATE NOCASE,
  display_name  TEXT NOT NULL,
  password_hash TEXT NOT NULL,
  role          TEXT NOT NULL DEFAULT 'user' CHECK (role IN ('user', 'admin')),
  votes_public  INTEGER NOT NULL DEFAULT 1,
  created_at    TEXT NOT NULL,
  blocked_at    TEXT
);

-- only a hash of each session token is stored: a copy of the database signs nobody in
CREATE TABLE sessions (
  token_hash TEXT PRIMARY KEY,
  user_id    INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL
);
CREATE INDEX sessions_user ON sessions(user_id);

CREATE TABLE votes (
  user_id    INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  paper_id   TEXT NOT NULL REFERENCES papers(id) ON DELETE CASCADE,
  created_at TEXT NOT NULL,
  PRIMARY KEY (user_id, paper_id)
);
CREATE INDEX votes_paper ON votes(paper_id);

CREATE TABLE submissions (
  paper_id     TEXT PRIMARY KEY REFERENCES papers(id) ON DELETE CASCADE,
  user_id      INTEGER REFERENCES users(id) ON DELETE SET NULL,
  submitted_at TEXT NOT NULL,
  daily_date   TEXT NOT NULL
);
CREATE INDEX submissions_user ON submissions(user_id, submitted_at);

-- a submission of a paper not stored yet waits here while a background worker asks arXiv for it
CREATE TABLE submission_requests (
  id           INTEGER PRIMARY KEY,
  user_id      INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  paper_id     TEXT NOT NULL,
  comment      TEXT,
  requested_at TEXT NOT NULL,
  day          TEXT NOT NULL,
  state        TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'accepted', 'refused')),
  attempts     INTEGER NOT NULL DEFAULT 0,
  message      TEXT,
  finished_at  TEXT
);
CREATE INDEX submission_requests_pending ON submission_requests(state, id);

CREATE TABLE comments (
  id         INTEGER PRIMARY KEY,
  paper_id   TEXT NOT NULL REFERENCES papers(id) ON DELETE CASCADE,
  parent_id  INTEGER REFERENCES comments(id),
  user_id    INTEGER REFERENCES users(id) ON DELETE SET NULL,
  body       TEXT NOT NULL,
  created_at TEXT NOT NULL,
  edited_at  TEXT,
  deleted_at TEXT,
  hidden_at  TEXT
);
CREATE INDEX comments_paper ON comments(paper_id, id);
CREATE INDEX comments_user ON comments(user_id, id);

CREATE TABLE collections (
  id          INTEGER PRIMARY KEY,
  user_id     INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  name        TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  public      INTEGER NOT NULL DEFAULT 1,
  created_at  TEXT NOT NULL,
  UNIQUE (user_id, name)
);

CREATE TABLE collection_papers (
  collection_id INTEGER NOT NULL REFERENCES collections(id) ON DELETE CASCADE,
  paper_id      TEXT NOT NULL REFERENCES papers(id) ON DELETE CASCADE,
  added_at      TEXT NOT NULL,
  PRIMARY KEY (collection_id, paper_id)
);
CREATE INDEX collection_papers_paper ON collection_papers(paper_id);

-- who did what and when; names are copied so the log outlives deleted accounts
CREATE TABLE moderation_log (
  id         INTEGER PRIMARY KEY,
  admin_id   INTEGER REFERENCES users(id) ON DELETE SET NULL,
  admin_name TEXT NOT NULL,
  action     TEXT NOT NULL,
  target     TEXT NOT NULL,
  reason     TEXT,
  at         TEXT NOT NULL
);
