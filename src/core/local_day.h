// The UTC bounds of a calendar day in a site's time zone, so that "today's arrivals in
// Tijuana" means Tijuana's day, including the border cities' daylight-saving rules.
// Uses ICU's time-zone data (no I/O). Thread-safe.
#pragma once

#include <chrono>
#include <string_view>
#include <utility>

#include "core/status.h"
#include "core/utc_time.h"

namespace acogida {

// True if ICU knows the IANA zone `timezone` ("America/Tijuana").
bool IsKnownTimeZone(std::string_view timezone);

// [start, end) in UTC of `date` in `timezone`. InvalidArgument("timezone") if unknown.
StatusOr<std::pair<UtcTime, UtcTime>> LocalDayBounds(std::string_view timezone, std::chrono::sys_days date);

// The calendar date of `time` in `timezone`.
StatusOr<std::chrono::sys_days> LocalDate(std::string_view timezone, UtcTime time);

}  // namespace acogida
