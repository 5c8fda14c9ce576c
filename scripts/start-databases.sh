#!/usr/bin/env bash
# Starts the databases the integration tests need, on this machine, without Docker:
#
#   PostgreSQL 15   127.0.0.1:5432   user postgres (trust, no password)   database test
#   MariaDB         127.0.0.1:3306   user root (empty password)           database test
#
# Idempotent: a server that already answers on its port is left alone (only the `test` database and the
# password-less login are ensured); otherwise it is initialised (first run only) and started. Survives re-runs,
# concurrent runs (they take turns), servers that were killed (stale pid/socket files) and a machine without
# MariaDB (it installs mariadb-server with apt-get). The servers keep running when the script ends, detached
# from it (own session, no inherited file descriptors); scripts/stop-databases.sh stops them.
#
# Debian/Ubuntu only. Run as root (CI does); a developer can run it with sudo.
#
# Environment (all optional; the tests expect the default ports):
#   GOVERNANCE_IT_DIR            state directory (data, logs, config)  default /var/lib/governance-jdbc-it
#   PG_BIN                       PostgreSQL 15 server binaries         default /usr/lib/postgresql/15/bin
#   DB_WAIT_SECONDS              how long to wait for each server      default 60
#   GOVERNANCE_IT_PG_PORT        PostgreSQL port                       default 5432
#   GOVERNANCE_IT_MARIADB_PORT   MariaDB port                          default 3306
#   GOVERNANCE_IT_RUN_DIR        sockets and pid files                 default /run (postgresql/, mysqld/ in it)
set -euo pipefail

IT_DIR=${GOVERNANCE_IT_DIR:-/var/lib/governance-jdbc-it}
PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
WAIT=${DB_WAIT_SECONDS:-60}

HOST=127.0.0.1
PG_PORT=${GOVERNANCE_IT_PG_PORT:-5432}
MARIADB_PORT=${GOVERNANCE_IT_MARIADB_PORT:-3306}
RUN_DIR=${GOVERNANCE_IT_RUN_DIR:-/run}

PG_DATA=$IT_DIR/pg
PG_SOCKET_DIR=$RUN_DIR/postgresql
MARIADB_DATA=$IT_DIR/mariadb
MARIADB_CNF=$IT_DIR/mariadb.cnf
MARIADB_RUN=$RUN_DIR/mysqld
MARIADB_SOCKET=$MARIADB_RUN/mysqld.sock
MARIADB_PID=$MARIADB_RUN/mysqld.pid
LOG_DIR=$IT_DIR/log

export PATH="$PATH:/usr/local/sbin:/usr/sbin:/sbin"
export DEBIAN_FRONTEND=noninteractive
cd /   # the servers run as other users, who may not be allowed into the caller's directory

TEMP_POLICY_RC=   # a policy-rc.d this script created and must remove again
cleanup() { [[ -z $TEMP_POLICY_RC ]] || rm -f "$TEMP_POLICY_RC"; }
trap cleanup EXIT

say() { printf '[databases] %s\n' "$*"; }
die() { printf '[databases] ERROR: %s\n' "$*" >&2; exit 1; }

need_root() {
  [[ $EUID -eq 0 ]] || die "$1 needs root; run: sudo $0"
}

# True when something accepts TCP connections on 127.0.0.1:$1.
port_open() {
  timeout 2 bash -c "exec 3<>/dev/tcp/$HOST/$1" 2>/dev/null
}

# Runs "$@" with only stdin, stdout and stderr open. A server started by this script must not hold on to the
# caller's other descriptors (pipes of a CI runner, the lock below): the caller could wait for them forever.
without_inherited_fds() {
  (
    local fd
    for fd in "/proc/$BASHPID/fd/"*; do
      fd=${fd##*/}
      if ((fd > 2)); then eval "exec $fd>&-" 2>/dev/null || true; fi
    done
    exec "$@"
  )
}

# Prints the last lines of a log file to stderr (for error reports).
show_log() {
  if [[ -f $1 ]]; then
    printf '[databases] --- last lines of %s ---\n' "$1" >&2
    tail -n 25 "$1" >&2 || true
  fi
}

# True when process $1 is alive (not a zombie) and its executable name is $2.
process_is() {
  local stat
  [[ $1 =~ ^[0-9]+$ ]] && stat=$(cat "/proc/$1/stat" 2>/dev/null) || return 1
  [[ $stat == "$1 ($2) "* && ${stat#*) } != [ZX]* ]]
}

# Waits while process $1 (named $2) is alive but the check $3 (a function) fails. True when the check passed
# (the process serves), false when the process is gone; dies when it neither answers nor exits in time.
await_running() {
  local deadline=$((SECONDS + WAIT))
  while process_is "$1" "$2"; do
    "$3" && return 0
    ((SECONDS < deadline)) || die "$2 (pid $1) is running but does not answer on $HOST after ${WAIT}s"
    sleep 0.5
  done
  return 1
}

# ----------------------------------------------------------------------------------------------------------- PostgreSQL

pg_sql() { # pg_sql DATABASE SQL  -> prints tuples-only output
  psql -X -q -v ON_ERROR_STOP=1 -h "$HOST" -p "$PG_PORT" -U postgres -d "$1" -tAc "$2"
}

# pg_isready's exit status: 0 accepting connections, 1 rejecting (starting up / shutting down), 2 no answer.
pg_status() {
  local rc=0
  pg_isready -q -h "$HOST" -p "$PG_PORT" -U postgres -d postgres -t 3 || rc=$?
  return "$rc"
}

# True when a PostgreSQL server answers on the port (a TCP connect alone could reach a dying process).
pg_answers() {
  local rc=0
  pg_status || rc=$?
  ((rc == 0 || rc == 1))
}

# Pids of (non-zombie) postgres processes working on our data directory.
pg_leftovers() {
  local p
  for p in $(pgrep -u postgres -x postgres || true); do
    [[ $(readlink "/proc/$p/cwd" 2>/dev/null) == "$PG_DATA" ]] && echo "$p"
  done
  return 0
}

pg_start() {
  need_root "Starting PostgreSQL"
  [[ -x $PG_BIN/initdb && -x $PG_BIN/pg_ctl ]] \
    || die "PostgreSQL 15 server binaries not found in $PG_BIN (apt-get install postgresql-15)"
  id postgres >/dev/null 2>&1 || die "OS user postgres is missing (it comes with the postgresql-15 package)"

  mkdir -p "$IT_DIR" "$LOG_DIR" "$PG_SOCKET_DIR"
  chown postgres:postgres "$PG_SOCKET_DIR"
  chmod 2775 "$PG_SOCKET_DIR"
  local log=$LOG_DIR/postgresql.log
  touch "$log" && chown postgres:postgres "$log"

  # A marker written after a successful initdb tells a finished cluster from one a killed run left half made.
  if [[ ! -f $IT_DIR/pg.initialized ]]; then
    say "PostgreSQL: initialising a new cluster in $PG_DATA"
    rm -rf "$PG_DATA"
    install -d -o postgres -g postgres -m 700 "$PG_DATA"
    runuser -u postgres -- "$PG_BIN/initdb" -D "$PG_DATA" -A trust -U postgres -E UTF8 --no-locale \
      >"$LOG_DIR/initdb.log" 2>&1 || { show_log "$LOG_DIR/initdb.log"; die "initdb failed"; }
    cat >>"$PG_DATA/postgresql.conf" <<EOF

# --- governance-jdbc integration tests (scripts/start-databases.sh) ---
listen_addresses = '$HOST'
port = $PG_PORT
unix_socket_directories = '$PG_SOCKET_DIR'
max_connections = 200
# A throw-away test database: durability is traded for speed.
fsync = off
synchronous_commit = off
full_page_writes = off
EOF
    touch "$IT_DIR/pg.initialized"
  fi

  # Stale lock files after a kill: postgres usually copes, but not when the old pid was reused by another
  # process. If no postmaster of this data directory is alive, the files are garbage.
  local pidfile=$PG_DATA/postmaster.pid
  if [[ -f $pidfile ]]; then
    local oldpid
    oldpid=$(head -n 1 "$pidfile" 2>/dev/null || true)
    if process_is "$oldpid" postgres; then
      say "PostgreSQL: a postmaster (pid $oldpid) is still running on $PG_DATA; waiting for it"
      if await_running "$oldpid" postgres pg_answers; then return 0; fi
    fi
    say "PostgreSQL: removing stale $pidfile (pid $oldpid is gone)"
    rm -f "$pidfile" "$PG_SOCKET_DIR/.s.PGSQL.$PG_PORT" "$PG_SOCKET_DIR/.s.PGSQL.$PG_PORT.lock"
  fi

  # After a postmaster was killed alone, its backends notice and exit within moments; until then the old
  # shared memory is in use and a new postmaster refuses to start.
  local deadline=$((SECONDS + WAIT))
  while [[ -n $(pg_leftovers) ]]; do
    ((SECONDS < deadline)) || die "processes of the old PostgreSQL server are still running: $(pg_leftovers | tr '\n' ' ')"
    sleep 0.3
  done

  say "PostgreSQL: starting (log $log)"
  # pg_ctl detaches the postmaster (setsid, stdin /dev/null, output to the log).
  if ! without_inherited_fds runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$PG_DATA" -l "$log" -w -t "$WAIT" \
      -o "-c listen_addresses=$HOST -c port=$PG_PORT -c unix_socket_directories=$PG_SOCKET_DIR" start >/dev/null; then
    show_log "$log"
    die "PostgreSQL did not start within ${WAIT}s"
  fi
}

pg_wait() {
  local deadline=$((SECONDS + WAIT))
  until pg_status; do
    ((SECONDS < deadline)) || { show_log "$LOG_DIR/postgresql.log"; die "PostgreSQL on $HOST:$PG_PORT does not accept connections after ${WAIT}s"; }
    sleep 0.5
  done
}

pg_setup() {
  pg_sql postgres 'SELECT 1' >/dev/null 2>&1 \
    || die "PostgreSQL on $HOST:$PG_PORT answers, but user postgres cannot log in without a password over TCP (trust auth for 127.0.0.1 is needed)"
  if [[ -z $(pg_sql postgres "SELECT 1 FROM pg_database WHERE datname = 'test'") ]]; then
    say "PostgreSQL: creating database test"
    pg_sql postgres 'CREATE DATABASE test' >/dev/null
  fi
  [[ $(pg_sql test 'SHOW server_version_num') == 15* ]] \
    || say "PostgreSQL: WARNING: the server on $HOST:$PG_PORT is not PostgreSQL 15; the tests expect 15"
  say "PostgreSQL: ready on $HOST:$PG_PORT/test ($(pg_sql test 'SHOW server_version'))"
}

postgres_up() {
  if pg_answers; then
    say "PostgreSQL: already answering on $HOST:$PG_PORT, leaving it running"
  else
    pg_start
  fi
  pg_wait
  pg_setup
}

# -------------------------------------------------------------------------------------------------------------- MariaDB

mariadbd_path() {
  command -v mariadbd 2>/dev/null || { [[ -x /usr/sbin/mariadbd ]] && echo /usr/sbin/mariadbd; } || true
}

apt_install() { # apt_install PACKAGE...
  need_root "Installing $*"
  mkdir -p "$LOG_DIR"
  say "MariaDB: installing $* with apt-get (first run only)"
  local policy=/usr/sbin/policy-rc.d
  # Keep the package's maintainer scripts from starting a second server on the standard data directory.
  if [[ ! -e $policy ]]; then
    TEMP_POLICY_RC=$policy
    printf '#!/bin/sh\nexit 101\n' >"$policy" && chmod 755 "$policy"
  fi
  local rc=0
  {
    apt-get update -qq || say "MariaDB: apt-get update reported problems; trying the install anyway"
    apt-get install -y -qq --no-install-recommends -o Dpkg::Use-Pty=0 "$@"
  } </dev/null >"$LOG_DIR/apt-get.log" 2>&1 || rc=$?
  cleanup && TEMP_POLICY_RC=
  if ((rc != 0)); then
    show_log "$LOG_DIR/apt-get.log"
    die "apt-get install $* failed (exit $rc)"
  fi
}

maria_client() { # maria_client ARGS... (over TCP as root, empty password)
  mariadb --no-defaults --protocol=TCP -h "$HOST" -P "$MARIADB_PORT" -u root --connect-timeout=5 "$@"
}

# True when a MariaDB server answers on the port, even if it refuses root's login (a fresh root is
# unix_socket only, and the check runs before that is changed).
maria_answers() {
  command -v mariadb-admin >/dev/null || { port_open "$MARIADB_PORT"; return; }
  local out
  out=$(mariadb-admin --no-defaults --protocol=TCP -h "$HOST" -P "$MARIADB_PORT" -u root --connect-timeout=2 \
    ping 2>&1) || [[ $out == *"Access denied"* || $out == *"not allowed to connect"* ]]
}

maria_socket_client() { # as OS user root over the socket (unix_socket authentication)
  local sock=$MARIADB_SOCKET
  mariadb --no-defaults --protocol=SOCKET -S "$sock" -u root --connect-timeout=5 "$@"
}

write_mariadb_cnf() {
  cat >"$MARIADB_CNF.tmp" <<EOF
# Written by scripts/start-databases.sh (governance-jdbc integration tests); rewritten on every run.
[mariadbd]
user                 = mysql
datadir              = $MARIADB_DATA
bind-address         = $HOST
port                 = $MARIADB_PORT
socket               = $MARIADB_SOCKET
pid-file             = $MARIADB_PID
log-error            = $LOG_DIR/mariadb.log
# No skip-name-resolve: with it, a TCP client from 127.0.0.1 would not match root@localhost.
character-set-server = utf8mb4
collation-server     = utf8mb4_general_ci
max_connections      = 200
# A throw-away test database: durability is traded for speed.
innodb_flush_log_at_trx_commit = 2
innodb_buffer_pool_size        = 128M
EOF
  mv "$MARIADB_CNF.tmp" "$MARIADB_CNF"
}

maria_start() {
  need_root "Starting MariaDB"
  mkdir -p "$IT_DIR" "$LOG_DIR"
  id mysql >/dev/null 2>&1 || die "OS user mysql is missing (it comes with the mariadb-server package)"
  install -d -o mysql -g mysql -m 755 "$MARIADB_RUN"
  touch "$LOG_DIR/mariadb.log" && chown mysql:mysql "$LOG_DIR/mariadb.log"
  write_mariadb_cnf

  if [[ ! -f $IT_DIR/mariadb.initialized ]]; then
    say "MariaDB: initialising a new data directory in $MARIADB_DATA"
    rm -rf "$MARIADB_DATA"
    install -d -o mysql -g mysql -m 750 "$MARIADB_DATA"
    mariadb-install-db --defaults-file="$MARIADB_CNF" --user=mysql --skip-test-db \
      --auth-root-authentication-method=socket >"$LOG_DIR/mariadb-install-db.log" 2>&1 \
      || { show_log "$LOG_DIR/mariadb-install-db.log"; die "mariadb-install-db failed"; }
    touch "$IT_DIR/mariadb.initialized"
  fi

  local oldpid=
  [[ -f $MARIADB_PID ]] && oldpid=$(cat "$MARIADB_PID" 2>/dev/null || true)
  if process_is "$oldpid" mariadbd; then
    say "MariaDB: mariadbd (pid $oldpid) is still running; waiting for it"
    if await_running "$oldpid" mariadbd maria_answers; then return 0; fi
  fi
  if [[ -e $MARIADB_SOCKET || -e $MARIADB_PID ]]; then
    say "MariaDB: removing stale pid/socket files in $MARIADB_RUN"
    rm -f "$MARIADB_PID" "$MARIADB_SOCKET" "$MARIADB_SOCKET.lock"
  fi

  say "MariaDB: starting (log $LOG_DIR/mariadb.log)"
  # Own session, no inherited descriptors: CI must not wait for it, and it outlives this script.
  without_inherited_fds setsid -f "$(mariadbd_path)" --defaults-file="$MARIADB_CNF" \
    </dev/null >>"$LOG_DIR/mariadb.log" 2>&1
}

maria_wait() {
  local deadline=$((SECONDS + WAIT))
  until maria_answers; do
    ((SECONDS < deadline)) || { show_log "$LOG_DIR/mariadb.log"; die "MariaDB on $HOST:$MARIADB_PORT does not accept connections after ${WAIT}s"; }
    sleep 0.5
  done
}

maria_setup() {
  if ! maria_client -e 'SELECT 1' >/dev/null 2>&1; then
    # Fresh data directory: root@localhost authenticates by unix_socket only. Allow an empty password too.
    say "MariaDB: enabling password-less root login over TCP"
    [[ $EUID -eq 0 && -S $MARIADB_SOCKET ]] \
      || die "MariaDB on $HOST:$MARIADB_PORT answers, but root cannot log in with an empty password over TCP (run this script as root to fix it)"
    maria_socket_client -e "ALTER USER root@localhost IDENTIFIED VIA mysql_native_password USING PASSWORD(''); FLUSH PRIVILEGES;" \
      || die "could not change root's authentication in MariaDB"
    maria_client -e 'SELECT 1' >/dev/null || die "root still cannot log in to MariaDB over TCP"
  fi
  maria_client -e 'CREATE DATABASE IF NOT EXISTS test' >/dev/null
  say "MariaDB: ready on $HOST:$MARIADB_PORT/test ($(maria_client -N -B -e 'SELECT VERSION()'))"
}

mariadb_up() {
  if maria_answers; then
    say "MariaDB: already answering on $HOST:$MARIADB_PORT, leaving it running"
    command -v mariadb >/dev/null || apt_install mariadb-client
  else
    [[ -n $(mariadbd_path) ]] || apt_install mariadb-server
    maria_start
  fi
  maria_wait
  maria_setup
}

# ----------------------------------------------------------------------------------------------------------------- main

# Concurrent runs take turns: two runs starting two servers on one data directory would fight over it.
LOCK_FILE=/tmp/governance-jdbc-it-databases.lock
if [[ ! -e $LOCK_FILE ]]; then (umask 000 && : >>"$LOCK_FILE") 2>/dev/null || true; fi
exec 9<"$LOCK_FILE" || die "cannot open $LOCK_FILE"
if ! flock -n 9; then
  say "another start-databases.sh run is busy; waiting for it"
  flock -w 600 9 || die "another start-databases.sh run held $LOCK_FILE for 10 minutes"
fi

postgres_up
mariadb_up
say "both databases are up (${SECONDS}s); scripts/stop-databases.sh stops them"
