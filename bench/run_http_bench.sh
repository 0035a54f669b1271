#!/usr/bin/env bash
# HTTP benchmark of the real server with wrk, on loopback only:
# Both run as a coordinator with a bearer token; every read and write is audited as in production.
#   get_person     -- GET /api/v1/persons/{id}, ids spread over the demo persons, 64 connections
#                     (each read appends its audit row in the same durable transaction)
#   post_household -- POST /api/v1/households (a family of three), 64 connections, durable writes
# Usage: bench/run_http_bench.sh [seconds per run, default 15]. Needs a built build/acogida.
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_PER_RUN=${1:-15}
CONNECTIONS=${CONNECTIONS:-64}
THREADS=${WRK_THREADS:-2}
BIN=${ACOGIDA_BINARY:-build/acogida}
work=$(mktemp -d)
trap 'kill $server_pid 2>/dev/null || true; wait $server_pid 2>/dev/null || true; rm -rf "$work"' EXIT

"$BIN" demo-data --db "$work/bench.db" --seed 1 --persons 2000 >/dev/null
echo "benchmark passphrase long enough" | "$BIN" user add --db "$work/bench.db" --username bench.coord \
  --role coordinator --password-stdin >/dev/null
"$BIN" serve --db "$work/bench.db" --port 0 --web "" --threads 128 --rate-limit 0 >"$work/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 50); do
  grep -q 'listening on' "$work/server.log" 2>/dev/null && break
  sleep 0.1
done
port=$(sed -n 's|.*listening on http://127.0.0.1:\([0-9]*\).*|\1|p' "$work/server.log")
url="http://127.0.0.1:$port"
token=$(curl -s -H 'Content-Type: application/json' -H 'X-Session-Mode: bearer' \
  -d '{"username":"bench.coord","password":"benchmark passphrase long enough"}' "$url/api/v1/auth/login" |
  sed -n 's/.*"token":"\([^"]*\)".*/\1/p')
auth=(-H "Authorization: Bearer $token")
persons=$(curl -s "${auth[@]}" "$url/api/v1/persons?limit=1" | sed -n 's/.*"total":\([0-9]*\).*/\1/p')
site_id=$(curl -s "${auth[@]}" "$url/api/v1/sites" | sed -n 's/^{"items":\[{[^}]*"id":\([0-9]*\).*/\1/p')
echo "server on $url with $persons persons; site $site_id; wrk -t$THREADS -c$CONNECTIONS -d${SECONDS_PER_RUN}s"

cat >"$work/get_person.lua" <<LUA
local count = $persons
local seed = 1
wrk.headers["Authorization"] = "Bearer $token"
wrk.headers["X-Access-Reason"] = "benchmark"
request = function()
  seed = (seed * 1103515245 + 12345) % 2147483648
  return wrk.format("GET", "/api/v1/persons/" .. (seed % count + 1))
end
LUA
cat >"$work/post_household.lua" <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer $token"
wrk.body = '{"site_id":$site_id,"mode":"bus","batch_id":"Autobús 7","members":[' ..
  '{"given_names":"María Guadalupe","paternal_surname":"Hernández","maternal_surname":"López","sex":"F","birth_date":"1985-03-12","birth_state":"16","languages":["spa"],"relationship":"head","consents":{"services":true}},' ..
  '{"given_names":"José Luis","paternal_surname":"Martínez","maternal_surname":"Ruiz","sex":"M","birth_date":"1983","relationship":"spouse","consents":{"services":true}},' ..
  '{"given_names":"Ximena","paternal_surname":"Martínez","maternal_surname":"Hernández","sex":"F","birth_date":"2015-07","relationship":"child","consents":{"services":true}}]}'
LUA

echo "== get_person"
wrk -t"$THREADS" -c"$CONNECTIONS" -d"${SECONDS_PER_RUN}s" --latency -s "$work/get_person.lua" "$url"
echo "== post_household"
wrk -t"$THREADS" -c"$CONNECTIONS" -d"${SECONDS_PER_RUN}s" --latency -s "$work/post_household.lua" "$url/api/v1/households"
after=$(curl -s "${auth[@]}" "$url/api/v1/persons?limit=1" | sed -n 's/.*"total":\([0-9]*\).*/\1/p')
echo "persons before $persons, after $after: $(( (after - persons) / 3 )) households written"
