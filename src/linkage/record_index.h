// A RecordIndex answers "who in the registry could this be?" for one record at a time: the
// intake screen's live duplicate and prior-visit check, and family tracing. Records are
// added one by one (or a table at once); a query prepares one record, looks up the blocks
// its keys fall in, scores those candidates with the Fellegi–Sunter model and returns the
// best, each with its probability and per-field explanation. The model is estimated by EM
// on the index's own candidate pairs (Train) or set from elsewhere (SetModel).
// Blocks live in a sorted array of (key hash, record) plus a small unsorted tail of recent
// additions, merged in when it grows: compact at a million records, cheap to add to.
// Not thread-safe while adding, removing or training; Query may run from several threads
// at once when nothing is being changed.
#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "core/status.h"
#include "linkage/fs_model.h"
#include "linkage/linker.h"
#include "linkage/settings.h"
#include "linkage/table.h"

namespace acogida::linkage {

struct QueryOptions {
  size_t max_results = 10;       // at most this many candidates, best first
  double min_probability = 0.01;  // candidates below this are not returned
};

struct Candidate {
  uint32_t record = 0;  // index of the record in the order added
  double probability = 0;
  double match_weight = 0;
  MatchExplanation explanation;
};

struct QueryStatistics {
  size_t candidates_scored = 0;  // records compared with the query
  size_t skipped_blocks = 0;     // blocks larger than settings.max_block_size
};

class RecordIndex {
 public:
  // An empty index for records laid out as `columns`. InvalidArgument as Linker::Make.
  static StatusOr<std::unique_ptr<RecordIndex>> Make(const Settings& settings, const std::vector<std::string>& columns);

  // Adds one record; returns its index (0, 1, 2, ... in the order added).
  uint32_t Add(std::span<const std::string> row);
  // Adds every row of `table` (same columns), using up to `threads` threads to prepare them.
  void AddTable(const Table& table, int threads);
  // Records added so far, removed ones included (record indices stay valid).
  size_t size() const { return linker_->size(); }
  // Records added and not removed: those a query can return.
  size_t live_size() const { return linker_->size() - removed_count_; }

  // Takes `records` out of every block, so that no query returns them again (a person
  // anonymised by retention). Their indices stay taken; removing twice, or an index never
  // added, does nothing. One pass over the blocks per call: remove many at once.
  void Remove(std::span<const uint32_t> records);
  bool removed(uint32_t record) const { return record < removed_.size() && removed_[record]; }

  // Estimates the model by EM from the candidate pairs among the records added so far
  // (removed records included: train before removing), found by the first `training_keys`
  // blocking keys (all by default). Keys that only widen queries (a surname alone) would
  // flood EM with non-matches that look alike, and the model it finds then ranks namesakes
  // above the person. FailedPrecondition when there are no pairs.
  Status Train(int threads, size_t training_keys = SIZE_MAX);
  void SetModel(FsModel model) { linker_->SetModel(std::move(model)); }
  const FsModel& model() const { return linker_->model(); }

  // The records most likely to be the same person as `row`, best first (see QueryOptions).
  std::vector<Candidate> Query(std::span<const std::string> row, const QueryOptions& options = {},
                               QueryStatistics* stats = nullptr) const;

  const Linker& linker() const { return *linker_; }

 private:
  struct Entry {
    uint64_t hash;
    uint32_t record;
    bool operator<(const Entry& other) const { return hash != other.hash ? hash < other.hash : record < other.record; }
  };
  explicit RecordIndex(std::unique_ptr<Linker> linker) : linker_(std::move(linker)) {}
  void IndexRecord(uint32_t record);
  // The refinement's hash slot (see Settings::refine_parts) is not a key to look up.
  bool IsRefinement(size_t key_idx) const {
    return linker_->refinement() && linker_->refinement()->slot == key_idx;
  }
  void MergeRecent();

  std::unique_ptr<Linker> linker_;
  std::vector<Entry> sorted_;  // sorted by (hash, record)
  std::vector<Entry> recent_;  // unsorted, at most kRecentLimit
  std::vector<bool> removed_;  // per record, grown on removal
  size_t removed_count_ = 0;
};

}  // namespace acogida::linkage
