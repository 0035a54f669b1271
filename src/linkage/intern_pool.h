// An InternPool keeps each distinct value of a column once, with what a comparison derives
// from it (tokens, phonetic key), and counts how often each occurs, for term-frequency
// adjustment. Records then hold a 4-byte id: equal ids are equal values. Not thread-safe
// while adding; safe to read from several threads.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace acogida::linkage {

struct StringHash {
  using is_transparent = void;
  size_t operator()(std::string_view text) const { return std::hash<std::string_view>{}(text); }
};

// The largest term-frequency adjustment, in bits, either way: a value seen once in a million
// records would otherwise outweigh every other field.
inline constexpr double kMaxTfLog2 = 6.0;

// Whether adding a value counts as one more occurrence of it (a record of the data) or
// not (a query compared against the data).
enum class Counted { kNo, kYes };

template <typename Data>
class InternPool {
 public:
  // The id of `key`, added with make() on first sight. With Counted::kYes, one more occurrence.
  template <typename Make>
  uint32_t Add(std::string_view key, Make&& make, Counted counted = Counted::kYes) {
    auto it = ids_.find(key);
    if (it == ids_.end()) {
      it = ids_.emplace(std::string(key), static_cast<uint32_t>(data_.size())).first;
      data_.push_back(make());
      keys_.push_back(&it->first);
      counts_.push_back(0);
    }
    const uint32_t id = it->second;
    if (counted == Counted::kYes) CountOccurrence(id);
    return id;
  }

  // One more occurrence of the value `id`.
  void CountOccurrence(uint32_t id) {
    sum_squares_ += 2.0 * counts_[id] + 1.0;
    ++counts_[id];
    ++total_;
  }

  std::optional<uint32_t> Find(std::string_view key) const {
    auto it = ids_.find(key);
    if (it == ids_.end()) return std::nullopt;
    return it->second;
  }
  const Data& data(uint32_t id) const { return data_[id]; }
  std::string_view key(uint32_t id) const { return *keys_[id]; }
  uint32_t count(uint32_t id) const { return counts_[id]; }
  size_t distinct() const { return data_.size(); }

  // log2 of how much more (or less) agreeing on a value seen `count` times says than
  // agreeing on an average value: log2(Σ tf² / tf(value)), with tf = count / total. Zero
  // for an average value, negative for common ones (Hernández), positive for rare ones;
  // clamped to ±kMaxTfLog2.
  double TfLog2(uint32_t count) const {
    if (total_ == 0) return 0.0;
    const double tf = std::max<double>(count, 1.0) / static_cast<double>(total_);
    const double mean_tf = sum_squares_ / (static_cast<double>(total_) * static_cast<double>(total_));
    return std::clamp(std::log2(mean_tf / tf), -kMaxTfLog2, kMaxTfLog2);
  }
  // TfLog2 of the value `key` (0 occurrences if unknown).
  double TfLog2(std::string_view key) const {
    std::optional<uint32_t> id = Find(key);
    return TfLog2(id ? counts_[*id] : 0u);
  }

 private:
  std::unordered_map<std::string, uint32_t, StringHash, std::equal_to<>> ids_;
  std::vector<const std::string*> keys_;
  std::vector<Data> data_;
  std::vector<uint32_t> counts_;
  uint64_t total_ = 0;
  double sum_squares_ = 0;
};

}  // namespace acogida::linkage
