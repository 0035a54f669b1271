// Parsing the nickname table and the compiled-in instance.
#include "linkage/nicknames.h"

#include <algorithm>
#include <cstdlib>

#include "core/names.h"

namespace acogida::linkage {
namespace {

std::string_view Trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\r')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\r')) text.remove_suffix(1);
  return text;
}

}  // namespace

StatusOr<NicknameTable> NicknameTable::Parse(std::string_view tsv) {
  NicknameTable table;
  size_t line_number = 0;
  for (size_t start = 0; start < tsv.size();) {
    size_t end = tsv.find('\n', start);
    if (end == std::string_view::npos) end = tsv.size();
    const std::string_view line = Trim(tsv.substr(start, end - start));
    start = end + 1;
    ++line_number;
    if (line.empty() || line.front() == '#') continue;
    const size_t tab = line.find('\t');
    const std::string where = "line " + std::to_string(line_number);
    if (tab == std::string_view::npos) return InvalidArgument(where, "expected nickname<TAB>names");
    Entry entry{FoldName(line.substr(0, tab)), {}};
    std::string_view names = line.substr(tab + 1);
    while (!names.empty()) {
      const size_t comma = names.find(',');
      const std::string folded = FoldName(names.substr(0, comma));
      if (!folded.empty()) entry.names.push_back(folded);
      names = comma == std::string_view::npos ? std::string_view() : names.substr(comma + 1);
    }
    if (entry.nickname.empty() || entry.names.empty()) return InvalidArgument(where, "needs a nickname and a name");
    table.entries_.push_back(std::move(entry));
  }
  std::sort(table.entries_.begin(), table.entries_.end(),
            [](const Entry& a, const Entry& b) { return a.nickname < b.nickname; });
  // A nickname listed twice keeps the union of its names.
  std::vector<Entry> merged;
  for (Entry& entry : table.entries_) {
    if (!merged.empty() && merged.back().nickname == entry.nickname) {
      for (std::string& name : entry.names) {
        auto& names = merged.back().names;
        if (std::find(names.begin(), names.end(), name) == names.end()) names.push_back(std::move(name));
      }
    } else {
      merged.push_back(std::move(entry));
    }
  }
  table.entries_ = std::move(merged);
  return table;
}

std::span<const std::string> NicknameTable::NamesFor(std::string_view folded_nickname) const {
  auto it = std::lower_bound(entries_.begin(), entries_.end(), folded_nickname,
                             [](const Entry& entry, std::string_view key) { return entry.nickname < key; });
  if (it == entries_.end() || it->nickname != folded_nickname) return {};
  return it->names;
}

const NicknameTable& Nicknames() {
  static const NicknameTable* const table = [] {
    StatusOr<NicknameTable> parsed = NicknameTable::Parse(NicknamesTsv());
    // The file is compiled in and covered by tests; a broken table is a build error.
    if (!parsed.ok()) std::abort();
    return new NicknameTable(std::move(parsed).value());
  }();
  return *table;
}

}  // namespace acogida::linkage
