// The one SQL interface the Tx code is written against, implemented by each backend
// (sqlite/sqlite_connection, postgres/pg_connection). Statements use '?' placeholders, bound
// by position from 1; the PostgreSQL connection rewrites them to $1, $2 ... once per
// statement text. A statement runs when first stepped (or Run), yields its rows one by one,
// and is made reusable with Reset. Errors are Status values, mapped once per backend:
// unique violations AlreadyExists, other constraint violations FailedPrecondition,
// lock timeouts and lost connections Unavailable, serialisation failures Aborted.
// Not thread-safe: one thread uses a connection at a time (the stores' pools hand them out).
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "core/status.h"

namespace acogida {

enum class SqlDialect { kSqlite, kPostgres };

class SqlStatement {
 public:
  virtual ~SqlStatement() = default;

  virtual SqlStatement& Bind(int index, int64_t value) = 0;
  virtual SqlStatement& Bind(int index, double value) = 0;
  virtual SqlStatement& Bind(int index, std::string_view value) = 0;
  virtual SqlStatement& BindNull(int index) = 0;
  SqlStatement& Bind(int index, int value) { return Bind(index, static_cast<int64_t>(value)); }
  SqlStatement& Bind(int index, const char* value) { return Bind(index, std::string_view(value)); }
  SqlStatement& Bind(int index, const std::string& value) { return Bind(index, std::string_view(value)); }

  // Advances to the next row: true if there is one, false when done; an error otherwise.
  virtual StatusOr<bool> Step() = 0;
  // Runs a statement that returns no rows (or finishes one whose rows were read).
  virtual Status Run() = 0;
  // Makes the statement ready to be bound and run again.
  virtual void Reset() = 0;

  virtual int64_t Int(int column) const = 0;
  virtual double Double(int column) const = 0;
  virtual std::string Text(int column) const = 0;
  // Rows changed by the last Run().
  virtual int64_t Changes() const = 0;
};

class SqlConnection {
 public:
  virtual ~SqlConnection() = default;
  // A statement for `sql`, prepared once per connection and cached.
  virtual StatusOr<std::unique_ptr<SqlStatement>> Prepare(const std::string& sql) = 0;
  // Runs one or more statements without parameters (schema); parsed every time.
  virtual Status Exec(const std::string& sql) = 0;
  // Holds a lock named `name` until the end of the current transaction, across every process
  // on the database (PostgreSQL advisory lock). SQLite serialises writers already: no-op.
  virtual Status LockUntilCommit(std::string_view name) = 0;
  virtual SqlDialect dialect() const = 0;
  // True when the database lets one writer at a time commit (SQLite): such a writer may read
  // and extend a chain without a lock held through its commit.
  bool writers_take_turns() const { return dialect() == SqlDialect::kSqlite; }
};

// A connection of its own to `db` (a SQLite file that must exist, or a postgresql:// URL),
// outside any store's pool: for tools that work below the Tx, such as the importer.
StatusOr<std::unique_ptr<SqlConnection>> OpenSqlConnection(const std::string& db);

}  // namespace acogida
