// A BirthDate is a date of birth known to a varying precision: full (1985-03-12),
// year and month (1985-03), year only (1985), or unknown. People arriving without
// papers often know only the year; the linkage engine compares what is known.
// Plain value type.
#pragma once

#include <string>
#include <string_view>

#include "core/status.h"

namespace acogida {

enum class DatePrecision { kUnknown, kYear, kMonth, kDay };

struct BirthDate {
  int year = 0;   // 0 when unknown
  int month = 0;  // 1-12, 0 when not known
  int day = 0;    // 1-31, 0 when not known

  DatePrecision precision() const;
  bool known() const { return year != 0; }
  // "1985-03-12", "1985-03", "1985", or "" when unknown.
  std::string ToString() const;

  bool operator==(const BirthDate&) const = default;
};

// Parses "", "YYYY", "YYYY-MM" or "YYYY-MM-DD". Rejects impossible dates (1985-02-30),
// years before 1900, and dates after `today_iso` ("YYYY-MM-DD") when it is given.
// On failure returns InvalidArgument naming `field`.
StatusOr<BirthDate> ParseBirthDate(std::string_view text, std::string_view field = "birth_date",
                                   std::string_view today_iso = {});

int DaysInMonth(int year, int month);

}  // namespace acogida
