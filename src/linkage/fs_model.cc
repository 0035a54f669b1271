// Level weights and the one-line summary of an explanation.
#include "linkage/fs_model.h"

#include <cstdio>

namespace acogida::linkage {

double FsModel::LevelWeight(size_t comparison_idx, int level) const {
  if (level < 0) return 0.0;
  const ComparisonParameters& params = comparisons[comparison_idx];
  return std::log2(params.m[static_cast<size_t>(level)] / params.u[static_cast<size_t>(level)]);
}

std::string MatchExplanation::Summary() const {
  std::string out;
  char buf[64];
  std::snprintf(buf, sizeof buf, "prior(%+.1f)", prior_weight);
  out += buf;
  for (const FieldContribution& field : fields) {
    out += ' ';
    out += field.comparison;
    out += '=';
    out += field.level;
    if (field.tf_adjustment != 0) {
      std::snprintf(buf, sizeof buf, "(%+.1f,tf%+.1f)", field.weight, field.tf_adjustment);
    } else {
      std::snprintf(buf, sizeof buf, "(%+.1f)", field.weight);
    }
    out += buf;
  }
  return out;
}

}  // namespace acogida::linkage
