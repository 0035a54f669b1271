// The subcommands of `acogida`, each a function from parsed flags to an exit code (0 ok,
// 1 failure, 2 bad input). Messages go to stderr; results to stdout.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "http/server.h"
#include "service/demo_data.h"

namespace acogida::cli {

int Fail(const Status& status);

struct RetentionFlags {
  int retention_days = 365;  // anonymise persons this long after their last activity
};

int RunServe(const std::string& db_path, http::ServerOptions options, bool secure_cookies,
             const RetentionFlags& retention);
int RunPurge(const std::string& db_path, const RetentionFlags& retention);
int RunDemoData(const std::string& db_path, const DemoDataOptions& options);

struct UserFlags {
  std::string username;
  std::string display_name;
  std::string role;
  std::vector<int64_t> site_ids;
  bool password_stdin = false;  // read the password from standard input instead of generating one
};
int RunUserAdd(const std::string& db_path, const UserFlags& flags);
int RunUserList(const std::string& db_path);
int RunUserDisable(const std::string& db_path, const std::string& username);
int RunUserResetPassword(const std::string& db_path, const UserFlags& flags);

int RunAuditVerify(const std::string& db_path);
int RunKeysRotate(const std::string& db_path);

}  // namespace acogida::cli
