// Clustering scored pairs into persons without chaining strangers through one weak link.
// Choice (documented for issue #4): records are first joined along links at or above the
// threshold (connected components). Inside each component of three or more records every
// pair is then scored (not only the candidate pairs), and the component is rebuilt by
// average-linkage agglomeration: two groups merge only if some link between them reaches
// the threshold AND the mean probability over all their cross pairs reaches `cohesion`.
// So A–B and B–C strong but A–C clearly different keeps C out unless the group as a whole
// supports it. Pure; thread-compatible.
#pragma once

#include <cstdint>
#include <functional>
#include <span>
#include <vector>

namespace acogida::linkage {

struct ScoredPair {
  uint32_t a = 0;  // a < b for deduplication; left and right row for linking
  uint32_t b = 0;
  float weight = 0;  // match weight, log2 odds
};

struct ClusterOptions {
  double threshold = 0.9;  // a link must reach this probability
  double cohesion = 0.5;   // mean probability two groups need to merge
  // Components larger than this are not rescored pair by pair: pairs that were not
  // candidates count as probability 0. Bounds the work on pathological inputs.
  size_t max_rescored_component = 400;
};

// The cluster of each of `records` records: the smallest record index in its cluster.
// `links` are the scored candidate pairs at or above the threshold (others are ignored);
// `probability(a, b)` scores any pair inside a component.
std::vector<uint32_t> ClusterRecords(size_t records, std::span<const ScoredPair> links,
                                     const std::function<double(uint32_t, uint32_t)>& probability,
                                     const ClusterOptions& options);

}  // namespace acogida::linkage
