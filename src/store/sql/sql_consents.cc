// Consents and anonymisation, in portable SQL (SQLite and PostgreSQL).
#include "store/sql/sql_consents.h"

#include <algorithm>
#include <map>

#include "store/sql/sql_rows.h"

namespace acogida::sql_consents {
namespace {

constexpr const char* kServices = "services";
constexpr const char* kFamilyTracing = "family_tracing";
constexpr const char* kSharePartner = "share_partner";

// (kind, partner) → granted, for the rows in force.
StatusOr<std::map<std::pair<std::string, std::string>, bool>> InForce(SqlConnection& db, int64_t person_id) {
  ASSIGN_OR_RETURN(auto stmt, db.Prepare(
      "SELECT kind, partner, granted FROM consent c WHERE person_id = ? AND id = "
      "(SELECT MAX(id) FROM consent d WHERE d.person_id = c.person_id AND d.kind = c.kind AND d.partner = c.partner)"));
  stmt->Bind(1, person_id);
  std::map<std::pair<std::string, std::string>, bool> rows;
  while (true) {
    ASSIGN_OR_RETURN(bool has_row, stmt->Step());
    if (!has_row) return rows;
    rows[{stmt->Text(0), stmt->Text(1)}] = stmt->Int(2) != 0;
  }
}

}  // namespace

Status RecordConsents(SqlConnection& db, const std::string& now, int64_t person_id, const Consents& consents,
                      const std::string& recorded_by) {
  ASSIGN_OR_RETURN(auto current, InForce(db, person_id));
  std::map<std::pair<std::string, std::string>, bool> wanted = {{{kServices, ""}, consents.services},
                                                                {{kFamilyTracing, ""}, consents.family_tracing}};
  for (const std::string& partner : consents.share_with) wanted[{kSharePartner, partner}] = true;
  // Partners no longer listed are withdrawn.
  for (const auto& [key, granted] : current) {
    if (key.first == kSharePartner && granted && !wanted.count(key)) wanted[key] = false;
  }
  ASSIGN_OR_RETURN(auto insert, db.Prepare(
      "INSERT INTO consent (person_id, kind, partner, granted, recorded_at, recorded_by) VALUES (?, ?, ?, ?, ?, ?)"));
  for (const auto& [key, granted] : wanted) {
    auto found = current.find(key);
    if (found != current.end() && found->second == granted) continue;
    if (found == current.end() && key.first == kSharePartner && !granted) continue;
    insert->Bind(1, person_id).Bind(2, key.first).Bind(3, key.second).Bind(4, granted ? 1 : 0).Bind(5, now)
        .Bind(6, recorded_by);
    RETURN_IF_ERROR(insert->Run());
    insert->Reset();
  }
  return OkStatus();
}

StatusOr<Consents> CurrentConsents(SqlConnection& db, int64_t person_id) {
  ASSIGN_OR_RETURN(auto current, InForce(db, person_id));
  Consents consents;
  for (const auto& [key, granted] : current) {
    if (key.first == kServices) consents.services = granted;
    else if (key.first == kFamilyTracing) consents.family_tracing = granted;
    else if (key.first == kSharePartner && granted) consents.share_with.push_back(key.second);
  }
  return consents;
}

StatusOr<std::vector<int64_t>> PersonsToAnonymise(SqlConnection& db, const std::string& inactive_before) {
  ASSIGN_OR_RETURN(auto stmt, db.Prepare(
      "SELECT id FROM person p WHERE anonymised_at = '' AND (last_activity_at < ? OR "
      "(SELECT granted FROM consent c WHERE c.person_id = p.id AND c.kind = 'services' ORDER BY c.id DESC LIMIT 1) = 0) "
      "ORDER BY id"));
  stmt->Bind(1, inactive_before);
  return ReadAll<int64_t>(*stmt, [](const SqlStatement& row) { return row.Int(0); });
}

Status AnonymisePerson(SqlConnection& db, const std::string& now, int64_t person_id) {
  ASSIGN_OR_RETURN(auto stmt, db.Prepare(
      "UPDATE person SET given_names = '', paternal_surname = '', maternal_surname = '', sort_key = '', curp = '', "
      "phone = '', notes = '', birth_municipality = '', "
      "birth_date = CASE WHEN birth_date = '' THEN '' ELSE substr(birth_date, 1, 4) END, "
      "anonymised_at = ?, version = version + 1 WHERE id = ? AND anonymised_at = ''"));
  stmt->Bind(1, now).Bind(2, person_id);
  RETURN_IF_ERROR(stmt->Run());
  stmt.reset();
  ASSIGN_OR_RETURN(auto tokens, db.Prepare("DELETE FROM person_token WHERE person_id = ?"));
  tokens->Bind(1, person_id);
  return tokens->Run();
}

}  // namespace acogida::sql_consents
