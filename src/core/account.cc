// Roles, the permission table, and site coverage.
#include "core/account.h"

#include <algorithm>

#include "core/enum_names.h"

namespace acogida {
namespace {

constexpr std::string_view kRoleNames[] = {"administrator", "coordinator", "registrar",
                                           "shelter_staff", "lawyer",      "analyst"};

}  // namespace

std::string_view RoleName(Role role) { return kRoleNames[static_cast<int>(role)]; }
std::optional<Role> ParseRole(std::string_view name) { return ParseEnumName<Role>(kRoleNames, name); }

std::vector<Role> AllRoles() {
  return {Role::kAdministrator, Role::kCoordinator, Role::kRegistrar,
          Role::kShelterStaff,  Role::kLawyer,      Role::kAnalyst};
}

bool RoleHas(Role role, Permission permission) {
  switch (permission) {
    case Permission::kReadSites:
      return true;
    case Permission::kEditSites:
      return role == Role::kAdministrator || role == Role::kCoordinator;
    case Permission::kEditSections:
      return role == Role::kAdministrator || role == Role::kCoordinator || role == Role::kShelterStaff;
    case Permission::kRegisterArrivals:
    case Permission::kReadPersons:
      return role == Role::kCoordinator || role == Role::kRegistrar || role == Role::kShelterStaff;
    case Permission::kManageUsers:
    case Permission::kReadAudit:
      return role == Role::kAdministrator;
    case Permission::kManageBeds:
      return role == Role::kCoordinator || role == Role::kRegistrar || role == Role::kShelterStaff;
    case Permission::kPlaceGroups:
      return role == Role::kCoordinator || role == Role::kRegistrar;
    case Permission::kReadDashboards:
    case Permission::kExportAggregates:
      return role == Role::kCoordinator || role == Role::kAnalyst;
    case Permission::kExportWorklists:
      return role == Role::kCoordinator || role == Role::kRegistrar || role == Role::kShelterStaff;
    case Permission::kScreenLegalNeeds:
      return role == Role::kCoordinator || role == Role::kRegistrar || role == Role::kShelterStaff;
    case Permission::kReadLegalCases:
      return role == Role::kCoordinator || role == Role::kRegistrar || role == Role::kShelterStaff ||
             role == Role::kLawyer;
    case Permission::kWorkLegalCases:
    case Permission::kReadLegalNotes:
      return role == Role::kCoordinator || role == Role::kLawyer;
    case Permission::kAssignLegalCases:
      return role == Role::kCoordinator;
    case Permission::kReadLegalReports:
      return role == Role::kCoordinator || role == Role::kAnalyst;
    case Permission::kRunSimulations:
      return role == Role::kCoordinator || role == Role::kAnalyst;
    case Permission::kEditDirectory:
      return role == Role::kAdministrator || role == Role::kCoordinator;
  }
  return false;
}

bool WorksAtAllSites(Role role) { return role == Role::kAdministrator || role == Role::kCoordinator; }

bool Actor::CoversSite(int64_t site_id) const {
  if (WorksAtAllSites(user.role)) return true;
  return std::find(user.site_ids.begin(), user.site_ids.end(), site_id) != user.site_ids.end();
}

bool IsValidUsername(std::string_view username) {
  if (username.size() < 3 || username.size() > 40) return false;
  return std::all_of(username.begin(), username.end(), [](char ch) {
    return (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '.' || ch == '_' || ch == '-';
  });
}

}  // namespace acogida
