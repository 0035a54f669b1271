// Nicknames (hipocorísticos) of Mexican given names, from the data file nicknames.tsv
// compiled into the library: Pepe → José, Lupe → Guadalupe, Chema → José María, Beto →
// Alberto, Roberto, ... Everything here is in folded form (core/names.h FoldName).
// The table is built once, on first use; thread-safe.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace acogida::linkage {

// A parsed nickname table: folded nickname → the folded names it may stand for.
class NicknameTable {
 public:
  // Parses "nickname<TAB>name[,name...]" lines; '#' starts a comment line. Returns
  // InvalidArgument naming the line ("line 12") when a line has no tab or no name.
  static StatusOr<NicknameTable> Parse(std::string_view tsv);

  // The folded names `folded_nickname` stands for ("pepe" → {"jose"}); empty if none.
  std::span<const std::string> NamesFor(std::string_view folded_nickname) const;
  size_t size() const { return entries_.size(); }

 private:
  struct Entry {
    std::string nickname;
    std::vector<std::string> names;
  };
  std::vector<Entry> entries_;  // sorted by nickname
};

// The table built from the compiled-in nicknames.tsv.
const NicknameTable& Nicknames();

// The raw text of nicknames.tsv (generated source).
std::string_view NicknamesTsv();

}  // namespace acogida::linkage
