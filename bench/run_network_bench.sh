#!/usr/bin/env bash
# Issue #9's benchmark: bench/run_http_bench.sh (wrk; the same two workloads, 64 connections,
# as a coordinator with a bearer token, every read and write audited) on three set-ups:
#   sqlite  one server on a SQLite file
#   pg1     one server on PostgreSQL
#   pg2     two servers on PostgreSQL behind nginx (plain HTTP on loopback, upstream keepalive)
# PostgreSQL is a durable cluster of its own (initdb/pg_ctl in a temporary folder, TCP on
# 127.0.0.1; fsync, synchronous_commit and full_page_writes on, as they are by default, unlike
# scripts/pg-test-cluster.sh), shared_buffers=256MB, max_connections=200. Each set-up starts on a
# fresh database with the same 2,000 demo persons. Loopback only; no TLS (sslmode=disable).
# Usage: bench/run_network_bench.sh [seconds per run, default 10]; ACOGIDA_BINARY=path (default
# build/acogida). Prints each run's wrk output, then a markdown table for bench/RESULTS.md.
# DIAGNOSE_COMMIT=1 adds a fourth run, one server on a database with synchronous_commit=off:
# a diagnostic of where the time goes, not a set-up to deploy (commits are not durable).
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_PER_RUN=${1:-10}
export ACOGIDA_BINARY=${ACOGIDA_BINARY:-build/acogida}
[ -x "$ACOGIDA_BINARY" ] || { echo "no acogida binary at $ACOGIDA_BINARY" >&2; exit 1; }
pgbin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[ -x "$pgbin/initdb" ] || { echo "PostgreSQL server binaries not found (install postgresql-15)" >&2; exit 1; }

work=$(mktemp -d /tmp/acogida-netbench.XXXXXX)
chmod 755 "$work"  # the postgres user reaches its folder inside
pgdir=$work/pg
as_postgres() {
  # From / : the postgres user may not enter the current folder.
  if [ "$(id -u)" -eq 0 ]; then (cd / && runuser -u postgres -- "$@"); else "$@"; fi
}
cleanup() {
  [ -f "$pgdir/data/postmaster.pid" ] && as_postgres "$pgbin/pg_ctl" -D "$pgdir/data" -m fast -w stop >/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

for _ in $(seq 100); do
  pg_port=$((10000 + RANDOM % 22000))  # below the ephemeral range
  (exec 3<>"/dev/tcp/127.0.0.1/$pg_port") 2>/dev/null || break
done
mkdir -p "$pgdir" && chmod 700 "$pgdir"
[ "$(id -u)" -eq 0 ] && chown postgres:postgres "$pgdir"
as_postgres "$pgbin/initdb" -D "$pgdir/data" -U postgres --auth-local=trust --auth-host=trust \
  --encoding=UTF8 --locale=C.UTF-8 >"$work/initdb.log"
as_postgres "$pgbin/pg_ctl" -D "$pgdir/data" -l "$pgdir/server.log" -w -t 60 -o "-c listen_addresses=127.0.0.1 \
-p $pg_port -k $pgdir -c shared_buffers=256MB -c max_connections=200 -c fsync=on -c synchronous_commit=on \
-c full_page_writes=on" start >/dev/null
as_postgres "$pgbin/psql" -X -q -h "$pgdir" -p "$pg_port" -U postgres -d postgres -c "CREATE ROLE acogida LOGIN"
settings=$(as_postgres "$pgbin/psql" -X -tA -h "$pgdir" -p "$pg_port" -U postgres -d postgres -c \
  "SELECT string_agg(name || '=' || setting, ' ' ORDER BY name) FROM pg_settings WHERE name IN
   ('fsync','synchronous_commit','full_page_writes','shared_buffers','max_connections','wal_sync_method')")
echo "PostgreSQL $("$pgbin/postgres" --version | awk '{print $3}') on 127.0.0.1:$pg_port: $settings"

results=()
run() {  # name, description, env assignments...
  local name=$1 description=$2
  shift 2
  echo
  echo "######## $name: $description (load before: $(cut -d' ' -f1-3 /proc/loadavg))"
  local command="${*:+$* }bash bench/run_http_bench.sh $SECONDS_PER_RUN"
  echo "\$ $command"
  env "$@" bash bench/run_http_bench.sh "$SECONDS_PER_RUN" | tee "$work/$name.out"
  # wrk's "Requests/sec", latency 50% and 99%, and any non-2xx responses or socket errors, per workload.
  while IFS='|' read -r workload rps p50 p99 errors; do
    results+=("| $description | \`$workload\` | $rps | $p50 | $p99 | $errors | \`$command\` |")
  done < <(awk '
    /^== /                    { w = $2; order[++n] = w; err[w] = "0" }
    /^ +50%/                  { p50[w] = $2 }
    /^ +99%/                  { p99[w] = $2 }
    /^Requests\/sec:/         { rps[w] = $2 }
    /Non-2xx or 3xx/          { err[w] = $NF " non-2xx" }
    /Socket errors/           { s = $0; sub(/^ +Socket errors: /, "", s); err[w] = err[w] "; socket " s }
    END { for (i = 1; i <= n; i++) { w = order[i]; printf "%s|%s|%s|%s|%s\n", w, rps[w], p50[w], p99[w], err[w] } }
  ' "$work/$name.out")
}

run sqlite "SQLite, one server"
for setup in pg1 pg2; do
  as_postgres "$pgbin/createdb" -h "$pgdir" -p "$pg_port" -U postgres --owner acogida "bench_$setup"
done
db_url() { echo "postgresql://acogida@127.0.0.1:$pg_port/bench_$1?sslmode=disable"; }
run pg1 "PostgreSQL, one server" BENCH_DB="$(db_url pg1)" BENCH_KEYS="$work/keys-pg1"
run pg2 "PostgreSQL, two servers behind nginx" BENCH_DB="$(db_url pg2)" BENCH_KEYS="$work/keys-pg2" BENCH_SERVERS=2
if [ -n "${DIAGNOSE_COMMIT:-}" ]; then
  # Diagnostic only, NOT a deployment setting: commits of this one database return before their
  # WAL is on disk, to show how much of the time the audit chain's lock is held across the flush.
  as_postgres "$pgbin/createdb" -h "$pgdir" -p "$pg_port" -U postgres --owner acogida bench_async
  as_postgres "$pgbin/psql" -X -q -h "$pgdir" -p "$pg_port" -U postgres -d postgres \
    -c "ALTER DATABASE bench_async SET synchronous_commit = off"
  run async "PostgreSQL, one server, synchronous_commit=off (diagnostic, not durable)" \
    BENCH_DB="$(db_url async)" BENCH_KEYS="$work/keys-async"
fi

echo
echo "wrk -t${WRK_THREADS:-2} -c${CONNECTIONS:-64} -d${SECONDS_PER_RUN}s --latency; PostgreSQL: $settings"
echo "| Set-up | Workload | Requests/s | p50 | p99 | Errors | Command (inside bench/run_network_bench.sh) |"
echo "|---|---|---|---|---|---|---|"
printf '%s\n' "${results[@]}"
