// Legal aid:
//   GET  /api/v1/persons/{id}/legal-screening          screening, contact preferences, the person's cases
//   PUT  /api/v1/persons/{id}/legal-screening          save them (version; 0 for the first)
//   GET  /api/v1/legal-cases?status=&type=&lawyer_id=&person_id=&open=&limit=&offset=
//   POST /api/v1/legal-cases                           open a case (from a screening item)
//   GET  /api/v1/legal-cases/{id}                      a case with person (minimum), history,
//                                                      deadlines, appointments, documents, suggestions
//   PUT  /api/v1/legal-cases/{id}                      status, lawyer, outcome, summary (version; 409 stale)
//   GET|POST /api/v1/legal-cases/{id}/deadlines        deadlines with reminders; add one
//   PUT  /api/v1/legal-cases/{id}/deadlines/{id}       mark met or open again (version)
//   GET|POST /api/v1/legal-cases/{id}/appointments
//   GET|POST /api/v1/legal-cases/{id}/notes            privileged notes (assigned lawyer, coordinators)
//   GET|POST /api/v1/legal-cases/{id}/documents        the documents checklist
//   PUT  /api/v1/legal-cases/{id}/documents/{id}       a document's status (version)
//   GET|POST /api/v1/lawyers, PUT /api/v1/lawyers/{id} the directory
//   GET  /api/v1/legal/overdue                         the coordinators' overdue list
//   GET  /api/v1/legal/calendar?lawyer_id=&site_id=&from=&to=
//   GET  /api/v1/legal/reports                         counts only
#include "http/api.h"
#include "http/legal_json.h"

namespace acogida::http {
namespace {

StatusOr<LegalService*> Legal(LegalService* legal) {
  if (legal == nullptr) return Unavailable("legal aid is not running on this server");
  return legal;
}

StatusOr<int64_t> QueryId(const httplib::Request& req, const char* name) {
  ASSIGN_OR_RETURN(int value, QueryInt(req, name, 0));
  if (value < 0) return InvalidArgument(name, "must be an id");
  return static_cast<int64_t>(value);
}

template <typename Enum, typename Parse>
StatusOr<std::optional<Enum>> QueryEnum(const httplib::Request& req, const char* name, Parse parse) {
  if (!req.has_param(name) || req.get_param_value(name).empty()) return std::optional<Enum>();
  auto parsed = parse(req.get_param_value(name));
  if (!parsed) return InvalidArgument(name, "is not a known value");
  return std::optional<Enum>(*parsed);
}

Json Items(Json items) { return Json{{"items", std::move(items)}}; }

void AddScreeningAndCaseRoutes(Router& router, LegalService* legal) {
  router.Add(Method::kGet, "/api/v1/persons/{id}/legal-screening", Needs::Role(Permission::kScreenLegalNeeds, SiteScope::kPersonRecord), [legal](const Call& call) -> StatusOr<Reply> {
    ASSIGN_OR_RETURN(LegalService * service, Legal(legal));
    ASSIGN_OR_RETURN(int64_t person_id, PathId(call, 1));
    ASSIGN_OR_RETURN(ScreeningView view, service->GetScreening(call.actor(), person_id));
    return Reply{200, ScreeningViewToJson(view)};
  });

  router.Add(Method::kPut, "/api/v1/persons/{id}/legal-screening", Needs::Role(Permission::kScreenLegalNeeds, SiteScope::kPersonRecord), [legal](const Call& call) -> StatusOr<Reply> {
    ASSIGN_OR_RETURN(LegalService * service, Legal(legal));
    ASSIGN_OR_RETURN(int64_t person_id, PathId(call, 1));
    ASSIGN_OR_RETURN(Json body, ParseObject(call.req.body));
    ASSIGN_OR_RETURN(LegalScreening screening, ScreeningFromJson(body, person_id));
    ASSIGN_OR_RETURN(std::optional<ContactPreferences> contact, ContactFromJson(body));
    StatusOr<ScreeningView> saved = service->SaveScreening(call.actor(), std::move(screening), std::move(contact));
    if (IsStaleVersion(saved.status())) {
      ASSIGN_OR_RETURN(ScreeningView current, service->GetScreening(call.actor(), person_id));
      return StaleEdit(saved.status(), ScreeningViewToJson(current));
    }
    if (!saved.ok()) return saved.status();
    return Reply{200, ScreeningViewToJson(*saved)};
  });

  router.Add(Method::kGet, "/api/v1/legal-cases", Needs::Role(Permission::kReadLegalCases), [legal](const Call& call) -> StatusOr<Reply> {
    ASSIGN_OR_RETURN(LegalService * service, Legal(legal));
    LegalCaseQuery query;
    ASSIGN_OR_RETURN(query.status, QueryEnum<CaseStatus>(call.req, "status", ParseCaseStatus));
    ASSIGN_OR_RETURN(query.type, QueryEnum<CaseType>(call.req, "type", ParseCaseType));
    ASSIGN_OR_RETURN(query.lawyer_id, QueryId(call.req, "lawyer_id"));
    ASSIGN_OR_RETURN(query.person_id, QueryId(call.req, "person_id"));
    query.open_only = call.req.get_param_value("open") == "true";
    ASSIGN_OR_RETURN(query.limit, QueryInt(call.req, "limit", 100));
    ASSIGN_OR_RETURN(query.offset, QueryInt(call.req, "offset", 0));
    ASSIGN_OR_RETURN(std::vector<LegalCaseSummary> cases, service->ListCases(call.actor(), query));
    Json items = Json::array();
    for (const LegalCaseSummary& summary : cases) items.push_back(CaseSummaryToJson(summary));
    return Reply{200, Items(std::move(items))};
  });

  // The person named in the body must be one of the actor's sites': checked by the service (404).
  router.Add(Method::kPost, "/api/v1/legal-cases", Needs::Role(Permission::kScreenLegalNeeds, SiteScope::kPersonRecord), [legal](const Call& call) -> StatusOr<Reply> {
    ASSIGN_OR_RETURN(LegalService * service, Legal(legal));
    ASSIGN_OR_RETURN(Json body, ParseObject(call.req.body));
    ASSIGN_OR_RETURN(LegalCase input, NewCaseFromJson(body));
    ASSIGN_OR_RETURN(LegalCase opened, service->OpenCase(call.actor(), std::move(input)));
    return Reply{201, CaseToJson(opened)};
  });

  router.Add(Method::kGet, "/api/v1/legal-cases/{id}", Needs::Role(Permission::kReadLegalCases, SiteScope::kPersonRecord), [legal](const Call& call) -> StatusOr<Reply> {
    ASSIGN_OR_RETURN(LegalService * service, Legal(legal));
    ASSIGN_OR_RETURN(int64_t case_id, PathId(call, 1));
    ASSIGN_OR_RETURN(LegalCaseDetail detail, service->GetCase(call.actor(), case_id));
    return Reply{200, CaseDetailToJson(detail)};
  });

  router.Add(Method::kPut, "/api/v1/legal-cases/{id}", Needs::Role(Permission::kWorkLegalCases, SiteScope::kPersonRecord), [legal](const Call& call) -> StatusOr<Reply> {
    ASSIGN_OR_RETURN(LegalService * service, Legal(legal));
    ASSIGN_OR_RETURN(int64_t case_id, PathId(call, 1));
    ASSIGN_OR_RETURN(Json body, ParseObject(call.req.body));
    ASSIGN_OR_RETURN(LegalCaseChange change, CaseChangeFromJson(body));
    StatusOr<LegalCase> updated = service->UpdateCase(call.actor(), case_id, change);
    if (IsStaleVersion(updated.status())) {
      ASSIGN_OR_RETURN(LegalCaseDetail current, service->GetCase(call.actor(), case_id));
      return StaleEdit(updated.status(), CaseToJson(current.summary.legal_case));
    }
    if (!updated.ok()) return updated.status();
    return Reply{200, CaseToJson(*updated)};
  });
}

void AddCaseItemRoutes(Router& router, LegalService* legal) {
  router.Add(Method::kGet, "/api/v1/legal-cases/{id}/deadlines", Needs::Role(Permission::kReadLegalCases, SiteScope::kPersonRecord), [legal](const Call& call) -> StatusOr<Reply> {
    ASSIGN_OR_RETURN(LegalService * service, Legal(legal));
    ASSIGN_OR_RETURN(int64_t case_id, PathId(call, 1));
    ASSIGN_OR_RETURN(std::vector<DeadlineView> views, service->Deadlines(call.actor(), case_id));
    Json items = Json::array();
    for (const DeadlineView& view : views) items.push_back(DeadlineViewToJson(view));
    return Reply{200, Items(std::move(items))};
  });

  router.Add(Method::kPost, "/api/v1/legal-cases/{id}/deadlines", Needs::Role(Permission::kWorkLegalCases, SiteScope::kPersonRecord), [legal](const Call& call) -> StatusOr<Reply> {
    ASSIGN_OR_RETURN(LegalService * service, Legal(legal));
    ASSIGN_OR_RETURN(int64_t case_id, PathId(call, 1));
    ASSIGN_OR_RETURN(Json body, ParseObject(call.req.body));
    ASSIGN_OR_RETURN(LegalDeadline input, DeadlineFromJson(body));
    ASSIGN_OR_RETURN(LegalDeadline deadline, service->AddDeadline(call.actor(), case_id, std::move(input)));
    return Reply{201, DeadlineToJson(deadline)};
  });

  router.Add(Method::kPut, "/api/v1/legal-cases/{id}/deadlines/{deadline_id}", Needs::Role(Permission::kWorkLegalCases, SiteScope::kPersonRecord), [legal](const Call& call) -> StatusOr<Reply> {
    ASSIGN_OR_RETURN(LegalService * service, Legal(legal));
    ASSIGN_OR_RETURN(int64_t case_id, PathId(call, 1));
    ASSIGN_OR_RETURN(int64_t deadline_id, PathId(call, 2));
    ASSIGN_OR_RETURN(Json body, ParseObject(call.req.body));
    auto met = body.find("met");
    if (met == body.end() || !met->is_boolean()) return InvalidArgument("met", "is required: true or false");
    ASSIGN_OR_RETURN(int64_t version, ReadInt(body, "version", "version", Presence::kRequired));
    ASSIGN_OR_RETURN(LegalDeadline deadline,
                     service->SetDeadlineMet(call.actor(), case_id, deadline_id, met->get<bool>(), version));
    return Reply{200, DeadlineToJson(deadline)};
  });

  router.Add(Method::kGet, "/api/v1/legal-cases/{id}/appointments", Needs::Role(Permission::kReadLegalCases, SiteScope::kPersonRecord), [legal](const Call& call) -> StatusOr<Reply> {
    ASSIGN_OR_RETURN(LegalService * service, Legal(legal));
    ASSIGN_OR_RETURN(int64_t case_id, PathId(call, 1));
    ASSIGN_OR_RETURN(std::vector<LegalAppointment> appointments, service->Appointments(call.actor(), case_id));
    Json items = Json::array();
    for (const LegalAppointment& appointment : appointments) items.push_back(AppointmentToJson(appointment));
    return Reply{200, Items(std::move(items))};
  });

  router.Add(Method::kPost, "/api/v1/legal-cases/{id}/appointments", Needs::Role(Permission::kWorkLegalCases, SiteScope::kPersonRecord), [legal](const Call& call) -> StatusOr<Reply> {
    ASSIGN_OR_RETURN(LegalService * service, Legal(legal));
    ASSIGN_OR_RETURN(int64_t case_id, PathId(call, 1));
    ASSIGN_OR_RETURN(Json body, ParseObject(call.req.body));
    ASSIGN_OR_RETURN(LegalAppointment input, AppointmentFromJson(body));
    ASSIGN_OR_RETURN(LegalAppointment appointment, service->AddAppointment(call.actor(), case_id, std::move(input)));
    return Reply{201, AppointmentToJson(appointment)};
  });

  router.Add(Method::kGet, "/api/v1/legal-cases/{id}/notes", Needs::Role(Permission::kReadLegalNotes, SiteScope::kPersonRecord), [legal](const Call& call) -> StatusOr<Reply> {
    ASSIGN_OR_RETURN(LegalService * service, Legal(legal));
    ASSIGN_OR_RETURN(int64_t case_id, PathId(call, 1));
    ASSIGN_OR_RETURN(std::vector<LegalNote> notes, service->Notes(call.actor(), case_id));
    Json items = Json::array();
    for (const LegalNote& note : notes) items.push_back(NoteToJson(note));
    return Reply{200, Items(std::move(items))};
  });

  router.Add(Method::kPost, "/api/v1/legal-cases/{id}/notes", Needs::Role(Permission::kReadLegalNotes, SiteScope::kPersonRecord), [legal](const Call& call) -> StatusOr<Reply> {
    ASSIGN_OR_RETURN(LegalService * service, Legal(legal));
    ASSIGN_OR_RETURN(int64_t case_id, PathId(call, 1));
    ASSIGN_OR_RETURN(Json body, ParseObject(call.req.body));
    LegalNote input;
    ASSIGN_OR_RETURN(input.body, ReadString(body, "body", "body", Presence::kRequired));
    ASSIGN_OR_RETURN(LegalNote note, service->AddNote(call.actor(), case_id, std::move(input)));
    return Reply{201, NoteToJson(note)};
  });

  router.Add(Method::kGet, "/api/v1/legal-cases/{id}/documents", Needs::Role(Permission::kReadLegalCases, SiteScope::kPersonRecord), [legal](const Call& call) -> StatusOr<Reply> {
    ASSIGN_OR_RETURN(LegalService * service, Legal(legal));
    ASSIGN_OR_RETURN(int64_t case_id, PathId(call, 1));
    ASSIGN_OR_RETURN(std::vector<LegalDocument> documents, service->Documents(call.actor(), case_id));
    Json items = Json::array();
    for (const LegalDocument& document : documents) items.push_back(DocumentToJson(document));
    return Reply{200, Items(std::move(items))};
  });

  router.Add(Method::kPost, "/api/v1/legal-cases/{id}/documents", Needs::Role(Permission::kWorkLegalCases, SiteScope::kPersonRecord), [legal](const Call& call) -> StatusOr<Reply> {
    ASSIGN_OR_RETURN(LegalService * service, Legal(legal));
    ASSIGN_OR_RETURN(int64_t case_id, PathId(call, 1));
    ASSIGN_OR_RETURN(Json body, ParseObject(call.req.body));
    ASSIGN_OR_RETURN(std::string item, ReadString(body, "item", "item", Presence::kRequired));
    ASSIGN_OR_RETURN(LegalDocument document, service->AddDocument(call.actor(), case_id, item));
    return Reply{201, DocumentToJson(document)};
  });

  router.Add(Method::kPut, "/api/v1/legal-cases/{id}/documents/{document_id}", Needs::Role(Permission::kWorkLegalCases, SiteScope::kPersonRecord), [legal](const Call& call) -> StatusOr<Reply> {
    ASSIGN_OR_RETURN(LegalService * service, Legal(legal));
    ASSIGN_OR_RETURN(int64_t case_id, PathId(call, 1));
    ASSIGN_OR_RETURN(int64_t document_id, PathId(call, 2));
    ASSIGN_OR_RETURN(Json body, ParseObject(call.req.body));
    ASSIGN_OR_RETURN(std::string status_name, ReadString(body, "status", "status", Presence::kRequired));
    auto status = ParseDocumentStatus(status_name);
    if (!status) return InvalidArgument("status", "must be needed, requested, received or not_applicable");
    ASSIGN_OR_RETURN(int64_t version, ReadInt(body, "version", "version", Presence::kRequired));
    ASSIGN_OR_RETURN(LegalDocument document,
                     service->SetDocumentStatus(call.actor(), case_id, document_id, *status, version));
    return Reply{200, DocumentToJson(document)};
  });
}

void AddDirectoryAndDashboardRoutes(Router& router, LegalService* legal) {
  router.Add(Method::kGet, "/api/v1/lawyers", Needs::Role(Permission::kWorkLegalCases), [legal](const Call& call) -> StatusOr<Reply> {
    ASSIGN_OR_RETURN(LegalService * service, Legal(legal));
    ASSIGN_OR_RETURN(std::vector<LawyerLoad> lawyers, service->Lawyers(call.actor()));
    Json items = Json::array();
    for (const LawyerLoad& load : lawyers) items.push_back(LawyerToJson(load.lawyer, load.open_cases));
    return Reply{200, Items(std::move(items))};
  });

  router.Add(Method::kPost, "/api/v1/lawyers", Needs::Role(Permission::kAssignLegalCases), [legal](const Call& call) -> StatusOr<Reply> {
    ASSIGN_OR_RETURN(LegalService * service, Legal(legal));
    ASSIGN_OR_RETURN(Json body, ParseObject(call.req.body));
    ASSIGN_OR_RETURN(Lawyer input, LawyerFromJson(body, 0));
    ASSIGN_OR_RETURN(Lawyer lawyer, service->CreateLawyer(call.actor(), std::move(input)));
    return Reply{201, LawyerToJson(lawyer, 0)};
  });

  router.Add(Method::kPut, "/api/v1/lawyers/{id}", Needs::Role(Permission::kAssignLegalCases), [legal](const Call& call) -> StatusOr<Reply> {
    ASSIGN_OR_RETURN(LegalService * service, Legal(legal));
    ASSIGN_OR_RETURN(int64_t lawyer_id, PathId(call, 1));
    ASSIGN_OR_RETURN(Json body, ParseObject(call.req.body));
    ASSIGN_OR_RETURN(Lawyer input, LawyerFromJson(body, lawyer_id));
    ASSIGN_OR_RETURN(Lawyer lawyer, service->UpdateLawyer(call.actor(), std::move(input)));
    return Reply{200, LawyerToJson(lawyer, 0)};
  });

  router.Add(Method::kGet, "/api/v1/legal/overdue", Needs::Role(Permission::kAssignLegalCases), [legal](const Call& call) -> StatusOr<Reply> {
    ASSIGN_OR_RETURN(LegalService * service, Legal(legal));
    ASSIGN_OR_RETURN(OverdueList list, service->Overdue(call.actor()));
    Json overdue = Json::array();
    for (const DeadlineView& view : list.overdue) overdue.push_back(DeadlineViewToJson(view));
    Json soon = Json::array();
    for (const DeadlineView& view : list.due_soon) soon.push_back(DeadlineViewToJson(view));
    return Reply{200, Json{{"overdue", std::move(overdue)}, {"due_soon", std::move(soon)}}};
  });

  // Lawyers see their own calendar; site staff a site of theirs (site_id; 403 for another).
  router.Add(Method::kGet, "/api/v1/legal/calendar", Needs::Role(Permission::kReadLegalCases, SiteScope::kActAtSite), [legal](const Call& call) -> StatusOr<Reply> {
    ASSIGN_OR_RETURN(LegalService * service, Legal(legal));
    LegalAppointmentFilter filter;
    ASSIGN_OR_RETURN(filter.lawyer_id, QueryId(call.req, "lawyer_id"));
    ASSIGN_OR_RETURN(filter.site_id, QueryId(call.req, "site_id"));
    filter.from_utc = call.req.get_param_value("from");
    filter.to_utc = call.req.get_param_value("to");
    ASSIGN_OR_RETURN(std::vector<LegalAppointment> appointments, service->Calendar(call.actor(), filter));
    Json items = Json::array();
    for (const LegalAppointment& appointment : appointments) items.push_back(AppointmentToJson(appointment));
    return Reply{200, Items(std::move(items))};
  });

  router.Add(Method::kGet, "/api/v1/legal/reports", Needs::Role(Permission::kReadLegalReports), [legal](const Call& call) -> StatusOr<Reply> {
    ASSIGN_OR_RETURN(LegalService * service, Legal(legal));
    ASSIGN_OR_RETURN(LegalReport report, service->Report(call.actor()));
    return Reply{200, ReportToJson(report)};
  });
}

}  // namespace

void AddLegalRoutes(Router& router, const Services& services) {
  AddScreeningAndCaseRoutes(router, services.legal);
  AddCaseItemRoutes(router, services.legal);
  AddDirectoryAndDashboardRoutes(router, services.legal);
}

}  // namespace acogida::http
