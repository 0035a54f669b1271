// ZoneRules are one time zone's UTC offsets over time, parsed from a TZif file (RFC 8536) as
// shipped by the system's tzdata. We read the system's data rather than ICU's because the
// ICU 72 in Debian 12 predates Mexico's 2022 end of daylight saving and America/Ciudad_Juarez,
// while Debian keeps tzdata current. Parsing and lookups are pure; reading the file is the
// caller's (service/time_zones.h). Immutable after parsing; thread-safe.
#pragma once

#include <chrono>
#include <cstdint>
#include <string_view>
#include <utility>
#include <vector>

#include "core/status.h"
#include "core/utc_time.h"

namespace acogida {

class ZoneRules {
 public:
  // Parses TZif version 1, 2 or 3 data. InvalidArgument("timezone") if malformed.
  static StatusOr<ZoneRules> Parse(std::string_view tzif);
  // A zone at a fixed offset from UTC (for tests and "Etc/UTC").
  static ZoneRules Fixed(std::chrono::seconds offset);

  // Offset of local time from UTC at `time`. Past the last transition in the file the last
  // offset holds (Debian's "fat" files list transitions through 2037).
  std::chrono::seconds OffsetAt(UtcTime time) const;

  // [start, end) in UTC of the local calendar day `date`.
  std::pair<UtcTime, UtcTime> DayBounds(std::chrono::sys_days date) const;
  // The local calendar date at `time`.
  std::chrono::sys_days LocalDate(UtcTime time) const;

 private:
  // The UTC instant of local wall time `local` (the earlier one when ambiguous).
  UtcTime LocalToUtc(std::chrono::sys_seconds local) const;

  std::vector<int64_t> transitions_;      // UTC seconds, ascending
  std::vector<int32_t> offset_after_;     // offset in force from each transition on
  int32_t initial_offset_ = 0;            // before the first transition
};

}  // namespace acogida
