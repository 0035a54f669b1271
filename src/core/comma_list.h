// Lists of short codes stored as one comma-separated text column ("spa,nah"; "given_names,curp").
// The items never contain commas (codes and field names).
#pragma once

#include <string>
#include <vector>

namespace acogida {

inline std::string JoinCommaList(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& item : items) {
    if (!out.empty()) out += ',';
    out += item;
  }
  return out;
}

// "" → {}; empty items between commas are dropped.
inline std::vector<std::string> SplitCommaList(const std::string& text) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start < text.size()) {
    size_t comma = text.find(',', start);
    if (comma == std::string::npos) comma = text.size();
    if (comma > start) out.push_back(text.substr(start, comma - start));
    start = comma + 1;
  }
  return out;
}

}  // namespace acogida
