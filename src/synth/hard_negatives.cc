// MakeSibling() and MakeTwin() (declared in corruption.h): different people who share
// surnames, birth place and perhaps birth date with someone, for testing that identity
// resolution does not merge relatives.
#include <string>

#include "core/curp.h"
#include "synth/corruption.h"
#include "synth/curp_builder.h"
#include "synth/name_tables.h"

namespace acogida::synth {
namespace {

// Latest birth year a sibling may be given: the generator has no "today", and a
// sibling much younger than this would be a child, not a look-alike adult.
constexpr int kLatestSiblingYear = 2012;

std::string FirstWord(std::string_view name) { return std::string(name.substr(0, name.find(' '))); }

// A new sex and given name whose first word differs from `person`'s.
void RedrawGivenName(Person& relative, const Person& person, Rng& rng) {
  relative.sex = rng.Chance(0.5) ? Sex::kMale : Sex::kFemale;
  for (int attempt = 0; attempt < 50; ++attempt) {
    relative.given_names = std::string(rng.PickWeighted(GivenNames(relative.sex)).name);
    if (FirstWord(relative.given_names) != FirstWord(person.given_names)) return;
  }
}

// The person's full birth date: as recorded, or from their CURP, or else completed
// with a drawn month and day.
BirthDate FullBirthDate(const Person& person, Rng& rng) {
  if (person.birth_date.precision() == DatePrecision::kDay) return person.birth_date;
  if (!person.curp.empty()) {
    StatusOr<CurpInfo> info = ParseCurp(person.curp);
    if (info.ok()) return info->birth_date;
  }
  BirthDate date = person.birth_date;
  if (date.year == 0) date.year = 1990;
  if (date.month == 0) date.month = rng.Uniform(1, 12);
  date.day = rng.Uniform(1, DaysInMonth(date.year, date.month));
  return date;
}

// Keeps what a relative shares with `person` and clears what is their own.
Person StartRelative(const Person& person) {
  Person relative = person;
  relative.id = 0;
  relative.household_id = 0;
  relative.phone.clear();
  relative.curp.clear();
  relative.version = 1;
  relative.created_at.clear();
  return relative;
}

// The recorded date of a relative born on `full`, known as precisely as `like`.
BirthDate WithPrecisionOf(const BirthDate& full, const BirthDate& like) {
  switch (like.precision()) {
    case DatePrecision::kDay: return full;
    case DatePrecision::kMonth: return BirthDate{full.year, full.month, 0};
    case DatePrecision::kYear: return BirthDate{full.year, 0, 0};
    case DatePrecision::kUnknown: return BirthDate{};
  }
  return full;
}

}  // namespace

Person MakeSibling(const Person& person, Rng& rng) {
  Person sibling = StartRelative(person);
  RedrawGivenName(sibling, person, rng);
  const BirthDate person_date = FullBirthDate(person, rng);
  const int gap = rng.Uniform(1, 15);
  const bool younger = rng.Chance(0.5) && person_date.year + gap <= kLatestSiblingYear;
  BirthDate full;
  full.year = younger ? person_date.year + gap : person_date.year - gap;
  full.month = rng.Uniform(1, 12);
  full.day = rng.Uniform(1, DaysInMonth(full.year, full.month));
  sibling.birth_date = WithPrecisionOf(full, person.birth_date);
  if (!person.curp.empty()) sibling.curp = MakeCurp(sibling, full, rng);
  return sibling;
}

Person MakeTwin(const Person& person, Rng& rng) {
  Person twin = StartRelative(person);
  RedrawGivenName(twin, person, rng);
  if (!person.curp.empty()) {
    const BirthDate full = FullBirthDate(person, rng);
    // Twins with similar names can share the first 16 characters; RENAPO then tells
    // them apart by the homoclave.
    for (int attempt = 0; attempt < 20 && (twin.curp.empty() || twin.curp == person.curp); ++attempt) {
      twin.curp = MakeCurp(twin, full, rng);
    }
  }
  return twin;
}

}  // namespace acogida::synth
