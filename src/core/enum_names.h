// Lookup of an enum value by its wire name in a table indexed by the enum's value.
// Shared by the enums of core so that each keeps just its table of names.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

namespace acogida {

template <typename Enum, size_t N>
std::optional<Enum> ParseEnumName(const std::string_view (&names)[N], std::string_view name) {
  for (size_t idx = 0; idx < N; ++idx) {
    if (names[idx] == name) return static_cast<Enum>(idx);
  }
  return std::nullopt;
}

}  // namespace acogida
