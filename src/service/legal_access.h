// Who may see which legal case, and the look-ups the legal service's files share: the
// directory entry of a lawyer's account, a case in the actor's scope, names for views and the
// time zone of a site. Inside the caller's transaction; thread-safe.
#pragma once

#include <map>
#include <memory>
#include <string>

#include "core/account.h"
#include "core/legal.h"
#include "core/zone_rules.h"
#include "store/store.h"

namespace acogida::legal_access {

// PermissionDenied unless the actor's role has `permission`.
Status Require(const Actor& actor, Permission permission, const char* what);

// The directory entry linked to the actor's account, 0 when none.
StatusOr<int64_t> LawyerIdOf(Tx& tx, const Actor& actor);

// The case, if the actor may see it: coordinators every case; lawyers those assigned to
// them; site staff those of their sites. NotFound otherwise (its existence is not revealed).
StatusOr<LegalCase> CaseInScope(Tx& tx, const Actor& actor, int64_t case_id);

// Names for views, read once per transaction.
class Names {
 public:
  explicit Names(Tx& tx) : tx_(tx) {}
  StatusOr<std::string> Person(int64_t person_id);
  StatusOr<std::string> Lawyer(int64_t lawyer_id);  // "" for 0
  StatusOr<Site> SiteOf(int64_t site_id);

 private:
  Tx& tx_;
  std::map<int64_t, std::string> persons_;
  std::map<int64_t, std::string> lawyers_;
  bool lawyers_loaded_ = false;
  std::map<int64_t, Site> sites_;
};

// The rules of a site's time zone; UTC when the zone cannot be loaded.
std::shared_ptr<const ZoneRules> ZoneOf(const Site& site);

}  // namespace acogida::legal_access
