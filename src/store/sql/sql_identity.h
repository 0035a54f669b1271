// What identity resolution reads and writes, as free functions over a connection inside an
// open transaction; SqlTx forwards to them: persons for the identity index, and staff's
// decisions on pairs of persons (person_link, migration 009).
#pragma once

#include <string>
#include <vector>

#include "store/sql/sql_connection.h"
#include "store/store.h"

namespace acogida::sql_identity {

StatusOr<std::vector<LinkagePerson>> ListPersonsAfter(SqlConnection& db, int64_t after_id, int limit);
StatusOr<std::vector<LinkagePerson>> ListPersonsById(SqlConnection& db, const std::vector<int64_t>& person_ids);
StatusOr<std::vector<std::pair<int64_t, std::string>>> ListPersonsAnonymisedSince(SqlConnection& db,
                                                                                  const std::string& since);

Status InsertPersonLink(SqlConnection& db, const std::string& now, PersonLink& link);
StatusOr<PersonLink> GetPersonLink(SqlConnection& db, int64_t link_id);
StatusOr<std::vector<PersonLink>> ListPersonLinks(SqlConnection& db, int64_t person_id);
Status UndoPersonLink(SqlConnection& db, const std::string& now, int64_t link_id, const std::string& undone_by);

}  // namespace acogida::sql_identity
