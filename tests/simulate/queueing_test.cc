// The engine against queueing theory: M/M/c mean waits and the 95th percentile of the wait
// (Erlang C) and Little's law, each within the replications' confidence interval (widened
// to cover the histogram's 3 % bins and the finite horizon). Seeds are fixed and logged.
#include <gtest/gtest.h>

#include <cmath>
#include <ostream>

#include "simulate/model.h"
#include "simulate/replication.h"
#include "simulate/simulate.h"
#include "test_scenarios.h"

namespace acogida::simulate {
namespace {

using testing::ErlangCMeanWait;
using testing::ErlangCWaitQuantile;
using testing::MmcScenario;

struct Case {
  double per_minute;
  double mean_service;
  int staff;
};

void PrintTo(const Case& c, std::ostream* out) {
  *out << c.per_minute << " a minute, " << c.mean_service << " min service, " << c.staff << " staff";
}

class ErlangC : public ::testing::TestWithParam<Case> {};

TEST_P(ErlangC, MeanAndP95WaitMatchTheory) {
  const Case c = GetParam();
  const Scenario scenario = MmcScenario(c.per_minute, c.mean_service, c.staff, 200);
  SimulateOptions options;
  options.replications = 12;
  options.seed = 20250101;
  SCOPED_TRACE("seed " + std::to_string(options.seed));
  auto result = Simulate(scenario, options);
  ASSERT_TRUE(result.ok()) << result.status().ToString();
  ASSERT_EQ(result->stages.size(), 1u);
  const StageSummary& stage = result->stages[0];

  const double theory = ErlangCMeanWait(c.per_minute, c.mean_service, c.staff);
  // The confidence interval, plus 2 % for the start from an empty queue over a finite horizon.
  EXPECT_NEAR(stage.mean_wait.mean, theory, 1.5 * stage.mean_wait.half_width + 0.02 * theory)
      << "ci ±" << stage.mean_wait.half_width;
  EXPECT_GT(stage.mean_wait.half_width, 0);
  EXPECT_LT(stage.mean_wait.half_width, 0.1 * theory);  // the test has the power to see a 10 % error

  const double p95 = ErlangCWaitQuantile(c.per_minute, c.mean_service, c.staff, 0.95);
  EXPECT_NEAR(stage.p95_wait.mean, p95, 1.5 * stage.p95_wait.half_width + 0.03 * p95);

  const double utilisation = c.per_minute * c.mean_service / c.staff;
  EXPECT_NEAR(stage.utilisation.mean, utilisation, 0.01);
}

INSTANTIATE_TEST_SUITE_P(Queues, ErlangC,
                         ::testing::Values(Case{0.08, 10, 1},    // M/M/1, ρ = 0.8
                                           Case{0.25, 10, 3},    // ρ = 0.83
                                           Case{1.0, 8, 10}));   // ρ = 0.8, ten servers

TEST(LittlesLaw, PeopleInAStageEqualArrivalRateTimesTimeInStage) {
  const Scenario scenario = MmcScenario(0.5, 9, 5, 120);  // ρ = 0.9
  auto model = BuildModel(scenario);
  ASSERT_TRUE(model.ok());
  for (uint64_t seed : {1u, 2u, 3u}) {
    SCOPED_TRACE("seed " + std::to_string(seed));
    const ReplicationResult run = RunReplication(*model, seed);
    const StageStats& stage = run.stages[0];
    const double rate = stage.arrivals / model->horizon_minutes;
    EXPECT_NEAR(stage.mean_in_system, rate * stage.mean_sojourn, 0.02 * stage.mean_in_system);
    // And for the queue alone: Lq = λ Wq.
    EXPECT_NEAR(stage.mean_queue, rate * stage.mean_wait, 0.02 * stage.mean_queue + 0.01);
  }
}

TEST(LittlesLaw, HoldsForEveryStageOfABorderScenario) {
  const Scenario scenario = testing::TwoCityScenario();
  auto model = BuildModel(scenario);
  ASSERT_TRUE(model.ok());
  const ReplicationResult run = RunReplication(*model, 7);
  for (size_t index = 0; index < run.stages.size(); ++index) {
    SCOPED_TRACE("stage instance " + std::to_string(index));
    const StageStats& stage = run.stages[index];
    ASSERT_GT(stage.arrivals, 100);
    const double rate = stage.arrivals / model->horizon_minutes;
    EXPECT_NEAR(stage.mean_in_system, rate * stage.mean_sojourn, 0.03 * stage.mean_in_system + 0.01);
  }
}

TEST(ArrivalProcess, DeliversTheDailyRateTimesTheMultipliers) {
  Scenario scenario = MmcScenario(0.1, 1, 5, 100);  // 144 a day
  scenario.multipliers = {Multiplier{MultiplierKind::kSurge, 50, 99, 3, {}, "×3"}};
  auto model = BuildModel(scenario);
  ASSERT_TRUE(model.ok());
  const ReplicationResult run = RunReplication(*model, 11);
  int64_t before = 0, during = 0;
  for (int day = 0; day < 50; ++day) before += run.daily_arrivals[day];
  for (int day = 50; day < 100; ++day) during += run.daily_arrivals[day];
  // Poisson: sd of 7,200 is 85, of 21,600 is 147; four sd either way.
  EXPECT_NEAR(before, 7200, 340);
  EXPECT_NEAR(during, 21600, 590);
}

}  // namespace
}  // namespace acogida::simulate
