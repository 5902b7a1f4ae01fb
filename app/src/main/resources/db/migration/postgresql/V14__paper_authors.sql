-- Each paper's authors one row each, under the folded name an author page is found by
-- (AuthorKey.fold: "Müller" and "Muller" are one author), written in the transaction that writes
-- the paper. papers.authors stays the paper's own record; this table is what author and
-- organisation pages count over.
CREATE TABLE paper_authors (
  paper_id   TEXT COLLATE "C" NOT NULL REFERENCES papers(id) ON DELETE CASCADE,
  position   INTEGER NOT NULL,
  author_key TEXT COLLATE "C" NOT NULL,
  name       TEXT NOT NULL,
  PRIMARY KEY (paper_id, position)
);
CREATE INDEX paper_authors_key ON paper_authors(author_key, paper_id);
-- Folding names takes Java, so the papers already stored are listed at start-up; this row says
-- that is still to do and goes when it is done.
CREATE TABLE paper_authors_backfill (pending INTEGER PRIMARY KEY);
INSERT INTO paper_authors_backfill (pending) VALUES (1);
-- An organisation page reads its papers newest day first.
CREATE INDEX papers_org ON papers(org_name, daily_date) WHERE org_name IS NOT NULL;
