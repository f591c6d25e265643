#!/usr/bin/env bash
# Run the whole test suite on a fresh machine: installs what the tests need (venv with
# the dev extras, Neo4j 5.26 jars and the Gephi Toolkit through Maven, Debian's chromium),
# then runs pytest.
# Neo4j: uses $NEO4J_URI when set, else tests/conftest.py starts a local server.
# Extra arguments go to pytest, e.g. scripts/test.sh -k contract
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --dev
# Debian packages the tests drive for real: chromium (browser tests), nginx (serving a team)
need=""
[ -x /usr/bin/chromium ] || need="$need chromium"
command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || need="$need nginx"
if [ -n "$need" ]; then
  echo "installing Debian's$need for the tests..." >&2
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq $need >/dev/null
fi
.venv/bin/python scripts/neo4j_local.py prepare
.venv/bin/python scripts/gephi_check.py prepare
exec .venv/bin/python -m pytest "$@"
