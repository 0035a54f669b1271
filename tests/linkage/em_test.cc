// EM recovers m, u and λ from unlabelled agreement patterns drawn from a known model.
#include "linkage/em.h"

#include <gtest/gtest.h>

#include <random>

namespace acogida::linkage {
namespace {

TEST(EstimateByEm, RecoversTheParametersThePatternsWereDrawnFrom) {
  // Three comparisons with 3, 2 and 4 levels; 20 % of pairs match.
  const std::vector<std::vector<double>> true_m = {{0.85, 0.10, 0.05}, {0.95, 0.05}, {0.70, 0.15, 0.10, 0.05}};
  const std::vector<std::vector<double>> true_u = {{0.05, 0.15, 0.80}, {0.30, 0.70}, {0.02, 0.08, 0.20, 0.70}};
  const double true_share = 0.2;
  auto patterns = PatternCounts::Make({3, 2, 4});
  ASSERT_TRUE(patterns.ok());
  std::mt19937_64 rng(12345);  // the seed of this test
  std::uniform_real_distribution<double> uniform(0, 1);
  auto draw = [&](const std::vector<double>& probabilities) {
    double target = uniform(rng);
    for (size_t level = 0; level < probabilities.size(); ++level) {
      if (target < probabilities[level]) return static_cast<int>(level);
      target -= probabilities[level];
    }
    return static_cast<int>(probabilities.size()) - 1;
  };
  for (int pair = 0; pair < 200000; ++pair) {
    const bool match = uniform(rng) < true_share;
    int levels[3];
    for (size_t idx = 0; idx < 3; ++idx) {
      // A tenth of values are missing (null level): EM must ignore them.
      levels[idx] = uniform(rng) < 0.1 ? -1 : draw(match ? true_m[idx] : true_u[idx]);
    }
    patterns->Add(patterns->Encode(levels));
  }
  std::vector<ComparisonParameters> comparisons(3);
  for (size_t idx = 0; idx < 3; ++idx) {
    comparisons[idx].name = std::to_string(idx);
    for (size_t level = 0; level < true_m[idx].size(); ++level) comparisons[idx].levels.push_back(std::to_string(level));
  }
  FsModel initial = InitialModel(*patterns, comparisons, 0.1);
  auto estimated = EstimateByEm(*patterns, initial, EmSettings{});
  ASSERT_TRUE(estimated.ok()) << estimated.status().ToString();
  EXPECT_TRUE(estimated->converged);
  EXPECT_NEAR(estimated->match_share, true_share, 0.01);
  for (size_t idx = 0; idx < 3; ++idx) {
    for (size_t level = 0; level < true_m[idx].size(); ++level) {
      EXPECT_NEAR(estimated->comparisons[idx].m[level], true_m[idx][level], 0.02) << idx << "/" << level;
      EXPECT_NEAR(estimated->comparisons[idx].u[level], true_u[idx][level], 0.02) << idx << "/" << level;
    }
  }
}

TEST(EstimateByEm, FailsWithoutPairs) {
  auto patterns = PatternCounts::Make({2});
  ASSERT_TRUE(patterns.ok());
  FsModel model;
  model.comparisons = {{"c", {"exact", "different"}, {0.9, 0.1}, {0.1, 0.9}}};
  EXPECT_EQ(EstimateByEm(*patterns, model, EmSettings{}).status().code(), StatusCode::kFailedPrecondition);
}

TEST(PatternCounts, EncodesAndDecodesNullLevels) {
  auto patterns = PatternCounts::Make({3, 2, 8});
  ASSERT_TRUE(patterns.ok());
  const int levels[3] = {-1, 1, 7};
  int decoded[3];
  patterns->Decode(patterns->Encode(levels), decoded);
  EXPECT_EQ(decoded[0], -1);
  EXPECT_EQ(decoded[1], 1);
  EXPECT_EQ(decoded[2], 7);
}

}  // namespace
}  // namespace acogida::linkage
