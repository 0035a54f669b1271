// Loading TZif files by zone name.
#include "service/time_zones.h"

#include <cstdlib>
#include <fstream>
#include <sstream>

namespace acogida {
namespace {

// Area/Location names only: letters, digits, '_', '-', '+', '/'; no "..", no leading '/'.
bool IsZoneName(const std::string& name) {
  if (name.empty() || name.size() > 64 || name.front() == '/' || name.find("..") != std::string::npos) return false;
  for (char ch : name) {
    bool ok = (ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '_' ||
              ch == '-' || ch == '+' || ch == '/';
    if (!ok) return false;
  }
  return true;
}

}  // namespace

TimeZones::TimeZones(std::string folder) : folder_(std::move(folder)) {}

StatusOr<std::shared_ptr<const ZoneRules>> TimeZones::Find(const std::string& name) {
  if (!IsZoneName(name)) return InvalidArgument("timezone", "'" + name + "' is not a time-zone name");
  std::lock_guard<std::mutex> lock(mutex_);
  auto found = loaded_.find(name);
  if (found != loaded_.end()) return found->second;
  std::ifstream in(folder_ + "/" + name, std::ios::binary);
  if (!in) return InvalidArgument("timezone", "unknown time zone '" + name + "'");
  std::ostringstream bytes;
  bytes << in.rdbuf();
  ASSIGN_OR_RETURN(ZoneRules rules, ZoneRules::Parse(bytes.str()));
  auto shared = std::make_shared<const ZoneRules>(std::move(rules));
  loaded_.emplace(name, shared);
  return shared;
}

TimeZones& SystemTimeZones() {
  static TimeZones* zones = [] {
    const char* folder = std::getenv("TZDIR");
    return new TimeZones(folder && *folder ? folder : "/usr/share/zoneinfo");
  }();
  return *zones;
}

}  // namespace acogida
