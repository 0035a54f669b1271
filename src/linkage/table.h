// A Table is the engine's input: named columns of text and rows of cells, as read from a
// CSV file or built from Person records. Cells are kept as given; each comparison
// normalises what it needs. Plain value type; not thread-safe to modify, safe to read
// from several threads.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace acogida::linkage {

class Table {
 public:
  Table() = default;
  explicit Table(std::vector<std::string> columns) : columns_(std::move(columns)) {}

  const std::vector<std::string>& columns() const { return columns_; }
  // The index of the column named `name`, or nullopt.
  std::optional<size_t> ColumnIndex(std::string_view name) const {
    for (size_t idx = 0; idx < columns_.size(); ++idx) {
      if (columns_[idx] == name) return idx;
    }
    return std::nullopt;
  }

  // Appends a row. Requires cells.size() == columns().size() (programmer error otherwise:
  // the CSV reader rejects ragged rows before they get here).
  void AddRow(std::vector<std::string> cells) {
    for (std::string& cell : cells) cells_.push_back(std::move(cell));
  }
  void Reserve(size_t rows) { cells_.reserve(rows * columns_.size()); }

  size_t rows() const { return columns_.empty() ? 0 : cells_.size() / columns_.size(); }
  std::span<const std::string> Row(size_t row) const {
    return std::span<const std::string>(cells_).subspan(row * columns_.size(), columns_.size());
  }
  const std::string& Cell(size_t row, size_t column) const { return cells_[row * columns_.size() + column]; }

 private:
  std::vector<std::string> columns_;
  std::vector<std::string> cells_;  // row-major
};

}  // namespace acogida::linkage
