// The Fellegi–Sunter model: for each comparison and level, m = P(level | match) and
// u = P(level | non-match), and λ, the share of candidate pairs that match. A pair's match
// weight is log2(λ/(1−λ)) plus, per comparison, log2(m/u) of its level (0 when the level
// is null) plus any term-frequency adjustment; its probability is 1/(1+2^−weight).
// The weights are the explanation shown to staff: each field's Bayes factor in bits.
// Plain value types.
#pragma once

#include <cmath>
#include <string>
#include <vector>

namespace acogida::linkage {

struct ComparisonParameters {
  std::string name;                 // the comparison's name
  std::vector<std::string> levels;  // level names, strongest agreement first
  std::vector<double> m;            // P(level | match), one per level
  std::vector<double> u;            // P(level | non-match)
};

struct FsModel {
  // λ: the prior probability that a pair of records match. With u from random pairs, over
  // all pairs (expected matches / pairs); otherwise over the candidate pairs.
  double match_share = 0.1;
  std::vector<ComparisonParameters> comparisons;
  int em_iterations = 0;     // iterations the estimate took (0: not estimated)
  bool converged = false;
  double candidate_match_share = 0;  // λ among the candidate pairs, as EM found it
  uint64_t random_pairs = 0;         // random pairs u was estimated from (0: u from EM)

  double PriorWeight() const { return std::log2(match_share / (1.0 - match_share)); }
  // log2(m/u) of `level` of comparison `comparison_idx`; 0 for a null level.
  double LevelWeight(size_t comparison_idx, int level) const;
};

inline double WeightToProbability(double weight) { return 1.0 / (1.0 + std::exp2(-weight)); }
inline double ProbabilityToWeight(double probability) { return std::log2(probability / (1.0 - probability)); }

// One field's part in a match decision.
struct FieldContribution {
  std::string comparison;  // "surnames"
  std::string level;       // "swapped"; "missing" when either value is missing
  double weight = 0;       // log2(m/u) of the level: positive for, negative against
  double tf_adjustment = 0;  // log2 term-frequency adjustment (common values count less)
};

// Why a pair got its probability: prior + Σ (weight + tf_adjustment) = match_weight.
struct MatchExplanation {
  double prior_weight = 0;
  std::vector<FieldContribution> fields;
  double match_weight = 0;
  double probability = 0;

  // "given_names=same_name(+6.1) surnames=both_exact(+9.8,tf-1.2) ..." for logs and CSV.
  std::string Summary() const;
};

}  // namespace acogida::linkage
