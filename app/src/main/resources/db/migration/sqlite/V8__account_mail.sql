-- Mail about accounts (finishing a sign-up, resetting a password) goes through the same outbox as
-- digests, so it is sent from the mail thread, retried, and never twice; such rows belong to no
-- subscription. SQLite cannot drop a NOT NULL, so the table is rebuilt.
CREATE TABLE outbox_new (
  id              INTEGER PRIMARY KEY,
  subscription_id INTEGER REFERENCES subscriptions(id) ON DELETE CASCADE,
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
INSERT INTO outbox_new SELECT id, subscription_id, purpose, recipient, message_id, subject,
  text_body, html_body, headers, state, attempts, next_attempt_at, claimed_at, last_error,
  created_at, sent_at FROM outbox;
DROP TABLE outbox;
ALTER TABLE outbox_new RENAME TO outbox;
CREATE INDEX outbox_due ON outbox(state, next_attempt_at);
-- how many account mails an address got lately (at most a few an hour, so nobody is mail-bombed)
CREATE INDEX outbox_recipient ON outbox(recipient, created_at);

-- A sign-up waits here until its address is confirmed from the mailed link; only then is there an
-- account. Only a hash of the link's token is kept, and the password only as its Argon2id hash.
CREATE TABLE pending_signups (
  id            INTEGER PRIMARY KEY,
  token_hash    TEXT NOT NULL UNIQUE,
  email         TEXT NOT NULL COLLATE NOCASE,
  display_name  TEXT NOT NULL,
  password_hash TEXT NOT NULL,
  created_at    TEXT NOT NULL,
  expires_at    TEXT NOT NULL
);
CREATE INDEX pending_signups_expiry ON pending_signups(expires_at);
