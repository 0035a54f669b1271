// Legal aid in portable SQL (SQLite and PostgreSQL): screenings, cases and their history,
// deadlines, appointments, sealed notes, documents, the lawyer directory and contact preferences.
#include "store/sql/sql_legal.h"

#include <algorithm>
#include <tuple>

#include "core/comma_list.h"
#include "crypto/field_cipher.h"
#include "store/sql/sql_rows.h"

namespace acogida::sql_legal {
namespace {

constexpr const char* kCaseColumns =
    "id, person_id, site_id, case_type, status, outcome, screening_item, lawyer_id, summary, next_action_date, "
    "created_at, created_by, updated_at, closed_at, version";
constexpr const char* kDeadlineColumns = "id, case_id, title, due_date, met_at, created_at, created_by, version";
constexpr const char* kAppointmentColumns =
    "id, case_id, lawyer_id, site_id, starts_at, duration_minutes, mode, place, created_at, created_by";
constexpr const char* kDocumentColumns = "id, case_id, item, status, updated_at, updated_by, version";
constexpr const char* kLawyerColumns =
    "id, name, organisation, kind, specialties, languages, capacity, user_id, active, version";

// Associated data of a sealed legal value: table, column and row.
std::string Where(const char* table, const char* column, int64_t row_id) {
  return std::string(table) + "." + column + "." + std::to_string(row_id);
}

StatusOr<std::string> Seal(const KeyRing& keys, const std::string& plain, const std::string& where) {
  if (plain.empty()) return std::string();
  return SealField(keys, plain, where);
}

StatusOr<std::string> Open(const KeyRing& keys, const std::string& sealed, const std::string& where) {
  if (sealed.empty()) return std::string();
  return OpenField(keys, sealed, where);
}

void BindOptionalId(SqlStatement& stmt, int index, int64_t id) {
  if (id == 0) stmt.BindNull(index);
  else stmt.Bind(index, id);
}

// After an UPDATE ... WHERE version = ? changed nothing: NotFound or a stale version.
Status StaleOrMissing(SqlConnection& db, const std::string& what, const char* table, int64_t id) {
  ASSIGN_OR_RETURN(auto stmt, db.Prepare(std::string("SELECT version FROM ") + table + " WHERE id = ?"));
  stmt->Bind(1, id);
  ASSIGN_OR_RETURN(bool found, stmt->Step());
  if (!found) return NotFound(what + " " + std::to_string(id) + " does not exist");
  return StaleVersion(what + " " + std::to_string(id) + " was changed by someone else (now version " +
                      std::to_string(stmt->Int(0)) + "); reload and try again");
}

std::string AnswersText(const LegalScreening& screening) {
  std::vector<std::string> pairs;
  for (ScreeningItem item : AllScreeningItems()) {
    const Answer answer = screening.answer(item);
    if (answer != Answer::kUnasked) pairs.push_back(std::string(ScreeningItemName(item)) + ":" + std::string(AnswerName(answer)));
  }
  return JoinCommaList(pairs);
}

void ParseAnswers(const std::string& text, LegalScreening& screening) {
  for (const std::string& pair : SplitCommaList(text)) {
    const size_t colon = pair.find(':');
    if (colon == std::string::npos) continue;
    auto item = ParseScreeningItem(pair.substr(0, colon));
    auto answer = ParseAnswer(pair.substr(colon + 1));
    if (item && answer) screening.set_answer(*item, *answer);
  }
}

LegalCase ReadCase(const SqlStatement& row) {
  LegalCase out;
  out.id = row.Int(0);
  out.person_id = row.Int(1);
  out.site_id = row.Int(2);
  out.type = ParseCaseType(row.Text(3)).value_or(CaseType::kOther);
  out.status = ParseCaseStatus(row.Text(4)).value_or(CaseStatus::kNew);
  out.outcome = ParseCaseOutcome(row.Text(5)).value_or(CaseOutcome::kNone);
  out.screening_item = row.Text(6);
  out.lawyer_id = row.Int(7);
  out.summary = row.Text(8);
  out.next_action_date = row.Text(9);
  out.created_at = row.Text(10);
  out.created_by = row.Text(11);
  out.updated_at = row.Text(12);
  out.closed_at = row.Text(13);
  out.version = row.Int(14);
  return out;
}

LegalDeadline ReadDeadline(const SqlStatement& row) {
  LegalDeadline out;
  out.id = row.Int(0);
  out.case_id = row.Int(1);
  out.title = row.Text(2);
  out.due_date = row.Text(3);
  out.met_at = row.Text(4);
  out.created_at = row.Text(5);
  out.created_by = row.Text(6);
  out.version = row.Int(7);
  return out;
}

LegalAppointment ReadAppointment(const SqlStatement& row) {
  LegalAppointment out;
  out.id = row.Int(0);
  out.case_id = row.Int(1);
  out.lawyer_id = row.Int(2);
  out.site_id = row.Int(3);
  out.starts_at = row.Text(4);
  out.duration_minutes = static_cast<int>(row.Int(5));
  out.mode = ParseAppointmentMode(row.Text(6)).value_or(AppointmentMode::kInPerson);
  out.place = row.Text(7);
  out.created_at = row.Text(8);
  out.created_by = row.Text(9);
  return out;
}

LegalDocument ReadDocument(const SqlStatement& row) {
  LegalDocument out;
  out.id = row.Int(0);
  out.case_id = row.Int(1);
  out.item = row.Text(2);
  out.status = ParseDocumentStatus(row.Text(3)).value_or(DocumentStatus::kNeeded);
  out.updated_at = row.Text(4);
  out.updated_by = row.Text(5);
  out.version = row.Int(6);
  return out;
}

Lawyer ReadLawyer(const SqlStatement& row) {
  Lawyer out;
  out.id = row.Int(0);
  out.name = row.Text(1);
  out.organisation = row.Text(2);
  out.kind = ParseLawyerKind(row.Text(3)).value_or(LawyerKind::kNgo);
  for (const std::string& name : SplitCommaList(row.Text(4))) {
    if (auto type = ParseCaseType(name)) out.specialties.push_back(*type);
  }
  out.languages = SplitCommaList(row.Text(5));
  out.capacity = static_cast<int>(row.Int(6));
  out.user_id = row.Int(7);
  out.active = row.Int(8) != 0;
  out.version = row.Int(9);
  return out;
}

std::string SpecialtiesText(const Lawyer& lawyer) {
  std::vector<std::string> names;
  for (CaseType type : lawyer.specialties) names.emplace_back(CaseTypeName(type));
  return JoinCommaList(names);
}

Status AppendEvent(SqlConnection& db, const std::string& now, const LegalCase& legal_case, const std::string& by) {
  ASSIGN_OR_RETURN(auto stmt, db.Prepare(
      "INSERT INTO legal_case_event (case_id, status, lawyer_id, outcome, at, by_user) VALUES (?, ?, ?, ?, ?, ?)"));
  stmt->Bind(1, legal_case.id).Bind(2, CaseStatusName(legal_case.status));
  BindOptionalId(*stmt, 3, legal_case.lawyer_id);
  stmt->Bind(4, CaseOutcomeName(legal_case.outcome)).Bind(5, now).Bind(6, by);
  return stmt->Run();
}

}  // namespace

StatusOr<LegalScreening> GetScreening(SqlConnection& db, const KeyRing& keys, int64_t person_id) {
  ASSIGN_OR_RETURN(auto stmt, db.Prepare(
      "SELECT id, person_id, site_id, answers, a_number, court, hearing_date, screened_by, updated_at, version "
      "FROM legal_screening WHERE person_id = ?"));
  stmt->Bind(1, person_id);
  ASSIGN_OR_RETURN(bool found, stmt->Step());
  if (!found) return NotFound("person " + std::to_string(person_id) + " has no legal screening");
  LegalScreening out;
  out.id = stmt->Int(0);
  out.person_id = stmt->Int(1);
  out.site_id = stmt->Int(2);
  ParseAnswers(stmt->Text(3), out);
  ASSIGN_OR_RETURN(out.a_number, Open(keys, stmt->Text(4), Where("legal_screening", "a_number", person_id)));
  out.court = stmt->Text(5);
  out.hearing_date = stmt->Text(6);
  out.screened_by = stmt->Text(7);
  out.updated_at = stmt->Text(8);
  out.version = stmt->Int(9);
  return out;
}

Status SaveScreening(SqlConnection& db, const KeyRing& keys, const std::string& now, LegalScreening& screening) {
  ASSIGN_OR_RETURN(std::string a_number,
                   Seal(keys, screening.a_number, Where("legal_screening", "a_number", screening.person_id)));
  if (screening.version == 0) {
    ASSIGN_OR_RETURN(auto stmt, db.Prepare(
        "INSERT INTO legal_screening (person_id, site_id, answers, a_number, court, hearing_date, screened_by, "
        "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id"));
    stmt->Bind(1, screening.person_id).Bind(2, screening.site_id).Bind(3, AnswersText(screening)).Bind(4, a_number)
        .Bind(5, screening.court).Bind(6, screening.hearing_date).Bind(7, screening.screened_by).Bind(8, now);
    ASSIGN_OR_RETURN(screening.id, InsertedId(*stmt, "insert legal_screening"));
    screening.version = 1;
    screening.updated_at = now;
    return OkStatus();
  }
  ASSIGN_OR_RETURN(auto stmt, db.Prepare(
      "UPDATE legal_screening SET answers = ?, a_number = ?, court = ?, hearing_date = ?, screened_by = ?, "
      "updated_at = ?, version = version + 1 WHERE person_id = ? AND version = ?"));
  stmt->Bind(1, AnswersText(screening)).Bind(2, a_number).Bind(3, screening.court).Bind(4, screening.hearing_date)
      .Bind(5, screening.screened_by).Bind(6, now).Bind(7, screening.person_id).Bind(8, screening.version);
  RETURN_IF_ERROR(stmt->Run());
  if (stmt->Changes() == 0) {
    stmt.reset();
    ASSIGN_OR_RETURN(auto current, db.Prepare("SELECT version FROM legal_screening WHERE person_id = ?"));
    current->Bind(1, screening.person_id);
    ASSIGN_OR_RETURN(bool found, current->Step());
    if (!found) return NotFound("person " + std::to_string(screening.person_id) + " has no legal screening");
    return StaleVersion("the legal screening was changed by someone else (now version " +
                        std::to_string(current->Int(0)) + "); reload and try again");
  }
  screening.version += 1;
  screening.updated_at = now;
  return OkStatus();
}

Status InsertCase(SqlConnection& db, const std::string& now, LegalCase& legal_case) {
  ASSIGN_OR_RETURN(auto stmt, db.Prepare(
      "INSERT INTO legal_case (person_id, site_id, case_type, status, outcome, screening_item, lawyer_id, summary, "
      "next_action_date, created_at, created_by, updated_at, closed_at) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id"));
  const bool closed = legal_case.status == CaseStatus::kClosed;
  stmt->Bind(1, legal_case.person_id).Bind(2, legal_case.site_id).Bind(3, CaseTypeName(legal_case.type))
      .Bind(4, CaseStatusName(legal_case.status)).Bind(5, CaseOutcomeName(legal_case.outcome))
      .Bind(6, legal_case.screening_item);
  BindOptionalId(*stmt, 7, legal_case.lawyer_id);
  stmt->Bind(8, legal_case.summary).Bind(9, legal_case.next_action_date).Bind(10, now)
      .Bind(11, legal_case.created_by).Bind(12, now).Bind(13, closed ? now : "");
  ASSIGN_OR_RETURN(legal_case.id, InsertedId(*stmt, "insert legal_case"));
  legal_case.version = 1;
  legal_case.created_at = legal_case.updated_at = now;
  legal_case.closed_at = closed ? now : "";
  RETURN_IF_ERROR(AppendEvent(db, now, legal_case, legal_case.created_by));
  // The documents checklist of its type.
  for (const std::string& item : DocumentsFor(legal_case.type)) {
    LegalDocument document;
    document.case_id = legal_case.id;
    document.item = item;
    document.updated_by = legal_case.created_by;
    RETURN_IF_ERROR(InsertDocument(db, now, document));
  }
  return OkStatus();
}

StatusOr<LegalCase> GetCase(SqlConnection& db, int64_t case_id) {
  ASSIGN_OR_RETURN(auto stmt, db.Prepare(std::string("SELECT ") + kCaseColumns + " FROM legal_case WHERE id = ?"));
  stmt->Bind(1, case_id);
  ASSIGN_OR_RETURN(bool found, stmt->Step());
  if (!found) return NotFound("legal case " + std::to_string(case_id) + " does not exist");
  return ReadCase(*stmt);
}

StatusOr<std::vector<LegalCase>> ListCases(SqlConnection& db, const LegalCaseFilter& filter) {
  // Ids are numbers we format ourselves; they change the statement text, not its inputs.
  std::string where = " WHERE 1 = 1";
  if (filter.scoped) {
    std::string sites;
    for (int64_t site_id : filter.site_ids) sites += (sites.empty() ? "" : ",") + std::to_string(site_id);
    if (sites.empty()) return std::vector<LegalCase>{};
    where += " AND site_id IN (" + sites + ")";
  }
  if (filter.lawyer_id != 0) where += " AND lawyer_id = ?";
  if (filter.person_id != 0) where += " AND person_id = ?";
  if (filter.status) where += " AND status = ?";
  if (filter.type) where += " AND case_type = ?";
  if (filter.open_only) where += " AND status <> 'closed'";
  ASSIGN_OR_RETURN(auto stmt, db.Prepare(std::string("SELECT ") + kCaseColumns + " FROM legal_case" + where +
                                         " ORDER BY id DESC LIMIT ? OFFSET ?"));
  int index = 1;
  if (filter.lawyer_id != 0) stmt->Bind(index++, filter.lawyer_id);
  if (filter.person_id != 0) stmt->Bind(index++, filter.person_id);
  if (filter.status) stmt->Bind(index++, CaseStatusName(*filter.status));
  if (filter.type) stmt->Bind(index++, CaseTypeName(*filter.type));
  stmt->Bind(index, filter.limit).Bind(index + 1, filter.offset);
  return ReadAll<LegalCase>(*stmt, ReadCase);
}

Status UpdateCase(SqlConnection& db, const std::string& now, LegalCase& legal_case, const std::string& by) {
  ASSIGN_OR_RETURN(LegalCase before, GetCase(db, legal_case.id));
  const bool closed = legal_case.status == CaseStatus::kClosed;
  ASSIGN_OR_RETURN(auto stmt, db.Prepare(
      "UPDATE legal_case SET status = ?, outcome = ?, lawyer_id = ?, summary = ?, next_action_date = ?, "
      "updated_at = ?, closed_at = ?, version = version + 1 WHERE id = ? AND version = ?"));
  stmt->Bind(1, CaseStatusName(legal_case.status)).Bind(2, CaseOutcomeName(legal_case.outcome));
  BindOptionalId(*stmt, 3, legal_case.lawyer_id);
  stmt->Bind(4, legal_case.summary).Bind(5, legal_case.next_action_date).Bind(6, now)
      .Bind(7, closed ? (before.closed_at.empty() ? now : before.closed_at) : std::string())
      .Bind(8, legal_case.id).Bind(9, legal_case.version);
  RETURN_IF_ERROR(stmt->Run());
  if (stmt->Changes() == 0) return StaleOrMissing(db, "legal case", "legal_case", legal_case.id);
  stmt.reset();
  legal_case.version += 1;
  legal_case.updated_at = now;
  legal_case.closed_at = closed ? (before.closed_at.empty() ? now : before.closed_at) : "";
  const bool changed = before.status != legal_case.status || before.lawyer_id != legal_case.lawyer_id ||
                       before.outcome != legal_case.outcome;
  if (changed) RETURN_IF_ERROR(AppendEvent(db, now, legal_case, by));
  return OkStatus();
}

StatusOr<std::vector<LegalCaseEvent>> ListCaseEvents(SqlConnection& db, int64_t case_id) {
  ASSIGN_OR_RETURN(auto stmt, db.Prepare(
      "SELECT id, case_id, status, lawyer_id, outcome, at, by_user FROM legal_case_event WHERE case_id = ? "
      "ORDER BY id"));
  stmt->Bind(1, case_id);
  return ReadAll<LegalCaseEvent>(*stmt, [](const SqlStatement& row) {
    LegalCaseEvent event;
    event.id = row.Int(0);
    event.case_id = row.Int(1);
    event.status = ParseCaseStatus(row.Text(2)).value_or(CaseStatus::kNew);
    event.lawyer_id = row.Int(3);
    event.outcome = ParseCaseOutcome(row.Text(4)).value_or(CaseOutcome::kNone);
    event.at = row.Text(5);
    event.by = row.Text(6);
    return event;
  });
}

Status InsertDeadline(SqlConnection& db, const std::string& now, LegalDeadline& deadline) {
  ASSIGN_OR_RETURN(auto stmt, db.Prepare(
      "INSERT INTO legal_deadline (case_id, title, due_date, met_at, created_at, created_by) "
      "VALUES (?, ?, ?, ?, ?, ?) RETURNING id"));
  stmt->Bind(1, deadline.case_id).Bind(2, deadline.title).Bind(3, deadline.due_date).Bind(4, deadline.met_at)
      .Bind(5, now).Bind(6, deadline.created_by);
  ASSIGN_OR_RETURN(deadline.id, InsertedId(*stmt, "insert legal_deadline"));
  deadline.version = 1;
  deadline.created_at = now;
  return OkStatus();
}

StatusOr<LegalDeadline> GetDeadline(SqlConnection& db, int64_t deadline_id) {
  ASSIGN_OR_RETURN(auto stmt,
                   db.Prepare(std::string("SELECT ") + kDeadlineColumns + " FROM legal_deadline WHERE id = ?"));
  stmt->Bind(1, deadline_id);
  ASSIGN_OR_RETURN(bool found, stmt->Step());
  if (!found) return NotFound("deadline " + std::to_string(deadline_id) + " does not exist");
  return ReadDeadline(*stmt);
}

Status UpdateDeadline(SqlConnection& db, LegalDeadline& deadline) {
  ASSIGN_OR_RETURN(auto stmt, db.Prepare(
      "UPDATE legal_deadline SET title = ?, due_date = ?, met_at = ?, version = version + 1 "
      "WHERE id = ? AND version = ?"));
  stmt->Bind(1, deadline.title).Bind(2, deadline.due_date).Bind(3, deadline.met_at).Bind(4, deadline.id)
      .Bind(5, deadline.version);
  RETURN_IF_ERROR(stmt->Run());
  if (stmt->Changes() == 0) return StaleOrMissing(db, "deadline", "legal_deadline", deadline.id);
  deadline.version += 1;
  return OkStatus();
}

StatusOr<std::vector<LegalDeadline>> ListDeadlines(SqlConnection& db, const LegalDeadlineFilter& filter) {
  std::string where = " WHERE 1 = 1";
  if (filter.case_id != 0) where += " AND case_id = ?";
  if (filter.open_only) where += " AND met_at = ''";
  if (!filter.due_on_or_before.empty()) where += " AND due_date <= ?";
  ASSIGN_OR_RETURN(auto stmt, db.Prepare(std::string("SELECT ") + kDeadlineColumns + " FROM legal_deadline" + where +
                                         " ORDER BY due_date, id"));
  int index = 1;
  if (filter.case_id != 0) stmt->Bind(index++, filter.case_id);
  if (!filter.due_on_or_before.empty()) stmt->Bind(index++, filter.due_on_or_before);
  return ReadAll<LegalDeadline>(*stmt, ReadDeadline);
}

Status InsertAppointment(SqlConnection& db, const std::string& now, LegalAppointment& appointment) {
  ASSIGN_OR_RETURN(auto stmt, db.Prepare(
      "INSERT INTO legal_appointment (case_id, lawyer_id, site_id, starts_at, duration_minutes, mode, place, "
      "created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id"));
  stmt->Bind(1, appointment.case_id);
  BindOptionalId(*stmt, 2, appointment.lawyer_id);
  stmt->Bind(3, appointment.site_id).Bind(4, appointment.starts_at).Bind(5, appointment.duration_minutes)
      .Bind(6, AppointmentModeName(appointment.mode)).Bind(7, appointment.place).Bind(8, now)
      .Bind(9, appointment.created_by);
  ASSIGN_OR_RETURN(appointment.id, InsertedId(*stmt, "insert legal_appointment"));
  appointment.created_at = now;
  return OkStatus();
}

StatusOr<std::vector<LegalAppointment>> ListAppointments(SqlConnection& db, const LegalAppointmentFilter& filter) {
  std::string where = " WHERE 1 = 1";
  if (filter.case_id != 0) where += " AND case_id = ?";
  if (filter.lawyer_id != 0) where += " AND lawyer_id = ?";
  if (filter.site_id != 0) where += " AND site_id = ?";
  if (!filter.from_utc.empty()) where += " AND starts_at >= ?";
  if (!filter.to_utc.empty()) where += " AND starts_at < ?";
  ASSIGN_OR_RETURN(auto stmt, db.Prepare(std::string("SELECT ") + kAppointmentColumns + " FROM legal_appointment" +
                                         where + " ORDER BY starts_at, id"));
  int index = 1;
  if (filter.case_id != 0) stmt->Bind(index++, filter.case_id);
  if (filter.lawyer_id != 0) stmt->Bind(index++, filter.lawyer_id);
  if (filter.site_id != 0) stmt->Bind(index++, filter.site_id);
  if (!filter.from_utc.empty()) stmt->Bind(index++, filter.from_utc);
  if (!filter.to_utc.empty()) stmt->Bind(index++, filter.to_utc);
  return ReadAll<LegalAppointment>(*stmt, ReadAppointment);
}

Status InsertNote(SqlConnection& db, const KeyRing& keys, const std::string& now, LegalNote& note) {
  // The row id is part of the sealed value's associated data: insert, then seal and store.
  ASSIGN_OR_RETURN(auto stmt, db.Prepare(
      "INSERT INTO legal_note (case_id, body, author, created_at) VALUES (?, '', ?, ?) RETURNING id"));
  stmt->Bind(1, note.case_id).Bind(2, note.author).Bind(3, now);
  ASSIGN_OR_RETURN(note.id, InsertedId(*stmt, "insert legal_note"));
  stmt.reset();
  ASSIGN_OR_RETURN(std::string sealed, Seal(keys, note.body, Where("legal_note", "body", note.id)));
  ASSIGN_OR_RETURN(auto update, db.Prepare("UPDATE legal_note SET body = ? WHERE id = ?"));
  update->Bind(1, sealed).Bind(2, note.id);
  RETURN_IF_ERROR(update->Run());
  note.created_at = now;
  return OkStatus();
}

StatusOr<std::vector<LegalNote>> ListNotes(SqlConnection& db, const KeyRing& keys, int64_t case_id) {
  ASSIGN_OR_RETURN(auto stmt, db.Prepare(
      "SELECT id, case_id, body, author, created_at FROM legal_note WHERE case_id = ? ORDER BY id"));
  stmt->Bind(1, case_id);
  ASSIGN_OR_RETURN(std::vector<LegalNote> notes, ReadAll<LegalNote>(*stmt, [](const SqlStatement& row) {
    return LegalNote{row.Int(0), row.Int(1), row.Text(2), row.Text(3), row.Text(4)};
  }));
  for (LegalNote& note : notes) {
    ASSIGN_OR_RETURN(note.body, Open(keys, note.body, Where("legal_note", "body", note.id)));
  }
  return notes;
}

Status InsertDocument(SqlConnection& db, const std::string& now, LegalDocument& document) {
  ASSIGN_OR_RETURN(auto stmt, db.Prepare(
      "INSERT INTO legal_document (case_id, item, status, updated_at, updated_by) VALUES (?, ?, ?, ?, ?) "
      "RETURNING id"));
  stmt->Bind(1, document.case_id).Bind(2, document.item).Bind(3, DocumentStatusName(document.status)).Bind(4, now)
      .Bind(5, document.updated_by);
  ASSIGN_OR_RETURN(document.id, InsertedId(*stmt, "insert legal_document"));
  document.version = 1;
  document.updated_at = now;
  return OkStatus();
}

StatusOr<LegalDocument> GetDocument(SqlConnection& db, int64_t document_id) {
  ASSIGN_OR_RETURN(auto stmt,
                   db.Prepare(std::string("SELECT ") + kDocumentColumns + " FROM legal_document WHERE id = ?"));
  stmt->Bind(1, document_id);
  ASSIGN_OR_RETURN(bool found, stmt->Step());
  if (!found) return NotFound("document " + std::to_string(document_id) + " does not exist");
  return ReadDocument(*stmt);
}

Status UpdateDocument(SqlConnection& db, const std::string& now, LegalDocument& document) {
  ASSIGN_OR_RETURN(auto stmt, db.Prepare(
      "UPDATE legal_document SET status = ?, updated_at = ?, updated_by = ?, version = version + 1 "
      "WHERE id = ? AND version = ?"));
  stmt->Bind(1, DocumentStatusName(document.status)).Bind(2, now).Bind(3, document.updated_by).Bind(4, document.id)
      .Bind(5, document.version);
  RETURN_IF_ERROR(stmt->Run());
  if (stmt->Changes() == 0) return StaleOrMissing(db, "document", "legal_document", document.id);
  document.version += 1;
  document.updated_at = now;
  return OkStatus();
}

StatusOr<std::vector<LegalDocument>> ListDocuments(SqlConnection& db, int64_t case_id) {
  ASSIGN_OR_RETURN(auto stmt, db.Prepare(std::string("SELECT ") + kDocumentColumns +
                                         " FROM legal_document WHERE case_id = ? ORDER BY id"));
  stmt->Bind(1, case_id);
  return ReadAll<LegalDocument>(*stmt, ReadDocument);
}

Status InsertLawyer(SqlConnection& db, const std::string& now, Lawyer& lawyer) {
  ASSIGN_OR_RETURN(auto stmt, db.Prepare(
      "INSERT INTO lawyer (name, organisation, kind, specialties, languages, capacity, user_id, active, created_at) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id"));
  stmt->Bind(1, lawyer.name).Bind(2, lawyer.organisation).Bind(3, LawyerKindName(lawyer.kind))
      .Bind(4, SpecialtiesText(lawyer)).Bind(5, JoinCommaList(lawyer.languages)).Bind(6, lawyer.capacity);
  BindOptionalId(*stmt, 7, lawyer.user_id);
  stmt->Bind(8, lawyer.active ? 1 : 0).Bind(9, now);
  ASSIGN_OR_RETURN(lawyer.id, InsertedId(*stmt, "insert lawyer"));
  lawyer.version = 1;
  return OkStatus();
}

StatusOr<Lawyer> GetLawyer(SqlConnection& db, int64_t lawyer_id) {
  ASSIGN_OR_RETURN(auto stmt, db.Prepare(std::string("SELECT ") + kLawyerColumns + " FROM lawyer WHERE id = ?"));
  stmt->Bind(1, lawyer_id);
  ASSIGN_OR_RETURN(bool found, stmt->Step());
  if (!found) return NotFound("lawyer " + std::to_string(lawyer_id) + " does not exist");
  return ReadLawyer(*stmt);
}

StatusOr<std::vector<LawyerLoad>> ListLawyers(SqlConnection& db) {
  ASSIGN_OR_RETURN(auto stmt, db.Prepare(
      std::string("SELECT ") + kLawyerColumns +
      ", (SELECT COUNT(*) FROM legal_case c WHERE c.lawyer_id = lawyer.id AND c.status <> 'closed') "
      "FROM lawyer ORDER BY name, id"));
  return ReadAll<LawyerLoad>(*stmt, [](const SqlStatement& row) {
    return LawyerLoad{ReadLawyer(row), static_cast<int>(row.Int(10))};
  });
}

Status UpdateLawyer(SqlConnection& db, Lawyer& lawyer) {
  ASSIGN_OR_RETURN(auto stmt, db.Prepare(
      "UPDATE lawyer SET name = ?, organisation = ?, kind = ?, specialties = ?, languages = ?, capacity = ?, "
      "user_id = ?, active = ?, version = version + 1 WHERE id = ? AND version = ?"));
  stmt->Bind(1, lawyer.name).Bind(2, lawyer.organisation).Bind(3, LawyerKindName(lawyer.kind))
      .Bind(4, SpecialtiesText(lawyer)).Bind(5, JoinCommaList(lawyer.languages)).Bind(6, lawyer.capacity);
  BindOptionalId(*stmt, 7, lawyer.user_id);
  stmt->Bind(8, lawyer.active ? 1 : 0).Bind(9, lawyer.id).Bind(10, lawyer.version);
  RETURN_IF_ERROR(stmt->Run());
  if (stmt->Changes() == 0) return StaleOrMissing(db, "lawyer", "lawyer", lawyer.id);
  lawyer.version += 1;
  return OkStatus();
}

StatusOr<ContactPreferences> GetContact(SqlConnection& db, const KeyRing& keys, int64_t person_id) {
  ASSIGN_OR_RETURN(auto stmt, db.Prepare(
      "SELECT channel, contact, consent, best_time, recorded_at, recorded_by, version FROM legal_contact "
      "WHERE person_id = ?"));
  stmt->Bind(1, person_id);
  ContactPreferences out;
  out.person_id = person_id;
  ASSIGN_OR_RETURN(bool found, stmt->Step());
  if (!found) return out;  // version 0: none recorded
  out.channel = ParseContactChannel(stmt->Text(0)).value_or(ContactChannel::kNone);
  ASSIGN_OR_RETURN(out.contact, Open(keys, stmt->Text(1), Where("legal_contact", "contact", person_id)));
  out.consent = stmt->Int(2) != 0;
  out.best_time = stmt->Text(3);
  out.recorded_at = stmt->Text(4);
  out.recorded_by = stmt->Text(5);
  out.version = stmt->Int(6);
  return out;
}

Status SaveContact(SqlConnection& db, const KeyRing& keys, const std::string& now, ContactPreferences& contact) {
  ASSIGN_OR_RETURN(std::string sealed, Seal(keys, contact.contact, Where("legal_contact", "contact", contact.person_id)));
  if (contact.version == 0) {
    ASSIGN_OR_RETURN(auto stmt, db.Prepare(
        "INSERT INTO legal_contact (person_id, channel, contact, consent, best_time, recorded_at, recorded_by) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)"));
    stmt->Bind(1, contact.person_id).Bind(2, ContactChannelName(contact.channel)).Bind(3, sealed)
        .Bind(4, contact.consent ? 1 : 0).Bind(5, contact.best_time).Bind(6, now).Bind(7, contact.recorded_by);
    RETURN_IF_ERROR(stmt->Run());
    contact.version = 1;
    contact.recorded_at = now;
    return OkStatus();
  }
  ASSIGN_OR_RETURN(auto stmt, db.Prepare(
      "UPDATE legal_contact SET channel = ?, contact = ?, consent = ?, best_time = ?, recorded_at = ?, "
      "recorded_by = ?, version = version + 1 WHERE person_id = ? AND version = ?"));
  stmt->Bind(1, ContactChannelName(contact.channel)).Bind(2, sealed).Bind(3, contact.consent ? 1 : 0)
      .Bind(4, contact.best_time).Bind(5, now).Bind(6, contact.recorded_by).Bind(7, contact.person_id)
      .Bind(8, contact.version);
  RETURN_IF_ERROR(stmt->Run());
  if (stmt->Changes() == 0) {
    return StaleVersion("the contact preferences were changed by someone else; reload and try again");
  }
  contact.version += 1;
  contact.recorded_at = now;
  return OkStatus();
}

Status AnonymiseLegal(SqlConnection& db, int64_t person_id) {
  const char* statements[] = {
      "UPDATE legal_screening SET a_number = '', court = '' WHERE person_id = ?",
      "UPDATE legal_contact SET channel = 'none', contact = '', best_time = '' WHERE person_id = ?",
      "UPDATE legal_note SET body = '' WHERE case_id IN (SELECT id FROM legal_case WHERE person_id = ?)",
      "UPDATE legal_case SET summary = '' WHERE person_id = ?",
  };
  for (const char* sql : statements) {
    ASSIGN_OR_RETURN(auto stmt, db.Prepare(sql));
    stmt->Bind(1, person_id);
    RETURN_IF_ERROR(stmt->Run());
  }
  return OkStatus();
}

StatusOr<int64_t> ResealLegalFields(SqlConnection& db, const KeyRing& keys) {
  // (table, column, key column): each sealed legal value and the row id its associated data names.
  const std::tuple<const char*, const char*, const char*> kSealed[] = {
      {"legal_note", "body", "id"},
      {"legal_screening", "a_number", "person_id"},
      {"legal_contact", "contact", "person_id"},
      {"referral", "note", "id"},  // not legal aid, but sealed the same way (sql_referrals.cc)
  };
  int64_t resealed = 0;
  for (const auto& [table, column, key] : kSealed) {
    ASSIGN_OR_RETURN(auto stmt, db.Prepare(std::string("SELECT ") + key + ", " + column + " FROM " + table +
                                           " WHERE " + column + " <> ''"));
    std::vector<std::pair<int64_t, std::string>> values;
    while (true) {
      ASSIGN_OR_RETURN(bool has_row, stmt->Step());
      if (!has_row) break;
      values.emplace_back(stmt->Int(0), stmt->Text(1));
    }
    stmt.reset();
    ASSIGN_OR_RETURN(auto update, db.Prepare(std::string("UPDATE ") + table + " SET " + column + " = ? WHERE " + key +
                                             " = ?"));
    for (const auto& [row_id, sealed] : values) {
      if (SealedKeyId(sealed) == keys.current_id()) continue;
      const std::string where = Where(table, column, row_id);
      ASSIGN_OR_RETURN(std::string plain, Open(keys, sealed, where));
      ASSIGN_OR_RETURN(std::string again, Seal(keys, plain, where));
      update->Bind(1, again).Bind(2, row_id);
      RETURN_IF_ERROR(update->Run());
      update->Reset();
      ++resealed;
    }
  }
  return resealed;
}

}  // namespace acogida::sql_legal
