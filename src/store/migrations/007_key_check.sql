-- 007: a public fingerprint of each key the database's sealed fields were sealed with, so
-- that a server started with another organisation's (or a new, mistyped) key file refuses
-- to start instead of sealing values the other servers cannot open.
CREATE TABLE key_check (
  key_id TEXT PRIMARY KEY,
  check_value TEXT NOT NULL
);
