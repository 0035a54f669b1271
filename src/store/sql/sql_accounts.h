// Reads and writes of accounts, sessions, login attempts and the audit trail, as free
// functions over a connection inside an open transaction; SqlTx forwards to them.
#pragma once

#include "store/sql/sql_connection.h"
#include "store/store.h"

namespace acogida::sql_accounts {

Status InsertUser(SqlConnection& db, const std::string& now, User& user, const std::string& password_hash);
StatusOr<User> GetUser(SqlConnection& db, int64_t user_id);
StatusOr<User> FindUserByUsername(SqlConnection& db, const std::string& username, std::string* password_hash);
StatusOr<std::vector<User>> ListUsers(SqlConnection& db);
Status UpdateUser(SqlConnection& db, User& user);
Status SetPasswordHash(SqlConnection& db, const std::string& now, int64_t user_id, const std::string& hash);

Status InsertSession(SqlConnection& db, const std::string& now, SessionRecord& session);
StatusOr<SessionRecord> FindSession(SqlConnection& db, const std::string& token_digest);
Status TouchSession(SqlConnection& db, const std::string& now, int64_t session_id);
Status DeleteSession(SqlConnection& db, int64_t session_id);
Status DeleteSessionsOfUser(SqlConnection& db, int64_t user_id, int64_t except_session_id);
Status RecordLoginAttempt(SqlConnection& db, const std::string& now, const std::string& username,
                          const std::string& remote_address, bool succeeded);
StatusOr<LoginFailures> CountLoginFailures(SqlConnection& db, const std::string& username,
                                           const std::string& remote_address, const std::string& since_utc);

Status AppendAudit(SqlConnection& db, const std::string& now, AuditEntry& entry);
StatusOr<int64_t> ChainPendingAudit(SqlConnection& db, int limit);
StatusOr<AuditPage> ListAudit(SqlConnection& db, const AuditFilter& filter);
Status ForEachAudit(SqlConnection& db, const std::function<Status(const AuditEntry&)>& visit);
Status ForEachImportedAudit(SqlConnection& db,
                            const std::function<Status(const std::string&, const AuditEntry&)>& visit);
StatusOr<std::vector<std::pair<std::string, int64_t>>> PersonReadsSince(SqlConnection& db,
                                                                        const std::string& since_utc);

}  // namespace acogida::sql_accounts
