// SQLite reads and writes of consents and the retention job's anonymisation, as free
// functions over a connection inside an open transaction; SqliteTx forwards to them.
#pragma once

#include "store/sqlite/sqlite_connection.h"
#include "store/store.h"

namespace acogida::sqlite_consents {

Status RecordConsents(SqliteConnection& db, const std::string& now, int64_t person_id, const Consents& consents,
                      const std::string& recorded_by);
StatusOr<Consents> CurrentConsents(SqliteConnection& db, int64_t person_id);
StatusOr<std::vector<int64_t>> PersonsToAnonymise(SqliteConnection& db, const std::string& inactive_before);
Status AnonymisePerson(SqliteConnection& db, const std::string& now, int64_t person_id);

}  // namespace acogida::sqlite_consents
