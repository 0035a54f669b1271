// Legal aid's use cases: the intake screening and the cases it proposes, assignment (with
// suggestions and the conflict check), the status workflow, deadlines with reminders in the
// site's time zone, appointments, privileged notes, the documents checklist, the lawyer
// directory, the coordinators' overdue list and counts-only reports.
// Who sees what is enforced here (core/account.h has the permissions):
//   - registrars and shelter staff screen persons of their sites and open cases from the
//     screening; they see their sites' cases but never notes;
//   - a lawyer (a user whose account is linked to a directory entry) sees only the cases
//     assigned to them, with the minimum of the person's record: name, languages, site and
//     contact preferences; other cases are "not found";
//   - coordinators act as the legal coordinators: every case, assignment, the directory,
//     notes, the overdue list; analysts get counts only.
// Every read or write that discloses a person or a note appends an audit row in the same
// transaction. Thread-safe (state lives in the store).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/account.h"
#include "core/legal.h"
#include "core/legal_assignment.h"
#include "service/clock.h"
#include "store/store.h"

namespace acogida {

// What a lawyer may see of a person: the minimum the case needs.
struct LegalPersonView {
  int64_t person_id = 0;
  std::string full_name;
  std::vector<std::string> languages;
  std::string site_name;
};

struct ScreeningView {
  LegalScreening screening;        // version 0 when the person was never screened
  ContactPreferences contact;      // version 0 when none recorded
  std::vector<LegalCase> cases;    // the person's cases the actor may see
};

// A case in a list: with who it is for and who has it.
struct LegalCaseSummary {
  LegalCase legal_case;
  std::string full_name;
  std::string lawyer_name;  // "" when unassigned
  std::string site_name;
};

struct LegalCaseQuery {
  std::optional<CaseStatus> status;
  std::optional<CaseType> type;
  int64_t lawyer_id = 0;
  int64_t person_id = 0;
  bool open_only = false;
  int limit = 100;
  int offset = 0;
};

struct DeadlineView {
  LegalDeadline deadline;
  Reminder reminder = Reminder::kNone;
  int64_t case_id = 0;
  CaseType case_type = CaseType::kOther;
  int64_t person_id = 0;
  std::string full_name;
  std::string lawyer_name;
  std::string site_name;
  std::string timezone;
};

struct LegalCaseDetail {
  LegalCaseSummary summary;
  LegalPersonView person;
  ContactPreferences contact;
  std::vector<LegalCaseEvent> events;
  std::vector<DeadlineView> deadlines;
  std::vector<LegalAppointment> appointments;
  std::vector<LegalDocument> documents;
  std::vector<LawyerSuggestion> suggestions;  // for those who assign, while the case is open
  bool can_read_notes = false;
};

// A change to a case: each field set is changed; `version` is the version it was read at.
struct LegalCaseChange {
  int64_t version = 0;
  std::optional<CaseStatus> status;
  std::optional<int64_t> lawyer_id;  // 0 unassigns
  std::optional<CaseOutcome> outcome;
  std::optional<std::string> summary;
  std::optional<std::string> next_action_date;
};

struct OverdueList {
  std::vector<DeadlineView> overdue;   // open deadlines past their local due date, oldest first
  std::vector<DeadlineView> due_soon;  // open deadlines due within 7 days
};

struct LegalReport {
  struct Caseload {
    int64_t lawyer_id = 0;
    std::string name;
    std::string organisation;
    int open_cases = 0;
    int closed_cases = 0;
    int capacity = 0;
  };
  struct TypeOutcome {
    CaseType type = CaseType::kOther;
    std::string outcome;  // "open" for open cases, else the outcome's name
    int cases = 0;
  };
  std::vector<Caseload> caseload;
  std::vector<TypeOutcome> by_type_and_outcome;
  int deadlines_met_on_time = 0;
  int deadlines_met_late = 0;
  int deadlines_missed = 0;  // open and past their due date
  int deadlines_pending = 0; // open, not yet due
};

class LegalService {
 public:
  LegalService(Store& store, Clock clock) : store_(store), clock_(std::move(clock)) {}

  // The screening, contact preferences and visible cases of a person of the actor's sites
  // (NotFound otherwise). PermissionDenied without kScreenLegalNeeds. Audited as a read.
  StatusOr<ScreeningView> GetScreening(const Actor& actor, int64_t person_id);
  // Saves the screening (its `version`: 0 for the first, else the one read; stale → Aborted
  // "version") and, when given, the contact preferences (same rule). InvalidArgument names
  // the field. Audited as an update.
  StatusOr<ScreeningView> SaveScreening(const Actor& actor, LegalScreening screening,
                                        std::optional<ContactPreferences> contact);

  // Opens a case (status new) for a person of the actor's sites, at the site the person's
  // screening was made (else their household's). AlreadyExists ("type") when the person has an
  // open case of that type. Needs kScreenLegalNeeds. Audited.
  StatusOr<LegalCase> OpenCase(const Actor& actor, LegalCase input);
  StatusOr<std::vector<LegalCaseSummary>> ListCases(const Actor& actor, const LegalCaseQuery& query);
  StatusOr<LegalCaseDetail> GetCase(const Actor& actor, int64_t case_id);
  // Status and assignment need kAssignLegalCases to change the lawyer; the workflow is
  // core::CheckTransition; a lawyer with a conflict is FailedPrecondition "lawyer_id".
  // Assigning a new case moves it to assigned when no status is given. Audited.
  StatusOr<LegalCase> UpdateCase(const Actor& actor, int64_t case_id, const LegalCaseChange& change);

  StatusOr<std::vector<DeadlineView>> Deadlines(const Actor& actor, int64_t case_id);
  StatusOr<LegalDeadline> AddDeadline(const Actor& actor, int64_t case_id, LegalDeadline deadline);
  // Marks a deadline met (now) or open again, version-checked.
  StatusOr<LegalDeadline> SetDeadlineMet(const Actor& actor, int64_t case_id, int64_t deadline_id, bool met,
                                         int64_t version);
  StatusOr<std::vector<LegalAppointment>> Appointments(const Actor& actor, int64_t case_id);
  StatusOr<LegalAppointment> AddAppointment(const Actor& actor, int64_t case_id, LegalAppointment appointment);
  // The calendar: appointments of a lawyer or a site in [from_utc, to_utc), those the actor may see.
  StatusOr<std::vector<LegalAppointment>> Calendar(const Actor& actor, const LegalAppointmentFilter& filter);

  // Privileged notes: the assigned lawyer and coordinators only (others: PermissionDenied, or
  // NotFound for a lawyer's other cases). Every read appends an audit row naming the notes.
  StatusOr<std::vector<LegalNote>> Notes(const Actor& actor, int64_t case_id);
  StatusOr<LegalNote> AddNote(const Actor& actor, int64_t case_id, LegalNote note);

  StatusOr<std::vector<LegalDocument>> Documents(const Actor& actor, int64_t case_id);
  StatusOr<LegalDocument> AddDocument(const Actor& actor, int64_t case_id, const std::string& item);
  StatusOr<LegalDocument> SetDocumentStatus(const Actor& actor, int64_t case_id, int64_t document_id,
                                            DocumentStatus status, int64_t version);

  StatusOr<std::vector<LawyerLoad>> Lawyers(const Actor& actor);
  StatusOr<Lawyer> CreateLawyer(const Actor& actor, Lawyer lawyer);
  StatusOr<Lawyer> UpdateLawyer(const Actor& actor, Lawyer lawyer);

  // The coordinators' dashboard list. Needs kAssignLegalCases.
  StatusOr<OverdueList> Overdue(const Actor& actor);
  // Counts only: caseload per lawyer, cases by type and outcome, deadlines met and missed.
  StatusOr<LegalReport> Report(const Actor& actor);

 private:
  Store& store_;
  Clock clock_;
};

}  // namespace acogida
