// The retention job.
#include "service/retention_service.h"

#include "service/audit.h"

namespace acogida {

StatusOr<int64_t> RetentionService::Purge(const Actor& actor) {
  if (!actor.Can(Permission::kManageUsers)) {
    return Status(StatusCode::kPermissionDenied, "only administrators run the retention job");
  }
  const std::string cutoff = FormatUtc(clock_() - options_.period);
  int64_t anonymised = 0;
  RETURN_IF_ERROR(store_.InTransaction(TxMode::kWrite, [&](Tx& tx) -> Status {
    ASSIGN_OR_RETURN(std::vector<int64_t> due, tx.PersonsToAnonymise(cutoff));
    for (int64_t person_id : due) {
      RETURN_IF_ERROR(tx.AnonymisePerson(person_id));
      RETURN_IF_ERROR(AppendAuditRow(tx, actor, audit_action::kUpdate, "person", person_id,
                                     {"anonymised", "given_names", "paternal_surname", "maternal_surname", "curp",
                                      "phone", "notes", "birth_date", "birth_municipality"}));
    }
    anonymised = static_cast<int64_t>(due.size());
    return OkStatus();
  }));
  return anonymised;
}

}  // namespace acogida
