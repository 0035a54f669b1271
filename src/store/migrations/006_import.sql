-- 006: moving a shelter's database into a network's (`acogida migrate`). database_info names
-- each database (its id is made when first needed); import_map says which source record
-- became which target record, so that a re-run copies only what is new; audit_import keeps
-- each source's audit trail verbatim, its hash chain intact and verifiable.
CREATE TABLE database_info (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);

CREATE TABLE import_map (
  source TEXT NOT NULL,
  record_type TEXT NOT NULL,
  old_id BIGINT NOT NULL,
  new_id BIGINT NOT NULL,
  PRIMARY KEY (source, record_type, old_id)
);

CREATE TABLE audit_import (
  source TEXT NOT NULL,
  id BIGINT NOT NULL,
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
  hash TEXT NOT NULL,
  PRIMARY KEY (source, id)
);
