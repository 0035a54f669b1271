// Names of the legal-aid enums, the case workflow, reminders and input rules.
#include "core/legal.h"

#include <algorithm>

#include "core/enum_names.h"

namespace acogida {
namespace {

constexpr std::string_view kScreeningItemNames[] = {"children_in_us", "custody",        "wages_property",
                                                    "immigration_case", "prior_removals", "fear_of_return",
                                                    "lost_documents", "victim",         "consular_help"};
constexpr std::string_view kAnswerNames[] = {"unasked", "yes", "no"};
constexpr std::string_view kCaseTypeNames[] = {"custody",    "wages_property",     "immigration",
                                               "reentry",    "protection",         "identity_documents",
                                               "victim",     "consular",           "other"};
constexpr std::string_view kCaseStatusNames[] = {"new", "assigned", "in_progress", "referred", "closed"};
constexpr std::string_view kCaseOutcomeNames[] = {"",          "resolved",        "unfavourable", "referred_out",
                                                  "withdrawn", "no_legal_remedy", "lost_contact"};
constexpr std::string_view kReminderNames[] = {"none", "due_in_7_days", "due_in_1_day", "overdue", "met"};
constexpr std::string_view kAppointmentModeNames[] = {"in_person", "phone", "video"};
constexpr std::string_view kDocumentStatusNames[] = {"needed", "requested", "received", "not_applicable"};
constexpr std::string_view kLawyerKindNames[] = {"consulate", "ngo", "pro_bono"};
constexpr std::string_view kContactChannelNames[] = {"none", "phone", "whatsapp", "email", "through_relative"};

// Characters, not bytes: counts UTF-8 lead bytes.
size_t CharCount(std::string_view text) {
  size_t chars = 0;
  for (unsigned char byte : text) chars += (byte & 0xC0) != 0x80 ? 1 : 0;
  return chars;
}

bool HasControl(std::string_view text) {
  return std::any_of(text.begin(), text.end(), [](char ch) { return static_cast<unsigned char>(ch) < 0x20; });
}

Status CheckText(std::string_view text, const char* field, size_t min_chars, size_t max_chars) {
  const size_t chars = CharCount(text);
  if (chars < min_chars) return InvalidArgument(field, "is required");
  if (chars > max_chars) return InvalidArgument(field, "must be at most " + std::to_string(max_chars) + " characters");
  return OkStatus();
}

Status CheckOptionalDate(const std::string& text, const char* field) {
  if (text.empty()) return OkStatus();
  return ParseDate(text, field).status();
}

bool IsOpen(CaseStatus status) { return status != CaseStatus::kClosed; }

}  // namespace

std::string_view ScreeningItemName(ScreeningItem item) { return kScreeningItemNames[static_cast<int>(item)]; }
std::optional<ScreeningItem> ParseScreeningItem(std::string_view name) {
  return ParseEnumName<ScreeningItem>(kScreeningItemNames, name);
}
std::vector<ScreeningItem> AllScreeningItems() {
  std::vector<ScreeningItem> items;
  for (size_t idx = 0; idx < std::size(kScreeningItemNames); ++idx) items.push_back(static_cast<ScreeningItem>(idx));
  return items;
}

std::string_view AnswerName(Answer answer) { return kAnswerNames[static_cast<int>(answer)]; }
std::optional<Answer> ParseAnswer(std::string_view name) { return ParseEnumName<Answer>(kAnswerNames, name); }

Answer LegalScreening::answer(ScreeningItem item) const {
  const size_t idx = static_cast<size_t>(item);
  return idx < answers.size() ? answers[idx] : Answer::kUnasked;
}

void LegalScreening::set_answer(ScreeningItem item, Answer value) {
  const size_t idx = static_cast<size_t>(item);
  if (answers.size() <= idx) answers.resize(std::size(kScreeningItemNames), Answer::kUnasked);
  answers[idx] = value;
}

std::vector<ScreeningItem> LegalScreening::YesItems() const {
  std::vector<ScreeningItem> out;
  for (ScreeningItem item : AllScreeningItems()) {
    if (answer(item) == Answer::kYes) out.push_back(item);
  }
  return out;
}

Status ValidateScreening(const LegalScreening& screening) {
  if (!screening.a_number.empty()) {
    // An A-number ("Alien Registration Number"): an optional A and 8 or 9 digits; dashes allowed.
    std::string digits;
    for (size_t idx = 0; idx < screening.a_number.size(); ++idx) {
      const char ch = screening.a_number[idx];
      if (idx == 0 && (ch == 'A' || ch == 'a')) continue;
      if (ch == '-' || ch == ' ') continue;
      if (ch < '0' || ch > '9') return InvalidArgument("a_number", "must be an A-number: A and 8 or 9 digits");
      digits += ch;
    }
    if (digits.size() < 8 || digits.size() > 9) {
      return InvalidArgument("a_number", "must be an A-number: A and 8 or 9 digits");
    }
  }
  RETURN_IF_ERROR(CheckText(screening.court, "court", 0, 200));
  if (HasControl(screening.court)) return InvalidArgument("court", "must be one line");
  return CheckOptionalDate(screening.hearing_date, "hearing_date");
}

std::string_view CaseTypeName(CaseType type) { return kCaseTypeNames[static_cast<int>(type)]; }
std::optional<CaseType> ParseCaseType(std::string_view name) { return ParseEnumName<CaseType>(kCaseTypeNames, name); }
std::vector<CaseType> AllCaseTypes() {
  std::vector<CaseType> types;
  for (size_t idx = 0; idx < std::size(kCaseTypeNames); ++idx) types.push_back(static_cast<CaseType>(idx));
  return types;
}

CaseType CaseTypeFor(ScreeningItem item) {
  switch (item) {
    case ScreeningItem::kChildrenInUs:
    case ScreeningItem::kCustody: return CaseType::kCustody;
    case ScreeningItem::kWagesProperty: return CaseType::kWagesProperty;
    case ScreeningItem::kImmigrationCase: return CaseType::kImmigration;
    case ScreeningItem::kPriorRemovals: return CaseType::kReentry;
    case ScreeningItem::kFearOfReturn: return CaseType::kProtection;
    case ScreeningItem::kLostDocuments: return CaseType::kIdentityDocuments;
    case ScreeningItem::kVictim: return CaseType::kVictim;
    case ScreeningItem::kConsularHelp: return CaseType::kConsular;
  }
  return CaseType::kOther;
}

std::string_view CaseStatusName(CaseStatus status) { return kCaseStatusNames[static_cast<int>(status)]; }
std::optional<CaseStatus> ParseCaseStatus(std::string_view name) {
  return ParseEnumName<CaseStatus>(kCaseStatusNames, name);
}
std::string_view CaseOutcomeName(CaseOutcome outcome) { return kCaseOutcomeNames[static_cast<int>(outcome)]; }
std::optional<CaseOutcome> ParseCaseOutcome(std::string_view name) {
  return ParseEnumName<CaseOutcome>(kCaseOutcomeNames, name);
}

Status CheckTransition(CaseStatus from, CaseStatus to, int64_t lawyer_id, CaseOutcome outcome) {
  using S = CaseStatus;
  if (from != to) {
    std::vector<S> allowed;
    switch (from) {
      case S::kNew: allowed = {S::kAssigned, S::kClosed}; break;
      case S::kAssigned: allowed = {S::kNew, S::kInProgress, S::kReferred, S::kClosed}; break;
      case S::kInProgress: allowed = {S::kReferred, S::kClosed}; break;
      case S::kReferred: allowed = {S::kInProgress, S::kClosed}; break;
      case S::kClosed: break;
    }
    if (std::find(allowed.begin(), allowed.end(), to) == allowed.end()) {
      std::string options;
      for (S next : allowed) options += (options.empty() ? "" : ", ") + std::string(CaseStatusName(next));
      return Status(StatusCode::kFailedPrecondition,
                    "a case cannot go from " + std::string(CaseStatusName(from)) + " to " +
                        std::string(CaseStatusName(to)) +
                        (options.empty() ? "; closed cases are final" : "; from here: " + options),
                    "status");
    }
  } else if (from == S::kClosed) {
    return Status(StatusCode::kFailedPrecondition, "the case is closed; closed cases are final", "status");
  }
  const bool needs_lawyer = to == S::kAssigned || to == S::kInProgress || to == S::kReferred;
  if (needs_lawyer && lawyer_id == 0) {
    return Status(StatusCode::kFailedPrecondition,
                  "a case " + std::string(CaseStatusName(to)) + " needs a lawyer; assign one", "lawyer_id");
  }
  if (to == S::kNew && lawyer_id != 0) {
    return Status(StatusCode::kFailedPrecondition, "a new case has no lawyer yet; set status assigned",
                  "lawyer_id");
  }
  if (to == S::kClosed && outcome == CaseOutcome::kNone) {
    return InvalidArgument("outcome", "say how the case ended to close it");
  }
  if (IsOpen(to) && outcome != CaseOutcome::kNone) {
    return InvalidArgument("outcome", "only closed cases have an outcome");
  }
  return OkStatus();
}

Status ValidateCase(const LegalCase& legal_case) {
  RETURN_IF_ERROR(CheckText(legal_case.summary, "summary", 0, 500));
  return CheckOptionalDate(legal_case.next_action_date, "next_action_date");
}

Status ValidateDeadline(const LegalDeadline& deadline) {
  RETURN_IF_ERROR(CheckText(deadline.title, "title", 1, 200));
  if (HasControl(deadline.title)) return InvalidArgument("title", "must be one line");
  if (deadline.due_date.empty()) return InvalidArgument("due_date", "is required (YYYY-MM-DD)");
  return ParseDate(deadline.due_date, "due_date").status();
}

std::string_view ReminderName(Reminder reminder) { return kReminderNames[static_cast<int>(reminder)]; }

Reminder DeadlineReminder(std::chrono::sys_days due, bool met, UtcTime now, const ZoneRules& zone) {
  if (met) return Reminder::kMet;
  const auto days_left = (due - zone.LocalDate(now)).count();
  if (days_left < 0) return Reminder::kOverdue;
  if (days_left <= 1) return Reminder::kDueIn1Day;
  if (days_left <= 7) return Reminder::kDueIn7Days;
  return Reminder::kNone;
}

Reminder DeadlineReminder(const LegalDeadline& deadline, UtcTime now, const ZoneRules& zone) {
  auto due = ParseDate(deadline.due_date, "due_date");
  if (!due.ok()) return Reminder::kNone;
  return DeadlineReminder(*due, !deadline.met_at.empty(), now, zone);
}

bool MetOnTime(const LegalDeadline& deadline, const ZoneRules& zone) {
  if (deadline.met_at.empty()) return false;
  auto due = ParseDate(deadline.due_date, "due_date");
  auto met = ParseUtc(deadline.met_at, "met_at");
  if (!due.ok() || !met.ok()) return false;
  return zone.LocalDate(*met) <= *due;
}

std::string_view AppointmentModeName(AppointmentMode mode) { return kAppointmentModeNames[static_cast<int>(mode)]; }
std::optional<AppointmentMode> ParseAppointmentMode(std::string_view name) {
  return ParseEnumName<AppointmentMode>(kAppointmentModeNames, name);
}

Status ValidateAppointment(const LegalAppointment& appointment) {
  if (appointment.starts_at.empty()) return InvalidArgument("starts_at", "is required (ISO 8601)");
  RETURN_IF_ERROR(ParseUtc(appointment.starts_at, "starts_at").status());
  if (appointment.duration_minutes < 5 || appointment.duration_minutes > 480) {
    return InvalidArgument("duration_minutes", "must be 5 to 480");
  }
  RETURN_IF_ERROR(CheckText(appointment.place, "place", 0, 200));
  if (HasControl(appointment.place)) return InvalidArgument("place", "must be one line");
  return OkStatus();
}

Status ValidateNote(const LegalNote& note) { return CheckText(note.body, "body", 1, 10000); }

std::string_view DocumentStatusName(DocumentStatus status) { return kDocumentStatusNames[static_cast<int>(status)]; }
std::optional<DocumentStatus> ParseDocumentStatus(std::string_view name) {
  return ParseEnumName<DocumentStatus>(kDocumentStatusNames, name);
}

std::vector<std::string> DocumentsFor(CaseType type) {
  switch (type) {
    case CaseType::kCustody: return {"child_birth_certificate", "court_papers", "identity_document"};
    case CaseType::kWagesProperty: return {"pay_slips", "employer_details", "bank_or_property_papers"};
    case CaseType::kImmigration: return {"court_papers", "hearing_notice", "identity_document"};
    case CaseType::kReentry: return {"removal_order", "identity_document"};
    case CaseType::kProtection: return {"identity_document", "evidence_of_risk"};
    case CaseType::kIdentityDocuments: return {"birth_certificate", "curp_record"};
    case CaseType::kVictim: return {"police_report", "medical_report"};
    case CaseType::kConsular: return {"identity_document", "proof_of_nationality"};
    case CaseType::kOther: return {};
  }
  return {};
}

Status ValidateDocumentItem(std::string_view item) {
  const bool shaped = item.size() >= 2 && item.size() <= 60 &&
                      std::all_of(item.begin(), item.end(), [](char ch) { return (ch >= 'a' && ch <= 'z') || ch == '_'; });
  if (!shaped) return InvalidArgument("item", "must be a checklist code: a-z and _, 2 to 60 characters");
  return OkStatus();
}

std::string_view LawyerKindName(LawyerKind kind) { return kLawyerKindNames[static_cast<int>(kind)]; }
std::optional<LawyerKind> ParseLawyerKind(std::string_view name) {
  return ParseEnumName<LawyerKind>(kLawyerKindNames, name);
}

Status ValidateLawyer(const Lawyer& lawyer) {
  RETURN_IF_ERROR(CheckText(lawyer.name, "name", 1, 120));
  RETURN_IF_ERROR(CheckText(lawyer.organisation, "organisation", 0, 120));
  if (lawyer.capacity < 0 || lawyer.capacity > 500) return InvalidArgument("capacity", "must be 0 to 500");
  if (lawyer.specialties.empty()) return InvalidArgument("specialties", "give at least one case type");
  for (const std::string& language : lawyer.languages) {
    const bool code = language.size() == 3 &&
                      std::all_of(language.begin(), language.end(), [](char ch) { return ch >= 'a' && ch <= 'z'; });
    if (!code) return InvalidArgument("languages", "each must be an ISO 639-3 code: spa, eng, nah");
  }
  return OkStatus();
}

std::string_view ContactChannelName(ContactChannel channel) { return kContactChannelNames[static_cast<int>(channel)]; }
std::optional<ContactChannel> ParseContactChannel(std::string_view name) {
  return ParseEnumName<ContactChannel>(kContactChannelNames, name);
}

Status ValidateContact(const ContactPreferences& contact) {
  if (contact.channel != ContactChannel::kNone && !contact.consent) {
    return InvalidArgument("consent", "the person must agree to be contacted this way");
  }
  const bool needs_contact = contact.channel == ContactChannel::kPhone ||
                             contact.channel == ContactChannel::kWhatsapp || contact.channel == ContactChannel::kEmail;
  if (needs_contact && contact.contact.empty()) return InvalidArgument("contact", "give the number or address");
  RETURN_IF_ERROR(CheckText(contact.contact, "contact", 0, 120));
  if (HasControl(contact.contact)) return InvalidArgument("contact", "must be one line");
  return CheckText(contact.best_time, "best_time", 0, 100);
}

}  // namespace acogida
