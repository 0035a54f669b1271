// Birth dates as records hold them, compared at the precision both know. Parsing is
// lenient, because linkage input is what intake (or another system) recorded, errors
// included: "1985-03-12", "1985-03", "1985", "19850312", with or without validity (a
// slipped digit may give month 13; the parts are still compared). Pure; thread-safe.
#pragma once

#include <string_view>

namespace acogida::linkage {

struct LooseDate {
  int year = 0;   // 0 unknown
  int month = 0;  // 0 unknown
  int day = 0;    // 0 unknown
  bool known() const { return year != 0; }
  bool full() const { return year != 0 && month != 0 && day != 0; }
  bool operator==(const LooseDate&) const = default;
};

// Parses YYYY-MM-DD, YYYY-MM, YYYY, YYYYMMDD, YYYYMM (surrounding spaces ignored). Anything
// else, including "", gives an unknown date.
LooseDate ParseLooseDate(std::string_view text);

enum class DateLevel {
  kExact,          // both full and equal
  kSamePartial,    // equal at the precision both know, at least one of them partial
  kSwappedDayMonth,  // 1985-03-12 against 1985-12-03
  kOneOff,         // one of year, month, day differs by one slipped digit, or the year by one
  kWithinAYear,    // otherwise within a year of each other (full dates: 366 days)
  kDifferent,
  kUnknown,        // either date unknown: no evidence
};

// Symmetric: CompareDates(a, b) == CompareDates(b, a).
DateLevel CompareDates(const LooseDate& a, const LooseDate& b);

// True if `a` and `b` differ in exactly one decimal digit (or in the year, by one).
bool OneDigitApart(int a, int b);

}  // namespace acogida::linkage
