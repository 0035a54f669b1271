// The SQLite Store: a pool of connections to one database file in WAL mode, so readers run
// beside the one writer. Write transactions use group commit: concurrent writers queue their
// work, and whichever finds no batch running becomes the leader, runs every queued work in one
// SQLite transaction (BEGIN IMMEDIATE), each inside its own SAVEPOINT so that a failing work
// rolls back alone, and commits once: one fsync for the whole batch. Each caller gets its own
// result only after the commit, so an acknowledged write is durable, and a failed commit fails
// every work of the batch. Other processes wait for the write lock up to busy_timeout_ms.
// Migrations run at open.
#include <unistd.h>

#include <condition_variable>
#include <deque>
#include <filesystem>
#include <mutex>
#include <vector>

#include "crypto/key_ring.h"
#include "store/migrations.h"
#include "store/sqlite/sqlite_connection.h"
#include "store/sql/sql_tx.h"
#include "store/store.h"

namespace acogida {
namespace {


Status CheckPath(const std::string& path, bool create_if_missing) {
  namespace fs = std::filesystem;
  if (path.empty()) return FailedPrecondition("the database path is empty");
  fs::path file(path);
  fs::path folder = file.has_parent_path() ? file.parent_path() : fs::path(".");
  std::error_code error;
  if (!fs::is_directory(folder, error)) {
    return FailedPrecondition("cannot open database '" + path + "': folder '" + folder.string() +
                              "' does not exist");
  }
  if (fs::exists(file, error)) {
    if (fs::is_directory(file, error)) {
      return FailedPrecondition("cannot open database '" + path + "': it is a folder");
    }
    if (::access(path.c_str(), R_OK | W_OK) != 0) {
      return FailedPrecondition("cannot open database '" + path + "': the file is not writable");
    }
  } else if (!create_if_missing) {
    return FailedPrecondition("database '" + path + "' does not exist");
  }
  // WAL mode creates -wal and -shm files beside the database.
  if (::access(folder.c_str(), W_OK) != 0) {
    return FailedPrecondition("cannot open database '" + path + "': folder '" + folder.string() +
                              "' is not writable");
  }
  return OkStatus();
}

class SqliteStore : public Store {
 public:
  SqliteStore(std::string path, SqliteOptions options, std::shared_ptr<const KeyRing> keys)
      : path_(std::move(path)), options_(std::move(options)), keys_(std::move(keys)) {}

  Status Migrate() {
    ASSIGN_OR_RETURN(auto connection, Acquire());
    Status status = connection->Exec(
        "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, "
        "applied_at TEXT NOT NULL)");
    for (const Migration& migration : Migrations()) {
      if (!status.ok()) break;
      status = Run(*connection, TxMode::kWrite, [&](Tx&) -> Status {
        ASSIGN_OR_RETURN(auto applied, connection->Prepare("SELECT 1 FROM schema_migrations WHERE version = ?"));
        applied->Bind(1, migration.version);
        ASSIGN_OR_RETURN(bool done, applied->Step());
        if (done) return OkStatus();
        RETURN_IF_ERROR(connection->Exec(ApplyDialect(migration.sql, SqlDialect::kSqlite)));
        ASSIGN_OR_RETURN(auto record, connection->Prepare(
            "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)"));
        record->Bind(1, migration.version).Bind(2, migration.name).Bind(3, Now());
        return record->Run();
      });
    }
    Release(std::move(connection));
    return status;
  }

  Status InTransaction(TxMode mode, const std::function<Status(Tx&)>& work) override {
    if (mode == TxMode::kWrite) return GroupWrite(work);
    ASSIGN_OR_RETURN(auto connection, Acquire());
    Status status = Run(*connection, mode, work);
    Release(std::move(connection));
    return status;
  }

  std::string Backend() const override { return "sqlite"; }

 private:
  Status Run(SqliteConnection& connection, TxMode mode, const std::function<Status(Tx&)>& work) {
    RETURN_IF_ERROR(connection.Run(mode == TxMode::kWrite ? "BEGIN IMMEDIATE" : "BEGIN"));
    auto tx = NewSqlTx(connection, *keys_, Now());
    Status status = work(*tx);
    if (status.ok()) status = connection.Run("COMMIT");
    if (!status.ok() && !sqlite3_get_autocommit(connection.handle())) {
      connection.Run("ROLLBACK").ok();  // the original error is what the caller needs
    }
    return status;
  }

  struct PendingWrite {
    const std::function<Status(Tx&)>* work;
    Status result;
    bool done = false;
  };

  Status GroupWrite(const std::function<Status(Tx&)>& work) {
    PendingWrite mine{&work};
    std::unique_lock<std::mutex> lock(queue_mutex_);
    queue_.push_back(&mine);
    while (!mine.done) {
      if (leader_active_) {
        batch_done_.wait(lock);
        continue;
      }
      leader_active_ = true;
      std::vector<PendingWrite*> batch;
      while (!queue_.empty() && batch.size() < kMaxBatch) {
        batch.push_back(queue_.front());
        queue_.pop_front();
      }
      lock.unlock();
      RunBatch(batch);
      lock.lock();
      for (PendingWrite* pending : batch) pending->done = true;
      leader_active_ = false;
      batch_done_.notify_all();
    }
    return mine.result;
  }

  // Runs each work in its own savepoint of one transaction, then commits once.
  void RunBatch(const std::vector<PendingWrite*>& batch) {
    auto connection = Acquire();
    if (!connection.ok()) {
      for (PendingWrite* pending : batch) pending->result = connection.status();
      return;
    }
    SqliteConnection& db = **connection;
    Status begun = db.Run("BEGIN IMMEDIATE");
    if (!begun.ok()) {
      for (PendingWrite* pending : batch) pending->result = begun;
      Release(std::move(connection).value());
      return;
    }
    auto tx = NewSqlTx(db, *keys_, Now());
    for (PendingWrite* pending : batch) {
      // Some errors (disk full, I/O) make SQLite roll back the whole transaction; the
      // remaining works must not then run one statement at a time outside it.
      if (sqlite3_get_autocommit(db.handle())) {
        pending->result = Aborted("the write transaction was rolled back by an earlier error; try again");
        continue;
      }
      Status status = db.Run("SAVEPOINT work");
      if (status.ok()) status = RunGuarded(*pending->work, *tx);
      Status closed = status.ok() ? db.Run("RELEASE work") : db.Run("ROLLBACK TO work");
      if (!status.ok() && closed.ok()) closed = db.Run("RELEASE work");
      pending->result = status.ok() ? closed : status;
    }
    Status committed = db.Run("COMMIT");
    if (!committed.ok()) {
      if (!sqlite3_get_autocommit(db.handle())) db.Run("ROLLBACK").ok();
      for (PendingWrite* pending : batch) {
        if (pending->result.ok()) pending->result = committed;
      }
    }
    Release(std::move(connection).value());
  }

  static Status RunGuarded(const std::function<Status(Tx&)>& work, Tx& tx) {
    try {
      return work(tx);
    } catch (const std::exception& error) {
      return Internal(std::string("write failed: ") + error.what());
    }
  }

  std::string Now() const {
    return FormatUtc(options_.clock ? options_.clock()
                                    : std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now()));
  }

  StatusOr<std::unique_ptr<SqliteConnection>> Acquire() {
    {
      std::lock_guard<std::mutex> lock(pool_mutex_);
      if (!idle_.empty()) {
        auto connection = std::move(idle_.back());
        idle_.pop_back();
        return connection;
      }
    }
    return SqliteConnection::Open(path_, options_.create_if_missing, options_.busy_timeout_ms);
  }

  void Release(std::unique_ptr<SqliteConnection> connection) {
    std::lock_guard<std::mutex> lock(pool_mutex_);
    idle_.push_back(std::move(connection));
  }

  // Bounds a batch so one leader does not hold the write lock too long.
  static constexpr size_t kMaxBatch = 256;

  const std::string path_;
  const SqliteOptions options_;
  const std::shared_ptr<const KeyRing> keys_;
  std::mutex queue_mutex_;
  std::condition_variable batch_done_;
  std::deque<PendingWrite*> queue_;
  bool leader_active_ = false;
  std::mutex pool_mutex_;
  std::vector<std::unique_ptr<SqliteConnection>> idle_;
};

}  // namespace

StatusOr<std::unique_ptr<Store>> OpenSqliteStore(const std::string& path, const SqliteOptions& options) {
  RETURN_IF_ERROR(CheckPath(path, options.create_if_missing));
  std::shared_ptr<const KeyRing> keys = options.keys;
  if (!keys) {
    ASSIGN_OR_RETURN(KeyRing loaded, LoadKeys(path, options.key_file));
    keys = std::make_shared<const KeyRing>(std::move(loaded));
  }
  auto store = std::make_unique<SqliteStore>(path, options, std::move(keys));
  RETURN_IF_ERROR(store->Migrate());
  RETURN_IF_ERROR(store->InTransaction(TxMode::kWrite, [](Tx& tx) { return tx.CheckKeyRing(); }));
  return std::unique_ptr<Store>(std::move(store));
}

}  // namespace acogida
