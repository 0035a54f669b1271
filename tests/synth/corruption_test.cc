// Tests for synth/corruption.h: each kind of intake error changes exactly what it says,
// and siblings and twins are look-alikes with their own identity.
#include "synth/corruption.h"

#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "core/curp.h"
#include "synth/latin_text.h"
#include "synth/name_tables.h"
#include "synth/person_generator.h"
#include "testing/status_matchers.h"

namespace acogida::synth {
namespace {

constexpr uint64_t kSeed = 77;

// True persons, all with a CURP so that CURP slips can apply.
std::vector<Person> Truths(int count) {
  GeneratorOptions options;
  options.curp_share = 1.0;
  PersonGenerator generator(kSeed, options);
  std::vector<Person> persons;
  for (int idx = 0; idx < count; ++idx) persons.push_back(generator.NextPerson());
  return persons;
}

bool SameExceptNames(const Person& a, const Person& b) {
  return a.sex == b.sex && a.birth_date == b.birth_date && a.birth_state == b.birth_state &&
         a.birth_municipality == b.birth_municipality && a.curp == b.curp && a.phone == b.phone &&
         a.languages == b.languages;
}

bool SameNames(const Person& a, const Person& b) {
  return a.given_names == b.given_names && a.paternal_surname == b.paternal_surname &&
         a.maternal_surname == b.maternal_surname;
}

// Optimal-string-alignment distance on code points: one transposition counts as one edit.
size_t EditDistance(std::string_view from, std::string_view to) {
  const std::u32string a = DecodeUtf8(from), b = DecodeUtf8(to);
  std::vector<std::vector<size_t>> d(a.size() + 1, std::vector<size_t>(b.size() + 1));
  for (size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
  for (size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    for (size_t j = 1; j <= b.size(); ++j) {
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] != b[j - 1])});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.size()][b.size()];
}

// The lower-cased part of `from` replaced in `to`, after their common prefix and suffix.
std::pair<std::u32string, std::u32string> Difference(std::string_view from, std::string_view to) {
  std::u32string a = DecodeUtf8(from), b = DecodeUtf8(to);
  for (char32_t& letter : a) letter = ToLowerLatin(letter);
  for (char32_t& letter : b) letter = ToLowerLatin(letter);
  size_t prefix = 0;
  while (prefix < a.size() && prefix < b.size() && a[prefix] == b[prefix]) ++prefix;
  size_t suffix = 0;
  while (suffix < a.size() - prefix && suffix < b.size() - prefix && a[a.size() - 1 - suffix] == b[b.size() - 1 - suffix])
    ++suffix;
  return {a.substr(prefix, a.size() - prefix - suffix), b.substr(prefix, b.size() - prefix - suffix)};
}

// Runs `kind` alone on many persons, checks that an unapplied kind left the person
// untouched, calls `check(truth, copy)` for each applied one and returns how many were.
template <typename Check>
int RunOnly(Corruption kind, Check check) {
  Rng rng(kSeed);
  int applied = 0;
  for (const Person& truth : Truths(600)) {
    const CorruptedPerson copy = Corrupt(truth, rng, CorruptionOptions::Only(kind));
    if (copy.applied.empty()) {
      EXPECT_EQ(copy.person.FullName(), truth.FullName());
      EXPECT_TRUE(SameExceptNames(copy.person, truth));
      continue;
    }
    EXPECT_EQ(copy.applied, std::vector<Corruption>{kind});
    ++applied;
    check(truth, copy.person);
  }
  return applied;
}

TEST(Corrupt, DropAccentsRemovesEveryAccentAndNothingElse) {
  const int applied = RunOnly(Corruption::kDropAccents, [](const Person& truth, const Person& copy) {
    EXPECT_EQ(copy.given_names, StripAccents(truth.given_names));
    EXPECT_EQ(copy.paternal_surname, StripAccents(truth.paternal_surname));
    EXPECT_EQ(copy.maternal_surname, StripAccents(truth.maternal_surname));
    EXPECT_NE(copy.FullName(), truth.FullName());
    EXPECT_TRUE(SameExceptNames(copy, truth));
  });
  EXPECT_GT(applied, 400);  // most Mexican full names carry an accent
}

TEST(Corrupt, NicknameReplacesAGivenNameWithOneFromTheTable) {
  const int applied = RunOnly(Corruption::kNickname, [](const Person& truth, const Person& copy) {
    EXPECT_NE(copy.given_names, truth.given_names);
    EXPECT_EQ(copy.paternal_surname, truth.paternal_surname);
    bool from_table = false;
    for (const Nickname& row : Nicknames()) {
      const bool copy_has_nickname = (" " + copy.given_names + " ").find(" " + std::string(row.nickname) + " ") != std::string::npos;
      const bool truth_has_name = (" " + truth.given_names + " ").find(" " + std::string(row.name) + " ") != std::string::npos;
      from_table = from_table || (copy_has_nickname && truth_has_name);
    }
    EXPECT_TRUE(from_table) << truth.given_names << " → " << copy.given_names;
  });
  EXPECT_GT(applied, 200);
}

TEST(Corrupt, NicknameDropsALeadingMariaButKeepsTheRest) {
  Rng rng(1);
  std::set<std::string> seen;
  Person person;
  person.given_names = "María Guadalupe";
  for (int idx = 0; idx < 50; ++idx) seen.insert(Corrupt(person, rng, CorruptionOptions::Only(Corruption::kNickname)).person.given_names);
  EXPECT_EQ(seen, (std::set<std::string>{"Lupe", "Lupita", "Mari Guadalupe"}));
  person.given_names = "José Luis";
  seen.clear();
  for (int idx = 0; idx < 50; ++idx) seen.insert(Corrupt(person, rng, CorruptionOptions::Only(Corruption::kNickname)).person.given_names);
  EXPECT_EQ(seen, (std::set<std::string>{"Pepe Luis", "Chepe Luis", "Güicho"}));
}

TEST(Corrupt, MissingMaternalSurnameClearsOnlyIt) {
  const int applied = RunOnly(Corruption::kMissingMaternalSurname, [](const Person& truth, const Person& copy) {
    EXPECT_FALSE(truth.maternal_surname.empty());
    EXPECT_TRUE(copy.maternal_surname.empty());
    EXPECT_EQ(copy.paternal_surname, truth.paternal_surname);
    EXPECT_EQ(copy.given_names, truth.given_names);
  });
  EXPECT_GT(applied, 550);
}

TEST(Corrupt, SwapSurnamesExchangesThem) {
  const int applied = RunOnly(Corruption::kSwapSurnames, [](const Person& truth, const Person& copy) {
    EXPECT_EQ(copy.paternal_surname, truth.maternal_surname);
    EXPECT_EQ(copy.maternal_surname, truth.paternal_surname);
    EXPECT_NE(copy.paternal_surname, truth.paternal_surname);
  });
  EXPECT_GT(applied, 500);
}

TEST(Corrupt, SwapDayMonthExchangesThemWhenTheDayCouldBeAMonth) {
  const int applied = RunOnly(Corruption::kSwapDayMonth, [](const Person& truth, const Person& copy) {
    EXPECT_EQ(copy.birth_date.year, truth.birth_date.year);
    EXPECT_EQ(copy.birth_date.month, truth.birth_date.day);
    EXPECT_EQ(copy.birth_date.day, truth.birth_date.month);
    EXPECT_NE(copy.birth_date, truth.birth_date);
    EXPECT_TRUE(SameNames(copy, truth));
  });
  EXPECT_GT(applied, 150);  // about 12/31 of full dates
}

TEST(Corrupt, YearOnlyBirthDateKeepsOnlyTheYear) {
  const int applied = RunOnly(Corruption::kYearOnlyBirthDate, [](const Person& truth, const Person& copy) {
    EXPECT_NE(truth.birth_date.precision(), DatePrecision::kYear);
    EXPECT_EQ(copy.birth_date, (BirthDate{truth.birth_date.year, 0, 0}));
  });
  EXPECT_GT(applied, 480);
}

TEST(Corrupt, TypoIsOneEditInOneName) {
  const int applied = RunOnly(Corruption::kTypo, [](const Person& truth, const Person& copy) {
    EXPECT_TRUE(SameExceptNames(copy, truth));
    const size_t distance = EditDistance(truth.given_names, copy.given_names) +
                            EditDistance(truth.paternal_surname, copy.paternal_surname) +
                            EditDistance(truth.maternal_surname, copy.maternal_surname);
    EXPECT_EQ(distance, 1u) << truth.FullName() << " → " << copy.FullName();
  });
  EXPECT_EQ(applied, 600);
}

TEST(Corrupt, PhoneticSpellingReplacesOneSoundByAnother) {
  const std::set<std::pair<std::u32string, std::u32string>> kAllowed = {
      {U"v", U"b"}, {U"b", U"v"}, {U"z", U"s"}, {U"s", U"z"}, {U"c", U"s"}, {U"s", U"c"},
      {U"ll", U"y"}, {U"y", U"ll"}, {U"h", U""}, {U"x", U"j"}, {U"j", U"x"}};
  const int applied = RunOnly(Corruption::kPhoneticSpelling, [&](const Person& truth, const Person& copy) {
    EXPECT_TRUE(SameExceptNames(copy, truth));
    int changed_fields = 0;
    for (auto field : {&Person::given_names, &Person::paternal_surname, &Person::maternal_surname}) {
      if (truth.*field == copy.*field) continue;
      ++changed_fields;
      EXPECT_TRUE(kAllowed.count(Difference(truth.*field, copy.*field))) << truth.*field << " → " << copy.*field;
    }
    EXPECT_EQ(changed_fields, 1);
  });
  EXPECT_GT(applied, 550);
}

TEST(Corrupt, PhoneticSpellingTurnsXimenaIntoJimena) {
  Rng rng(3);
  Person person;
  person.given_names = "Ximena";
  EXPECT_EQ(Corrupt(person, rng, CorruptionOptions::Only(Corruption::kPhoneticSpelling)).person.given_names, "Jimena");
}

TEST(Corrupt, FirstGivenNameOnlyKeepsTheFirstWord) {
  const int applied = RunOnly(Corruption::kFirstGivenNameOnly, [](const Person& truth, const Person& copy) {
    EXPECT_NE(truth.given_names.find(' '), std::string::npos);
    EXPECT_EQ(copy.given_names.find(' '), std::string::npos);
    const std::string first = truth.given_names.substr(0, truth.given_names.find(' '));
    EXPECT_TRUE(copy.given_names == first || (first == "Ma." && copy.given_names == "María")) << copy.given_names;
  });
  EXPECT_GT(applied, 50);
}

TEST(Corrupt, CurpSlipChangesOneCharacterOrLosesTheCurp) {
  int lost = 0;
  const int applied = RunOnly(Corruption::kCurpSlip, [&](const Person& truth, const Person& copy) {
    EXPECT_TRUE(SameNames(copy, truth));
    if (copy.curp.empty()) {
      ++lost;
      return;
    }
    ASSERT_EQ(copy.curp.size(), truth.curp.size());
    int differences = 0;
    for (size_t pos = 0; pos < copy.curp.size(); ++pos) differences += copy.curp[pos] != truth.curp[pos];
    EXPECT_EQ(differences, 1);
  });
  EXPECT_EQ(applied, 600);
  EXPECT_NEAR(lost, 300, 50);
}

TEST(Corrupt, UpperCaseCapitalisesAccentedLettersToo) {
  const int applied = RunOnly(Corruption::kUpperCase, [](const Person& truth, const Person& copy) {
    EXPECT_EQ(copy.given_names, ToUpperText(truth.given_names));
    EXPECT_EQ(copy.paternal_surname, ToUpperText(truth.paternal_surname));
    EXPECT_EQ(copy.maternal_surname, ToUpperText(truth.maternal_surname));
  });
  EXPECT_EQ(applied, 600);
}

TEST(Corrupt, NoProbabilityMeansNoChange) {
  Rng rng(kSeed);
  CorruptionOptions none = CorruptionOptions::Only(Corruption::kTypo, 0.0);
  for (const Person& truth : Truths(100)) {
    const CorruptedPerson copy = Corrupt(truth, rng, none);
    EXPECT_TRUE(copy.applied.empty());
    EXPECT_TRUE(SameNames(copy.person, truth) && SameExceptNames(copy.person, truth));
  }
}

TEST(Corrupt, DefaultOptionsMixKindsAndAreDeterministic) {
  Rng first(kSeed), second(kSeed);
  std::set<Corruption> seen;
  for (const Person& truth : Truths(500)) {
    const CorruptedPerson a = Corrupt(truth, first);
    const CorruptedPerson b = Corrupt(truth, second);
    ASSERT_EQ(a.applied, b.applied);
    ASSERT_EQ(a.person.FullName(), b.person.FullName());
    seen.insert(a.applied.begin(), a.applied.end());
  }
  EXPECT_EQ(seen.size(), kCorruptionCount);
}

TEST(CorruptionName, NamesEveryKindOnce) {
  std::set<std::string_view> names;
  for (Corruption kind : AllCorruptions()) names.insert(CorruptionName(kind));
  EXPECT_EQ(names.size(), kCorruptionCount);
  EXPECT_EQ(CorruptionName(Corruption::kSwapDayMonth), "swap_day_month");
  EXPECT_EQ(CorruptionName(Corruption::kCurpSlip), "curp_slip");
}

TEST(MakeSibling, SharesSurnamesAndStateButNotNameOrBirthYear) {
  Rng rng(kSeed);
  for (const Person& person : Truths(500)) {
    const Person sibling = MakeSibling(person, rng);
    EXPECT_EQ(sibling.paternal_surname, person.paternal_surname);
    EXPECT_EQ(sibling.maternal_surname, person.maternal_surname);
    EXPECT_EQ(sibling.birth_state, person.birth_state);
    EXPECT_NE(sibling.given_names.substr(0, sibling.given_names.find(' ')),
              person.given_names.substr(0, person.given_names.find(' ')));
    const int gap = std::abs(sibling.birth_date.year - person.birth_date.year);
    EXPECT_GE(gap, 1);
    EXPECT_LE(gap, 15);
    EXPECT_EQ(sibling.birth_date.precision(), person.birth_date.precision());
    ASSERT_FALSE(sibling.curp.empty());
    EXPECT_NE(sibling.curp, person.curp);
    StatusOr<CurpInfo> info = ParseCurp(sibling.curp);
    ASSERT_OK(info);
    EXPECT_OK(CheckCurpAgreesWithPerson(*info, sibling));
  }
}

TEST(MakeTwin, SharesSurnamesAndBirthDateButNotNameOrCurp) {
  Rng rng(kSeed);
  for (const Person& person : Truths(500)) {
    const Person twin = MakeTwin(person, rng);
    EXPECT_EQ(twin.paternal_surname, person.paternal_surname);
    EXPECT_EQ(twin.maternal_surname, person.maternal_surname);
    EXPECT_EQ(twin.birth_date, person.birth_date);
    EXPECT_NE(twin.given_names, person.given_names);
    ASSERT_FALSE(twin.curp.empty());
    EXPECT_NE(twin.curp, person.curp);
    EXPECT_EQ(twin.curp.substr(4, 6), person.curp.substr(4, 6));  // same YYMMDD
    StatusOr<CurpInfo> info = ParseCurp(twin.curp);
    ASSERT_OK(info);
    EXPECT_OK(CheckCurpAgreesWithPerson(*info, twin));
  }
}

}  // namespace
}  // namespace acogida::synth
