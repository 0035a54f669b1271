// SQLite reads and writes of accounts, sessions, login attempts and the audit trail, as free
// functions over a connection inside an open transaction; SqliteTx forwards to them.
#pragma once

#include "store/sqlite/sqlite_connection.h"
#include "store/store.h"

namespace acogida::sqlite_accounts {

Status InsertUser(SqliteConnection& db, const std::string& now, User& user, const std::string& password_hash);
StatusOr<User> GetUser(SqliteConnection& db, int64_t user_id);
StatusOr<User> FindUserByUsername(SqliteConnection& db, const std::string& username, std::string* password_hash);
StatusOr<std::vector<User>> ListUsers(SqliteConnection& db);
Status UpdateUser(SqliteConnection& db, User& user);
Status SetPasswordHash(SqliteConnection& db, const std::string& now, int64_t user_id, const std::string& hash);

Status InsertSession(SqliteConnection& db, const std::string& now, SessionRecord& session);
StatusOr<SessionRecord> FindSession(SqliteConnection& db, const std::string& token_digest);
Status TouchSession(SqliteConnection& db, const std::string& now, int64_t session_id);
Status DeleteSession(SqliteConnection& db, int64_t session_id);
Status DeleteSessionsOfUser(SqliteConnection& db, int64_t user_id, int64_t except_session_id);
Status RecordLoginAttempt(SqliteConnection& db, const std::string& now, const std::string& username,
                          const std::string& remote_address, bool succeeded);
StatusOr<LoginFailures> CountLoginFailures(SqliteConnection& db, const std::string& username,
                                           const std::string& remote_address, const std::string& since_utc);

Status AppendAudit(SqliteConnection& db, const std::string& now, AuditEntry& entry);
StatusOr<AuditPage> ListAudit(SqliteConnection& db, const AuditFilter& filter);
Status ForEachAudit(SqliteConnection& db, const std::function<Status(const AuditEntry&)>& visit);
StatusOr<std::vector<std::pair<std::string, int64_t>>> PersonReadsSince(SqliteConnection& db,
                                                                        const std::string& since_utc);

}  // namespace acogida::sqlite_accounts
