#!/usr/bin/env bash
# Runs a command with a throwaway PostgreSQL cluster (Tests/pg/cluster.sh) started for it and
# stopped after it, whatever happens: VETA_TEST_POSTGRES holds the cluster's URL meanwhile. Tests
# that see VETA_TEST_POSTGRES run against PostgreSQL too, and fail (never skip) if it cannot be reached.
#   Tests/pg/with-cluster.sh COMMAND [ARGS...]
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(mktemp -d /tmp/veta-pg.XXXXXX)
chmod 755 "$ROOT"
trap 'bash "$HERE/cluster.sh" stop "$ROOT/cluster"; rm -rf "$ROOT"' EXIT
VETA_TEST_POSTGRES=$(bash "$HERE/cluster.sh" start "$ROOT/cluster")
export VETA_TEST_POSTGRES
echo "PostgreSQL test cluster: $VETA_TEST_POSTGRES"
"$@"
