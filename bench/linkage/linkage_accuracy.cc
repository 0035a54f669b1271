// Accuracy and cost of identity resolution on labelled sets (a program, not a test):
//   febrl1 febrl2 febrl3   -- deduplicate FEBRL dataset1/2/3 with bench/linkage/febrl.json
//   febrl4                 -- link FEBRL dataset4a to dataset4b (one to one), same settings
//   fake1000               -- deduplicate Splink's fake_1000 with bench/linkage/fake_1000.json
//   mx10k mx100k mx1m      -- deduplicate the Mexican generator (seed 42) with the person settings
//   baseline10k baseline100k -- exact match on folded names + birth date, same generated sets
// Prints pairwise precision, recall, F1, candidate pairs, seconds (wall, whole run from the
// in-memory table) and peak RSS. Usage: linkage_accuracy [--threshold P] [--threads N]
// [--refine-above N] SET... (--refine-above overrides the person settings' block refinement).
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <map>
#include <string>

#include "core/names.h"
#include "datasets.h"
#include "linkage/engine.h"
#include "linkage/evaluation.h"
#include "linkage/linker.h"

namespace acogida::linkage::bench {
namespace {

struct Flags {
  std::optional<double> threshold;
  int threads = 2;
  double cohesion = 0.5;
  std::optional<size_t> refine_above;  // overrides the person settings' refine_above
};

void Report(const char* name, size_t records, const RunStatistics& stats, const PairwiseScores& scores,
            double seconds) {
  std::printf("%-13s records %8zu  candidates %10llu  %s  %.3f s  peak RSS %.0f MiB  (em %d it%s)\n", name, records,
              static_cast<unsigned long long>(stats.candidate_pairs), scores.ToString().c_str(), seconds, PeakRssMiB(),
              stats.em_iterations, stats.em_converged ? "" : ", not converged");
  std::printf("              prepare %.3f s, train %.3f s, score %.3f s, cluster %.3f s\n", stats.prepare_seconds,
              stats.train_seconds, stats.score_seconds, stats.cluster_seconds);
  if (std::getenv("LINKAGE_SHOW_BLOCKING") != nullptr) {
    for (const BlockingKeyStats& key : stats.blocking) {
      std::printf("              key %-28s blocks %8zu  largest %6zu  skipped %4zu  new pairs %10llu\n", key.name.c_str(),
                  key.blocks, key.largest_block, key.skipped_blocks, static_cast<unsigned long long>(key.new_pairs));
    }
  }
  std::fflush(stdout);
}

double Since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// Prints up to `limit` missed pairs and `limit` wrongly joined pairs, with explanations.
void ShowErrors(const LabelledTable& data, const Settings& settings, const DedupeResult& result, int limit) {
  auto linker = std::move(Linker::Make(settings, data.table.columns())).value();
  linker->AddTable(data.table, 2);
  linker->SetModel(result.model);
  auto show = [&](const char* kind, uint32_t a, uint32_t b) {
    std::printf("  %s\n", kind);
    for (uint32_t row : {a, b}) {
      std::printf("    ");
      for (const std::string& cell : data.table.Row(row)) std::printf("%s | ", cell.c_str());
      std::printf("\n");
    }
    std::printf("    %s => p=%.3f\n", linker->Explain(a, b).Summary().c_str(), WeightToProbability(linker->Weight(a, b)));
  };
  std::map<int64_t, std::vector<uint32_t>> by_truth;
  std::map<uint32_t, std::vector<uint32_t>> by_cluster;
  for (uint32_t row = 0; row < data.truth.size(); ++row) {
    by_truth[data.truth[row]].push_back(row);
    by_cluster[result.cluster_of[row]].push_back(row);
  }
  int shown = 0;
  for (const auto& [label, rows] : by_truth) {
    for (size_t i = 0; i < rows.size() && shown < limit; ++i) {
      for (size_t j = i + 1; j < rows.size() && shown < limit; ++j) {
        if (result.cluster_of[rows[i]] != result.cluster_of[rows[j]]) show("missed", rows[i], rows[j]), ++shown;
      }
    }
  }
  shown = 0;
  for (const auto& [cluster, rows] : by_cluster) {
    for (size_t i = 0; i < rows.size() && shown < limit; ++i) {
      for (size_t j = i + 1; j < rows.size() && shown < limit; ++j) {
        if (data.truth[rows[i]] != data.truth[rows[j]]) show("joined", rows[i], rows[j]), ++shown;
      }
    }
  }
}

int RunDedupe(const char* name, const LabelledTable& data, const Settings& settings, const Flags& flags) {
  RunOptions options{flags.threshold, flags.cohesion, flags.threads};
  const auto start = std::chrono::steady_clock::now();
  StatusOr<DedupeResult> result = Dedupe(data.table, settings, options);
  const double seconds = Since(start);
  if (!result.ok()) {
    std::fprintf(stderr, "%s: %s\n", name, result.status().ToString().c_str());
    return 1;
  }
  Report(name, data.table.rows(), result->stats, ScoreClusters(result->cluster_of, data.truth), seconds);
  if (const char* show = std::getenv("LINKAGE_SHOW_ERRORS")) ShowErrors(data, settings, *result, std::atoi(show));
  if (std::getenv("LINKAGE_SHOW_MODEL") != nullptr) {
    std::printf("  lambda %.5f\n", result->model.match_share);
    for (const ComparisonParameters& params : result->model.comparisons) {
      std::printf("  %-16s", params.name.c_str());
      for (size_t level = 0; level < params.m.size(); ++level) {
        std::printf(" %s m=%.3f u=%.4f;", params.levels[level].c_str(), params.m[level], params.u[level]);
      }
      std::printf("\n");
    }
  }
  return 0;
}

int RunFebrl4(const Settings& settings, const Flags& flags) {
  StatusOr<LabelledTable> left = LoadFebrl("dataset4a.csv");
  StatusOr<LabelledTable> right = LoadFebrl("dataset4b.csv");
  if (!left.ok() || !right.ok()) {
    std::fprintf(stderr, "febrl4: %s\n", (!left.ok() ? left.status() : right.status()).ToString().c_str());
    return 1;
  }
  RunOptions options{flags.threshold, flags.cohesion, flags.threads};
  const auto start = std::chrono::steady_clock::now();
  StatusOr<LinkResult> result = LinkTables(left->table, right->table, settings, options, Matching::kOneToOne);
  const double seconds = Since(start);
  if (!result.ok()) {
    std::fprintf(stderr, "febrl4: %s\n", result.status().ToString().c_str());
    return 1;
  }
  std::vector<std::pair<uint32_t, uint32_t>> pairs;
  for (const ScoredPair& pair : result->pairs) pairs.emplace_back(pair.a, pair.b);
  Report("febrl4", left->table.rows() + right->table.rows(), result->stats,
         ScoreLinks(pairs, left->truth, right->truth), seconds);
  return 0;
}

// Exact matching on folded given names, both surnames and the birth date as written.
int RunBaseline(const char* name, const LabelledTable& data) {
  const auto start = std::chrono::steady_clock::now();
  std::map<std::string, uint32_t> first_with_key;
  std::vector<uint32_t> cluster_of(data.table.rows());
  for (size_t row = 0; row < data.table.rows(); ++row) {
    const std::string key = FoldName(data.table.Cell(row, 1)) + '|' + FoldName(data.table.Cell(row, 2)) + '|' +
                            FoldName(data.table.Cell(row, 3)) + '|' + data.table.Cell(row, 5);
    cluster_of[row] = first_with_key.emplace(key, static_cast<uint32_t>(row)).first->second;
  }
  const double seconds = Since(start);
  Report(name, data.table.rows(), RunStatistics{}, ScoreClusters(cluster_of, data.truth), seconds);
  return 0;
}

int Run(const std::string& set, const Flags& flags) {
  if (set.rfind("febrl", 0) == 0 || set == "fake1000") {
    const std::string settings_file = SettingsDir() + (set == "fake1000" ? "/fake_1000.json" : "/febrl.json");
    StatusOr<Settings> settings = LoadSettings(settings_file);
    if (!settings.ok()) {
      std::fprintf(stderr, "%s: %s\n", settings_file.c_str(), settings.status().ToString().c_str());
      return 1;
    }
    if (set == "febrl4") return RunFebrl4(*settings, flags);
    StatusOr<LabelledTable> data =
        set == "fake1000" ? LoadFake1000() : LoadFebrl("dataset" + set.substr(5) + ".csv");
    if (!data.ok()) {
      std::fprintf(stderr, "%s: %s\n", set.c_str(), data.status().ToString().c_str());
      return 1;
    }
    return RunDedupe(set.c_str(), *data, *settings, flags);
  }
  const std::map<std::string, int> sizes = {{"mx10k", 10000},     {"mx100k", 100000},     {"mx1m", 1000000},
                                            {"baseline10k", 10000}, {"baseline100k", 100000}, {"mx2k", 2000}};
  auto size = sizes.find(set);
  if (size == sizes.end()) {
    std::fprintf(stderr, "unknown set %s\n", set.c_str());
    return 2;
  }
  const LabelledTable data = Generated(42, size->second);
  if (set.rfind("baseline", 0) == 0) return RunBaseline(set.c_str(), data);
  Settings settings = DefaultPersonSettings();
  if (flags.refine_above) settings.refine_above = *flags.refine_above;
  return RunDedupe(set.c_str(), data, settings, flags);
}

}  // namespace
}  // namespace acogida::linkage::bench

int main(int argc, char** argv) {
  using namespace acogida::linkage::bench;
  Flags flags;
  std::vector<std::string> sets;
  for (int idx = 1; idx < argc; ++idx) {
    if (std::strcmp(argv[idx], "--threshold") == 0 && idx + 1 < argc) {
      flags.threshold = std::atof(argv[++idx]);
    } else if (std::strcmp(argv[idx], "--threads") == 0 && idx + 1 < argc) {
      flags.threads = std::atoi(argv[++idx]);
    } else if (std::strcmp(argv[idx], "--refine-above") == 0 && idx + 1 < argc) {
      flags.refine_above = static_cast<size_t>(std::atoll(argv[++idx]));
    } else if (std::strcmp(argv[idx], "--cohesion") == 0 && idx + 1 < argc) {
      flags.cohesion = std::atof(argv[++idx]);
    } else {
      sets.push_back(argv[idx]);
    }
  }
  if (sets.empty()) sets = {"febrl1", "febrl2", "febrl3", "febrl4", "fake1000", "baseline10k", "mx10k"};
  int rc = 0;
  for (const std::string& set : sets) rc |= Run(set, flags);
  return rc;
}
