// Preparing records (in parallel over comparisons), training, and weighing pairs.
#include "linkage/linker.h"

#include <algorithm>
#include <atomic>
#include <numeric>
#include <thread>

namespace acogida::linkage {
namespace {

// Runs task(i) for i in [0, count) on up to `threads` threads.
template <typename Task>
void RunTasks(size_t count, int threads, const Task& task) {
  std::atomic<size_t> next{0};
  auto work = [&] {
    for (size_t idx = next.fetch_add(1); idx < count; idx = next.fetch_add(1)) task(idx);
  };
  const size_t workers = std::min<size_t>(static_cast<size_t>(std::max(threads, 1)), count);
  if (workers <= 1) {
    work();
    return;
  }
  std::vector<std::thread> pool;
  for (size_t worker = 0; worker < workers; ++worker) pool.emplace_back(work);
  for (std::thread& thread : pool) thread.join();
}

}  // namespace

StatusOr<std::unique_ptr<Linker>> Linker::Make(const Settings& settings, const std::vector<std::string>& columns) {
  std::unique_ptr<Linker> linker(new Linker());
  linker->settings_ = settings;
  linker->columns_ = columns;
  if (settings.comparisons.empty()) return InvalidArgument("comparisons", "at least one comparison is needed");
  if (settings.blocking.empty()) return InvalidArgument("blocking", "at least one blocking key is needed");
  if (!(settings.threshold > 0 && settings.threshold < 1)) {
    return InvalidArgument("threshold", "must be a probability between 0 and 1 (exclusive)");
  }
  const bool allow_missing = settings.missing_columns_are_unknown;
  for (const ComparisonSettings& comparison_settings : settings.comparisons) {
    if (!allow_missing) {
      for (const std::string& column : comparison_settings.columns) {
        if (column.empty()) continue;
        if (std::find(columns.begin(), columns.end(), column) == columns.end()) {
          return InvalidArgument("comparisons." + comparison_settings.name,
                                 "names a column the input does not have: '" + column + "'");
        }
      }
    }
    ASSIGN_OR_RETURN(std::unique_ptr<Comparison> comparison, MakeComparison(comparison_settings, columns));
    linker->prepared_.push_back(comparison->NewColumn());
    linker->term_frequency_.push_back(comparison_settings.term_frequency);
    linker->comparisons_.push_back(std::move(comparison));
  }
  // The refinement's parts are hashed as one more key, after the settings' keys.
  std::vector<BlockingKey> keys = settings.blocking;
  if (!settings.refine_parts.empty() && settings.refine_above >= 2) {
    keys.push_back({"refine_parts", settings.refine_parts});
    linker->refinement_ = BlockRefinement{settings.blocking.size(), settings.refine_above};
  }
  ASSIGN_OR_RETURN(linker->blocker_, Blocker::Make(keys, columns, allow_missing));
  std::vector<ComparisonParameters> parameters;
  for (size_t idx = 0; idx < linker->comparisons_.size(); ++idx) {
    const Comparison& comparison = *linker->comparisons_[idx];
    const ComparisonSettings& comparison_settings = settings.comparisons[idx];
    const size_t levels = comparison.levels().size();
    ComparisonParameters params{comparison.name(), comparison.levels(), comparison_settings.m, comparison_settings.u};
    if (params.m.empty() && params.u.empty()) {
      // A flat guess: strongest agreement for, the rest evenly against.
      for (size_t level = 0; level < levels; ++level) {
        params.m.push_back(level == 0 ? 0.9 : 0.1 / static_cast<double>(levels - 1));
        params.u.push_back(level + 1 == levels ? 0.9 : 0.1 / static_cast<double>(levels - 1));
      }
    }
    if (params.m.size() != levels || params.u.size() != levels) {
      return InvalidArgument("comparisons." + comparison.name(),
                             "default m and u need one value per level (" + std::to_string(levels) + ")");
    }
    for (size_t level = 0; level < levels; ++level) {
      if (!(params.m[level] > 0 && params.m[level] <= 1 && params.u[level] > 0 && params.u[level] <= 1)) {
        return InvalidArgument("comparisons." + comparison.name(), "default m and u must be in (0, 1]");
      }
    }
    std::vector<bool> veto(levels, false);
    for (const std::string& name : comparison_settings.veto_levels) {
      const auto found = std::find(comparison.levels().begin(), comparison.levels().end(), name);
      if (found == comparison.levels().end()) {
        return InvalidArgument("comparisons." + comparison.name(), "has no level '" + name + "' to veto");
      }
      veto[static_cast<size_t>(found - comparison.levels().begin())] = true;
    }
    linker->veto_.push_back(std::move(veto));
    parameters.push_back(std::move(params));
  }
  FsModel model;
  model.comparisons = std::move(parameters);
  linker->default_model_ = model;
  linker->SetModel(std::move(model));
  return linker;
}

void Linker::AddTable(const Table& table, int threads) {
  const size_t first = size();
  const size_t rows = table.rows();
  const size_t key_count = blocker_.key_count();
  hashes_.resize((first + rows) * key_count);
  // The blocking hashes in two chunks per thread (each with its own cache of transformed
  // names), first: they are the longest work; then one task per comparison column.
  const size_t hash_tasks = 2 * static_cast<size_t>(std::max(threads, 1));
  const size_t hash_chunk = (rows + hash_tasks - 1) / hash_tasks;
  RunTasks(hash_tasks + comparisons_.size(), threads, [&](size_t task) {
    if (task >= hash_tasks) {
      const size_t idx = task - hash_tasks;
      for (size_t row = 0; row < rows; ++row) comparisons_[idx]->Append(*prepared_[idx], table.Row(row));
      return;
    }
    const size_t begin = std::min(rows, task * hash_chunk);
    const size_t end = std::min(rows, begin + hash_chunk);
    Blocker::Cache cache;
    for (size_t row = begin; row < end; ++row) {
      blocker_.Hashes(table.Row(row), &hashes_[(first + row) * key_count], &cache);
    }
  });
}

uint32_t Linker::Add(std::span<const std::string> row) {
  const size_t index = size();
  for (size_t idx = 0; idx < comparisons_.size(); ++idx) comparisons_[idx]->Append(*prepared_[idx], row);
  hashes_.resize(hashes_.size() + blocker_.key_count());
  blocker_.Hashes(row, &hashes_[index * blocker_.key_count()]);
  return static_cast<uint32_t>(index);
}

CandidatePairs Linker::Candidates(std::vector<uint8_t> sources, Refine refine, int threads) const {
  std::optional<BlockRefinement> refinement = refinement_;
  if (refinement && refine == Refine::kNever) refinement->above = SIZE_MAX;  // its slot is still not a key
  return CandidatePairs(hashes_, blocker_.key_count(), settings_.max_block_size, std::move(sources), refinement,
                        threads);
}

Probe Linker::Prepare(std::span<const std::string> row) const {
  Probe probe;
  for (const auto& comparison : comparisons_) {
    probe.columns.push_back(comparison->NewColumn());
    comparison->Append(*probe.columns.back(), row, Counted::kNo);
  }
  probe.hashes.resize(blocker_.key_count());
  blocker_.Hashes(row, probe.hashes.data());
  return probe;
}

Status Linker::Train(const CandidatePairs& candidates, int threads, uint64_t* training_pairs) {
  std::vector<size_t> level_counts;
  for (const auto& comparison : comparisons_) level_counts.push_back(comparison->levels().size());
  ASSIGN_OR_RETURN(PatternCounts empty, PatternCounts::Make(level_counts));
  const uint64_t bound = candidates.PairBound();
  const uint64_t limit = std::max<uint64_t>(settings_.em.max_training_pairs, 1);
  const uint64_t sample_one_in = bound > limit ? (bound + limit - 1) / limit : 1;
  std::vector<PatternCounts> per_worker(static_cast<size_t>(std::max(threads, 1)), empty);
  std::vector<std::vector<int>> scratch(per_worker.size(), std::vector<int>(comparisons_.size()));
  std::vector<uint64_t> pairs(per_worker.size(), 0);
  candidates.ForEach(threads, sample_one_in, [&](int worker, uint32_t a, uint32_t b) {
    int* levels = scratch[static_cast<size_t>(worker)].data();
    Levels(a, b, levels);
    per_worker[static_cast<size_t>(worker)].Add(per_worker[static_cast<size_t>(worker)].Encode(levels));
    ++pairs[static_cast<size_t>(worker)];
  });
  PatternCounts patterns = std::move(per_worker[0]);
  for (size_t worker = 1; worker < per_worker.size(); ++worker) patterns.Merge(per_worker[worker]);
  uint64_t sampled = 0;
  for (uint64_t count : pairs) sampled += count;
  if (training_pairs != nullptr) *training_pairs = sampled;
  if (sampled < settings_.em.min_training_pairs) {
    // Too few pairs to learn from: the default parameters, and a prior of so many matches
    // per record.
    FsModel model = default_model_;
    const double all_pairs = std::max<double>(static_cast<double>(candidates.AllPairs()), 1.0);
    model.match_share = std::clamp(settings_.em.default_matches_per_record * static_cast<double>(candidates.records()) /
                                       all_pairs, 1e-12, 0.5);
    SetModel(std::move(model));
    return OkStatus();
  }
  FsModel initial = InitialModel(patterns, model_.comparisons, settings_.em.initial_match_share);
  ASSIGN_OR_RETURN(FsModel estimated, EstimateByEm(patterns, std::move(initial), settings_.em));
  estimated.candidate_match_share = estimated.match_share;
  if (settings_.em.u_from_random_pairs && candidates.AllPairs() > 0) {
    uint64_t drawn = 0;
    std::vector<std::vector<double>> u = RandomPairU(candidates, threads, drawn);
    for (size_t idx = 0; idx < u.size(); ++idx) estimated.comparisons[idx].u = std::move(u[idx]);
    estimated.random_pairs = drawn;
    // Expected matches among the candidates, spread over all pairs.
    const double candidate_pairs = static_cast<double>(sampled) * static_cast<double>(sample_one_in);
    const double matches = estimated.candidate_match_share * candidate_pairs;
    estimated.match_share = std::clamp(matches / static_cast<double>(candidates.AllPairs()), 1e-12, 0.5);
  }
  SetModel(std::move(estimated));
  return OkStatus();
}

std::vector<std::vector<double>> Linker::RandomPairU(const CandidatePairs& candidates, int threads,
                                                     uint64_t& drawn) const {
  const std::vector<uint8_t>& sources = candidates.sources();
  std::vector<uint32_t> left, right;  // when linking: the records of each source
  for (uint32_t record = 0; record < sources.size(); ++record) {
    (sources[record] == sources.front() ? left : right).push_back(record);
  }
  const uint64_t n = candidates.records();
  const uint64_t wanted = settings_.em.random_pairs != 0
                              ? settings_.em.random_pairs
                              : std::clamp<uint64_t>(20 * n, 100'000, 1'000'000);
  const uint64_t count = std::min<uint64_t>(wanted, candidates.AllPairs());
  const size_t workers = static_cast<size_t>(std::max(threads, 1));
  std::vector<std::vector<std::vector<double>>> counts(workers);
  RunTasks(workers, threads, [&](size_t worker) {
    auto& mine = counts[worker];
    for (const auto& comparison : comparisons_) mine.emplace_back(comparison->levels().size(), 0.0);
    std::vector<int> levels(comparisons_.size());
    uint64_t state = settings_.em.seed * 0x9E3779B97F4A7C15ULL + worker + 1;
    auto next = [&state]() {  // SplitMix64: portable and fast
      uint64_t value = (state += 0x9E3779B97F4A7C15ULL);
      value = (value ^ (value >> 30)) * 0xBF58476D1CE4E5B9ULL;
      value = (value ^ (value >> 27)) * 0x94D049BB133111EBULL;
      return value ^ (value >> 31);
    };
    for (uint64_t draw = worker; draw < count; draw += workers) {
      uint32_t a, b;
      if (sources.empty()) {
        a = static_cast<uint32_t>(next() % n);
        do b = static_cast<uint32_t>(next() % n); while (b == a);
      } else {
        a = left[next() % left.size()];
        b = right[next() % right.size()];
      }
      Levels(a, b, levels.data());
      for (size_t idx = 0; idx < levels.size(); ++idx) {
        if (levels[idx] >= 0) mine[idx][static_cast<size_t>(levels[idx])] += 1.0;
      }
    }
  });
  drawn = count;
  // A level never seen among random pairs gets half a pair: rare, but not impossible.
  std::vector<std::vector<double>> u;
  for (size_t idx = 0; idx < comparisons_.size(); ++idx) {
    std::vector<double> level_counts(comparisons_[idx]->levels().size(), 0.5);
    for (const auto& mine : counts) {
      for (size_t level = 0; level < level_counts.size(); ++level) level_counts[level] += mine[idx][level];
    }
    double total = 0;
    for (double value : level_counts) total += value;
    for (double& value : level_counts) value /= total;
    u.push_back(std::move(level_counts));
  }
  return u;
}

void Linker::SetModel(FsModel model) {
  model_ = std::move(model);
  level_weights_.assign(model_.comparisons.size(), {});
  for (size_t idx = 0; idx < model_.comparisons.size(); ++idx) {
    for (size_t level = 0; level < model_.comparisons[idx].m.size(); ++level) {
      level_weights_[idx].push_back(model_.LevelWeight(idx, static_cast<int>(level)));
    }
  }
  // Exact agreement never counts for less than a weaker agreement of the same field (EM
  // may estimate "same name through a nickname" a hair above "same spelling").
  for (std::vector<double>& weights : level_weights_) {
    for (double weight : weights) weights[0] = std::max(weights[0], weight);
  }
  weaker_best_.assign(level_weights_.size(), {});
  for (size_t idx = 0; idx < level_weights_.size(); ++idx) {
    const std::vector<double>& weights = level_weights_[idx];
    std::vector<double>& floors = weaker_best_[idx];
    floors.assign(weights.size(), -INFINITY);
    for (size_t level = weights.size() - 1; level-- > 0;) floors[level] = std::max(floors[level + 1], weights[level + 1]);
  }
  // Cheap comparisons first (numbers and codes, then names), and the most each suffix of
  // that order can still add, for stopping early.
  auto cost = [this](size_t idx) {
    switch (settings_.comparisons[idx].kind) {
      case ComparisonKind::kDate: return 0;
      case ComparisonKind::kExact: return 1;
      case ComparisonKind::kCurp: return 2;
      case ComparisonKind::kLevenshtein: return 3;
      default: return 4;
    }
  };
  order_.resize(comparisons_.size());
  std::iota(order_.begin(), order_.end(), size_t{0});
  std::stable_sort(order_.begin(), order_.end(), [&](size_t x, size_t y) { return cost(x) < cost(y); });
  best_after_.assign(order_.size() + 1, 0.0);
  for (size_t pos = order_.size(); pos-- > 0;) {
    const size_t idx = order_[pos];
    double best = 0;  // a missing value adds nothing
    for (double weight : level_weights_[idx]) best = std::max(best, weight);
    if (term_frequency_[idx]) best += kMaxTfLog2;
    best_after_[pos] = best_after_[pos + 1] + best;
  }
}

void Linker::Levels(uint32_t a, uint32_t b, int* levels) const {
  for (size_t idx = 0; idx < comparisons_.size(); ++idx) {
    levels[idx] = comparisons_[idx]->Compare(*prepared_[idx], a, *prepared_[idx], b);
  }
}

template <typename ColumnAt>
double Linker::WeightWith(ColumnAt left, size_t a_row, uint32_t b, double floor) const {
  double weight = model_.PriorWeight();
  for (size_t pos = 0; pos < order_.size(); ++pos) {
    if (weight + best_after_[pos] < floor) return weight + best_after_[pos];
    const size_t idx = order_[pos];
    const PreparedColumn& column = left(idx);
    const int level = comparisons_[idx]->Compare(column, a_row, *prepared_[idx], b);
    if (level < 0) continue;
    if (veto_[idx][static_cast<size_t>(level)]) return -INFINITY;
    const double tf = term_frequency_[idx] ? comparisons_[idx]->TfAdjustment(level, column, a_row, *prepared_[idx], b) : 0.0;
    weight += Contribution(idx, level, tf);
  }
  return weight;
}

double Linker::Contribution(size_t idx, int level, double tf) const {
  const double weight = level_weights_[idx][static_cast<size_t>(level)];
  // Agreeing on a common value ("Hernández") counts for less, but not for less than nearly
  // agreeing on it would.
  return tf == 0.0 ? weight : std::max(weight + tf, weaker_best_[idx][static_cast<size_t>(level)]);
}

template <typename ColumnAt>
MatchExplanation Linker::ExplainWith(ColumnAt left, size_t a_row, uint32_t b) const {
  MatchExplanation explanation;
  explanation.prior_weight = model_.PriorWeight();
  explanation.match_weight = explanation.prior_weight;
  for (size_t idx = 0; idx < comparisons_.size(); ++idx) {
    const PreparedColumn& column = left(idx);
    const int level = comparisons_[idx]->Compare(column, a_row, *prepared_[idx], b);
    FieldContribution field;
    field.comparison = comparisons_[idx]->name();
    if (level < 0) {
      field.level = "missing";
    } else {
      field.level = comparisons_[idx]->levels()[static_cast<size_t>(level)];
      field.weight = level_weights_[idx][static_cast<size_t>(level)];
      if (term_frequency_[idx]) {
        const double tf = comparisons_[idx]->TfAdjustment(level, column, a_row, *prepared_[idx], b);
        field.tf_adjustment = Contribution(idx, level, tf) - field.weight;
      }
    }
    if (level >= 0 && veto_[idx][static_cast<size_t>(level)]) {
      field.level += " (rules a match out)";
      field.weight = -INFINITY;
    }
    explanation.match_weight += field.weight + field.tf_adjustment;
    explanation.fields.push_back(std::move(field));
  }
  explanation.probability = WeightToProbability(explanation.match_weight);
  return explanation;
}

double Linker::Weight(uint32_t a, uint32_t b, double floor) const {
  return WeightWith([this](size_t idx) -> const PreparedColumn& { return *prepared_[idx]; }, a, b, floor);
}
double Linker::Weight(const Probe& probe, uint32_t b, double floor) const {
  return WeightWith([&probe](size_t idx) -> const PreparedColumn& { return *probe.columns[idx]; }, 0, b, floor);
}
MatchExplanation Linker::Explain(uint32_t a, uint32_t b) const {
  return ExplainWith([this](size_t idx) -> const PreparedColumn& { return *prepared_[idx]; }, a, b);
}
MatchExplanation Linker::Explain(const Probe& probe, uint32_t b) const {
  return ExplainWith([&probe](size_t idx) -> const PreparedColumn& { return *probe.columns[idx]; }, 0, b);
}

}  // namespace acogida::linkage
