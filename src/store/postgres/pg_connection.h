// A PgConnection is one libpq connection to PostgreSQL with its cache of prepared
// statements: the PostgreSQL side of sql/sql_connection.h. Statement text uses '?'
// placeholders, rewritten to $1, $2 ... once when first prepared. Parameters and results
// travel as text. PgError maps a SQLSTATE to a Status once, here, and marks the errors
// after which the whole transaction may simply be run again (serialisation failure,
// deadlock, lost connection) as retryable. Not thread-safe: one thread at a time.
#pragma once

#include <libpq-fe.h>

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "store/sql/sql_connection.h"
#include "store/store.h"

namespace acogida {

// `sql` with each '?' outside quotes replaced by $1, $2 ...; *count gets how many.
std::string NumberPlaceholders(std::string_view sql, int* count);

class PgConnection;

class PgStatement : public SqlStatement {
 public:
  PgStatement(PgConnection& connection, std::string name, int params);
  ~PgStatement() override;

  using SqlStatement::Bind;
  SqlStatement& Bind(int index, int64_t value) override;
  SqlStatement& Bind(int index, double value) override;
  SqlStatement& Bind(int index, std::string_view value) override;
  SqlStatement& BindNull(int index) override;
  StatusOr<bool> Step() override;
  Status Run() override;
  void Reset() override;
  int64_t Int(int column) const override;
  double Double(int column) const override;
  std::string Text(int column) const override;
  int64_t Changes() const override { return changes_; }

 private:
  Status Execute();

  PgConnection& connection_;
  const std::string name_;
  std::vector<std::optional<std::string>> params_;
  PGresult* result_ = nullptr;
  bool executed_ = false;
  int row_ = -1;
  int64_t changes_ = 0;
};

struct PgConnectOptions {
  int statement_timeout_ms = 30000;   // a statement running longer is cancelled (Unavailable)
  int lock_timeout_ms = 10000;        // waiting longer for a row or table lock fails (Unavailable)
  int connect_timeout_s = 10;
};

class PgConnection : public SqlConnection {
 public:
  // Connects to `url` (a postgresql:// URI or key=value string) and applies the session
  // settings (UTC, timeouts). Unavailable when the server cannot be reached.
  static StatusOr<std::unique_ptr<PgConnection>> Open(const std::string& url, const PgConnectOptions& options);
  ~PgConnection() override;

  StatusOr<std::unique_ptr<SqlStatement>> Prepare(const std::string& sql) override;
  Status Exec(const std::string& sql) override;
  Status LockUntilCommit(std::string_view name) override;
  SqlDialect dialect() const override { return SqlDialect::kPostgres; }

  // Maps the error of `result` (or of the connection when null) to a Status, and records
  // whether the failure is retryable.
  Status Error(std::string_view context, const PGresult* result);
  // True when the last error was a serialisation failure, a deadlock or a lost connection.
  bool last_error_retryable() const { return retryable_; }
  void clear_error() { retryable_ = false; }
  // False once the connection to the server is lost; the pool then drops it.
  bool healthy() const { return PQstatus(conn_) == CONNECTION_OK; }
  // True while inside a transaction block (including a failed one).
  bool in_transaction() const;
  PGconn* handle() { return conn_; }

 private:
  explicit PgConnection(PGconn* conn) : conn_(conn) {}
  PGconn* conn_;
  std::map<std::string, std::pair<std::string, int>, std::less<>> cache_;  // sql → (name, params)
  bool retryable_ = false;
};

}  // namespace acogida
