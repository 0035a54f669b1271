// The referral directory, its HSDS import and export, and referrals (see referral_service.h).
#include "service/referral_service.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <random>
#include <set>

#include "service/audit.h"
#include "service/person_access.h"

namespace acogida {
namespace {

Status Denied(const std::string& message) { return Status(StatusCode::kPermissionDenied, message); }

Status CheckCanEdit(const Actor& actor) {
  if (!actor.Can(Permission::kEditDirectory)) return Denied("your role may not edit the directory");
  return OkStatus();
}

// A random (version 4) UUID, the form HSDS gives its ids.
std::string NewUuid() {
  static thread_local std::mt19937_64 random{std::random_device{}()};
  const uint64_t high = (random() & 0xFFFFFFFFFFFF0FFFULL) | 0x0000000000004000ULL;
  const uint64_t low = (random() & 0x3FFFFFFFFFFFFFFFULL) | 0x8000000000000000ULL;
  char text[37];
  std::snprintf(text, sizeof text, "%08llx-%04llx-%04llx-%04llx-%012llx",
                static_cast<unsigned long long>(high >> 32), static_cast<unsigned long long>((high >> 16) & 0xFFFF),
                static_cast<unsigned long long>(high & 0xFFFF), static_cast<unsigned long long>(low >> 48),
                static_cast<unsigned long long>(low & 0xFFFFFFFFFFFFULL));
  return text;
}

// Validation error of entry `entry_idx` renamed to its HSDS path.
Status AtHsdsPath(const Status& status, size_t entry_idx) {
  if (status.ok() || status.code() != StatusCode::kInvalidArgument) return status;
  return InvalidArgument("[" + std::to_string(entry_idx) + "]." + HsdsPathOf(status.field()), status.message());
}

// The person's name as a member sees it: nothing else of the person.
StatusOr<std::string> PersonName(Tx& tx, int64_t person_id) {
  ASSIGN_OR_RETURN(Person person, tx.GetPerson(person_id));
  return person.FullName();
}

bool Contains(const std::vector<int64_t>& ids, int64_t id) { return std::find(ids.begin(), ids.end(), id) != ids.end(); }

}  // namespace

std::string HsdsPathOf(const std::string& field) {
  static const std::map<std::string, std::string> kPaths = {
      {"name", "name"},
      {"description", "description"},
      {"email", "email"},
      {"url", "website"},
      {"city", "locations[0].physical_addresses[0].city"},
      {"state", "locations[0].physical_addresses[0].state_province"},
      {"hours", "schedules[0].description"},
      {"phone", "phones[0].number"},
      {"services", "services"},
      {"languages", "languages"},
  };
  auto found = kPaths.find(field);
  if (found != kPaths.end()) return found->second;
  if (field.rfind("services[", 0) == 0) return field + ".name";
  if (field.rfind("languages[", 0) == 0) return field + ".code";
  return field;
}

std::string ReferralService::Now() const { return FormatUtc(clock_()); }

StatusOr<std::vector<Organisation>> ReferralService::ListOrganisations(const Actor&) {
  std::vector<Organisation> out;
  RETURN_IF_ERROR(store_.InTransaction(TxMode::kRead, [&](Tx& tx) -> Status {
    ASSIGN_OR_RETURN(out, tx.ListOrganisations());
    return OkStatus();
  }));
  return out;
}

StatusOr<Organisation> ReferralService::GetOrganisation(const Actor&, int64_t organisation_id) {
  Organisation out;
  RETURN_IF_ERROR(store_.InTransaction(TxMode::kRead, [&](Tx& tx) -> Status {
    ASSIGN_OR_RETURN(out, tx.GetOrganisation(organisation_id));
    return OkStatus();
  }));
  return out;
}

StatusOr<Organisation> ReferralService::CreateOrganisation(const Actor& actor, Organisation organisation) {
  RETURN_IF_ERROR(CheckCanEdit(actor));
  RETURN_IF_ERROR(ValidateOrganisation(organisation));
  if (organisation.hsds_id.empty()) organisation.hsds_id = NewUuid();
  organisation.updated_at = Now();
  organisation.updated_by = actor.user.username;
  Organisation saved;
  RETURN_IF_ERROR(store_.InTransaction(TxMode::kWrite, [&](Tx& tx) -> Status {
    saved = organisation;
    RETURN_IF_ERROR(tx.InsertOrganisation(saved));
    return AppendAuditRow(tx, actor, audit_action::kCreate, "organisation", saved.id);
  }));
  return saved;
}

StatusOr<Organisation> ReferralService::UpdateOrganisation(const Actor& actor, Organisation organisation) {
  RETURN_IF_ERROR(CheckCanEdit(actor));
  RETURN_IF_ERROR(ValidateOrganisation(organisation));
  organisation.updated_at = Now();
  organisation.updated_by = actor.user.username;
  Organisation saved;
  RETURN_IF_ERROR(store_.InTransaction(TxMode::kWrite, [&](Tx& tx) -> Status {
    saved = organisation;
    ASSIGN_OR_RETURN(Organisation current, tx.GetOrganisation(organisation.id));
    if (saved.hsds_id.empty()) saved.hsds_id = current.hsds_id;  // an edit without it keeps it
    RETURN_IF_ERROR(tx.UpdateOrganisation(saved));
    return AppendAuditRow(tx, actor, audit_action::kUpdate, "organisation", saved.id);
  }));
  return saved;
}

Status ReferralService::DeleteOrganisation(const Actor& actor, int64_t organisation_id, int64_t version) {
  RETURN_IF_ERROR(CheckCanEdit(actor));
  return store_.InTransaction(TxMode::kWrite, [&](Tx& tx) -> Status {
    RETURN_IF_ERROR(tx.DeleteOrganisation(organisation_id, version));
    return AppendAuditRow(tx, actor, audit_action::kDelete, "organisation", organisation_id);
  });
}

StatusOr<DirectoryImport> ReferralService::ImportDirectory(const Actor& actor, std::vector<Organisation> organisations) {
  RETURN_IF_ERROR(CheckCanEdit(actor));
  std::map<std::string, size_t> first_with_id;
  for (size_t entry_idx = 0; entry_idx < organisations.size(); ++entry_idx) {
    Organisation& organisation = organisations[entry_idx];
    RETURN_IF_ERROR(AtHsdsPath(ValidateOrganisation(organisation), entry_idx));
    if (organisation.hsds_id.empty()) continue;
    if (!first_with_id.emplace(organisation.hsds_id, entry_idx).second) {
      return InvalidArgument("[" + std::to_string(entry_idx) + "].id",
                             "is also the id of entry " + std::to_string(first_with_id[organisation.hsds_id]));
    }
  }
  const std::string now = Now();
  DirectoryImport summary;
  RETURN_IF_ERROR(store_.InTransaction(TxMode::kWrite, [&](Tx& tx) -> Status {
    summary = DirectoryImport{};
    for (Organisation organisation : organisations) {
      organisation.updated_at = now;
      organisation.updated_by = actor.user.username;
      std::vector<Organisation> known;
      if (!organisation.hsds_id.empty()) {
        ASSIGN_OR_RETURN(known, tx.FindOrganisationsByHsdsId(organisation.hsds_id));
      }
      if (known.empty()) {
        if (organisation.hsds_id.empty()) organisation.hsds_id = NewUuid();
        RETURN_IF_ERROR(tx.InsertOrganisation(organisation));
        RETURN_IF_ERROR(AppendAuditRow(tx, actor, audit_action::kCreate, "organisation", organisation.id, {"hsds"}));
        ++summary.created;
      } else {
        organisation.id = known.front().id;
        organisation.version = known.front().version;
        RETURN_IF_ERROR(tx.UpdateOrganisation(organisation));
        RETURN_IF_ERROR(AppendAuditRow(tx, actor, audit_action::kUpdate, "organisation", organisation.id, {"hsds"}));
        ++summary.updated;
      }
    }
    return OkStatus();
  }));
  return summary;
}

StatusOr<std::vector<Organisation>> ReferralService::ExportDirectory(const Actor& actor) {
  return ListOrganisations(actor);
}

StatusOr<std::vector<OrganisationMember>> ReferralService::ListMembers(const Actor& actor, int64_t organisation_id) {
  RETURN_IF_ERROR(CheckCanEdit(actor));
  std::vector<OrganisationMember> out;
  RETURN_IF_ERROR(store_.InTransaction(TxMode::kRead, [&](Tx& tx) -> Status {
    out.clear();
    RETURN_IF_ERROR(tx.GetOrganisation(organisation_id).status());
    ASSIGN_OR_RETURN(std::vector<int64_t> user_ids, tx.ListOrganisationMembers(organisation_id));
    for (int64_t user_id : user_ids) {
      ASSIGN_OR_RETURN(User user, tx.GetUser(user_id));
      out.push_back({user.id, user.username, user.display_name});
    }
    return OkStatus();
  }));
  return out;
}

StatusOr<OrganisationMember> ReferralService::AddMember(const Actor& actor, int64_t organisation_id,
                                                        const std::string& username) {
  RETURN_IF_ERROR(CheckCanEdit(actor));
  OrganisationMember out;
  RETURN_IF_ERROR(store_.InTransaction(TxMode::kWrite, [&](Tx& tx) -> Status {
    RETURN_IF_ERROR(tx.GetOrganisation(organisation_id).status());
    auto user = tx.FindUserByUsername(username, nullptr);
    if (!user.ok() && user.status().code() == StatusCode::kNotFound) {
      return InvalidArgument("username", "there is no user " + username);
    }
    if (!user.ok()) return user.status();
    RETURN_IF_ERROR(tx.AddOrganisationMember(organisation_id, user->id));
    out = {user->id, user->username, user->display_name};
    return AppendAuditRow(tx, actor, audit_action::kUpdate, "organisation", organisation_id,
                          {"members.add:" + user->username});
  }));
  return out;
}

Status ReferralService::RemoveMember(const Actor& actor, int64_t organisation_id, int64_t user_id) {
  RETURN_IF_ERROR(CheckCanEdit(actor));
  return store_.InTransaction(TxMode::kWrite, [&](Tx& tx) -> Status {
    RETURN_IF_ERROR(tx.RemoveOrganisationMember(organisation_id, user_id));
    return AppendAuditRow(tx, actor, audit_action::kUpdate, "organisation", organisation_id,
                          {"members.remove:" + std::to_string(user_id)});
  });
}

StatusOr<ReferralView> ReferralService::CreateReferral(const Actor& actor, Referral referral) {
  RETURN_IF_ERROR(CheckCanRead(actor, /*needs_reason=*/false));
  RETURN_IF_ERROR(ValidateReferral(referral));
  const std::string now = Now();
  ReferralView out;
  RETURN_IF_ERROR(store_.InTransaction(TxMode::kWrite, [&](Tx& tx) -> Status {
    ASSIGN_OR_RETURN(Person person, tx.GetPerson(referral.person_id));
    RETURN_IF_ERROR(CheckPersonInScope(tx, actor, person.id));
    auto organisation = tx.GetOrganisation(referral.organisation_id);
    if (!organisation.ok()) return InvalidArgument("organisation_id", "no such organisation");
    if (!organisation->accepts_referrals) {
      return Status(StatusCode::kFailedPrecondition, organisation->name + " does not accept referrals",
                    "organisation_id");
    }
    const auto& offered = organisation->services;
    if (std::find(offered.begin(), offered.end(), referral.service) == offered.end()) {
      return Status(StatusCode::kFailedPrecondition, organisation->name + " does not offer " + referral.service,
                    "service");
    }
    out = ReferralView{referral, organisation->name, person.FullName()};
    out.referral.status = ReferralStatus::kSent;
    out.referral.created_at = out.referral.updated_at = now;
    out.referral.created_by = out.referral.updated_by = actor.user.username;
    RETURN_IF_ERROR(tx.InsertReferral(out.referral));
    return AppendAuditRow(tx, actor, audit_action::kUpdate, "person", person.id,
                          {"referrals." + std::to_string(out.referral.id)});
  }));
  return out;
}

StatusOr<std::vector<ReferralView>> ReferralService::ListReferralsOfPerson(const Actor& actor, int64_t person_id) {
  RETURN_IF_ERROR(CheckCanRead(actor, /*needs_reason=*/false));
  std::vector<ReferralView> out;
  RETURN_IF_ERROR(store_.InTransaction(TxMode::kWrite, [&](Tx& tx) -> Status {
    out.clear();
    ASSIGN_OR_RETURN(Person person, tx.GetPerson(person_id));
    RETURN_IF_ERROR(CheckPersonInScope(tx, actor, person.id));
    ASSIGN_OR_RETURN(std::vector<Referral> referrals, tx.ListReferralsOfPerson(person.id));
    std::map<int64_t, std::string> names;
    for (Referral& referral : referrals) {
      if (!names.count(referral.organisation_id)) {
        ASSIGN_OR_RETURN(Organisation organisation, tx.GetOrganisation(referral.organisation_id));
        names[referral.organisation_id] = organisation.name;
      }
      out.push_back({std::move(referral), names[referral.organisation_id], person.FullName()});
    }
    return AppendAuditRow(tx, actor, audit_action::kRead, "person", person.id, {"referrals"});
  }));
  return out;
}

StatusOr<std::vector<ReferralView>> ReferralService::Inbox(const Actor& actor) {
  std::vector<ReferralView> out;
  RETURN_IF_ERROR(store_.InTransaction(TxMode::kWrite, [&](Tx& tx) -> Status {
    out.clear();
    ASSIGN_OR_RETURN(std::vector<int64_t> organisation_ids, tx.ListOrganisationsOfUser(actor.user.id));
    if (organisation_ids.empty()) return OkStatus();
    ASSIGN_OR_RETURN(std::vector<Referral> referrals, tx.ListReferralsToOrganisations(organisation_ids));
    std::map<int64_t, std::string> names;
    std::vector<std::string> shown;
    for (Referral& referral : referrals) {
      if (!names.count(referral.organisation_id)) {
        ASSIGN_OR_RETURN(Organisation organisation, tx.GetOrganisation(referral.organisation_id));
        names[referral.organisation_id] = organisation.name;
      }
      ASSIGN_OR_RETURN(std::string person_name, PersonName(tx, referral.person_id));
      shown.push_back("person:" + std::to_string(referral.person_id));
      out.push_back({referral, names[referral.organisation_id], std::move(person_name)});
    }
    if (shown.empty()) return OkStatus();
    return AppendAuditRow(tx, actor, audit_action::kSearch, "person", 0, std::move(shown));
  }));
  return out;
}

StatusOr<ReferralView> ReferralService::UpdateReferralStatus(const Actor& actor, int64_t referral_id,
                                                             ReferralStatus status, int64_t version) {
  const std::string now = Now();
  ReferralView out;
  RETURN_IF_ERROR(store_.InTransaction(TxMode::kWrite, [&](Tx& tx) -> Status {
    auto found = tx.GetReferral(referral_id);
    const Status hidden = NotFound("no referral " + std::to_string(referral_id));
    if (!found.ok()) return found.status().code() == StatusCode::kNotFound ? hidden : found.status();
    Referral referral = *found;
    ASSIGN_OR_RETURN(std::vector<int64_t> organisation_ids, tx.ListOrganisationsOfUser(actor.user.id));
    if (!Contains(organisation_ids, referral.organisation_id)) {
      // Not a member: staff who may read the person act for an organisation without an account.
      if (!actor.Can(Permission::kReadPersons)) return hidden;
      const Status in_scope = CheckPersonInScope(tx, actor, referral.person_id);
      if (!in_scope.ok()) return in_scope.code() == StatusCode::kNotFound ? hidden : in_scope;
    }
    if (referral.version != version) {
      return StaleVersion("the referral was changed by someone else (version " + std::to_string(referral.version) + ")");
    }
    RETURN_IF_ERROR(CheckReferralTransition(referral.status, status));
    referral.status = status;
    referral.updated_at = now;
    referral.updated_by = actor.user.username;
    RETURN_IF_ERROR(tx.UpdateReferralStatus(referral));
    ASSIGN_OR_RETURN(Organisation organisation, tx.GetOrganisation(referral.organisation_id));
    ASSIGN_OR_RETURN(std::string person_name, PersonName(tx, referral.person_id));
    out = ReferralView{referral, organisation.name, std::move(person_name)};
    return AppendAuditRow(tx, actor, audit_action::kUpdate, "person", referral.person_id,
                          {"referrals." + std::to_string(referral.id) + ".status"});
  }));
  return out;
}

}  // namespace acogida
