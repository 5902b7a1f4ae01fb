CREATE TABLE paper_vectors (
  id          TEXT NOT NULL REFERENCES papers(id) ON DELETE CASCADE,
  model       TEXT NOT NULL,
  vector      BLOB NOT NULL,
  embedded_at TEXT NOT NULL,
  PRIMARY KEY (id, model)
);
