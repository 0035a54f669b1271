// The service layer's clock: the system clock in production, a fixed or stepped one in
// tests. Returns whole UTC seconds.
#pragma once

#include <functional>

#include "core/utc_time.h"

namespace acogida {

using Clock = std::function<UtcTime()>;

inline Clock SystemClock() {
  return [] { return std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now()); };
}

}  // namespace acogida
