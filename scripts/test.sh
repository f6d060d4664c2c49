#!/usr/bin/env bash
# One command to set up and run every test (unit, AppTest, browser): bash scripts/test.sh
# Installs Debian chromium when it is missing (the browser tests drive /usr/bin/chromium),
# postgresql and postgis (the store's tests start their own throw-away PostGIS server), nginx
# (the proxy tests start their own nginx before stand-in servers), and axe-core from
# package-lock.json (the accessibility tests inject node_modules/axe-core/axe.min.js).
set -euo pipefail
cd "$(dirname "$0")/.."
sudo=""
[ "$(id -u)" -ne 0 ] && sudo="sudo"
if [ ! -x /usr/bin/chromium ]; then
  echo "==> Debian chromium installeren"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium fonts-dejavu-core >/dev/null
fi
if ! ls /usr/lib/postgresql/*/bin/initdb /usr/share/postgresql/*/extension/postgis.control >/dev/null 2>&1; then
  echo "==> Debian postgresql en postgis installeren"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq postgresql postgis >/dev/null
fi
if [ ! -x /usr/sbin/nginx ] || ! command -v openssl >/dev/null; then
  echo "==> Debian nginx-light en openssl installeren"
  $sudo apt-get update -qq
  # Debian starts nginx on port 80 after installing it; where that port is taken the install
  # reports an error, but the program is there, and the proxy tests only need the program.
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq nginx-light openssl >/dev/null \
    || [ -x /usr/sbin/nginx ] || echo "==> nginx niet geïnstalleerd: de proxytests worden overgeslagen"
fi
if ! command -v npm >/dev/null; then
  echo "==> Debian nodejs en npm installeren"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq nodejs npm >/dev/null
fi
bash scripts/setup.sh test
if [ ! -f node_modules/axe-core/axe.min.js ] || [ package-lock.json -nt node_modules/axe-core/axe.min.js ]; then
  echo "==> axe-core installeren (npm ci)"
  npm ci --no-audit --no-fund
  touch node_modules/axe-core/axe.min.js  # npm writes the lock after the files: mark as up to date
fi
mkdir -p test-artifacts
exec .venv/bin/python -m pytest "$@"
