// The per-address token bucket: bursts, sustained rate, separate addresses, off switch.
#include <gtest/gtest.h>

#include "http/rate_limiter.h"

namespace acogida::http {
namespace {

using namespace std::chrono_literals;

TEST(RateLimiter, AllowsTheBurstThenTheSustainedRate) {
  RateLimiter limiter(10, 20);
  const auto start = RateLimiter::Clock::time_point{} + 1h;
  int allowed = 0;
  for (int request = 0; request < 50; ++request) allowed += limiter.Allow("192.0.2.1", start) ? 1 : 0;
  EXPECT_EQ(allowed, 20);
  EXPECT_FALSE(limiter.Allow("192.0.2.1", start + 50ms));  // half a token
  EXPECT_TRUE(limiter.Allow("192.0.2.1", start + 100ms));  // one token after 0.1 s
  EXPECT_TRUE(limiter.Allow("198.51.100.2", start));       // other addresses have their own bucket
}

TEST(RateLimiter, ZeroRateMeansNoLimit) {
  RateLimiter limiter(0, 0);
  for (int request = 0; request < 1000; ++request) ASSERT_TRUE(limiter.Allow("192.0.2.1"));
}

}  // namespace
}  // namespace acogida::http
