-- 012: surge simulation runs (issue #7). A run is accepted by one server, which executes it
-- on its worker thread and writes progress and a heartbeat (updated_at) at most every half
-- second; any server reads it. A queued or running run whose heartbeat is older than two
-- minutes belonged to a server that stopped: readers mark it failed. The scenario and the
-- result are JSON text (docs/simulation.md); the store never parses them.
CREATE TABLE simulation_run (
  id {{ID}},
  name TEXT NOT NULL DEFAULT '',
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL,
  status TEXT NOT NULL,
  progress DOUBLE PRECISION NOT NULL DEFAULT 0,
  scenario TEXT NOT NULL,
  replications INTEGER NOT NULL,
  seed BIGINT NOT NULL,
  result TEXT NOT NULL DEFAULT '',
  error TEXT NOT NULL DEFAULT '',
  updated_at TEXT NOT NULL,
  finished_at TEXT NOT NULL DEFAULT '',
  CHECK (status IN ('queued', 'running', 'done', 'failed', 'cancelled'))
);
CREATE INDEX simulation_run_created ON simulation_run(created_at);
CREATE INDEX simulation_run_active ON simulation_run(updated_at) WHERE status IN ('queued', 'running');
