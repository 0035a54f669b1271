#!/usr/bin/env bash
# Identity-resolution benchmarks (issue #4), the commands behind bench/RESULTS.md:
#   1. accuracy and cost on the public sets and the generator (linkage_accuracy)
#   2. speed, memory and query latency (linkage_bench, Google Benchmark), and the intake
#      check's latency distribution at 1M persons (identity_query_bench)
#   3. end to end through the command line on 10k, 100k, 300k and 1M generated persons:
#      /usr/bin/time for wall time, CPU time and peak RSS, score_clusters.py for F1
# Usage: bench/linkage/run_linkage_bench.sh [BUILD_DIR] (default: build). Needs the data in
# ../shared/data/linkage. pg_trgm side-by-side: not here yet (comes with the PostgreSQL work).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
build="${1:-build}"
work="$(mktemp -d /tmp/acogida-linkage-bench-XXXXXX)"
trap 'rm -rf "$work"' EXIT

echo "== accuracy (linkage_accuracy)"
"$build/bench/linkage/linkage_accuracy" febrl1 febrl2 febrl3 febrl4 fake1000 baseline10k mx10k baseline100k mx100k

echo "== speed (linkage_bench)"
"$build/bench/linkage/linkage_bench" --benchmark_filter='BM_DedupeFebrl3|BM_QueryIndex/1000000|BM_AddToIndex' \
  --benchmark_min_time=0.5
"$build/bench/linkage/identity_query_bench" 1000000 2000

echo "== command line, end to end"
for persons in 10000 100000 300000 1000000; do
  "$build/bench/linkage/linkage_generate" "$persons" 42 "$work/mx$persons.csv"
  uptime
  /usr/bin/time -f "wall %e s, user %U s, sys %S s, peak RSS %M KiB" \
    "$build/acogida" link dedupe "$work/mx$persons.csv" --out "$work/clusters$persons.csv"
  python3 "$here/score_clusters.py" "$work/mx$persons.csv" "$work/clusters$persons.csv"
done
