// JSON for legal aid: encoding of screenings, cases, deadlines, appointments, notes, documents,
// lawyers and reports, and decoding of request bodies with errors naming the field. Only
// enum and shape checks here; the rules are core/legal.h's, run by the service. Pure.
#pragma once

#include "http/json_fields.h"
#include "service/legal_service.h"

namespace acogida::http {

Json ScreeningViewToJson(const ScreeningView& view);
Json CaseToJson(const LegalCase& legal_case);
Json CaseSummaryToJson(const LegalCaseSummary& summary);
Json CaseDetailToJson(const LegalCaseDetail& detail);
Json DeadlineViewToJson(const DeadlineView& view);
Json DeadlineToJson(const LegalDeadline& deadline);
Json AppointmentToJson(const LegalAppointment& appointment);
Json NoteToJson(const LegalNote& note);
Json DocumentToJson(const LegalDocument& document);
Json LawyerToJson(const Lawyer& lawyer, int open_cases);
Json ReportToJson(const LegalReport& report);

// {"answers": {"children_in_us": "yes", ...}, "a_number", "court", "hearing_date", "version",
//  "contact": {"channel", "contact", "consent", "best_time", "version"} (optional)}.
StatusOr<LegalScreening> ScreeningFromJson(const Json& body, int64_t person_id);
StatusOr<std::optional<ContactPreferences>> ContactFromJson(const Json& body);
// {"person_id", "type" or "screening_item" (the type follows from the item), "summary"}.
StatusOr<LegalCase> NewCaseFromJson(const Json& body);
// {"version", and any of "status", "lawyer_id" (null unassigns), "outcome", "summary", "next_action_date"}.
StatusOr<LegalCaseChange> CaseChangeFromJson(const Json& body);
StatusOr<LegalDeadline> DeadlineFromJson(const Json& body);
StatusOr<LegalAppointment> AppointmentFromJson(const Json& body);
// `id` from the URL (0 for a new one); "version" required when updating.
StatusOr<Lawyer> LawyerFromJson(const Json& body, int64_t id);

}  // namespace acogida::http
