// Reference data of Mexico used across the system: the 32 federal entities with their
// INEGI codes and CURP abbreviations. Static tables; thread-safe.
#pragma once

#include <span>
#include <string_view>

namespace acogida {

struct MexicanState {
  std::string_view inegi_code;  // "01" .. "32"
  std::string_view curp_code;   // "AS", "BC", ..., "ZS"
  std::string_view name;        // "Aguascalientes"
};

std::span<const MexicanState> MexicanStates();
// nullptr when unknown.
const MexicanState* StateByInegiCode(std::string_view inegi_code);
const MexicanState* StateByCurpCode(std::string_view curp_code);

}  // namespace acogida
