// Canonical given names and surnames on top of core/names.h and the nickname table.
#include "linkage/person_names.h"

#include <algorithm>

#include "core/names.h"
#include "linkage/nicknames.h"

namespace acogida::linkage {
namespace {

void AppendWords(std::string_view words, std::vector<std::string>& out) {
  for (size_t start = 0; start < words.size();) {
    size_t end = words.find(' ', start);
    if (end == std::string_view::npos) end = words.size();
    if (end > start) out.emplace_back(words.substr(start, end - start));
    start = end + 1;
  }
}

}  // namespace

std::vector<std::string> CanonicalGivenNames(std::string_view given_names) {
  std::vector<std::string> tokens;
  for (std::string& token : NameTokens(given_names)) {
    std::span<const std::string> names = Nicknames().NamesFor(token);
    if (names.size() == 1) {
      AppendWords(names.front(), tokens);  // "chema" → "jose", "maria"
    } else {
      tokens.push_back(std::move(token));
    }
  }
  return tokens;
}

std::string CanonicalSurname(std::string_view surname) { return JoinTokens(NameTokens(surname)); }

bool SameGivenName(std::string_view a, std::string_view b) {
  if (a == b) return true;
  return SameGivenName(a, Nicknames().NamesFor(a), b, Nicknames().NamesFor(b));
}

bool SameGivenName(std::string_view a, std::span<const std::string> names_a, std::string_view b,
                   std::span<const std::string> names_b) {
  if (a == b) return true;
  for (const std::string& name : names_a) {
    if (name == b) return true;
    for (const std::string& other : names_b) {
      if (name == other) return true;
    }
  }
  for (const std::string& name : names_b) {
    if (name == a) return true;
  }
  return false;
}

bool GivenNamesWithin(const std::vector<std::string>& part, const std::vector<std::string>& whole) {
  if (part.empty() || part.size() > whole.size()) return false;
  uint64_t used = 0;  // names have far fewer than 64 tokens; longer ones compare their first 64
  for (const std::string& token : part) {
    bool found = false;
    for (size_t idx = 0; idx < whole.size() && idx < 64; ++idx) {
      if ((used >> idx) & 1) continue;
      if (SameGivenName(token, whole[idx])) {
        used |= uint64_t{1} << idx;
        found = true;
        break;
      }
    }
    if (!found) return false;
  }
  return true;
}

std::string_view CoreGivenName(const std::vector<std::string>& tokens) {
  if (tokens.empty()) return {};
  if (tokens.size() > 1 && (tokens[0] == "maria" || tokens[0] == "jose")) return tokens[1];
  return tokens[0];
}

std::string JoinTokens(const std::vector<std::string>& tokens) {
  std::string out;
  for (const std::string& token : tokens) {
    if (!out.empty()) out += ' ';
    out += token;
  }
  return out;
}

}  // namespace acogida::linkage
