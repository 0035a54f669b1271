// Block lookups for one record, scoring, and ranking.
#include "linkage/record_index.h"

#include <algorithm>

#include "linkage/blocking.h"

namespace acogida::linkage {
namespace {

// Recent additions are scanned linearly by every query; past this many they are merged
// into the sorted array (one linear merge), keeping both costs small.
constexpr size_t kRecentLimit = 4096;

}  // namespace

StatusOr<std::unique_ptr<RecordIndex>> RecordIndex::Make(const Settings& settings,
                                                         const std::vector<std::string>& columns) {
  ASSIGN_OR_RETURN(std::unique_ptr<Linker> linker, Linker::Make(settings, columns));
  return std::unique_ptr<RecordIndex>(new RecordIndex(std::move(linker)));
}

void RecordIndex::IndexRecord(uint32_t record) {
  const size_t key_count = linker_->blocker().key_count();
  const uint64_t* hashes = &linker_->hashes()[static_cast<size_t>(record) * key_count];
  for (size_t key_idx = 0; key_idx < key_count; ++key_idx) {
    if (IsRefinement(key_idx)) continue;
    if (hashes[key_idx] != 0) recent_.push_back({hashes[key_idx], record});
  }
}

void RecordIndex::MergeRecent() {
  std::sort(recent_.begin(), recent_.end());
  const size_t middle = sorted_.size();
  sorted_.insert(sorted_.end(), recent_.begin(), recent_.end());
  std::inplace_merge(sorted_.begin(), sorted_.begin() + static_cast<std::ptrdiff_t>(middle), sorted_.end());
  recent_.clear();
}

uint32_t RecordIndex::Add(std::span<const std::string> row) {
  const uint32_t record = linker_->Add(row);
  IndexRecord(record);
  if (recent_.size() > kRecentLimit) MergeRecent();
  return record;
}

void RecordIndex::Remove(std::span<const uint32_t> records) {
  size_t newly_removed = 0;
  for (uint32_t record : records) {
    if (record >= linker_->size() || removed(record)) continue;
    if (removed_.size() <= record) removed_.resize(linker_->size(), false);
    removed_[record] = true;
    ++newly_removed;
  }
  if (newly_removed == 0) return;
  removed_count_ += newly_removed;
  auto gone = [this](const Entry& entry) { return removed(entry.record); };
  std::erase_if(sorted_, gone);  // keeps the order
  std::erase_if(recent_, gone);
}

void RecordIndex::AddTable(const Table& table, int threads) {
  const uint32_t first = static_cast<uint32_t>(linker_->size());
  linker_->AddTable(table, threads);
  for (uint32_t record = first; record < linker_->size(); ++record) IndexRecord(record);
  MergeRecent();
}

Status RecordIndex::Train(int threads, size_t training_keys) {
  const size_t key_count = linker_->blocker().key_count();
  const size_t max_block = linker_->settings().max_block_size;
  const std::optional<BlockRefinement>& refinement = linker_->refinement();
  const size_t block_keys = refinement ? key_count - 1 : key_count;
  if (training_keys >= block_keys) {
    return linker_->Train(linker_->Candidates({}, Linker::Refine::kNever, threads), threads);
  }
  // The first keys' hashes (and the refinement's), record-major as CandidatePairs reads them.
  const size_t slots = training_keys + (refinement ? 1 : 0);
  std::vector<uint64_t> hashes;
  hashes.reserve(linker_->size() * slots);
  for (size_t record = 0; record < linker_->size(); ++record) {
    const uint64_t* row = &linker_->hashes()[record * key_count];
    hashes.insert(hashes.end(), row, row + training_keys);
    if (refinement) hashes.push_back(row[refinement->slot]);
  }
  std::optional<BlockRefinement> training_refinement;
  if (refinement) training_refinement = BlockRefinement{training_keys, SIZE_MAX};  // whole blocks, as Dedupe
  CandidatePairs candidates(hashes, slots, max_block, {}, training_refinement, threads);
  return linker_->Train(candidates, threads);
}

std::vector<Candidate> RecordIndex::Query(std::span<const std::string> row, const QueryOptions& options,
                                          QueryStatistics* stats) const {
  const Probe probe = linker_->Prepare(row);
  const size_t max_block = linker_->settings().max_block_size;
  QueryStatistics local;
  std::vector<uint32_t> records;
  for (size_t key_idx = 0; key_idx < probe.hashes.size(); ++key_idx) {
    const uint64_t hash = probe.hashes[key_idx];
    if (hash == 0 || IsRefinement(key_idx)) continue;
    auto range = std::equal_range(sorted_.begin(), sorted_.end(), Entry{hash, 0},
                                  [](const Entry& x, const Entry& y) { return x.hash < y.hash; });
    size_t recent_count = 0;
    for (const Entry& entry : recent_) recent_count += entry.hash == hash;
    if (static_cast<size_t>(range.second - range.first) + recent_count > max_block) {
      ++local.skipped_blocks;
      continue;
    }
    for (auto it = range.first; it != range.second; ++it) records.push_back(it->record);
    for (const Entry& entry : recent_) {
      if (entry.hash == hash) records.push_back(entry.record);
    }
  }
  std::sort(records.begin(), records.end());
  records.erase(std::unique(records.begin(), records.end()), records.end());
  local.candidates_scored = records.size();

  const double min_weight = ProbabilityToWeight(std::clamp(options.min_probability, 1e-12, 1.0 - 1e-12));
  std::vector<std::pair<double, uint32_t>> scored;
  for (uint32_t record : records) {
    const double weight = linker_->Weight(probe, record, min_weight);
    if (weight >= min_weight) scored.emplace_back(weight, record);
  }
  const size_t keep = std::min(options.max_results, scored.size());
  std::partial_sort(scored.begin(), scored.begin() + static_cast<std::ptrdiff_t>(keep), scored.end(),
                    [](const auto& x, const auto& y) { return x.first != y.first ? x.first > y.first : x.second < y.second; });
  std::vector<Candidate> candidates;
  for (size_t idx = 0; idx < keep; ++idx) {
    Candidate candidate;
    candidate.record = scored[idx].second;
    candidate.match_weight = scored[idx].first;
    candidate.probability = WeightToProbability(candidate.match_weight);
    candidate.explanation = linker_->Explain(probe, candidate.record);
    candidates.push_back(std::move(candidate));
  }
  if (stats != nullptr) *stats = local;
  return candidates;
}

}  // namespace acogida::linkage
