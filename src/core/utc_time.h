// UTC timestamps as Acogida stores and sends them: ISO 8601 with a Z, second precision
// ("2026-11-29T14:05:00Z"), which sort as text in time order. Pure formatting and parsing;
// reading the clock is left to the callers (service, store) so that tests can fix it.
#pragma once

#include <chrono>
#include <string>
#include <string_view>

#include "core/status.h"

namespace acogida {

using UtcTime = std::chrono::sys_seconds;

std::string FormatUtc(UtcTime time);
// "YYYY-MM-DD" of `time` in UTC.
std::string FormatUtcDate(UtcTime time);
// Accepts "YYYY-MM-DDTHH:MM:SSZ", optionally with fractional seconds (dropped) or a
// numeric offset "+HH:MM"/"-HH:MM" instead of Z. InvalidArgument(field) otherwise.
StatusOr<UtcTime> ParseUtc(std::string_view text, std::string_view field);
// Accepts "YYYY-MM-DD" (a real date). InvalidArgument(field) otherwise.
StatusOr<std::chrono::sys_days> ParseDate(std::string_view text, std::string_view field);

}  // namespace acogida
