// Simulate: replications on a pool of std::threads taking indices from an atomic counter.
// Each replication's daily series are added into integer sums at once (integer addition is
// exact in any order) and its small per-stage, per-section and per-city figures are kept by
// index, so memory does not grow with arrivals and the summary does not depend on which
// thread finished first.
#include "simulate/simulate.h"

#include <algorithm>
#include <mutex>
#include <thread>

#include "simulate/bottlenecks.h"
#include "simulate/model.h"
#include "simulate/replication.h"
#include "simulate/rng.h"

namespace acogida::simulate {
namespace {

// Integer sums of the replications' daily series.
struct DailySums {
  std::vector<int64_t> arrivals, without_bed, occupancy, stage_arrivals, served, wait_seconds;

  void Add(const ReplicationResult& result) {
    auto add = [](std::vector<int64_t>& sum, const auto& values) {
      if (sum.empty()) sum.assign(values.size(), 0);
      for (size_t index = 0; index < values.size(); ++index) sum[index] += values[index];
    };
    add(arrivals, result.daily_arrivals);
    add(without_bed, result.daily_without_bed);
    add(occupancy, result.daily_occupancy);
    add(stage_arrivals, result.daily_stage_arrivals);
    add(served, result.daily_served);
    add(wait_seconds, result.daily_wait_seconds);
  }
};

// The estimate of `measure` over replications.
template <typename Measure>
Estimate Over(const std::vector<ReplicationResult>& runs, Measure measure) {
  std::vector<double> values;
  values.reserve(runs.size());
  for (const ReplicationResult& run : runs) values.push_back(static_cast<double>(measure(run)));
  return Summarise(values);
}

double MeanService(const Distribution& d) {
  return d.kind == DistributionKind::kUniform ? (d.min + d.max) / 2 : d.mean;
}

SimulationResult SummariseRuns(const Scenario& scenario, const Model& model, const SimulateOptions& options,
                           const std::vector<ReplicationResult>& runs, const DailySums& sums) {
  SimulationResult result;
  result.scenario_name = scenario.name;
  result.seed = options.seed;
  result.replications = runs.size();
  result.days = model.days;
  result.multipliers = scenario.multipliers;
  const double count = runs.size();
  result.arrivals = Over(runs, [](const ReplicationResult& r) { return r.arrivals; });
  result.entrants = Over(runs, [](const ReplicationResult& r) { return r.entrants; });
  result.needed_bed = Over(runs, [](const ReplicationResult& r) { return r.needed_bed; });
  result.without_bed = Over(runs, [](const ReplicationResult& r) { return r.without_bed; });
  result.departed = Over(runs, [](const ReplicationResult& r) { return r.departed; });
  result.in_system_at_end = Over(runs, [](const ReplicationResult& r) { return r.in_system_at_end; });
  for (const ReplicationResult& run : runs) result.events += run.events;
  for (int day = 0; day < model.days; ++day) {
    result.daily_arrivals.push_back(sums.arrivals[day] / count);
    result.daily_without_bed.push_back(sums.without_bed[day] / count);
  }

  const size_t stage_count = model.stage_instances.size();
  for (size_t i = 0; i < stage_count; ++i) {
    const StageInstance& instance = model.stage_instances[i];
    StageSummary stage;
    stage.port = scenario.ports[instance.port].id;
    stage.stage = scenario.stages[instance.stage].id;
    stage.staff = instance.staff;
    auto of = [&](auto field) { return Over(runs, [&](const ReplicationResult& r) { return r.stages[i].*field; }); };
    stage.arrivals = of(&StageStats::arrivals);
    stage.mean_wait = of(&StageStats::mean_wait);
    stage.p95_wait = of(&StageStats::p95_wait);
    stage.mean_queue = of(&StageStats::mean_queue);
    stage.max_queue = of(&StageStats::max_queue);
    stage.utilisation = of(&StageStats::utilisation);
    stage.mean_in_system = of(&StageStats::mean_in_system);
    stage.mean_sojourn = of(&StageStats::mean_sojourn);
    stage.waiting_at_end = of(&StageStats::waiting_at_end);
    const double work_per_arrival = MeanService(instance.service) / instance.staff;
    stage.offered_load = stage.arrivals.mean * work_per_arrival / model.horizon_minutes;
    // The busiest week (or the whole run if shorter): a sliding sum of daily arrivals.
    const int week = std::min(7, model.days);
    int64_t window = 0;
    for (int day = 0; day < model.days; ++day) {
      const size_t cell = day * stage_count + i;
      stage.daily_mean_wait.push_back(sums.served[cell] ? sums.wait_seconds[cell] / 60.0 / sums.served[cell] : 0);
      window += sums.stage_arrivals[cell];
      if (day >= week) window -= sums.stage_arrivals[(day - week) * stage_count + i];
      if (day >= week - 1) {
        const double load = window / count * work_per_arrival / (week * kMinutesPerDay);
        stage.peak_week_load = std::max(stage.peak_week_load, load);
      }
    }
    result.stages.push_back(std::move(stage));
  }

  const size_t section_count = model.sections.size();
  result.cities.resize(scenario.cities.size());
  for (size_t city = 0; city < scenario.cities.size(); ++city) {
    CitySummary& summary = result.cities[city];
    summary.city = scenario.cities[city].id;
    summary.daily_occupancy.assign(model.days, 0);
    auto of = [&](auto field) { return Over(runs, [&](const ReplicationResult& r) { return r.cities[city].*field; }); };
    auto bus = [&](auto field) { return Over(runs, [&](const ReplicationResult& r) { return r.buses[city].*field; }); };
    summary.needed_bed = of(&CityStats::needed_bed);
    summary.placed_in_city = of(&CityStats::placed_in_city);
    summary.placed_elsewhere = of(&CityStats::placed_elsewhere);
    summary.without_bed = of(&CityStats::without_bed);
    summary.bus_riders = bus(&BusStats::riders);
    summary.bus_mean_wait_hours = bus(&BusStats::mean_wait);
    summary.bus_p95_wait_hours = bus(&BusStats::p95_wait);
    summary.bus_waiting_at_end = bus(&BusStats::waiting_at_end);
  }
  for (size_t i = 0; i < section_count; ++i) {
    const SectionRef& ref = model.sections[i];
    SectionSummary section;
    section.shelter = scenario.shelters[ref.shelter].id;
    section.section = scenario.shelters[ref.shelter].sections[ref.index].id;
    section.city = scenario.cities[ref.city].id;
    section.kind = ref.kind;
    section.beds = ref.beds;
    auto of = [&](auto field) { return Over(runs, [&](const ReplicationResult& r) { return r.sections[i].*field; }); };
    section.peak = of(&SectionStats::peak);
    section.mean_nightly = of(&SectionStats::mean_nightly);
    section.nights_full = of(&SectionStats::nights_full);
    CitySummary& city = result.cities[ref.city];
    city.beds += ref.beds;
    for (int day = 0; day < model.days; ++day) {
      const double mean = sums.occupancy[day * section_count + i] / count;
      section.daily_occupancy.push_back(mean);
      city.daily_occupancy[day] += mean;
    }
    result.sections.push_back(std::move(section));
  }
  result.bottlenecks = RankBottlenecks(scenario, result);
  return result;
}

}  // namespace

StatusOr<SimulationResult> Simulate(const Scenario& scenario, const SimulateOptions& options,
                                    const std::function<void(double progress)>& progress) {
  if (options.replications < 1 || options.replications > kMaxReplications) {
    return InvalidArgument("replications", "must be between 1 and " + std::to_string(kMaxReplications));
  }
  if (options.threads < 0 || options.threads > 1024) return InvalidArgument("threads", "must be between 0 and 1024");
  ASSIGN_OR_RETURN(const Model model, BuildModel(scenario));

  int threads = options.threads > 0 ? options.threads : static_cast<int>(std::thread::hardware_concurrency());
  threads = std::clamp(threads, 1, options.replications);

  std::vector<ReplicationResult> runs(options.replications);
  DailySums sums;
  std::mutex mutex;  // guards sums, done and the progress callback
  int done = 0;
  std::atomic<int> next{0};
  std::atomic<bool> cancelled{false};
  auto work = [&]() {
    while (true) {
      if (options.cancel && options.cancel->load()) {
        cancelled = true;
        return;
      }
      const int replication = next.fetch_add(1);
      if (replication >= options.replications) return;
      ReplicationResult run = RunReplication(model, ReplicationSeed(options.seed, replication));
      std::lock_guard<std::mutex> lock(mutex);
      sums.Add(run);
      // The daily series are in the sums now; keep only the small figures (swap, not `= {}`,
      // which keeps the capacity).
      std::vector<int32_t>().swap(run.daily_arrivals);
      std::vector<int32_t>().swap(run.daily_without_bed);
      std::vector<int32_t>().swap(run.daily_occupancy);
      std::vector<int32_t>().swap(run.daily_stage_arrivals);
      std::vector<int32_t>().swap(run.daily_served);
      std::vector<int64_t>().swap(run.daily_wait_seconds);
      runs[replication] = std::move(run);
      ++done;
      if (progress) progress(static_cast<double>(done) / options.replications);
    }
  };
  std::vector<std::thread> pool;
  for (int thread = 1; thread < threads; ++thread) pool.emplace_back(work);
  work();
  for (std::thread& thread : pool) thread.join();
  if (cancelled) return Aborted("the simulation was cancelled");
  return SummariseRuns(scenario, model, options, runs, sums);
}

}  // namespace acogida::simulate
