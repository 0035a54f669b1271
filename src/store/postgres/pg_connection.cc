// PostgreSQL connection (libpq), prepared-statement cache, placeholder numbering and the
// SQLSTATE → Status map.
#include "store/postgres/pg_connection.h"

#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace acogida {

std::string NumberPlaceholders(std::string_view sql, int* count) {
  std::string out;
  out.reserve(sql.size() + 16);
  int n = 0;
  char quote = 0;
  for (char c : sql) {
    if (quote) {
      if (c == quote) quote = 0;
      out.push_back(c);
    } else if (c == '\'' || c == '"') {
      quote = c;
      out.push_back(c);
    } else if (c == '?') {
      out += "$" + std::to_string(++n);
    } else {
      out.push_back(c);
    }
  }
  if (count) *count = n;
  return out;
}

// ---- PgStatement ----

PgStatement::PgStatement(PgConnection& connection, std::string name, int params)
    : connection_(connection), name_(std::move(name)), params_(params) {}

PgStatement::~PgStatement() {
  if (result_) PQclear(result_);
}

SqlStatement& PgStatement::Bind(int index, int64_t value) {
  if (index >= 1 && index <= static_cast<int>(params_.size())) params_[index - 1] = std::to_string(value);
  return *this;
}

SqlStatement& PgStatement::Bind(int index, double value) {
  char text[32];
  std::snprintf(text, sizeof text, "%.17g", value);
  if (index >= 1 && index <= static_cast<int>(params_.size())) params_[index - 1] = text;
  return *this;
}

SqlStatement& PgStatement::Bind(int index, std::string_view value) {
  if (index >= 1 && index <= static_cast<int>(params_.size())) params_[index - 1] = std::string(value);
  return *this;
}

SqlStatement& PgStatement::BindNull(int index) {
  if (index >= 1 && index <= static_cast<int>(params_.size())) params_[index - 1].reset();
  return *this;
}

Status PgStatement::Execute() {
  std::vector<const char*> values(params_.size());
  std::vector<int> lengths(params_.size());
  for (size_t i = 0; i < params_.size(); ++i) {
    values[i] = params_[i] ? params_[i]->c_str() : nullptr;
    lengths[i] = params_[i] ? static_cast<int>(params_[i]->size()) : 0;
  }
  if (result_) PQclear(result_);
  result_ = PQexecPrepared(connection_.handle(), name_.c_str(), static_cast<int>(values.size()), values.data(),
                           lengths.data(), nullptr, 0);
  executed_ = true;
  row_ = -1;
  changes_ = 0;
  ExecStatusType status = result_ ? PQresultStatus(result_) : PGRES_FATAL_ERROR;
  if (status != PGRES_TUPLES_OK && status != PGRES_COMMAND_OK) return connection_.Error("statement", result_);
  const char* tuples = PQcmdTuples(result_);
  changes_ = (tuples && *tuples) ? std::strtoll(tuples, nullptr, 10) : 0;
  return OkStatus();
}

StatusOr<bool> PgStatement::Step() {
  if (!executed_) RETURN_IF_ERROR(Execute());
  if (row_ + 1 < PQntuples(result_)) {
    ++row_;
    return true;
  }
  return false;
}

Status PgStatement::Run() {
  if (executed_) return OkStatus();
  return Execute();
}

void PgStatement::Reset() {
  if (result_) PQclear(result_);
  result_ = nullptr;
  executed_ = false;
  row_ = -1;
}

int64_t PgStatement::Int(int column) const {
  if (!result_ || row_ < 0 || PQgetisnull(result_, row_, column)) return 0;
  return std::strtoll(PQgetvalue(result_, row_, column), nullptr, 10);
}

double PgStatement::Double(int column) const {
  if (!result_ || row_ < 0 || PQgetisnull(result_, row_, column)) return 0;
  return std::strtod(PQgetvalue(result_, row_, column), nullptr);
}

std::string PgStatement::Text(int column) const {
  if (!result_ || row_ < 0 || PQgetisnull(result_, row_, column)) return "";
  return std::string(PQgetvalue(result_, row_, column), PQgetlength(result_, row_, column));
}

// ---- PgConnection ----

StatusOr<std::unique_ptr<PgConnection>> PgConnection::Open(const std::string& url, const PgConnectOptions& options) {
  // Settings go in the startup packet, so that no round trip is spent on them.
  std::string settings = "-c TimeZone=UTC -c statement_timeout=" + std::to_string(options.statement_timeout_ms) +
                         " -c lock_timeout=" + std::to_string(options.lock_timeout_ms) +
                         " -c idle_in_transaction_session_timeout=60000";
  std::string timeout = std::to_string(options.connect_timeout_s);
  const char* keys[] = {"dbname", "options", "connect_timeout", "application_name", "client_encoding", nullptr};
  const char* values[] = {url.c_str(), settings.c_str(), timeout.c_str(), "acogida", "UTF8", nullptr};
  PGconn* conn = PQconnectdbParams(keys, values, /*expand_dbname=*/1);
  if (!conn) return Unavailable("cannot connect to PostgreSQL: out of memory");
  if (PQstatus(conn) != CONNECTION_OK) {
    std::string message = PQerrorMessage(conn);
    while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) message.pop_back();
    PQfinish(conn);
    return Unavailable("cannot connect to PostgreSQL at '" + RedactUrl(url) + "': " + message);
  }
  // Notices ("relation already exists, skipping") are not for the operator's terminal.
  PQsetNoticeProcessor(conn, [](void*, const char*) {}, nullptr);
  return std::unique_ptr<PgConnection>(new PgConnection(conn));
}

PgConnection::~PgConnection() { PQfinish(conn_); }

bool PgConnection::in_transaction() const {
  PGTransactionStatusType status = PQtransactionStatus(conn_);
  return status == PQTRANS_INTRANS || status == PQTRANS_INERROR || status == PQTRANS_ACTIVE;
}

StatusOr<std::unique_ptr<SqlStatement>> PgConnection::Prepare(const std::string& sql) {
  auto found = cache_.find(sql);
  if (found == cache_.end()) {
    int params = 0;
    std::string numbered = NumberPlaceholders(sql, &params);
    std::string name = "s" + std::to_string(cache_.size() + 1);
    PGresult* result = PQprepare(conn_, name.c_str(), numbered.c_str(), params, nullptr);
    bool ok = result && PQresultStatus(result) == PGRES_COMMAND_OK;
    Status status = ok ? OkStatus() : Error("prepare", result);
    if (result) PQclear(result);
    if (!ok) return status;
    found = cache_.emplace(sql, std::make_pair(name, params)).first;
  }
  return std::unique_ptr<SqlStatement>(
      std::make_unique<PgStatement>(*this, found->second.first, found->second.second));
}

Status PgConnection::Exec(const std::string& sql) {
  PGresult* result = PQexec(conn_, sql.c_str());
  ExecStatusType status = result ? PQresultStatus(result) : PGRES_FATAL_ERROR;
  Status out = (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK) ? OkStatus() : Error("exec", result);
  if (result) PQclear(result);
  return out;
}

Status PgConnection::LockUntilCommit(std::string_view name) {
  ASSIGN_OR_RETURN(auto stmt, Prepare("SELECT pg_advisory_xact_lock(hashtext(?))"));
  stmt->Bind(1, name);
  return stmt->Run();
}

Status PgConnection::Error(std::string_view context, const PGresult* result) {
  const char* state = result ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
  std::string code = state ? state : "";
  std::string message = result ? PQresultErrorMessage(result) : "";
  if (message.empty()) message = PQerrorMessage(conn_);
  while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) message.pop_back();
  message = std::string(context) + ": " + message;
  retryable_ = false;
  if (!healthy() || code.starts_with("08")) {  // connection exception
    retryable_ = true;
    return Unavailable("lost the connection to PostgreSQL: " + message);
  }
  if (code == "40001" || code == "40P01") {  // serialization_failure, deadlock_detected
    retryable_ = true;
    return Aborted("a concurrent change got in the way; try again (" + message + ")");
  }
  if (code == "23505") return AlreadyExists(message);
  if (code.starts_with("23")) return FailedPrecondition(message);  // foreign key, check, not null
  if (code == "57014" || code == "55P03") return Unavailable("the database is busy; try again (" + message + ")");
  if (code.starts_with("53") || code.starts_with("57P")) return Unavailable(message);  // resources, shutdown
  if (code.starts_with("22")) return InvalidArgument("", message);  // data exception (e.g. bad encoding)
  return Internal(message);
}

}  // namespace acogida
