// WaitHistogram: waiting times in fixed memory, so a replication's memory does not grow with
// its arrivals: one counter for zero waits and 1,024 bins, 32 per doubling (each at most
// 3.1 % wide) from 2^-7 minute to 2^25 minutes (64 years), indexed by the bits of the
// double rather than a logarithm. The mean is exact; quantiles are interpolated within their
// bin. Not thread-safe.
#pragma once

#include <array>
#include <bit>
#include <cstdint>

namespace acogida::simulate {

class WaitHistogram {
 public:
  static constexpr int kSubBins = 32;   // per doubling
  static constexpr int kMinExponent = -7;
  static constexpr int kBins = 1024;    // 32 doublings

  void Add(double minutes) {
    ++count_;
    sum_ += minutes;
    if (minutes <= 0) {
      ++zeros_;
      return;
    }
    ++bins_[Bin(minutes)];
  }

  int64_t count() const { return count_; }
  double Mean() const { return count_ ? sum_ / static_cast<double>(count_) : 0; }

  // The q-quantile (0 < q < 1), interpolated linearly within its bin; 0 when empty.
  double Quantile(double q) const {
    if (count_ == 0) return 0;
    const double target = q * static_cast<double>(count_);
    double seen = static_cast<double>(zeros_);
    if (seen >= target) return 0;
    for (int bin = 0; bin < kBins; ++bin) {
      if (bins_[bin] == 0) continue;
      const double next = seen + static_cast<double>(bins_[bin]);
      if (next >= target) {
        const double fraction = (target - seen) / static_cast<double>(bins_[bin]);
        const double low = bin == 0 ? 0 : LowEdge(bin);
        return low + fraction * (LowEdge(bin + 1) - low);
      }
      seen = next;
    }
    return LowEdge(kBins);
  }

 private:
  // The bin of a positive wait: the double's exponent picks the doubling, the top five bits
  // of its mantissa the sub-bin. Waits below 2^-7 minute go to bin 0, beyond the last to it.
  static int Bin(double minutes) {
    const uint64_t bits = std::bit_cast<uint64_t>(minutes);
    const int exponent = static_cast<int>((bits >> 52) & 0x7FF) - 1023;
    if (exponent < kMinExponent) return 0;
    const int bin = (exponent - kMinExponent) * kSubBins + static_cast<int>((bits >> 47) & (kSubBins - 1));
    return bin < kBins ? bin : kBins - 1;
  }
  static double LowEdge(int bin) {
    const int doubling = bin / kSubBins;
    const double base = static_cast<double>(uint64_t{1} << doubling) / (uint64_t{1} << -kMinExponent);
    return base * (1 + static_cast<double>(bin % kSubBins) / kSubBins);
  }

  int64_t count_ = 0;
  int64_t zeros_ = 0;
  double sum_ = 0;
  std::array<uint32_t, kBins> bins_{};
};

}  // namespace acogida::simulate
