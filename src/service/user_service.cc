// Account management.
#include "service/user_service.h"

#include <algorithm>

#include "core/names.h"
#include "crypto/password.h"
#include "service/audit.h"

namespace acogida {
namespace {

const Status kNotAllowed(StatusCode::kPermissionDenied, "only administrators manage accounts");

// Checks what is not the password: display name, sites that exist and fit the role.
Status ValidateAccount(Tx& tx, User& user) {
  auto display_name = CleanName(user.display_name.empty() ? user.username : user.display_name, "display_name", 120);
  if (!display_name.ok()) {
    // Display names may hold digits ("Registro 2"); fall back to trimming only.
    if (user.display_name.size() > 120) return InvalidArgument("display_name", "must be at most 120 characters");
  } else {
    user.display_name = *display_name;
  }
  std::sort(user.site_ids.begin(), user.site_ids.end());
  user.site_ids.erase(std::unique(user.site_ids.begin(), user.site_ids.end()), user.site_ids.end());
  const bool site_bound = user.role == Role::kRegistrar || user.role == Role::kShelterStaff;
  if (site_bound && user.site_ids.empty()) {
    return InvalidArgument("site_ids", "registrars and shelter staff need at least one site");
  }
  if (!site_bound) user.site_ids.clear();
  for (int64_t site_id : user.site_ids) {
    if (!tx.GetSite(site_id).ok()) return InvalidArgument("site_ids", "site " + std::to_string(site_id) + " does not exist");
  }
  return OkStatus();
}

}  // namespace

StatusOr<std::vector<User>> UserService::List(const Actor& actor) {
  if (!actor.Can(Permission::kManageUsers)) return kNotAllowed;
  std::vector<User> users;
  RETURN_IF_ERROR(store_.InTransaction(TxMode::kRead, [&](Tx& tx) -> Status {
    ASSIGN_OR_RETURN(users, tx.ListUsers());
    return OkStatus();
  }));
  return users;
}

StatusOr<User> UserService::Create(const Actor& actor, NewUser input) {
  if (!actor.Can(Permission::kManageUsers)) return kNotAllowed;
  if (!IsValidUsername(input.username)) {
    return InvalidArgument("username", "must be 3 to 40 characters: a-z, 0-9, '.', '_' or '-'");
  }
  RETURN_IF_ERROR(CheckPasswordPolicy(input.password, input.username));
  ASSIGN_OR_RETURN(std::string password_hash, HashPassword(input.password));
  User user;
  user.username = input.username;
  user.display_name = input.display_name;
  user.role = input.role;
  user.site_ids = input.site_ids;
  RETURN_IF_ERROR(store_.InTransaction(TxMode::kWrite, [&](Tx& tx) -> Status {
    RETURN_IF_ERROR(ValidateAccount(tx, user));
    Status inserted = tx.InsertUser(user, password_hash);
    if (inserted.code() == StatusCode::kAlreadyExists) return InvalidArgument("username", "is already taken");
    RETURN_IF_ERROR(inserted);
    return AppendAuditRow(tx, actor, audit_action::kCreate, "user", user.id, {"username", "role", "site_ids"});
  }));
  return user;
}

StatusOr<User> UserService::Update(const Actor& actor, User input) {
  if (!actor.Can(Permission::kManageUsers)) return kNotAllowed;
  RETURN_IF_ERROR(store_.InTransaction(TxMode::kWrite, [&](Tx& tx) -> Status {
    ASSIGN_OR_RETURN(User stored, tx.GetUser(input.id));
    input.username = stored.username;
    RETURN_IF_ERROR(ValidateAccount(tx, input));
    if (input.id == actor.user.id && (input.disabled || input.role != Role::kAdministrator)) {
      return FailedPrecondition("administrators cannot disable or demote themselves");
    }
    RETURN_IF_ERROR(tx.UpdateUser(input));
    if (input.disabled) RETURN_IF_ERROR(tx.DeleteSessionsOfUser(input.id));
    return AppendAuditRow(tx, actor, audit_action::kUpdate, "user", input.id,
                          {"display_name", "role", "site_ids", "disabled"});
  }));
  return input;
}

Status UserService::ResetPassword(const Actor& actor, const std::string& username, const std::string& password) {
  if (!actor.Can(Permission::kManageUsers)) return kNotAllowed;
  RETURN_IF_ERROR(CheckPasswordPolicy(password, username));
  ASSIGN_OR_RETURN(std::string password_hash, HashPassword(password));
  return store_.InTransaction(TxMode::kWrite, [&](Tx& tx) -> Status {
    ASSIGN_OR_RETURN(User user, tx.FindUserByUsername(username, nullptr));
    RETURN_IF_ERROR(tx.SetPasswordHash(user.id, password_hash));
    RETURN_IF_ERROR(tx.DeleteSessionsOfUser(user.id));
    return AppendAuditRow(tx, actor, audit_action::kUpdate, "user", user.id, {"password"});
  });
}

StatusOr<User> UserService::FindByUsername(const Actor& actor, const std::string& username) {
  if (!actor.Can(Permission::kManageUsers)) return kNotAllowed;
  User user;
  RETURN_IF_ERROR(store_.InTransaction(TxMode::kRead, [&](Tx& tx) -> Status {
    ASSIGN_OR_RETURN(user, tx.FindUserByUsername(username, nullptr));
    return OkStatus();
  }));
  return user;
}

}  // namespace acogida
