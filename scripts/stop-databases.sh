#!/usr/bin/env bash
# Stops the PostgreSQL and MariaDB servers that scripts/start-databases.sh started (gracefully; data is kept).
# Servers it did not start (other data directories) are left alone. Run as root, like the start script.
#
# Environment (optional): GOVERNANCE_IT_DIR, PG_BIN, DB_WAIT_SECONDS, GOVERNANCE_IT_RUN_DIR -- as for
# start-databases.sh.
set -euo pipefail

IT_DIR=${GOVERNANCE_IT_DIR:-/var/lib/governance-jdbc-it}
PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
WAIT=${DB_WAIT_SECONDS:-60}

PG_DATA=$IT_DIR/pg
MARIADB_PID=${GOVERNANCE_IT_RUN_DIR:-/run}/mysqld/mysqld.pid

say() { printf '[databases] %s\n' "$*"; }
die() { printf '[databases] ERROR: %s\n' "$*" >&2; exit 1; }

[[ $EUID -eq 0 ]] || die "stopping the databases needs root; run: sudo $0"

# True when process $1 is alive (not a zombie) and its executable name is $2.
process_is() {
  local stat
  [[ $1 =~ ^[0-9]+$ ]] && stat=$(cat "/proc/$1/stat" 2>/dev/null) || return 1
  [[ $stat == "$1 ($2) "* && ${stat#*) } != [ZX]* ]]
}

status=0

# PostgreSQL: pg_ctl's fast shutdown (disconnects clients, rolls back, checkpoints).
pg_pid=
[[ -f $PG_DATA/postmaster.pid ]] && pg_pid=$(head -n 1 "$PG_DATA/postmaster.pid" 2>/dev/null || true)
if process_is "$pg_pid" postgres; then
  say "PostgreSQL: stopping (pid $pg_pid)"
  runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$PG_DATA" -m fast -w -t "$WAIT" stop >/dev/null \
    || { say "PostgreSQL: did not stop within ${WAIT}s"; status=1; }
else
  say "PostgreSQL: not running from $PG_DATA"
fi

# MariaDB: SIGTERM is mariadbd's normal shutdown; only if it serves our data directory.
maria_pid=
[[ -f $MARIADB_PID ]] && maria_pid=$(cat "$MARIADB_PID" 2>/dev/null || true)
if process_is "$maria_pid" mariadbd \
    && [[ $(tr '\0' ' ' <"/proc/$maria_pid/cmdline" 2>/dev/null) == *"$IT_DIR/mariadb.cnf"* ]]; then
  say "MariaDB: stopping (pid $maria_pid)"
  kill -TERM "$maria_pid"
  deadline=$((SECONDS + WAIT))
  while [[ -d /proc/$maria_pid ]]; do
    if ((SECONDS >= deadline)); then say "MariaDB: did not stop within ${WAIT}s"; status=1; break; fi
    sleep 0.3
  done
else
  say "MariaDB: not running from $IT_DIR"
fi

exit $status
