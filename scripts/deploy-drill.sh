#!/usr/bin/env bash
# The deployment drill: runs the commands of docs/deploy.md for real, on loopback only.
#   PostgreSQL (initdb/pg_ctl in a temporary folder) listening on 127.0.0.1, TLS only,
#   scram-sha-256 password login for the `acogida` role, verified with sslmode=verify-full;
#   the organisation's key file, created by the first command and copied to each server;
#   `acogida demo-data`, two `acogida serve` processes, nginx terminating TLS and
#   load-balancing them; then over HTTPS (curl --cacert): health, a cookie session and a
#   bearer session honoured by both servers (nginx's access log shows which served what),
#   client addresses through nginx (servers with --trusted-proxy: failed logins from one
#   address throttle that address only, audit rows name the client),
#   one server stopped while the other keeps the sessions, a server with the wrong key file
#   refused, `keys rotate` with the new file copied before the restart, `migrate` of a
#   shelter's SQLite database (twice: the second run copies nothing), `audit verify`.
# Usage: scripts/deploy-drill.sh [path/to/acogida]   (or ACOGIDA=path; default build/acogida)
# Needs postgresql-15, nginx, openssl and curl (scripts/install-deps.sh). KEEP_DRILL=1 keeps
# the temporary folder for a look afterwards. Exits non-zero with a message on any failure.
set -Eeuo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
ACOGIDA=${1:-${ACOGIDA:-$root/build/acogida}}
ACOGIDA=$(realpath "$ACOGIDA")
started=$SECONDS

step() { echo "== $*"; }
fail() {
  echo "deploy-drill: FAILED: $*" >&2
  exit 1
}

[ -x "$ACOGIDA" ] || fail "no acogida binary at $ACOGIDA (build it, or pass its path)"
pgbin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[ -n "$pgbin" ] && [ -x "$pgbin/initdb" ] || fail "PostgreSQL server binaries not found (apt-get install postgresql-15)"
for tool in nginx openssl curl; do
  command -v "$tool" >/dev/null || [ -x "/usr/sbin/$tool" ] || fail "$tool not found (scripts/install-deps.sh)"
done
nginx_bin=$(command -v nginx || echo /usr/sbin/nginx)

# The postgres user must reach the folder: under /tmp, mode 755 (the cluster's own folder is 700).
work=$(mktemp -d /tmp/acogida-drill.XXXXXX)
chmod 755 "$work"
pgdir=$work/pg
server_pids=()
cleanup() {
  local status=$?
  set +e
  trap - ERR
  for pid in "${server_pids[@]}"; do kill "$pid" 2>/dev/null; done
  for pid in "${server_pids[@]}"; do wait "$pid" 2>/dev/null; done
  [ -f "$work/nginx/nginx.pid" ] && kill "$(cat "$work/nginx/nginx.pid")" 2>/dev/null
  [ -f "$pgdir/data/postmaster.pid" ] && as_postgres "$pgbin/pg_ctl" -D "$pgdir/data" -m fast -w stop >/dev/null 2>&1
  if [ "$status" -ne 0 ]; then
    for log in "$work"/srv*/server.log "$work/nginx/error.log" "$pgdir/server.log"; do
      [ -s "$log" ] && { echo "--- last lines of $log" >&2; tail -n 15 "$log" >&2; }
    done
  fi
  if [ -n "${KEEP_DRILL:-}" ]; then echo "deploy-drill: kept $work" >&2; else rm -rf "$work"; fi
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
trap 'echo "deploy-drill: FAILED: the command at line $LINENO exited with status $?" >&2' ERR

as_postgres() {
  # From / : the postgres user may not enter the current folder.
  if [ "$(id -u)" -eq 0 ]; then (cd / && runuser -u postgres -- "$@"); else "$@"; fi
}

# free_port VAR: a loopback port nothing listens on (a refused connection), not handed out before.
used_ports=" "
free_port() {
  local port
  for _ in $(seq 200); do
    port=$((10000 + RANDOM % 22000))  # below the kernel's ephemeral range (32768+), which port-0 servers draw from
    case "$used_ports" in *" $port "*) continue ;; esac
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      used_ports="$used_ports$port "
      printf -v "$1" '%s' "$port"
      return 0
    fi
  done
  fail "no free port found"
}

wait_for_port() {  # port, what, pid (optional): until something accepts on 127.0.0.1:port
  for _ in $(seq 100); do
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0
    if [ -n "${3:-}" ] && ! kill -0 "$3" 2>/dev/null; then fail "$2 exited before listening on $1"; fi
    sleep 0.1
  done
  fail "$2 is not listening on 127.0.0.1:$1 after 10 s"
}

# ---------------------------------------------------------------- TLS certificate
step "TLS: a self-signed certificate for localhost / 127.0.0.1 (openssl)"
mkdir -p "$work/tls"
openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=localhost" \
  -addext "subjectAltName=DNS:localhost,IP:127.0.0.1" \
  -keyout "$work/tls/server.key" -out "$work/tls/server.crt" 2>"$work/tls/openssl.log" ||
  fail "openssl could not make a certificate: $(cat "$work/tls/openssl.log")"
ca=$work/tls/server.crt   # self-signed: it is its own CA for curl and libpq

# ---------------------------------------------------------------- PostgreSQL
free_port pg_port
step "PostgreSQL: initdb, listen on 127.0.0.1:$pg_port, TLS only, scram-sha-256 for role acogida"
mkdir -p "$pgdir"
chmod 700 "$pgdir"
[ "$(id -u)" -eq 0 ] && chown postgres:postgres "$pgdir"
as_postgres "$pgbin/initdb" -D "$pgdir/data" -U postgres --auth-local=trust --auth-host=scram-sha-256 \
  --encoding=UTF8 --locale=C.UTF-8 >"$pgdir/initdb.log" 2>&1 || fail "initdb failed: $(tail -n 5 "$pgdir/initdb.log")"
install -m 0600 "$work/tls/server.crt" "$pgdir/server.crt"
install -m 0600 "$work/tls/server.key" "$pgdir/server.key"
[ "$(id -u)" -eq 0 ] && chown postgres:postgres "$pgdir/server.crt" "$pgdir/server.key"
# As in docs/deploy.md (a private address there; loopback here). Durability stays at its defaults.
as_postgres tee -a "$pgdir/data/postgresql.conf" >/dev/null <<CONF
listen_addresses = '127.0.0.1'
port = $pg_port
unix_socket_directories = '$pgdir'
max_connections = 200
ssl = on
ssl_cert_file = '$pgdir/server.crt'
ssl_key_file = '$pgdir/server.key'
password_encryption = scram-sha-256
CONF
# Only the acogida role, only over TLS, only with its password. (The drill's superuser logs in
# on the cluster's private unix socket; Debian's packaged cluster uses peer for that.)
as_postgres tee "$pgdir/data/pg_hba.conf" >/dev/null <<HBA
local    all      postgres                 trust
hostssl  acogida  acogida   127.0.0.1/32   scram-sha-256
HBA
as_postgres "$pgbin/pg_ctl" -D "$pgdir/data" -l "$pgdir/server.log" -w -t 60 start >/dev/null ||
  fail "PostgreSQL did not start: $(tail -n 5 "$pgdir/server.log")"
db_password=$(openssl rand -hex 24)
psql_admin=("$pgbin/psql" -X -q -v ON_ERROR_STOP=1 -h "$pgdir" -p "$pg_port" -U postgres)
as_postgres "${psql_admin[@]}" -d postgres -c "CREATE ROLE acogida LOGIN PASSWORD '$db_password'" ||
  fail "cannot create the acogida role"
as_postgres "$pgbin/createdb" -h "$pgdir" -p "$pg_port" -U postgres --owner acogida acogida ||
  fail "cannot create the acogida database"

# The password lives in a pgpass file (mode 0600), never in the URL (ps would show it).
mkdir -p "$work/etc"
( umask 077 && echo "localhost:$pg_port:acogida:acogida:$db_password" >"$work/etc/pgpass" )
export PGPASSFILE=$work/etc/pgpass
DB="postgresql://acogida@localhost:$pg_port/acogida?hostaddr=127.0.0.1&sslmode=verify-full&sslrootcert=$ca"
if PGPASSFILE=/dev/null PGPASSWORD= "$pgbin/psql" -X -w "${DB/sslmode=verify-full/sslmode=disable}" -c 'SELECT 1' \
    >/dev/null 2>&1; then
  fail "PostgreSQL accepted a connection without TLS"
fi
"$pgbin/psql" -X -w -q "$DB" -tAc 'SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()' >"$work/etc/ssl-check" \
  2>&1 && [ "$(cat "$work/etc/ssl-check")" = t ] ||
  fail "cannot log in as acogida over TLS with verify-full: $(cat "$work/etc/ssl-check")"

# ---------------------------------------------------------------- key file, first administrator, demo data
keys=$work/etc/keys
step "key file: created by the first command (acogida user add) at $keys"
echo "drill administrator passphrase" | "$ACOGIDA" user add --db "$DB" --keys "$keys" --username admin.drill \
  --role administrator --password-stdin >"$work/etc/user-add.log" 2>&1 ||
  fail "acogida user add failed: $(cat "$work/etc/user-add.log")"
[ -f "$keys" ] || fail "the first command did not create the key file $keys"
[ "$(stat -c %a "$keys")" = 600 ] || fail "the key file has mode $(stat -c %a "$keys"), not 600"

step "acogida demo-data against PostgreSQL"
"$ACOGIDA" demo-data --db "$DB" --keys "$keys" --persons 120 >"$work/etc/demo.log" 2>&1 ||
  fail "acogida demo-data failed: $(cat "$work/etc/demo.log")"
# "  username  role  password" lines; the passwords are printed only then.
account() { awk -v role="$1" '$2 == role { print $1 " " $3; exit }' "$work/etc/demo.log"; }
read -r coordinator coordinator_password <<<"$(account coordinator)"
read -r registrar registrar_password <<<"$(account registrar)"
[ -n "${coordinator_password:-}" ] && [ -n "${registrar_password:-}" ] ||
  fail "no coordinator or registrar password in demo-data's output: $(cat "$work/etc/demo.log")"

# ---------------------------------------------------------------- two servers
step "a server with another key file is refused"
mkdir -p "$work/wrong"
if timeout 20 "$ACOGIDA" serve --db "$DB" --keys "$work/wrong/keys" --host 127.0.0.1 --port 0 --web "" \
    >"$work/wrong/server.log" 2>&1; then
  fail "a server with a new, different key file started (it must refuse: the database was sealed with another)"
elif [ $? -eq 124 ]; then
  fail "a server with a new, different key file started and served (it must refuse)"
fi
echo "   refused: $(tail -n 1 "$work/wrong/server.log")"

free_port port1
free_port port2
ports=("$port1" "$port2")
start_server() {  # index (1 or 2): its own copy of the key file, its own port, as in the systemd unit
  local dir=$work/srv$1 port=${ports[$(($1 - 1))]}
  # nginx runs on this machine: the servers see it as 127.0.0.1 and trust its X-Forwarded-For.
  "$ACOGIDA" serve --db "$DB" --keys "$dir/keys" --host 127.0.0.1 --port "$port" --web "" --secure-cookies \
    --trusted-proxy 127.0.0.1 >>"$dir/server.log" 2>&1 &
  server_pids[$(($1 - 1))]=$!
  wait_for_port "$port" "acogida serve #$1" "$!"
}
stop_server() {
  local pid=${server_pids[$(($1 - 1))]}
  kill "$pid" && wait "$pid" 2>/dev/null || true
}
step "two acogida serve processes on 127.0.0.1:${ports[0]} and :${ports[1]}, each with a copy of the key file"
for n in 1 2; do
  mkdir -p "$work/srv$n"
  install -m 0600 "$keys" "$work/srv$n/keys"
  start_server "$n"
done

# ---------------------------------------------------------------- nginx
free_port nginx_port
step "nginx: TLS on 127.0.0.1:$nginx_port, load-balancing both (upstream keepalive)"
mkdir -p "$work/nginx"
nginx_user=""
if [ "$(id -u)" -eq 0 ]; then
  if id www-data >/dev/null 2>&1; then nginx_user="user www-data;"; else nginx_user="user nobody nogroup;"; fi
fi
cat >"$work/nginx/nginx.conf" <<NGINX
$nginx_user
worker_processes 1;
pid $work/nginx/nginx.pid;
error_log $work/nginx/error.log warn;
events { worker_connections 256; }
http {
  client_body_temp_path $work/nginx/client_body;
  proxy_temp_path $work/nginx/proxy;
  fastcgi_temp_path $work/nginx/fastcgi;
  uwsgi_temp_path $work/nginx/uwsgi;
  scgi_temp_path $work/nginx/scgi;
  log_format upstream '\$remote_addr [\$time_local] "\$request" \$status upstream=\$upstream_addr';
  access_log $work/nginx/access.log upstream;

  upstream acogida {
    server 127.0.0.1:${ports[0]} max_fails=1 fail_timeout=10s;
    server 127.0.0.1:${ports[1]} max_fails=1 fail_timeout=10s;
    keepalive 32;
    keepalive_timeout 4s;
  }
  server {
    listen 127.0.0.1:$nginx_port ssl;
    server_name localhost;
    ssl_certificate $work/tls/server.crt;
    ssl_certificate_key $work/tls/server.key;
    ssl_protocols TLSv1.2 TLSv1.3;
    client_max_body_size 1m;
    location / {
      proxy_pass http://acogida;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host \$host;
      proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto \$scheme;
      proxy_next_upstream error timeout;
    }
  }
}
NGINX
"$nginx_bin" -t -q -e "$work/nginx/error.log" -p "$work/nginx" -c "$work/nginx/nginx.conf" 2>"$work/nginx/test.log" ||
  fail "nginx -t rejected the configuration: $(cat "$work/nginx/test.log")"
"$nginx_bin" -e "$work/nginx/error.log" -p "$work/nginx" -c "$work/nginx/nginx.conf" ||
  fail "nginx did not start: $(tail -n 5 "$work/nginx/error.log")"
wait_for_port "$nginx_port" nginx
site=https://127.0.0.1:$nginx_port

# ---------------------------------------------------------------- checks over HTTPS
# https_call METHOD PATH [curl args...]: prints the body, then the status on its own last line.
https_call() {
  local method=$1 path=$2
  shift 2
  curl -sS --cacert "$ca" -X "$method" -w '\n%{http_code}' "$@" "$site$path" || true  # 000: no answer
}
expect() {  # status, what, output of https_call
  local status=${3##*$'\n'}
  [ "$status" = "$1" ] || fail "$2: HTTP $status, expected $1: ${3%$'\n'*}"
}

step "health through nginx: GET $site/api/v1/health"
out=$(https_call GET /api/v1/health)
expect 200 "health" "$out"
case "$out" in *'"status":"ok"'*'"database":"postgresql"'* | *'"database":"postgresql"'*'"status":"ok"'*) ;;
  *) fail "health did not report ok on postgresql: $out" ;; esac
if curl -sS -o /dev/null "$site/api/v1/health" 2>/dev/null; then fail "curl accepted nginx's certificate without --cacert"; fi

json=(-H 'Content-Type: application/json')
step "cookie session: log in as $coordinator, then 10 requests with the cookie"
out=$(https_call POST /api/v1/auth/login "${json[@]}" -c "$work/cookies" -D "$work/login-headers" \
  -d "{\"username\":\"$coordinator\",\"password\":\"$coordinator_password\"}")
expect 200 "cookie login" "$out"
grep -qi '^set-cookie:.*; Secure' "$work/login-headers" || fail "the session cookie is not Secure (--secure-cookies)"
csrf=$(sed -n 's/.*"csrf_token":"\([^"]*\)".*/\1/p' <<<"$out")
[ -n "$csrf" ] || fail "no csrf_token in the login reply"
for _ in $(seq 10); do
  expect 200 "GET /api/v1/auth/session with the cookie" "$(https_call GET /api/v1/auth/session -b "$work/cookies")"
done

step "bearer session: log in as $registrar and register a household (phone and notes are sealed)"
out=$(https_call POST /api/v1/auth/login "${json[@]}" -H 'X-Session-Mode: bearer' \
  -d "{\"username\":\"$registrar\",\"password\":\"$registrar_password\"}")
expect 200 "bearer login" "$out"
token=$(sed -n 's/.*"token":"\([^"]*\)".*/\1/p' <<<"$out")
[ -n "$token" ] || fail "no token in the bearer login reply"
bearer=(-H "Authorization: Bearer $token")
site_id=$(sed -n 's/.*"site_ids":\[\([0-9]*\).*/\1/p' <<<"$out")
[ -n "$site_id" ] || fail "the registrar works at no site: $out"
phone="+526645550199"
out=$(https_call POST /api/v1/households "${bearer[@]}" "${json[@]}" -d "{\"site_id\":$site_id,\"mode\":\"bus\",\
\"members\":[{\"given_names\":\"Drill\",\"paternal_surname\":\"Despliegue\",\"sex\":\"F\",\"birth_date\":\"1990\",\
\"relationship\":\"head\",\"phone\":\"$phone\",\"notes\":\"nota de prueba\",\"consents\":{\"services\":true}}]}")
expect 201 "POST /api/v1/households" "$out"
# The first "id" after "members":[ is the member's (nothing nested precedes it).
person_id=$(sed 's/.*"members":\[//' <<<"$out" | grep -o '"id":[0-9]*' | head -n 1 | cut -d: -f2 || true)
[ -n "$person_id" ] || fail "no person id in the household reply: $out"
for _ in $(seq 10); do
  out=$(https_call GET "/api/v1/persons/$person_id" "${bearer[@]}")
  expect 200 "GET /api/v1/persons/$person_id with the bearer token" "$out"
  case "$out" in *"\"phone\":\"$phone\""*) ;; *) fail "the person's phone did not read back: $out" ;; esac
done

step "client addresses through nginx: failed logins from one address do not lock out another"
# On loopback curl's own address is nginx's (127.0.0.1, trusted), so the servers skip it and take
# the address curl sends in X-Forwarded-For (nginx appends 127.0.0.1 after it): that is how the
# drill plays two clients. In a real deployment clients are not at the proxy's address, and the
# right-most untrusted entry, the one nginx wrote, is the client.
# 7 failed logins from one address, waiting out the 429s between them: then that address must
# wait 4 s after the last (login times are stored to the second: fewer could leave no window).
attacker=198.51.100.7 colleague=198.51.100.8
failures=0 throttled=0
for attempt in $(seq 60); do
  out=$(https_call POST /api/v1/auth/login "${json[@]}" -H "X-Forwarded-For: $attacker" \
    -d "{\"username\":\"nobody.drill\",\"password\":\"guess number $attempt\"}")
  status=${out##*$'\n'}
  case "$status" in
    401) failures=$((failures + 1)) && [ "$failures" -lt 7 ] || break ;;
    429) throttled=$((throttled + 1)) && sleep 0.25 ;;
    *) fail "failed login $attempt from $attacker: HTTP $status, expected 401 or 429: ${out%$'\n'*}" ;;
  esac
done
[ "$failures" = 7 ] && [ "$throttled" -gt 0 ] ||
  fail "$failures failed logins from $attacker, $throttled of the attempts throttled (expected 7, and some 429s)"
login_body="{\"username\":\"$coordinator\",\"password\":\"$coordinator_password\"}"
expect 429 "the right password from the throttled address $attacker" \
  "$(https_call POST /api/v1/auth/login "${json[@]}" -H "X-Forwarded-For: $attacker" -d "$login_body")"
expect 200 "a login from $colleague after $attacker's failed logins (a lockout for everyone?)" \
  "$(https_call POST /api/v1/auth/login "${json[@]}" -H "X-Forwarded-For: $colleague" -H 'X-Session-Mode: bearer' \
    -d "$login_body")"
expect 429 "$attacker again, after $colleague's login (still inside its throttle window)" \
  "$(https_call POST /api/v1/auth/login "${json[@]}" -H "X-Forwarded-For: $attacker" -d "$login_body")"
addresses=$("$pgbin/psql" -X -w -tA "$DB" -c "SELECT concat_ws(' ',
  (SELECT remote_address FROM audit_log WHERE action = 'login_failed' ORDER BY id DESC LIMIT 1),
  (SELECT remote_address FROM audit_log WHERE action = 'login' ORDER BY id DESC LIMIT 1))") ||
  fail "cannot read the audit rows' addresses: $addresses"
[ "$addresses" = "$attacker $colleague" ] ||
  fail "audit rows name [$addresses] as the failed and the successful login's addresses, not [$attacker $colleague]"
echo "   $attacker: 7 failed logins ($throttled attempts throttled between them), then 429; $colleague logged in"

step "both servers served the sessions (nginx access log, upstream address)"
for port in "${ports[@]}"; do
  served=$(grep -E '"GET /api/v1/(auth/session|persons/[0-9]+) [^"]*" 200 upstream=127\.0\.0\.1:'"$port"'$' \
    "$work/nginx/access.log" | wc -l)
  [ "$served" -gt 0 ] || fail "server 127.0.0.1:$port served none of the session's requests: $(cat "$work/nginx/access.log")"
  echo "   127.0.0.1:$port answered $served authenticated requests"
done

step "stop server 1: server 2 still honours both sessions (through nginx and directly)"
stop_server 1
for _ in $(seq 4); do
  expect 200 "session cookie with server 1 stopped" "$(https_call GET /api/v1/auth/session -b "$work/cookies")"
  expect 200 "bearer token with server 1 stopped" "$(https_call GET "/api/v1/persons/$person_id" "${bearer[@]}")"
done
status=$(curl -s -o /dev/null -w '%{http_code}' "${bearer[@]}" "http://127.0.0.1:${ports[1]}/api/v1/persons/$person_id")
[ "$status" = 200 ] || fail "server 2 directly: HTTP $status for the bearer token"

step "keys rotate, copy the new key file to every server, then restart them"
stop_server 2
"$ACOGIDA" keys rotate --db "$DB" --keys "$keys" >"$work/etc/rotate.log" 2>&1 ||
  fail "acogida keys rotate failed: $(cat "$work/etc/rotate.log")"
cmp -s "$keys" "$work/srv1/keys" && fail "keys rotate did not change the key file"
[ "$(stat -c %a "$keys")" = 600 ] || fail "the rotated key file has mode $(stat -c %a "$keys")"
for n in 1 2; do
  install -m 0600 "$keys" "$work/srv$n/keys"
  start_server "$n"
done
for _ in $(seq 4); do
  out=$(https_call GET "/api/v1/persons/$person_id" "${bearer[@]}")
  expect 200 "bearer token after the restart (sessions live in the database)" "$out"
  case "$out" in *"\"phone\":\"$phone\""*) ;; *) fail "the phone did not read back after the rotation: $out" ;; esac
done

step "acogida migrate: a shelter's SQLite database into the network (run twice)"
mkdir -p "$work/shelter"
"$ACOGIDA" demo-data --db "$work/shelter/acogida.db" --persons 30 --seed 7 >/dev/null 2>&1 ||
  fail "demo-data for the shelter's SQLite database failed"
migrate=("$ACOGIDA" migrate --from "$work/shelter/acogida.db" --from-keys "$work/shelter/acogida.db.keys"
  --to "$DB" --keys "$keys" --user-suffix .albergue)
"${migrate[@]}" >"$work/shelter/migrate1.log" 2>&1 || fail "acogida migrate failed: $(cat "$work/shelter/migrate1.log")"
grep -Eq '^ +person +[1-9][0-9]* new' "$work/shelter/migrate1.log" ||
  fail "the first migrate copied no persons: $(cat "$work/shelter/migrate1.log")"
# Re-running is safe: the second run adds no row to any table it copies into.
tables=(site section household user_account user_site person person_token arrival consent audit_import)
row_counts() {
  local query="SELECT concat_ws(' '" table
  for table in "${tables[@]}"; do query+=", '$table=' || (SELECT count(*) FROM $table)"; done
  "$pgbin/psql" -X -w -tA "$DB" -c "$query)"
}
before=$(row_counts) || fail "cannot count rows after the first migrate: $before"
"${migrate[@]}" >"$work/shelter/migrate2.log" 2>&1 ||
  fail "the second acogida migrate failed: $(cat "$work/shelter/migrate2.log")"
after=$(row_counts) || fail "cannot count rows after the second migrate: $after"
[ "$before" = "$after" ] || fail "the second migrate added rows: before [$before], after [$after]"
grep -Eq '^ +person +0 new' "$work/shelter/migrate2.log" ||
  fail "the second migrate did not report 0 new persons: $(cat "$work/shelter/migrate2.log")"
echo "   second run: no new rows ($after)"
sed -n 's/^/   /p' "$work/shelter/migrate1.log" | head -n 12

step "acogida audit verify on the network's database"
"$ACOGIDA" audit verify --db "$DB" --keys "$keys" >"$work/etc/verify.log" 2>&1 ||
  fail "audit verify: $(cat "$work/etc/verify.log")"
sed -n 's/^/   /p' "$work/etc/verify.log"

step "logout through nginx ends the cookie session on both servers"
expect 204 "logout" "$(https_call POST /api/v1/auth/logout -b "$work/cookies" -H "X-CSRF-Token: $csrf" "${json[@]}" -d '{}')"
# (curl sends a Secure cookie over https only: name it by hand for the servers' plain http.)
cookie=$(awk -F'\t' '$6 == "acogida_session" { print $7 }' "$work/cookies")
[ -n "$cookie" ] || fail "no acogida_session cookie in curl's jar"
for port in "${ports[@]}"; do
  status=$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: acogida_session=$cookie" \
    "http://127.0.0.1:$port/api/v1/auth/session")
  [ "$status" = 401 ] || fail "127.0.0.1:$port still honours the logged-out cookie (HTTP $status)"
done

echo "deploy drill passed in $((SECONDS - started)) s"
