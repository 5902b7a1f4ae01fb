-- Issue 18: one number that moves whenever anything a shared page shows changes (a paper stored or
-- hidden, a vote, a comment, a submission, a display name), in the same transaction as the change.
-- Every node's render cache compares its pages' number with this one, so a vote on one node
-- refreshes the pages every node serves.
CREATE TABLE content_version (
  id      INTEGER PRIMARY KEY CHECK (id = 1),
  version BIGINT NOT NULL
);
INSERT INTO content_version (id, version) VALUES (1, 1);
