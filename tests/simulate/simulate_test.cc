// Simulate and RunReplication: determinism (same seed, same result, whatever the thread
// count), conservation of people, beds never above capacity, the overflow order, surges,
// options errors, progress and cancellation, and the bottleneck ranking.
#include <gtest/gtest.h>

#include <atomic>
#include <mutex>

#include "simulate/model.h"
#include "simulate/reference_scenario.h"
#include "simulate/replication.h"
#include "simulate/scenario_json.h"
#include "simulate/simulate.h"
#include "test_scenarios.h"
#include "testing/status_matchers.h"

namespace acogida::simulate {
namespace {

using acogida::testing::StatusIs;
using testing::TwoCityScenario;

SimulationResult RunSimulation(const Scenario& scenario, int replications, uint64_t seed, int threads) {
  SimulateOptions options;
  options.replications = replications;
  options.seed = seed;
  options.threads = threads;
  auto result = Simulate(scenario, options);
  EXPECT_TRUE(result.ok()) << result.status().ToString();
  return result.ok() ? std::move(result).value() : SimulationResult{};
}

TEST(Simulate, SameSeedGivesTheSameResult) {
  const Scenario scenario = TwoCityScenario(3);
  EXPECT_EQ(ResultToJson(RunSimulation(scenario, 4, 42, 2)), ResultToJson(RunSimulation(scenario, 4, 42, 2)));
}

TEST(Simulate, ThreadCountDoesNotChangeTheResult) {
  const Scenario scenario = TwoCityScenario(3);
  const std::string one = ResultToJson(RunSimulation(scenario, 6, 42, 1));
  EXPECT_EQ(one, ResultToJson(RunSimulation(scenario, 6, 42, 2)));
  EXPECT_EQ(one, ResultToJson(RunSimulation(scenario, 6, 42, 5)));
}

TEST(Simulate, DifferentSeedsGiveDifferentRuns) {
  const Scenario scenario = TwoCityScenario();
  EXPECT_NE(RunSimulation(scenario, 1, 1, 1).arrivals.mean, RunSimulation(scenario, 1, 2, 1).arrivals.mean);
}

TEST(RunReplication, ConservesPeople) {
  for (double factor : {1.0, 4.0}) {
    const Scenario scenario = TwoCityScenario(factor);  // the model points into it: keep it alive
    auto model = BuildModel(scenario);
    ASSERT_TRUE(model.ok());
    for (uint64_t seed = 1; seed <= 3; ++seed) {
      SCOPED_TRACE("factor " + std::to_string(factor) + ", seed " + std::to_string(seed));
      const ReplicationResult run = RunReplication(*model, seed);
      ASSERT_GT(run.arrivals, 5000);
      EXPECT_EQ(run.arrivals, run.departed + run.in_system_at_end);
      EXPECT_EQ(run.in_system_at_end, run.in_stages_at_end + run.in_beds_at_end + run.waiting_bus_at_end);
      int64_t daily = 0;
      for (int32_t count : run.daily_arrivals) daily += count;
      EXPECT_EQ(daily, run.arrivals);
      int64_t placed = 0, without = 0;
      for (const CityStats& city : run.cities) {
        EXPECT_EQ(city.needed_bed, city.placed_in_city + city.placed_elsewhere + city.without_bed);
        placed += city.placed_in_city + city.placed_elsewhere;
        without += city.without_bed;
      }
      EXPECT_EQ(without, run.without_bed);
      EXPECT_EQ(placed + without, run.needed_bed);
      EXPECT_LE(run.needed_bed, run.entrants);
    }
  }
}

TEST(RunReplication, NeverPutsMorePeopleInASectionThanItHasBeds) {
  const Scenario scenario = TwoCityScenario(5);
  auto model = BuildModel(scenario);
  ASSERT_TRUE(model.ok());
  const ReplicationResult run = RunReplication(*model, 3);
  ASSERT_GT(run.without_bed, 0);  // the surge does exceed the beds
  const size_t sections = model->sections.size();
  for (size_t section = 0; section < sections; ++section) {
    SCOPED_TRACE("section " + std::to_string(section));
    EXPECT_LE(run.sections[section].peak, model->sections[section].beds);
    for (int day = 0; day < model->days; ++day) {
      EXPECT_LE(run.daily_occupancy[day * sections + section], model->sections[section].beds);
    }
  }
}

TEST(RunReplication, FillsTheCityBeforeOverflowingToTheNearestCity) {
  const Scenario scenario = TwoCityScenario(5);
  auto model = BuildModel(scenario);
  ASSERT_TRUE(model.ok());
  const ReplicationResult run = RunReplication(*model, 5);
  const CityStats& matamoros = run.cities[0];
  EXPECT_GT(matamoros.placed_in_city, 0);
  EXPECT_GT(matamoros.placed_elsewhere, 0);  // Reynosa, 80 km away
  EXPECT_GT(matamoros.without_bed, 0);
  // Tijuana's shelter is 1,900 km away, beyond overflow.max_km: its men's beds see only
  // Tijuana's own arrivals.
  EXPECT_EQ(run.cities[2].placed_elsewhere, 0);
  // Overflow to Reynosa happens only once Matamoros's men's sections were full at some point.
  EXPECT_EQ(run.sections[0].peak, 60);
  EXPECT_EQ(run.sections[4].peak, 20);
}

TEST(RunReplication, WithoutOverflowPeopleGoWithoutABedInstead) {
  Scenario scenario = TwoCityScenario(5);
  scenario.overflow.other_cities = 0;
  auto model = BuildModel(scenario);
  ASSERT_TRUE(model.ok());
  const ReplicationResult run = RunReplication(*model, 5);
  EXPECT_EQ(run.cities[0].placed_elsewhere, 0);
  EXPECT_EQ(run.sections[5].peak, 0);  // Reynosa's men's section receives nobody
}

TEST(Simulate, ASurgeLeavesMorePeopleWithoutABed) {
  const SimulationResult calm = RunSimulation(TwoCityScenario(1), 4, 9, 0);
  const SimulationResult surge = RunSimulation(TwoCityScenario(4), 4, 9, 0);
  EXPECT_GT(surge.arrivals.mean, calm.arrivals.mean * 1.5);
  EXPECT_GT(surge.without_bed.mean, calm.without_bed.mean + 100);
  ASSERT_FALSE(surge.bottlenecks.empty());
  for (size_t index = 1; index < surge.bottlenecks.size(); ++index) {
    EXPECT_GE(surge.bottlenecks[index - 1].pressure, surge.bottlenecks[index].pressure);
  }
  EXPECT_EQ(surge.bottlenecks[0].kind, "beds");
  EXPECT_EQ(surge.bottlenecks[0].where, "Matamoros");
  EXPECT_GT(surge.bottlenecks[0].pressure, 1);
}

TEST(Simulate, ReportsDailySeriesAndConfidenceIntervals) {
  const SimulationResult result = RunSimulation(TwoCityScenario(), 5, 3, 0);
  ASSERT_EQ(result.daily_arrivals.size(), 30u);
  ASSERT_EQ(result.cities.size(), 3u);
  EXPECT_EQ(result.cities[0].beds, 102);
  ASSERT_EQ(result.cities[0].daily_occupancy.size(), 30u);
  EXPECT_GT(result.cities[0].daily_occupancy[5], 0);
  EXPECT_GT(result.arrivals.half_width, 0);
  EXPECT_LE(result.arrivals.min, result.arrivals.mean);
  EXPECT_GE(result.arrivals.max, result.arrivals.mean);
  // The medical stage is not run at the airport (staff 0 there).
  EXPECT_EQ(result.stages.size(), 5u);
}

TEST(Simulate, RejectsBadOptionsNamingThem) {
  SimulateOptions options;
  options.replications = 0;
  EXPECT_THAT(Simulate(TwoCityScenario(), options), StatusIs(StatusCode::kInvalidArgument, "replications"));
  options.replications = 1;
  options.threads = -1;
  EXPECT_THAT(Simulate(TwoCityScenario(), options), StatusIs(StatusCode::kInvalidArgument, "threads"));
  Scenario scenario = TwoCityScenario();
  scenario.ports[0].batch.max = 5;
  EXPECT_THAT(Simulate(scenario, {}), StatusIs(StatusCode::kInvalidArgument, "ports[0].batch.max"));
}

TEST(Simulate, ReportsProgressUpToOne) {
  SimulateOptions options;
  options.replications = 6;
  options.threads = 3;
  std::mutex mutex;
  std::vector<double> seen;
  auto result = Simulate(TwoCityScenario(), options, [&](double progress) {
    std::lock_guard<std::mutex> lock(mutex);
    seen.push_back(progress);
  });
  ASSERT_TRUE(result.ok());
  ASSERT_EQ(seen.size(), 6u);
  for (size_t index = 1; index < seen.size(); ++index) EXPECT_GT(seen[index], seen[index - 1]);
  EXPECT_DOUBLE_EQ(seen.back(), 1.0);
}

TEST(Simulate, StopsWhenCancelled) {
  std::atomic<bool> cancel{true};
  SimulateOptions options;
  options.replications = 50;
  options.cancel = &cancel;
  EXPECT_THAT(Simulate(TwoCityScenario(), options), acogida::testing::StatusCodeIs(StatusCode::kAborted));
}

TEST(ReferenceScenario, HasTenPortsThreeStagesAndAHundredShelters) {
  const Scenario scenario = ReferenceScenario();
  EXPECT_OK(ValidateScenario(scenario));
  EXPECT_EQ(scenario.ports.size(), 10u);
  EXPECT_EQ(scenario.stages.size(), 3u);
  EXPECT_EQ(scenario.shelters.size(), 100u);
  EXPECT_NEAR(ExpectedArrivals(scenario), 1e6, 1);
  EXPECT_NEAR(scenario.ports[0].daily_rate / (1e6 / 365), 0.206, 1e-9);  // Matamoros
}

}  // namespace
}  // namespace acogida::simulate
