// Small helpers shared by the SQL Tx files: read every row of a statement into a vector.
#pragma once

#include <vector>

#include "store/sql/sql_connection.h"

namespace acogida {

template <typename T, typename Reader>
StatusOr<std::vector<T>> ReadAll(SqlStatement& stmt, Reader read) {
  std::vector<T> out;
  while (true) {
    ASSIGN_OR_RETURN(bool has_row, stmt.Step());
    if (!has_row) return out;
    out.push_back(read(stmt));
  }
}

}  // namespace acogida
