#!/usr/bin/env bash
# HTTP benchmark of the real server with wrk, on loopback only:
# Both run as a coordinator with a bearer token; every read and write is audited as in production.
#   get_person     -- GET /api/v1/persons/{id}, ids spread over the demo persons, 64 connections
#                     (each read appends its audit row in the same durable transaction)
#   post_household -- POST /api/v1/households (a family of three), 64 connections, durable writes
# Usage: bench/run_http_bench.sh [seconds per run, default 15]. Needs a built build/acogida.
# By default one server on a fresh temporary SQLite file. bench/run_network_bench.sh sets:
#   BENCH_DB=postgresql://... BENCH_KEYS=FILE   a fresh PostgreSQL database (and its key file) instead
#   BENCH_SERVERS=N                             N servers on it behind nginx (plain HTTP on loopback,
#                                               upstream keepalive); wrk then talks to nginx
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_PER_RUN=${1:-15}
CONNECTIONS=${CONNECTIONS:-64}
THREADS=${WRK_THREADS:-2}
BIN=${ACOGIDA_BINARY:-build/acogida}
SERVERS=${BENCH_SERVERS:-1}
work=$(mktemp -d)
chmod 755 "$work"  # nginx's workers (www-data when started by root) write their temporary files here
server_pids=()
cleanup() {
  [ -f "$work/nginx.pid" ] && kill "$(cat "$work/nginx.pid")" 2>/dev/null
  for pid in "${server_pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${server_pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

db=${BENCH_DB:-$work/bench.db}
db_flags=(--db "$db")
[ -n "${BENCH_KEYS:-}" ] && db_flags+=(--keys "$BENCH_KEYS")
"$BIN" demo-data "${db_flags[@]}" --seed 1 --persons 2000 >/dev/null
echo "benchmark passphrase long enough" | "$BIN" user add "${db_flags[@]}" --username bench.coord \
  --role coordinator --password-stdin >/dev/null
ports=()
for n in $(seq "$SERVERS"); do
  "$BIN" serve "${db_flags[@]}" --port 0 --web "" --threads 128 --rate-limit 0 >"$work/server$n.log" 2>&1 &
  server_pids+=($!)
  for _ in $(seq 100); do
    grep -q 'listening on' "$work/server$n.log" 2>/dev/null && break
    sleep 0.1
  done
  ports+=("$(sed -n 's|.*listening on http://127.0.0.1:\([0-9]*\).*|\1|p' "$work/server$n.log")")
done
url="http://127.0.0.1:${ports[0]}"
if [ "$SERVERS" -gt 1 ]; then
  # nginx in front: a free loopback port (a refused connection), everything of its own in $work.
  for _ in $(seq 100); do
    nginx_port=$((10000 + RANDOM % 22000))  # below the ephemeral range
    (exec 3<>"/dev/tcp/127.0.0.1/$nginx_port") 2>/dev/null || break
  done
  upstreams=""
  for port in "${ports[@]}"; do upstreams+="    server 127.0.0.1:$port;"$'\n'; done
  nginx_user=""
  [ "$(id -u)" -eq 0 ] && nginx_user="user www-data;"
  cat >"$work/nginx.conf" <<NGINX
$nginx_user
worker_processes auto;
pid $work/nginx.pid;
error_log $work/nginx-error.log warn;
events { worker_connections 4096; }
http {
  client_body_temp_path $work/client_body;
  proxy_temp_path $work/proxy;
  fastcgi_temp_path $work/fastcgi;
  uwsgi_temp_path $work/uwsgi;
  scgi_temp_path $work/scgi;
  access_log off;
  upstream acogida {
$upstreams    keepalive 128;
    keepalive_timeout 4s;
  }
  server {
    listen 127.0.0.1:$nginx_port backlog=1024;
    location / {
      proxy_pass http://acogida;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host \$host;
      proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
    }
  }
}
NGINX
  nginx -e "$work/nginx-error.log" -p "$work" -c "$work/nginx.conf"
  for _ in $(seq 50); do
    (exec 3<>"/dev/tcp/127.0.0.1/$nginx_port") 2>/dev/null && break
    sleep 0.1
  done
  url="http://127.0.0.1:$nginx_port"
  echo "nginx on $url in front of servers on ports ${ports[*]}"
fi
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
