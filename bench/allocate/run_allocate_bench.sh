#!/usr/bin/env bash
# Allocation benchmarks (issue #5), the commands behind bench/RESULTS.md:
#   1. quality and cost: allocate_compare on 1,000 × 50 and 10,000 × 500 at 95 % and 110 %
#      of demand (objective against the relaxation's bound and the greedy), under
#      /usr/bin/time for wall time and peak RSS
#   2. exact check: the 1,000 × 50 instances written as a MIP (CPLEX LP format) and solved
#      by CBC (Debian coinor-cbc); its optimum against the bound and our placement
#   3. speed: allocate_bench (Google Benchmark), including one-group online placement
# Usage: bench/allocate/run_allocate_bench.sh [BUILD_DIR] (default: build). Step 2 takes
# minutes at 110 % (CBC proves optimality by branch and bound); CBC_SECONDS caps each run.
set -euo pipefail
build="${1:-build}"
cbc_seconds="${CBC_SECONDS:-900}"
work="$(mktemp -d /tmp/acogida-allocate-bench-XXXXXX)"
trap 'rm -rf "$work"' EXIT

echo "== quality and cost (allocate_compare)"
for size in "1000 50" "10000 500"; do
  for load in 0.95 1.10; do
    /usr/bin/time -f "time   wall %e s, peak RSS %M KiB" "$build/bench/allocate/allocate_compare" $size $load 42
  done
done

echo "== exact check on 1,000 x 50 (CBC)"
for load in 0.95 1.10; do
  "$build/bench/allocate/allocate_compare" 1000 50 $load 42 --mip "$work/small-$load.lp" > "$work/compare-$load.txt"
  bound=$(sed -n 's/^bound  \([0-9.]*\) km.*/\1/p' "$work/compare-$load.txt")
  ours=$(sed -n 's/^flow   objective \([0-9.]*\) km.*/\1/p' "$work/compare-$load.txt")
  start=$(date +%s.%N)
  cbc "$work/small-$load.lp" sec "$cbc_seconds" solve > "$work/cbc-$load.log" 2>&1 || true
  seconds=$(echo "$(date +%s.%N) - $start" | bc)
  status=$(grep -m1 '^Result - ' "$work/cbc-$load.log" || echo "Result - unknown")
  optimum=$(sed -n 's/^Objective value: *\([0-9.]*\).*/\1/p' "$work/cbc-$load.log" | head -1)
  if [ -z "$optimum" ]; then
    echo "load $load: CBC gave no objective ($status); see $work/cbc-$load.log"
    continue
  fi
  python3 - "$load" "$bound" "$ours" "$optimum" "$seconds" "$status" <<'PY'
import sys
load, bound, ours, optimum, seconds, status = sys.argv[1], float(sys.argv[2]), float(sys.argv[3]), float(sys.argv[4]) / 10, float(sys.argv[5]), sys.argv[6]
print(f"load {load}: bound {bound:.1f}, CBC {optimum:.1f} km·person ({100*(optimum-bound)/bound:+.3f} % vs bound; {status}; {seconds:.0f} s), "
      f"flow {ours:.1f} ({100*(ours-optimum)/optimum:+.3f} % vs CBC)")
PY
done

echo "== speed (allocate_bench)"
"$build/bench/allocate/allocate_bench" --benchmark_min_time=0.5
