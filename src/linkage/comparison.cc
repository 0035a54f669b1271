// MakeComparison: checks settings against the kind and binds the columns.
#include "linkage/comparison.h"

#include "linkage/comparison_kinds.h"

namespace acogida::linkage {
namespace {

// The fewest and most columns each kind takes.
std::pair<size_t, size_t> ColumnRange(ComparisonKind kind) {
  switch (kind) {
    case ComparisonKind::kSurnames:
    case ComparisonKind::kNamePair: return {2, 2};
    case ComparisonKind::kCurp: return {4, 4};
    case ComparisonKind::kDate: return {1, 2};
    default: return {1, 1};
  }
}

}  // namespace

const std::string& Comparison::Cell(std::span<const std::string> row, size_t which) const {
  static const std::string kEmpty;
  const int index = column_indices_[which];
  return index < 0 ? kEmpty : row[static_cast<size_t>(index)];
}

StatusOr<std::unique_ptr<Comparison>> MakeComparison(const ComparisonSettings& settings,
                                                     const std::vector<std::string>& table_columns) {
  const std::string field = "comparisons." + settings.name;
  if (settings.name.empty()) return InvalidArgument("comparisons", "every comparison needs a name");
  const auto [fewest, most] = ColumnRange(settings.kind);
  if (settings.columns.size() < fewest || settings.columns.size() > most) {
    return InvalidArgument(field, fewest == most ? "needs " + std::to_string(fewest) + " column(s)"
                                                 : "needs " + std::to_string(fewest) + " to " + std::to_string(most) +
                                                       " columns");
  }
  for (size_t idx = 0; idx < settings.thresholds.size(); ++idx) {
    const double threshold = settings.thresholds[idx];
    if (!(threshold > 0 && threshold < 1) || (idx > 0 && threshold >= settings.thresholds[idx - 1])) {
      return InvalidArgument(field, "thresholds must be between 0 and 1, highest first");
    }
  }
  std::unique_ptr<Comparison> comparison;
  switch (settings.kind) {
    case ComparisonKind::kExact: comparison = internal::NewExactComparison(settings); break;
    case ComparisonKind::kName: comparison = internal::NewNameComparison(settings); break;
    case ComparisonKind::kLevenshtein: comparison = internal::NewLevenshteinComparison(settings); break;
    case ComparisonKind::kDate: comparison = internal::NewDateComparison(settings); break;
    case ComparisonKind::kGivenNames: comparison = internal::NewGivenNamesComparison(settings); break;
    case ComparisonKind::kSurnames:
    case ComparisonKind::kNamePair: comparison = internal::NewSurnamesComparison(settings); break;
    case ComparisonKind::kCurp: comparison = internal::NewCurpComparison(settings); break;
  }
  for (const std::string& column : settings.columns) {
    int index = -1;
    for (size_t idx = 0; idx < table_columns.size(); ++idx) {
      if (table_columns[idx] == column) index = static_cast<int>(idx);
    }
    comparison->column_indices_.push_back(index);
  }
  return comparison;
}

}  // namespace acogida::linkage
