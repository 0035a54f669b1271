// Dedupe and LinkTables on top of Linker, CandidatePairs and ClusterRecords.
#include "linkage/engine.h"

#include <algorithm>
#include <chrono>

#include "linkage/linker.h"

namespace acogida::linkage {
namespace {

double SecondsSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// Scores every candidate pair and keeps those at or above `threshold_weight`.
std::vector<ScoredPair> ScoreCandidates(const Linker& linker, const CandidatePairs& candidates, int threads,
                                        double threshold_weight, uint64_t& pairs_scored,
                                        std::vector<BlockingKeyStats>& stats) {
  std::vector<std::vector<ScoredPair>> kept(static_cast<size_t>(std::max(threads, 1)));
  std::vector<uint64_t> scored(kept.size(), 0);
  stats = candidates.ForEach(threads, 1, [&](int worker, uint32_t a, uint32_t b) {
    const double weight = linker.Weight(a, b, threshold_weight);
    ++scored[static_cast<size_t>(worker)];
    if (weight >= threshold_weight) kept[static_cast<size_t>(worker)].push_back({a, b, static_cast<float>(weight)});
  });
  for (size_t key_idx = 0; key_idx < stats.size(); ++key_idx) stats[key_idx].name = linker.blocker().key_name(key_idx);
  std::vector<ScoredPair> all = std::move(kept[0]);
  for (size_t worker = 1; worker < kept.size(); ++worker) all.insert(all.end(), kept[worker].begin(), kept[worker].end());
  std::sort(all.begin(), all.end(), [](const ScoredPair& x, const ScoredPair& y) {
    return x.a != y.a ? x.a < y.a : x.b < y.b;
  });
  pairs_scored = 0;
  for (uint64_t count : scored) pairs_scored += count;
  return all;
}

}  // namespace

StatusOr<DedupeResult> Dedupe(const Table& table, const Settings& settings, const RunOptions& options) {
  const double threshold = options.threshold.value_or(settings.threshold);
  if (!(threshold > 0 && threshold < 1)) return InvalidArgument("threshold", "must be between 0 and 1 (exclusive)");
  DedupeResult result;
  auto start = std::chrono::steady_clock::now();
  ASSIGN_OR_RETURN(std::unique_ptr<Linker> linker, Linker::Make(settings, table.columns()));
  linker->AddTable(table, options.threads);
  result.stats.records = table.rows();
  result.stats.prepare_seconds = SecondsSince(start);

  start = std::chrono::steady_clock::now();
  Status trained = OkStatus();
  {
    // Trained on whole blocks, scored on refined ones (see Linker::Candidates).
    CandidatePairs training = linker->Candidates({}, Linker::Refine::kNever, options.threads);
    trained = linker->Train(training, options.threads, &result.stats.training_pairs);
  }
  CandidatePairs candidates = linker->Candidates({}, Linker::Refine::kLargeBlocks, options.threads);
  if (!trained.ok() && trained.code() != StatusCode::kFailedPrecondition) return trained;
  result.model = linker->model();
  result.stats.em_iterations = result.model.em_iterations;
  result.stats.em_converged = result.model.converged;
  result.stats.train_seconds = SecondsSince(start);

  start = std::chrono::steady_clock::now();
  if (trained.ok()) {
    result.links = ScoreCandidates(*linker, candidates, options.threads, ProbabilityToWeight(threshold),
                                   result.stats.candidate_pairs, result.stats.blocking);
  }
  result.stats.score_seconds = SecondsSince(start);

  start = std::chrono::steady_clock::now();
  ClusterOptions cluster_options;
  cluster_options.threshold = threshold;
  cluster_options.cohesion = options.cohesion;
  result.cluster_of = ClusterRecords(
      table.rows(), result.links,
      [&](uint32_t a, uint32_t b) { return WeightToProbability(linker->Weight(a, b)); }, cluster_options);
  for (size_t row = 0; row < result.cluster_of.size(); ++row) result.stats.clusters += result.cluster_of[row] == row;
  result.stats.cluster_seconds = SecondsSince(start);
  return result;
}

StatusOr<LinkResult> LinkTables(const Table& left, const Table& right, const Settings& settings,
                                const RunOptions& options, Matching matching) {
  const double threshold = options.threshold.value_or(settings.threshold);
  if (!(threshold > 0 && threshold < 1)) return InvalidArgument("threshold", "must be between 0 and 1 (exclusive)");
  if (left.columns() != right.columns()) return InvalidArgument("columns", "both tables need the same columns");
  LinkResult result;
  auto start = std::chrono::steady_clock::now();
  ASSIGN_OR_RETURN(std::unique_ptr<Linker> linker, Linker::Make(settings, left.columns()));
  linker->AddTable(left, options.threads);
  linker->AddTable(right, options.threads);
  std::vector<uint8_t> sources(left.rows() + right.rows(), 1);
  std::fill(sources.begin(), sources.begin() + static_cast<std::ptrdiff_t>(left.rows()), 0);
  result.stats.records = left.rows() + right.rows();
  result.stats.prepare_seconds = SecondsSince(start);

  start = std::chrono::steady_clock::now();
  {
    // Trained on whole blocks, scored on refined ones (see Linker::Candidates).
    CandidatePairs training = linker->Candidates(sources, Linker::Refine::kNever, options.threads);
    RETURN_IF_ERROR(linker->Train(training, options.threads, &result.stats.training_pairs));
  }
  CandidatePairs candidates = linker->Candidates(std::move(sources), Linker::Refine::kLargeBlocks, options.threads);
  result.model = linker->model();
  result.stats.em_iterations = result.model.em_iterations;
  result.stats.em_converged = result.model.converged;
  result.stats.train_seconds = SecondsSince(start);

  start = std::chrono::steady_clock::now();
  std::vector<ScoredPair> pairs = ScoreCandidates(*linker, candidates, options.threads, ProbabilityToWeight(threshold),
                                                  result.stats.candidate_pairs, result.stats.blocking);
  const uint32_t offset = static_cast<uint32_t>(left.rows());
  for (ScoredPair& pair : pairs) pair.b -= offset;  // a < b always holds: left rows come first
  if (matching == Matching::kOneToOne) {
    std::stable_sort(pairs.begin(), pairs.end(), [](const ScoredPair& x, const ScoredPair& y) { return x.weight > y.weight; });
    std::vector<char> left_used(left.rows(), 0), right_used(right.rows(), 0);
    std::vector<ScoredPair> kept;
    for (const ScoredPair& pair : pairs) {
      if (left_used[pair.a] || right_used[pair.b]) continue;
      left_used[pair.a] = right_used[pair.b] = 1;
      kept.push_back(pair);
    }
    pairs = std::move(kept);
  }
  result.pairs = std::move(pairs);
  result.stats.score_seconds = SecondsSince(start);
  return result;
}

}  // namespace acogida::linkage
