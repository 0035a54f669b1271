// Household intake.
#include "service/intake_service.h"

#include "core/names.h"
#include "core/validate.h"
#include "service/audit.h"

namespace acogida {

namespace {
constexpr size_t kMaxBatchIdLength = 80;
// Arrival times more than this far in the future are typing errors.
constexpr auto kFutureTolerance = std::chrono::hours(1);
}  // namespace

Status WriteArrivingHousehold(Tx& tx, const Actor& actor, Household& household, const Arrival& arrival) {
  if (!tx.GetSite(household.site_id).ok()) {
    return InvalidArgument("site_id", "site " + std::to_string(household.site_id) + " does not exist");
  }
  RETURN_IF_ERROR(tx.InsertHousehold(household));
  RETURN_IF_ERROR(AppendAuditRow(tx, actor, audit_action::kCreate, "household", household.id));
  for (Person& member : household.members) {
    member.household_id = household.id;
    RETURN_IF_ERROR(tx.InsertPerson(member));
    RETURN_IF_ERROR(tx.RecordConsents(member.id, member.consents, actor.user.username));
    std::vector<std::string> fields = FilledPersonFields(member);
    fields.push_back("consents");
    RETURN_IF_ERROR(AppendAuditRow(tx, actor, audit_action::kCreate, "person", member.id, std::move(fields)));
    Arrival member_arrival = arrival;
    member_arrival.person_id = member.id;
    member_arrival.household_id = household.id;
    member_arrival.site_id = household.site_id;
    RETURN_IF_ERROR(tx.InsertArrival(member_arrival));
  }
  return OkStatus();
}

Status ValidateConsents(Consents& consents) {
  if (!consents.services) {
    return InvalidArgument("consents.services", "consent to be registered and receive services is required");
  }
  if (consents.share_with.size() > 20) return InvalidArgument("consents.share_with", "must list at most 20 partners");
  for (std::string& partner : consents.share_with) {
    auto cleaned = CleanName(partner, "consents.share_with", 120);
    if (!cleaned.ok() || cleaned->empty()) {
      return InvalidArgument("consents.share_with", "partner names must be 1 to 120 characters of text");
    }
    partner = *cleaned;
  }
  return OkStatus();
}

StatusOr<Household> IntakeService::Register(const Actor& actor, NewHousehold input) {
  if (!actor.Can(Permission::kRegisterArrivals)) {
    return Status(StatusCode::kPermissionDenied, "your role does not register arrivals");
  }
  if (!actor.CoversSite(input.site_id)) {
    return Status(StatusCode::kPermissionDenied, "you do not work at site " + std::to_string(input.site_id), "site_id");
  }
  const UtcTime now = clock_();
  UtcTime arrived_at = now;
  if (!input.arrived_at.empty()) {
    ASSIGN_OR_RETURN(arrived_at, ParseUtc(input.arrived_at, "arrived_at"));
    if (arrived_at > now + kFutureTolerance) return InvalidArgument("arrived_at", "must not be in the future");
  }
  if (input.batch_id.size() > kMaxBatchIdLength) {
    return InvalidArgument("batch_id", "must be at most 80 characters");
  }
  Household household;
  household.site_id = input.site_id;
  household.members = std::move(input.members);
  RETURN_IF_ERROR(ValidateHousehold(household, FormatUtcDate(now)));
  for (size_t member_idx = 0; member_idx < household.members.size(); ++member_idx) {
    Status consents = ValidateConsents(household.members[member_idx].consents);
    if (!consents.ok()) return consents.WithFieldPrefix("members[" + std::to_string(member_idx) + "]");
  }

  Arrival arrival;
  arrival.arrived_at = FormatUtc(arrived_at);
  arrival.mode = input.mode;
  arrival.batch_id = input.batch_id;
  RETURN_IF_ERROR(store_.InTransaction(
      TxMode::kWrite, [&](Tx& tx) { return WriteArrivingHousehold(tx, actor, household, arrival); }));
  return household;
}

}  // namespace acogida
