// The simulator's random numbers: xoshiro256** seeded through SplitMix64, with every draw
// computed here (not with std:: distributions, whose results differ between standard
// libraries), so a seed gives the same run on any machine. ReplicationSeed derives the seed of
// replication i from the run's seed alone, so results do not depend on the thread count.
// Not thread-safe: one Rng per replication.
#pragma once

#include <cmath>
#include <cstdint>

namespace acogida::simulate {

inline uint64_t SplitMix64(uint64_t value) {
  value += 0x9E3779B97F4A7C15ULL;
  value = (value ^ (value >> 30)) * 0xBF58476D1CE4E5B9ULL;
  value = (value ^ (value >> 27)) * 0x94D049BB133111EBULL;
  return value ^ (value >> 31);
}

// The seed of replication `replication` of a run seeded with `seed`.
inline uint64_t ReplicationSeed(uint64_t seed, uint64_t replication) {
  return SplitMix64(SplitMix64(seed) ^ (replication * 0xD1B54A32D192ED03ULL + 1));
}

class Rng {
 public:
  explicit Rng(uint64_t seed) {
    for (uint64_t& word : state_) {
      seed = SplitMix64(seed);
      word = seed;
    }
  }

  uint64_t Next() {
    const uint64_t result = Rotl(state_[1] * 5, 7) * 9;
    const uint64_t t = state_[1] << 17;
    state_[2] ^= state_[0];
    state_[3] ^= state_[1];
    state_[1] ^= state_[2];
    state_[0] ^= state_[3];
    state_[2] ^= t;
    state_[3] = Rotl(state_[3], 45);
    return result;
  }

  // Uniform in [0, 1), 53 bits.
  double Uniform() { return static_cast<double>(Next() >> 11) * 0x1.0p-53; }
  // Uniform in (0, 1]: safe under log().
  double UniformPositive() { return 1.0 - Uniform(); }
  bool Bernoulli(double p) { return Uniform() < p; }
  // Uniform integer in [lo, hi] (Lemire's multiply-shift; the bias is below 2^-32 for our spans).
  int UniformInt(int lo, int hi) {
    const uint64_t span = static_cast<uint64_t>(hi - lo) + 1;
    return lo + static_cast<int>(((Next() >> 32) * span) >> 32);
  }
  double Exponential(double mean) { return -mean * std::log(UniformPositive()); }
  // Standard normal (Box–Muller, one value per call).
  double Normal() {
    return std::sqrt(-2 * std::log(UniformPositive())) * std::cos(6.283185307179586 * Uniform());
  }
  // Number of failures before a success with P(success) = p, so the mean is (1 - p) / p.
  int Geometric(double p) {
    if (p >= 1) return 0;
    return static_cast<int>(std::floor(std::log(UniformPositive()) / std::log1p(-p)));
  }
  // Poisson with the given mean: multiplication below 10, PTRS (Hörmann 1993) above.
  int64_t Poisson(double mean);

 private:
  static uint64_t Rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
  // log(k!) by Stirling's series (std::lgamma writes the global signgam: not thread-safe).
  static double LogFactorial(double k) {
    if (k < 2) return 0;
    const double n = k + 1;
    return (n - 0.5) * std::log(n) - n + 0.91893853320467274178 + 1 / (12 * n) - 1 / (360 * n * n * n);
  }
  uint64_t state_[4];
};

inline int64_t Rng::Poisson(double mean) {
  if (mean <= 0) return 0;
  if (mean < 10) {
    const double limit = std::exp(-mean);
    double product = Uniform();
    int64_t count = 0;
    while (product > limit) {
      ++count;
      product *= Uniform();
    }
    return count;
  }
  const double slam = std::sqrt(mean);
  const double loglam = std::log(mean);
  const double b = 0.931 + 2.53 * slam;
  const double a = -0.059 + 0.02483 * b;
  const double inv_alpha = 1.1239 + 1.1328 / (b - 3.4);
  const double vr = 0.9277 - 3.6224 / (b - 2);
  while (true) {
    const double u = Uniform() - 0.5;
    const double v = Uniform();
    const double us = 0.5 - std::fabs(u);
    const double k = std::floor((2 * a / us + b) * u + mean + 0.43);
    if (us >= 0.07 && v <= vr) return static_cast<int64_t>(k);
    if (k < 0 || (us < 0.013 && v > us)) continue;
    if (std::log(v) + std::log(inv_alpha) - std::log(a / (us * us) + b) <= -mean + k * loglam - LogFactorial(k)) {
      return static_cast<int64_t>(k);
    }
  }
}

}  // namespace acogida::simulate
