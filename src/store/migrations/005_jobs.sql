-- 005: background jobs (retention purge, and later hold expiry and reminders) that several
-- servers on one database must run once per period: a claim per job name (see Tx::ClaimJob).
CREATE TABLE job_run (
  name TEXT PRIMARY KEY,
  last_started_at TEXT NOT NULL DEFAULT '',
  last_finished_at TEXT NOT NULL DEFAULT ''
);
