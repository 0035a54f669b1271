// Parsing and formatting of partial birth dates.
#include "core/birth_date.h"

#include <cstdio>

#include "core/digits.h"

namespace acogida {
int DaysInMonth(int year, int month) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12) return 0;
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : kDays[month - 1];
}

DatePrecision BirthDate::precision() const {
  if (year == 0) return DatePrecision::kUnknown;
  if (month == 0) return DatePrecision::kYear;
  if (day == 0) return DatePrecision::kMonth;
  return DatePrecision::kDay;
}

std::string BirthDate::ToString() const {
  char buf[16];
  switch (precision()) {
    case DatePrecision::kUnknown: return "";
    case DatePrecision::kYear: std::snprintf(buf, sizeof buf, "%04d", year); break;
    case DatePrecision::kMonth: std::snprintf(buf, sizeof buf, "%04d-%02d", year, month); break;
    case DatePrecision::kDay: std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day); break;
  }
  return buf;
}

StatusOr<BirthDate> ParseBirthDate(std::string_view text, std::string_view field,
                                   std::string_view today_iso) {
  const std::string name(field);
  BirthDate date;
  if (text.empty()) return date;
  const char* kShape = "must be YYYY, YYYY-MM or YYYY-MM-DD";
  if (!(text.size() == 4 || text.size() == 7 || text.size() == 10)) return InvalidArgument(name, kShape);
  if (!ParseFixedDigits(text, 0, 4, &date.year)) return InvalidArgument(name, kShape);
  if (text.size() >= 7 && (text[4] != '-' || !ParseFixedDigits(text, 5, 2, &date.month)))
    return InvalidArgument(name, kShape);
  if (text.size() == 10 && (text[7] != '-' || !ParseFixedDigits(text, 8, 2, &date.day)))
    return InvalidArgument(name, kShape);
  if (date.year < 1900) return InvalidArgument(name, "year must be 1900 or later");
  if (text.size() >= 7 && (date.month < 1 || date.month > 12))
    return InvalidArgument(name, "month must be 01 to 12");
  if (text.size() == 10 && (date.day < 1 || date.day > DaysInMonth(date.year, date.month)))
    return InvalidArgument(name, "day does not exist in that month");
  if (!today_iso.empty() && date.ToString() > std::string(today_iso).substr(0, date.ToString().size()))
    return InvalidArgument(name, "must not be in the future");
  return date;
}

}  // namespace acogida
