// TimeZones loads the system's time-zone rules (tzdata's TZif files under TZDIR, by default
// /usr/share/zoneinfo) by IANA name and keeps them for the life of the process, so a site's
// "day" follows current rules (Mexico dropped daylight saving in 2022; the border cities
// follow the US). Thread-safe.
#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <string>

#include "core/zone_rules.h"

namespace acogida {

class TimeZones {
 public:
  explicit TimeZones(std::string folder);

  // The rules of `name` ("America/Tijuana"). InvalidArgument("timezone") when the name is
  // malformed or not in the time-zone database.
  StatusOr<std::shared_ptr<const ZoneRules>> Find(const std::string& name);

 private:
  const std::string folder_;
  std::mutex mutex_;
  std::map<std::string, std::shared_ptr<const ZoneRules>> loaded_;
};

// The process's time-zone database: $TZDIR or /usr/share/zoneinfo.
TimeZones& SystemTimeZones();

}  // namespace acogida
