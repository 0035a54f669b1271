// EM on pattern counts, with a small pseudo-count so that no m or u reaches zero.
#include "linkage/em.h"

#include <algorithm>
#include <cmath>

namespace acogida::linkage {
namespace {

// Pseudo-count added to every level, in pairs: keeps log(m/u) finite for levels never
// seen in one class, without pretending to have seen them (two valid, different CURPs
// never belong to one person in the data, and must weigh accordingly).
constexpr double kPseudoCount = 0.05;
constexpr double kMinShare = 1e-7;

}  // namespace

StatusOr<PatternCounts> PatternCounts::Make(std::vector<size_t> level_counts) {
  PatternCounts patterns;
  uint64_t stride = 1;
  for (size_t levels : level_counts) {
    patterns.strides_.push_back(stride);
    const uint64_t radix = levels + 1;  // the null level too
    if (stride > (uint64_t{1} << 62) / radix) return InvalidArgument("comparisons", "too many comparison levels");
    stride *= radix;
  }
  patterns.level_counts_ = std::move(level_counts);
  return patterns;
}

uint64_t PatternCounts::Encode(const int* levels) const {
  uint64_t pattern = 0;
  for (size_t idx = 0; idx < strides_.size(); ++idx) pattern += static_cast<uint64_t>(levels[idx] + 1) * strides_[idx];
  return pattern;
}

void PatternCounts::Decode(uint64_t pattern, int* levels) const {
  for (size_t idx = 0; idx < strides_.size(); ++idx) {
    const uint64_t radix = level_counts_[idx] + 1;
    levels[idx] = static_cast<int>((pattern / strides_[idx]) % radix) - 1;
  }
}

void PatternCounts::Merge(const PatternCounts& other) {
  for (const auto& [pattern, count] : other.counts_) counts_[pattern] += count;
}

double PatternCounts::total() const {
  double total = 0;
  for (const auto& entry : counts_) total += entry.second;
  return total;
}

FsModel InitialModel(const PatternCounts& patterns, std::vector<ComparisonParameters> comparisons,
                     double match_share) {
  const size_t comparison_count = comparisons.size();
  std::vector<int> levels(comparison_count);
  std::vector<std::vector<double>> marginal(comparison_count);
  for (size_t idx = 0; idx < comparison_count; ++idx) marginal[idx].assign(patterns.level_counts()[idx], kPseudoCount);
  for (const auto& [pattern, count] : patterns.counts()) {
    patterns.Decode(pattern, levels.data());
    for (size_t idx = 0; idx < comparison_count; ++idx) {
      if (levels[idx] >= 0) marginal[idx][static_cast<size_t>(levels[idx])] += count;
    }
  }
  FsModel model;
  model.match_share = match_share;
  for (size_t idx = 0; idx < comparison_count; ++idx) {
    ComparisonParameters& params = comparisons[idx];
    const size_t level_count = patterns.level_counts()[idx];
    params.m.assign(level_count, 0);
    params.u.assign(level_count, 0);
    double m_total = 0, u_total = 0;
    for (size_t level = 0; level < level_count; ++level) {
      params.m[level] = std::pow(0.25, static_cast<double>(level));
      m_total += params.m[level];
      u_total += marginal[idx][level];
    }
    for (size_t level = 0; level < level_count; ++level) {
      params.m[level] /= m_total;
      params.u[level] = marginal[idx][level] / u_total;
    }
  }
  model.comparisons = std::move(comparisons);
  return model;
}

StatusOr<FsModel> EstimateByEm(const PatternCounts& patterns, FsModel model, const EmSettings& settings) {
  const size_t comparison_count = patterns.level_counts().size();
  if (patterns.counts().empty()) return FailedPrecondition("no candidate pairs to estimate the model from");
  // Decode once; iterations then walk flat arrays.
  std::vector<int> flat_levels;
  std::vector<double> flat_counts;
  flat_levels.reserve(patterns.counts().size() * comparison_count);
  for (const auto& [pattern, count] : patterns.counts()) {
    flat_levels.resize(flat_levels.size() + comparison_count);
    patterns.Decode(pattern, &flat_levels[flat_levels.size() - comparison_count]);
    flat_counts.push_back(count);
  }
  const size_t pattern_count = flat_counts.size();
  std::vector<std::vector<double>> m_acc(comparison_count), u_acc(comparison_count);
  for (int iteration = 1; iteration <= settings.max_iterations; ++iteration) {
    std::vector<std::vector<double>> log_m(comparison_count), log_u(comparison_count);
    for (size_t idx = 0; idx < comparison_count; ++idx) {
      const ComparisonParameters& params = model.comparisons[idx];
      for (size_t level = 0; level < params.m.size(); ++level) {
        log_m[idx].push_back(std::log(params.m[level]));
        log_u[idx].push_back(std::log(params.u[level]));
      }
      m_acc[idx].assign(params.m.size(), kPseudoCount);
      u_acc[idx].assign(params.u.size(), kPseudoCount);
    }
    const double log_prior = std::log(model.match_share / (1.0 - model.match_share));
    double matches = 0, total = 0;
    for (size_t pattern_idx = 0; pattern_idx < pattern_count; ++pattern_idx) {
      const int* levels = &flat_levels[pattern_idx * comparison_count];
      double log_odds = log_prior;
      for (size_t idx = 0; idx < comparison_count; ++idx) {
        if (levels[idx] >= 0) log_odds += log_m[idx][levels[idx]] - log_u[idx][levels[idx]];
      }
      const double posterior = 1.0 / (1.0 + std::exp(-std::clamp(log_odds, -700.0, 700.0)));
      const double count = flat_counts[pattern_idx];
      matches += posterior * count;
      total += count;
      for (size_t idx = 0; idx < comparison_count; ++idx) {
        if (levels[idx] < 0) continue;
        m_acc[idx][levels[idx]] += posterior * count;
        u_acc[idx][levels[idx]] += (1.0 - posterior) * count;
      }
    }
    double largest_change = 0;
    for (size_t idx = 0; idx < comparison_count; ++idx) {
      ComparisonParameters& params = model.comparisons[idx];
      double m_total = 0, u_total = 0;
      for (size_t level = 0; level < params.m.size(); ++level) {
        m_total += m_acc[idx][level];
        u_total += u_acc[idx][level];
      }
      for (size_t level = 0; level < params.m.size(); ++level) {
        const double m = std::max(m_acc[idx][level] / m_total, kMinShare);
        const double u = std::max(u_acc[idx][level] / u_total, kMinShare);
        largest_change = std::max({largest_change, std::abs(m - params.m[level]), std::abs(u - params.u[level])});
        params.m[level] = m;
        params.u[level] = u;
      }
    }
    const double share = std::clamp(matches / total, 1e-9, 1.0 - 1e-9);
    largest_change = std::max(largest_change, std::abs(share - model.match_share));
    model.match_share = share;
    model.em_iterations = iteration;
    if (largest_change < settings.tolerance) {
      model.converged = true;
      break;
    }
  }
  // The classes are unlabelled: if "match" ended up the class whose strongest levels are
  // rarer, swap them back.
  double top_weight = 0;
  for (const ComparisonParameters& params : model.comparisons) top_weight += std::log(params.m[0] / params.u[0]);
  if (top_weight < 0) {
    for (ComparisonParameters& params : model.comparisons) std::swap(params.m, params.u);
    model.match_share = 1.0 - model.match_share;
  }
  return model;
}

}  // namespace acogida::linkage
