#!/usr/bin/env bash
# Surge simulator benchmarks (issue #7), the commands behind bench/RESULTS.md. Builds nothing:
# build simulate_bench first (ninja -C BUILD_DIR simulate_bench).
#   1. throughput: one replication of the reference model (10 ports × 3 stages, 100 shelters,
#      1,000,000 arrivals a year), arrivals per CPU-second, best and median of 3
#   2. the SimPy peer (Debian python3-simpy 2.3) on the same scenario file, at 100,000 and
#      1,000,000 arrivals, and the C++ engine at 100,000 for the same-size ratio
#   3. 100 replications of the 1,000,000-arrival year on 2 threads (wall time)
#   4. peak memory (/usr/bin/time -v) of one replication at 100,000 and at 1,000,000 arrivals
# Usage: bench/simulate/run_simulate_bench.sh [BUILD_DIR] (default: build). SKIP_SIMPY_1M=1
# skips the SimPy run at 1,000,000 arrivals (about half a minute per 1,000,000 on this machine).
set -euo pipefail
build="${1:-build}"
bench="$build/bench/simulate/simulate_bench"
here="$(cd "$(dirname "$0")" && pwd)"
work="$(mktemp -d /tmp/acogida-simulate-bench-XXXXXX)"
trap 'rm -rf "$work"' EXIT
[ -x "$bench" ] || { echo "no $bench: build it with ninja -C $build simulate_bench" >&2; exit 1; }
/usr/bin/python3 -c 'import SimPy.Simulation' 2>/dev/null || { echo "install python3-simpy" >&2; exit 1; }

echo "== load before: $(uptime)"
echo "== 1. throughput, reference model, 1,000,000 arrivals"
"$bench" throughput 1000000 3

echo "== 2. SimPy peer on the same scenario file"
"$bench" scenario 100000 "$work/reference-100k.json"
"$bench" scenario 1000000 "$work/reference-1m.json"
"$bench" throughput 100000 3
/usr/bin/python3 "$here/simpy_peer.py" "$work/reference-100k.json" 1
if [ -z "${SKIP_SIMPY_1M:-}" ]; then
  /usr/bin/python3 "$here/simpy_peer.py" "$work/reference-1m.json" 1
fi

echo "== 3. 100 replications of 1,000,000 arrivals on 2 threads"
"$bench" replications 100 2 1000000

echo "== 4. peak memory of one replication"
for arrivals in 100000 1000000; do
  /usr/bin/time -v "$bench" memory "$arrivals" 2> "$work/time-$arrivals.txt"
  grep -E "Maximum resident set size|Elapsed \(wall clock\)" "$work/time-$arrivals.txt"
done
echo "== load after: $(uptime)"
