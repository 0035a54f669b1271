// A SqliteConnection is one open sqlite3 handle with its cache of prepared statements,
// configured for Acogida (WAL, foreign keys, synchronous=FULL, busy timeout): the SQLite
// side of sql/sql_connection.h. A SqliteStatement borrows a cached prepared statement, binds
// parameters by position (1-based), steps it and resets it when destroyed. SqliteError turns
// a result code into a Status once, here.
// Not thread-safe: one thread uses a connection at a time (the store's pool hands them out).
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>

#include "core/status.h"
#include "store/sql/sql_connection.h"

namespace acogida {

// Maps a SQLite result code to a Status: constraint violations to AlreadyExists (unique)
// or FailedPrecondition (foreign key, check), busy/locked to Unavailable, others to Internal.
Status SqliteError(std::string_view context, int rc, sqlite3* db);

class SqliteStatement : public SqlStatement {
 public:
  SqliteStatement(sqlite3* db, sqlite3_stmt* stmt) : db_(db), stmt_(stmt) {}
  SqliteStatement(const SqliteStatement&) = delete;
  SqliteStatement& operator=(const SqliteStatement&) = delete;
  ~SqliteStatement() override;

  using SqlStatement::Bind;
  SqlStatement& Bind(int index, int64_t value) override;
  SqlStatement& Bind(int index, double value) override;
  SqlStatement& Bind(int index, std::string_view value) override;
  SqlStatement& BindNull(int index) override {
    sqlite3_bind_null(stmt_, index);
    return *this;
  }
  StatusOr<bool> Step() override;
  Status Run() override;
  void Reset() override { sqlite3_reset(stmt_); }
  int64_t Int(int column) const override { return sqlite3_column_int64(stmt_, column); }
  double Double(int column) const override { return sqlite3_column_double(stmt_, column); }
  std::string Text(int column) const override;
  int64_t Changes() const override { return sqlite3_changes(db_); }

 private:
  sqlite3* db_;
  sqlite3_stmt* stmt_;
};

class SqliteConnection : public SqlConnection {
 public:
  // Opens `path` (creating it when `create` is true) and applies the connection settings.
  static StatusOr<std::unique_ptr<SqliteConnection>> Open(const std::string& path, bool create, int busy_timeout_ms);
  ~SqliteConnection() override;

  StatusOr<std::unique_ptr<SqlStatement>> Prepare(const std::string& sql) override;
  Status Exec(const std::string& sql) override;
  Status LockUntilCommit(std::string_view) override { return OkStatus(); }
  SqlDialect dialect() const override { return SqlDialect::kSqlite; }
  // Runs one statement without parameters, prepared once (BEGIN, COMMIT, SAVEPOINT ...).
  Status Run(const std::string& sql);
  sqlite3* handle() { return db_; }

 private:
  explicit SqliteConnection(sqlite3* db) : db_(db) {}
  sqlite3* db_;
  std::map<std::string, sqlite3_stmt*, std::less<>> cache_;
};

}  // namespace acogida
