// Formatting and parsing of ISO 8601 UTC timestamps and dates.
#include "core/utc_time.h"

#include <cstdio>

#include "core/digits.h"

namespace acogida {
std::string FormatUtc(UtcTime time) {
  auto days = std::chrono::floor<std::chrono::days>(time);
  std::chrono::year_month_day ymd(days);
  std::chrono::hh_mm_ss hms(time - days);
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02d:%02d:%02dZ", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()),
                static_cast<int>(hms.hours().count()), static_cast<int>(hms.minutes().count()),
                static_cast<int>(hms.seconds().count()));
  return buf;
}

std::string FormatUtcDate(UtcTime time) { return FormatUtc(time).substr(0, 10); }

StatusOr<std::chrono::sys_days> ParseDate(std::string_view text, std::string_view field) {
  const std::string name(field);
  int year = 0, month = 0, day = 0;
  if (text.size() != 10 || !ParseFixedDigits(text, 0, 4, &year) || text[4] != '-' || !ParseFixedDigits(text, 5, 2, &month) ||
      text[7] != '-' || !ParseFixedDigits(text, 8, 2, &day)) {
    return InvalidArgument(name, "must be a date YYYY-MM-DD");
  }
  std::chrono::year_month_day ymd{std::chrono::year(year), std::chrono::month(month), std::chrono::day(day)};
  if (!ymd.ok() || year < 1900) return InvalidArgument(name, "is not a real date");
  return std::chrono::sys_days(ymd);
}

StatusOr<UtcTime> ParseUtc(std::string_view text, std::string_view field) {
  const std::string name(field);
  const char* kShape = "must be an ISO 8601 time like 2026-11-29T14:05:00Z";
  if (text.size() < 20 || text[10] != 'T') return InvalidArgument(name, kShape);
  ASSIGN_OR_RETURN(std::chrono::sys_days days, ParseDate(text.substr(0, 10), field));
  int hour = 0, minute = 0, second = 0;
  if (!ParseFixedDigits(text, 11, 2, &hour) || text[13] != ':' || !ParseFixedDigits(text, 14, 2, &minute) || text[16] != ':' ||
      !ParseFixedDigits(text, 17, 2, &second)) {
    return InvalidArgument(name, kShape);
  }
  if (hour > 23 || minute > 59 || second > 60) return InvalidArgument(name, "is not a real time of day");
  size_t pos = 19;
  if (pos < text.size() && text[pos] == '.') {
    ++pos;
    size_t digits_start = pos;
    while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') ++pos;
    if (pos == digits_start) return InvalidArgument(name, kShape);
  }
  int offset_minutes = 0;
  std::string_view zone = text.substr(pos);
  if (zone == "Z") {
    offset_minutes = 0;
  } else if (zone.size() == 6 && (zone[0] == '+' || zone[0] == '-') && zone[3] == ':') {
    int offset_hours = 0, offset_mins = 0;
    if (!ParseFixedDigits(zone, 1, 2, &offset_hours) || !ParseFixedDigits(zone, 4, 2, &offset_mins) || offset_hours > 14 ||
        offset_mins > 59) {
      return InvalidArgument(name, kShape);
    }
    offset_minutes = (offset_hours * 60 + offset_mins) * (zone[0] == '-' ? -1 : 1);
  } else {
    return InvalidArgument(name, kShape);
  }
  return UtcTime(days) + std::chrono::hours(hour) + std::chrono::minutes(minute - offset_minutes) +
         std::chrono::seconds(second);
}

}  // namespace acogida
