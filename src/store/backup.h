// Backups of a SQLite database while a server is using it (`acogida backup`). The copy
// is made with SQLite's online backup API from a separate connection that holds one read
// snapshot for the whole copy: in WAL mode the servers keep writing meanwhile, and the copy
// is the database exactly as it was at one commit. PostgreSQL is backed up with pg_dump
// instead (docs/operations.md, "Backups"). The key file is never part of a backup.
// The function is safe to call while other processes write to the database.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>

#include "core/status.h"

namespace acogida {

struct BackupOptions {
  // If true, an existing file at the target is replaced; else the backup fails with
  // AlreadyExists and leaves it as it is.
  bool overwrite = false;
  // Pages copied per step of the backup API (smaller steps hold SQLite's locks more briefly).
  int pages_per_step = 256;
  // How long a step may keep meeting SQLITE_BUSY/LOCKED before the backup gives up.
  std::chrono::milliseconds busy_limit{30000};
};

struct BackupReport {
  int64_t pages = 0;       // pages copied
  int64_t page_size = 0;   // bytes per page
  int64_t bytes = 0;       // size of the backup file
  int64_t steps = 0;       // calls of the backup API's step
  std::string integrity;   // "ok", from PRAGMA integrity_check on the copy
  std::chrono::milliseconds elapsed{0};
};

// Copies the SQLite database `from` into the file `to`, consistent at one commit even while
// other processes write to it. The copy is written to a temporary file in `to`'s folder,
// set to rollback-journal mode (one self-contained file), checked with
// PRAGMA integrity_check, synced to disk with mode 0600, and only then renamed to `to`:
// on any failure nothing is left under `to` (nor the temporary file) and `to` is unchanged.
// NotFound when `from` does not exist; AlreadyExists when `to` exists and !overwrite;
// InvalidArgument when `to` is `from`; FailedPrecondition when `to` has a -wal/-shm file
// beside it (in use) or its folder is missing or not writable; Unavailable when the
// database stays locked past options.busy_limit; Internal when the copy fails its check.
StatusOr<BackupReport> BackupSqliteDatabase(const std::string& from, const std::string& to,
                                            const BackupOptions& options = {});

}  // namespace acogida
