// Reference data of Mexico used across the system: the 32 federal entities with their
// INEGI codes, CURP abbreviations and the location of their capitals. Static tables; thread-safe.
#pragma once

#include <span>
#include <string_view>

namespace acogida {

struct MexicanState {
  std::string_view inegi_code;  // "01" .. "32"
  std::string_view curp_code;   // "AS", "BC", ..., "ZS"
  std::string_view name;        // "Aguascalientes"
  double capital_lat = 0;       // the state capital, a point for "toward the home region"
  double capital_lon = 0;
};

std::span<const MexicanState> MexicanStates();
// nullptr when unknown.
const MexicanState* StateByInegiCode(std::string_view inegi_code);
const MexicanState* StateByCurpCode(std::string_view curp_code);

}  // namespace acogida
