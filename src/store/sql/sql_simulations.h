// What the surge simulation runs read and write (migration 012), as free functions over a
// connection inside an open transaction; SqlTx forwards to them. Times come from the caller
// (the service's clock), so that the heartbeat rule can be tested.
#pragma once

#include <string>
#include <vector>

#include "store/simulation_records.h"
#include "store/sql/sql_connection.h"
#include "core/status.h"

namespace acogida::sql_simulations {

Status InsertRun(SqlConnection& db, SimulationRun& run);
StatusOr<SimulationRun> GetRun(SqlConnection& db, int64_t run_id);
StatusOr<std::vector<SimulationRun>> ListRuns(SqlConnection& db, int limit);
StatusOr<bool> StartRun(SqlConnection& db, int64_t run_id, const std::string& now);
StatusOr<bool> HeartbeatRun(SqlConnection& db, int64_t run_id, double progress, const std::string& now);
StatusOr<bool> FinishRun(SqlConnection& db, const SimulationRun& run);
StatusOr<int64_t> FailStaleRuns(SqlConnection& db, const std::string& before, const std::string& error,
                                const std::string& now);

}  // namespace acogida::sql_simulations
