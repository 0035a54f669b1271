// Job claims in portable SQL. Claimers of one job take turns (an advisory lock on
// PostgreSQL; SQLite serialises writers), so exactly one sees the job unclaimed.
#include "store/sql/sql_jobs.h"

namespace acogida::sql_jobs {

StatusOr<bool> ClaimJob(SqlConnection& db, const std::string& now, const std::string& name,
                        const std::string& not_before) {
  RETURN_IF_ERROR(db.LockUntilCommit("acogida.job." + name));
  ASSIGN_OR_RETURN(auto last, db.Prepare("SELECT last_started_at FROM job_run WHERE name = ?"));
  last->Bind(1, name);
  ASSIGN_OR_RETURN(bool found, last->Step());
  if (found && !last->Text(0).empty() && last->Text(0) >= not_before) return false;
  last.reset();
  ASSIGN_OR_RETURN(auto claim, db.Prepare(
      "INSERT INTO job_run (name, last_started_at) VALUES (?, ?) "
      "ON CONFLICT (name) DO UPDATE SET last_started_at = excluded.last_started_at"));
  claim->Bind(1, name).Bind(2, now);
  RETURN_IF_ERROR(claim->Run());
  return true;
}

Status FinishJob(SqlConnection& db, const std::string& now, const std::string& name, bool succeeded) {
  // A failed run gives up its claim, so that the next check runs the job again.
  ASSIGN_OR_RETURN(auto stmt, db.Prepare(succeeded ? "UPDATE job_run SET last_finished_at = ? WHERE name = ?"
                                                   : "UPDATE job_run SET last_started_at = ? WHERE name = ?"));
  stmt->Bind(1, succeeded ? now : std::string()).Bind(2, name);
  return stmt->Run();
}

}  // namespace acogida::sql_jobs
