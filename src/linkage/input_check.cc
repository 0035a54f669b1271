// Column and id checks, and re-laying a table out by column names.
#include "linkage/input_check.h"

#include <unordered_map>

namespace acogida::linkage {

StatusOr<size_t> CheckInput(const CsvFile& file, const Settings& settings) {
  const Table& table = file.table;
  const std::string header = "line 1";
  size_t id_column = 0;
  if (!settings.id_column.empty()) {
    const auto found = table.ColumnIndex(settings.id_column);
    if (!found) return InvalidArgument(header, "the header has no '" + settings.id_column + "' column (the record id)");
    id_column = *found;
  }
  for (const std::string& column : settings.required_columns) {
    if (!table.ColumnIndex(column)) {
      std::string have;
      for (const std::string& name : table.columns()) have += (have.empty() ? "" : ", ") + name;
      return InvalidArgument(header, "the header has no '" + column + "' column (it has: " + have + ")");
    }
  }
  std::unordered_map<std::string, uint32_t> first_line_of;
  for (size_t row = 0; row < table.rows(); ++row) {
    const std::string& id = table.Cell(row, id_column);
    const std::string where = "line " + std::to_string(file.row_lines[row]);
    if (id.empty()) return InvalidArgument(where, "has no record id in column '" + table.columns()[id_column] + "'");
    auto [it, inserted] = first_line_of.emplace(id, file.row_lines[row]);
    if (!inserted) {
      return InvalidArgument(where, "repeats record id '" + id + "' (first on line " + std::to_string(it->second) + ")");
    }
  }
  return id_column;
}

Table WithColumns(const Table& table, const std::vector<std::string>& columns) {
  std::vector<int> source;
  for (const std::string& column : columns) {
    const auto found = table.ColumnIndex(column);
    source.push_back(found ? static_cast<int>(*found) : -1);
  }
  Table out(columns);
  out.Reserve(table.rows());
  for (size_t row = 0; row < table.rows(); ++row) {
    std::vector<std::string> cells;
    cells.reserve(columns.size());
    for (int index : source) cells.push_back(index < 0 ? std::string() : table.Cell(row, static_cast<size_t>(index)));
    out.AddRow(std::move(cells));
  }
  return out;
}

}  // namespace acogida::linkage
