// Blocking: which record pairs are compared at all. Each blocking key (settings.h) maps a
// record to a value; records sharing a value form a block and every pair in a block is a
// candidate. Several keys are combined as a union (a pair found by an earlier key is not
// proposed again), so that an error in one field does not hide a match, while no key ever
// makes all pairs candidates. Keys are reduced to 64-bit hashes; 0 means "no key".
// A Blocker is immutable and thread-safe.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/status.h"
#include "linkage/intern_pool.h"
#include "linkage/settings.h"

namespace acogida::linkage {

class Blocker {
 public:
  // Compiles `keys` for tables with `table_columns`. Returns InvalidArgument (field
  // "blocking.<name>") for an unknown transform or, unless `allow_missing_columns`, a
  // column the table lacks.
  static StatusOr<Blocker> Make(const std::vector<BlockingKey>& keys, const std::vector<std::string>& table_columns,
                                bool allow_missing_columns);

  size_t key_count() const { return keys_.size(); }
  const std::string& key_name(size_t key_idx) const { return keys_[key_idx].name; }

  // Remembers transformed values by cell, so that each distinct name is folded and coded
  // once. One per thread.
  class Cache {
   public:
    Cache() = default;

   private:
    friend class Blocker;
    std::vector<std::unordered_map<std::string, std::string, StringHash, std::equal_to<>>> slots_;
    // The current row's value per slot, once looked up: several keys share a transformed
    // column (the given name is in six), and a map lookup costs more than the rest of a key.
    std::vector<const std::string*> row_values_;
  };

  // Writes one hash per key for the record `row` into `out` (key_count() values); 0 when
  // the record has no value for that key. `cache` may be null.
  void Hashes(std::span<const std::string> row, uint64_t* out, Cache* cache = nullptr) const;
  // The key's text for `row` ("" when none), for explanations and tests.
  std::string KeyText(size_t key_idx, std::span<const std::string> row, Cache* cache = nullptr) const;

 private:
  enum class Transform { kExact, kFold, kPhonetic, kFirstTokenPhonetic, kPhoneticInitial, kGivenName, kGivenInitial, kInitial,
                         kPrefix, kChars, kYear, kDate, kDateUnordered };
  struct Part {
    std::vector<int> columns;  // -1 when the table lacks the column
    Transform transform = Transform::kExact;
    size_t from = 0, to = 0;   // kPrefix: [0, to); kChars: [from, to)
    std::vector<int> cache_slots;  // per column: its slot in a Cache, or -1 for cheap transforms
  };
  struct Key {
    std::string name;
    std::vector<Part> parts;
  };
  static std::string Apply(const Part& part, const std::string& cell);
  // The transformed value of column `idx` of `part` for `row`, through `cache` when given;
  // `scratch` holds it when it is not cached.
  const std::string& Value(const Part& part, size_t idx, std::span<const std::string> row, Cache* cache,
                           std::string& scratch) const;
  std::vector<Key> keys_;
  size_t cache_slots_ = 0;
};

// Statistics of one blocking key over a set of records.
struct BlockingKeyStats {
  std::string name;
  size_t blocks = 0;           // blocks of two or more records
  size_t largest_block = 0;
  size_t skipped_blocks = 0;   // blocks larger than the limit, which proposed no pairs
  uint64_t new_pairs = 0;      // candidate pairs this key proposed that no earlier key had
};

// Blocks larger than `above` records are split by the hash in slot `slot` of each record
// (Settings::refine_parts, hashed as the last blocking key).
struct BlockRefinement {
  size_t slot = 0;
  size_t above = 0;
};

// The candidate pairs of a set of records, from their key hashes (record-major:
// hashes[row * key_count + key_idx]). Built once; pairs are then enumerated in parallel.
class CandidatePairs {
 public:
  // `sources`, when not empty, gives each record's source; only pairs from different
  // sources are candidates (linking two files rather than deduplicating one).
  // With `refinement`, its slot is not a key of its own: it splits the other keys' large
  // blocks. Keys are sorted into blocks on up to `threads` threads. `hashes` must outlive
  // this object.
  CandidatePairs(std::span<const uint64_t> hashes, size_t key_count, size_t max_block_size,
                 std::vector<uint8_t> sources = {}, std::optional<BlockRefinement> refinement = {},
                 int threads = 1);

  // Calls visit(worker, a, b) once for every candidate pair a < b, from `threads` threads
  // (worker in [0, threads)); calls for one worker come from one thread. With
  // `sample_one_in` > 1, only pairs whose hash falls in a 1/sample_one_in share (a fixed,
  // reproducible sample). Returns per-key statistics (pairs counted on the sample).
  std::vector<BlockingKeyStats> ForEach(int threads, uint64_t sample_one_in,
                                        const std::function<void(int, uint32_t, uint32_t)>& visit) const;

  // An upper bound on the candidate pairs: the sum over keys of n(n-1)/2 per block.
  uint64_t PairBound() const { return pair_bound_; }
  size_t records() const { return key_count_ == 0 ? 0 : hashes_.size() / key_count_; }
  // Each record's source (empty when deduplicating one source).
  const std::vector<uint8_t>& sources() const { return sources_; }
  // All pairs the candidates are drawn from: n(n-1)/2, or the cross pairs when linking.
  uint64_t AllPairs() const;

 private:
  struct Block {
    uint32_t key_idx;
    uint32_t begin, end;  // into sorted_[key_idx]
  };
  bool EarlierKeyAgrees(uint32_t a, uint32_t b, uint32_t key_idx) const;

  std::span<const uint64_t> hashes_;
  size_t key_count_ = 0;  // slots per record in hashes_
  size_t block_keys_ = 0;  // keys that make blocks: key_count_, less the refinement's slot
  // With a refinement: each record's hash per blocking key as blocked (refined in large
  // blocks, 0 when the record left one), record-major; else empty and hashes_ is used.
  std::vector<uint64_t> effective_;
  std::vector<uint8_t> sources_;
  std::vector<std::vector<uint32_t>> sorted_;  // per key: the rows of its blocks, block by block
  std::vector<Block> blocks_;
  std::vector<BlockingKeyStats> base_stats_;
  uint64_t pair_bound_ = 0;
};

}  // namespace acogida::linkage
