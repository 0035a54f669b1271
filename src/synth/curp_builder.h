// Builds CURPs the way RENAPO assigns them, so that synthetic persons carry keys that
// agree with their names, birth date, sex and state (core/curp.h validates them):
//   1 first letter of the paternal surname      2 its first inner vowel
//   3 first letter of the maternal surname (X)  4 first letter of the given name
//   5-10 YYMMDD  11 H/M/X  12-13 state (NE abroad)
//   14-16 first inner consonants of paternal, maternal, given  17 homoclave  18 check digit
// Accents are dropped, Ñ becomes X, particles (de, la, del, y, ...) are skipped, María and
// José are skipped as the first of several given names, and the 4-letter words RENAPO
// treats as inconvenient (BUEY, PEDO, ...) get X as their second letter.
// Pure functions; thread-safe.
#pragma once

#include <string>
#include <string_view>

#include "core/birth_date.h"
#include "core/person.h"
#include "synth/rng.h"

namespace acogida::synth {

// The first 16 characters of the CURP. `birth_date` must be full (year, month and day);
// `state_inegi` is an INEGI code ("16"), or "" (or an unknown code) for born abroad (NE).
std::string CurpStem(std::string_view given_names, std::string_view paternal_surname,
                     std::string_view maternal_surname, const BirthDate& birth_date, Sex sex,
                     std::string_view state_inegi);

// A complete CURP for `person`, whose true birth date is `birth_date` (full, even when
// the person's recorded one is partial): the stem, a homoclave drawn from `rng` (a digit
// for births before 2000, a letter from 2000) and the check digit.
std::string MakeCurp(const Person& person, const BirthDate& birth_date, Rng& rng);

}  // namespace acogida::synth
