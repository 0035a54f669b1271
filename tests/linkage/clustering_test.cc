// Clustering joins strong links but does not chain strangers through one weak link.
#include "linkage/clustering.h"

#include <gtest/gtest.h>

#include <map>

#include "linkage/fs_model.h"

namespace acogida::linkage {
namespace {

ScoredPair Link(uint32_t a, uint32_t b, double probability) {
  return {a, b, static_cast<float>(ProbabilityToWeight(probability))};
}

TEST(ClusterRecords, JoinsRecordsAlongStrongLinks) {
  const std::vector<ScoredPair> links = {Link(0, 1, 0.99), Link(1, 2, 0.98), Link(3, 4, 0.95)};
  std::map<std::pair<uint32_t, uint32_t>, double> all = {{{0, 1}, 0.99}, {{1, 2}, 0.98}, {{0, 2}, 0.97}};
  auto probability = [&](uint32_t a, uint32_t b) { return all[{std::min(a, b), std::max(a, b)}]; };
  const auto clusters = ClusterRecords(6, links, probability, ClusterOptions{});
  EXPECT_EQ(clusters, (std::vector<uint32_t>{0, 0, 0, 3, 3, 5}));
}

TEST(ClusterRecords, DoesNotChainThroughOneRecord) {
  // 0–1 and 1–2 are strong (one record resembles two people), but 0–2 are clearly
  // different: 2 must not end up with 0.
  const std::vector<ScoredPair> links = {Link(0, 1, 0.99), Link(1, 2, 0.95)};
  std::map<std::pair<uint32_t, uint32_t>, double> all = {{{0, 1}, 0.99}, {{1, 2}, 0.95}, {{0, 2}, 0.001}};
  auto probability = [&](uint32_t a, uint32_t b) { return all[{std::min(a, b), std::max(a, b)}]; };
  const auto clusters = ClusterRecords(3, links, probability, ClusterOptions{});
  EXPECT_EQ(clusters[0], clusters[1]);
  EXPECT_NE(clusters[0], clusters[2]);
}

TEST(ClusterRecords, IgnoresLinksBelowTheThreshold) {
  const std::vector<ScoredPair> links = {Link(0, 1, 0.6)};
  const auto clusters = ClusterRecords(2, links, [](uint32_t, uint32_t) { return 0.6; }, ClusterOptions{});
  EXPECT_NE(clusters[0], clusters[1]);
}

}  // namespace
}  // namespace acogida::linkage
