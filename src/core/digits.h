// Reading fixed-width decimal fields ("1985" of "1985-03-12") for core's date and time parsers.
#pragma once

#include <cstddef>
#include <string_view>

namespace acogida {

// Reads the `count` characters of `text` at `pos` as a decimal number into *out. False (and
// *out unchanged) if they run past the end or are not all ASCII digits.
inline bool ParseFixedDigits(std::string_view text, size_t pos, size_t count, int* out) {
  if (pos + count > text.size()) return false;
  int value = 0;
  for (size_t idx = pos; idx < pos + count; ++idx) {
    if (text[idx] < '0' || text[idx] > '9') return false;
    value = value * 10 + (text[idx] - '0');
  }
  *out = value;
  return true;
}

}  // namespace acogida
