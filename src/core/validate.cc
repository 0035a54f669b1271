// The input rules of validate.h. Checks run in the order of the struct's fields, so the
// first error reported is the first bad field a form shows. Pure; thread-safe.
#include "core/validate.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <optional>
#include <string>
#include <vector>

#include "core/curp.h"
#include "core/mexico.h"
#include "core/names.h"

namespace acogida {
namespace {

constexpr size_t kMaxNameChars = 80;
constexpr size_t kMaxLanguages = 10;
constexpr size_t kMaxHouseholdSize = 30;
constexpr size_t kMaxSiteNameChars = 120;
constexpr size_t kMaxSectionNameChars = 80;
constexpr int kMaxSectionBeds = 5000;
constexpr size_t kMinPhoneDigits = 8;
constexpr size_t kMaxPhoneDigits = 15;
constexpr size_t kMexicanNumberDigits = 10;
constexpr int kMaxMunicipality = 570;  // Oaxaca has the most municipalities

enum class Presence { kOptional, kRequired };

bool IsDigit(char ch) { return ch >= '0' && ch <= '9'; }
bool IsLower(char ch) { return ch >= 'a' && ch <= 'z'; }
bool IsAsciiLetter(char ch) { return IsLower(ch) || (ch >= 'A' && ch <= 'Z'); }
bool IsAsciiSpace(char ch) { return ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r'; }

bool AllDigits(std::string_view text) {
  for (char ch : text) {
    if (!IsDigit(ch)) return false;
  }
  return true;
}

void TrimInPlace(std::string& text) {
  size_t start = 0, end = text.size();
  while (start < end && IsAsciiSpace(text[start])) ++start;
  while (end > start && IsAsciiSpace(text[end - 1])) --end;
  text = text.substr(start, end - start);
}

std::string MemberField(size_t member_idx) { return "members[" + std::to_string(member_idx) + "]"; }

// Cleans a name in place; rejects a name that is not empty but has no letters (".", "-").
Status CleanNameInPlace(std::string& value, const char* field, Presence presence) {
  ASSIGN_OR_RETURN(value, CleanName(value, field, kMaxNameChars));
  if (!value.empty() && FoldName(value).empty()) return InvalidArgument(field, "must contain letters");
  if (presence == Presence::kRequired && value.empty()) return InvalidArgument(field, "is required");
  return OkStatus();
}

// Trims free text in place (site and section names, which may hold digits: "Albergue 2")
// and checks that it is valid UTF-8 without control characters, of at most `max_chars`.
Status CleanTextInPlace(std::string& text, const char* field, size_t max_chars, Presence presence) {
  TrimInPlace(text);
  if (presence == Presence::kRequired && text.empty()) return InvalidArgument(field, "is required");
  size_t chars = 0;
  const int32_t length = static_cast<int32_t>(text.size());
  for (int32_t offset = 0; offset < length; ++chars) {
    UChar32 c;
    U8_NEXT(text.data(), offset, length, c);
    if (c < 0) return InvalidArgument(field, "is not valid UTF-8");
    if (u_charType(c) == U_CONTROL_CHAR) return InvalidArgument(field, "must not contain control characters");
  }
  if (chars > max_chars) {
    return InvalidArgument(field, "must be at most " + std::to_string(max_chars) + " characters");
  }
  return OkStatus();
}

// Free-text notes: valid UTF-8 of at most 2,000 characters; line breaks and tabs allowed,
// other control characters not. Trimmed in place.
Status CleanNotesInPlace(std::string& notes) {
  TrimInPlace(notes);
  size_t chars = 0;
  const int32_t length = static_cast<int32_t>(notes.size());
  for (int32_t offset = 0; offset < length; ++chars) {
    UChar32 c;
    U8_NEXT(notes.data(), offset, length, c);
    if (c < 0) return InvalidArgument("notes", "is not valid UTF-8");
    if (c != '\n' && c != '\t' && u_charType(c) == U_CONTROL_CHAR) {
      return InvalidArgument("notes", "must not contain control characters");
    }
  }
  if (chars > 2000) return InvalidArgument("notes", "must be at most 2000 characters");
  return OkStatus();
}

Status ValidateBirthDate(const BirthDate& date, std::string_view today_iso) {
  if (date == BirthDate{}) return OkStatus();
  // Re-parsing the text form applies ParseBirthDate's rules to values built in code.
  ASSIGN_OR_RETURN(BirthDate parsed, ParseBirthDate(date.ToString(), "birth_date", today_iso));
  if (parsed != date) return InvalidArgument("birth_date", "a day or month is given without the parts before it");
  return OkStatus();
}

Status ValidateBirthPlace(const Person& person) {
  if (!person.birth_state.empty() && StateByInegiCode(person.birth_state) == nullptr) {
    return InvalidArgument("birth_state", "unknown state code " + person.birth_state + " (must be 01 to 32)");
  }
  const std::string& municipality = person.birth_municipality;
  if (municipality.empty()) return OkStatus();
  if (municipality.size() != 3 || !AllDigits(municipality) || std::stoi(municipality) < 1 ||
      std::stoi(municipality) > kMaxMunicipality) {
    return InvalidArgument("birth_municipality", "must be an INEGI municipality code 001 to 570");
  }
  if (person.birth_state.empty()) return InvalidArgument("birth_municipality", "needs birth_state");
  return OkStatus();
}

Status ValidateCurp(Person& person) {
  TrimInPlace(person.curp);
  if (person.curp.empty()) return OkStatus();
  ASSIGN_OR_RETURN(CurpInfo info, ParseCurp(person.curp, "curp"));
  person.curp = info.curp;
  return CheckCurpAgreesWithPerson(info, person, "curp");
}

Status ValidateLanguages(const std::vector<std::string>& languages) {
  if (languages.size() > kMaxLanguages) return InvalidArgument("languages", "must be at most 10");
  for (size_t language_idx = 0; language_idx < languages.size(); ++language_idx) {
    const std::string& code = languages[language_idx];
    bool valid = code.size() >= 2 && code.size() <= 3;
    for (char ch : code) valid = valid && IsLower(ch);
    if (!valid) {
      return InvalidArgument("languages[" + std::to_string(language_idx) + "]",
                             "must be an ISO 639 code of 2 or 3 lower-case letters (\"spa\", \"nah\")");
    }
  }
  return OkStatus();
}

Status NormalisePhone(std::string& phone) {
  std::string compact;
  for (char ch : phone) {
    if (IsAsciiSpace(ch) || ch == '-' || ch == '(' || ch == ')' || ch == '.') continue;
    compact += ch;
  }
  if (compact.empty()) {
    phone.clear();
    return OkStatus();
  }
  if (compact.size() == kMexicanNumberDigits && AllDigits(compact)) {
    phone = "+52" + compact;
    return OkStatus();
  }
  const std::string_view digits = std::string_view(compact).substr(1);
  if (compact[0] != '+' || !AllDigits(digits) || digits.size() < kMinPhoneDigits || digits.size() > kMaxPhoneDigits) {
    return InvalidArgument("phone", "must be '+', the country code and number (8 to 15 digits in all), "
                                    "or a 10-digit Mexican number");
  }
  phone = std::move(compact);
  return OkStatus();
}

// Area/Location[/Location...]: letters, '_' and '-' in non-empty parts separated by '/'.
bool HasTimeZoneShape(std::string_view timezone) {
  if (timezone.empty() || timezone.front() == '/' || timezone.back() == '/') return false;
  if (timezone.find('/') == std::string_view::npos || timezone.find("//") != std::string_view::npos) return false;
  for (char ch : timezone) {
    if (!IsAsciiLetter(ch) && ch != '_' && ch != '/' && ch != '-') return false;
  }
  return true;
}

}  // namespace

Status ValidatePerson(Person& person, std::string_view today_iso) {
  RETURN_IF_ERROR(CleanNameInPlace(person.given_names, "given_names", Presence::kRequired));
  RETURN_IF_ERROR(CleanNameInPlace(person.paternal_surname, "paternal_surname", Presence::kOptional));
  RETURN_IF_ERROR(CleanNameInPlace(person.maternal_surname, "maternal_surname", Presence::kOptional));
  // People with a single surname are common; it may be recorded in either place.
  if (person.paternal_surname.empty() && person.maternal_surname.empty()) {
    return InvalidArgument("paternal_surname", "is required (or maternal_surname, for a single surname)");
  }
  RETURN_IF_ERROR(ValidateBirthDate(person.birth_date, today_iso));
  RETURN_IF_ERROR(ValidateBirthPlace(person));
  RETURN_IF_ERROR(ValidateCurp(person));
  RETURN_IF_ERROR(ValidateLanguages(person.languages));
  RETURN_IF_ERROR(CleanNotesInPlace(person.notes));
  return NormalisePhone(person.phone);
}

Status ValidateHousehold(Household& household, std::string_view today_iso) {
  std::vector<Person>& members = household.members;
  if (members.empty() || members.size() > kMaxHouseholdSize) {
    return InvalidArgument("members", "must have 1 to 30 members, not " + std::to_string(members.size()));
  }
  for (size_t member_idx = 0; member_idx < members.size(); ++member_idx) {
    RETURN_IF_ERROR(ValidatePerson(members[member_idx], today_iso).WithFieldPrefix(MemberField(member_idx)));
  }
  std::optional<size_t> head_idx;
  for (size_t member_idx = 0; member_idx < members.size(); ++member_idx) {
    if (members[member_idx].relationship != Relationship::kHead) continue;
    if (head_idx) {
      return InvalidArgument(MemberField(member_idx) + ".relationship",
                             "a household has one head, and " + MemberField(*head_idx) + " is already the head");
    }
    head_idx = member_idx;
  }
  if (!head_idx) return InvalidArgument("members", "one member must be the head of the household");
  for (size_t member_idx = 1; member_idx < members.size(); ++member_idx) {
    const std::string& curp = members[member_idx].curp;
    if (curp.empty()) continue;
    for (size_t other_idx = 0; other_idx < member_idx; ++other_idx) {
      if (members[other_idx].curp == curp) {
        return InvalidArgument(MemberField(member_idx) + ".curp", "is the same CURP as " + MemberField(other_idx));
      }
    }
  }
  return OkStatus();
}

Status ValidateSite(Site& site) {
  RETURN_IF_ERROR(CleanTextInPlace(site.name, "name", kMaxSiteNameChars, Presence::kRequired));
  RETURN_IF_ERROR(CleanTextInPlace(site.operator_name, "operator_name", kMaxSiteNameChars, Presence::kOptional));
  RETURN_IF_ERROR(CleanTextInPlace(site.city, "city", kMaxSiteNameChars, Presence::kRequired));
  if (StateByInegiCode(site.state) == nullptr) {
    return InvalidArgument("state", "must be an INEGI state code 01 to 32, not '" + site.state + "'");
  }
  // Written as negations so that NaN fails too.
  if (!(site.latitude >= -90 && site.latitude <= 90)) return InvalidArgument("latitude", "must be from -90 to 90");
  if (!(site.longitude >= -180 && site.longitude <= 180)) {
    return InvalidArgument("longitude", "must be from -180 to 180");
  }
  // Only the shape is checked: ICU's built-in zone data can lag the IANA database (ICU 72
  // lacks America/Ciudad_Juarez, 2022), and a site must not be refused for that.
  if (!HasTimeZoneShape(site.timezone)) {
    return InvalidArgument("timezone", "must be an IANA time zone such as America/Tijuana");
  }
  return OkStatus();
}

Status ValidateShortText(std::string& text, const char* field, size_t max_chars) {
  return CleanTextInPlace(text, field, max_chars, Presence::kRequired);
}

Status ValidateSection(Section& section) {
  RETURN_IF_ERROR(CleanTextInPlace(section.name, "name", kMaxSectionNameChars, Presence::kRequired));
  if (section.beds < 0 || section.beds > kMaxSectionBeds) return InvalidArgument("beds", "must be from 0 to 5000");
  return OkStatus();
}

}  // namespace acogida
