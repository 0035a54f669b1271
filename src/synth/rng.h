// Rng: the one source of randomness for synthetic data. Seeded explicitly, never from a
// clock, and portable: std::mt19937_64's output sequence is fixed by the C++ standard,
// and every draw below is computed here rather than with std:: distributions (whose
// results differ between standard libraries). Same seed → same data on any machine.
// Not thread-safe; use one Rng per thread or per generator.
#pragma once

#include <concepts>
#include <cstdint>
#include <iterator>
#include <limits>
#include <random>
#include <span>
#include <utility>

namespace acogida::synth {

// A seed for an independent stream number `stream` of `seed` (SplitMix64 of both), so
// that one user seed can drive several generators without their draws coinciding.
inline uint64_t DeriveSeed(uint64_t seed, uint64_t stream) {
  uint64_t value = seed + (stream + 1) * 0x9E3779B97F4A7C15ULL;
  value = (value ^ (value >> 30)) * 0xBF58476D1CE4E5B9ULL;
  value = (value ^ (value >> 27)) * 0x94D049BB133111EBULL;
  return value ^ (value >> 31);
}

class Rng {
 public:
  explicit Rng(uint64_t seed) : engine_(seed) {}

  // The next raw 64-bit value.
  uint64_t Next() { return engine_(); }

  // A uniform integer in [lo, hi], both ends included. Requires lo <= hi.
  template <std::integral T>
  T Uniform(T lo, T hi) {
    const uint64_t span = static_cast<uint64_t>(hi) - static_cast<uint64_t>(lo);
    return static_cast<T>(static_cast<uint64_t>(lo) + Below(span));
  }

  // A uniform double in [0, 1), from the top 53 bits of one draw.
  double UniformDouble() { return static_cast<double>(engine_() >> 11) * 0x1.0p-53; }
  // A uniform double in [lo, hi).
  double Uniform(double lo, double hi) { return lo + (hi - lo) * UniformDouble(); }

  // True with probability `p` (never for p <= 0, always for p >= 1).
  bool Chance(double p) { return UniformDouble() < p; }

  // A uniformly chosen element. Requires a non-empty sized container (array, span, vector).
  template <typename Container>
  const auto& Pick(const Container& items) {
    return items[Uniform<size_t>(0, std::size(items) - 1)];
  }

  // An index chosen with probability proportional to weights[idx]. Negative weights count
  // as zero. Requires a positive total.
  size_t PickWeightedIndex(std::span<const double> weights) {
    double total = 0;
    for (double weight : weights) total += weight > 0 ? weight : 0;
    double target = UniformDouble() * total;
    size_t last_positive = 0;
    for (size_t idx = 0; idx < weights.size(); ++idx) {
      if (weights[idx] <= 0) continue;
      last_positive = idx;
      if (target < weights[idx]) return idx;
      target -= weights[idx];
    }
    return last_positive;  // only reached through floating-point rounding
  }

  // An element chosen with probability proportional to its `weight` member.
  template <typename Container>
  const auto& PickWeighted(const Container& items) {
    double total = 0;
    for (const auto& item : items) total += item.weight > 0 ? item.weight : 0;
    double target = UniformDouble() * total;
    size_t last_positive = 0;
    for (size_t idx = 0; idx < std::size(items); ++idx) {
      const double weight = items[idx].weight;
      if (weight <= 0) continue;
      last_positive = idx;
      if (target < weight) return items[idx];
      target -= weight;
    }
    return items[last_positive];
  }

  // Fisher–Yates shuffle, in place.
  template <typename Container>
  void Shuffle(Container& items) {
    for (size_t idx = std::size(items); idx > 1; --idx) {
      using std::swap;
      swap(items[idx - 1], items[Uniform<size_t>(0, idx - 1)]);
    }
  }

 private:
  // Uniform in [0, max_value], by rejection so that no value is favoured.
  uint64_t Below(uint64_t max_value) {
    if (max_value == std::numeric_limits<uint64_t>::max()) return engine_();
    const uint64_t range = max_value + 1;
    const uint64_t limit = std::numeric_limits<uint64_t>::max() - std::numeric_limits<uint64_t>::max() % range;
    uint64_t draw = engine_();
    while (draw >= limit) draw = engine_();
    return draw % range;
  }

  std::mt19937_64 engine_;
};

}  // namespace acogida::synth
