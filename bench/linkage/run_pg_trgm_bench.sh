#!/usr/bin/env bash
# The naive application approach to identity resolution, for comparison with src/linkage:
# PostgreSQL's pg_trgm (trigram similarity of the full name, GIN index) plus fuzzystrmatch
# (Levenshtein distance of the birth date) on FEBRL3 (dedupe) and FEBRL4 (link), scored with
# the same pairwise precision / recall / F1 as bench/linkage/linkage_accuracy. A throwaway
# cluster of its own (scripts/pg-test-cluster.sh); read-only work, so its fsync=off is moot.
# Usage: bench/linkage/run_pg_trgm_bench.sh [similarity thresholds, default "0.3 0.4 0.5 0.6"]
set -euo pipefail
cd "$(dirname "$0")/../.."
thresholds=${1:-0.3 0.4 0.5 0.6}
data=${ACOGIDA_LINKAGE_DATA:-../shared/data/linkage/febrl}
[ -f "$data/dataset3.csv" ] || { echo "FEBRL data not found in $data" >&2; exit 1; }
work=$(mktemp -d /tmp/acogida-trgm.XXXXXX)
chmod 755 "$work"
cluster="$work/pg"
trap 'bash scripts/pg-test-cluster.sh stop "$cluster" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
url=$(bash scripts/pg-test-cluster.sh start "$cluster")
psql -q "$url" -c "CREATE DATABASE trgm" >/dev/null
db="${url/\/postgres?//trgm?}"
# FEBRL separates fields by ", "; a blank field is one space. Clean CSV for \copy.
for name in dataset3 dataset4a dataset4b; do
  python3 - "$data/$name.csv" "$work/$name.csv" <<'PY'
import csv, sys
with open(sys.argv[1], encoding="utf-8") as src, open(sys.argv[2], "w", newline="", encoding="utf-8") as out:
    writer = csv.writer(out)
    for i, line in enumerate(src):
        if i == 0:
            continue
        fields = [f.strip() for f in line.rstrip("\n").split(", ")]
        writer.writerow([fields[0], fields[1], fields[2], fields[9]])
PY
done
psql -q -v ON_ERROR_STOP=1 "$db" >/dev/null <<SQL
CREATE EXTENSION pg_trgm;
CREATE EXTENSION fuzzystrmatch;
CREATE TABLE f3 (rec_id text, given_name text, surname text, dob text);
CREATE TABLE f4a (LIKE f3);
CREATE TABLE f4b (LIKE f3);
\copy f3 FROM '$work/dataset3.csv' CSV
\copy f4a FROM '$work/dataset4a.csv' CSV
\copy f4b FROM '$work/dataset4b.csv' CSV
SQL
# One run: build the name index, find pairs, score; prints one row of the table below.
run() {
  local task=$1 left=$2 right=$3 condition=$4 true_pairs=$5 threshold=$6
  psql -qAtX -v ON_ERROR_STOP=1 "$db" <<SQL
\set QUIET on
SELECT set_limit($threshold);
CREATE TEMP TABLE t0 AS SELECT clock_timestamp() AS at;
CREATE INDEX ON $right USING gin ((coalesce(given_name, '') || ' ' || coalesce(surname, '')) gin_trgm_ops);
CREATE TEMP TABLE found AS
  SELECT a.rec_id AS a, b.rec_id AS b
  FROM $left a JOIN $right b
    ON (coalesce(a.given_name, '') || ' ' || coalesce(a.surname, '')) %
       (coalesce(b.given_name, '') || ' ' || coalesce(b.surname, ''))
   AND levenshtein(a.dob, b.dob) <= 1
  WHERE $condition;
SELECT '$task', $threshold, (SELECT count(*) FROM $left) + CASE WHEN '$left' = '$right' THEN 0 ELSE (SELECT count(*) FROM $right) END,
       n, tp, $true_pairs,
       round(tp::numeric / greatest(n, 1), 4), round(tp::numeric / $true_pairs, 4),
       round(2 * tp::numeric / (n + $true_pairs), 4),
       round(extract(epoch FROM clock_timestamp() - (SELECT at FROM t0))::numeric, 2)
FROM (SELECT count(*) AS n,
             count(*) FILTER (WHERE split_part(a, '-', 2) = split_part(b, '-', 2)) AS tp FROM found) s;
DROP INDEX IF EXISTS ${right}_expr_idx;
SQL
}
echo "task|similarity|records|pairs_found|true_positives|true_pairs|precision|recall|f1|seconds"
for threshold in $thresholds; do
  run febrl3_dedupe f3 f3 "a.rec_id < b.rec_id" 6538 "$threshold" | grep -v '^[0-9.]*$'
  run febrl4_link f4a f4b "true" 5000 "$threshold" | grep -v '^[0-9.]*$'
done
