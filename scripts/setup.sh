#!/usr/bin/env bash
# Set up the Python environment and the offline front-end assets.
# Usage: scripts/setup.sh [app|test]   (test also installs the test tools)
set -euo pipefail
cd "$(dirname "$0")/.."
soort="${1:-app}"
PYTHON="${PYTHON:-python3}"
if [ ! -x .venv/bin/python ]; then
  echo "==> Python-omgeving aanmaken (.venv)"
  "$PYTHON" -m venv .venv
fi
eisen=requirements.txt
[ "$soort" = test ] && eisen=requirements-test.txt
echo "==> Pakketten installeren uit $eisen"
.venv/bin/python -m pip install --quiet --disable-pip-version-check -r "$eisen"
echo "==> Kaartbestanden (Leaflet met clusters, lettertypen) klaarzetten in static/vendor"
.venv/bin/python scripts/vendor_assets.py
