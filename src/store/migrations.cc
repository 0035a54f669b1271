// Dialect substitution for the embedded migrations.
#include "store/migrations.h"

namespace acogida {

std::string ApplyDialect(std::string_view sql, std::string_view id_column) {
  constexpr std::string_view kPlaceholder = "{{ID}}";
  std::string out;
  out.reserve(sql.size() + 64);
  size_t pos = 0;
  while (true) {
    size_t found = sql.find(kPlaceholder, pos);
    if (found == std::string_view::npos) break;
    out.append(sql.substr(pos, found - pos));
    out.append(id_column);
    pos = found + kPlaceholder.size();
  }
  out.append(sql.substr(pos));
  return out;
}

}  // namespace acogida
