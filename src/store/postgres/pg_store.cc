// The PostgreSQL Store, for a network of sites sharing one database through several
// stateless API servers. Each transaction takes a connection from a bounded pool:
//   kRead   BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY — one consistent snapshot;
//   kWrite  BEGIN (READ COMMITTED) — every statement sees what others committed before it;
//           invariants that span rows hold by constraints, conditional updates (a version
//           per record: UPDATE ... WHERE version = ?) and row or advisory locks taken where
//           they matter (the audit chain's head, a job's claim).
// A transaction that fails on a serialisation failure, a deadlock or a connection lost
// before COMMIT is run again from the start (with jittered backoff, up to `retries`
// times); a connection lost during COMMIT is not, since its outcome is unknown. Migrations
// run at open under an advisory lock, so servers starting together apply them once.
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <random>
#include <thread>
#include <vector>

#include "store/migrations.h"
#include "store/postgres/pg_connection.h"
#include "store/sql/sql_tx.h"
#include "store/store.h"

namespace acogida {
namespace {

class PgStore : public Store {
 public:
  PgStore(std::string url, StoreOptions options, std::shared_ptr<const KeyRing> keys)
      : url_(std::move(url)), options_(std::move(options)), keys_(std::move(keys)) {}

  ~PgStore() override = default;

  Status Migrate() {
    ASSIGN_OR_RETURN(auto connection, Acquire());
    PgConnection& db = *connection;
    Status status = db.Exec("BEGIN");
    if (status.ok()) status = db.LockUntilCommit("acogida.migrate");
    if (status.ok()) {
      status = db.Exec(
          "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, "
          "applied_at TEXT NOT NULL)");
    }
    for (const Migration& migration : Migrations()) {
      if (!status.ok()) break;
      auto applied = db.Prepare("SELECT 1 FROM schema_migrations WHERE version = ?");
      if (!applied.ok()) {
        status = applied.status();
        break;
      }
      (*applied)->Bind(1, migration.version);
      auto done = (*applied)->Step();
      if (!done.ok() || *done) {
        status = done.status();
        continue;
      }
      status = db.Exec(ApplyDialect(migration.sql, SqlDialect::kPostgres));
      if (!status.ok()) break;
      auto record = db.Prepare("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)");
      if (!record.ok()) {
        status = record.status();
        break;
      }
      (*record)->Bind(1, migration.version).Bind(2, migration.name).Bind(3, Now());
      status = (*record)->Run();
    }
    status = status.ok() ? db.Exec("COMMIT") : status;
    if (!status.ok() && db.in_transaction()) db.Exec("ROLLBACK").ok();
    Release(std::move(connection));
    return status;
  }

  Status InTransaction(TxMode mode, const std::function<Status(Tx&)>& work) override {
    for (int attempt = 0;; ++attempt) {
      bool retryable = false;
      Status status = RunOnce(mode, work, &retryable);
      if (status.ok() || !retryable || attempt >= options_.retries) return status;
      // Seeded once per thread, only when a retry needs it (not on every transaction).
      thread_local std::minstd_rand jitter(std::random_device{}());
      int ceiling_ms = 2 << std::min(attempt, 8);  // 2, 4, 8 ... ms
      std::this_thread::sleep_for(std::chrono::milliseconds(1 + jitter() % ceiling_ms));
    }
  }

  std::string Backend() const override { return "postgresql"; }

 private:
  Status RunOnce(TxMode mode, const std::function<Status(Tx&)>& work, bool* retryable) {
    auto acquired = Acquire();
    if (!acquired.ok()) return acquired.status();
    std::unique_ptr<PgConnection> connection = std::move(acquired).value();
    PgConnection& db = *connection;
    db.clear_error();
    Status status =
        db.Exec(mode == TxMode::kWrite ? "BEGIN" : "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    if (status.ok()) {
      auto tx = NewSqlTx(db, *keys_, Now());
      status = RunGuarded(work, *tx);
    }
    bool committing = false;
    if (status.ok()) {
      if (PQtransactionStatus(db.handle()) == PQTRANS_INERROR) {
        status = Internal("a statement failed inside the transaction, but the work reported success");
      } else {
        committing = true;
        status = db.Exec("COMMIT");
      }
    }
    // Retry only what certainly did not commit.
    *retryable = !status.ok() && db.last_error_retryable() && !(committing && !db.healthy());
    if (!status.ok() && db.healthy() && db.in_transaction()) db.Exec("ROLLBACK").ok();
    if (committing && !status.ok() && !db.healthy()) {
      status = Unavailable("lost the connection to PostgreSQL while committing; the change may or may not "
                           "have been saved: check before repeating it");
    }
    Release(std::move(connection));
    return status;
  }

  static Status RunGuarded(const std::function<Status(Tx&)>& work, Tx& tx) {
    try {
      return work(tx);
    } catch (const std::exception& error) {
      return Internal(std::string("transaction failed: ") + error.what());
    }
  }

  std::string Now() const {
    return FormatUtc(options_.clock ? options_.clock()
                                    : std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now()));
  }

  // An idle connection, or a new one while fewer than pool_size are open; otherwise waits
  // for one to come back (Unavailable after the statement timeout).
  StatusOr<std::unique_ptr<PgConnection>> Acquire() {
    std::unique_lock<std::mutex> lock(pool_mutex_);
    auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(options_.statement_timeout_ms);
    while (idle_.empty() && open_ >= options_.pool_size) {
      if (returned_.wait_until(lock, deadline) == std::cv_status::timeout) {
        return Unavailable("all " + std::to_string(options_.pool_size) + " database connections are busy; try again");
      }
    }
    if (!idle_.empty()) {
      auto connection = std::move(idle_.back());
      idle_.pop_back();
      return connection;
    }
    ++open_;
    lock.unlock();
    PgConnectOptions connect;
    connect.statement_timeout_ms = options_.statement_timeout_ms;
    auto connection = PgConnection::Open(url_, connect);
    if (!connection.ok()) {
      lock.lock();
      --open_;
      returned_.notify_one();
    }
    return connection;
  }

  void Release(std::unique_ptr<PgConnection> connection) {
    std::lock_guard<std::mutex> lock(pool_mutex_);
    if (connection->healthy() && !connection->in_transaction()) {
      idle_.push_back(std::move(connection));
    } else {
      --open_;  // dropped: a lost or confused connection is never reused
    }
    returned_.notify_one();
  }

  const std::string url_;
  const StoreOptions options_;
  const std::shared_ptr<const KeyRing> keys_;
  std::mutex pool_mutex_;
  std::condition_variable returned_;
  std::vector<std::unique_ptr<PgConnection>> idle_;
  int open_ = 0;
};

}  // namespace

StatusOr<std::unique_ptr<Store>> OpenPostgresStore(const std::string& url, const StoreOptions& options) {
  std::shared_ptr<const KeyRing> keys = options.keys;
  if (!keys) {
    ASSIGN_OR_RETURN(KeyRing loaded, LoadKeys(url, options.key_file));
    keys = std::make_shared<const KeyRing>(std::move(loaded));
  }
  auto store = std::make_unique<PgStore>(url, options, std::move(keys));
  RETURN_IF_ERROR(store->Migrate());
  RETURN_IF_ERROR(store->InTransaction(TxMode::kWrite, [](Tx& tx) { return tx.CheckKeyRing(); }));
  return std::unique_ptr<Store>(std::move(store));
}

}  // namespace acogida
