// Settings say how records of one schema are linked: which column identifies a record,
// how each field is compared, which blocking keys propose candidate pairs, and the default
// match threshold. DefaultPersonSettings() is the project's person schema; other schemas
// (the FEBRL and Splink benchmark sets) come from a JSON file (settings_json.h).
// Plain value types.
#pragma once

#include <string>
#include <vector>

namespace acogida::linkage {

enum class ComparisonKind {
  kExact,        // one column: equal after folding, or not
  kName,         // one column: equal, then Jaro–Winkler levels (thresholds)
  kGivenNames,   // one column of Mexican given names: nicknames, compound names, fuzzy
  kSurnames,     // two columns, paternal and maternal: missing, swapped, fuzzy
  kDate,         // a date column, and optionally a CURP column whose date completes partial dates:
                 // exact, same at partial precision, day/month swapped, one off, within a year
  kLevenshtein,  // one column of codes or numbers (postcode): equal, 1 edit, 2 edits
  kCurp,         // columns curp, given_names, paternal_surname, maternal_surname
  kNamePair,     // two name columns (first name, surname) compared as kSurnames compares the
                 // two surnames: swapped fields, one missing, fuzzy
};

struct ComparisonSettings {
  std::string name;                  // shown in explanations ("given_names")
  ComparisonKind kind = ComparisonKind::kExact;
  std::vector<std::string> columns;  // see ComparisonKind
  // kName: Jaro–Winkler thresholds, highest first, one level each. Default {0.92, 0.80}.
  std::vector<double> thresholds;
  // Adjusts exact agreement by how common the value is (term frequency): two records
  // sharing "Hernández" count for less than two sharing "Güereca". Default off.
  bool term_frequency = false;
  // Parameters to use when the data are too few to estimate them (one per level, strongest
  // first): P(level | match) and P(level | non-match). Empty: a flat guess.
  std::vector<double> m;
  std::vector<double> u;
  // Levels that rule a match out whatever else agrees (the pair's weight is −∞): for the
  // person schema, two valid CURPs that differ, since RENAPO gives even namesakes born the
  // same day their own CURP. Default none.
  std::vector<std::string> veto_levels;
};

// One blocking key: records whose key values are all equal become candidate pairs.
// A part is "column:transform" or "column1+column2:transform" (the transformed values of
// the columns, sorted, so that swapped fields give the same key). A record with an empty
// part has no key. Transforms:
//   exact       the value as written, trimmed
//   fold        accents, case and punctuation folded (core/names.h FoldName)
//   phonetic    the Spanish phonetic key of the folded words (spanish_phonetic.h)
//   first_token_phonetic  phonetic key of the first word without particles
//   phonetic_initial      the first letter of that key (Hernández → e, Zalazar → s)
//   given_name  phonetic key of the first identifying given name (nicknames written out,
//               a leading María/José skipped)
//   given_initial  the first letter of that given name
//   initial     the first letter of the folded value
//   prefixN     the first N characters of the folded value (prefix3)
//   charsA-B    characters A..B-1 of the value with spaces removed, upper case (chars0-10)
//   year        the year of a date
//   date        a full date (YYYY-MM-DD); partial dates have no key
//   date_unordered  year and the sorted month and day of a full date (swaps agree)
struct BlockingKey {
  std::string name;                // shown in statistics ("surnames_year")
  std::vector<std::string> parts;
};

struct EmSettings {
  int max_iterations = 100;
  double tolerance = 1e-5;          // stop when no m or u moves more than this
  size_t max_training_pairs = 2'000'000;  // candidate pairs sampled for estimation
  double initial_match_share = 0.1;       // λ before the first iteration
  // If true (the default, as Splink does), u comes from random record pairs, which are
  // almost all non-matches, and EM on the candidate pairs supplies m and the number of
  // matches. Blocking makes candidate non-matches agree far more often than random ones,
  // so u estimated among candidates would undervalue agreement. If false, m, u and λ all
  // come from EM on the candidate pairs (as fastLink does within blocks).
  bool u_from_random_pairs = true;
  // Random pairs drawn to estimate u; 0 picks 20 per record, at least 100,000 and at most
  // 1,000,000 (never more than there are pairs).
  size_t random_pairs = 0;
  uint64_t seed = 42;               // of the random pairs
  // With fewer candidate pairs than this, nothing is estimated: the comparisons' default
  // m and u are used, with λ from default_matches_per_record. A handful of records cannot
  // teach a model, and EM on them would learn noise.
  size_t min_training_pairs = 200;
  double default_matches_per_record = 0.5;
};

struct Settings {
  std::string id_column;  // "" → the first column
  // Columns the input must have (checked against the header); others are optional and
  // count as unknown when missing.
  std::vector<std::string> required_columns;
  // If true, a column named by a comparison or blocking key but absent from the input is
  // read as empty (unknown); if false, it is an error. Default false; true for persons.
  bool missing_columns_are_unknown = false;
  std::vector<ComparisonSettings> comparisons;
  std::vector<BlockingKey> blocking;
  // Pairs whose match probability reaches this are linked. Default 0.9.
  double threshold = 0.9;
  // Blocks with more records than this propose no pairs (reported in the statistics);
  // a bound on the work, as one common value would otherwise make every pair a candidate.
  size_t max_block_size = 2000;
  // A block with more records than `refine_above` proposes only the pairs that also agree
  // on `refine_parts` (parts as in BlockingKey; a record with an empty part leaves such a
  // block): common names make blocks grow with the registry, and their pairs as its square.
  // Pairs the refinement drops stay candidates through other keys. Default none.
  std::vector<std::string> refine_parts;
  size_t refine_above = 0;
  // CSV fields have surrounding spaces removed (FEBRL separates fields by ", ").
  bool trim_fields = false;
  EmSettings em;
};

// The person schema of the command line: record_id, given_names, paternal_surname,
// maternal_surname, sex (H/M), birth_date, birth_state, curp (site and other columns are
// not compared).
Settings DefaultPersonSettings();
// DefaultPersonSettings() plus keys that need no birth date, for one-record queries by name
// alone (the product's identity index: intake checks, fuzzy search and tracing).
Settings PersonQuerySettings();

// The columns of the person schema, in the order the command line documents them.
const std::vector<std::string>& PersonColumns();

}  // namespace acogida::linkage
