// The subcommands of `acogida`, each a function from parsed flags to an exit code (0 ok,
// 1 failure, 2 bad input). Messages go to stderr; results to stdout.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "http/server.h"
#include "service/demo_data.h"
#include "store/store.h"

namespace acogida::cli {

int Fail(const Status& status);

// The database a command works on: --db (a SQLite file or a postgresql:// URL) and --keys
// (the organisation's key file; for SQLite "" means "<db>.keys").
struct DatabaseFlags {
  std::string db = "var/acogida.db";
  std::string key_file;

  // The key file in use: --keys, or "<db>.keys" for SQLite; "" for PostgreSQL without --keys.
  std::string KeyFile() const;
  // --db for messages, without any password.
  std::string Display() const;
};
StatusOr<std::unique_ptr<Store>> OpenDatabase(const DatabaseFlags& database, StoreOptions options = {});

struct RetentionFlags {
  int retention_days = 365;  // anonymise persons this long after their last activity
};

int RunServe(const DatabaseFlags& database, http::ServerOptions options, bool secure_cookies,
             const RetentionFlags& retention);
int RunPurge(const DatabaseFlags& database, const RetentionFlags& retention);
int RunDemoData(const DatabaseFlags& database, const DemoDataOptions& options);

struct UserFlags {
  std::string username;
  std::string display_name;
  std::string role;
  std::vector<int64_t> site_ids;
  bool password_stdin = false;  // read the password from standard input instead of generating one
};
int RunUserAdd(const DatabaseFlags& database, const UserFlags& flags);
int RunUserList(const DatabaseFlags& database);
int RunUserDisable(const DatabaseFlags& database, const std::string& username);
int RunUserResetPassword(const DatabaseFlags& database, const UserFlags& flags);

struct MigrateFlags {
  std::string from;        // the shelter's database (a SQLite file, usually)
  std::string from_keys;   // its key file ("" = <from>.keys for SQLite)
  std::string to;          // the network's database (a postgresql:// URL, usually)
  std::string to_keys;     // the network's key file
  std::string user_suffix; // appended to imported usernames the network already uses
};
int RunMigrate(const MigrateFlags& flags);

int RunAuditVerify(const DatabaseFlags& database);
int RunKeysRotate(const DatabaseFlags& database);

}  // namespace acogida::cli
