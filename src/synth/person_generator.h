// PersonGenerator makes realistic synthetic returnees: Mexican names drawn by frequency,
// a men-heavy sex mix, ages mostly 18–50, birth state skewed to the states most returnees
// come from, a valid CURP for about half, a phone for some, and households that are
// mostly single adults and otherwise families with correctly inherited surnames.
// Deterministic: the same seed and options give the same persons on any machine; no
// clock is read ("today" is an option). Not thread-safe; use one generator per thread.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>

#include "core/person.h"
#include "synth/rng.h"

namespace acogida::synth {

struct GeneratorOptions {
  // The day ages are counted back from, "YYYY-MM-DD"; no birth date falls after it.
  // An unparsable value is a programmer error and falls back to this default.
  std::string today = "2025-07-01";

  // Share of men among the adults NextPerson makes (PRODUCT.md: 77–85 % of returnees).
  double male_share = 0.80;
  // Share of men among single-adult households. Higher than male_share because the
  // families NextHousehold makes bring women and children; with the defaults about 79 %
  // of the adults in households are men and 14 % of all members are minors.
  double single_adult_male_share = 0.95;
  // Share of households that are one adult; the rest are families.
  double single_adult_household_share = 0.75;
  // Share of families headed by a man.
  double family_head_male_share = 0.80;
  // Share of families in which the head's spouse or partner came too.
  double spouse_share = 0.70;

  // Share of persons with a CURP on record (PRODUCT.md: documents for ≈40–50 %).
  double curp_share = 0.50;
  // Share of persons aged 15 or more with a Mexican phone number.
  double phone_share = 0.40;
  // Share of adults who know only their birth year (children: a quarter of this).
  double year_only_birth_date_share = 0.08;
  // Share of persons registered with one surname only (no maternal surname).
  double missing_maternal_surname_share = 0.02;
  // Chance of also speaking an indigenous language for persons born in a state where one
  // is widely spoken (Oaxaca, Chiapas, Guerrero, ...); elsewhere a twentieth of it.
  double indigenous_language_share = 0.15;
  // Share of children in returning families who were born in the US (no birth state;
  // their CURP, when they have one, says NE).
  double us_born_child_share = 0.25;
};

class PersonGenerator {
 public:
  explicit PersonGenerator(uint64_t seed, GeneratorOptions options = {});

  // An adult (18 or older) registered alone: relationship kHead, ids 0, no created_at.
  Person NextPerson();

  // A household with exactly one head, listed first: a single adult, or a family of the
  // head, perhaps a spouse, and children (relationship kChild) who carry the father's
  // paternal surname and the mother's paternal surname. Ids are 0 and times empty; the
  // store assigns them.
  Household NextHousehold();

  const GeneratorOptions& options() const { return options_; }

 private:
  Sex DrawSex(double male_share);
  int DrawAdultAge();
  BirthDate DrawBirthDate(int age);
  std::string DrawSurname();
  // A person of the given sex and age with the given surnames and birth state ("" abroad).
  Person MakePerson(Sex sex, int age, std::string paternal, std::string maternal, std::string birth_state,
                    Relationship relationship);
  Household MakeFamily();

  Rng rng_;
  GeneratorOptions options_;
  std::chrono::sys_days today_;
};

}  // namespace acogida::synth
