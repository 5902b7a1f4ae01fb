-- "Get trending papers in your email inbox": subscriptions, and every mail as it goes out.
CREATE TABLE subscriptions (
  id                   INTEGER PRIMARY KEY,
  email                TEXT NOT NULL UNIQUE COLLATE NOCASE,
  user_id              INTEGER REFERENCES users(id) ON DELETE SET NULL,
  frequency            TEXT NOT NULL CHECK (frequency IN ('daily', 'weekly')),
  kind                 TEXT NOT NULL CHECK (kind IN ('trending', 'topics')),
  keywords             TEXT NOT NULL DEFAULT '',
  categories           TEXT NOT NULL DEFAULT '',
  authors              TEXT NOT NULL DEFAULT '',
  state                TEXT NOT NULL CHECK (state IN ('pending', 'confirmed', 'unsubscribed', 'disabled')),
  -- signs unsubscribe and manage links for good; confirm links also carry confirm_seq
  link_key             TEXT NOT NULL,
  confirm_seq          INTEGER NOT NULL DEFAULT 0,
  confirmation_sent_at TEXT,
  created_at           TEXT NOT NULL,
  confirmed_at         TEXT,
  unsubscribed_at      TEXT,
  disabled_reason      TEXT
);
CREATE INDEX subscriptions_due ON subscriptions(state, frequency);

-- One row per (subscription, purpose): 'confirm:<n>', 'daily:<day>' or 'weekly:<week>'. The
-- unique key is what makes a digest go out at most once per period, even with two processes. A
-- row is written before sending ('queued'), claimed ('sending') and finished ('sent'); 'empty'
-- records a quiet period for which nothing was sent.
CREATE TABLE outbox (
  id              INTEGER PRIMARY KEY,
  subscription_id INTEGER NOT NULL REFERENCES subscriptions(id) ON DELETE CASCADE,
  purpose         TEXT NOT NULL,
  recipient       TEXT NOT NULL,
  message_id      TEXT NOT NULL,
  subject         TEXT,
  text_body       TEXT,
  html_body       TEXT,
  headers         TEXT NOT NULL DEFAULT '',
  state           TEXT NOT NULL CHECK (state IN ('queued', 'sending', 'sent', 'failed', 'empty')),
  attempts        INTEGER NOT NULL DEFAULT 0,
  next_attempt_at TEXT NOT NULL,
  claimed_at      TEXT,
  last_error      TEXT,
  created_at      TEXT NOT NULL,
  sent_at         TEXT,
  UNIQUE (subscription_id, purpose)
);
CREATE INDEX outbox_due ON outbox(state, next_attempt_at);

-- The scheduler's memory of which digest runs it started and finished, across restarts.
CREATE TABLE digest_runs (
  period      TEXT PRIMARY KEY,
  started_at  TEXT NOT NULL,
  finished_at TEXT
);
