// Once-per-period background jobs across servers.
#include "service/jobs.h"

namespace acogida {

StatusOr<JobOutcome> RunJobOnce(Store& store, const Clock& clock, const std::string& name,
                                std::chrono::seconds period, const std::function<Status()>& job) {
  const std::string not_before = FormatUtc(clock() - period);
  bool claimed = false;
  RETURN_IF_ERROR(store.InTransaction(TxMode::kWrite, [&](Tx& tx) -> Status {
    ASSIGN_OR_RETURN(claimed, tx.ClaimJob(name, not_before));
    return OkStatus();
  }));
  if (!claimed) return JobOutcome::kSkipped;
  Status ran = job();
  Status finished =
      store.InTransaction(TxMode::kWrite, [&](Tx& tx) -> Status { return tx.FinishJob(name, ran.ok()); });
  RETURN_IF_ERROR(ran);
  RETURN_IF_ERROR(finished);
  return JobOutcome::kRan;
}

}  // namespace acogida
