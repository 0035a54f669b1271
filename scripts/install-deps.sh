#!/usr/bin/env bash
# Installs what Acogida needs to build, test and run on Debian 12, from Debian's archive only.
# Idempotent and fast when everything is present (one dpkg query, no apt-get).
set -euo pipefail

packages=(
  cmake ninja-build g++ make pkg-config
  libcpp-httplib-dev nlohmann-json3-dev libsqlite3-dev sqlite3 libicu-dev libsodium-dev
  libcli11-dev libspdlog-dev libfmt-dev libssl-dev zlib1g-dev libbrotli-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  postgresql postgresql-contrib libpq-dev nginx
  tzdata wrk chromium
  liblemon-dev coinor-cbc
  python3-simpy
)

missing=()
for package in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}\n' "$package" 2>/dev/null | grep -q '^install ok installed'; then
    missing+=("$package")
  fi
done
if ! command -v node >/dev/null 2>&1; then
  missing+=(nodejs npm)
fi

if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing: ${missing[*]}"
  SUDO=""
  [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -q
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

# Vite 7 needs Node.js 20.19 or later.
node_major=$(node -p 'process.versions.node.split(".")[0]')
if [ "$node_major" -lt 20 ]; then
  echo "Node.js $(node --version) is too old for the web build: Vite 7 needs Node.js 20.19+." >&2
  exit 1
fi
