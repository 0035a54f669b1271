// Legal aid's use cases on persons and cases: screening, cases and their workflow,
// deadlines, appointments, notes and documents. The directory, the overdue list and reports
// are in legal_dashboard.cc.
#include "service/legal_service.h"

#include <algorithm>

#include "service/audit.h"
#include "service/legal_access.h"
#include "service/person_access.h"

namespace acogida {

using legal_access::CaseInScope;
using legal_access::Require;

namespace {

constexpr std::string_view kCaseRecord = "legal_case";

std::string PersonField(int64_t person_id) { return "person:" + std::to_string(person_id); }

// The site a new screening or case of the person belongs to: their household's when the
// actor works there, else the first of the person's sites the actor covers.
StatusOr<int64_t> SiteForPerson(Tx& tx, const Actor& actor, const Person& person) {
  ASSIGN_OR_RETURN(Household household, tx.GetHousehold(person.household_id));
  if (actor.CoversSite(household.site_id)) return household.site_id;
  ASSIGN_OR_RETURN(std::vector<int64_t> sites, tx.SitesOfPerson(person.id));
  for (int64_t site_id : sites) {
    if (actor.CoversSite(site_id)) return site_id;
  }
  return NotFound("person " + std::to_string(person.id) + " does not exist");
}

// The person's record ids: theirs and those staff linked to it as the same human being.
StatusOr<std::vector<int64_t>> SameRecords(Tx& tx, int64_t person_id) {
  std::vector<int64_t> ids = {person_id};
  ASSIGN_OR_RETURN(std::vector<PersonLink> links, tx.ListPersonLinks(person_id));
  for (const PersonLink& link : links) {
    if (!link.in_force() || link.decision != LinkDecision::kSame) continue;
    ids.push_back(link.person_id == person_id ? link.other_id : link.person_id);
  }
  return ids;
}

// The cases of the other parties of a person's family: the members of the households of
// each of the person's records (and those members' own linked records), not the person.
StatusOr<std::vector<RelatedCase>> RelatedCases(Tx& tx, int64_t person_id) {
  ASSIGN_OR_RETURN(std::vector<int64_t> self, SameRecords(tx, person_id));
  std::vector<int64_t> others;
  for (int64_t record_id : self) {
    ASSIGN_OR_RETURN(Person record, tx.GetPerson(record_id));
    ASSIGN_OR_RETURN(Household household, tx.GetHousehold(record.household_id));
    for (const Person& member : household.members) {
      if (std::find(self.begin(), self.end(), member.id) != self.end()) continue;
      ASSIGN_OR_RETURN(std::vector<int64_t> member_records, SameRecords(tx, member.id));
      for (int64_t id : member_records) {
        const bool known = std::find(others.begin(), others.end(), id) != others.end() ||
                           std::find(self.begin(), self.end(), id) != self.end();
        if (!known) others.push_back(id);
      }
    }
  }
  std::vector<RelatedCase> related;
  for (int64_t other_id : others) {
    LegalCaseFilter filter;
    filter.person_id = other_id;
    ASSIGN_OR_RETURN(std::vector<LegalCase> cases, tx.ListLegalCases(filter));
    for (const LegalCase& other : cases) {
      related.push_back(RelatedCase{other.id, other.person_id, other.type, other.status, other.lawyer_id});
    }
  }
  return related;
}

StatusOr<LegalCaseSummary> Summarise(legal_access::Names& names, const LegalCase& legal_case) {
  LegalCaseSummary summary;
  summary.legal_case = legal_case;
  ASSIGN_OR_RETURN(summary.full_name, names.Person(legal_case.person_id));
  ASSIGN_OR_RETURN(summary.lawyer_name, names.Lawyer(legal_case.lawyer_id));
  ASSIGN_OR_RETURN(Site site, names.SiteOf(legal_case.site_id));
  summary.site_name = site.name;
  return summary;
}

StatusOr<std::vector<DeadlineView>> DeadlineViews(Tx& tx, legal_access::Names& names, const LegalCase& legal_case,
                                                  UtcTime now) {
  ASSIGN_OR_RETURN(std::vector<LegalDeadline> deadlines, tx.ListLegalDeadlines({legal_case.id, false, ""}));
  ASSIGN_OR_RETURN(Site site, names.SiteOf(legal_case.site_id));
  auto zone = legal_access::ZoneOf(site);
  std::vector<DeadlineView> views;
  for (LegalDeadline& deadline : deadlines) {
    DeadlineView view;
    view.reminder = DeadlineReminder(deadline, now, *zone);
    view.deadline = std::move(deadline);
    view.case_id = legal_case.id;
    view.case_type = legal_case.type;
    view.person_id = legal_case.person_id;
    view.site_name = site.name;
    view.timezone = site.timezone;
    views.push_back(std::move(view));
  }
  return views;
}

// The person's cases the actor may see.
StatusOr<std::vector<LegalCase>> VisibleCasesOf(Tx& tx, const Actor& actor, int64_t person_id) {
  LegalCaseFilter filter;
  filter.person_id = person_id;
  ASSIGN_OR_RETURN(std::vector<LegalCase> cases, tx.ListLegalCases(filter));
  std::vector<LegalCase> visible;
  for (LegalCase& legal_case : cases) {
    if (CaseInScope(tx, actor, legal_case.id).ok()) visible.push_back(std::move(legal_case));
  }
  return visible;
}

}  // namespace

StatusOr<ScreeningView> LegalService::GetScreening(const Actor& actor, int64_t person_id) {
  RETURN_IF_ERROR(Require(actor, Permission::kScreenLegalNeeds, "screen legal needs"));
  ScreeningView view;
  RETURN_IF_ERROR(store_.InTransaction(TxMode::kWrite, [&](Tx& tx) -> Status {
    view = {};
    RETURN_IF_ERROR(tx.GetPerson(person_id).status());
    RETURN_IF_ERROR(CheckPersonInScope(tx, actor, person_id));
    auto screening = tx.GetLegalScreening(person_id);
    if (screening.ok()) {
      view.screening = std::move(screening).value();
    } else if (screening.status().code() == StatusCode::kNotFound) {
      view.screening.person_id = person_id;
      view.screening.version = 0;
    } else {
      return screening.status();
    }
    ASSIGN_OR_RETURN(view.contact, tx.GetContactPreferences(person_id));
    ASSIGN_OR_RETURN(view.cases, VisibleCasesOf(tx, actor, person_id));
    return AppendAuditRow(tx, actor, audit_action::kRead, "person", person_id, {"legal_screening", "legal_contact"});
  }));
  return view;
}

StatusOr<ScreeningView> LegalService::SaveScreening(const Actor& actor, LegalScreening screening,
                                                    std::optional<ContactPreferences> contact) {
  RETURN_IF_ERROR(Require(actor, Permission::kScreenLegalNeeds, "screen legal needs"));
  RETURN_IF_ERROR(ValidateScreening(screening));
  if (contact) RETURN_IF_ERROR(ValidateContact(*contact).WithFieldPrefix("contact"));
  const int64_t person_id = screening.person_id;
  RETURN_IF_ERROR(store_.InTransaction(TxMode::kWrite, [&](Tx& tx) -> Status {
    ASSIGN_OR_RETURN(Person person, tx.GetPerson(person_id));
    RETURN_IF_ERROR(CheckPersonInScope(tx, actor, person_id));
    LegalScreening to_save = screening;
    auto existing = tx.GetLegalScreening(person_id);
    if (existing.ok()) {
      to_save.site_id = existing->site_id;
      if (screening.version == 0) {
        return StaleVersion("the person was screened meanwhile (now version " + std::to_string(existing->version) +
                            "); reload and try again");
      }
    } else if (existing.status().code() == StatusCode::kNotFound) {
      if (screening.version != 0) return StaleVersion("the person has no screening yet; send version 0");
      ASSIGN_OR_RETURN(to_save.site_id, SiteForPerson(tx, actor, person));
    } else {
      return existing.status();
    }
    to_save.screened_by = actor.user.username;
    RETURN_IF_ERROR(tx.SaveLegalScreening(to_save));
    std::vector<std::string> fields = {"legal_screening"};
    if (contact) {
      ContactPreferences to_record = *contact;
      to_record.person_id = person_id;
      to_record.recorded_by = actor.user.username;
      RETURN_IF_ERROR(tx.SaveContactPreferences(to_record));
      fields.push_back("legal_contact");
    }
    return AppendAuditRow(tx, actor, audit_action::kUpdate, "person", person_id, std::move(fields));
  }));
  return GetScreening(actor, person_id);
}

StatusOr<LegalCase> LegalService::OpenCase(const Actor& actor, LegalCase input) {
  RETURN_IF_ERROR(Require(actor, Permission::kScreenLegalNeeds, "open legal cases"));
  if (!input.screening_item.empty() && !ParseScreeningItem(input.screening_item)) {
    return InvalidArgument("screening_item", "is not an item of the screening");
  }
  RETURN_IF_ERROR(ValidateCase(input));
  LegalCase legal_case = input;
  legal_case.status = CaseStatus::kNew;
  legal_case.outcome = CaseOutcome::kNone;
  legal_case.lawyer_id = 0;
  legal_case.created_by = actor.user.username;
  RETURN_IF_ERROR(store_.InTransaction(TxMode::kWrite, [&](Tx& tx) -> Status {
    ASSIGN_OR_RETURN(Person person, tx.GetPerson(input.person_id));
    RETURN_IF_ERROR(CheckPersonInScope(tx, actor, input.person_id));
    LegalCaseFilter same_type;
    same_type.person_id = input.person_id;
    same_type.type = input.type;
    same_type.open_only = true;
    ASSIGN_OR_RETURN(std::vector<LegalCase> open, tx.ListLegalCases(same_type));
    if (!open.empty()) {
      return Status(StatusCode::kAlreadyExists,
                    "the person already has an open " + std::string(CaseTypeName(input.type)) + " case (" +
                        std::to_string(open[0].id) + ")",
                    "type");
    }
    auto screening = tx.GetLegalScreening(input.person_id);
    if (screening.ok() && actor.CoversSite(screening->site_id)) {
      legal_case.site_id = screening->site_id;
    } else {
      ASSIGN_OR_RETURN(legal_case.site_id, SiteForPerson(tx, actor, person));
    }
    RETURN_IF_ERROR(tx.InsertLegalCase(legal_case));
    return AppendAuditRow(tx, actor, audit_action::kCreate, kCaseRecord, legal_case.id,
                          {PersonField(input.person_id), "type:" + std::string(CaseTypeName(input.type))});
  }));
  return legal_case;
}

StatusOr<std::vector<LegalCaseSummary>> LegalService::ListCases(const Actor& actor, const LegalCaseQuery& query) {
  RETURN_IF_ERROR(Require(actor, Permission::kReadLegalCases, "read legal cases"));
  if (query.limit < 1 || query.limit > 500) return InvalidArgument("limit", "must be 1 to 500");
  if (query.offset < 0) return InvalidArgument("offset", "must be 0 or more");
  std::vector<LegalCaseSummary> out;
  RETURN_IF_ERROR(store_.InTransaction(TxMode::kWrite, [&](Tx& tx) -> Status {
    out.clear();
    LegalCaseFilter filter;
    filter.status = query.status;
    filter.type = query.type;
    filter.lawyer_id = query.lawyer_id;
    filter.person_id = query.person_id;
    filter.open_only = query.open_only;
    filter.limit = query.limit;
    filter.offset = query.offset;
    if (actor.user.role == Role::kLawyer) {
      ASSIGN_OR_RETURN(int64_t own, legal_access::LawyerIdOf(tx, actor));
      if (own == 0 || (query.lawyer_id != 0 && query.lawyer_id != own)) return OkStatus();
      filter.lawyer_id = own;
    } else if (!WorksAtAllSites(actor.user.role)) {
      filter.scoped = true;
      filter.site_ids = actor.user.site_ids;
    }
    ASSIGN_OR_RETURN(std::vector<LegalCase> cases, tx.ListLegalCases(filter));
    legal_access::Names names(tx);
    std::vector<std::string> shown;
    for (const LegalCase& legal_case : cases) {
      ASSIGN_OR_RETURN(LegalCaseSummary summary, Summarise(names, legal_case));
      out.push_back(std::move(summary));
      shown.push_back(PersonField(legal_case.person_id));
    }
    return AppendAuditRow(tx, actor, audit_action::kSearch, kCaseRecord, 0, std::move(shown));
  }));
  return out;
}

StatusOr<LegalCaseDetail> LegalService::GetCase(const Actor& actor, int64_t case_id) {
  RETURN_IF_ERROR(Require(actor, Permission::kReadLegalCases, "read legal cases"));
  const UtcTime now = clock_();
  LegalCaseDetail detail;
  RETURN_IF_ERROR(store_.InTransaction(TxMode::kWrite, [&](Tx& tx) -> Status {
    detail = {};
    ASSIGN_OR_RETURN(LegalCase legal_case, CaseInScope(tx, actor, case_id));
    legal_access::Names names(tx);
    ASSIGN_OR_RETURN(detail.summary, Summarise(names, legal_case));
    ASSIGN_OR_RETURN(Person person, tx.GetPerson(legal_case.person_id));
    detail.person = LegalPersonView{person.id, person.FullName(), person.languages, detail.summary.site_name};
    ASSIGN_OR_RETURN(detail.contact, tx.GetContactPreferences(person.id));
    ASSIGN_OR_RETURN(detail.events, tx.ListLegalCaseEvents(case_id));
    ASSIGN_OR_RETURN(detail.deadlines, DeadlineViews(tx, names, legal_case, now));
    ASSIGN_OR_RETURN(detail.appointments, tx.ListLegalAppointments({case_id, 0, 0, "", ""}));
    ASSIGN_OR_RETURN(detail.documents, tx.ListLegalDocuments(case_id));
    detail.can_read_notes = actor.Can(Permission::kReadLegalNotes);
    if (actor.Can(Permission::kAssignLegalCases) && legal_case.status != CaseStatus::kClosed) {
      ASSIGN_OR_RETURN(std::vector<LawyerLoad> lawyers, tx.ListLawyers());
      ASSIGN_OR_RETURN(std::vector<RelatedCase> related, RelatedCases(tx, person.id));
      detail.suggestions =
          SuggestLawyers(lawyers, legal_case.type, person.languages, ConflictedLawyers(legal_case.type, related));
    }
    return AppendAuditRow(tx, actor, audit_action::kRead, kCaseRecord, case_id,
                          {PersonField(person.id), "full_name", "languages", "legal_contact"});
  }));
  return detail;
}

StatusOr<LegalCase> LegalService::UpdateCase(const Actor& actor, int64_t case_id, const LegalCaseChange& change) {
  RETURN_IF_ERROR(Require(actor, Permission::kWorkLegalCases, "work on legal cases"));
  LegalCase legal_case;
  RETURN_IF_ERROR(store_.InTransaction(TxMode::kWrite, [&](Tx& tx) -> Status {
    ASSIGN_OR_RETURN(legal_case, CaseInScope(tx, actor, case_id));
    const LegalCase before = legal_case;
    std::vector<std::string> fields;
    if (change.lawyer_id && *change.lawyer_id != before.lawyer_id) {
      RETURN_IF_ERROR(Require(actor, Permission::kAssignLegalCases, "assign legal cases"));
      if (*change.lawyer_id != 0) {
        auto lawyer = tx.GetLawyer(*change.lawyer_id);
        if (!lawyer.ok() || !lawyer->active) return InvalidArgument("lawyer_id", "is not an active lawyer of the directory");
        ASSIGN_OR_RETURN(std::vector<RelatedCase> related, RelatedCases(tx, before.person_id));
        std::vector<int64_t> conflicts = FindConflicts(*change.lawyer_id, before.type, related);
        if (!conflicts.empty()) {
          return Status(StatusCode::kFailedPrecondition,
                        lawyer->name + " already represents another party of this family in case " +
                            std::to_string(conflicts[0]) + "; choose another lawyer",
                        "lawyer_id");
        }
      }
      legal_case.lawyer_id = *change.lawyer_id;
      fields.push_back("lawyer_id");
    }
    if (change.status) {
      legal_case.status = *change.status;
    } else if (legal_case.lawyer_id != before.lawyer_id) {
      // Assigning a new case makes it assigned; unassigning an assigned one makes it new again.
      if (before.status == CaseStatus::kNew && legal_case.lawyer_id != 0) legal_case.status = CaseStatus::kAssigned;
      if (before.status == CaseStatus::kAssigned && legal_case.lawyer_id == 0) legal_case.status = CaseStatus::kNew;
    }
    if (change.outcome) legal_case.outcome = *change.outcome;
    if (change.summary) legal_case.summary = *change.summary;
    if (change.next_action_date) legal_case.next_action_date = *change.next_action_date;
    RETURN_IF_ERROR(CheckTransition(before.status, legal_case.status, legal_case.lawyer_id, legal_case.outcome));
    RETURN_IF_ERROR(ValidateCase(legal_case));
    if (legal_case.status != before.status) fields.push_back("status");
    if (legal_case.outcome != before.outcome) fields.push_back("outcome");
    if (legal_case.summary != before.summary) fields.push_back("summary");
    if (legal_case.next_action_date != before.next_action_date) fields.push_back("next_action_date");
    legal_case.version = change.version;
    RETURN_IF_ERROR(tx.UpdateLegalCase(legal_case, actor.user.username));
    return AppendAuditRow(tx, actor, audit_action::kUpdate, kCaseRecord, case_id, std::move(fields));
  }));
  return legal_case;
}

StatusOr<std::vector<DeadlineView>> LegalService::Deadlines(const Actor& actor, int64_t case_id) {
  RETURN_IF_ERROR(Require(actor, Permission::kReadLegalCases, "read legal cases"));
  const UtcTime now = clock_();
  std::vector<DeadlineView> views;
  RETURN_IF_ERROR(store_.InTransaction(TxMode::kWrite, [&](Tx& tx) -> Status {
    ASSIGN_OR_RETURN(LegalCase legal_case, CaseInScope(tx, actor, case_id));
    legal_access::Names names(tx);
    ASSIGN_OR_RETURN(views, DeadlineViews(tx, names, legal_case, now));
    return AppendAuditRow(tx, actor, audit_action::kRead, kCaseRecord, case_id, {"deadlines"});
  }));
  return views;
}

StatusOr<LegalDeadline> LegalService::AddDeadline(const Actor& actor, int64_t case_id, LegalDeadline deadline) {
  RETURN_IF_ERROR(Require(actor, Permission::kWorkLegalCases, "work on legal cases"));
  RETURN_IF_ERROR(ValidateDeadline(deadline));
  deadline.case_id = case_id;
  deadline.met_at.clear();
  deadline.created_by = actor.user.username;
  RETURN_IF_ERROR(store_.InTransaction(TxMode::kWrite, [&](Tx& tx) -> Status {
    ASSIGN_OR_RETURN(LegalCase legal_case, CaseInScope(tx, actor, case_id));
    if (legal_case.status == CaseStatus::kClosed) {
      return Status(StatusCode::kFailedPrecondition, "the case is closed", "status");
    }
    RETURN_IF_ERROR(tx.InsertLegalDeadline(deadline));
    return AppendAuditRow(tx, actor, audit_action::kCreate, "legal_deadline", deadline.id,
                          {"case:" + std::to_string(case_id), "due_date"});
  }));
  return deadline;
}

StatusOr<LegalDeadline> LegalService::SetDeadlineMet(const Actor& actor, int64_t case_id, int64_t deadline_id,
                                                     bool met, int64_t version) {
  RETURN_IF_ERROR(Require(actor, Permission::kWorkLegalCases, "work on legal cases"));
  const std::string now = FormatUtc(clock_());
  LegalDeadline deadline;
  RETURN_IF_ERROR(store_.InTransaction(TxMode::kWrite, [&](Tx& tx) -> Status {
    RETURN_IF_ERROR(CaseInScope(tx, actor, case_id).status());
    ASSIGN_OR_RETURN(deadline, tx.GetLegalDeadline(deadline_id));
    if (deadline.case_id != case_id) return NotFound("deadline " + std::to_string(deadline_id) + " does not exist");
    deadline.met_at = met ? now : "";
    deadline.version = version;
    RETURN_IF_ERROR(tx.UpdateLegalDeadline(deadline));
    return AppendAuditRow(tx, actor, audit_action::kUpdate, "legal_deadline", deadline_id, {"met_at"});
  }));
  return deadline;
}

StatusOr<std::vector<LegalAppointment>> LegalService::Appointments(const Actor& actor, int64_t case_id) {
  RETURN_IF_ERROR(Require(actor, Permission::kReadLegalCases, "read legal cases"));
  std::vector<LegalAppointment> out;
  RETURN_IF_ERROR(store_.InTransaction(TxMode::kWrite, [&](Tx& tx) -> Status {
    RETURN_IF_ERROR(CaseInScope(tx, actor, case_id).status());
    ASSIGN_OR_RETURN(out, tx.ListLegalAppointments({case_id, 0, 0, "", ""}));
    return AppendAuditRow(tx, actor, audit_action::kRead, kCaseRecord, case_id, {"appointments"});
  }));
  return out;
}

StatusOr<LegalAppointment> LegalService::AddAppointment(const Actor& actor, int64_t case_id,
                                                        LegalAppointment appointment) {
  RETURN_IF_ERROR(Require(actor, Permission::kWorkLegalCases, "work on legal cases"));
  RETURN_IF_ERROR(ValidateAppointment(appointment));
  ASSIGN_OR_RETURN(UtcTime starts, ParseUtc(appointment.starts_at, "starts_at"));
  appointment.starts_at = FormatUtc(starts);
  appointment.case_id = case_id;
  appointment.created_by = actor.user.username;
  RETURN_IF_ERROR(store_.InTransaction(TxMode::kWrite, [&](Tx& tx) -> Status {
    ASSIGN_OR_RETURN(LegalCase legal_case, CaseInScope(tx, actor, case_id));
    if (legal_case.status == CaseStatus::kClosed) {
      return Status(StatusCode::kFailedPrecondition, "the case is closed", "status");
    }
    appointment.lawyer_id = legal_case.lawyer_id;
    appointment.site_id = legal_case.site_id;
    RETURN_IF_ERROR(tx.InsertLegalAppointment(appointment));
    return AppendAuditRow(tx, actor, audit_action::kCreate, "legal_appointment", appointment.id,
                          {"case:" + std::to_string(case_id)});
  }));
  return appointment;
}

StatusOr<std::vector<LegalNote>> LegalService::Notes(const Actor& actor, int64_t case_id) {
  RETURN_IF_ERROR(Require(actor, Permission::kReadLegalNotes, "read privileged legal notes"));
  std::vector<LegalNote> notes;
  RETURN_IF_ERROR(store_.InTransaction(TxMode::kWrite, [&](Tx& tx) -> Status {
    RETURN_IF_ERROR(CaseInScope(tx, actor, case_id).status());
    ASSIGN_OR_RETURN(notes, tx.ListLegalNotes(case_id));
    std::vector<std::string> fields;
    for (const LegalNote& note : notes) fields.push_back("legal_note:" + std::to_string(note.id));
    if (fields.empty()) fields.push_back("legal_notes");
    return AppendAuditRow(tx, actor, audit_action::kRead, kCaseRecord, case_id, std::move(fields));
  }));
  return notes;
}

StatusOr<LegalNote> LegalService::AddNote(const Actor& actor, int64_t case_id, LegalNote note) {
  RETURN_IF_ERROR(Require(actor, Permission::kReadLegalNotes, "write privileged legal notes"));
  RETURN_IF_ERROR(ValidateNote(note));
  note.case_id = case_id;
  note.author = actor.user.username;
  RETURN_IF_ERROR(store_.InTransaction(TxMode::kWrite, [&](Tx& tx) -> Status {
    RETURN_IF_ERROR(CaseInScope(tx, actor, case_id).status());
    RETURN_IF_ERROR(tx.InsertLegalNote(note));
    return AppendAuditRow(tx, actor, audit_action::kCreate, "legal_note", note.id, {"case:" + std::to_string(case_id)});
  }));
  return note;
}

StatusOr<std::vector<LegalDocument>> LegalService::Documents(const Actor& actor, int64_t case_id) {
  RETURN_IF_ERROR(Require(actor, Permission::kReadLegalCases, "read legal cases"));
  std::vector<LegalDocument> out;
  RETURN_IF_ERROR(store_.InTransaction(TxMode::kWrite, [&](Tx& tx) -> Status {
    RETURN_IF_ERROR(CaseInScope(tx, actor, case_id).status());
    ASSIGN_OR_RETURN(out, tx.ListLegalDocuments(case_id));
    return AppendAuditRow(tx, actor, audit_action::kRead, kCaseRecord, case_id, {"documents"});
  }));
  return out;
}

StatusOr<LegalDocument> LegalService::AddDocument(const Actor& actor, int64_t case_id, const std::string& item) {
  RETURN_IF_ERROR(Require(actor, Permission::kWorkLegalCases, "work on legal cases"));
  RETURN_IF_ERROR(ValidateDocumentItem(item));
  LegalDocument document;
  document.case_id = case_id;
  document.item = item;
  document.updated_by = actor.user.username;
  RETURN_IF_ERROR(store_.InTransaction(TxMode::kWrite, [&](Tx& tx) -> Status {
    RETURN_IF_ERROR(CaseInScope(tx, actor, case_id).status());
    Status inserted = tx.InsertLegalDocument(document);
    if (inserted.code() == StatusCode::kAlreadyExists) {
      return Status(StatusCode::kAlreadyExists, "the case lists " + item + " already", "item");
    }
    RETURN_IF_ERROR(inserted);
    return AppendAuditRow(tx, actor, audit_action::kCreate, "legal_document", document.id, {"item"});
  }));
  return document;
}

StatusOr<LegalDocument> LegalService::SetDocumentStatus(const Actor& actor, int64_t case_id, int64_t document_id,
                                                        DocumentStatus status, int64_t version) {
  RETURN_IF_ERROR(Require(actor, Permission::kWorkLegalCases, "work on legal cases"));
  LegalDocument document;
  RETURN_IF_ERROR(store_.InTransaction(TxMode::kWrite, [&](Tx& tx) -> Status {
    RETURN_IF_ERROR(CaseInScope(tx, actor, case_id).status());
    ASSIGN_OR_RETURN(document, tx.GetLegalDocument(document_id));
    if (document.case_id != case_id) return NotFound("document " + std::to_string(document_id) + " does not exist");
    document.status = status;
    document.version = version;
    document.updated_by = actor.user.username;
    RETURN_IF_ERROR(tx.UpdateLegalDocument(document));
    return AppendAuditRow(tx, actor, audit_action::kUpdate, "legal_document", document_id, {"status"});
  }));
  return document;
}

}  // namespace acogida
