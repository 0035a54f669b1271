// Synthetic persons and households. Every draw goes through Rng in a fixed order, so
// reordering the calls below changes the data a seed produces (tests pin determinism,
// not exact values).
#include "synth/person_generator.h"

#include <algorithm>
#include <cstdio>
#include <utility>

#include "core/utc_time.h"
#include "synth/curp_builder.h"
#include "synth/name_tables.h"

namespace acogida::synth {
namespace {

using std::chrono::sys_days;
using std::chrono::year_month_day;

struct AgeBand {
  int min_age;
  int max_age;
  double weight;
};
// Adult returnees are mostly young: about 90 % are 18–50.
constexpr AgeBand kAdultAgeBands[] = {{18, 24, 22}, {25, 34, 36}, {35, 44, 24}, {45, 54, 12}, {55, 69, 6}};

// Number of children travelling with a family: index = count.
constexpr double kChildCountWeights[] = {50, 28, 13, 6, 3};

sys_days ParseToday(const std::string& today) {
  StatusOr<sys_days> parsed = ParseDate(today, "today");
  if (parsed.ok()) return *parsed;
  return *ParseDate(GeneratorOptions{}.today, "today");
}

// The same month and day `years` earlier, with 29 February becoming the 28th.
sys_days YearsBefore(sys_days day, int years) {
  year_month_day ymd(day);
  year_month_day moved{ymd.year() - std::chrono::years(years), ymd.month(), ymd.day()};
  if (!moved.ok()) moved = year_month_day{moved.year(), moved.month(), std::chrono::day(28)};
  return sys_days(moved);
}

std::string FormatCode(int value) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%03d", value);
  return buf;
}

bool StateIsHome(std::string_view home_states, std::string_view state) {
  for (size_t pos = 0; pos + 2 <= home_states.size(); pos += 3) {
    if (home_states.substr(pos, 2) == state) return true;
  }
  return false;
}

}  // namespace

PersonGenerator::PersonGenerator(uint64_t seed, GeneratorOptions options)
    : rng_(seed), options_(std::move(options)), today_(ParseToday(options_.today)) {}

Sex PersonGenerator::DrawSex(double male_share) { return rng_.Chance(male_share) ? Sex::kMale : Sex::kFemale; }

int PersonGenerator::DrawAdultAge() {
  const AgeBand& band = rng_.PickWeighted(kAdultAgeBands);
  return rng_.Uniform(band.min_age, band.max_age);
}

BirthDate PersonGenerator::DrawBirthDate(int age) {
  // Someone aged `age` today was born after the day `age + 1` years ago, and no later
  // than the day `age` years ago.
  const sys_days latest = YearsBefore(today_, age);
  const sys_days earliest = YearsBefore(today_, age + 1) + std::chrono::days(1);
  const int span = static_cast<int>((latest - earliest).count());
  year_month_day born(earliest + std::chrono::days(rng_.Uniform(0, std::max(span, 0))));
  return BirthDate{static_cast<int>(born.year()), static_cast<int>(static_cast<unsigned>(born.month())),
                   static_cast<int>(static_cast<unsigned>(born.day()))};
}

std::string PersonGenerator::DrawSurname() { return std::string(rng_.PickWeighted(Surnames()).name); }

Person PersonGenerator::MakePerson(Sex sex, int age, std::string paternal, std::string maternal,
                                   std::string birth_state, Relationship relationship) {
  Person person;
  person.sex = sex;
  person.relationship = relationship;
  person.given_names = std::string(rng_.PickWeighted(GivenNames(sex)).name);
  person.paternal_surname = std::move(paternal);
  person.maternal_surname = std::move(maternal);
  if (rng_.Chance(options_.missing_maternal_surname_share)) person.maternal_surname.clear();

  const BirthDate true_birth_date = DrawBirthDate(age);
  const double year_only_share = options_.year_only_birth_date_share * (age < 18 ? 0.25 : 1.0);
  person.birth_date = true_birth_date;
  if (rng_.Chance(year_only_share)) person.birth_date = BirthDate{true_birth_date.year, 0, 0};

  person.birth_state = std::move(birth_state);
  if (const WeightedState* state = BirthStateByCode(person.birth_state)) {
    person.birth_municipality = FormatCode(rng_.Uniform(1, state->municipalities));
  }

  if (rng_.Chance(options_.curp_share)) person.curp = MakeCurp(person, true_birth_date, rng_);

  if (age >= 15 && rng_.Chance(options_.phone_share)) {
    person.phone = "+52";
    person.phone += static_cast<char>('0' + rng_.Uniform(2, 9));  // no area code starts with 0 or 1
    for (int digit_idx = 0; digit_idx < 9; ++digit_idx) person.phone += static_cast<char>('0' + rng_.Uniform(0, 9));
  }

  person.languages = {"spa"};
  std::vector<IndigenousLanguage> home;
  for (const IndigenousLanguage& language : IndigenousLanguages()) {
    if (StateIsHome(language.home_states, person.birth_state)) home.push_back(language);
  }
  if (!home.empty() && rng_.Chance(options_.indigenous_language_share)) {
    person.languages.emplace_back(rng_.PickWeighted(home).code);
  } else if (home.empty() && rng_.Chance(options_.indigenous_language_share / 20)) {
    person.languages.emplace_back(rng_.PickWeighted(IndigenousLanguages()).code);
  }
  return person;
}

Person PersonGenerator::NextPerson() {
  const Sex sex = DrawSex(options_.male_share);
  const int age = DrawAdultAge();
  std::string paternal = DrawSurname();
  std::string maternal = DrawSurname();
  std::string state(rng_.PickWeighted(BirthStates()).inegi_code);
  return MakePerson(sex, age, std::move(paternal), std::move(maternal), std::move(state), Relationship::kHead);
}

Household PersonGenerator::NextHousehold() {
  if (rng_.Chance(options_.single_adult_household_share)) {
    Household household;
    const Sex sex = DrawSex(options_.single_adult_male_share);
    const int age = DrawAdultAge();
    std::string paternal = DrawSurname();
    std::string maternal = DrawSurname();
    std::string state(rng_.PickWeighted(BirthStates()).inegi_code);
    household.members.push_back(
        MakePerson(sex, age, std::move(paternal), std::move(maternal), std::move(state), Relationship::kHead));
    return household;
  }
  return MakeFamily();
}

Household PersonGenerator::MakeFamily() {
  Household household;
  const Sex head_sex = DrawSex(options_.family_head_male_share);
  const int head_age = rng_.Uniform(22, 55);
  const std::string head_state(rng_.PickWeighted(BirthStates()).inegi_code);
  std::string head_paternal = DrawSurname();
  std::string head_maternal = DrawSurname();
  household.members.push_back(MakePerson(head_sex, head_age, std::move(head_paternal), std::move(head_maternal),
                                         head_state, Relationship::kHead));

  const bool has_spouse = rng_.Chance(options_.spouse_share);
  int mother_age = head_sex == Sex::kFemale ? head_age : 0;
  if (has_spouse) {
    const Sex spouse_sex = head_sex == Sex::kMale ? Sex::kFemale : Sex::kMale;
    // Husbands tend to be a few years older than their wives.
    const int gap = rng_.Uniform(-2, 7);
    const int spouse_age = std::clamp(head_sex == Sex::kMale ? head_age - gap : head_age + gap, 18, 75);
    std::string spouse_state =
        rng_.Chance(0.6) ? head_state : std::string(rng_.PickWeighted(BirthStates()).inegi_code);
    std::string spouse_paternal = DrawSurname();
    std::string spouse_maternal = DrawSurname();
    household.members.push_back(MakePerson(spouse_sex, spouse_age, std::move(spouse_paternal),
                                           std::move(spouse_maternal), std::move(spouse_state),
                                           Relationship::kSpouse));
    if (spouse_sex == Sex::kFemale) mother_age = spouse_age;
  }

  // A lone adult with no children would be a single household, so lone parents have one or more.
  size_t child_count = rng_.PickWeightedIndex(kChildCountWeights);
  if (!has_spouse && child_count == 0) child_count = 1;

  const Person* father = nullptr;
  const Person* mother = nullptr;
  for (const Person& member : household.members) (member.sex == Sex::kMale ? father : mother) = &member;
  // Children take the father's paternal surname and the mother's paternal surname; with
  // no father present, both of the mother's; with no mother present, the father's and
  // the (absent) mother's, drawn here.
  const std::string child_paternal = father ? father->paternal_surname : mother->paternal_surname;
  const std::string child_maternal =
      mother ? (father ? mother->paternal_surname : mother->maternal_surname) : DrawSurname();
  // Mothers were 16 to 42 when their children were born.
  const int parent_age = mother_age > 0 ? mother_age : head_age - 3;
  const int max_child_age = std::clamp(parent_age - 16, 0, 30);
  const int min_child_age = std::clamp(parent_age - 42, 0, max_child_age);

  std::vector<Person> children;
  for (size_t child_idx = 0; child_idx < child_count; ++child_idx) {
    const Sex sex = DrawSex(0.5);
    const int age = rng_.Uniform(min_child_age, max_child_age);
    // Minors may have been born in the US; adult children came from Mexico with their parents.
    const bool born_abroad = age < 18 && rng_.Chance(options_.us_born_child_share);
    children.push_back(MakePerson(sex, age, child_paternal, child_maternal, born_abroad ? "" : head_state,
                                  Relationship::kChild));
  }
  for (Person& child : children) household.members.push_back(std::move(child));
  return household;
}

}  // namespace acogida::synth
