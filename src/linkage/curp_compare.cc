// Lenient CURP reading, RENAPO-style initials of a record's names, and the levels.
#include "linkage/curp_compare.h"

#include "core/curp.h"
#include "core/mexico.h"
#include "core/names.h"
#include "linkage/person_names.h"
#include "linkage/string_similarity.h"

namespace acogida::linkage {
namespace {

bool IsUpper(char ch) { return ch >= 'A' && ch <= 'Z'; }
bool IsDigit(char ch) { return ch >= '0' && ch <= '9'; }
bool IsVowel(char ch) { return ch == 'a' || ch == 'e' || ch == 'i' || ch == 'o' || ch == 'u'; }
char Upper(char ch) { return ch >= 'a' && ch <= 'z' ? static_cast<char>(ch - 'a' + 'A') : ch; }

}  // namespace

std::string NameInitials(std::string_view given, std::string_view paternal, std::string_view maternal) {
  std::string initials = "????";
  const std::vector<std::string> paternal_words = NameTokens(paternal);
  if (!paternal_words.empty() && !paternal_words[0].empty()) {
    const std::string& word = paternal_words[0];
    initials[0] = Upper(word[0]);
    initials[1] = 'X';
    for (size_t idx = 1; idx < word.size(); ++idx) {
      if (IsVowel(word[idx])) {
        initials[1] = Upper(word[idx]);
        break;
      }
    }
  }
  const std::vector<std::string> maternal_words = NameTokens(maternal);
  initials[2] = maternal_words.empty() || maternal_words[0].empty() ? 'X' : Upper(maternal_words[0][0]);
  const std::vector<std::string> given_words = CanonicalGivenNames(given);
  const std::string_view core = CoreGivenName(given_words);
  // A lone María or José may be the first of two names, and the CURP codes the second: unknown.
  const bool may_be_first_of_two = given_words.size() == 1 && (core == "maria" || core == "jose");
  if (!core.empty() && !may_be_first_of_two) initials[3] = Upper(core[0]);
  return initials;
}

namespace {

void ReadCurpLeniently(CurpFacts& facts) {
  const std::string_view curp = facts.curp.view();
  if (curp.size() < 13) return;
  bool letters = true;
  for (size_t idx = 0; idx < 4; ++idx) letters = letters && IsUpper(curp[idx]);
  if (letters) facts.curp_initials = ShortText<4>(curp.substr(0, 4));
  bool digits = true;
  for (size_t idx = 4; idx < 10; ++idx) digits = digits && IsDigit(curp[idx]);
  if (digits) {
    const int yy = (curp[4] - '0') * 10 + (curp[5] - '0');
    int century = yy <= 30 ? 2000 : 1900;
    if (curp.size() >= 17) century = IsDigit(curp[16]) ? 1900 : 2000;
    facts.curp_date = LooseDate{century + yy, (curp[6] - '0') * 10 + (curp[7] - '0'), (curp[8] - '0') * 10 + (curp[9] - '0')};
  }
  if (curp[10] == 'H' || curp[10] == 'M' || curp[10] == 'X') facts.curp_sex = curp[10];
  if (IsUpper(curp[11]) && IsUpper(curp[12])) facts.curp_state = ShortText<2>(curp.substr(11, 2));
}

// Compares the name letters of `with_curp`'s CURP with `other`'s names.
CurpLevel InitialsAgainstRecord(const CurpFacts& with_curp, const CurpFacts& other) {
  if (with_curp.curp_initials.size() != 4) return CurpLevel::kUnknown;
  int compared = 0, differing = 0;
  for (size_t idx = 0; idx < 4; ++idx) {
    const char known = other.record_initials[idx];
    if (known == '?') continue;
    // A missing maternal surname codes as X; an Ñ codes as X where folding gave N.
    if (idx == 2 && known == 'X') continue;
    ++compared;
    const char coded = with_curp.curp_initials[idx];
    if (known != coded && !(coded == 'X' && known == 'N')) ++differing;
  }
  if (compared < 3) return CurpLevel::kUnknown;
  return differing == 0 ? CurpLevel::kInitialsAgree : CurpLevel::kInitialsDiffer;
}

}  // namespace

CurpFacts MakeCurpFacts(std::string_view curp, std::string_view name_initials) {
  CurpFacts facts;
  char compact[24];
  size_t length = 0;
  for (char ch : curp) {
    if (ch != ' ' && ch != '-' && length < sizeof compact) compact[length++] = Upper(ch);
  }
  facts.curp = ShortText<24>(std::string_view(compact, length));
  if (!facts.curp.empty()) {
    ReadCurpLeniently(facts);
    // Valid: 18 characters, a readable name, date, sex and state, and the check digit. The
    // full core ParseCurp (which also explains what is wrong) costs ten times more.
    facts.valid = facts.curp.size() == 18 && facts.curp_initials.size() == 4 && CurpBirthDate(facts).has_value() &&
                  facts.curp_sex != 0 &&
                  (facts.curp_state.view() == "NE" || StateByCurpCode(facts.curp_state.view()) != nullptr) &&
                  CurpCheckDigit(facts.curp.view().substr(0, 17)) == facts.curp[17];
  }
  facts.record_initials = ShortText<4>(name_initials);
  return facts;
}

CurpLevel CompareCurps(const CurpFacts& a, const CurpFacts& b) {
  const bool a_has = !a.curp.empty();
  const bool b_has = !b.curp.empty();
  if (a_has && b_has) {
    const std::string_view x = a.curp.view(), y = b.curp.view();
    if (x == y) return a.valid && b.valid ? CurpLevel::kExact : CurpLevel::kOneSlip;
    if (OneSlipApart(x, y) || BoundedLevenshtein(x, y, 1) <= 1) return CurpLevel::kOneSlip;
    return a.valid && b.valid ? CurpLevel::kBothValidDifferent : CurpLevel::kDifferent;
  }
  if (a_has) return InitialsAgainstRecord(a, b);
  if (b_has) return InitialsAgainstRecord(b, a);
  return CurpLevel::kUnknown;
}

std::optional<LooseDate> CurpBirthDate(const CurpFacts& facts) {
  const LooseDate& date = facts.curp_date;
  if (!date.full() || date.month > 12 || date.day > DaysInMonth(date.year, date.month)) return std::nullopt;
  return date;
}

LooseDate CompleteBirthDate(const LooseDate& recorded, std::string_view curp) {
  if (recorded.full() || curp.size() < 13) return recorded;
  const std::optional<LooseDate> from_curp = CurpBirthDate(MakeCurpFacts(curp, ""));
  if (!from_curp) return recorded;
  const bool consistent = !recorded.known() || (recorded.year == from_curp->year &&
                                                (recorded.month == 0 || recorded.month == from_curp->month));
  return consistent ? *from_curp : recorded;
}

}  // namespace acogida::linkage
