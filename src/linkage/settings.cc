// The default settings for the project's person schema.
#include "linkage/settings.h"

namespace acogida::linkage {

const std::vector<std::string>& PersonColumns() {
  static const std::vector<std::string> columns = {"record_id",   "given_names", "paternal_surname",
                                                   "maternal_surname", "sex",  "birth_date",
                                                   "birth_state", "curp",       "site"};
  return columns;
}

Settings DefaultPersonSettings() {
  Settings settings;
  settings.id_column = "record_id";
  settings.required_columns = {"record_id", "given_names", "paternal_surname"};
  settings.missing_columns_are_unknown = true;
  // Default m and u: EM on the Mexican generator's 100,000 persons (bench/linkage), with m
  // of the disagreeing levels raised to what real registrations show (typed sex or state
  // errors the generator never makes); two different CURPs are near-certain evidence
  // against, as one equal valid CURP is for. Used only when the data are too few to estimate.
  settings.comparisons = {
      {"given_names", ComparisonKind::kGivenNames, {"given_names"}, {}, true,
       {0.72, 0.07, 0.03, 0.15, 0.02, 0.01}, {0.0125, 0.0011, 0.0109, 0.0061, 0.0093, 0.9601}},
      {"surnames", ComparisonKind::kSurnames, {"paternal_surname", "maternal_surname"}, {}, true,
       {0.48, 0.23, 0.036, 0.185, 0.046, 0.005, 0.013, 0.005},
       {0.0004, 0.0046, 0.0004, 0.0002, 0.0012, 0.0196, 0.0611, 0.9125}},
      {"birth_date", ComparisonKind::kDate, {"birth_date", "curp"}, {}, false,
       {0.85, 0.115, 0.02, 0.01, 0.003, 0.002}, {0.0001, 0.0037, 0.00002, 0.0398, 0.0441, 0.9124}},
      {"sex", ComparisonKind::kExact, {"sex"}, {}, false, {0.99, 0.01}, {0.66, 0.34}},
      {"birth_state", ComparisonKind::kExact, {"birth_state"}, {}, false, {0.97, 0.03}, {0.06, 0.94}},
      {"curp", ComparisonKind::kCurp, {"curp", "given_names", "paternal_surname", "maternal_surname"}, {}, false,
       {0.86, 0.07, 0.002, 0.067, 0.003, 0.00001}, {0.000001, 0.000002, 0.02, 0.0005, 0.6761, 0.3034},
       {"both_valid_different"}},
  };
  // Each key survives different errors: a CURP slip breaks only one half of the CURP; a
  // typo in one name leaves the keys without that name; a missing maternal surname or a
  // year-only date leaves the keys that do not need them.
  settings.blocking = {
      {"curp_first_half", {"curp:chars0-9"}},
      {"curp_second_half", {"curp:chars9-18"}},
      {"surnames_year", {"paternal_surname+maternal_surname:first_token_phonetic", "birth_date:year"}},
      {"given_paternal_year", {"given_names:given_name", "paternal_surname:first_token_phonetic", "birth_date:year"}},
      {"given_surnames", {"given_names:given_name", "paternal_surname+maternal_surname:first_token_phonetic"}},
      {"date_given_initial", {"birth_date:date_unordered", "given_names:given_initial"}},
      {"date_paternal", {"birth_date:date_unordered", "paternal_surname:first_token_phonetic"}},
      {"given_year_surname_initials",
       {"given_names:given_name", "birth_date:year", "paternal_surname+maternal_surname:phonetic_initial"}},
  };
  // Above 50 records (Hernández García 1985 has 600 at a million persons, 75 at 100,000), a
  // block keeps the pairs born in the same state: a mistyped state leaves the CURP, date and
  // other name keys. On the generator at 1 M this scores 56 M pairs instead of 145 M with
  // the same links (F1 unchanged at 100 k and 1 M; bench/RESULTS.md).
  settings.refine_parts = {"birth_state:exact"};
  settings.refine_above = 50;
  settings.threshold = 0.9;
  return settings;
}

Settings PersonQuerySettings() {
  Settings settings = DefaultPersonSettings();
  settings.blocking.push_back({"given_paternal", {"given_names:given_name", "paternal_surname:first_token_phonetic"}});
  settings.blocking.push_back({"given_maternal", {"given_names:given_name", "maternal_surname:first_token_phonetic"}});
  settings.blocking.push_back(
      {"paternal_maternal", {"paternal_surname:first_token_phonetic", "maternal_surname:first_token_phonetic"}});
  // A surname alone: finds "Pepe Hernández" for "José Luis Hernández" (the given-name keys
  // skip a leading José) while the surname's block is under max_block_size.
  settings.blocking.push_back({"paternal", {"paternal_surname:first_token_phonetic"}});
  return settings;
}

}  // namespace acogida::linkage
