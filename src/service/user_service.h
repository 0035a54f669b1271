// Accounts, for administrators (and the command line): list, create with a password that
// meets the policy, edit role, sites and disabled state (version-checked), reset a password.
// Disabling a user or resetting their password ends their sessions. Every change is audited.
// Thread-safe.
#pragma once

#include <string>
#include <vector>

#include "core/account.h"
#include "store/store.h"

namespace acogida {

struct NewUser {
  std::string username;
  std::string display_name;
  Role role = Role::kRegistrar;
  std::vector<int64_t> site_ids;
  std::string password;
};

class UserService {
 public:
  explicit UserService(Store& store) : store_(store) {}

  StatusOr<std::vector<User>> List(const Actor& actor);
  // InvalidArgument naming "username", "password", "display_name" or "site_ids";
  // AlreadyExists for a taken username; PermissionDenied unless the actor manages users.
  StatusOr<User> Create(const Actor& actor, NewUser input);
  StatusOr<User> Update(const Actor& actor, User input);
  // Sets a new password (policy-checked) and ends the user's sessions.
  Status ResetPassword(const Actor& actor, const std::string& username, const std::string& password);
  // Finds a user by name (for the command line). NotFound if absent.
  StatusOr<User> FindByUsername(const Actor& actor, const std::string& username);

 private:
  Store& store_;
};

}  // namespace acogida
