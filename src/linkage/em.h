// Estimating the Fellegi–Sunter model without labels, by expectation–maximisation over the
// agreement patterns of candidate pairs (as fastLink and Splink do). Pairs are summarised
// first as counts per pattern (one level per comparison), so each iteration costs the
// number of distinct patterns, not of pairs. Pure; thread-compatible.
#pragma once

#include <cstdint>
#include <unordered_map>
#include <vector>

#include "core/status.h"
#include "linkage/fs_model.h"
#include "linkage/settings.h"

namespace acogida::linkage {

// Counts of agreement patterns. A pattern packs one level per comparison (null included)
// into one integer.
class PatternCounts {
 public:
  // `level_counts[c]` is the number of (non-null) levels of comparison c. Returns
  // InvalidArgument when the patterns would not fit in 64 bits.
  static StatusOr<PatternCounts> Make(std::vector<size_t> level_counts);

  uint64_t Encode(const int* levels) const;
  void Decode(uint64_t pattern, int* levels) const;
  void Add(uint64_t pattern, double count = 1.0) { counts_[pattern] += count; }
  void Merge(const PatternCounts& other);

  const std::unordered_map<uint64_t, double>& counts() const { return counts_; }
  const std::vector<size_t>& level_counts() const { return level_counts_; }
  double total() const;

 private:
  std::vector<size_t> level_counts_;
  std::vector<uint64_t> strides_;
  std::unordered_map<uint64_t, double> counts_;
};

// Starts from `initial` (its names and level names must match the patterns) and iterates
// until no parameter moves more than settings.tolerance or settings.max_iterations is
// reached. If the estimate ends with the classes swapped (agreement weighing against a
// match), they are swapped back. Returns FailedPrecondition when there are no pairs.
StatusOr<FsModel> EstimateByEm(const PatternCounts& patterns, FsModel initial, const EmSettings& settings);

// A starting point: m falling geometrically from the strongest level, u the share of each
// level among all the pairs (most candidate pairs are non-matches).
FsModel InitialModel(const PatternCounts& patterns, std::vector<ComparisonParameters> comparisons,
                     double match_share);

}  // namespace acogida::linkage
