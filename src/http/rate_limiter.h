// A RateLimiter allows each client address a sustained rate of requests with a burst on top
// (a token bucket per address), so that one client cannot flood the server. Buckets idle for
// a minute are forgotten. Thread-safe.
#pragma once

#include <chrono>
#include <mutex>
#include <string>
#include <unordered_map>

namespace acogida::http {

class RateLimiter {
 public:
  using Clock = std::chrono::steady_clock;

  // `per_second` requests a second sustained, up to `burst` at once. per_second 0 disables.
  RateLimiter(double per_second, double burst) : per_second_(per_second), burst_(burst) {}

  // True if a request from `address` at `now` is allowed (and takes a token).
  bool Allow(const std::string& address, Clock::time_point now = Clock::now());

 private:
  struct Bucket {
    double tokens;
    Clock::time_point updated;
  };

  const double per_second_;
  const double burst_;
  std::mutex mutex_;
  std::unordered_map<std::string, Bucket> buckets_;
  Clock::time_point last_sweep_{};
};

}  // namespace acogida::http
