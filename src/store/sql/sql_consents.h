// Reads and writes of consents and the retention job's anonymisation, as free
// functions over a connection inside an open transaction; SqlTx forwards to them.
#pragma once

#include "store/sql/sql_connection.h"
#include "store/store.h"

namespace acogida::sql_consents {

Status RecordConsents(SqlConnection& db, const std::string& now, int64_t person_id, const Consents& consents,
                      const std::string& recorded_by);
StatusOr<Consents> CurrentConsents(SqlConnection& db, int64_t person_id);
StatusOr<std::vector<int64_t>> PersonsToAnonymise(SqlConnection& db, const std::string& inactive_before);
Status AnonymisePerson(SqlConnection& db, const std::string& now, int64_t person_id);

}  // namespace acogida::sql_consents
