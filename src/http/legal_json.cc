// Encoding and decoding of legal-aid values.
#include "http/legal_json.h"

#include "core/reception.h"

namespace acogida::http {
namespace {

Json OrNull(const std::string& value) { return value.empty() ? Json(nullptr) : Json(value); }
Json IdOrNull(int64_t id) { return id == 0 ? Json(nullptr) : Json(id); }

template <typename Enum, typename Parse>
StatusOr<Enum> ReadEnum(const Json& body, const char* key, Parse parse, const char* allowed) {
  ASSIGN_OR_RETURN(std::string name, ReadString(body, key, key, Presence::kRequired));
  auto parsed = parse(name);
  if (!parsed) return InvalidArgument(key, std::string("must be one of: ") + allowed);
  return *parsed;
}

Json ContactToJson(const ContactPreferences& contact) {
  return Json{{"channel", std::string(ContactChannelName(contact.channel))},
              {"contact", contact.contact},
              {"consent", contact.consent},
              {"best_time", contact.best_time},
              {"recorded_at", OrNull(contact.recorded_at)},
              {"recorded_by", OrNull(contact.recorded_by)},
              {"version", contact.version}};
}

}  // namespace

Json CaseToJson(const LegalCase& legal_case) {
  return Json{{"id", legal_case.id},
              {"person_id", legal_case.person_id},
              {"site_id", legal_case.site_id},
              {"type", std::string(CaseTypeName(legal_case.type))},
              {"status", std::string(CaseStatusName(legal_case.status))},
              {"outcome", OrNull(std::string(CaseOutcomeName(legal_case.outcome)))},
              {"screening_item", OrNull(legal_case.screening_item)},
              {"lawyer_id", IdOrNull(legal_case.lawyer_id)},
              {"summary", legal_case.summary},
              {"next_action_date", OrNull(legal_case.next_action_date)},
              {"created_at", legal_case.created_at},
              {"created_by", legal_case.created_by},
              {"updated_at", legal_case.updated_at},
              {"closed_at", OrNull(legal_case.closed_at)},
              {"version", legal_case.version}};
}

Json ScreeningViewToJson(const ScreeningView& view) {
  Json answers = Json::object();
  for (ScreeningItem item : AllScreeningItems()) {
    answers[std::string(ScreeningItemName(item))] = std::string(AnswerName(view.screening.answer(item)));
  }
  Json cases = Json::array();
  for (const LegalCase& legal_case : view.cases) cases.push_back(CaseToJson(legal_case));
  return Json{{"person_id", view.screening.person_id},
              {"answers", std::move(answers)},
              {"a_number", view.screening.a_number},
              {"court", view.screening.court},
              {"hearing_date", OrNull(view.screening.hearing_date)},
              {"screened_by", OrNull(view.screening.screened_by)},
              {"updated_at", OrNull(view.screening.updated_at)},
              {"version", view.screening.version},
              {"contact", ContactToJson(view.contact)},
              {"cases", std::move(cases)}};
}

Json CaseSummaryToJson(const LegalCaseSummary& summary) {
  Json out = CaseToJson(summary.legal_case);
  out["full_name"] = summary.full_name;
  out["lawyer_name"] = OrNull(summary.lawyer_name);
  out["site_name"] = summary.site_name;
  return out;
}

Json DeadlineToJson(const LegalDeadline& deadline) {
  return Json{{"id", deadline.id},         {"case_id", deadline.case_id},       {"title", deadline.title},
              {"due_date", deadline.due_date}, {"met_at", OrNull(deadline.met_at)}, {"created_at", deadline.created_at},
              {"created_by", deadline.created_by}, {"version", deadline.version}};
}

Json DeadlineViewToJson(const DeadlineView& view) {
  Json out = DeadlineToJson(view.deadline);
  out["reminder"] = std::string(ReminderName(view.reminder));
  out["case_type"] = std::string(CaseTypeName(view.case_type));
  out["person_id"] = view.person_id;
  out["full_name"] = view.full_name;
  out["lawyer_name"] = OrNull(view.lawyer_name);
  out["site_name"] = view.site_name;
  out["timezone"] = view.timezone;
  return out;
}

Json AppointmentToJson(const LegalAppointment& appointment) {
  return Json{{"id", appointment.id},
              {"case_id", appointment.case_id},
              {"lawyer_id", IdOrNull(appointment.lawyer_id)},
              {"site_id", appointment.site_id},
              {"starts_at", appointment.starts_at},
              {"duration_minutes", appointment.duration_minutes},
              {"mode", std::string(AppointmentModeName(appointment.mode))},
              {"place", appointment.place},
              {"created_at", appointment.created_at},
              {"created_by", appointment.created_by}};
}

Json NoteToJson(const LegalNote& note) {
  return Json{{"id", note.id}, {"case_id", note.case_id}, {"body", note.body}, {"author", note.author},
              {"created_at", note.created_at}};
}

Json DocumentToJson(const LegalDocument& document) {
  return Json{{"id", document.id},
              {"case_id", document.case_id},
              {"item", document.item},
              {"status", std::string(DocumentStatusName(document.status))},
              {"updated_at", document.updated_at},
              {"updated_by", document.updated_by},
              {"version", document.version}};
}

Json LawyerToJson(const Lawyer& lawyer, int open_cases) {
  Json specialties = Json::array();
  for (CaseType type : lawyer.specialties) specialties.push_back(std::string(CaseTypeName(type)));
  return Json{{"id", lawyer.id},
              {"name", lawyer.name},
              {"organisation", lawyer.organisation},
              {"kind", std::string(LawyerKindName(lawyer.kind))},
              {"specialties", std::move(specialties)},
              {"languages", lawyer.languages},
              {"capacity", lawyer.capacity},
              {"open_cases", open_cases},
              {"user_id", IdOrNull(lawyer.user_id)},
              {"active", lawyer.active},
              {"version", lawyer.version}};
}

Json CaseDetailToJson(const LegalCaseDetail& detail) {
  Json out = CaseSummaryToJson(detail.summary);
  out["person"] = Json{{"id", detail.person.person_id},
                       {"full_name", detail.person.full_name},
                       {"languages", detail.person.languages},
                       {"site_name", detail.person.site_name}};
  out["contact"] = ContactToJson(detail.contact);
  Json events = Json::array();
  for (const LegalCaseEvent& event : detail.events) {
    events.push_back(Json{{"status", std::string(CaseStatusName(event.status))},
                          {"lawyer_id", IdOrNull(event.lawyer_id)},
                          {"outcome", OrNull(std::string(CaseOutcomeName(event.outcome)))},
                          {"at", event.at},
                          {"by", event.by}});
  }
  out["history"] = std::move(events);
  out["deadlines"] = Json::array();
  for (const DeadlineView& view : detail.deadlines) out["deadlines"].push_back(DeadlineViewToJson(view));
  out["appointments"] = Json::array();
  for (const LegalAppointment& appointment : detail.appointments) {
    out["appointments"].push_back(AppointmentToJson(appointment));
  }
  out["documents"] = Json::array();
  for (const LegalDocument& document : detail.documents) out["documents"].push_back(DocumentToJson(document));
  out["suggestions"] = Json::array();
  for (const LawyerSuggestion& suggestion : detail.suggestions) {
    out["suggestions"].push_back(Json{{"lawyer_id", suggestion.lawyer_id},
                                      {"name", suggestion.name},
                                      {"organisation", suggestion.organisation},
                                      {"speaks_language", suggestion.speaks_language},
                                      {"open_cases", suggestion.open_cases},
                                      {"capacity", suggestion.capacity},
                                      {"conflict", suggestion.conflict}});
  }
  out["can_read_notes"] = detail.can_read_notes;
  return out;
}

// A count, or null for a small cell hidden from this reader ("<5").
Json ReportCount(int count) { return count == kSuppressed ? Json(nullptr) : Json(count); }

Json ReportToJson(const LegalReport& report) {
  Json caseload = Json::array();
  for (const LegalReport::Caseload& load : report.caseload) {
    caseload.push_back(Json{{"lawyer_id", load.lawyer_id},
                            {"name", load.name},
                            {"organisation", load.organisation},
                            {"open_cases", ReportCount(load.open_cases)},
                            {"closed_cases", ReportCount(load.closed_cases)},
                            {"capacity", load.capacity}});
  }
  Json by_type = Json::array();
  for (const LegalReport::TypeOutcome& row : report.by_type_and_outcome) {
    by_type.push_back(Json{{"type", std::string(CaseTypeName(row.type))}, {"outcome", row.outcome}, {"cases", ReportCount(row.cases)}});
  }
  return Json{{"caseload", std::move(caseload)},
              {"cases_by_type_and_outcome", std::move(by_type)},
              {"deadlines", Json{{"met_on_time", ReportCount(report.deadlines_met_on_time)},
                                 {"met_late", ReportCount(report.deadlines_met_late)},
                                 {"missed", ReportCount(report.deadlines_missed)},
                                 {"pending", ReportCount(report.deadlines_pending)}}}};
}

StatusOr<LegalScreening> ScreeningFromJson(const Json& body, int64_t person_id) {
  LegalScreening screening;
  screening.person_id = person_id;
  auto answers = body.find("answers");
  if (answers == body.end() || !answers->is_object()) {
    return InvalidArgument("answers", "is required: an object of item → yes, no or unasked");
  }
  for (const auto& [key, value] : answers->items()) {
    auto item = ParseScreeningItem(key);
    if (!item) return InvalidArgument("answers." + key, "is not an item of the screening");
    if (!value.is_string()) return InvalidArgument("answers." + key, "must be yes, no or unasked");
    auto answer = ParseAnswer(value.get<std::string>());
    if (!answer) return InvalidArgument("answers." + key, "must be yes, no or unasked");
    screening.set_answer(*item, *answer);
  }
  ASSIGN_OR_RETURN(screening.a_number, ReadString(body, "a_number", "a_number", Presence::kOptional));
  ASSIGN_OR_RETURN(screening.court, ReadString(body, "court", "court", Presence::kOptional));
  ASSIGN_OR_RETURN(screening.hearing_date, ReadString(body, "hearing_date", "hearing_date", Presence::kOptional));
  ASSIGN_OR_RETURN(screening.version, ReadInt(body, "version", "version", Presence::kRequired));
  return screening;
}

StatusOr<std::optional<ContactPreferences>> ContactFromJson(const Json& body) {
  auto found = body.find("contact");
  if (found == body.end() || found->is_null()) return std::optional<ContactPreferences>();
  if (!found->is_object()) return InvalidArgument("contact", "must be an object");
  const Json& object = *found;
  ContactPreferences contact;
  ASSIGN_OR_RETURN(std::string channel, ReadString(object, "channel", "contact.channel", Presence::kRequired));
  auto parsed = ParseContactChannel(channel);
  if (!parsed) return InvalidArgument("contact.channel", "must be none, phone, whatsapp, email or through_relative");
  contact.channel = *parsed;
  ASSIGN_OR_RETURN(contact.contact, ReadString(object, "contact", "contact.contact", Presence::kOptional));
  auto consent = object.find("consent");
  if (consent != object.end() && !consent->is_null()) {
    if (!consent->is_boolean()) return InvalidArgument("contact.consent", "must be true or false");
    contact.consent = consent->get<bool>();
  }
  ASSIGN_OR_RETURN(contact.best_time, ReadString(object, "best_time", "contact.best_time", Presence::kOptional));
  ASSIGN_OR_RETURN(contact.version, ReadInt(object, "version", "contact.version", Presence::kOptional, 0));
  return std::optional<ContactPreferences>(std::move(contact));
}

StatusOr<LegalCase> NewCaseFromJson(const Json& body) {
  LegalCase legal_case;
  ASSIGN_OR_RETURN(legal_case.person_id, ReadInt(body, "person_id", "person_id", Presence::kRequired));
  ASSIGN_OR_RETURN(legal_case.screening_item, ReadString(body, "screening_item", "screening_item", Presence::kOptional));
  ASSIGN_OR_RETURN(std::string type, ReadString(body, "type", "type", Presence::kOptional));
  if (!type.empty()) {
    auto parsed = ParseCaseType(type);
    if (!parsed) return InvalidArgument("type", "is not a case type");
    legal_case.type = *parsed;
  } else if (!legal_case.screening_item.empty()) {
    auto item = ParseScreeningItem(legal_case.screening_item);
    if (!item) return InvalidArgument("screening_item", "is not an item of the screening");
    legal_case.type = CaseTypeFor(*item);
  } else {
    return InvalidArgument("type", "give a case type or the screening item it comes from");
  }
  ASSIGN_OR_RETURN(legal_case.summary, ReadString(body, "summary", "summary", Presence::kOptional));
  return legal_case;
}

StatusOr<LegalCaseChange> CaseChangeFromJson(const Json& body) {
  LegalCaseChange change;
  ASSIGN_OR_RETURN(change.version, ReadInt(body, "version", "version", Presence::kRequired));
  if (body.contains("status")) {
    ASSIGN_OR_RETURN(CaseStatus status, ReadEnum<CaseStatus>(body, "status", ParseCaseStatus,
                                                             "new, assigned, in_progress, referred, closed"));
    change.status = status;
  }
  if (body.contains("lawyer_id")) {
    ASSIGN_OR_RETURN(int64_t lawyer_id, ReadInt(body, "lawyer_id", "lawyer_id", Presence::kOptional, 0));
    change.lawyer_id = lawyer_id;
  }
  if (body.contains("outcome") && !body["outcome"].is_null()) {
    ASSIGN_OR_RETURN(std::string name, ReadString(body, "outcome", "outcome", Presence::kRequired));
    auto outcome = ParseCaseOutcome(name);
    if (!outcome || name.empty()) {
      return InvalidArgument("outcome",
                             "must be resolved, unfavourable, referred_out, withdrawn, no_legal_remedy or lost_contact");
    }
    change.outcome = *outcome;
  }
  if (body.contains("summary")) {
    ASSIGN_OR_RETURN(std::string summary, ReadString(body, "summary", "summary", Presence::kOptional));
    change.summary = summary;
  }
  if (body.contains("next_action_date")) {
    ASSIGN_OR_RETURN(std::string date, ReadString(body, "next_action_date", "next_action_date", Presence::kOptional));
    change.next_action_date = date;
  }
  return change;
}

StatusOr<LegalDeadline> DeadlineFromJson(const Json& body) {
  LegalDeadline deadline;
  ASSIGN_OR_RETURN(deadline.title, ReadString(body, "title", "title", Presence::kRequired));
  ASSIGN_OR_RETURN(deadline.due_date, ReadString(body, "due_date", "due_date", Presence::kRequired));
  return deadline;
}

StatusOr<LegalAppointment> AppointmentFromJson(const Json& body) {
  LegalAppointment appointment;
  ASSIGN_OR_RETURN(appointment.starts_at, ReadString(body, "starts_at", "starts_at", Presence::kRequired));
  ASSIGN_OR_RETURN(int64_t minutes, ReadInt(body, "duration_minutes", "duration_minutes", Presence::kOptional, 30));
  if (minutes < 0 || minutes > 100000) return InvalidArgument("duration_minutes", "must be 5 to 480");
  appointment.duration_minutes = static_cast<int>(minutes);
  ASSIGN_OR_RETURN(std::string mode, ReadString(body, "mode", "mode", Presence::kOptional, "in_person"));
  auto parsed = ParseAppointmentMode(mode);
  if (!parsed) return InvalidArgument("mode", "must be in_person, phone or video");
  appointment.mode = *parsed;
  ASSIGN_OR_RETURN(appointment.place, ReadString(body, "place", "place", Presence::kOptional));
  return appointment;
}

StatusOr<Lawyer> LawyerFromJson(const Json& body, int64_t id) {
  Lawyer lawyer;
  lawyer.id = id;
  ASSIGN_OR_RETURN(lawyer.name, ReadString(body, "name", "name", Presence::kRequired));
  ASSIGN_OR_RETURN(lawyer.organisation, ReadString(body, "organisation", "organisation", Presence::kOptional));
  ASSIGN_OR_RETURN(std::string kind, ReadString(body, "kind", "kind", Presence::kOptional, "ngo"));
  auto parsed_kind = ParseLawyerKind(kind);
  if (!parsed_kind) return InvalidArgument("kind", "must be consulate, ngo or pro_bono");
  lawyer.kind = *parsed_kind;
  ASSIGN_OR_RETURN(std::vector<std::string> specialties, ReadStrings(body, "specialties", "specialties", Presence::kRequired));
  for (size_t idx = 0; idx < specialties.size(); ++idx) {
    auto type = ParseCaseType(specialties[idx]);
    if (!type) return InvalidArgument("specialties[" + std::to_string(idx) + "]", "is not a case type");
    lawyer.specialties.push_back(*type);
  }
  ASSIGN_OR_RETURN(lawyer.languages, ReadStrings(body, "languages", "languages", Presence::kOptional));
  ASSIGN_OR_RETURN(int64_t capacity, ReadInt(body, "capacity", "capacity", Presence::kOptional, 10));
  if (capacity < 0 || capacity > 500) return InvalidArgument("capacity", "must be 0 to 500");
  lawyer.capacity = static_cast<int>(capacity);
  ASSIGN_OR_RETURN(lawyer.user_id, ReadInt(body, "user_id", "user_id", Presence::kOptional, 0));
  auto active = body.find("active");
  if (active != body.end() && !active->is_null()) {
    if (!active->is_boolean()) return InvalidArgument("active", "must be true or false");
    lawyer.active = active->get<bool>();
  }
  ASSIGN_OR_RETURN(lawyer.version, ReadInt(body, "version", "version", Presence::kOptional, 1));
  if (id != 0 && !body.contains("version")) return InvalidArgument("version", "is required");
  return lawyer;
}

}  // namespace acogida::http
