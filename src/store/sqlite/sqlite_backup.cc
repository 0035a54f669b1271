// BackupSqliteDatabase (store/backup.h): SQLite's online backup API driven from a read
// connection of its own. That connection opens one read transaction before the first step
// and keeps it until the last, so every step copies from the same snapshot: in WAL mode the
// writers go on appending to the log, and the backup never restarts nor mixes two commits.
// The copy goes to a temporary file beside the target and is renamed into place last.
#include <fcntl.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <thread>
#include <vector>

#include "store/backup.h"
#include "store/sqlite/sqlite_connection.h"

namespace acogida {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

Status PosixError(const std::string& context) {
  int error = errno;
  std::string message = context + ": " + std::strerror(error);
  if (error == ENOENT || error == EACCES || error == EPERM || error == EROFS) return FailedPrecondition(message);
  if (error == ENOSPC || error == EDQUOT) return Unavailable(message);
  return Internal(message);
}

bool Exists(const std::string& path) {
  struct stat info;
  return ::lstat(path.c_str(), &info) == 0;
}

// Owns one sqlite3 handle; closes it when destroyed.
class Handle {
 public:
  Handle() = default;
  ~Handle() { (void)Close(); }
  Handle(const Handle&) = delete;
  Handle& operator=(const Handle&) = delete;

  Status Open(const std::string& path, int flags, std::string_view what) {
    int rc = sqlite3_open_v2(path.c_str(), &db_, flags | SQLITE_OPEN_NOMUTEX, nullptr);
    if (rc != SQLITE_OK) return SqliteError("cannot open " + std::string(what) + " '" + path + "'", rc, db_);
    sqlite3_extended_result_codes(db_, 1);
    sqlite3_busy_timeout(db_, 2000);
    return OkStatus();
  }
  Status Exec(const std::string& sql, std::string_view context) {
    int rc = sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, nullptr);
    if (rc != SQLITE_OK) return SqliteError(context, sqlite3_extended_errcode(db_), db_);
    return OkStatus();
  }
  // The first column of every row `sql` yields, as text.
  StatusOr<std::vector<std::string>> Column(const std::string& sql, std::string_view context) {
    sqlite3_stmt* stmt = nullptr;
    int rc = sqlite3_prepare_v2(db_, sql.c_str(), -1, &stmt, nullptr);
    if (rc != SQLITE_OK) return SqliteError(context, rc, db_);
    std::vector<std::string> values;
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
      const unsigned char* text = sqlite3_column_text(stmt, 0);
      values.emplace_back(text ? reinterpret_cast<const char*>(text) : "");
    }
    sqlite3_finalize(stmt);
    if (rc != SQLITE_DONE) return SqliteError(context, sqlite3_extended_errcode(db_), db_);
    return values;
  }
  Status Close() {
    if (db_ == nullptr) return OkStatus();
    int rc = sqlite3_close(db_);
    if (rc != SQLITE_OK) return SqliteError("close", rc, db_);
    db_ = nullptr;
    return OkStatus();
  }
  sqlite3* get() { return db_; }

 private:
  sqlite3* db_ = nullptr;
};

// Removes the temporary copy (and any journal SQLite left beside it) unless dismissed.
class TemporaryFile {
 public:
  explicit TemporaryFile(std::string path) : path_(std::move(path)) {}
  ~TemporaryFile() {
    if (path_.empty()) return;
    for (const char* suffix : {"", "-journal", "-wal", "-shm"}) ::unlink((path_ + suffix).c_str());
  }
  TemporaryFile(const TemporaryFile&) = delete;
  TemporaryFile& operator=(const TemporaryFile&) = delete;
  void Dismiss() { path_.clear(); }

 private:
  std::string path_;
};

Status CheckTarget(const std::string& from, const std::string& to, const std::string& folder, bool overwrite) {
  struct stat folder_info;
  if (::stat(folder.c_str(), &folder_info) != 0 || !S_ISDIR(folder_info.st_mode)) {
    return FailedPrecondition("the folder '" + folder + "' for the backup does not exist");
  }
  if (::access(folder.c_str(), W_OK) != 0) {
    return FailedPrecondition("cannot write in the folder '" + folder + "' for the backup");
  }
  struct stat from_info, to_info;
  if (::stat(to.c_str(), &to_info) == 0) {
    if (::stat(from.c_str(), &from_info) == 0 && from_info.st_dev == to_info.st_dev &&
        from_info.st_ino == to_info.st_ino) {
      return InvalidArgument("out", "the backup file '" + to + "' is the database itself");
    }
    if (!overwrite) return AlreadyExists("the backup file '" + to + "' already exists (left as it is)");
    if (!S_ISREG(to_info.st_mode)) return FailedPrecondition("'" + to + "' exists and is not a file");
  }
  for (const char* suffix : {"-wal", "-shm", "-journal"}) {
    if (Exists(to + suffix)) {
      return FailedPrecondition("'" + to + suffix + "' exists: the file '" + to +
                                "' is open in SQLite or was not closed cleanly; stop what uses it, or choose "
                                "another backup file");
    }
  }
  return OkStatus();
}

// Copies every page of `source` into `target` from one read snapshot of `source`.
Status CopyPages(Handle& source, Handle& target, const std::string& from, const BackupOptions& options,
                 BackupReport* report) {
  // The read transaction starts at the first read and lasts until COMMIT: the snapshot.
  RETURN_IF_ERROR(source.Exec("BEGIN DEFERRED", "begin a read of '" + from + "'"));
  auto schema = source.Column("SELECT count(*) FROM sqlite_schema", "read '" + from + "'");
  if (!schema.ok()) {
    if ((sqlite3_extended_errcode(source.get()) & 0xff) == SQLITE_NOTADB) {
      return FailedPrecondition("'" + from + "' is not a SQLite database");
    }
    return schema.status();
  }
  sqlite3_backup* backup = sqlite3_backup_init(target.get(), "main", source.get(), "main");
  if (backup == nullptr) {
    return SqliteError("start the backup", sqlite3_extended_errcode(target.get()), target.get());
  }
  const int pages_per_step = options.pages_per_step > 0 ? options.pages_per_step : 256;
  Clock::time_point busy_since{};
  bool busy = false;
  int rc = SQLITE_OK;
  while (true) {
    rc = sqlite3_backup_step(backup, pages_per_step);
    ++report->steps;
    if (rc == SQLITE_DONE) break;
    if (rc == SQLITE_OK) {
      busy = false;
      continue;
    }
    int primary = rc & 0xff;
    if (primary != SQLITE_BUSY && primary != SQLITE_LOCKED) break;
    if (!busy) busy_since = Clock::now(), busy = true;
    if (Clock::now() - busy_since > options.busy_limit) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  report->pages = sqlite3_backup_pagecount(backup);
  sqlite3_backup_finish(backup);
  if (rc != SQLITE_DONE) {
    int primary = rc & 0xff;
    if (primary == SQLITE_BUSY || primary == SQLITE_LOCKED) {
      return Unavailable("'" + from + "' stayed locked for more than " +
                         std::to_string(options.busy_limit.count() / 1000) + " s; try again");
    }
    if (primary == SQLITE_NOTADB) return FailedPrecondition("'" + from + "' is not a SQLite database");
    return SqliteError("copy '" + from + "'", rc, target.get());
  }
  return source.Exec("COMMIT", "end the read of '" + from + "'");
}

// Makes the copy one self-contained file and checks it.
Status FinishCopy(Handle& target, const std::string& to, BackupReport* report) {
  // The pages carry the source's WAL flag; rollback mode makes the copy a single file that
  // opens anywhere, read-only too. A server that opens it switches it back to WAL.
  ASSIGN_OR_RETURN(std::vector<std::string> mode,
                   target.Column("PRAGMA journal_mode=DELETE", "set the copy's journal mode"));
  if (mode.empty() || mode[0] != "delete") return Internal("cannot take the copy out of WAL mode");
  ASSIGN_OR_RETURN(std::vector<std::string> page_size, target.Column("PRAGMA page_size", "read the page size"));
  report->page_size = page_size.empty() ? 0 : std::atoll(page_size[0].c_str());
  ASSIGN_OR_RETURN(std::vector<std::string> problems,
                   target.Column("PRAGMA integrity_check(5)", "check the copy of the database"));
  if (problems.size() != 1 || problems[0] != "ok") {
    std::string listed;
    for (const std::string& problem : problems) listed += (listed.empty() ? "" : "; ") + problem;
    return Internal("the copy for '" + to + "' failed its integrity check: " + listed);
  }
  report->integrity = "ok";
  return target.Close();
}

Status SyncFile(const std::string& path, int64_t* bytes) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return PosixError("open '" + path + "'");
  struct stat info;
  bool ok = ::fchmod(fd, 0600) == 0 && ::fsync(fd) == 0 && ::fstat(fd, &info) == 0;
  Status status = ok ? OkStatus() : PosixError("sync '" + path + "'");
  ::close(fd);
  if (ok && bytes != nullptr) *bytes = info.st_size;
  return status;
}

// Moves `temporary` to `to`; without `overwrite` an existing `to` is never replaced.
Status Publish(const std::string& temporary, const std::string& to, bool overwrite) {
  if (overwrite) {
    if (::rename(temporary.c_str(), to.c_str()) != 0) return PosixError("rename the copy to '" + to + "'");
    return OkStatus();
  }
  if (::renameat2(AT_FDCWD, temporary.c_str(), AT_FDCWD, to.c_str(), RENAME_NOREPLACE) == 0) return OkStatus();
  if (errno == EEXIST) return AlreadyExists("the backup file '" + to + "' already exists (left as it is)");
  if (errno != EINVAL && errno != ENOSYS) return PosixError("rename the copy to '" + to + "'");
  // A file system without RENAME_NOREPLACE: a hard link fails the same way on an existing name.
  if (::link(temporary.c_str(), to.c_str()) != 0) {
    if (errno == EEXIST) return AlreadyExists("the backup file '" + to + "' already exists (left as it is)");
    return PosixError("link the copy to '" + to + "'");
  }
  ::unlink(temporary.c_str());
  return OkStatus();
}

}  // namespace

StatusOr<BackupReport> BackupSqliteDatabase(const std::string& from, const std::string& to,
                                            const BackupOptions& options) {
  const Clock::time_point started = Clock::now();
  struct stat from_info;
  if (::stat(from.c_str(), &from_info) != 0) {
    if (errno == ENOENT) return NotFound("the database file '" + from + "' does not exist");
    return PosixError("cannot read '" + from + "'");
  }
  if (!S_ISREG(from_info.st_mode)) return FailedPrecondition("'" + from + "' is not a database file");
  if (to.empty()) return InvalidArgument("out", "name the backup file");
  const fs::path parent = fs::path(to).parent_path();
  const std::string folder = parent.empty() ? std::string(".") : parent.string();
  RETURN_IF_ERROR(CheckTarget(from, to, folder, options.overwrite));

  // mkstemp makes the file with mode 0600 before a byte of personal data is in it.
  std::string temporary = to + ".partial-XXXXXX";
  int fd = ::mkstemp(temporary.data());
  if (fd < 0) return PosixError("cannot create a temporary file in '" + folder + "'");
  ::close(fd);
  TemporaryFile cleanup(temporary);

  BackupReport report;
  {
    Handle source, target;
    // Read-write when allowed, only so that closing the last connection tidies the -wal and
    // -shm files away as usual (a read-only one leaves them); query_only keeps it a reader.
    int source_flags = ::access(from.c_str(), W_OK) == 0 ? SQLITE_OPEN_READWRITE : SQLITE_OPEN_READONLY;
    RETURN_IF_ERROR(source.Open(from, source_flags, "the database"));
    RETURN_IF_ERROR(source.Exec("PRAGMA query_only=ON", "open '" + from + "' for reading"));
    RETURN_IF_ERROR(target.Open(temporary, SQLITE_OPEN_READWRITE, "the backup copy"));
    RETURN_IF_ERROR(CopyPages(source, target, from, options, &report));
    RETURN_IF_ERROR(source.Close());
    RETURN_IF_ERROR(FinishCopy(target, to, &report));
  }
  RETURN_IF_ERROR(SyncFile(temporary, &report.bytes));
  RETURN_IF_ERROR(Publish(temporary, to, options.overwrite));
  cleanup.Dismiss();
  // The rename is durable once the folder is synced.
  int folder_fd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (folder_fd >= 0) {
    ::fsync(folder_fd);
    ::close(folder_fd);
  }
  report.elapsed = std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - started);
  return report;
}

}  // namespace acogida
