// Surge simulation runs in portable SQL (migrations/012_simulations.sql). Every change of
// state is conditional on the state it leaves ("WHERE status IN ('queued', 'running')"), so a
// cancellation, a stale-heartbeat failure and the worker's own finish never overwrite one
// another, whichever server writes them.
#include "store/sql/sql_simulations.h"

#include "store/sql/sql_rows.h"

namespace acogida::sql_simulations {
namespace {

constexpr const char* kSummaryColumns =
    "id, name, created_by, created_at, status, progress, replications, seed, error, updated_at, finished_at";

SimulationRun ReadSummary(const SqlStatement& row) {
  SimulationRun run;
  run.id = row.Int(0);
  run.name = row.Text(1);
  run.created_by = row.Text(2);
  run.created_at = row.Text(3);
  run.status = ParseSimulationStatus(row.Text(4)).value_or(SimulationStatus::kFailed);
  run.progress = row.Double(5);
  run.replications = static_cast<int>(row.Int(6));
  run.seed = static_cast<uint64_t>(row.Int(7));
  run.error = row.Text(8);
  run.updated_at = row.Text(9);
  run.finished_at = row.Text(10);
  return run;
}

std::string Name(SimulationStatus status) { return std::string(SimulationStatusName(status)); }

}  // namespace

Status InsertRun(SqlConnection& db, SimulationRun& run) {
  ASSIGN_OR_RETURN(auto stmt, db.Prepare(
      "INSERT INTO simulation_run (name, created_by, created_at, status, progress, scenario, replications, seed, "
      "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id"));
  stmt->Bind(1, run.name).Bind(2, run.created_by).Bind(3, run.created_at).Bind(4, Name(run.status))
      .Bind(5, run.progress).Bind(6, run.scenario_json).Bind(7, run.replications)
      .Bind(8, static_cast<int64_t>(run.seed)).Bind(9, run.updated_at);
  ASSIGN_OR_RETURN(bool has_row, stmt->Step());
  if (!has_row) return Internal("insert simulation_run returned no id");
  run.id = stmt->Int(0);
  return stmt->Run();
}

StatusOr<SimulationRun> GetRun(SqlConnection& db, int64_t run_id) {
  ASSIGN_OR_RETURN(auto stmt, db.Prepare(std::string("SELECT ") + kSummaryColumns +
                                         ", scenario, result FROM simulation_run WHERE id = ?"));
  stmt->Bind(1, run_id);
  ASSIGN_OR_RETURN(bool found, stmt->Step());
  if (!found) return NotFound("simulation " + std::to_string(run_id) + " does not exist");
  SimulationRun run = ReadSummary(*stmt);
  run.scenario_json = stmt->Text(11);
  run.result_json = stmt->Text(12);
  return run;
}

StatusOr<std::vector<SimulationRun>> ListRuns(SqlConnection& db, int limit) {
  ASSIGN_OR_RETURN(auto stmt, db.Prepare(std::string("SELECT ") + kSummaryColumns +
                                         " FROM simulation_run ORDER BY id DESC LIMIT ?"));
  stmt->Bind(1, limit);
  return ReadAll<SimulationRun>(*stmt, ReadSummary);
}

StatusOr<bool> StartRun(SqlConnection& db, int64_t run_id, const std::string& now) {
  ASSIGN_OR_RETURN(auto stmt, db.Prepare(
      "UPDATE simulation_run SET status = 'running', updated_at = ? WHERE id = ? AND status = 'queued'"));
  stmt->Bind(1, now).Bind(2, run_id);
  RETURN_IF_ERROR(stmt->Run());
  return stmt->Changes() > 0;
}

StatusOr<bool> HeartbeatRun(SqlConnection& db, int64_t run_id, double progress, const std::string& now) {
  ASSIGN_OR_RETURN(auto stmt, db.Prepare(
      "UPDATE simulation_run SET progress = ?, updated_at = ? WHERE id = ? AND status IN ('queued', 'running')"));
  stmt->Bind(1, progress).Bind(2, now).Bind(3, run_id);
  RETURN_IF_ERROR(stmt->Run());
  return stmt->Changes() > 0;
}

StatusOr<bool> FinishRun(SqlConnection& db, const SimulationRun& run) {
  ASSIGN_OR_RETURN(auto stmt, db.Prepare(
      "UPDATE simulation_run SET status = ?, progress = ?, result = ?, error = ?, updated_at = ?, finished_at = ? "
      "WHERE id = ? AND status IN ('queued', 'running')"));
  stmt->Bind(1, Name(run.status)).Bind(2, run.progress).Bind(3, run.result_json).Bind(4, run.error)
      .Bind(5, run.finished_at).Bind(6, run.finished_at).Bind(7, run.id);
  RETURN_IF_ERROR(stmt->Run());
  return stmt->Changes() > 0;
}

StatusOr<int64_t> FailStaleRuns(SqlConnection& db, const std::string& before, const std::string& error,
                                const std::string& now) {
  ASSIGN_OR_RETURN(auto stmt, db.Prepare(
      "UPDATE simulation_run SET status = 'failed', error = ?, finished_at = ?, updated_at = ? "
      "WHERE status IN ('queued', 'running') AND updated_at < ?"));
  stmt->Bind(1, error).Bind(2, now).Bind(3, now).Bind(4, before);
  RETURN_IF_ERROR(stmt->Run());
  return stmt->Changes();
}

}  // namespace acogida::sql_simulations
