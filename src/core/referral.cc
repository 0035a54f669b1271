// Validation of directory organisations and referrals, and the referral status transitions.
#include "core/referral.h"

#include <algorithm>

#include "core/enum_names.h"
#include "core/mexico.h"

namespace acogida {
namespace {

constexpr std::string_view kReferralStatusNames[] = {"sent", "accepted", "declined", "done"};
constexpr size_t kMaxCityChars = 120;
constexpr size_t kMaxPhoneChars = 40;
constexpr size_t kMaxContactChars = 254;
constexpr size_t kMaxLanguages = 10;

bool IsSpace(char ch) { return ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r'; }

void Trim(std::string& text) {
  size_t begin = 0;
  size_t end = text.size();
  while (begin < end && IsSpace(text[begin])) ++begin;
  while (end > begin && IsSpace(text[end - 1])) --end;
  text = text.substr(begin, end - begin);
}

// Characters of UTF-8 text (bytes that do not continue a sequence).
size_t CharCount(const std::string& text) {
  return static_cast<size_t>(std::count_if(text.begin(), text.end(), [](char ch) {
    return (static_cast<unsigned char>(ch) & 0xC0) != 0x80;
  }));
}

enum class Lines { kOne, kMany };

// Trims `text` and checks its length and control characters. Required text must not be empty.
Status CleanText(std::string& text, const std::string& field, size_t max_chars, bool required, Lines lines) {
  Trim(text);
  if (required && text.empty()) return InvalidArgument(field, "is required");
  if (CharCount(text) > max_chars) {
    return InvalidArgument(field, "must be at most " + std::to_string(max_chars) + " characters");
  }
  for (char ch : text) {
    const auto byte = static_cast<unsigned char>(ch);
    const bool newline = ch == '\n' || ch == '\r' || ch == '\t';
    if ((byte < 0x20 && !(newline && lines == Lines::kMany)) || byte == 0x7F) {
      return InvalidArgument(field, "must not contain control characters");
    }
  }
  return OkStatus();
}

Status ValidateServices(std::vector<std::string>& services) {
  if (services.size() > kMaxOrganisationServices) return InvalidArgument("services", "must be at most 30");
  for (size_t service_idx = 0; service_idx < services.size(); ++service_idx) {
    const std::string field = "services[" + std::to_string(service_idx) + "]";
    RETURN_IF_ERROR(CleanText(services[service_idx], field, kMaxServiceNameChars, true, Lines::kOne));
    if (services[service_idx].find(',') != std::string::npos) return InvalidArgument(field, "must not contain commas");
    for (size_t earlier = 0; earlier < service_idx; ++earlier) {
      if (services[earlier] == services[service_idx]) return InvalidArgument(field, "is listed twice");
    }
  }
  return OkStatus();
}

Status ValidateLanguageCodes(std::vector<std::string>& languages) {
  if (languages.size() > kMaxLanguages) return InvalidArgument("languages", "must be at most 10");
  for (size_t language_idx = 0; language_idx < languages.size(); ++language_idx) {
    std::string& code = languages[language_idx];
    Trim(code);
    const bool valid = code.size() >= 2 && code.size() <= 3 &&
                       std::all_of(code.begin(), code.end(), [](char ch) { return ch >= 'a' && ch <= 'z'; });
    if (!valid) {
      return InvalidArgument("languages[" + std::to_string(language_idx) + "]",
                             "must be an ISO 639 code of 2 or 3 lower-case letters (\"spa\", \"en\")");
    }
  }
  return OkStatus();
}

}  // namespace

Status ValidateOrganisation(Organisation& organisation) {
  RETURN_IF_ERROR(CleanText(organisation.name, "name", kMaxOrganisationNameChars, true, Lines::kOne));
  RETURN_IF_ERROR(CleanText(organisation.description, "description", kMaxOrganisationDescriptionChars, false,
                            Lines::kMany));
  RETURN_IF_ERROR(ValidateServices(organisation.services));
  RETURN_IF_ERROR(CleanText(organisation.city, "city", kMaxCityChars, false, Lines::kOne));
  Trim(organisation.state);
  if (!organisation.state.empty() && StateByInegiCode(organisation.state) == nullptr) {
    return InvalidArgument("state", "must be an INEGI state code (\"01\" to \"32\")");
  }
  RETURN_IF_ERROR(CleanText(organisation.hours, "hours", kMaxOrganisationHoursChars, false, Lines::kMany));
  RETURN_IF_ERROR(CleanText(organisation.phone, "phone", kMaxPhoneChars, false, Lines::kOne));
  for (char ch : organisation.phone) {
    if (!((ch >= '0' && ch <= '9') || ch == ' ' || ch == '+' || ch == '-' || ch == '(' || ch == ')' || ch == '.')) {
      return InvalidArgument("phone", "may hold only digits, spaces and + - ( ) .");
    }
  }
  RETURN_IF_ERROR(CleanText(organisation.email, "email", kMaxContactChars, false, Lines::kOne));
  if (!organisation.email.empty()) {
    const size_t at = organisation.email.find('@');
    const bool valid = at != std::string::npos && at > 0 && organisation.email.find('@', at + 1) == std::string::npos &&
                       organisation.email.find('.', at) != std::string::npos &&
                       organisation.email.find(' ') == std::string::npos;
    if (!valid) return InvalidArgument("email", "must be an e-mail address");
  }
  RETURN_IF_ERROR(CleanText(organisation.url, "url", kMaxContactChars, false, Lines::kOne));
  if (!organisation.url.empty() && organisation.url.rfind("https://", 0) != 0 &&
      organisation.url.rfind("http://", 0) != 0) {
    return InvalidArgument("url", "must start with https:// or http://");
  }
  return ValidateLanguageCodes(organisation.languages);
}

std::string_view ReferralStatusName(ReferralStatus status) { return kReferralStatusNames[static_cast<int>(status)]; }
std::optional<ReferralStatus> ParseReferralStatus(std::string_view name) {
  return ParseEnumName<ReferralStatus>(kReferralStatusNames, name);
}

Status CheckReferralTransition(ReferralStatus from, ReferralStatus to) {
  const bool allowed = (from == ReferralStatus::kSent && (to == ReferralStatus::kAccepted || to == ReferralStatus::kDeclined)) ||
                       (from == ReferralStatus::kAccepted && (to == ReferralStatus::kDone || to == ReferralStatus::kDeclined));
  if (allowed) return OkStatus();
  return Status(StatusCode::kFailedPrecondition,
                "a referral that is " + std::string(ReferralStatusName(from)) + " cannot become " +
                    std::string(ReferralStatusName(to)),
                "status");
}

Status ValidateReferral(Referral& referral) {
  if (referral.person_id <= 0) return InvalidArgument("person_id", "is required");
  if (referral.organisation_id <= 0) return InvalidArgument("organisation_id", "is required");
  RETURN_IF_ERROR(CleanText(referral.service, "service", kMaxServiceNameChars, true, Lines::kOne));
  return CleanText(referral.note, "note", kMaxReferralNoteChars, false, Lines::kMany);
}

}  // namespace acogida
