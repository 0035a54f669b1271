// Accounts and what they may do. A User has one Role; registrars and shelter staff work at
// listed sites, coordinators at all. An Actor is a user acting now: who, from where, and
// (for break-glass reads) why. The permission table here is the one source of truth that
// services enforce and the authorisation-matrix test reads. Plain values; thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace acogida {

enum class Role { kAdministrator, kCoordinator, kRegistrar, kShelterStaff, kLawyer, kAnalyst };
// "administrator", "coordinator", "registrar", "shelter_staff", "lawyer", "analyst".
std::string_view RoleName(Role role);
std::optional<Role> ParseRole(std::string_view name);
std::vector<Role> AllRoles();

struct User {
  int64_t id = 0;
  std::string username;
  std::string display_name;
  Role role = Role::kRegistrar;
  std::vector<int64_t> site_ids;  // for registrars and shelter staff
  bool disabled = false;
  int64_t version = 1;
  std::string created_at;
  std::string password_changed_at;
};

enum class Permission {
  kReadSites,          // list and read sites and sections (no personal data)
  kEditSites,          // create, edit, delete sites
  kEditSections,       // create, edit, delete sections (shelter staff: at their sites)
  kRegisterArrivals,   // household intake (registrars, shelter staff: at their sites)
  kReadPersons,        // search and read persons (site staff: at their sites)
  kManageUsers,        // accounts
  kReadAudit,          // the audit trail and its alerts
  kManageBeds,         // check in and out, holds, the named bed board (site staff: at their sites)
  kPlaceGroups,        // propose placements of arriving groups and hold beds at any shelter
  kReadDashboards,     // the network's dashboards (counts; small cells hidden from analysts)
  kExportWorklists,    // CSV work lists of a site's day, with names (site staff: at their sites)
  kExportAggregates,   // HXL-tagged aggregate exports, small cells suppressed
  kScreenLegalNeeds,   // legal screening at intake, opening cases from it (site staff: at their sites)
  kReadLegalCases,     // legal cases without notes (site staff: their sites'; lawyers: assigned to them)
  kWorkLegalCases,     // case status, deadlines, appointments, documents (lawyers: their cases)
  kAssignLegalCases,   // assignment, the lawyer directory, the overdue list (coordinators)
  kReadLegalNotes,     // privileged notes (lawyers: their cases; coordinators as legal coordinators)
  kReadLegalReports,   // legal-aid counts, no personal data (analysts, coordinators)
  kRunSimulations,     // surge simulations: templates from the registry, runs, results (coordinators, analysts)
  kEditDirectory,      // the referral directory: organisations, HSDS import, members (coordinators, administrators)
};

bool RoleHas(Role role, Permission permission);

// True if the role works at every site (coordinators; and administrators for site records).
bool WorksAtAllSites(Role role);

struct Actor {
  User user;
  std::string remote_address;
  std::string reason;  // break-glass justification, "" when none was given

  bool Can(Permission permission) const { return RoleHas(user.role, permission); }
  // True if the actor's work covers `site_id`: all sites, or one of theirs.
  bool CoversSite(int64_t site_id) const;
};

// Usernames are [a-z0-9._-], 3 to 40 characters.
bool IsValidUsername(std::string_view username);

}  // namespace acogida
