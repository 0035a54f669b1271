// The errors intake really makes when the same person is registered again: accents
// dropped, a nickname instead of the name, one surname, surnames swapped, day and month
// swapped, only the birth year, a typo, a phonetic spelling, the first given name only, a
// slipped or lost CURP, all capitals. Corrupt() applies them to a true person to make the
// duplicate records that identity resolution must find. MakeSibling() and MakeTwin()
// make the hard negatives it must not merge: different people who look alike.
// Copies are what careless or older records hold, so some would not pass
// core/validate.h: a slipped CURP usually fails its check digit, and a swapped day and
// month (or a slipped date digit) contradicts the CURP.
// Pure functions of their arguments and the Rng; thread-safe if each thread has its Rng.
#pragma once

#include <cstddef>
#include <span>
#include <string_view>
#include <vector>

#include "core/person.h"
#include "synth/rng.h"

namespace acogida::synth {

enum class Corruption {
  kDropAccents,             // á→a, ñ→n, ü→u in every name
  kNickname,                // a given name replaced by a nickname from Nicknames()
  kMissingMaternalSurname,  // maternal surname not recorded
  kSwapSurnames,            // paternal and maternal surnames exchanged
  kSwapDayMonth,            // 1985-03-12 recorded as 1985-12-03 (only when the day is ≤ 12)
  kYearOnlyBirthDate,       // month and day dropped
  kTypo,                    // one letter inserted, deleted, substituted, or two transposed, in one name
  kPhoneticSpelling,        // one sound spelled another way: v↔b, s↔z, s↔c, ll↔y, h dropped, x↔j
  kFirstGivenNameOnly,      // "José Luis" recorded as "José"
  kCurpSlip,                // one CURP character wrong, or the CURP not recorded
  kUpperCase,               // every name in capitals
};
inline constexpr size_t kCorruptionCount = 11;

// Every kind, in the order Corrupt() applies them. Later kinds see earlier results, so
// a nickname is never typo-free by accident and capitals come last.
std::span<const Corruption> AllCorruptions();
// "drop_accents", "nickname", "missing_maternal_surname", ..., "upper_case".
std::string_view CorruptionName(Corruption kind);

// The chance that each kind is applied to one copy. A kind that cannot change the person
// (no accents to drop, no CURP to slip) is skipped and not reported.
struct CorruptionOptions {
  double drop_accents = 0.35;              // most intake is typed without accents
  double nickname = 0.08;
  double missing_maternal_surname = 0.15;
  double swap_surnames = 0.04;
  double swap_day_month = 0.04;
  double year_only_birth_date = 0.10;
  double typo = 0.15;
  double phonetic_spelling = 0.10;
  double first_given_name_only = 0.12;
  double curp_slip = 0.08;
  double upper_case = 0.25;
  // When a CURP slip happens, the share in which the CURP is lost rather than mistyped.
  double curp_lost_share = 0.5;

  double Probability(Corruption kind) const;
  // Options that apply `kind` with probability `probability` and nothing else.
  static CorruptionOptions Only(Corruption kind, double probability = 1.0);
};

struct CorruptedPerson {
  Person person;
  std::vector<Corruption> applied;  // the kinds that changed the person, in order applied
};

// A copy of `truth` with corruptions drawn from `options`. May return the person
// unchanged (empty `applied`) when no kind is drawn or none applies.
CorruptedPerson Corrupt(const Person& truth, Rng& rng, const CorruptionOptions& options = {});

// A sibling of `person`: same surnames, birth state and municipality, languages; a
// different given name (either sex) and a birth date 1 to 15 years apart, with the same
// precision; a CURP of their own when `person` has one; no phone. Ids are 0.
Person MakeSibling(const Person& person, Rng& rng);

// A twin of `person`: same surnames, birth date, birth state and municipality; a
// different given name (either sex); a CURP of their own, different from `person`'s,
// when `person` has one; no phone. Ids are 0.
Person MakeTwin(const Person& person, Rng& rng);

}  // namespace acogida::synth
