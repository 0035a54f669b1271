// Small helpers shared by the SQL Tx files: read every row of a statement into a vector, and
// the id an INSERT ... RETURNING id gave.
#pragma once

#include <string>
#include <string_view>
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

// Steps an INSERT ... RETURNING id, finishes it and returns the id. Internal naming `what`
// if no row came back.
inline StatusOr<int64_t> InsertedId(SqlStatement& stmt, std::string_view what) {
  ASSIGN_OR_RETURN(bool has_row, stmt.Step());
  if (!has_row) return Internal(std::string(what) + " returned no id");
  const int64_t id = stmt.Int(0);
  RETURN_IF_ERROR(stmt.Run());  // finish the statement
  return id;
}

}  // namespace acogida
