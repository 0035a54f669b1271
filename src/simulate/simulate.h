// Surge simulation (issue #7), the entry point: Simulate runs Monte Carlo replications of a
// Scenario in parallel and summarises them (means with 95 % confidence intervals, daily
// series, a ranked list of bottlenecks). Pure: no I/O and no clock; replication i is seeded
// from (seed, i) alone and results are combined in a fixed order, so the same scenario and
// seed give the same result whatever the number of threads.
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "core/status.h"
#include "simulate/statistics.h"
#include "simulate/types.h"

namespace acogida::simulate {

struct SimulateOptions {
  // Independent runs of the scenario; the confidence intervals narrow as 1/√replications.
  int replications = 10;
  // The run's seed; replication i uses ReplicationSeed(seed, i).
  uint64_t seed = 1;
  // Worker threads; 0: std::thread::hardware_concurrency(). Never more than replications.
  int threads = 0;
  // When set and it becomes true, workers stop after their current replication and Simulate
  // returns Aborted. Not owned.
  const std::atomic<bool>* cancel = nullptr;
};

constexpr int kMaxReplications = 10000;

// One stage at one port. Times in minutes; daily_mean_wait over all replications' services.
struct StageSummary {
  std::string port;
  std::string stage;
  int staff = 0;
  double offered_load = 0;    // arrivals × mean service / (staff × horizon), averaged over replications
  double peak_week_load = 0;  // the same over the busiest 7 days; > 1: the queue grew that week
  Estimate arrivals, mean_wait, p95_wait, mean_queue, max_queue, utilisation, mean_in_system, mean_sojourn,
      waiting_at_end;
  std::vector<double> daily_mean_wait;  // [day]
};

struct SectionSummary {
  std::string shelter;
  std::string section;
  std::string city;
  SectionKind kind = SectionKind::kMen;
  int beds = 0;
  Estimate peak, mean_nightly, nights_full;
  std::vector<double> daily_occupancy;  // [day]: mean beds taken at midnight
};

struct CitySummary {
  std::string city;
  int beds = 0;
  Estimate needed_bed, placed_in_city, placed_elsewhere, without_bed;
  Estimate bus_riders, bus_mean_wait_hours, bus_p95_wait_hours, bus_waiting_at_end;
  std::vector<double> daily_occupancy;  // [day]: mean beds taken at midnight in the city's shelters
};

// Something that limits the system, with `pressure` as demand over capacity (>= 1: demand
// exceeded it). Kinds: "stage" (offered load of its staff in the busiest week), "beds" (a city's shelters: 1 +
// the share of its bed requests not met in the city when any were not, else peak occupancy
// over beds), "buses" (people wanting a seat over seats offered).
struct Bottleneck {
  std::string kind;
  std::string where;  // "Matamoros / registration", "Tijuana", ...
  double pressure = 0;
  std::string reason;  // one sentence for a coordinator
};

struct SimulationResult {
  std::string scenario_name;
  uint64_t seed = 0;
  int replications = 0;
  int days = 0;
  Estimate arrivals, entrants, needed_bed, without_bed, departed, in_system_at_end;
  int64_t events = 0;  // processed over all replications
  std::vector<StageSummary> stages;
  std::vector<SectionSummary> sections;
  std::vector<CitySummary> cities;
  std::vector<double> daily_arrivals;     // [day]: mean over replications
  std::vector<double> daily_without_bed;  // [day]
  std::vector<Multiplier> multipliers;    // the scenario's, for shading surge periods
  std::vector<Bottleneck> bottlenecks;    // highest pressure first; only pressure >= 0.7
};

// Validates `scenario` (InvalidArgument naming the field) and `options` (field
// "replications", "threads"), then runs. `progress`, if set, is called with the share of
// replications done (0 < share <= 1) after each one, from worker threads but never two at
// once. Returns Aborted if options.cancel became true.
StatusOr<SimulationResult> Simulate(const Scenario& scenario, const SimulateOptions& options,
                                    const std::function<void(double progress)>& progress = {});

}  // namespace acogida::simulate
