// Names of the arrival modes.
#include "core/arrival.h"

#include "core/enum_names.h"

namespace acogida {
namespace {
constexpr std::string_view kModeNames[] = {"land_port", "flight", "bus", "other"};
}

std::string_view ArrivalModeName(ArrivalMode mode) { return kModeNames[static_cast<int>(mode)]; }

std::optional<ArrivalMode> ParseArrivalMode(std::string_view name) {
  return ParseEnumName<ArrivalMode>(kModeNames, name);
}

}  // namespace acogida
