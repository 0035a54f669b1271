// An Arrival records one person reaching a site: when, how (land port, flight, bus) and
// in which batch (the bus or flight they came on). A person returned several times has
// several arrivals; the first is written with the household at intake. Plain value type.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace acogida {

enum class ArrivalMode { kLandPort, kFlight, kBus, kOther };
std::string_view ArrivalModeName(ArrivalMode mode);  // "land_port", "flight", "bus", "other"
std::optional<ArrivalMode> ParseArrivalMode(std::string_view name);

struct Arrival {
  int64_t id = 0;
  int64_t person_id = 0;
  int64_t household_id = 0;
  int64_t site_id = 0;
  std::string arrived_at;  // ISO 8601 UTC, "2026-11-29T14:05:00Z"
  ArrivalMode mode = ArrivalMode::kLandPort;
  std::string batch_id;    // free text: bus number, flight, "lista 14"
};

}  // namespace acogida
