// Background jobs that several servers on one database run once per period between them
// (retention purge now; hold expiry and reminders later): whichever server checks first after
// the period has passed claims the job and runs it; the others see the claim and skip.
#pragma once

#include <chrono>
#include <functional>
#include <string>

#include "core/status.h"
#include "service/clock.h"
#include "store/store.h"

namespace acogida {

enum class JobOutcome { kRan, kSkipped };

// Runs `job` if no server started the job `name` within the last `period`; records the
// claim first and the end after. A failed job gives its claim up (and its error is returned),
// so the next check runs it again.
StatusOr<JobOutcome> RunJobOnce(Store& store, const Clock& clock, const std::string& name,
                                std::chrono::seconds period, const std::function<Status()>& job);

}  // namespace acogida
