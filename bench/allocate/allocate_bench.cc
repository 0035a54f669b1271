// Speed of bed allocation (Google Benchmark; quality is allocate_compare's job):
//   BM_AllocateBeds/G/S/L   -- AllocateBeds on a generated instance of G groups, S shelters,
//                              load L % (people over free beds): relaxation, rounding, search
//   BM_AllocateGreedy/G/S/L -- the coordinators' greedy on the same instance
//   BM_OnlinePlace/G/S      -- OnlinePlacer::Place of one arriving group against S shelters,
//                              with the bed prices of a batch of G groups (the placer is
//                              rebuilt, untimed, whenever the arrivals run out)
// Counters: gap_pct (objective above the relaxation's bound), unplaced (people), peak RSS
// (MiB) of the process so far. Run: build/bench/allocate/allocate_bench (see RESULTS.md).
#include <benchmark/benchmark.h>
#include <sys/resource.h>

#include <map>
#include <memory>
#include <tuple>

#include "allocate/allocate.h"
#include "allocate/instance_generator.h"
#include "allocate/online.h"

namespace acogida::allocate {
namespace {

double PeakRssMiB() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss / 1024.0;
}

const Problem& Instance(int groups, int shelters, int load_percent, uint64_t seed = 42) {
  static std::map<std::tuple<int, int, int, uint64_t>, std::unique_ptr<Problem>> cache;
  auto& slot = cache[{groups, shelters, load_percent, seed}];
  if (!slot) slot = std::make_unique<Problem>(GenerateInstance({groups, shelters, load_percent / 100.0, seed}));
  return *slot;
}

void BM_AllocateBeds(benchmark::State& state) {
  const Problem& problem = Instance(state.range(0), state.range(1), state.range(2));
  Placement last;
  for (auto _ : state) {
    auto placement = AllocateBeds(problem);
    if (!placement.ok()) state.SkipWithError(placement.status().ToString().c_str());
    last = std::move(placement).value();
  }
  state.counters["gap_pct"] = 100.0 * (last.cost - last.lower_bound) / last.lower_bound;
  state.counters["unplaced"] = last.unplaced_people;
  state.counters["arcs"] = static_cast<double>(last.stats.arcs);
  state.counters["peak_rss_MiB"] = PeakRssMiB();
}
BENCHMARK(BM_AllocateBeds)
    ->Args({1000, 50, 95})->Args({1000, 50, 110})->Args({10000, 500, 95})->Args({10000, 500, 110})
    ->Unit(benchmark::kMillisecond);

void BM_AllocateGreedy(benchmark::State& state) {
  const Problem& problem = Instance(state.range(0), state.range(1), state.range(2));
  for (auto _ : state) benchmark::DoNotOptimize(AllocateGreedy(problem));
}
BENCHMARK(BM_AllocateGreedy)
    ->Args({1000, 50, 95})->Args({10000, 500, 95})->Args({10000, 500, 110})
    ->Unit(benchmark::kMillisecond);

void BM_OnlinePlace(benchmark::State& state) {
  const Problem& batch = Instance(state.range(0), state.range(1), 95);
  auto planned = AllocateBeds(batch);
  if (!planned.ok()) {
    state.SkipWithError(planned.status().ToString().c_str());
    return;
  }
  // Arrivals drawn from another seed: the forecast is not the day.
  const Problem& arrivals = Instance(state.range(0), state.range(1), 95, 43);
  std::unique_ptr<OnlinePlacer> placer;
  size_t next = arrivals.groups.size();
  int placed = 0;
  for (auto _ : state) {
    if (next == arrivals.groups.size()) {
      state.PauseTiming();
      placer = std::make_unique<OnlinePlacer>(OnlinePlacer::Make(batch.shelters, planned->bed_price).value());
      next = 0;
      state.ResumeTiming();
    }
    auto result = placer->Place(arrivals.groups[next++]);
    placed += result.ok() && result->shelter >= 0;
  }
  state.counters["placed"] = placed;
}
BENCHMARK(BM_OnlinePlace)->Args({1000, 50})->Args({10000, 500})->Unit(benchmark::kMicrosecond);

}  // namespace
}  // namespace acogida::allocate

BENCHMARK_MAIN();
