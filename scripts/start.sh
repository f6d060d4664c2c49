#!/usr/bin/env bash
# One command to set up and start the wijkkaart: bash scripts/start.sh
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh app
echo "==> De wijkkaart start op http://localhost:8501"
exec .venv/bin/python scripts/serve.py "$@"
