-- A reader's private feed address carries a secret token. The token is the server key's signature
-- of (user, nonce), so the settings page can show it again; only its hash is looked up, and a new
-- nonce (regenerating) makes the old address answer 404.
CREATE TABLE feed_tokens (
  user_id    INTEGER PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
  nonce      TEXT NOT NULL,
  token_hash TEXT NOT NULL UNIQUE,
  created_at TEXT NOT NULL
);
