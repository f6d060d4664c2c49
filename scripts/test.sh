#!/usr/bin/env bash
# One command to set up and run every test (unit, AppTest, browser): bash scripts/test.sh
# Installs Debian chromium when it is missing (the browser tests drive /usr/bin/chromium).
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -x /usr/bin/chromium ]; then
  echo "==> Debian chromium installeren"
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium fonts-dejavu-core >/dev/null
fi
bash scripts/setup.sh test
mkdir -p test-artifacts
exec .venv/bin/python -m pytest "$@"
