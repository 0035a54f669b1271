// The batch entry points: deduplicate one table into clusters of records of the same
// person, or link two tables. Both: prepare the records, propose candidate pairs by
// blocking, estimate the model by EM on those pairs (no labels), score every candidate,
// and decide. Pure: tables in, results out; threads only to use the cores.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "core/status.h"
#include "linkage/blocking.h"
#include "linkage/clustering.h"
#include "linkage/fs_model.h"
#include "linkage/settings.h"
#include "linkage/table.h"

namespace acogida::linkage {

struct RunOptions {
  std::optional<double> threshold;  // overrides settings.threshold
  double cohesion = 0.5;            // see clustering.h
  int threads = 2;
};

struct RunStatistics {
  size_t records = 0;
  uint64_t candidate_pairs = 0;
  uint64_t training_pairs = 0;
  std::vector<BlockingKeyStats> blocking;
  int em_iterations = 0;
  bool em_converged = false;
  size_t clusters = 0;
  double prepare_seconds = 0, train_seconds = 0, score_seconds = 0, cluster_seconds = 0;
};

struct DedupeResult {
  std::vector<uint32_t> cluster_of;  // per row: the smallest row of its cluster
  std::vector<ScoredPair> links;     // candidate pairs at or above the threshold (a < b)
  FsModel model;
  RunStatistics stats;
};

// Deduplicates `table`. Returns InvalidArgument for settings that do not fit the table.
// When blocking proposes no pair at all, every record is its own cluster and the model
// is the untrained default (stats.em_iterations is 0).
StatusOr<DedupeResult> Dedupe(const Table& table, const Settings& settings, const RunOptions& options = {});

struct LinkResult {
  std::vector<ScoredPair> pairs;  // a: row of left, b: row of right; at or above the threshold
  FsModel model;
  RunStatistics stats;
};

enum class Matching {
  kAll,       // every pair at or above the threshold
  kOneToOne,  // each record in at most one pair, best pairs first (each file is free of duplicates)
};

// Links `left` to `right` (same columns). The model is estimated on the cross pairs.
StatusOr<LinkResult> LinkTables(const Table& left, const Table& right, const Settings& settings,
                                const RunOptions& options = {}, Matching matching = Matching::kAll);

}  // namespace acogida::linkage
