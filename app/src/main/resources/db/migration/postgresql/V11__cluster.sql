-- The PostgreSQL form of V11: the same tables, text compared bytewise as on SQLite.
-- Several Paperboy nodes on one database. Timestamps are ISO-8601 UTC text of a fixed width,
-- written by the nodes, so they compare as text.

-- Work that runs once per cluster (the harvest, the digest run) runs on the node holding its
-- lease. A holder renews before expires_at; a lease past it may be taken by any node.
CREATE TABLE leases (
  name       TEXT COLLATE "C" PRIMARY KEY,
  holder     TEXT COLLATE "C" NOT NULL,
  expires_at TEXT COLLATE "C" NOT NULL
);

-- Secrets every node must share (the key that signs CSRF tokens, device cookies and mail links):
-- the first node to start inserts it, every other node reads that one.
CREATE TABLE secrets (
  name       TEXT COLLATE "C" PRIMARY KEY,
  value      TEXT NOT NULL,
  created_at TEXT COLLATE "C" NOT NULL
);

-- Rate limits that protect an account, counted across nodes: one row per key, holding the times of
-- its recent events (at most the limit's count of them); rows quiet for a day are pruned.
CREATE TABLE rate_limits (
  name       TEXT COLLATE "C" PRIMARY KEY,
  hits       TEXT NOT NULL,
  updated_at TEXT COLLATE "C" NOT NULL
);
CREATE INDEX rate_limits_updated ON rate_limits(updated_at);

-- A pending submission is claimed by one node before it asks arXiv, so it is fetched and accepted
-- once; a claim older than a few minutes was cut off by a crash and may be taken again.
ALTER TABLE submission_requests ADD COLUMN claimed_by TEXT;
ALTER TABLE submission_requests ADD COLUMN claimed_at TEXT COLLATE "C";
