// Legal aid: the intake screening (a short checklist whose "yes" answers propose cases), legal
// cases and their status workflow (new → assigned → in_progress → referred → closed with an
// outcome), deadlines with their reminders in the site's local time, appointments, privileged
// notes, the documents checklist per case type, the lawyer directory, and the follow-up contact
// a person leaves. Plain value types and pure rules; the service enforces who sees what.
// Thread-safe (no shared state).
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "core/utc_time.h"
#include "core/zone_rules.h"

namespace acogida {

// The screening checklist, in the order it is asked.
enum class ScreeningItem {
  kChildrenInUs,      // children or dependants left in the US
  kCustody,           // custody or family-court matters
  kWagesProperty,     // wages owed, property, bank accounts or vehicles in the US
  kImmigrationCase,   // pending immigration case or hearing (A-number, court, date)
  kPriorRemovals,     // prior removals and re-entry bars
  kFearOfReturn,      // fear of return or need for protection
  kLostDocuments,     // lost identity documents
  kVictim,            // victim of violence or trafficking
  kConsularHelp,      // wants consular help
};
// "children_in_us", "custody", "wages_property", "immigration_case", "prior_removals",
// "fear_of_return", "lost_documents", "victim", "consular_help".
std::string_view ScreeningItemName(ScreeningItem item);
std::optional<ScreeningItem> ParseScreeningItem(std::string_view name);
std::vector<ScreeningItem> AllScreeningItems();

enum class Answer { kUnasked, kYes, kNo };
std::string_view AnswerName(Answer answer);  // "unasked", "yes", "no"
std::optional<Answer> ParseAnswer(std::string_view name);

struct LegalScreening {
  int64_t id = 0;
  int64_t person_id = 0;
  int64_t site_id = 0;                     // where it was asked
  std::vector<Answer> answers;             // one per ScreeningItem, in enum order
  std::string a_number;                    // immigration case details (sealed at rest)
  std::string court;
  std::string hearing_date;                // YYYY-MM-DD or ""
  std::string screened_by;
  std::string updated_at;
  int64_t version = 1;

  Answer answer(ScreeningItem item) const;
  void set_answer(ScreeningItem item, Answer answer);
  // The items answered "yes", in checklist order.
  std::vector<ScreeningItem> YesItems() const;
};

// InvalidArgument naming the field: "a_number" (letters A, digits, 8 or 9 digits),
// "hearing_date" (YYYY-MM-DD), "court" (at most 200 characters).
Status ValidateScreening(const LegalScreening& screening);

enum class CaseType {
  kCustody,            // children left in the US, custody and family court
  kWagesProperty,      // wages, property, accounts, vehicles
  kImmigration,        // pending immigration case or hearing
  kReentry,            // prior removals, re-entry bars
  kProtection,         // fear of return, asylum or protection
  kIdentityDocuments,  // replacing lost identity documents
  kVictim,             // victims of violence or trafficking
  kConsular,           // consular assistance
  kOther,
};
// "custody", "wages_property", "immigration", "reentry", "protection", "identity_documents",
// "victim", "consular", "other".
std::string_view CaseTypeName(CaseType type);
std::optional<CaseType> ParseCaseType(std::string_view name);
std::vector<CaseType> AllCaseTypes();
// The case a "yes" proposes.
CaseType CaseTypeFor(ScreeningItem item);

enum class CaseStatus { kNew, kAssigned, kInProgress, kReferred, kClosed };
// "new", "assigned", "in_progress", "referred", "closed".
std::string_view CaseStatusName(CaseStatus status);
std::optional<CaseStatus> ParseCaseStatus(std::string_view name);

enum class CaseOutcome { kNone, kResolved, kUnfavourable, kReferredOut, kWithdrawn, kNoLegalRemedy, kLostContact };
// "" (open cases), "resolved", "unfavourable", "referred_out", "withdrawn", "no_legal_remedy",
// "lost_contact".
std::string_view CaseOutcomeName(CaseOutcome outcome);
std::optional<CaseOutcome> ParseCaseOutcome(std::string_view name);

struct LegalCase {
  int64_t id = 0;
  int64_t person_id = 0;
  int64_t site_id = 0;          // where it was opened; site staff see the cases of their sites
  CaseType type = CaseType::kOther;
  CaseStatus status = CaseStatus::kNew;
  CaseOutcome outcome = CaseOutcome::kNone;
  std::string screening_item;   // the screening answer it came from, "" when opened otherwise
  int64_t lawyer_id = 0;        // 0: unassigned
  std::string summary;          // what the matter is, in a line (not privileged)
  std::string next_action_date; // YYYY-MM-DD or "": keeps the case alive after the person leaves
  std::string created_at;
  std::string created_by;
  std::string updated_at;
  std::string closed_at;
  int64_t version = 1;
};

// Checks a change of status and assignment. `lawyer_id` is the lawyer after the change.
//   - an unchanged status is always allowed (reassignment, outcome on a closed case is not);
//   - new → assigned | closed; assigned → new | in_progress | referred | closed;
//     in_progress → referred | closed; referred → in_progress | closed; closed → nothing.
// FailedPrecondition field "status" for a transition not in that list (the message names
// both states and what is allowed); FailedPrecondition field "lawyer_id" for assigned,
// in_progress or referred without a lawyer, or for new with one; InvalidArgument "outcome"
// for closing without an outcome or giving one to an open case.
Status CheckTransition(CaseStatus from, CaseStatus to, int64_t lawyer_id, CaseOutcome outcome);

// InvalidArgument naming "summary" (at most 500 characters) or "next_action_date" (YYYY-MM-DD).
Status ValidateCase(const LegalCase& legal_case);

struct LegalDeadline {
  int64_t id = 0;
  int64_t case_id = 0;
  std::string title;      // "Audiencia de custodia", "Plazo de apelación"
  std::string due_date;   // YYYY-MM-DD, a day in the case site's local time
  std::string met_at;     // ISO 8601 UTC when marked done, "" while open
  std::string created_at;
  std::string created_by;
  int64_t version = 1;
};

// InvalidArgument "title" (1 to 200 characters) or "due_date" (YYYY-MM-DD).
Status ValidateDeadline(const LegalDeadline& deadline);

enum class Reminder { kNone, kDueIn7Days, kDueIn1Day, kOverdue, kMet };
// "none", "due_in_7_days", "due_in_1_day", "overdue", "met".
std::string_view ReminderName(Reminder reminder);

// The reminder a deadline shows at `now` in the site's zone: met once marked done; overdue
// once the local date is after the due date; due_in_1_day on the due date and the day before;
// due_in_7_days within a week; none before. A deadline is due by the end of its local day.
Reminder DeadlineReminder(const LegalDeadline& deadline, UtcTime now, const ZoneRules& zone);
// Same, from the parsed due date (sys_days).
Reminder DeadlineReminder(std::chrono::sys_days due, bool met, UtcTime now, const ZoneRules& zone);
// True when a met deadline was met by the end of its due day (local); false for missed ones.
bool MetOnTime(const LegalDeadline& deadline, const ZoneRules& zone);

enum class AppointmentMode { kInPerson, kPhone, kVideo };
std::string_view AppointmentModeName(AppointmentMode mode);  // "in_person", "phone", "video"
std::optional<AppointmentMode> ParseAppointmentMode(std::string_view name);

struct LegalAppointment {
  int64_t id = 0;
  int64_t case_id = 0;
  int64_t lawyer_id = 0;   // the case's lawyer when it was made (0: none)
  int64_t site_id = 0;     // the case's site
  std::string starts_at;   // ISO 8601 UTC
  int duration_minutes = 30;
  AppointmentMode mode = AppointmentMode::kInPerson;
  std::string place;       // room, phone number to call or link, short
  std::string created_at;
  std::string created_by;
};

// InvalidArgument "starts_at", "duration_minutes" (5 to 480) or "place" (at most 200).
Status ValidateAppointment(const LegalAppointment& appointment);

// A privileged note: only the assigned lawyer and the legal coordinators read it.
struct LegalNote {
  int64_t id = 0;
  int64_t case_id = 0;
  std::string body;        // sealed at rest
  std::string author;
  std::string created_at;
};

// InvalidArgument "body" (1 to 10,000 characters).
Status ValidateNote(const LegalNote& note);

enum class DocumentStatus { kNeeded, kRequested, kReceived, kNotApplicable };
// "needed", "requested", "received", "not_applicable".
std::string_view DocumentStatusName(DocumentStatus status);
std::optional<DocumentStatus> ParseDocumentStatus(std::string_view name);

struct LegalDocument {
  int64_t id = 0;
  int64_t case_id = 0;
  std::string item;        // "child_birth_certificate", "court_papers", "pay_slips", ...
  DocumentStatus status = DocumentStatus::kNeeded;
  std::string updated_at;
  std::string updated_by;
  int64_t version = 1;
};

// The documents a case of `type` needs, as checklist item codes.
std::vector<std::string> DocumentsFor(CaseType type);
// InvalidArgument "item": [a-z_], 2 to 60 characters.
Status ValidateDocumentItem(std::string_view item);

enum class LawyerKind { kConsulate, kNgo, kProBono };
std::string_view LawyerKindName(LawyerKind kind);  // "consulate", "ngo", "pro_bono"
std::optional<LawyerKind> ParseLawyerKind(std::string_view name);

struct Lawyer {
  int64_t id = 0;
  std::string name;                 // a person, or an organisation's legal programme
  std::string organisation;
  LawyerKind kind = LawyerKind::kNgo;
  std::vector<CaseType> specialties;
  std::vector<std::string> languages;  // ISO 639-3: "spa", "eng", "nah"
  int capacity = 10;                // open cases they take at most
  int64_t user_id = 0;              // their account, 0 when they have none
  bool active = true;
  int64_t version = 1;
};

// InvalidArgument "name" (1 to 120), "organisation" (at most 120), "capacity" (0 to 500),
// "specialties" (at least one), "languages" (three lowercase letters each).
Status ValidateLawyer(const Lawyer& lawyer);

enum class ContactChannel { kNone, kPhone, kWhatsapp, kEmail, kThroughRelative };
// "none", "phone", "whatsapp", "email", "through_relative".
std::string_view ContactChannelName(ContactChannel channel);
std::optional<ContactChannel> ParseContactChannel(std::string_view name);

// How the legal team may reach a person after they leave, and whether they agreed to it.
struct ContactPreferences {
  int64_t person_id = 0;
  ContactChannel channel = ContactChannel::kNone;
  std::string contact;         // number or address (sealed at rest)
  bool consent = false;        // the person agreed to be contacted this way
  std::string best_time;       // "mañanas", free text, short
  std::string recorded_at;
  std::string recorded_by;
  int64_t version = 0;         // 0 when none recorded yet
};

// InvalidArgument "consent" (a channel other than none needs consent), "contact" (required
// for phone, whatsapp and email; at most 120), "best_time" (at most 100).
Status ValidateContact(const ContactPreferences& contact);

}  // namespace acogida
