// Tests for synth/person_generator.h: determinism, valid CURPs, household structure and
// the sex, age and origin mix over many persons.
#include "synth/person_generator.h"

#include <map>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "core/curp.h"
#include "core/mexico.h"
#include "core/validate.h"
#include "testing/status_matchers.h"

namespace acogida::synth {
namespace {

constexpr uint64_t kSeed = 20250701;

// Every field that the generator sets, as one comparable string.
std::string Describe(const Person& person) {
  std::string out = person.given_names + "|" + person.paternal_surname + "|" + person.maternal_surname + "|" +
                    std::string(SexCode(person.sex)) + "|" + person.birth_date.ToString() + "|" +
                    person.birth_state + "|" + person.birth_municipality + "|" + person.curp + "|" + person.phone +
                    "|" + std::string(RelationshipName(person.relationship));
  for (const std::string& language : person.languages) out += "|" + language;
  return out;
}

// Age on 2025-07-01 (the default options' today) of a person with a full birth date.
int AgeOnDefaultToday(const BirthDate& date) {
  return 2025 - date.year - ((date.month > 7 || (date.month == 7 && date.day > 1)) ? 1 : 0);
}

TEST(PersonGenerator, SameSeedGivesTheSamePersonsAndHouseholds) {
  PersonGenerator first(kSeed);
  PersonGenerator second(kSeed);
  for (int idx = 0; idx < 300; ++idx) ASSERT_EQ(Describe(first.NextPerson()), Describe(second.NextPerson()));
  for (int idx = 0; idx < 300; ++idx) {
    const Household a = first.NextHousehold();
    const Household b = second.NextHousehold();
    ASSERT_EQ(a.members.size(), b.members.size());
    for (size_t member_idx = 0; member_idx < a.members.size(); ++member_idx) {
      ASSERT_EQ(Describe(a.members[member_idx]), Describe(b.members[member_idx]));
    }
  }
}

TEST(PersonGenerator, DifferentSeedsGiveDifferentPersons) {
  PersonGenerator first(1);
  PersonGenerator second(2);
  int different = 0;
  for (int idx = 0; idx < 100; ++idx) different += Describe(first.NextPerson()) != Describe(second.NextPerson());
  EXPECT_GE(different, 95);
}

TEST(PersonGenerator, EveryCurpIsValidAndAgreesWithThePerson) {
  PersonGenerator generator(kSeed);
  std::vector<Person> persons;
  for (int idx = 0; idx < 3000; ++idx) persons.push_back(generator.NextPerson());
  for (int idx = 0; idx < 2000; ++idx) {
    for (Person& member : generator.NextHousehold().members) persons.push_back(std::move(member));
  }
  int with_curp = 0;
  for (const Person& person : persons) {
    if (person.curp.empty()) continue;
    ++with_curp;
    StatusOr<CurpInfo> info = ParseCurp(person.curp);
    ASSERT_OK(info);
    const Status agrees = CheckCurpAgreesWithPerson(*info, person);
    EXPECT_TRUE(agrees.ok()) << agrees.ToString() << " " << Describe(person);
    EXPECT_EQ(info->birth_date.year < 2000, person.curp[16] >= '0' && person.curp[16] <= '9') << person.curp;
  }
  EXPECT_NEAR(with_curp / static_cast<double>(persons.size()), 0.50, 0.03);
}

TEST(PersonGenerator, EveryHouseholdHasExactlyOneHeadListedFirst) {
  PersonGenerator generator(kSeed);
  for (int idx = 0; idx < 5000; ++idx) {
    const Household household = generator.NextHousehold();
    ASSERT_FALSE(household.members.empty());
    int heads = 0;
    for (const Person& member : household.members) heads += member.relationship == Relationship::kHead;
    ASSERT_EQ(heads, 1);
    ASSERT_EQ(household.members[0].relationship, Relationship::kHead);
    ASSERT_LE(household.members.size(), 6u);
  }
}

TEST(PersonGenerator, HouseholdsPassIntakeValidation) {
  PersonGenerator generator(kSeed);
  for (int idx = 0; idx < 3000; ++idx) {
    Household household = generator.NextHousehold();
    const std::string before = Describe(household.members[0]);
    ASSERT_OK(ValidateHousehold(household, "2025-07-01"));
    EXPECT_EQ(Describe(household.members[0]), before) << "validation had to normalise a generated person";
  }
}

TEST(PersonGenerator, AdultsAreAboutEightyPercentMenAndMostly18To50) {
  PersonGenerator generator(kSeed);
  int men = 0, full_dates = 0, aged_18_to_50 = 0, year_only = 0;
  constexpr int kPersons = 10000;
  for (int idx = 0; idx < kPersons; ++idx) {
    const Person person = generator.NextPerson();
    men += person.sex == Sex::kMale;
    ASSERT_TRUE(person.sex == Sex::kMale || person.sex == Sex::kFemale);
    if (person.birth_date.precision() == DatePrecision::kYear) {
      ++year_only;
      ASSERT_LE(person.birth_date.year, 2007);
      continue;
    }
    ASSERT_EQ(person.birth_date.precision(), DatePrecision::kDay);
    ++full_dates;
    const int age = AgeOnDefaultToday(person.birth_date);
    ASSERT_GE(age, 18) << person.birth_date.ToString();
    ASSERT_LE(age, 69) << person.birth_date.ToString();
    aged_18_to_50 += age <= 50;
  }
  EXPECT_NEAR(men / static_cast<double>(kPersons), 0.80, 0.02);
  EXPECT_NEAR(aged_18_to_50 / static_cast<double>(full_dates), 0.89, 0.04);
  EXPECT_NEAR(year_only / static_cast<double>(kPersons), 0.08, 0.015);
}

TEST(PersonGenerator, HouseholdsAreMostlySingleAdultsWithFewMinors) {
  PersonGenerator generator(kSeed);
  int singles = 0, persons = 0, minors = 0, men = 0, women = 0;
  constexpr int kHouseholds = 10000;
  for (int idx = 0; idx < kHouseholds; ++idx) {
    const Household household = generator.NextHousehold();
    singles += household.members.size() == 1;
    for (const Person& member : household.members) {
      ++persons;
      // Born 2008 or later: certainly under 18 on 2025-07-01; born 2006 or earlier: adult.
      if (member.birth_date.year >= 2008) ++minors;
      if (member.birth_date.year <= 2006) (member.sex == Sex::kMale ? men : women) += 1;
    }
  }
  EXPECT_NEAR(singles / static_cast<double>(kHouseholds), 0.75, 0.02);
  // PRODUCT.md: 5–14 % minors; about 80 % men among adults.
  EXPECT_GE(minors / static_cast<double>(persons), 0.05);
  EXPECT_LE(minors / static_cast<double>(persons), 0.15);
  EXPECT_NEAR(men / static_cast<double>(men + women), 0.80, 0.04);
}

TEST(PersonGenerator, ChildrenCarryTheFathersAndTheMothersPaternalSurnames) {
  PersonGenerator generator(kSeed);
  int checked = 0;
  for (int idx = 0; idx < 3000; ++idx) {
    const Household household = generator.NextHousehold();
    const Person* father = nullptr;
    const Person* mother = nullptr;
    for (const Person& member : household.members) {
      if (member.relationship == Relationship::kChild) continue;
      (member.sex == Sex::kMale ? father : mother) = &member;
    }
    if (father == nullptr || mother == nullptr) continue;
    for (const Person& member : household.members) {
      if (member.relationship != Relationship::kChild) continue;
      ++checked;
      EXPECT_EQ(member.paternal_surname, father->paternal_surname);
      if (!member.maternal_surname.empty()) {
        EXPECT_EQ(member.maternal_surname, mother->paternal_surname);
      }
      // Mothers were 16 to 42 when their children were born (a year either way for dates).
      EXPECT_GE(member.birth_date.year - mother->birth_date.year, 15);
      EXPECT_LE(member.birth_date.year - mother->birth_date.year, 44);
    }
  }
  EXPECT_GT(checked, 300);
}

TEST(PersonGenerator, BirthDatesNeverPassTheOptionsToday) {
  GeneratorOptions options;
  options.today = "2024-02-29";
  PersonGenerator generator(kSeed, options);
  for (int idx = 0; idx < 5000; ++idx) {
    for (const Person& member : generator.NextHousehold().members) {
      ASSERT_LE(member.birth_date.ToString(), std::string("2024-02-29").substr(0, member.birth_date.ToString().size()));
    }
  }
}

TEST(PersonGenerator, BirthStatesAreRealAndSkewedToTheMainSendingStates) {
  PersonGenerator generator(kSeed);
  std::map<std::string, int> by_state;
  for (int idx = 0; idx < 10000; ++idx) {
    const Person person = generator.NextPerson();
    ASSERT_NE(StateByInegiCode(person.birth_state), nullptr) << person.birth_state;
    ASSERT_EQ(person.birth_municipality.size(), 3u);
    ASSERT_GE(person.birth_municipality, "001");
    ++by_state[person.birth_state];
  }
  EXPECT_GT(by_state["16"], 800);                  // Michoacán ≈ 11 %
  EXPECT_GT(by_state["12"], 5 * by_state["03"]);   // Guerrero ≫ Baja California Sur
  EXPECT_GT(by_state["11"], by_state["01"]);       // Guanajuato > Aguascalientes
}

TEST(PersonGenerator, PhonesAreMexicanTenDigitNumbers) {
  PersonGenerator generator(kSeed);
  int with_phone = 0;
  for (int idx = 0; idx < 2000; ++idx) {
    const Person person = generator.NextPerson();
    if (person.phone.empty()) continue;
    ++with_phone;
    ASSERT_EQ(person.phone.size(), 13u) << person.phone;
    ASSERT_EQ(person.phone.substr(0, 3), "+52");
    ASSERT_EQ(person.phone.find_first_not_of("0123456789", 3), std::string::npos) << person.phone;
  }
  EXPECT_NEAR(with_phone / 2000.0, 0.40, 0.04);
}

TEST(PersonGenerator, EveryoneSpeaksSpanishAndSomeAnIndigenousLanguage) {
  PersonGenerator generator(kSeed);
  std::map<std::string, int> indigenous;
  int from_oaxaca = 0, oaxacan_speakers = 0;
  for (int idx = 0; idx < 10000; ++idx) {
    const Person person = generator.NextPerson();
    ASSERT_FALSE(person.languages.empty());
    ASSERT_EQ(person.languages[0], "spa");
    ASSERT_LE(person.languages.size(), 2u);
    if (person.languages.size() == 2) ++indigenous[person.languages[1]];
    if (person.birth_state == "20") {
      ++from_oaxaca;
      oaxacan_speakers += person.languages.size() == 2;
    }
  }
  int total = 0;
  for (const auto& [code, count] : indigenous) total += count;
  EXPECT_GT(total, 300);
  EXPECT_LT(total, 1500);
  EXPECT_GT(indigenous["zap"], 0);
  EXPECT_GT(indigenous["mix"], 0);
  EXPECT_NEAR(oaxacan_speakers / static_cast<double>(from_oaxaca), 0.15, 0.05);
}

}  // namespace
}  // namespace acogida::synth
