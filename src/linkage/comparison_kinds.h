// Internal to the comparisons: the column type most of them use (distinct raw values
// pooled with what is derived from them, records as ids) and the factory of each kind.
// Pooling by the raw cell means each distinct spelling is folded and analysed once, which
// is most of the cost of preparing a million records. Not part of the engine's interface.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "linkage/comparison.h"
#include "linkage/intern_pool.h"

namespace acogida::linkage::internal {

struct NoData {};

// Data must have `std::string folded` (the normalised value: equal folded values are
// exact agreement) and `uint32_t term` (its id in `terms`, for term frequency).
template <typename Data>
class PooledColumn final : public PreparedColumn {
 public:
  size_t size() const override { return ids.size(); }
  const Data& at(size_t row) const { return pool.data(ids[row]); }

  // Appends a record whose raw value is `raw`; `make(raw)` prepares a value seen for the
  // first time. `terms_of(data)` lists the term ids the record counts for.
  template <typename Make>
  void Append(std::string_view raw, Make&& make, Counted counted) {
    const uint32_t id = pool.Add(raw, [&] { return make(raw); }, Counted::kNo);
    ids.push_back(id);
    if (counted == Counted::kYes) pool.data(id).CountTerms(terms);
  }
  // The id of `term` in the term counts (added, uncounted, if new).
  uint32_t TermId(std::string_view term) { return terms.Add(term, [] { return NoData{}; }, Counted::kNo); }
  double TermTfLog2(uint32_t term) const { return terms.TfLog2(terms.count(term)); }

  std::vector<uint32_t> ids;
  InternPool<Data> pool;
  InternPool<NoData> terms;
};

// A folded value with one term: the common case.
struct FoldedValue {
  std::string folded;
  uint32_t term = 0;
  void CountTerms(InternPool<NoData>& terms) const { terms.CountOccurrence(term); }
};

// True if record `i` of `a` and record `j` of `b` hold the same normalised value.
template <typename Data>
bool SameValue(const PooledColumn<Data>& a, size_t i, const PooledColumn<Data>& b, size_t j) {
  if (&a == &b && a.ids[i] == b.ids[j]) return true;
  return a.at(i).folded == b.at(j).folded;
}

template <typename Column>
const Column& As(const PreparedColumn& column) {
  return static_cast<const Column&>(column);
}
template <typename Column>
Column& As(PreparedColumn& column) {
  return static_cast<Column&>(column);
}

std::unique_ptr<Comparison> NewExactComparison(const ComparisonSettings& settings);
std::unique_ptr<Comparison> NewNameComparison(const ComparisonSettings& settings);
std::unique_ptr<Comparison> NewLevenshteinComparison(const ComparisonSettings& settings);
std::unique_ptr<Comparison> NewDateComparison(const ComparisonSettings& settings);
std::unique_ptr<Comparison> NewGivenNamesComparison(const ComparisonSettings& settings);
std::unique_ptr<Comparison> NewSurnamesComparison(const ComparisonSettings& settings);
std::unique_ptr<Comparison> NewCurpComparison(const ComparisonSettings& settings);

}  // namespace acogida::linkage::internal
