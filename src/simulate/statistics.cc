// Student's t quantiles and the replication summary.
#include "simulate/statistics.h"

#include <algorithm>
#include <cmath>

namespace acogida::simulate {

double StudentT975(int degrees) {
  static const double kTable[] = {12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228,
                                  2.201,  2.179, 2.160, 2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086,
                                  2.080,  2.074, 2.069, 2.064, 2.060, 2.056, 2.052, 2.048, 2.045, 2.042};
  if (degrees < 1) degrees = 1;
  if (degrees <= 30) return kTable[degrees - 1];
  const double z = 1.959963984540054;
  const double n = degrees;
  return z + (z * z * z + z) / (4 * n) + (5 * std::pow(z, 5) + 16 * z * z * z + 3 * z) / (96 * n * n);
}

Estimate Summarise(std::span<const double> values) {
  Estimate estimate;
  if (values.empty()) return estimate;
  double sum = 0;
  estimate.min = values.front();
  estimate.max = values.front();
  for (double value : values) {
    sum += value;
    estimate.min = std::min(estimate.min, value);
    estimate.max = std::max(estimate.max, value);
  }
  const double count = static_cast<double>(values.size());
  estimate.mean = sum / count;
  if (values.size() < 2) return estimate;
  double squares = 0;
  for (double value : values) squares += (value - estimate.mean) * (value - estimate.mean);
  const double sd = std::sqrt(squares / (count - 1));
  estimate.half_width = StudentT975(values.size() - 1) * sd / std::sqrt(count);
  return estimate;
}

}  // namespace acogida::simulate
