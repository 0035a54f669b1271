// A Comparison turns two records into an agreement level for one field (or a group of
// fields, like the two surnames): level 0 is the strongest agreement, the last is
// disagreement, and kNullLevel means no evidence (a value is missing). The Fellegi–Sunter
// model (fs_model.h) gives each level a weight. Comparisons first prepare each record
// into a column (folded names, phonetic keys, parsed dates), so that a pair costs only
// lookups and string similarity. Comparisons are immutable and thread-safe; a column is not
// thread-safe while records are appended, and safe to read from several threads after.
#pragma once

#include <memory>
#include <span>
#include <string>
#include <vector>

#include "core/status.h"
#include "linkage/intern_pool.h"
#include "linkage/settings.h"

namespace acogida::linkage {

inline constexpr int kNullLevel = -1;

// What one comparison keeps of each record, in the order records were appended.
class PreparedColumn {
 public:
  virtual ~PreparedColumn() = default;
  virtual size_t size() const = 0;
};

class Comparison {
 public:
  virtual ~Comparison() = default;

  const ComparisonSettings& settings() const { return settings_; }
  const std::string& name() const { return settings_.name; }
  // The level names, strongest agreement first ("exact", "nickname", ..., "different").
  const std::vector<std::string>& levels() const { return levels_; }

  virtual std::unique_ptr<PreparedColumn> NewColumn() const = 0;
  // Prepares one record, whose cells are `row` (laid out as the columns the comparison was
  // made for), and appends it to `column`. With Counted::kNo the record is not counted in
  // the term frequencies (a query, not a member of the data).
  virtual void Append(PreparedColumn& column, std::span<const std::string> row,
                      Counted counted = Counted::kYes) const = 0;
  // The level of record `a_row` of `a` against record `b_row` of `b`, or kNullLevel.
  // `a` and `b` may be the same column. Symmetric.
  virtual int Compare(const PreparedColumn& a, size_t a_row, const PreparedColumn& b, size_t b_row) const = 0;
  // The term-frequency adjustment, in bits, for a pair found at `level`; 0 unless term
  // frequency is on and the level is one of exact agreement. Frequencies are those of `b`.
  virtual double TfAdjustment(int level, const PreparedColumn& a, size_t a_row, const PreparedColumn& b,
                              size_t b_row) const {
    return 0.0;
  }

 protected:
  Comparison(ComparisonSettings settings, std::vector<std::string> levels)
      : settings_(std::move(settings)), levels_(std::move(levels)) {}

  // The cell of the comparison's column `which`, or "" when the table lacks the column.
  const std::string& Cell(std::span<const std::string> row, size_t which) const;

  std::vector<int> column_indices_;  // per settings().columns entry; -1 when missing from the table

 private:
  friend StatusOr<std::unique_ptr<Comparison>> MakeComparison(const ComparisonSettings&,
                                                              const std::vector<std::string>&);
  ComparisonSettings settings_;
  std::vector<std::string> levels_;
};

// Builds the comparison `settings` describes for tables with `table_columns`. Returns
// InvalidArgument (field "comparisons.<name>") for the wrong number of columns or bad
// thresholds. A column named in settings but absent from the table reads as empty.
StatusOr<std::unique_ptr<Comparison>> MakeComparison(const ComparisonSettings& settings,
                                                     const std::vector<std::string>& table_columns);

}  // namespace acogida::linkage
