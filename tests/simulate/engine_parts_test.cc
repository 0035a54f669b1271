// The engine's parts: the event queue pops in time order with ties in insertion order; the
// wait histogram's mean is exact and its quantiles are within a bin; Student's t and the
// confidence interval; seeds of replications are distinct and fixed.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <vector>

#include "simulate/event_queue.h"
#include "simulate/histogram.h"
#include "simulate/rng.h"
#include "simulate/statistics.h"

namespace acogida::simulate {
namespace {

TEST(EventQueue, PopsInTimeOrderAndTiesInInsertionOrder) {
  EventQueue queue(4);  // grows past its first capacity
  Rng rng(5);
  std::vector<double> times;
  for (uint32_t index = 0; index < 1000; ++index) {
    const double time = static_cast<double>(rng.UniformInt(0, 99));  // many ties
    times.push_back(time);
    queue.Push(time, EventKind::kServiceEnd, index, index * 2);
  }
  double last_time = -1;
  uint32_t last_target = 0;
  for (int popped = 0; popped < 1000; ++popped) {
    const Event event = queue.Pop();
    EXPECT_EQ(event.kind(), EventKind::kServiceEnd);
    EXPECT_EQ(event.payload, event.target * 2);
    EXPECT_EQ(event.time, times[event.target]);
    EXPECT_GE(event.time, last_time);
    if (event.time == last_time) {
      EXPECT_GT(event.target, last_target);
    }
    last_time = event.time;
    last_target = event.target;
  }
  EXPECT_TRUE(queue.empty());
}

TEST(WaitHistogram, HasAnExactMeanAndQuantilesWithinABin) {
  WaitHistogram histogram;
  std::vector<double> waits;
  Rng rng(9);
  for (int index = 0; index < 100000; ++index) {
    const double wait = index % 4 == 0 ? 0 : rng.Exponential(30);
    waits.push_back(wait);
    histogram.Add(wait);
  }
  double sum = 0;
  for (double wait : waits) sum += wait;
  EXPECT_NEAR(histogram.Mean(), sum / waits.size(), 1e-9);
  std::sort(waits.begin(), waits.end());
  for (double q : {0.1, 0.5, 0.9, 0.95, 0.99}) {
    const double exact = waits[static_cast<size_t>(q * waits.size())];
    EXPECT_NEAR(histogram.Quantile(q), exact, 0.032 * exact + 1e-9) << "q " << q;
  }
  EXPECT_EQ(histogram.Quantile(0.2), 0);  // a quarter of the waits are zero
}

TEST(WaitHistogram, KeepsVeryShortAndVeryLongWaits) {
  WaitHistogram histogram;
  histogram.Add(1e-6);
  histogram.Add(1e12);
  EXPECT_EQ(histogram.count(), 2);
  EXPECT_LT(histogram.Quantile(0.25), 0.01);
  EXPECT_GT(histogram.Quantile(0.99), 1e7);
}

TEST(Statistics, StudentTAndTheConfidenceInterval) {
  EXPECT_DOUBLE_EQ(StudentT975(1), 12.706);
  EXPECT_DOUBLE_EQ(StudentT975(9), 2.262);
  EXPECT_NEAR(StudentT975(60), 2.000, 0.001);
  EXPECT_NEAR(StudentT975(1000000), 1.960, 0.001);
  const double values[] = {10, 12, 14, 16, 18};  // mean 14, s = sqrt(10)
  const Estimate estimate = Summarise(values);
  EXPECT_DOUBLE_EQ(estimate.mean, 14);
  EXPECT_NEAR(estimate.half_width, 2.776 * std::sqrt(10.0) / std::sqrt(5.0), 1e-9);
  EXPECT_EQ(estimate.min, 10);
  EXPECT_EQ(estimate.max, 18);
  const double one[] = {3};
  EXPECT_EQ(Summarise(one).half_width, 0);
}

TEST(Rng, ReplicationSeedsAreFixedAndDistinct) {
  EXPECT_EQ(ReplicationSeed(1, 0), ReplicationSeed(1, 0));
  EXPECT_NE(ReplicationSeed(1, 0), ReplicationSeed(1, 1));
  EXPECT_NE(ReplicationSeed(1, 0), ReplicationSeed(2, 0));
  Rng a(ReplicationSeed(7, 3)), b(ReplicationSeed(7, 3));
  for (int draw = 0; draw < 100; ++draw) EXPECT_EQ(a.Next(), b.Next());
}

TEST(Rng, PoissonHasTheRightMeanAndVariance) {
  Rng rng(3);
  for (double mean : {2.5, 40.0, 900.0}) {
    double sum = 0, squares = 0;
    const int draws = 40000;
    for (int draw = 0; draw < draws; ++draw) {
      const double value = static_cast<double>(rng.Poisson(mean));
      sum += value;
      squares += value * value;
    }
    const double sample_mean = sum / draws;
    const double variance = squares / draws - sample_mean * sample_mean;
    EXPECT_NEAR(sample_mean, mean, 5 * std::sqrt(mean / draws)) << "mean " << mean;
    EXPECT_NEAR(variance, mean, 0.05 * mean) << "mean " << mean;
  }
}

}  // namespace
}  // namespace acogida::simulate
