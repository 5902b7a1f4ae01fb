-- A reader's private feed address carries a secret token. The token is the server key's signature
-- of (user, nonce), so the settings page can show it again; only its hash is looked up, and a new
-- nonce (regenerating) makes the old address answer 404.
CREATE TABLE feed_tokens (
  user_id    BIGINT PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
  nonce      TEXT COLLATE "C" NOT NULL,
  token_hash TEXT COLLATE "C" NOT NULL UNIQUE,
  created_at TEXT COLLATE "C" NOT NULL
);
