// Reading rights on persons, shared by the person and identity services.
#include "service/person_access.h"

#include <string>

namespace acogida {
namespace {

constexpr size_t kMinReasonLength = 5;
constexpr size_t kMaxReasonLength = 300;

}  // namespace

Status CheckCanRead(const Actor& actor, bool needs_reason) {
  if (!actor.Can(Permission::kReadPersons)) {
    return Status(StatusCode::kPermissionDenied, "your role does not read persons' records");
  }
  if (needs_reason && WorksAtAllSites(actor.user.role) && actor.reason.empty()) {
    return Status(StatusCode::kPermissionDenied, "coordinators must give a reason to open a person's record",
                  "reason");
  }
  if (!actor.reason.empty()) {
    // Characters, not bytes: count the UTF-8 lead bytes.
    size_t chars = 0;
    for (unsigned char byte : actor.reason) chars += (byte & 0xC0) != 0x80 ? 1 : 0;
    if (chars < kMinReasonLength || chars > kMaxReasonLength) {
      return InvalidArgument("reason", "must be 5 to 300 characters");
    }
  }
  return OkStatus();
}

bool CoversAnyOf(const Actor& actor, const std::vector<int64_t>& sites) {
  for (int64_t site_id : sites) {
    if (actor.CoversSite(site_id)) return true;
  }
  return false;
}

Status CheckPersonInScope(Tx& tx, const Actor& actor, int64_t person_id) {
  ASSIGN_OR_RETURN(std::vector<int64_t> sites, tx.SitesOfPerson(person_id));
  if (CoversAnyOf(actor, sites)) return OkStatus();
  return NotFound("person " + std::to_string(person_id) + " does not exist");
}

}  // namespace acogida
