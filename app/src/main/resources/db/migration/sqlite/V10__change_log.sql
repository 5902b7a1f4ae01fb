-- One commit-ordered log of paper changes, written in the same transaction as every change that
-- the search index shows (an upsert, a hide, a withdrawal, a vector). Votes and comments are not
-- logged: the index does not hold their counts. Followers (each node's search index) read it in
-- (txn, seq) order up to a point no running transaction can still write below; on SQLite, whose
-- writers are serialised, txn is always 0 and seq alone is commit order.
CREATE TABLE paper_changes (
  seq        INTEGER PRIMARY KEY AUTOINCREMENT,
  paper_id   TEXT NOT NULL,
  txn        INTEGER NOT NULL DEFAULT 0,
  changed_at TEXT NOT NULL
);
CREATE INDEX paper_changes_txn ON paper_changes(txn, seq);
-- compaction drops a change once a later one of the same paper is logged
CREATE INDEX paper_changes_paper ON paper_changes(paper_id, txn, seq);

-- How far each search index has read the log, keyed by the index's own id (a new or rebuilt index
-- gets a new id and starts from the beginning).
CREATE TABLE index_watermarks (
  index_id   TEXT PRIMARY KEY,
  txn        INTEGER NOT NULL DEFAULT 0,
  seq        INTEGER NOT NULL DEFAULT 0,
  updated_at TEXT NOT NULL
);

-- Papers a node is embedding now, so two nodes share a backlog instead of both embedding it. A
-- claim older than a few minutes belongs to a node that died and is taken over.
CREATE TABLE embedding_claims (
  paper_id   TEXT NOT NULL,
  model      TEXT NOT NULL,
  node       TEXT NOT NULL,
  claimed_at TEXT NOT NULL,
  PRIMARY KEY (paper_id, model)
);

-- every stored paper starts in the log, in the order of its last change
INSERT INTO paper_changes (paper_id, changed_at)
  SELECT id, last_changed_at FROM papers ORDER BY last_changed_at, id;
