// Persons for the identity index and person links, in portable SQL (SQLite and PostgreSQL).
#include "store/sql/sql_identity.h"

#include <algorithm>

#include "store/sql/sql_rows.h"

namespace acogida {

std::string_view LinkDecisionName(LinkDecision decision) {
  return decision == LinkDecision::kSame ? "same" : "different";
}

std::optional<LinkDecision> ParseLinkDecision(std::string_view name) {
  if (name == "same") return LinkDecision::kSame;
  if (name == "different") return LinkDecision::kDifferent;
  return std::nullopt;
}

namespace sql_identity {
namespace {

// Column 11 is the consent to family tracing in force (by-id reads) or 0.
constexpr const char* kLinkagePersonSelect =
    "SELECT p.id, p.given_names, p.paternal_surname, p.maternal_surname, p.sex, p.birth_date, p.birth_state, "
    "p.curp, p.created_at, p.anonymised_at, h.site_id, s.name, ";
constexpr const char* kLinkagePersonFrom =
    " FROM person p JOIN household h ON h.id = p.household_id JOIN site s ON s.id = h.site_id ";
constexpr const char* kTracingConsent =
    "COALESCE((SELECT granted FROM consent c WHERE c.person_id = p.id AND c.kind = 'family_tracing' "
    "ORDER BY c.id DESC LIMIT 1), 0)";
constexpr const char* kLinkColumns =
    "id, person_id, other_id, decision, reason, created_at, created_by, undone_at, undone_by";

LinkagePerson ReadLinkagePerson(const SqlStatement& row) {
  LinkagePerson out;
  Person& person = out.person;
  person.id = row.Int(0);
  person.given_names = row.Text(1);
  person.paternal_surname = row.Text(2);
  person.maternal_surname = row.Text(3);
  person.sex = ParseSex(row.Text(4)).value_or(Sex::kUnknown);
  auto birth_date = ParseBirthDate(row.Text(5));
  if (birth_date.ok()) person.birth_date = *birth_date;
  person.birth_state = row.Text(6);
  person.curp = row.Text(7);
  person.created_at = row.Text(8);
  person.anonymised_at = row.Text(9);
  out.site_id = row.Int(10);
  out.site_name = row.Text(11);
  out.tracing_consent = row.Int(12) != 0;
  return out;
}

PersonLink ReadLink(const SqlStatement& row) {
  PersonLink link;
  link.id = row.Int(0);
  link.person_id = row.Int(1);
  link.other_id = row.Int(2);
  link.decision = ParseLinkDecision(row.Text(3)).value_or(LinkDecision::kSame);
  link.reason = row.Text(4);
  link.created_at = row.Text(5);
  link.created_by = row.Text(6);
  link.undone_at = row.Text(7);
  link.undone_by = row.Text(8);
  return link;
}

}  // namespace

StatusOr<std::vector<LinkagePerson>> ListPersonsAfter(SqlConnection& db, int64_t after_id, int limit) {
  ASSIGN_OR_RETURN(auto stmt, db.Prepare(std::string(kLinkagePersonSelect) + "0" + kLinkagePersonFrom +
                                         "WHERE p.id > ? ORDER BY p.id LIMIT ?"));
  stmt->Bind(1, after_id).Bind(2, limit);
  return ReadAll<LinkagePerson>(*stmt, ReadLinkagePerson);
}

StatusOr<std::vector<LinkagePerson>> ListPersonsById(SqlConnection& db, const std::vector<int64_t>& person_ids) {
  if (person_ids.empty()) return std::vector<LinkagePerson>{};
  // Ids are numbers we format ourselves; they change the statement text, not its inputs.
  std::vector<int64_t> ids = person_ids;
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  std::string list;
  for (int64_t id : ids) list += (list.empty() ? "" : ",") + std::to_string(id);
  ASSIGN_OR_RETURN(auto stmt, db.Prepare(std::string(kLinkagePersonSelect) + kTracingConsent + kLinkagePersonFrom +
                                         "WHERE p.id IN (" + list + ") ORDER BY p.id"));
  return ReadAll<LinkagePerson>(*stmt, ReadLinkagePerson);
}

StatusOr<std::vector<std::pair<int64_t, std::string>>> ListPersonsAnonymisedSince(SqlConnection& db,
                                                                                  const std::string& since) {
  // AnonymisePerson blanks sort_key, so `sort_key = ''` (always true of an anonymised person)
  // lets the person_sort index skip the persons still named instead of scanning them all.
  ASSIGN_OR_RETURN(auto stmt, db.Prepare(
      "SELECT id, anonymised_at FROM person WHERE sort_key = '' AND anonymised_at <> '' AND anonymised_at >= ? "
      "ORDER BY anonymised_at, id"));
  stmt->Bind(1, since);
  return ReadAll<std::pair<int64_t, std::string>>(
      *stmt, [](const SqlStatement& row) { return std::make_pair(row.Int(0), row.Text(1)); });
}

Status InsertPersonLink(SqlConnection& db, const std::string& now, PersonLink& link) {
  if (link.person_id > link.other_id) std::swap(link.person_id, link.other_id);
  ASSIGN_OR_RETURN(auto stmt, db.Prepare(
      "INSERT INTO person_link (person_id, other_id, decision, reason, created_at, created_by) "
      "VALUES (?, ?, ?, ?, ?, ?) RETURNING id"));
  stmt->Bind(1, link.person_id).Bind(2, link.other_id).Bind(3, LinkDecisionName(link.decision))
      .Bind(4, link.reason).Bind(5, now).Bind(6, link.created_by);
  ASSIGN_OR_RETURN(bool has_row, stmt->Step());
  if (!has_row) return Internal("insert person_link returned no id");
  link.id = stmt->Int(0);
  RETURN_IF_ERROR(stmt->Run());
  link.created_at = now;
  link.undone_at.clear();
  link.undone_by.clear();
  return OkStatus();
}

StatusOr<PersonLink> GetPersonLink(SqlConnection& db, int64_t link_id) {
  ASSIGN_OR_RETURN(auto stmt, db.Prepare(std::string("SELECT ") + kLinkColumns + " FROM person_link WHERE id = ?"));
  stmt->Bind(1, link_id);
  ASSIGN_OR_RETURN(bool found, stmt->Step());
  if (!found) return NotFound("person link " + std::to_string(link_id) + " does not exist");
  return ReadLink(*stmt);
}

StatusOr<std::vector<PersonLink>> ListPersonLinks(SqlConnection& db, int64_t person_id) {
  ASSIGN_OR_RETURN(auto stmt, db.Prepare(std::string("SELECT ") + kLinkColumns +
                                         " FROM person_link WHERE person_id = ? OR other_id = ? ORDER BY id"));
  stmt->Bind(1, person_id).Bind(2, person_id);
  return ReadAll<PersonLink>(*stmt, ReadLink);
}

Status UndoPersonLink(SqlConnection& db, const std::string& now, int64_t link_id, const std::string& undone_by) {
  ASSIGN_OR_RETURN(auto stmt, db.Prepare(
      "UPDATE person_link SET undone_at = ?, undone_by = ? WHERE id = ? AND undone_at = ''"));
  stmt->Bind(1, now).Bind(2, undone_by).Bind(3, link_id);
  RETURN_IF_ERROR(stmt->Run());
  if (stmt->Changes() == 0) {
    stmt.reset();
    RETURN_IF_ERROR(GetPersonLink(db, link_id).status());
    return FailedPrecondition("person link " + std::to_string(link_id) + " was already undone");
  }
  return OkStatus();
}

}  // namespace sql_identity
}  // namespace acogida
