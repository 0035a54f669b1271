// Moving one database into another (`acogida migrate`): typically a shelter's SQLite file
// into the network's PostgreSQL database, which already holds other sites' records. Every
// record gets a new id in the target (ids of different shelters collide); import_map keeps
// old → new per source database, so a re-run copies only what is new since the last one and
// never duplicates. Sealed fields are opened with the source's keys and sealed again with
// the target's (their associated data names the row they are bound to, by its new id: their
// own row, or the person for legal_screening.a_number and legal_contact.contact). A source
// table with rows the importer does not know is refused, never dropped. The source's audit
// trail is kept verbatim in audit_import, its hash chain intact, and one row on the target's
// own chain records the import and the imported chain's head. All of it is one target
// transaction: on any error nothing is written. Sessions are not copied (people log in again).
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "core/audit.h"
#include "core/status.h"
#include "crypto/key_ring.h"

namespace acogida {

struct ImportOptions {
  // Appended to the username of an imported account whose name the target already uses.
  // Empty: such a clash is an error (FailedPrecondition naming the usernames).
  std::string user_suffix;
  // Who runs the import, for the target's audit row.
  std::string username = "command-line";
  std::string role = "administrator";
  std::string now_utc;  // when the import happens (ISO 8601 UTC)
};

struct ImportReport {
  std::string source_id;                                   // the source database's id
  std::vector<std::pair<std::string, int64_t>> copied;     // table → rows copied this run
  int64_t already_imported = 0;                            // rows skipped: copied by an earlier run
  int64_t audit_rows = 0;                                  // source audit rows kept this run
  std::vector<std::pair<std::string, std::string>> renamed_users;  // old → new username
};

// Copies what `from` holds and `to` does not yet (both migrated to the current schema
// first). FailedPrecondition when they are the same database, usernames clash, a row refers to
// a missing record, a sealed value does not open, or a source table with rows is not known.
StatusOr<ImportReport> ImportDatabase(const std::string& from, const KeyRing& from_keys, const std::string& to,
                                      const KeyRing& to_keys, const ImportOptions& options);

}  // namespace acogida
