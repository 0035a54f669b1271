// What legal aid reads and writes (migration 011), as free functions over a connection inside
// an open transaction; SqlTx forwards to them. Sealed values (the A-number, privileged notes,
// the contact a person leaves) are sealed here with the store's key ring, bound to their
// table, column and row ("legal_note.body.12"), and opened on reading.
#pragma once

#include <string>
#include <vector>

#include "crypto/key_ring.h"
#include "store/sql/sql_connection.h"
#include "store/store.h"

namespace acogida::sql_legal {

StatusOr<LegalScreening> GetScreening(SqlConnection& db, const KeyRing& keys, int64_t person_id);
Status SaveScreening(SqlConnection& db, const KeyRing& keys, const std::string& now, LegalScreening& screening);

Status InsertCase(SqlConnection& db, const std::string& now, LegalCase& legal_case);
StatusOr<LegalCase> GetCase(SqlConnection& db, int64_t case_id);
StatusOr<std::vector<LegalCase>> ListCases(SqlConnection& db, const LegalCaseFilter& filter);
Status UpdateCase(SqlConnection& db, const std::string& now, LegalCase& legal_case, const std::string& by);
StatusOr<std::vector<LegalCaseEvent>> ListCaseEvents(SqlConnection& db, int64_t case_id);

Status InsertDeadline(SqlConnection& db, const std::string& now, LegalDeadline& deadline);
StatusOr<LegalDeadline> GetDeadline(SqlConnection& db, int64_t deadline_id);
Status UpdateDeadline(SqlConnection& db, LegalDeadline& deadline);
StatusOr<std::vector<LegalDeadline>> ListDeadlines(SqlConnection& db, const LegalDeadlineFilter& filter);

Status InsertAppointment(SqlConnection& db, const std::string& now, LegalAppointment& appointment);
StatusOr<std::vector<LegalAppointment>> ListAppointments(SqlConnection& db, const LegalAppointmentFilter& filter);

Status InsertNote(SqlConnection& db, const KeyRing& keys, const std::string& now, LegalNote& note);
StatusOr<std::vector<LegalNote>> ListNotes(SqlConnection& db, const KeyRing& keys, int64_t case_id);

Status InsertDocument(SqlConnection& db, const std::string& now, LegalDocument& document);
StatusOr<LegalDocument> GetDocument(SqlConnection& db, int64_t document_id);
Status UpdateDocument(SqlConnection& db, const std::string& now, LegalDocument& document);
StatusOr<std::vector<LegalDocument>> ListDocuments(SqlConnection& db, int64_t case_id);

Status InsertLawyer(SqlConnection& db, const std::string& now, Lawyer& lawyer);
StatusOr<Lawyer> GetLawyer(SqlConnection& db, int64_t lawyer_id);
StatusOr<std::vector<LawyerLoad>> ListLawyers(SqlConnection& db);
Status UpdateLawyer(SqlConnection& db, Lawyer& lawyer);

StatusOr<ContactPreferences> GetContact(SqlConnection& db, const KeyRing& keys, int64_t person_id);
Status SaveContact(SqlConnection& db, const KeyRing& keys, const std::string& now, ContactPreferences& contact);

// With the person's anonymisation: blanks their A-number, court, contact preferences, the
// bodies of their cases' notes and their cases' summaries; keeps types, statuses, outcomes and
// deadlines for the counts.
Status AnonymiseLegal(SqlConnection& db, int64_t person_id);

// Seals again under the ring's current key every legal value sealed under another; returns how many.
StatusOr<int64_t> ResealLegalFields(SqlConnection& db, const KeyRing& keys);

}  // namespace acogida::sql_legal
