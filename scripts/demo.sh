#!/usr/bin/env bash
# The demo on a fresh machine: install clusternet, build the demo store from examples/
# (embedded, no server needed) and open the app at http://localhost:8501.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
exec .venv/bin/clusternet demo "$@"
