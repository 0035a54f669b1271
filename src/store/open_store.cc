// Choosing the backend from the database argument, and finding the key ring for it.
#include "crypto/key_ring.h"
#include "store/postgres/pg_connection.h"
#include "store/sqlite/sqlite_connection.h"
#include "store/store.h"

namespace acogida {

bool IsPostgresUrl(std::string_view db) {
  return db.starts_with("postgresql://") || db.starts_with("postgres://");
}

std::string RedactUrl(std::string_view url) {
  // scheme://user:password@host → scheme://user:***@host; password=... parameters too.
  std::string out(url);
  size_t scheme = out.find("://");
  size_t at = out.find('@');
  if (scheme != std::string::npos && at != std::string::npos && at > scheme) {
    size_t colon = out.find(':', scheme + 3);
    if (colon != std::string::npos && colon < at) out.replace(colon + 1, at - colon - 1, "***");
  }
  size_t password = out.find("password=");
  if (password != std::string::npos) {
    size_t end = out.find_first_of("& ", password);
    out.replace(password + 9, (end == std::string::npos ? out.size() : end) - password - 9, "***");
  }
  return out;
}

std::string DefaultKeyFile(const std::string& db_path) { return db_path + ".keys"; }

StatusOr<KeyRing> LoadKeys(const std::string& db, const std::string& key_file) {
  auto from_environment = KeyRingFromEnvironment();
  if (from_environment.ok() || from_environment.status().code() != StatusCode::kNotFound) return from_environment;
  if (!key_file.empty()) return LoadOrCreateKeyFile(key_file, "k1");
  if (IsPostgresUrl(db)) {
    return FailedPrecondition(
        "a PostgreSQL database needs the organisation's key file (--keys FILE, the same file on every server) "
        "or the ACOGIDA_KEYS variable");
  }
  return LoadOrCreateKeyFile(DefaultKeyFile(db), "k1");
}

StatusOr<KeyRing> LoadDefaultKeys(const std::string& db_path) { return LoadKeys(db_path, ""); }

StatusOr<std::unique_ptr<SqlConnection>> OpenSqlConnection(const std::string& db) {
  if (IsPostgresUrl(db)) {
    ASSIGN_OR_RETURN(auto connection, PgConnection::Open(db, PgConnectOptions{}));
    return std::unique_ptr<SqlConnection>(std::move(connection));
  }
  ASSIGN_OR_RETURN(auto connection, SqliteConnection::Open(db, /*create=*/false, /*busy_timeout_ms=*/5000));
  return std::unique_ptr<SqlConnection>(std::move(connection));
}

StatusOr<std::unique_ptr<Store>> OpenStore(const std::string& db, const StoreOptions& options) {
  if (IsPostgresUrl(db)) return OpenPostgresStore(db, options);
  return OpenSqliteStore(db, options);
}

}  // namespace acogida
