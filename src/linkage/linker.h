// A Linker is the engine for one table layout: the compiled settings (comparisons,
// blocking keys), the records prepared so far (one column per comparison, blocking-key
// hashes) and the Fellegi–Sunter model that weighs them. Batch deduplication, linking two
// files and the one-record query index are all built on it.
// Not thread-safe while records are added or the model is set; once they are, Weight,
// Levels and Explain may be called from several threads.
#pragma once

#include <cmath>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/status.h"
#include "linkage/blocking.h"
#include "linkage/comparison.h"
#include "linkage/em.h"
#include "linkage/fs_model.h"
#include "linkage/settings.h"
#include "linkage/table.h"

namespace acogida::linkage {

// A record prepared for comparison but not added: a query against the records.
struct Probe {
  std::vector<std::unique_ptr<PreparedColumn>> columns;  // one row each
  std::vector<uint64_t> hashes;                           // one per blocking key
};

class Linker {
 public:
  // Compiles `settings` for records laid out as `columns`. Returns InvalidArgument naming
  // the setting at fault (an unknown column, transform or bad threshold).
  static StatusOr<std::unique_ptr<Linker>> Make(const Settings& settings, const std::vector<std::string>& columns);

  const Settings& settings() const { return settings_; }
  const std::vector<std::string>& columns() const { return columns_; }
  const Blocker& blocker() const { return blocker_; }
  size_t comparison_count() const { return comparisons_.size(); }
  const Comparison& comparison(size_t idx) const { return *comparisons_[idx]; }
  size_t size() const { return hashes_.size() / std::max<size_t>(blocker_.key_count(), 1); }

  // Prepares and adds every row of `table` (laid out as columns()), using up to `threads`
  // threads. Rows get the indices size(), size()+1, ...
  void AddTable(const Table& table, int threads);
  // Prepares and adds one record; returns its index.
  uint32_t Add(std::span<const std::string> row);
  // Prepares one record without adding it (not counted in term frequencies).
  Probe Prepare(std::span<const std::string> row) const;

  // Blocking-key hashes of all records, record-major (size() × blocker().key_count()); the
  // last is the refinement's (settings().refine_parts) when there is one.
  const std::vector<uint64_t>& hashes() const { return hashes_; }
  const std::optional<BlockRefinement>& refinement() const { return refinement_; }
  // The candidate pairs of the records added so far (of different `sources` when given).
  // Refine::kNever leaves large blocks whole (settings().refine_parts unused): the pairs to
  // train on, so that the model is the same with or without refinement; refinement only
  // spares scoring pairs that blocking on the state as well would have dropped.
  enum class Refine { kLargeBlocks, kNever };
  // Blocks are built on up to `threads` threads.
  CandidatePairs Candidates(std::vector<uint8_t> sources = {}, Refine refine = Refine::kLargeBlocks,
                            int threads = 1) const;

  // Estimates the model by EM from `candidates` (over this linker's records), sampling at
  // most settings().em.max_training_pairs pairs. With fewer than em.min_training_pairs
  // candidate pairs, sets the settings' default model instead (em_iterations 0).
  // With settings().em.u_from_random_pairs, u is then re-estimated from random pairs
  // (across sources when `candidates` links two sources) and λ rescaled to all pairs.
  Status Train(const CandidatePairs& candidates, int threads, uint64_t* training_pairs = nullptr);
  const FsModel& model() const { return model_; }
  void SetModel(FsModel model);

  // The level of each comparison for records a and b (comparison_count() entries).
  void Levels(uint32_t a, uint32_t b, int* levels) const;
  // The match weight (log2 odds) of records a and b, and of a probe against record b.
  // With a `floor`, comparing stops as soon as the weight cannot reach it any more, and
  // some value below `floor` is returned: most candidate pairs are clear non-matches, and
  // the cheap comparisons (dates, codes) run first.
  double Weight(uint32_t a, uint32_t b, double floor = -INFINITY) const;
  double Weight(const Probe& probe, uint32_t b, double floor = -INFINITY) const;
  MatchExplanation Explain(uint32_t a, uint32_t b) const;
  MatchExplanation Explain(const Probe& probe, uint32_t b) const;

 private:
  Linker() = default;
  // u per comparison and level from `count` random pairs (a from `first`, b from `second`
  // ranges of records), with the candidates' sources respected.
  std::vector<std::vector<double>> RandomPairU(const CandidatePairs& candidates, int threads, uint64_t& drawn) const;
  template <typename ColumnAt>
  double WeightWith(ColumnAt left, size_t a_row, uint32_t b, double floor) const;
  // The weight of `level` of comparison `idx` with its term-frequency adjustment `tf`:
  // never below what a weaker level of the same field would weigh.
  double Contribution(size_t idx, int level, double tf) const;
  template <typename ColumnAt>
  MatchExplanation ExplainWith(ColumnAt left, size_t a_row, uint32_t b) const;

  Settings settings_;
  std::vector<std::string> columns_;
  std::vector<std::unique_ptr<Comparison>> comparisons_;
  std::vector<std::unique_ptr<PreparedColumn>> prepared_;
  Blocker blocker_;
  std::optional<BlockRefinement> refinement_;
  std::vector<uint64_t> hashes_;
  FsModel model_;
  FsModel default_model_;  // from the settings' default m and u
  std::vector<std::vector<double>> level_weights_;  // log2(m/u) per comparison and level
  std::vector<std::vector<double>> weaker_best_;    // per comparison and level: best weight of the weaker levels
  std::vector<bool> term_frequency_;                // per comparison
  std::vector<std::vector<bool>> veto_;             // per comparison and level
  std::vector<size_t> order_;                       // comparisons, cheapest first
  std::vector<double> best_after_;                  // per position in order_: most weight the rest can add
};

}  // namespace acogida::linkage
