// CURP parsing, check digit and comparison with a person's other data. The rules are
// RENAPO's: positions are checked in order (format, birth date, state, check digit) and the
// first problem found is reported. Pure functions; thread-safe.
#include "core/curp.h"

#include <cassert>
#include <cstdio>

#include "core/mexico.h"

namespace acogida {
namespace {

constexpr size_t kCurpLength = 18;

bool IsUpper(char ch) { return ch >= 'A' && ch <= 'Z'; }
bool IsDigit(char ch) { return ch >= '0' && ch <= '9'; }
bool IsInnerConsonant(char ch) { return IsUpper(ch) && ch != 'A' && ch != 'E' && ch != 'I' && ch != 'O' && ch != 'U'; }

bool AllOf(std::string_view text, size_t start, size_t count, bool (*predicate)(char)) {
  for (size_t idx = start; idx < start + count; ++idx) {
    if (!predicate(text[idx])) return false;
  }
  return true;
}

// The value of a character in RENAPO's alphabet "0123456789ABCDEFGHIJKLMNÑOPQRSTUVWXYZ".
// Ñ (24) never appears in our ASCII input, so the letters after N are shifted by one.
int CheckValue(char ch) {
  if (IsDigit(ch)) return ch - '0';
  if (ch >= 'A' && ch <= 'N') return ch - 'A' + 10;
  if (ch >= 'O' && ch <= 'Z') return ch - 'O' + 25;
  return 0;
}

int TwoDigits(std::string_view text, size_t pos) { return (text[pos] - '0') * 10 + (text[pos + 1] - '0'); }

std::string FormatDate(int year, int month, int day) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
  return buf;
}

// The first format problem of an upper-case, 18-character candidate, or "" if none.
std::string FormatProblem(std::string_view curp) {
  if (!AllOf(curp, 0, 4, IsUpper)) return "characters 1-4 must be letters";
  if (!AllOf(curp, 4, 6, IsDigit)) return "characters 5-10 must be the birth date as YYMMDD";
  if (curp[10] != 'H' && curp[10] != 'M' && curp[10] != 'X') return "character 11 must be the sex, H, M or X";
  if (!AllOf(curp, 11, 2, IsUpper)) return "characters 12-13 must be the letters of the state of birth";
  if (!AllOf(curp, 13, 3, IsInnerConsonant)) return "characters 14-16 must be consonants";
  if (!IsUpper(curp[16]) && !IsDigit(curp[16])) return "character 17 must be a letter or a digit";
  if (!IsDigit(curp[17])) return "character 18 must be the check digit";
  return "";
}

}  // namespace

char CurpCheckDigit(std::string_view first17) {
  assert(first17.size() >= 17);
  int sum = 0;
  for (size_t idx = 0; idx < 17 && idx < first17.size(); ++idx) {
    sum += CheckValue(first17[idx]) * static_cast<int>(18 - idx);
  }
  return static_cast<char>('0' + (10 - sum % 10) % 10);
}

StatusOr<CurpInfo> ParseCurp(std::string_view text, std::string_view field) {
  const std::string name(field);
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);

  std::string curp;
  curp.reserve(text.size());
  for (char ch : text) {
    if (!IsDigit(ch) && !IsUpper(ch) && !(ch >= 'a' && ch <= 'z')) {
      return InvalidArgument(name, "must contain only letters A-Z and digits");
    }
    curp += (ch >= 'a' && ch <= 'z') ? static_cast<char>(ch - 'a' + 'A') : ch;
  }
  if (curp.size() != kCurpLength) {
    return InvalidArgument(name, "must be 18 characters, not " + std::to_string(curp.size()));
  }
  if (std::string problem = FormatProblem(curp); !problem.empty()) return InvalidArgument(name, problem);

  CurpInfo info;
  // The homoclave distinguishes the century: RENAPO assigns digits before 2000, letters after.
  const int century = IsDigit(curp[16]) ? 1900 : 2000;
  info.birth_date.year = century + TwoDigits(curp, 4);
  info.birth_date.month = TwoDigits(curp, 6);
  info.birth_date.day = TwoDigits(curp, 8);
  const BirthDate& date = info.birth_date;
  if (date.month < 1 || date.month > 12 || date.day < 1 || date.day > DaysInMonth(date.year, date.month)) {
    return InvalidArgument(name, "birth date " + FormatDate(date.year, date.month, date.day) + " does not exist");
  }

  info.sex = curp[10] == 'H' ? Sex::kMale : curp[10] == 'M' ? Sex::kFemale : Sex::kOther;

  const std::string_view state_code = std::string_view(curp).substr(11, 2);
  if (state_code != "NE") {
    const MexicanState* state = StateByCurpCode(state_code);
    if (state == nullptr) return InvalidArgument(name, "unknown state code " + std::string(state_code));
    info.state_code = std::string(state->inegi_code);
  }

  const char expected = CurpCheckDigit(curp);
  if (curp[17] != expected) return InvalidArgument(name, std::string("check digit should be ") + expected);

  info.curp = std::move(curp);
  return info;
}

Status CheckCurpAgreesWithPerson(const CurpInfo& info, const Person& person, std::string_view field) {
  const std::string name(field);
  const BirthDate& known = person.birth_date;
  const BirthDate& from_curp = info.birth_date;
  if (known.known()) {
    const bool agrees = known.year == from_curp.year && (known.month == 0 || known.month == from_curp.month) &&
                        (known.day == 0 || known.day == from_curp.day);
    if (!agrees) {
      return InvalidArgument(name, "birth date " + from_curp.ToString() + " in the CURP does not match birth_date " +
                                       known.ToString());
    }
  }
  // Only female and male are compared: a person registered here as X may hold a CURP
  // issued with H or M before RENAPO offered X, and the reverse may hold too.
  const bool binary_person = person.sex == Sex::kFemale || person.sex == Sex::kMale;
  const bool binary_curp = info.sex == Sex::kFemale || info.sex == Sex::kMale;
  if (binary_person && binary_curp && person.sex != info.sex) {
    return InvalidArgument(name, std::string("sex ") + (info.sex == Sex::kMale ? "H" : "M") +
                                     " in the CURP does not match sex " + std::string(SexCode(person.sex)));
  }
  if (!person.birth_state.empty() && person.birth_state != info.state_code) {
    if (info.state_code.empty()) {
      return InvalidArgument(name, "the CURP says born abroad (NE) but birth_state is " + person.birth_state);
    }
    const MexicanState* state = StateByInegiCode(info.state_code);
    const std::string curp_code = state != nullptr ? std::string(state->curp_code) + " " : "";
    return InvalidArgument(name, "state of birth " + curp_code + "(" + info.state_code +
                                     ") in the CURP does not match birth_state " + person.birth_state);
  }
  return OkStatus();
}

}  // namespace acogida
