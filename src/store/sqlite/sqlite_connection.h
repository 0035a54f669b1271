// A SqliteConnection is one open sqlite3 handle with its cache of prepared statements,
// configured for Acogida (WAL, foreign keys, synchronous=FULL, busy timeout). A Statement
// borrows a cached prepared statement, binds parameters by position (1-based), steps it and
// resets it when destroyed. SqliteError turns a result code into a Status once, here.
// Not thread-safe: one thread uses a connection at a time (the store's pool hands them out).
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>

#include "core/status.h"

namespace acogida {

// Maps a SQLite result code to a Status: constraint violations to AlreadyExists (unique)
// or FailedPrecondition (foreign key, check), busy/locked to Unavailable, others to Internal.
Status SqliteError(std::string_view context, int rc, sqlite3* db);

class Statement {
 public:
  Statement(sqlite3* db, sqlite3_stmt* stmt) : db_(db), stmt_(stmt) {}
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  ~Statement();

  Statement& Bind(int index, int64_t value);
  Statement& Bind(int index, int value) { return Bind(index, static_cast<int64_t>(value)); }
  Statement& Bind(int index, double value);
  Statement& Bind(int index, std::string_view value);
  Statement& Bind(int index, const char* value) { return Bind(index, std::string_view(value)); }
  Statement& Bind(int index, const std::string& value) { return Bind(index, std::string_view(value)); }

  // Advances to the next row: true if there is one, false when done; an error otherwise.
  StatusOr<bool> Step();
  // Runs a statement that returns no rows (or ignores them).
  Status Run();
  // Makes the statement ready to be bound and run again.
  void Reset() { sqlite3_reset(stmt_); }

  int64_t Int(int column) const { return sqlite3_column_int64(stmt_, column); }
  double Double(int column) const { return sqlite3_column_double(stmt_, column); }
  std::string Text(int column) const;
  // Rows changed by the last Run().
  int Changes() const { return sqlite3_changes(db_); }

 private:
  sqlite3* db_;
  sqlite3_stmt* stmt_;
};

class SqliteConnection {
 public:
  // Opens `path` (creating it when `create` is true) and applies the connection settings.
  static StatusOr<std::unique_ptr<SqliteConnection>> Open(const std::string& path, bool create, int busy_timeout_ms);
  ~SqliteConnection();

  // A statement for `sql`, prepared once per connection and cached.
  StatusOr<std::unique_ptr<Statement>> Prepare(const std::string& sql);
  // Runs one or more statements without parameters (schema, pragmas); parsed every time.
  Status Exec(const std::string& sql);
  // Runs one statement without parameters, prepared once (BEGIN, COMMIT, SAVEPOINT ...).
  Status Run(const std::string& sql);
  sqlite3* handle() { return db_; }

 private:
  explicit SqliteConnection(sqlite3* db) : db_(db) {}
  sqlite3* db_;
  std::map<std::string, sqlite3_stmt*, std::less<>> cache_;
};

}  // namespace acogida
