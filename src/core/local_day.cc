// Local-day bounds with ICU time zones.
#include "core/local_day.h"

#include <unicode/basictz.h>
#include <unicode/timezone.h>
#include <unicode/unistr.h>

#include <memory>

namespace acogida {
namespace {

std::unique_ptr<icu::TimeZone> FindZone(std::string_view timezone) {
  icu::UnicodeString id = icu::UnicodeString::fromUTF8(icu::StringPiece(timezone.data(), timezone.size()));
  std::unique_ptr<icu::TimeZone> zone(icu::TimeZone::createTimeZone(id));
  icu::UnicodeString found, unknown;
  zone->getID(found);
  icu::TimeZone::getUnknown().getID(unknown);
  // ICU returns the "Etc/Unknown" zone for ids it does not know.
  if (found == unknown) return nullptr;
  return zone;
}

// The UTC instant at which local wall-clock midnight of `date` occurs in `zone`.
UtcTime LocalMidnight(const icu::TimeZone& zone, std::chrono::sys_days date) {
  UErrorCode error = U_ZERO_ERROR;
  double local_ms = static_cast<double>(std::chrono::sys_seconds(date).time_since_epoch().count()) * 1000.0;
  int32_t raw_offset = 0, dst_offset = 0;
  // Interpret local_ms as local wall time (formerly/latter resolution for gaps and overlaps).
  if (auto* basic = dynamic_cast<const icu::BasicTimeZone*>(&zone)) {
    basic->getOffsetFromLocal(local_ms, UCAL_TZ_LOCAL_FORMER, UCAL_TZ_LOCAL_FORMER, raw_offset, dst_offset, error);
  } else {
    zone.getOffset(local_ms, true, raw_offset, dst_offset, error);
  }
  auto offset = std::chrono::milliseconds(raw_offset + dst_offset);
  return std::chrono::floor<std::chrono::seconds>(std::chrono::sys_seconds(date) - offset);
}

}  // namespace

bool IsKnownTimeZone(std::string_view timezone) { return FindZone(timezone) != nullptr; }

StatusOr<std::pair<UtcTime, UtcTime>> LocalDayBounds(std::string_view timezone, std::chrono::sys_days date) {
  auto zone = FindZone(timezone);
  if (!zone) return InvalidArgument("timezone", "unknown time zone '" + std::string(timezone) + "'");
  return std::make_pair(LocalMidnight(*zone, date), LocalMidnight(*zone, date + std::chrono::days(1)));
}

StatusOr<std::chrono::sys_days> LocalDate(std::string_view timezone, UtcTime time) {
  auto zone = FindZone(timezone);
  if (!zone) return InvalidArgument("timezone", "unknown time zone '" + std::string(timezone) + "'");
  UErrorCode error = U_ZERO_ERROR;
  int32_t raw_offset = 0, dst_offset = 0;
  zone->getOffset(static_cast<double>(time.time_since_epoch().count()) * 1000.0, false, raw_offset, dst_offset,
                  error);
  return std::chrono::floor<std::chrono::days>(time + std::chrono::milliseconds(raw_offset + dst_offset));
}

}  // namespace acogida
