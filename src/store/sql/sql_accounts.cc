// Accounts, sessions, login attempts and the audit trail, in portable SQL (SQLite and PostgreSQL).
#include "store/sql/sql_accounts.h"

#include "core/comma_list.h"
#include "store/audit_chain.h"
#include "store/sql/sql_rows.h"

namespace acogida::sql_accounts {
namespace {

constexpr const char* kUserColumns =
    "id, username, display_name, role, disabled, version, created_at, password_changed_at, password_hash";
constexpr const char* kSessionColumns = "id, token_digest, csrf_token, user_id, created_at, last_seen_at, remote_address";
constexpr const char* kAuditColumns =
    "id, at, user_id, username, role, action, record_type, record_id, fields, remote_address, reason, prev_hash, hash";

User ReadUser(const SqlStatement& row) {
  User user;
  user.id = row.Int(0);
  user.username = row.Text(1);
  user.display_name = row.Text(2);
  user.role = ParseRole(row.Text(3)).value_or(Role::kAnalyst);  // least privilege if unreadable
  user.disabled = row.Int(4) != 0;
  user.version = row.Int(5);
  user.created_at = row.Text(6);
  user.password_changed_at = row.Text(7);
  return user;
}

SessionRecord ReadSession(const SqlStatement& row) {
  return SessionRecord{row.Int(0), row.Text(1), row.Text(2), row.Int(3), row.Text(4), row.Text(5), row.Text(6)};
}

AuditEntry ReadAudit(const SqlStatement& row) {
  AuditEntry entry;
  entry.id = row.Int(0);
  entry.at = row.Text(1);
  entry.user_id = row.Int(2);
  entry.username = row.Text(3);
  entry.role = row.Text(4);
  entry.action = row.Text(5);
  entry.record_type = row.Text(6);
  entry.record_id = row.Int(7);
  entry.fields = SplitCommaList(row.Text(8));
  entry.remote_address = row.Text(9);
  entry.reason = row.Text(10);
  entry.prev_hash = row.Text(11);
  entry.hash = row.Text(12);
  return entry;
}

Status LoadSites(SqlConnection& db, User& user) {
  ASSIGN_OR_RETURN(auto stmt, db.Prepare("SELECT site_id FROM user_site WHERE user_id = ? ORDER BY site_id"));
  stmt->Bind(1, user.id);
  ASSIGN_OR_RETURN(user.site_ids, ReadAll<int64_t>(*stmt, [](const SqlStatement& row) { return row.Int(0); }));
  return OkStatus();
}

Status WriteSites(SqlConnection& db, const User& user) {
  ASSIGN_OR_RETURN(auto clear, db.Prepare("DELETE FROM user_site WHERE user_id = ?"));
  clear->Bind(1, user.id);
  RETURN_IF_ERROR(clear->Run());
  ASSIGN_OR_RETURN(auto insert, db.Prepare("INSERT INTO user_site (user_id, site_id) VALUES (?, ?)"));
  for (int64_t site_id : user.site_ids) {
    insert->Bind(1, user.id).Bind(2, site_id);
    RETURN_IF_ERROR(insert->Run());
    insert->Reset();
  }
  return OkStatus();
}

}  // namespace

Status InsertUser(SqlConnection& db, const std::string& now, User& user, const std::string& password_hash) {
  ASSIGN_OR_RETURN(auto stmt, db.Prepare(
      "INSERT INTO user_account (username, display_name, role, password_hash, disabled, created_at, "
      "password_changed_at) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id"));
  stmt->Bind(1, user.username).Bind(2, user.display_name).Bind(3, RoleName(user.role)).Bind(4, password_hash)
      .Bind(5, user.disabled ? 1 : 0).Bind(6, now).Bind(7, now);
  ASSIGN_OR_RETURN(bool has_row, stmt->Step());
  if (!has_row) return Internal("insert user returned no id");
  user.id = stmt->Int(0);
  RETURN_IF_ERROR(stmt->Run());
  user.version = 1;
  user.created_at = now;
  user.password_changed_at = now;
  return WriteSites(db, user);
}

StatusOr<User> GetUser(SqlConnection& db, int64_t user_id) {
  ASSIGN_OR_RETURN(auto stmt, db.Prepare(std::string("SELECT ") + kUserColumns + " FROM user_account WHERE id = ?"));
  stmt->Bind(1, user_id);
  ASSIGN_OR_RETURN(bool found, stmt->Step());
  if (!found) return NotFound("user " + std::to_string(user_id) + " does not exist");
  User user = ReadUser(*stmt);
  stmt.reset();
  RETURN_IF_ERROR(LoadSites(db, user));
  return user;
}

StatusOr<User> FindUserByUsername(SqlConnection& db, const std::string& username, std::string* password_hash) {
  ASSIGN_OR_RETURN(auto stmt,
                   db.Prepare(std::string("SELECT ") + kUserColumns + " FROM user_account WHERE username = ?"));
  stmt->Bind(1, username);
  ASSIGN_OR_RETURN(bool found, stmt->Step());
  if (!found) return NotFound("no such user");
  User user = ReadUser(*stmt);
  if (password_hash) *password_hash = stmt->Text(8);
  stmt.reset();
  RETURN_IF_ERROR(LoadSites(db, user));
  return user;
}

StatusOr<std::vector<User>> ListUsers(SqlConnection& db) {
  ASSIGN_OR_RETURN(auto stmt, db.Prepare(std::string("SELECT ") + kUserColumns + " FROM user_account ORDER BY username"));
  ASSIGN_OR_RETURN(std::vector<User> users, ReadAll<User>(*stmt, ReadUser));
  stmt.reset();
  for (User& user : users) RETURN_IF_ERROR(LoadSites(db, user));
  return users;
}

Status UpdateUser(SqlConnection& db, User& user) {
  ASSIGN_OR_RETURN(auto stmt, db.Prepare(
      "UPDATE user_account SET display_name = ?, role = ?, disabled = ?, version = version + 1 "
      "WHERE id = ? AND version = ?"));
  stmt->Bind(1, user.display_name).Bind(2, RoleName(user.role)).Bind(3, user.disabled ? 1 : 0).Bind(4, user.id)
      .Bind(5, user.version);
  RETURN_IF_ERROR(stmt->Run());
  if (stmt->Changes() == 0) {
    stmt.reset();
    ASSIGN_OR_RETURN(User stored, GetUser(db, user.id));
    return StaleVersion("user " + std::to_string(user.id) + " was changed by someone else (now version " +
                   std::to_string(stored.version) + "); reload and try again");
  }
  stmt.reset();
  user.version += 1;
  return WriteSites(db, user);
}

Status SetPasswordHash(SqlConnection& db, const std::string& now, int64_t user_id, const std::string& hash) {
  ASSIGN_OR_RETURN(auto stmt, db.Prepare(
      "UPDATE user_account SET password_hash = ?, password_changed_at = ? WHERE id = ?"));
  stmt->Bind(1, hash).Bind(2, now).Bind(3, user_id);
  RETURN_IF_ERROR(stmt->Run());
  if (stmt->Changes() == 0) return NotFound("user " + std::to_string(user_id) + " does not exist");
  return OkStatus();
}

Status InsertSession(SqlConnection& db, const std::string& now, SessionRecord& session) {
  ASSIGN_OR_RETURN(auto stmt, db.Prepare(
      "INSERT INTO session (token_digest, csrf_token, user_id, created_at, last_seen_at, remote_address) "
      "VALUES (?, ?, ?, ?, ?, ?) RETURNING id"));
  stmt->Bind(1, session.token_digest).Bind(2, session.csrf_token).Bind(3, session.user_id).Bind(4, now)
      .Bind(5, now).Bind(6, session.remote_address);
  ASSIGN_OR_RETURN(bool has_row, stmt->Step());
  if (!has_row) return Internal("insert session returned no id");
  session.id = stmt->Int(0);
  session.created_at = now;
  session.last_seen_at = now;
  return stmt->Run();
}

StatusOr<SessionRecord> FindSession(SqlConnection& db, const std::string& token_digest) {
  ASSIGN_OR_RETURN(auto stmt,
                   db.Prepare(std::string("SELECT ") + kSessionColumns + " FROM session WHERE token_digest = ?"));
  stmt->Bind(1, token_digest);
  ASSIGN_OR_RETURN(bool found, stmt->Step());
  if (!found) return NotFound("no such session");
  return ReadSession(*stmt);
}

Status TouchSession(SqlConnection& db, const std::string& now, int64_t session_id) {
  ASSIGN_OR_RETURN(auto stmt, db.Prepare("UPDATE session SET last_seen_at = ? WHERE id = ?"));
  stmt->Bind(1, now).Bind(2, session_id);
  return stmt->Run();
}

Status DeleteSession(SqlConnection& db, int64_t session_id) {
  ASSIGN_OR_RETURN(auto stmt, db.Prepare("DELETE FROM session WHERE id = ?"));
  stmt->Bind(1, session_id);
  return stmt->Run();
}

Status DeleteSessionsOfUser(SqlConnection& db, int64_t user_id, int64_t except_session_id) {
  ASSIGN_OR_RETURN(auto stmt, db.Prepare("DELETE FROM session WHERE user_id = ? AND id <> ?"));
  stmt->Bind(1, user_id).Bind(2, except_session_id);
  return stmt->Run();
}

Status RecordLoginAttempt(SqlConnection& db, const std::string& now, const std::string& username,
                          const std::string& remote_address, bool succeeded) {
  ASSIGN_OR_RETURN(auto stmt, db.Prepare(
      "INSERT INTO login_attempt (username, remote_address, at, succeeded) VALUES (?, ?, ?, ?)"));
  stmt->Bind(1, username).Bind(2, remote_address).Bind(3, now).Bind(4, succeeded ? 1 : 0);
  return stmt->Run();
}

StatusOr<LoginFailures> CountLoginFailures(SqlConnection& db, const std::string& username,
                                           const std::string& remote_address, const std::string& since_utc) {
  LoginFailures failures;
  ASSIGN_OR_RETURN(auto by_user, db.Prepare(
      "SELECT COUNT(*), COALESCE(MAX(at), '') FROM login_attempt WHERE username = ? AND at >= ? AND succeeded = 0"));
  by_user->Bind(1, username).Bind(2, since_utc);
  ASSIGN_OR_RETURN(bool user_row, by_user->Step());
  if (user_row) {
    failures.by_username = by_user->Int(0);
    failures.last_failure_at = by_user->Text(1);
  }
  ASSIGN_OR_RETURN(auto by_address, db.Prepare(
      "SELECT COUNT(*), COALESCE(MAX(at), '') FROM login_attempt WHERE remote_address = ? AND at >= ? "
      "AND succeeded = 0"));
  by_address->Bind(1, remote_address).Bind(2, since_utc);
  ASSIGN_OR_RETURN(bool address_row, by_address->Step());
  if (address_row) {
    failures.by_address = by_address->Int(0);
    failures.last_failure_at = std::max(failures.last_failure_at, by_address->Text(1));
  }
  return failures;
}

namespace {

// The chain's last row: its hash and place, ("", 0) for an empty chain.
StatusOr<std::pair<std::string, int64_t>> ChainHead(SqlConnection& db) {
  ASSIGN_OR_RETURN(auto head, db.Prepare(
      "SELECT hash, chain_seq FROM audit_log WHERE chain_seq IS NOT NULL ORDER BY chain_seq DESC LIMIT 1"));
  ASSIGN_OR_RETURN(bool found, head->Step());
  if (!found) return std::make_pair(std::string(), int64_t{0});
  return std::make_pair(head->Text(0), head->Int(1));
}

}  // namespace

Status AppendAudit(SqlConnection& db, const std::string& now, AuditEntry& entry) {
  entry.at = now;
  int64_t chain_seq = 0;
  if (db.writers_take_turns()) {
    // Writers take turns: chain the row now.
    ASSIGN_OR_RETURN(auto head, ChainHead(db));
    entry.prev_hash = head.first;
    entry.hash = AuditEntryHash(entry);
    chain_seq = head.second + 1;
  } else {
    // Many writers at once: written unchained; ChainPendingAudit links it within a second.
    entry.prev_hash.clear();
    entry.hash.clear();
  }
  ASSIGN_OR_RETURN(auto stmt, db.Prepare(
      "INSERT INTO audit_log (at, user_id, username, role, action, record_type, record_id, fields, "
      "remote_address, reason, prev_hash, hash, chain_seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
      "RETURNING id"));
  stmt->Bind(1, entry.at).Bind(2, entry.user_id).Bind(3, entry.username).Bind(4, entry.role).Bind(5, entry.action)
      .Bind(6, entry.record_type).Bind(7, entry.record_id).Bind(8, JoinCommaList(entry.fields))
      .Bind(9, entry.remote_address).Bind(10, entry.reason).Bind(11, entry.prev_hash).Bind(12, entry.hash);
  if (chain_seq == 0) stmt->BindNull(13);
  else stmt->Bind(13, chain_seq);
  ASSIGN_OR_RETURN(bool has_row, stmt->Step());
  if (!has_row) return Internal("insert audit returned no id");
  entry.id = stmt->Int(0);
  return stmt->Run();
}

StatusOr<int64_t> ChainPendingAudit(SqlConnection& db, int limit) {
  // One chainer at a time, across every server.
  RETURN_IF_ERROR(db.LockUntilCommit("acogida.audit"));
  ASSIGN_OR_RETURN(auto head, ChainHead(db));
  ASSIGN_OR_RETURN(auto pending, db.Prepare(std::string("SELECT ") + kAuditColumns +
                                            " FROM audit_log WHERE chain_seq IS NULL ORDER BY id LIMIT ?"));
  pending->Bind(1, limit);
  ASSIGN_OR_RETURN(std::vector<AuditEntry> rows, ReadAll<AuditEntry>(*pending, ReadAudit));
  pending.reset();
  ASSIGN_OR_RETURN(auto link, db.Prepare("UPDATE audit_log SET prev_hash = ?, hash = ?, chain_seq = ? WHERE id = ?"));
  for (AuditEntry& entry : rows) {
    entry.prev_hash = head.first;
    entry.hash = AuditEntryHash(entry);
    head = {entry.hash, head.second + 1};
    link->Bind(1, entry.prev_hash).Bind(2, entry.hash).Bind(3, head.second).Bind(4, entry.id);
    RETURN_IF_ERROR(link->Run());
    link->Reset();
  }
  return static_cast<int64_t>(rows.size());
}

StatusOr<AuditPage> ListAudit(SqlConnection& db, const AuditFilter& filter) {
  const std::string where =
      " WHERE (? = '' OR username = ?) AND (? = '' OR action = ?) AND (? = '' OR record_type = ?) "
      "AND (? = 0 OR record_id = ?)";
  auto bind_filter = [&](SqlStatement& stmt) {
    stmt.Bind(1, filter.username).Bind(2, filter.username).Bind(3, filter.action).Bind(4, filter.action)
        .Bind(5, filter.record_type).Bind(6, filter.record_type).Bind(7, filter.record_id)
        .Bind(8, filter.record_id);
  };
  AuditPage page;
  ASSIGN_OR_RETURN(auto count, db.Prepare("SELECT COUNT(*) FROM audit_log" + where));
  bind_filter(*count);
  ASSIGN_OR_RETURN(bool counted, count->Step());
  page.total = counted ? count->Int(0) : 0;
  count.reset();
  ASSIGN_OR_RETURN(auto stmt, db.Prepare(std::string("SELECT ") + kAuditColumns + " FROM audit_log" + where +
                                         " ORDER BY id DESC LIMIT ? OFFSET ?"));
  bind_filter(*stmt);
  stmt->Bind(9, filter.limit).Bind(10, filter.offset);
  ASSIGN_OR_RETURN(page.items, ReadAll<AuditEntry>(*stmt, ReadAudit));
  return page;
}

Status ForEachAudit(SqlConnection& db, const std::function<Status(const AuditEntry&)>& visit) {
  ASSIGN_OR_RETURN(auto stmt, db.Prepare(std::string("SELECT ") + kAuditColumns +
                                         " FROM audit_log WHERE chain_seq IS NOT NULL ORDER BY chain_seq"));
  while (true) {
    ASSIGN_OR_RETURN(bool has_row, stmt->Step());
    if (!has_row) return OkStatus();
    RETURN_IF_ERROR(visit(ReadAudit(*stmt)));
  }
}

Status ForEachImportedAudit(SqlConnection& db,
                            const std::function<Status(const std::string&, const AuditEntry&)>& visit) {
  ASSIGN_OR_RETURN(auto stmt, db.Prepare(std::string("SELECT ") + kAuditColumns +
                                         ", source FROM audit_import ORDER BY source, chain_seq"));
  while (true) {
    ASSIGN_OR_RETURN(bool has_row, stmt->Step());
    if (!has_row) return OkStatus();
    RETURN_IF_ERROR(visit(stmt->Text(13), ReadAudit(*stmt)));
  }
}

StatusOr<std::vector<std::pair<std::string, int64_t>>> PersonReadsSince(SqlConnection& db,
                                                                        const std::string& since_utc) {
  // A detail read counts one person; a search counts its results (one "person:<id>" field each).
  ASSIGN_OR_RETURN(auto stmt, db.Prepare(
      "SELECT username, SUM(CASE WHEN action = 'search' THEN "
      "  (CASE WHEN fields = '' THEN 0 ELSE LENGTH(fields) - LENGTH(REPLACE(fields, ',', '')) + 1 END) "
      "  ELSE 1 END) "
      "FROM audit_log WHERE at >= ? AND record_type = 'person' AND action IN ('read', 'search') "
      "GROUP BY username ORDER BY 2 DESC"));
  stmt->Bind(1, since_utc);
  return ReadAll<std::pair<std::string, int64_t>>(
      *stmt, [](const SqlStatement& row) { return std::make_pair(row.Text(0), row.Int(1)); });
}

}  // namespace acogida::sql_accounts
