// Token buckets per client address.
#include "http/rate_limiter.h"

#include <algorithm>

namespace acogida::http {

bool RateLimiter::Allow(const std::string& address, Clock::time_point now) {
  if (per_second_ <= 0) return true;
  std::lock_guard<std::mutex> lock(mutex_);
  if (now - last_sweep_ > std::chrono::minutes(1)) {
    for (auto it = buckets_.begin(); it != buckets_.end();) {
      it = now - it->second.updated > std::chrono::minutes(1) ? buckets_.erase(it) : std::next(it);
    }
    last_sweep_ = now;
  }
  auto [it, inserted] = buckets_.try_emplace(address, Bucket{burst_, now});
  Bucket& bucket = it->second;
  const double elapsed = std::chrono::duration<double>(now - bucket.updated).count();
  bucket.tokens = std::min(burst_, bucket.tokens + elapsed * per_second_);
  bucket.updated = now;
  if (bucket.tokens < 1.0) return false;
  bucket.tokens -= 1.0;
  return true;
}

}  // namespace acogida::http
