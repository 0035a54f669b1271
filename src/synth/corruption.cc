// Corrupt(): the intake errors, one small function per kind. Each returns whether it
// changed the person, so that `applied` lists only what really happened.
#include "synth/corruption.h"

#include <string>
#include <utility>

#include "synth/latin_text.h"
#include "synth/name_tables.h"
#include "synth/name_edits.h"

namespace acogida::synth {
namespace {

constexpr Corruption kApplicationOrder[] = {
    Corruption::kNickname,          Corruption::kFirstGivenNameOnly, Corruption::kMissingMaternalSurname,
    Corruption::kSwapSurnames,      Corruption::kYearOnlyBirthDate,  Corruption::kSwapDayMonth,
    Corruption::kPhoneticSpelling,  Corruption::kTypo,               Corruption::kDropAccents,
    Corruption::kCurpSlip,          Corruption::kUpperCase,
};
static_assert(std::size(kApplicationOrder) == kCorruptionCount);

bool MapNames(Person& person, std::string (*transform)(std::string_view)) {
  bool changed = false;
  for (std::string* name : {&person.given_names, &person.paternal_surname, &person.maternal_surname}) {
    std::string mapped = transform(*name);
    if (mapped != *name) {
      *name = std::move(mapped);
      changed = true;
    }
  }
  return changed;
}

bool ApplyMissingMaternalSurname(Person& person) {
  if (person.maternal_surname.empty()) return false;
  person.maternal_surname.clear();
  return true;
}

bool ApplySwapSurnames(Person& person) {
  if (person.paternal_surname.empty() || person.maternal_surname.empty() ||
      person.paternal_surname == person.maternal_surname) {
    return false;
  }
  std::swap(person.paternal_surname, person.maternal_surname);
  return true;
}

bool ApplyYearOnlyBirthDate(Person& person) {
  if (person.birth_date.month == 0) return false;
  person.birth_date.month = 0;
  person.birth_date.day = 0;
  return true;
}

bool ApplySwapDayMonth(Person& person) {
  BirthDate& date = person.birth_date;
  if (date.precision() != DatePrecision::kDay || date.day > 12 || date.day == date.month) return false;
  std::swap(date.day, date.month);
  return true;
}

bool ApplyCurpSlip(Person& person, Rng& rng, double lost_share) {
  if (person.curp.empty()) return false;
  if (rng.Chance(lost_share)) {
    person.curp.clear();
    return true;
  }
  const size_t pos = rng.Uniform<size_t>(0, person.curp.size() - 1);
  const char original = person.curp[pos];
  const bool is_digit = original >= '0' && original <= '9';
  char replacement = original;
  while (replacement == original) {
    replacement = is_digit ? static_cast<char>('0' + rng.Uniform(0, 9)) : static_cast<char>('A' + rng.Uniform(0, 25));
  }
  person.curp[pos] = replacement;
  return true;
}

bool Apply(Corruption kind, Person& person, Rng& rng, const CorruptionOptions& options) {
  switch (kind) {
    case Corruption::kDropAccents: return MapNames(person, &StripAccents);
    case Corruption::kNickname: return ApplyNickname(person.given_names, rng);
    case Corruption::kMissingMaternalSurname: return ApplyMissingMaternalSurname(person);
    case Corruption::kSwapSurnames: return ApplySwapSurnames(person);
    case Corruption::kSwapDayMonth: return ApplySwapDayMonth(person);
    case Corruption::kYearOnlyBirthDate: return ApplyYearOnlyBirthDate(person);
    case Corruption::kTypo: return ApplyTypo(person, rng);
    case Corruption::kPhoneticSpelling: return ApplyPhoneticSpelling(person, rng);
    case Corruption::kFirstGivenNameOnly: return ApplyFirstGivenNameOnly(person.given_names);
    case Corruption::kCurpSlip: return ApplyCurpSlip(person, rng, options.curp_lost_share);
    case Corruption::kUpperCase: return MapNames(person, &ToUpperText);
  }
  return false;
}

}  // namespace

std::span<const Corruption> AllCorruptions() { return kApplicationOrder; }

std::string_view CorruptionName(Corruption kind) {
  switch (kind) {
    case Corruption::kDropAccents: return "drop_accents";
    case Corruption::kNickname: return "nickname";
    case Corruption::kMissingMaternalSurname: return "missing_maternal_surname";
    case Corruption::kSwapSurnames: return "swap_surnames";
    case Corruption::kSwapDayMonth: return "swap_day_month";
    case Corruption::kYearOnlyBirthDate: return "year_only_birth_date";
    case Corruption::kTypo: return "typo";
    case Corruption::kPhoneticSpelling: return "phonetic_spelling";
    case Corruption::kFirstGivenNameOnly: return "first_given_name_only";
    case Corruption::kCurpSlip: return "curp_slip";
    case Corruption::kUpperCase: return "upper_case";
  }
  return "";
}

double CorruptionOptions::Probability(Corruption kind) const {
  switch (kind) {
    case Corruption::kDropAccents: return drop_accents;
    case Corruption::kNickname: return nickname;
    case Corruption::kMissingMaternalSurname: return missing_maternal_surname;
    case Corruption::kSwapSurnames: return swap_surnames;
    case Corruption::kSwapDayMonth: return swap_day_month;
    case Corruption::kYearOnlyBirthDate: return year_only_birth_date;
    case Corruption::kTypo: return typo;
    case Corruption::kPhoneticSpelling: return phonetic_spelling;
    case Corruption::kFirstGivenNameOnly: return first_given_name_only;
    case Corruption::kCurpSlip: return curp_slip;
    case Corruption::kUpperCase: return upper_case;
  }
  return 0;
}

CorruptionOptions CorruptionOptions::Only(Corruption kind, double probability) {
  CorruptionOptions options;
  for (double* field : {&options.drop_accents, &options.nickname, &options.missing_maternal_surname,
                        &options.swap_surnames, &options.swap_day_month, &options.year_only_birth_date,
                        &options.typo, &options.phonetic_spelling, &options.first_given_name_only,
                        &options.curp_slip, &options.upper_case}) {
    *field = 0;
  }
  switch (kind) {
    case Corruption::kDropAccents: options.drop_accents = probability; break;
    case Corruption::kNickname: options.nickname = probability; break;
    case Corruption::kMissingMaternalSurname: options.missing_maternal_surname = probability; break;
    case Corruption::kSwapSurnames: options.swap_surnames = probability; break;
    case Corruption::kSwapDayMonth: options.swap_day_month = probability; break;
    case Corruption::kYearOnlyBirthDate: options.year_only_birth_date = probability; break;
    case Corruption::kTypo: options.typo = probability; break;
    case Corruption::kPhoneticSpelling: options.phonetic_spelling = probability; break;
    case Corruption::kFirstGivenNameOnly: options.first_given_name_only = probability; break;
    case Corruption::kCurpSlip: options.curp_slip = probability; break;
    case Corruption::kUpperCase: options.upper_case = probability; break;
  }
  return options;
}

CorruptedPerson Corrupt(const Person& truth, Rng& rng, const CorruptionOptions& options) {
  CorruptedPerson result{truth, {}};
  for (Corruption kind : kApplicationOrder) {
    if (!rng.Chance(options.Probability(kind))) continue;
    if (Apply(kind, result.person, rng, options)) result.applied.push_back(kind);
  }
  return result;
}

}  // namespace acogida::synth
