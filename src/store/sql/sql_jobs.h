// Claims of background jobs that run once per period across every server on one database,
// as free functions over a connection inside an open write transaction; SqlTx forwards to them.
#pragma once

#include <string>

#include "store/sql/sql_connection.h"

namespace acogida::sql_jobs {

StatusOr<bool> ClaimJob(SqlConnection& db, const std::string& now, const std::string& name,
                        const std::string& not_before);
Status FinishJob(SqlConnection& db, const std::string& now, const std::string& name, bool succeeded);

}  // namespace acogida::sql_jobs
