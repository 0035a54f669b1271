// Pair counting through cluster sizes, so that a million records cost a few hash maps.
#include "linkage/evaluation.h"

#include <cstdio>
#include <map>
#include <unordered_map>

namespace acogida::linkage {
namespace {

uint64_t Pairs(uint64_t size) { return size * (size - 1) / 2; }

struct PairHash {
  size_t operator()(const std::pair<uint64_t, int64_t>& key) const {
    return std::hash<uint64_t>{}(key.first * 0x9E3779B97F4A7C15ULL ^ static_cast<uint64_t>(key.second));
  }
};

}  // namespace

double PairwiseScores::precision() const {
  const uint64_t predicted = true_positives + false_positives;
  return predicted == 0 ? 1.0 : static_cast<double>(true_positives) / static_cast<double>(predicted);
}
double PairwiseScores::recall() const {
  const uint64_t actual = true_positives + false_negatives;
  return actual == 0 ? 1.0 : static_cast<double>(true_positives) / static_cast<double>(actual);
}
double PairwiseScores::f1() const {
  const double p = precision(), r = recall();
  return p + r == 0 ? 0.0 : 2 * p * r / (p + r);
}
std::string PairwiseScores::ToString() const {
  char buf[160];
  std::snprintf(buf, sizeof buf, "P %.4f R %.4f F1 %.4f (tp %llu, fp %llu, fn %llu)", precision(), recall(), f1(),
                static_cast<unsigned long long>(true_positives), static_cast<unsigned long long>(false_positives),
                static_cast<unsigned long long>(false_negatives));
  return buf;
}

PairwiseScores ScoreClusters(std::span<const uint32_t> predicted, std::span<const int64_t> truth) {
  std::unordered_map<uint32_t, uint64_t> predicted_sizes;
  std::unordered_map<int64_t, uint64_t> true_sizes;
  std::unordered_map<std::pair<uint64_t, int64_t>, uint64_t, PairHash> both;
  for (size_t idx = 0; idx < predicted.size() && idx < truth.size(); ++idx) {
    ++predicted_sizes[predicted[idx]];
    ++true_sizes[truth[idx]];
    ++both[{predicted[idx], truth[idx]}];
  }
  uint64_t predicted_pairs = 0, true_pairs = 0, agreeing = 0;
  for (const auto& entry : predicted_sizes) predicted_pairs += Pairs(entry.second);
  for (const auto& entry : true_sizes) true_pairs += Pairs(entry.second);
  for (const auto& entry : both) agreeing += Pairs(entry.second);
  return PairwiseScores{agreeing, predicted_pairs - agreeing, true_pairs - agreeing};
}

PairwiseScores ScoreLinks(std::span<const std::pair<uint32_t, uint32_t>> predicted,
                          std::span<const int64_t> left_truth, std::span<const int64_t> right_truth) {
  PairwiseScores scores;
  for (const auto& [left, right] : predicted) {
    if (left_truth[left] == right_truth[right]) {
      ++scores.true_positives;
    } else {
      ++scores.false_positives;
    }
  }
  std::map<int64_t, uint64_t> left_counts;
  for (int64_t label : left_truth) ++left_counts[label];
  uint64_t true_pairs = 0;
  for (int64_t label : right_truth) {
    auto it = left_counts.find(label);
    if (it != left_counts.end()) true_pairs += it->second;
  }
  scores.false_negatives = true_pairs - scores.true_positives;
  return scores;
}

}  // namespace acogida::linkage
