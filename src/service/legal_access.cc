// Scope checks and shared look-ups of the legal service.
#include "service/legal_access.h"

#include "service/time_zones.h"

namespace acogida::legal_access {

Status Require(const Actor& actor, Permission permission, const char* what) {
  if (actor.Can(permission)) return OkStatus();
  return Status(StatusCode::kPermissionDenied, std::string("your role may not ") + what);
}

StatusOr<int64_t> LawyerIdOf(Tx& tx, const Actor& actor) {
  if (actor.user.id == 0) return int64_t{0};
  ASSIGN_OR_RETURN(std::vector<LawyerLoad> lawyers, tx.ListLawyers());
  for (const LawyerLoad& load : lawyers) {
    if (load.lawyer.user_id == actor.user.id) return load.lawyer.id;
  }
  return int64_t{0};
}

StatusOr<LegalCase> CaseInScope(Tx& tx, const Actor& actor, int64_t case_id) {
  ASSIGN_OR_RETURN(LegalCase legal_case, tx.GetLegalCase(case_id));
  const Status hidden = NotFound("legal case " + std::to_string(case_id) + " does not exist");
  switch (actor.user.role) {
    case Role::kCoordinator:
      return legal_case;
    case Role::kLawyer: {
      ASSIGN_OR_RETURN(int64_t lawyer_id, LawyerIdOf(tx, actor));
      if (lawyer_id != 0 && legal_case.lawyer_id == lawyer_id) return legal_case;
      return hidden;
    }
    case Role::kRegistrar:
    case Role::kShelterStaff:
      if (actor.CoversSite(legal_case.site_id)) return legal_case;
      return hidden;
    case Role::kAdministrator:
    case Role::kAnalyst:
      break;
  }
  return Status(StatusCode::kPermissionDenied, "your role does not read legal cases");
}

StatusOr<std::string> Names::Person(int64_t person_id) {
  auto found = persons_.find(person_id);
  if (found != persons_.end()) return found->second;
  ASSIGN_OR_RETURN(acogida::Person person, tx_.GetPerson(person_id));
  return persons_[person_id] = person.FullName();
}

StatusOr<std::string> Names::Lawyer(int64_t lawyer_id) {
  if (lawyer_id == 0) return std::string();
  if (!lawyers_loaded_) {
    ASSIGN_OR_RETURN(std::vector<LawyerLoad> lawyers, tx_.ListLawyers());
    for (const LawyerLoad& load : lawyers) lawyers_[load.lawyer.id] = load.lawyer.name;
    lawyers_loaded_ = true;
  }
  auto found = lawyers_.find(lawyer_id);
  return found == lawyers_.end() ? std::string() : found->second;
}

StatusOr<Site> Names::SiteOf(int64_t site_id) {
  auto found = sites_.find(site_id);
  if (found != sites_.end()) return found->second;
  ASSIGN_OR_RETURN(Site site, tx_.GetSite(site_id));
  return sites_[site_id] = site;
}

std::shared_ptr<const ZoneRules> ZoneOf(const Site& site) {
  auto zone = SystemTimeZones().Find(site.timezone);
  if (zone.ok()) return *zone;
  return std::make_shared<const ZoneRules>(ZoneRules::Fixed(std::chrono::seconds(0)));
}

}  // namespace acogida::legal_access
