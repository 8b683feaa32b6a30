#!/usr/bin/env bash
# A throwaway PostgreSQL 15 cluster for the tests, in a folder of its own, on 127.0.0.1 and a free
# port, with a Unix socket in the same folder. Nothing outside DIR is touched but, when run as root,
# one system user (veta-pg) that owns the cluster: PostgreSQL's initdb and server refuse to run as
# root, so they run as that user through runuser.
#
#   Tests/pg/cluster.sh start DIR   starts it; prints its URL (also in DIR/url), e.g.
#                                   postgresql://veta@127.0.0.1:54012/veta
#   Tests/pg/cluster.sh stop DIR    stops it (fast shutdown) and removes DIR
#
# The cluster trusts local connections (it lives for one test run); the bootstrap role `veta` owns
# the database `veta`. Debian's package postgresql-15 provides the binaries (make test installs it).
# max_connections is 400: Swift Testing runs the suites' PostgreSQL cases at once, each store request
# opening its own connection and each test its own database (psql), which went past the default 100.
set -euo pipefail
BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
cmd=${1:?usage: cluster.sh start|stop DIR}
DIR=${2:?usage: cluster.sh start|stop DIR}
OWNER=veta-pg

as_owner() { # runs a command as the cluster's owner (this user, or veta-pg under root)
    if [ "$(id -u)" = 0 ]; then runuser -u "$OWNER" -- "$@"; else "$@"; fi
}

case "$cmd" in
start)
    [ -x "$BIN/initdb" ] || { echo "cluster.sh: no $BIN/initdb (install postgresql-15)" >&2; exit 2; }
    mkdir -p "$DIR"
    if [ "$(id -u)" = 0 ]; then
        id "$OWNER" >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin "$OWNER"
        chown "$OWNER" "$DIR"
        # The owner must be able to reach DIR: open the folders above it for traversal only if needed.
        runuser -u "$OWNER" -- test -x "$DIR" || { echo "cluster.sh: $OWNER cannot reach $DIR; use a folder under /tmp" >&2; exit 2; }
    fi
    port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    as_owner "$BIN/initdb" -D "$DIR/data" -U veta --auth=trust --encoding=UTF8 --locale=C.UTF-8 >"$DIR/initdb.log" 2>&1 \
        || { cat "$DIR/initdb.log" >&2; exit 2; }
    # max_connections: swift test runs the tests of every suite at once, each with connections of its own.
    as_owner "$BIN/pg_ctl" -D "$DIR/data" -l "$DIR/server.log" -w -t 60 \
        -o "-c listen_addresses=127.0.0.1 -p $port -k $DIR -c fsync=off -c max_connections=400" start >/dev/null \
        || { cat "$DIR/server.log" >&2; exit 2; }
    as_owner "$BIN/createdb" -h 127.0.0.1 -p "$port" -U veta veta
    echo "postgresql://veta@127.0.0.1:$port/veta" | tee "$DIR/url"
    ;;
stop)
    if [ -f "$DIR/data/postmaster.pid" ]; then as_owner "$BIN/pg_ctl" -D "$DIR/data" -m fast -w stop >/dev/null || true; fi
    rm -rf "$DIR"
    ;;
*)
    echo "usage: cluster.sh start|stop DIR" >&2; exit 64
    ;;
esac
