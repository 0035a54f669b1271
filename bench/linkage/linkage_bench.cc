// Speed of identity resolution (Google Benchmark; accuracy is linkage_accuracy's job):
//   BM_DedupeFebrl3        -- whole unsupervised deduplication of FEBRL dataset3 (5,000 records):
//                             prepare, block, EM, score, cluster
//   BM_DedupeGenerated/N   -- the same on N generated Mexican persons (about 2.1 N records)
//   BM_QueryIndex/N        -- one new record against an index of N generated persons: block
//                             lookups, scoring, ranking, explanations of the top 10
//   BM_AddToIndex/N        -- adding one record to that index
// Counters: records, candidate pairs, F1 where the truth is known, peak RSS (MiB) of the
// process so far. Run: build/bench/linkage/linkage_bench --benchmark_filter=... (see
// bench/RESULTS.md for the commands behind each figure).
#include <benchmark/benchmark.h>

#include <map>
#include <memory>

#include "datasets.h"
#include "linkage/engine.h"
#include "linkage/evaluation.h"
#include "linkage/record_index.h"
#include "synth/corruption.h"
#include "synth/linkage_set.h"
#include "synth/rng.h"

namespace acogida::linkage::bench {
namespace {

constexpr uint64_t kSeed = 42;

const LabelledTable& GeneratedSet(int persons) {
  static std::map<int, std::unique_ptr<LabelledTable>> cache;
  auto& slot = cache[persons];
  if (!slot) slot = std::make_unique<LabelledTable>(Generated(kSeed, persons));
  return *slot;
}

void RunDedupe(benchmark::State& state, const LabelledTable& data, const Settings& settings) {
  double f1 = 0;
  uint64_t candidates = 0;
  for (auto _ : state) {
    auto result = Dedupe(data.table, settings, RunOptions{});
    if (!result.ok()) {
      state.SkipWithError(result.status().ToString().c_str());
      return;
    }
    candidates = result->stats.candidate_pairs;
    state.PauseTiming();
    f1 = ScoreClusters(result->cluster_of, data.truth).f1();
    state.ResumeTiming();
  }
  state.counters["records"] = static_cast<double>(data.table.rows());
  state.counters["candidates"] = static_cast<double>(candidates);
  state.counters["F1"] = f1;
  state.counters["peak_rss_MiB"] = PeakRssMiB();
}

void BM_DedupeFebrl3(benchmark::State& state) {
  static StatusOr<LabelledTable> data = LoadFebrl("dataset3.csv");
  static StatusOr<Settings> settings = LoadSettings(SettingsDir() + "/febrl.json");
  if (!data.ok() || !settings.ok()) {
    state.SkipWithError("FEBRL data or settings not found");
    return;
  }
  RunDedupe(state, *data, *settings);
}
BENCHMARK(BM_DedupeFebrl3)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_DedupeGenerated(benchmark::State& state) {
  RunDedupe(state, GeneratedSet(static_cast<int>(state.range(0))), DefaultPersonSettings());
}
BENCHMARK(BM_DedupeGenerated)->Arg(10000)->Arg(100000)->Arg(1000000)->Unit(benchmark::kSecond)->UseRealTime()->Iterations(1);

// An index over the generated set, trained once per size.
RecordIndex& IndexOf(int persons) {
  static std::map<int, std::unique_ptr<RecordIndex>> cache;
  auto& slot = cache[persons];
  if (!slot) {
    const LabelledTable& data = GeneratedSet(persons);
    slot = std::move(RecordIndex::Make(DefaultPersonSettings(), data.table.columns())).value();
    slot->AddTable(data.table, 2);
    if (!slot->Train(2).ok()) std::abort();
  }
  return *slot;
}

void BM_QueryIndex(benchmark::State& state) {
  const int persons = static_cast<int>(state.range(0));
  const LabelledTable& data = GeneratedSet(persons);
  RecordIndex& index = IndexOf(persons);
  // Queries: new corrupted copies of registered persons, as intake would type them.
  synth::Rng rng(kSeed + 1);
  std::vector<std::vector<std::string>> queries;
  for (int idx = 0; idx < 1000; ++idx) {
    const auto row = data.table.Row(rng.Uniform<size_t>(0, data.table.rows() - 1));
    std::vector<std::string> query(row.begin(), row.end());
    if (rng.Chance(0.5)) query[3].clear();                       // no maternal surname
    if (rng.Chance(0.3) && query[5].size() > 4) query[5].resize(4);  // year only
    if (rng.Chance(0.5)) query[7].clear();                       // no CURP
    queries.push_back(std::move(query));
  }
  size_t next = 0, scored = 0, queries_run = 0;
  for (auto _ : state) {
    QueryStatistics stats;
    auto found = index.Query(queries[next], QueryOptions{}, &stats);
    benchmark::DoNotOptimize(found);
    scored += stats.candidates_scored;
    ++queries_run;
    next = (next + 1) % queries.size();
  }
  state.counters["records"] = static_cast<double>(index.size());
  state.counters["scored_per_query"] = static_cast<double>(scored) / static_cast<double>(std::max<size_t>(queries_run, 1));
  state.counters["peak_rss_MiB"] = PeakRssMiB();
}
BENCHMARK(BM_QueryIndex)->Arg(10000)->Arg(100000)->Arg(1000000)->Unit(benchmark::kMicrosecond);

void BM_AddToIndex(benchmark::State& state) {
  RecordIndex& index = IndexOf(static_cast<int>(state.range(0)));
  const LabelledTable& data = GeneratedSet(static_cast<int>(state.range(0)));
  size_t next = 0;
  for (auto _ : state) {
    index.Add(data.table.Row(next));
    next = (next + 1) % data.table.rows();
  }
  state.counters["records"] = static_cast<double>(index.size());
}
BENCHMARK(BM_AddToIndex)->Arg(100000)->Unit(benchmark::kMicrosecond)->Iterations(20000);

}  // namespace
}  // namespace acogida::linkage::bench

BENCHMARK_MAIN();
