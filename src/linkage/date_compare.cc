// Lenient date parsing and the comparison levels.
#include "linkage/date_compare.h"

#include <algorithm>
#include <cstdlib>

namespace acogida::linkage {
namespace {

bool AllDigits(std::string_view text) {
  if (text.empty()) return false;
  for (char ch : text) {
    if (ch < '0' || ch > '9') return false;
  }
  return true;
}

int ToInt(std::string_view digits) {
  int value = 0;
  for (char ch : digits) value = value * 10 + (ch - '0');
  return value;
}

// Days since a fixed origin (proleptic Gregorian), for the distance between full dates;
// out-of-range months and days (a slipped digit) are clamped.
long DayNumber(const LooseDate& date) {
  const int month = std::clamp(date.month, 1, 12);
  const int day = std::clamp(date.day, 1, 31);
  const int year = date.year - (month <= 2 ? 1 : 0);
  const int era = year / 400;
  const int year_of_era = year - era * 400;
  const int day_of_year = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
  const int day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
  return static_cast<long>(era) * 146097 + day_of_era;
}

}  // namespace

LooseDate ParseLooseDate(std::string_view text) {
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  LooseDate date;
  std::string_view year, month, day;
  if (text.size() >= 4 && AllDigits(text.substr(0, 4))) year = text.substr(0, 4);
  if (year.empty()) return date;
  std::string_view rest = text.substr(4);
  if (rest.empty()) {
    date.year = ToInt(year);
    return date;
  }
  if (rest.front() == '-' || rest.front() == '/') {
    rest.remove_prefix(1);
    const size_t dash = rest.find_first_of("-/");
    month = rest.substr(0, dash);
    if (dash != std::string_view::npos) day = rest.substr(dash + 1);
  } else if (rest.size() == 4 || rest.size() == 2) {
    month = rest.substr(0, 2);
    if (rest.size() == 4) day = rest.substr(2);
  } else {
    return date;
  }
  if ((!month.empty() && (!AllDigits(month) || month.size() > 2)) || (!day.empty() && (!AllDigits(day) || day.size() > 2))) {
    return date;
  }
  date.year = ToInt(year);
  if (date.year == 0) return LooseDate{};
  date.month = month.empty() ? 0 : ToInt(month);
  date.day = date.month != 0 && !day.empty() ? ToInt(day) : 0;
  return date;
}

bool OneDigitApart(int a, int b) {
  if (a == b) return false;
  if (std::abs(a - b) == 1) return true;
  int differing = 0;
  while (a > 0 || b > 0) {
    if (a % 10 != b % 10) ++differing;
    a /= 10;
    b /= 10;
  }
  return differing == 1;
}

DateLevel CompareDates(const LooseDate& a, const LooseDate& b) {
  if (!a.known() || !b.known()) return DateLevel::kUnknown;
  if (a.full() && b.full()) {
    if (a == b) return DateLevel::kExact;
    if (a.year == b.year && a.day == b.month && a.month == b.day) return DateLevel::kSwappedDayMonth;
    const int same = (a.year == b.year) + (a.month == b.month) + (a.day == b.day);
    if (same == 2) {
      if (a.year != b.year && OneDigitApart(a.year, b.year)) return DateLevel::kOneOff;
      if (a.month != b.month && OneDigitApart(a.month, b.month)) return DateLevel::kOneOff;
      if (a.day != b.day && OneDigitApart(a.day, b.day)) return DateLevel::kOneOff;
    }
    const long days_apart = std::labs(DayNumber(a) - DayNumber(b));
    return days_apart <= 366 ? DateLevel::kWithinAYear : DateLevel::kDifferent;
  }
  // At least one is partial: compare the parts both know.
  const bool months_known = a.month != 0 && b.month != 0;
  if (a.year == b.year && (!months_known || a.month == b.month)) return DateLevel::kSamePartial;
  if (a.year != b.year && OneDigitApart(a.year, b.year) && (!months_known || a.month == b.month)) {
    return DateLevel::kOneOff;
  }
  if (a.year == b.year && months_known && OneDigitApart(a.month, b.month)) return DateLevel::kOneOff;
  if (a.year == b.year || std::abs(a.year - b.year) == 1) return DateLevel::kWithinAYear;
  return DateLevel::kDifferent;
}

}  // namespace acogida::linkage
