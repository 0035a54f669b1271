// Pairwise precision, recall and F1 of a linkage result against known truth, the measure
// the benchmarks and the accuracy tests report (as recordlinkage, fastLink and Splink do).
// Pure; thread-safe.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <utility>
#include <vector>

namespace acogida::linkage {

struct PairwiseScores {
  uint64_t true_positives = 0;
  uint64_t false_positives = 0;
  uint64_t false_negatives = 0;
  double precision() const;
  double recall() const;
  double f1() const;
  std::string ToString() const;  // "P 0.9981 R 0.9912 F1 0.9946 (tp 6480, fp 12, fn 58)"
};

// Every pair of records in one predicted cluster is a predicted match; every pair with
// the same truth label a true one. `predicted` and `truth` hold one label per record.
PairwiseScores ScoreClusters(std::span<const uint32_t> predicted, std::span<const int64_t> truth);

// Predicted pairs (each once) against truth labels of the left and right records, for
// linking two files: a true pair is a left and a right record with the same label.
PairwiseScores ScoreLinks(std::span<const std::pair<uint32_t, uint32_t>> predicted,
                          std::span<const int64_t> left_truth, std::span<const int64_t> right_truth);

}  // namespace acogida::linkage
