// The schema-independent comparisons: exact, name (Jaro–Winkler levels), Levenshtein for
// codes and numbers, and dates.
#include <cstdio>

#include "core/names.h"
#include "linkage/comparison_kinds.h"
#include "linkage/curp_compare.h"
#include "linkage/date_compare.h"
#include "linkage/string_similarity.h"

namespace acogida::linkage::internal {
namespace {

constexpr double kDefaultThresholds[] = {0.92, 0.80};

using Column = PooledColumn<FoldedValue>;

void AppendFolded(Column& column, std::string_view raw, Counted counted) {
  column.Append(raw, [&column](std::string_view text) {
    FoldedValue value{FoldName(text)};
    value.term = column.TermId(value.folded);
    return value;
  }, counted);
}

// A comparison over one column of folded values, exact agreement (level 0) adjusted by the
// folded value's term frequency in `b`.
class FoldedComparison : public Comparison {
 public:
  std::unique_ptr<PreparedColumn> NewColumn() const override { return std::make_unique<Column>(); }
  double TfAdjustment(int level, const PreparedColumn& a, size_t a_row, const PreparedColumn& b,
                      size_t b_row) const override {
    if (!settings().term_frequency || level != 0) return 0.0;
    const auto& right = As<Column>(b);
    return right.TermTfLog2(right.at(b_row).term);
  }

 protected:
  using Comparison::Comparison;
};

// Exact: equal after folding. Term frequency on the folded value.
class ExactComparison final : public FoldedComparison {
 public:
  explicit ExactComparison(const ComparisonSettings& settings) : FoldedComparison(settings, {"exact", "different"}) {}

  void Append(PreparedColumn& column, std::span<const std::string> row, Counted counted) const override {
    AppendFolded(As<Column>(column), Cell(row, 0), counted);
  }
  int Compare(const PreparedColumn& a, size_t a_row, const PreparedColumn& b, size_t b_row) const override {
    const auto& left = As<Column>(a);
    const auto& right = As<Column>(b);
    if (left.at(a_row).folded.empty() || right.at(b_row).folded.empty()) return kNullLevel;
    return SameValue(left, a_row, right, b_row) ? 0 : 1;
  }
};

// Name: equal after folding, else the first Jaro–Winkler threshold reached.
class NameComparison final : public FoldedComparison {
 public:
  explicit NameComparison(const ComparisonSettings& settings)
      : FoldedComparison(WithDefaults(settings), LevelNames(WithDefaults(settings))) {}

  void Append(PreparedColumn& column, std::span<const std::string> row, Counted counted) const override {
    AppendFolded(As<Column>(column), Cell(row, 0), counted);
  }
  int Compare(const PreparedColumn& a, size_t a_row, const PreparedColumn& b, size_t b_row) const override {
    const auto& left = As<Column>(a);
    const auto& right = As<Column>(b);
    const std::string_view x = left.at(a_row).folded;
    const std::string_view y = right.at(b_row).folded;
    if (x.empty() || y.empty()) return kNullLevel;
    if (SameValue(left, a_row, right, b_row)) return 0;
    const double similarity = JaroWinkler(x, y);
    const std::vector<double>& thresholds = settings().thresholds;
    for (size_t idx = 0; idx < thresholds.size(); ++idx) {
      if (similarity >= thresholds[idx]) return static_cast<int>(idx) + 1;
    }
    return static_cast<int>(thresholds.size()) + 1;
  }

 private:
  static ComparisonSettings WithDefaults(ComparisonSettings settings) {
    if (settings.thresholds.empty()) settings.thresholds.assign(std::begin(kDefaultThresholds), std::end(kDefaultThresholds));
    return settings;
  }
  static std::vector<std::string> LevelNames(const ComparisonSettings& settings) {
    std::vector<std::string> names = {"exact"};
    for (double threshold : settings.thresholds) {
      char buf[48];
      std::snprintf(buf, sizeof buf, "jaro_winkler>=%.2f", threshold);
      names.emplace_back(buf);
    }
    names.emplace_back("different");
    return names;
  }
};

// Levenshtein: codes and numbers (postcodes, street numbers, document numbers), spaces
// removed: equal, one edit, two edits, different.
class LevenshteinComparison final : public FoldedComparison {
 public:
  explicit LevenshteinComparison(const ComparisonSettings& settings)
      : FoldedComparison(settings, {"exact", "one_edit", "two_edits", "different"}) {}

  void Append(PreparedColumn& column, std::span<const std::string> row, Counted counted) const override {
    Column& pooled = As<Column>(column);
    pooled.Append(Cell(row, 0), [&pooled](std::string_view raw) {
      FoldedValue value{FoldName(raw)};
      std::erase(value.folded, ' ');
      value.term = pooled.TermId(value.folded);
      return value;
    }, counted);
  }
  int Compare(const PreparedColumn& a, size_t a_row, const PreparedColumn& b, size_t b_row) const override {
    const auto& left = As<Column>(a);
    const auto& right = As<Column>(b);
    const std::string_view x = left.at(a_row).folded;
    const std::string_view y = right.at(b_row).folded;
    if (x.empty() || y.empty()) return kNullLevel;
    if (SameValue(left, a_row, right, b_row)) return 0;
    const int distance = BoundedLevenshtein(x, y, 2);
    return distance <= 2 ? distance : 3;
  }
};

class DateColumn final : public PreparedColumn {
 public:
  size_t size() const override { return dates.size(); }
  std::vector<LooseDate> dates;
};

class DateComparison final : public Comparison {
 public:
  explicit DateComparison(const ComparisonSettings& settings)
      : Comparison(settings, {"exact", "same_partial", "swapped_day_month", "one_off", "within_a_year", "different"}) {}

  std::unique_ptr<PreparedColumn> NewColumn() const override { return std::make_unique<DateColumn>(); }
  void Append(PreparedColumn& column, std::span<const std::string> row, Counted) const override {
    const LooseDate recorded = ParseLooseDate(Cell(row, 0));
    As<DateColumn>(column).dates.push_back(settings().columns.size() > 1 ? CompleteBirthDate(recorded, Cell(row, 1))
                                                                         : recorded);
  }
  int Compare(const PreparedColumn& a, size_t a_row, const PreparedColumn& b, size_t b_row) const override {
    const DateLevel level = CompareDates(As<DateColumn>(a).dates[a_row], As<DateColumn>(b).dates[b_row]);
    return level == DateLevel::kUnknown ? kNullLevel : static_cast<int>(level);
  }
};

}  // namespace

std::unique_ptr<Comparison> NewExactComparison(const ComparisonSettings& settings) {
  return std::make_unique<ExactComparison>(settings);
}
std::unique_ptr<Comparison> NewNameComparison(const ComparisonSettings& settings) {
  return std::make_unique<NameComparison>(settings);
}
std::unique_ptr<Comparison> NewLevenshteinComparison(const ComparisonSettings& settings) {
  return std::make_unique<LevenshteinComparison>(settings);
}
std::unique_ptr<Comparison> NewDateComparison(const ComparisonSettings& settings) {
  return std::make_unique<DateComparison>(settings);
}

}  // namespace acogida::linkage::internal
