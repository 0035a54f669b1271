-- 002: accounts, sessions, login attempts, and the hash-chained audit trail.
CREATE TABLE user_account (
  id {{ID}},
  username TEXT NOT NULL UNIQUE,
  display_name TEXT NOT NULL DEFAULT '',
  role TEXT NOT NULL,
  password_hash TEXT NOT NULL,
  disabled INTEGER NOT NULL DEFAULT 0,
  version BIGINT NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  password_changed_at TEXT NOT NULL
);

-- The sites a registrar or shelter staff member works at.
CREATE TABLE user_site (
  user_id BIGINT NOT NULL REFERENCES user_account(id) ON DELETE CASCADE,
  site_id BIGINT NOT NULL REFERENCES site(id) ON DELETE CASCADE,
  PRIMARY KEY (user_id, site_id)
);

-- Sessions by the digest of their token: a copy of the database yields no live session.
CREATE TABLE session (
  id {{ID}},
  token_digest TEXT NOT NULL UNIQUE,
  csrf_token TEXT NOT NULL,
  user_id BIGINT NOT NULL REFERENCES user_account(id) ON DELETE CASCADE,
  created_at TEXT NOT NULL,
  last_seen_at TEXT NOT NULL,
  remote_address TEXT NOT NULL DEFAULT ''
);
CREATE INDEX session_by_user ON session(user_id);

CREATE TABLE login_attempt (
  id {{ID}},
  username TEXT NOT NULL,
  remote_address TEXT NOT NULL,
  at TEXT NOT NULL,
  succeeded INTEGER NOT NULL
);
CREATE INDEX login_attempt_user ON login_attempt(username, at);
CREATE INDEX login_attempt_address ON login_attempt(remote_address, at);

-- Append-only; each row's hash covers its content and the previous row's hash.
CREATE TABLE audit_log (
  id {{ID}},
  at TEXT NOT NULL,
  user_id BIGINT,
  username TEXT NOT NULL,
  role TEXT NOT NULL,
  action TEXT NOT NULL,
  record_type TEXT NOT NULL,
  record_id BIGINT NOT NULL DEFAULT 0,
  fields TEXT NOT NULL DEFAULT '',
  remote_address TEXT NOT NULL DEFAULT '',
  reason TEXT NOT NULL DEFAULT '',
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL
);
CREATE INDEX audit_log_user ON audit_log(username, id);
CREATE INDEX audit_log_record ON audit_log(record_type, record_id, id);
