// `acogida backup --db FILE --out BACKUP [--force]`: copies a SQLite database with the online
// backup API (store/backup.h), consistent while servers write to it, and reminds the operator
// that the key file is not in the copy.
#include "cli/backup_command.h"

#include <cstdio>

#include "store/backup.h"

namespace acogida::cli {

int RunBackup(const DatabaseFlags& database, const BackupFlags& flags) {
  if (IsPostgresUrl(database.db)) {
    return Fail(InvalidArgument(
        "db", "acogida backup copies SQLite files; back up a PostgreSQL database (" + database.Display() +
                  ") with pg_dump --format=custom and check it with a pg_restore drill, as "
                  "docs/operations.md, section \"Backups\", shows"));
  }
  if (flags.out.empty()) return Fail(InvalidArgument("out", "name the backup file with --out"));
  BackupOptions options;
  options.overwrite = flags.force;
  auto report = BackupSqliteDatabase(database.db, flags.out, options);
  if (!report.ok()) {
    Status status = report.status();
    if (status.code() == StatusCode::kAlreadyExists) {
      status = AlreadyExists(status.message() + "; choose another --out, or add --force to replace it");
    }
    return Fail(status);
  }
  std::printf("backed up %s to %s: %lld pages of %lld bytes (%.1f MB), integrity %s, in %.1f s\n",
              database.db.c_str(), flags.out.c_str(), static_cast<long long>(report->pages),
              static_cast<long long>(report->page_size), static_cast<double>(report->bytes) / 1e6,
              report->integrity.c_str(), static_cast<double>(report->elapsed.count()) / 1000.0);
  std::printf(
      "the key file %s is NOT in the backup; keep a copy of it apart, without it the sealed fields cannot be "
      "read\n",
      database.KeyFile().c_str());
  return 0;
}

}  // namespace acogida::cli
