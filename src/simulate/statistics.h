// Monte Carlo summaries: the mean of one measure over replications with its 95 % confidence
// interval, mean ± t(0.975, n − 1) · s / √n. Pure; thread-safe.
#pragma once

#include <span>

namespace acogida::simulate {

struct Estimate {
  double mean = 0;
  double half_width = 0;  // of the 95 % confidence interval; 0 with one replication
  double min = 0;
  double max = 0;
};

// The 0.975 quantile of Student's t with `degrees` degrees of freedom (>= 1); exact to three
// decimals up to 30, then the Cornish–Fisher expansion.
double StudentT975(int degrees);

// The estimate from `values` (one per replication, in replication order). Empty: all zero.
Estimate Summarise(std::span<const double> values);

}  // namespace acogida::simulate
