// Jaro–Winkler and bounded Levenshtein on bytes, without allocation for names up to 64
// bytes (longer strings use the heap).
#include "linkage/string_similarity.h"

#include <algorithm>
#include <array>
#include <vector>

namespace acogida::linkage {
namespace {

constexpr size_t kStackLength = 64;

double Jaro(std::string_view a, std::string_view b) {
  if (a.size() > b.size()) std::swap(a, b);
  const size_t window = b.size() / 2 > 0 ? b.size() / 2 - 1 : 0;
  std::array<char, kStackLength> a_flags_stack{}, b_flags_stack{};
  std::vector<char> a_flags_heap, b_flags_heap;
  char* a_flags = a_flags_stack.data();
  char* b_flags = b_flags_stack.data();
  if (b.size() > kStackLength) {
    a_flags_heap.assign(a.size(), 0);
    b_flags_heap.assign(b.size(), 0);
    a_flags = a_flags_heap.data();
    b_flags = b_flags_heap.data();
  }

  size_t matches = 0;
  for (size_t a_idx = 0; a_idx < a.size(); ++a_idx) {
    const size_t lo = a_idx > window ? a_idx - window : 0;
    const size_t hi = std::min(b.size(), a_idx + window + 1);
    for (size_t b_idx = lo; b_idx < hi; ++b_idx) {
      if (b_flags[b_idx] || a[a_idx] != b[b_idx]) continue;
      a_flags[a_idx] = 1;
      b_flags[b_idx] = 1;
      ++matches;
      break;
    }
  }
  if (matches == 0) return 0.0;
  size_t transpositions = 0;
  size_t b_idx = 0;
  for (size_t a_idx = 0; a_idx < a.size(); ++a_idx) {
    if (!a_flags[a_idx]) continue;
    while (!b_flags[b_idx]) ++b_idx;
    if (a[a_idx] != b[b_idx]) ++transpositions;
    ++b_idx;
  }
  const double m = static_cast<double>(matches);
  return (m / a.size() + m / b.size() + (m - transpositions / 2.0) / m) / 3.0;
}

}  // namespace

double JaroWinkler(std::string_view a, std::string_view b) {
  if (a == b) return 1.0;
  if (a.empty() || b.empty()) return 0.0;
  const double jaro = Jaro(a, b);
  size_t prefix = 0;
  while (prefix < 4 && prefix < a.size() && prefix < b.size() && a[prefix] == b[prefix]) ++prefix;
  return jaro + prefix * 0.1 * (1.0 - jaro);
}

int BoundedLevenshtein(std::string_view a, std::string_view b, int limit) {
  if (a.size() > b.size()) std::swap(a, b);
  if (static_cast<int>(b.size() - a.size()) > limit) return limit + 1;
  std::array<int, kStackLength + 1> row_stack;
  std::vector<int> row_heap;
  int* row = row_stack.data();
  if (a.size() + 1 > row_stack.size()) {
    row_heap.resize(a.size() + 1);
    row = row_heap.data();
  }
  for (size_t idx = 0; idx <= a.size(); ++idx) row[idx] = static_cast<int>(idx);
  for (size_t b_idx = 1; b_idx <= b.size(); ++b_idx) {
    int diagonal = row[0];
    row[0] = static_cast<int>(b_idx);
    int row_min = row[0];
    for (size_t a_idx = 1; a_idx <= a.size(); ++a_idx) {
      const int above = row[a_idx];
      const int cost = a[a_idx - 1] == b[b_idx - 1] ? 0 : 1;
      row[a_idx] = std::min({above + 1, row[a_idx - 1] + 1, diagonal + cost});
      diagonal = above;
      row_min = std::min(row_min, row[a_idx]);
    }
    if (row_min > limit) return limit + 1;
  }
  return std::min(row[a.size()], limit + 1);
}

bool OneSlipApart(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  size_t first = a.size();
  int differences = 0;
  for (size_t idx = 0; idx < a.size(); ++idx) {
    if (a[idx] == b[idx]) continue;
    if (differences == 0) first = idx;
    ++differences;
  }
  if (differences == 1) return true;
  return differences == 2 && first + 1 < a.size() && a[first] == b[first + 1] && a[first + 1] == b[first] &&
         a.substr(first + 2) == b.substr(first + 2);
}

}  // namespace acogida::linkage
