// Reference data for synthetic Mexican persons: surnames and given names with relative
// frequencies, the common nicknames (hipocorísticos) of given names, birth states weighted
// towards the states most returnees come from, their number of municipalities, and a few
// indigenous languages. Exposed as plain tables so that the linkage engine can reuse the
// nicknames. Names are kept as written, with accents. Static data; thread-safe.
#pragma once

#include <span>
#include <string_view>
#include <vector>

#include "core/person.h"

namespace acogida::synth {

struct WeightedName {
  std::string_view name;  // "Hernández", "José Luis", "Ma. del Carmen"
  double weight;          // relative frequency; only ratios matter
};

// About 110 surnames, from Hernández (most frequent) down to rare ones such as Güereca.
std::span<const WeightedName> Surnames();
// Given names, simple and compound, as registrars write them. Female names for
// Sex::kFemale, male names for any other value.
std::span<const WeightedName> GivenNames(Sex sex);

// A nickname and the given name it stands for. One nickname may stand for several names
// (Beto: Alberto, Roberto, Gilberto) and one name may have several (Jesús: Chuy, Chucho).
struct Nickname {
  std::string_view nickname;  // "Pepe"
  std::string_view name;      // "José"; may be compound ("José María" for Chema)
};
std::span<const Nickname> Nicknames();
// The table rows whose `name` is exactly `name` (accents and case as in the table).
std::vector<Nickname> NicknamesOf(std::string_view name);
// The table rows whose `nickname` is exactly `nickname`.
std::vector<Nickname> NamesForNickname(std::string_view nickname);

struct WeightedState {
  std::string_view inegi_code;  // "16" (Michoacán)
  double weight;                // relative share of returnees born there
  int municipalities;           // number of INEGI municipality codes ("001".."113")
};
// All 32 states; Michoacán, Guerrero, Guanajuato, Oaxaca, Jalisco, ... weigh most.
std::span<const WeightedState> BirthStates();
// The row for `inegi_code`, or nullptr.
const WeightedState* BirthStateByCode(std::string_view inegi_code);

struct IndigenousLanguage {
  std::string_view code;  // ISO 639-3: "nah", "mix", "zap", "tzo", "tzh", "yua", "oto", "tsz"
  std::string_view name;  // "náhuatl"
  double weight;          // relative number of speakers among returnees
  std::string_view home_states;  // INEGI codes where it is mostly spoken, space separated
};
std::span<const IndigenousLanguage> IndigenousLanguages();

// The given names a CURP skips when they come first in a compound name ("José Luis" is
// coded by Luis): María, Ma., M., José, J., in any case, with or without accent and dot.
bool IsSkippedFirstGivenName(std::string_view word);

}  // namespace acogida::synth
