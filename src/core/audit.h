// An AuditEntry is one row of the append-only audit trail: who did what to which record,
// which fields, when, from where, and why (break-glass). Rows are hash-chained by the store
// (crypto/hash_chain.h) so that a changed or removed row is detected. Plain value type.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace acogida {

namespace audit_action {
inline constexpr std::string_view kRead = "read";
inline constexpr std::string_view kSearch = "search";
inline constexpr std::string_view kCreate = "create";
inline constexpr std::string_view kUpdate = "update";
inline constexpr std::string_view kDelete = "delete";
inline constexpr std::string_view kLogin = "login";
inline constexpr std::string_view kLoginFailed = "login_failed";
inline constexpr std::string_view kLogout = "logout";
}  // namespace audit_action

struct AuditEntry {
  int64_t id = 0;
  std::string at;        // ISO 8601 UTC, set by the store
  int64_t user_id = 0;   // 0 for an unknown user (failed login)
  std::string username;
  std::string role;
  std::string action;       // audit_action::k...
  std::string record_type;  // "person", "household", "site", "section", "user", "session"
  int64_t record_id = 0;
  std::vector<std::string> fields;  // the fields read or written; for searches, "person:<id>" per result
  std::string remote_address;
  std::string reason;
  std::string prev_hash;  // set by the store
  std::string hash;       // set by the store
};

}  // namespace acogida
