-- 008: the audit chain's order becomes a column of its own. SQLite chains each row as it is
-- written (its writers take turns anyway). On PostgreSQL, where many servers write at once,
-- a row is written unchained (chain_seq NULL, hashes '') and a chainer links the pending rows
-- in one turn every second, so audited transactions do not queue behind each other's commits.
ALTER TABLE audit_log ADD COLUMN chain_seq BIGINT;
UPDATE audit_log SET chain_seq = id;
CREATE UNIQUE INDEX audit_log_chain ON audit_log(chain_seq);
CREATE INDEX audit_log_pending ON audit_log(id) WHERE chain_seq IS NULL;
ALTER TABLE audit_import ADD COLUMN chain_seq BIGINT;
UPDATE audit_import SET chain_seq = id;
