// `acogida backup`: a consistent copy of a SQLite database while it is served
// (store/backup.h). PostgreSQL databases are backed up with pg_dump instead
// (docs/operations.md, "Backups"); the command says so and exits 2.
#pragma once

#include <string>

#include "cli/commands.h"

namespace acogida::cli {

struct BackupFlags {
  std::string out;     // the backup file to write
  bool force = false;  // replace `out` if it exists (else the command fails and leaves it)
};

// Exit 0 with the copy at flags.out; 1 when the copy failed (nothing is left at flags.out);
// 2 for bad input, a PostgreSQL --db among it.
int RunBackup(const DatabaseFlags& database, const BackupFlags& flags);

}  // namespace acogida::cli
