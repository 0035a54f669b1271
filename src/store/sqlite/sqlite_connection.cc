// SQLite connection, prepared-statement cache and error mapping.
#include "store/sqlite/sqlite_connection.h"

namespace acogida {

Status SqliteError(std::string_view context, int rc, sqlite3* db) {
  std::string message = std::string(context) + ": " + (db ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
  switch (rc) {
    case SQLITE_CONSTRAINT_UNIQUE:
    case SQLITE_CONSTRAINT_PRIMARYKEY:
      return AlreadyExists(message);
    case SQLITE_CONSTRAINT_FOREIGNKEY:
    case SQLITE_CONSTRAINT_CHECK:
    case SQLITE_CONSTRAINT_NOTNULL:
      return FailedPrecondition(message);
    default:
      break;
  }
  switch (rc & 0xff) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return Unavailable(message);
    case SQLITE_CANTOPEN:
    case SQLITE_READONLY:
    case SQLITE_PERM:
      return FailedPrecondition(message);
    case SQLITE_FULL:
      return Unavailable(message);
    default:
      return Internal(message);
  }
}

SqliteStatement::~SqliteStatement() {
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
}

SqlStatement& SqliteStatement::Bind(int index, int64_t value) {
  sqlite3_bind_int64(stmt_, index, value);
  return *this;
}

SqlStatement& SqliteStatement::Bind(int index, double value) {
  sqlite3_bind_double(stmt_, index, value);
  return *this;
}

SqlStatement& SqliteStatement::Bind(int index, std::string_view value) {
  sqlite3_bind_text(stmt_, index, value.data(), static_cast<int>(value.size()), SQLITE_TRANSIENT);
  return *this;
}

StatusOr<bool> SqliteStatement::Step() {
  int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  return SqliteError("step", sqlite3_extended_errcode(db_), db_);
}

Status SqliteStatement::Run() {
  while (true) {
    ASSIGN_OR_RETURN(bool has_row, Step());
    if (!has_row) return OkStatus();
  }
}

std::string SqliteStatement::Text(int column) const {
  const unsigned char* text = sqlite3_column_text(stmt_, column);
  if (text == nullptr) return {};
  return std::string(reinterpret_cast<const char*>(text), sqlite3_column_bytes(stmt_, column));
}

StatusOr<std::unique_ptr<SqliteConnection>> SqliteConnection::Open(const std::string& path, bool create,
                                                                   int busy_timeout_ms) {
  sqlite3* db = nullptr;
  int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX | (create ? SQLITE_OPEN_CREATE : 0);
  int rc = sqlite3_open_v2(path.c_str(), &db, flags, nullptr);
  if (rc != SQLITE_OK) {
    Status status = SqliteError("cannot open database '" + path + "'", rc, db);
    sqlite3_close(db);
    return status;
  }
  sqlite3_extended_result_codes(db, 1);
  sqlite3_busy_timeout(db, busy_timeout_ms);
  std::unique_ptr<SqliteConnection> connection(new SqliteConnection(db));
  // WAL lets readers run beside the writer; synchronous=FULL makes every acknowledged
  // commit durable (fsync of the WAL at commit).
  RETURN_IF_ERROR(connection->Exec(
      "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON; "
      "PRAGMA temp_store=MEMORY; PRAGMA cache_size=-16000; PRAGMA mmap_size=268435456;"));
  return connection;
}

SqliteConnection::~SqliteConnection() {
  for (auto& [sql, stmt] : cache_) sqlite3_finalize(stmt);
  sqlite3_close(db_);
}

StatusOr<std::unique_ptr<SqlStatement>> SqliteConnection::Prepare(const std::string& sql) {
  auto found = cache_.find(sql);
  if (found == cache_.end()) {
    sqlite3_stmt* stmt = nullptr;
    int rc = sqlite3_prepare_v3(db_, sql.c_str(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT, &stmt,
                                nullptr);
    if (rc != SQLITE_OK) return SqliteError("prepare", rc, db_);
    found = cache_.emplace(sql, stmt).first;
  }
  return std::unique_ptr<SqlStatement>(std::make_unique<SqliteStatement>(db_, found->second));
}

Status SqliteConnection::Run(const std::string& sql) {
  ASSIGN_OR_RETURN(auto stmt, Prepare(sql));
  return stmt->Run();
}

Status SqliteConnection::Exec(const std::string& sql) {
  char* error = nullptr;
  int rc = sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &error);
  if (rc == SQLITE_OK) return OkStatus();
  sqlite3_free(error);
  Status status = SqliteError("exec", sqlite3_extended_errcode(db_), db_);
  return status;
}

}  // namespace acogida
