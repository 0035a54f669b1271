// Union–find for components, then constrained average linkage inside each component.
#include "linkage/clustering.h"

#include <algorithm>
#include <numeric>
#include <unordered_map>

#include "linkage/fs_model.h"

namespace acogida::linkage {
namespace {

class UnionFind {
 public:
  explicit UnionFind(size_t size) : parent_(size) { std::iota(parent_.begin(), parent_.end(), 0u); }
  uint32_t Find(uint32_t item) {
    while (parent_[item] != item) {
      parent_[item] = parent_[parent_[item]];
      item = parent_[item];
    }
    return item;
  }
  void Join(uint32_t a, uint32_t b) {
    a = Find(a);
    b = Find(b);
    if (a != b) parent_[std::max(a, b)] = std::min(a, b);
  }

 private:
  std::vector<uint32_t> parent_;
};

// Average linkage over `members` with the full probability matrix; writes the cluster of
// each member (an index into members) to `group_of`.
void SplitComponent(const std::vector<uint32_t>& members, const std::vector<double>& probability,
                    const ClusterOptions& options, std::vector<size_t>& group_of) {
  const size_t n = members.size();
  // sum[i][j]: total probability between groups i and j; strong[i][j]: a link reaches the threshold.
  std::vector<double> sum(probability);
  std::vector<char> strong(n * n);
  for (size_t idx = 0; idx < n * n; ++idx) strong[idx] = probability[idx] >= options.threshold;
  std::vector<size_t> group_size(n, 1);
  std::vector<char> alive(n, 1);
  group_of.resize(n);
  std::iota(group_of.begin(), group_of.end(), size_t{0});
  while (true) {
    double best = -1;
    size_t best_i = 0, best_j = 0;
    for (size_t i = 0; i < n; ++i) {
      if (!alive[i]) continue;
      for (size_t j = i + 1; j < n; ++j) {
        if (!alive[j] || !strong[i * n + j]) continue;
        const double mean = sum[i * n + j] / static_cast<double>(group_size[i] * group_size[j]);
        if (mean >= options.cohesion && mean > best) {
          best = mean;
          best_i = i;
          best_j = j;
        }
      }
    }
    if (best < 0) break;
    // Merge j into i.
    for (size_t k = 0; k < n; ++k) {
      if (!alive[k] || k == best_i || k == best_j) continue;
      sum[best_i * n + k] += sum[best_j * n + k];
      sum[k * n + best_i] = sum[best_i * n + k];
      strong[best_i * n + k] = strong[best_i * n + k] || strong[best_j * n + k];
      strong[k * n + best_i] = strong[best_i * n + k];
    }
    group_size[best_i] += group_size[best_j];
    alive[best_j] = 0;
    for (size_t& group : group_of) {
      if (group == best_j) group = best_i;
    }
  }
}

}  // namespace

std::vector<uint32_t> ClusterRecords(size_t records, std::span<const ScoredPair> links,
                                     const std::function<double(uint32_t, uint32_t)>& probability,
                                     const ClusterOptions& options) {
  const double threshold_weight = ProbabilityToWeight(options.threshold);
  UnionFind components(records);
  for (const ScoredPair& link : links) {
    if (link.weight >= threshold_weight) components.Join(link.a, link.b);
  }
  std::vector<uint32_t> cluster_of(records);
  for (uint32_t record = 0; record < records; ++record) cluster_of[record] = components.Find(record);
  // Records grouped by component, in increasing order within each.
  std::vector<uint32_t> order(records);
  std::iota(order.begin(), order.end(), 0u);
  std::stable_sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) { return cluster_of[a] < cluster_of[b]; });

  auto pair_key = [](uint32_t a, uint32_t b) { return (static_cast<uint64_t>(std::min(a, b)) << 32) | std::max(a, b); };
  std::unordered_map<uint64_t, double> known;  // only filled if some component is too large to rescore
  std::vector<uint32_t> members;
  std::vector<double> matrix;
  std::vector<size_t> group_of;
  for (size_t begin = 0; begin < order.size();) {
    size_t end = begin + 1;
    while (end < order.size() && cluster_of[order[end]] == cluster_of[order[begin]]) ++end;
    const size_t n = end - begin;
    if (n < 3) {
      begin = end;
      continue;
    }
    members.assign(order.begin() + static_cast<std::ptrdiff_t>(begin), order.begin() + static_cast<std::ptrdiff_t>(end));
    begin = end;
    if (n > options.max_rescored_component && known.empty()) {
      for (const ScoredPair& link : links) known[pair_key(link.a, link.b)] = WeightToProbability(link.weight);
    }
    matrix.assign(n * n, 0.0);
    for (size_t i = 0; i < n; ++i) {
      for (size_t j = i + 1; j < n; ++j) {
        double p = 0;
        if (n <= options.max_rescored_component) {
          p = probability(members[i], members[j]);
        } else if (auto it = known.find(pair_key(members[i], members[j])); it != known.end()) {
          p = it->second;
        }
        matrix[i * n + j] = matrix[j * n + i] = p;
      }
    }
    SplitComponent(members, matrix, options, group_of);
    // Each group is named by its smallest record (members are in increasing order).
    std::vector<uint32_t> name_of(n, UINT32_MAX);
    for (size_t idx = 0; idx < n; ++idx) {
      uint32_t& name = name_of[group_of[idx]];
      name = std::min(name, members[idx]);
    }
    for (size_t idx = 0; idx < n; ++idx) cluster_of[members[idx]] = name_of[group_of[idx]];
  }
  return cluster_of;
}

}  // namespace acogida::linkage
