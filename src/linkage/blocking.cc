// Blocking-key transforms, and candidate pairs from sorted key hashes.
#include "linkage/blocking.h"

#include <algorithm>
#include <atomic>
#include <thread>
#include <tuple>

#include "core/names.h"
#include "linkage/date_compare.h"
#include "linkage/person_names.h"
#include "linkage/spanish_phonetic.h"

namespace acogida::linkage {
namespace {

uint64_t Fnv1a(std::string_view text, uint64_t hash) {
  for (unsigned char byte : text) {
    hash ^= byte;
    hash *= 0x100000001b3ULL;
  }
  return hash;
}

uint64_t Mix(uint64_t value) {
  value = (value ^ (value >> 30)) * 0xBF58476D1CE4E5B9ULL;
  value = (value ^ (value >> 27)) * 0x94D049BB133111EBULL;
  return value ^ (value >> 31);
}

std::string TwoDigits(int value) {
  std::string out = std::to_string(value);
  return out.size() < 2 ? "0" + out : out;
}

bool ParseRange(std::string_view text, size_t& from, size_t& to) {
  const size_t dash = text.find('-');
  if (dash == std::string_view::npos || dash == 0 || dash + 1 >= text.size()) return false;
  from = 0;
  to = 0;
  for (char ch : text.substr(0, dash)) {
    if (ch < '0' || ch > '9') return false;
    from = from * 10 + static_cast<size_t>(ch - '0');
  }
  for (char ch : text.substr(dash + 1)) {
    if (ch < '0' || ch > '9') return false;
    to = to * 10 + static_cast<size_t>(ch - '0');
  }
  return from < to && to <= 64;
}

}  // namespace

StatusOr<Blocker> Blocker::Make(const std::vector<BlockingKey>& keys, const std::vector<std::string>& table_columns,
                                bool allow_missing_columns) {
  Blocker blocker;
  for (const BlockingKey& key : keys) {
    const std::string field = "blocking." + key.name;
    if (key.name.empty()) return InvalidArgument("blocking", "every blocking key needs a name");
    if (key.parts.empty()) return InvalidArgument(field, "needs at least one part");
    Key compiled{key.name, {}};
    for (const std::string& text : key.parts) {
      Part part;
      const size_t colon = text.rfind(':');
      const std::string columns = text.substr(0, colon);
      const std::string transform = colon == std::string::npos ? "exact" : text.substr(colon + 1);
      for (size_t start = 0; start <= columns.size();) {
        size_t end = columns.find('+', start);
        if (end == std::string::npos) end = columns.size();
        const std::string column = columns.substr(start, end - start);
        int index = -1;
        for (size_t idx = 0; idx < table_columns.size(); ++idx) {
          if (table_columns[idx] == column) index = static_cast<int>(idx);
        }
        if (column.empty() || (index < 0 && !allow_missing_columns)) {
          return InvalidArgument(field, "names a column the input does not have: '" + column + "'");
        }
        part.columns.push_back(index);
        start = end + 1;
      }
      if (transform == "exact") part.transform = Transform::kExact;
      else if (transform == "fold") part.transform = Transform::kFold;
      else if (transform == "phonetic") part.transform = Transform::kPhonetic;
      else if (transform == "first_token_phonetic") part.transform = Transform::kFirstTokenPhonetic;
      else if (transform == "phonetic_initial") part.transform = Transform::kPhoneticInitial;
      else if (transform == "given_name") part.transform = Transform::kGivenName;
      else if (transform == "given_initial") part.transform = Transform::kGivenInitial;
      else if (transform == "initial") part.transform = Transform::kInitial;
      else if (transform == "year") part.transform = Transform::kYear;
      else if (transform == "date") part.transform = Transform::kDate;
      else if (transform == "date_unordered") part.transform = Transform::kDateUnordered;
      else if (transform.rfind("prefix", 0) == 0 && transform.size() > 6 &&
               transform.find_first_not_of("0123456789", 6) == std::string::npos && transform.size() < 9) {
        part.transform = Transform::kPrefix;
        part.to = std::stoul(transform.substr(6));
        if (part.to == 0) return InvalidArgument(field, "prefix needs a length of at least 1");
      } else if (transform.rfind("chars", 0) == 0 && ParseRange(transform.substr(5), part.from, part.to)) {
        part.transform = Transform::kChars;
      } else {
        return InvalidArgument(field, "unknown transform '" + transform + "'");
      }
      compiled.parts.push_back(std::move(part));
    }
    blocker.keys_.push_back(std::move(compiled));
  }
  // Name transforms cost an ICU fold and more; give each (column, transform) a cache slot.
  std::vector<std::tuple<int, Transform, size_t, size_t>> slots;
  for (Key& key : blocker.keys_) {
    for (Part& part : key.parts) {
      const bool expensive = part.transform != Transform::kExact && part.transform != Transform::kChars &&
                             part.transform != Transform::kYear && part.transform != Transform::kDate &&
                             part.transform != Transform::kDateUnordered;
      for (int column : part.columns) {
        if (!expensive || column < 0) {
          part.cache_slots.push_back(-1);
          continue;
        }
        const auto slot = std::make_tuple(column, part.transform, part.from, part.to);
        auto it = std::find(slots.begin(), slots.end(), slot);
        if (it == slots.end()) it = slots.insert(slots.end(), slot);
        part.cache_slots.push_back(static_cast<int>(it - slots.begin()));
      }
    }
  }
  blocker.cache_slots_ = slots.size();
  return blocker;
}

std::string Blocker::Apply(const Part& part, const std::string& cell) {
  switch (part.transform) {
    case Transform::kExact: {
      std::string_view text = cell;
      while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
      while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
      return std::string(text);
    }
    case Transform::kFold: return FoldName(cell);
    case Transform::kPhonetic: return SpanishPhoneticKey(FoldName(cell));
    case Transform::kFirstTokenPhonetic: {
      const std::vector<std::string> tokens = NameTokens(cell);
      return tokens.empty() ? "" : SpanishPhoneticKey(tokens.front());
    }
    case Transform::kPhoneticInitial: {
      const std::vector<std::string> tokens = NameTokens(cell);
      return tokens.empty() ? "" : SpanishPhoneticKey(tokens.front()).substr(0, 1);
    }
    case Transform::kGivenName: return SpanishPhoneticKey(CoreGivenName(CanonicalGivenNames(cell)));
    case Transform::kGivenInitial: {
      const std::string_view core = CoreGivenName(CanonicalGivenNames(cell));
      return std::string(core.substr(0, 1));
    }
    case Transform::kInitial: return FoldName(cell).substr(0, 1);
    case Transform::kPrefix: {
      const std::string folded = FoldName(cell);
      return folded.substr(0, part.to);
    }
    case Transform::kChars: {
      std::string compact;
      for (char ch : cell) {
        if (ch == ' ') continue;
        compact += ch >= 'a' && ch <= 'z' ? static_cast<char>(ch - 'a' + 'A') : ch;
      }
      // A value too short for the range has no key: a truncated code is no code.
      return compact.size() >= part.to ? compact.substr(part.from, part.to - part.from) : "";
    }
    case Transform::kYear: {
      const LooseDate date = ParseLooseDate(cell);
      return date.known() ? std::to_string(date.year) : "";
    }
    case Transform::kDate: {
      const LooseDate date = ParseLooseDate(cell);
      return date.full() ? std::to_string(date.year) + TwoDigits(date.month) + TwoDigits(date.day) : "";
    }
    case Transform::kDateUnordered: {
      const LooseDate date = ParseLooseDate(cell);
      if (!date.full()) return "";
      return std::to_string(date.year) + TwoDigits(std::min(date.month, date.day)) +
             TwoDigits(std::max(date.month, date.day));
    }
  }
  return "";
}

const std::string& Blocker::Value(const Part& part, size_t idx, std::span<const std::string> row, Cache* cache,
                                  std::string& scratch) const {
  static const std::string kEmpty;
  const int column = part.columns[idx];
  const std::string& cell = column < 0 ? kEmpty : row[static_cast<size_t>(column)];
  if (cache == nullptr || part.cache_slots[idx] < 0) {
    scratch = Apply(part, cell);
    return scratch;
  }
  if (cache->slots_.size() != cache_slots_) cache->slots_.resize(cache_slots_);
  if (cache->row_values_.size() != cache_slots_) cache->row_values_.assign(cache_slots_, nullptr);
  const std::string*& known = cache->row_values_[static_cast<size_t>(part.cache_slots[idx])];
  if (known != nullptr) return *known;
  auto& slot = cache->slots_[static_cast<size_t>(part.cache_slots[idx])];
  auto it = slot.find(std::string_view(cell));
  if (it == slot.end()) it = slot.emplace(cell, Apply(part, cell)).first;
  known = &it->second;  // map nodes do not move
  return it->second;
}

// A key is its parts in order, each part the sorted values of its columns (so that swapped
// fields agree); KeyText and Hashes walk the same sequence.
std::string Blocker::KeyText(size_t key_idx, std::span<const std::string> row, Cache* cache) const {
  if (cache != nullptr) cache->row_values_.assign(cache_slots_, nullptr);  // another row, perhaps
  std::string text;
  for (const Part& part : keys_[key_idx].parts) {
    std::vector<std::string> values;
    for (size_t idx = 0; idx < part.columns.size(); ++idx) {
      std::string own;
      std::string value = Value(part, idx, row, cache, own);
      if (value.empty()) return "";
      values.push_back(std::move(value));
    }
    std::sort(values.begin(), values.end());
    for (const std::string& value : values) {
      text += value;
      text += '\x1f';
    }
    text += '\x1e';
  }
  return text;
}

void Blocker::Hashes(std::span<const std::string> row, uint64_t* out, Cache* cache) const {
  constexpr size_t kMaxColumns = 4;  // per part; more are hashed through KeyText
  std::string scratch[kMaxColumns];
  if (cache != nullptr) cache->row_values_.assign(cache_slots_, nullptr);  // a new row
  for (size_t key_idx = 0; key_idx < keys_.size(); ++key_idx) {
    uint64_t hash = 0xcbf29ce484222325ULL ^ (key_idx + 1);
    bool present = true;
    for (const Part& part : keys_[key_idx].parts) {
      if (part.columns.size() > kMaxColumns) {
        const std::string text = KeyText(key_idx, row, cache);
        present = !text.empty();
        hash = Fnv1a(text, 0xcbf29ce484222325ULL ^ (key_idx + 1));
        break;
      }
      const std::string* values[kMaxColumns];
      for (size_t idx = 0; idx < part.columns.size() && present; ++idx) {
        values[idx] = &Value(part, idx, row, cache, scratch[idx]);
        present = !values[idx]->empty();
      }
      if (!present) break;
      for (size_t idx = 1; idx < part.columns.size(); ++idx) {  // insertion sort of a handful
        for (size_t pos = idx; pos > 0 && *values[pos] < *values[pos - 1]; --pos) std::swap(values[pos], values[pos - 1]);
      }
      for (size_t idx = 0; idx < part.columns.size(); ++idx) {
        hash = Fnv1a(*values[idx], hash);
        hash = Fnv1a("\x1f", hash);
      }
      hash = Fnv1a("\x1e", hash);
    }
    if (!present) {
      out[key_idx] = 0;
      continue;
    }
    hash = Mix(hash);
    out[key_idx] = hash == 0 ? 1 : hash;
  }
}

CandidatePairs::CandidatePairs(std::span<const uint64_t> hashes, size_t key_count, size_t max_block_size,
                               std::vector<uint8_t> sources, std::optional<BlockRefinement> refinement, int threads)
    : hashes_(hashes), key_count_(key_count), sources_(std::move(sources)) {
  const size_t rows = records();
  if (refinement && (refinement->slot >= key_count_ || refinement->above < 2)) refinement.reset();
  block_keys_ = refinement ? key_count_ - 1 : key_count_;
  // Whole blocks only (above SIZE_MAX): the hashes as given serve, less the refinement's.
  if (refinement && refinement->above != SIZE_MAX) effective_.assign(rows * block_keys_, 0);
  sorted_.resize(block_keys_);
  base_stats_.resize(block_keys_);
  std::vector<std::vector<Block>> key_blocks(block_keys_);
  std::vector<uint64_t> key_bound(block_keys_, 0);
  // Each key on its own (one thread each at a time): its sorted rows, blocks, statistics
  // and column of effective_.
  auto build_key = [&](size_t key_idx) {
    std::vector<std::pair<uint64_t, uint32_t>> entries;
    std::vector<std::pair<uint64_t, uint32_t>> refined;
    for (size_t row = 0; row < rows; ++row) {
      const uint64_t hash = hashes_[row * key_count_ + key_idx];
      if (hash != 0) entries.emplace_back(hash, static_cast<uint32_t>(row));
    }
    std::sort(entries.begin(), entries.end());
    // Keep only the rows of blocks that propose pairs.
    std::vector<uint32_t>& sorted = sorted_[key_idx];
    BlockingKeyStats& stats = base_stats_[key_idx];
    auto add_block = [&](std::span<const std::pair<uint64_t, uint32_t>> block) {
      const size_t size = block.size();
      if (size < 2) return;
      ++stats.blocks;
      stats.largest_block = std::max(stats.largest_block, size);
      if (size > max_block_size) {
        ++stats.skipped_blocks;
        return;
      }
      const uint32_t first = static_cast<uint32_t>(sorted.size());
      for (const auto& entry : block) sorted.push_back(entry.second);
      key_blocks[key_idx].push_back({static_cast<uint32_t>(key_idx), first, static_cast<uint32_t>(sorted.size())});
      key_bound[key_idx] += static_cast<uint64_t>(size) * (size - 1) / 2;
    };
    for (size_t begin = 0; begin < entries.size();) {
      size_t end = begin + 1;
      while (end < entries.size() && entries[end].first == entries[begin].first) ++end;
      std::span<const std::pair<uint64_t, uint32_t>> block(&entries[begin], end - begin);
      if (!refinement || block.size() <= refinement->above) {
        for (const auto& entry : block) {
          if (!effective_.empty()) effective_[entry.second * block_keys_ + key_idx] = entry.first;
        }
        add_block(block);
      } else {
        // Split by the refinement: the pair of hashes as one, records without it left out.
        refined.clear();
        for (const auto& entry : block) {
          const uint64_t refine = hashes_[entry.second * key_count_ + refinement->slot];
          if (refine == 0) continue;
          uint64_t hash = Mix(entry.first ^ Mix(refine));
          hash = hash == 0 ? 1 : hash;
          refined.emplace_back(hash, entry.second);
          effective_[entry.second * block_keys_ + key_idx] = hash;
        }
        std::sort(refined.begin(), refined.end());
        for (size_t sub_begin = 0; sub_begin < refined.size();) {
          size_t sub_end = sub_begin + 1;
          while (sub_end < refined.size() && refined[sub_end].first == refined[sub_begin].first) ++sub_end;
          add_block(std::span<const std::pair<uint64_t, uint32_t>>(&refined[sub_begin], sub_end - sub_begin));
          sub_begin = sub_end;
        }
      }
      begin = end;
    }
    sorted.shrink_to_fit();
  };
  std::atomic<size_t> next_key{0};
  auto work = [&] {
    for (size_t key_idx = next_key.fetch_add(1); key_idx < block_keys_; key_idx = next_key.fetch_add(1)) {
      build_key(key_idx);
    }
  };
  const size_t workers = std::min<size_t>(static_cast<size_t>(std::max(threads, 1)), block_keys_);
  if (workers <= 1) {
    work();
  } else {
    std::vector<std::thread> pool;
    for (size_t worker = 0; worker < workers; ++worker) pool.emplace_back(work);
    for (std::thread& thread : pool) thread.join();
  }
  for (size_t key_idx = 0; key_idx < block_keys_; ++key_idx) {
    blocks_.insert(blocks_.end(), key_blocks[key_idx].begin(), key_blocks[key_idx].end());
    pair_bound_ += key_bound[key_idx];
  }
  // Big blocks first, so that threads finish together.
  std::stable_sort(blocks_.begin(), blocks_.end(),
                   [](const Block& a, const Block& b) { return a.end - a.begin > b.end - b.begin; });
}

uint64_t CandidatePairs::AllPairs() const {
  const uint64_t n = records();
  if (sources_.empty()) return n * (n - (n > 0 ? 1 : 0)) / 2;
  uint64_t first = 0;
  for (uint8_t source : sources_) first += source == sources_.front();
  return first * (n - first);
}

bool CandidatePairs::EarlierKeyAgrees(uint32_t a, uint32_t b, uint32_t key_idx) const {
  const uint64_t* base = effective_.empty() ? hashes_.data() : effective_.data();
  const size_t stride = effective_.empty() ? key_count_ : block_keys_;
  const uint64_t* ha = &base[static_cast<size_t>(a) * stride];
  const uint64_t* hb = &base[static_cast<size_t>(b) * stride];
  for (uint32_t earlier = 0; earlier < key_idx; ++earlier) {
    if (ha[earlier] != 0 && ha[earlier] == hb[earlier]) return true;
  }
  return false;
}

std::vector<BlockingKeyStats> CandidatePairs::ForEach(int threads, uint64_t sample_one_in,
                                                      const std::function<void(int, uint32_t, uint32_t)>& visit) const {
  threads = std::max(threads, 1);
  std::atomic<size_t> next_block{0};
  std::vector<std::vector<uint64_t>> new_pairs(static_cast<size_t>(threads), std::vector<uint64_t>(block_keys_, 0));
  const uint64_t sample_limit = sample_one_in <= 1 ? ~uint64_t{0} : ~uint64_t{0} / sample_one_in;
  auto work = [&](int worker) {
    std::vector<uint64_t>& counts = new_pairs[static_cast<size_t>(worker)];
    while (true) {
      const size_t block_idx = next_block.fetch_add(1, std::memory_order_relaxed);
      if (block_idx >= blocks_.size()) return;
      const Block& block = blocks_[block_idx];
      const std::vector<uint32_t>& rows = sorted_[block.key_idx];
      for (uint32_t first = block.begin; first < block.end; ++first) {
        for (uint32_t second = first + 1; second < block.end; ++second) {
          uint32_t a = rows[first], b = rows[second];
          if (a > b) std::swap(a, b);
          if (!sources_.empty() && sources_[a] == sources_[b]) continue;
          if (sample_one_in > 1 && Mix((static_cast<uint64_t>(a) << 32) | b) > sample_limit) continue;
          if (EarlierKeyAgrees(a, b, block.key_idx)) continue;
          ++counts[block.key_idx];
          visit(worker, a, b);
        }
      }
    }
  };
  if (threads == 1) {
    work(0);
  } else {
    std::vector<std::thread> pool;
    for (int worker = 0; worker < threads; ++worker) pool.emplace_back(work, worker);
    for (std::thread& thread : pool) thread.join();
  }
  std::vector<BlockingKeyStats> stats = base_stats_;
  for (size_t key_idx = 0; key_idx < block_keys_; ++key_idx) {
    stats[key_idx].name = std::to_string(key_idx);
    for (const auto& counts : new_pairs) stats[key_idx].new_pairs += counts[key_idx];
  }
  return stats;
}

}  // namespace acogida::linkage
