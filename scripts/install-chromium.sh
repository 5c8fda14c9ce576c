#!/usr/bin/env bash
# Installs Debian's Chromium and its WebDriver (chromium, chromium-driver) for the console's browser tests.
#
# Idempotent: when both `chromium` and `chromedriver` are already on the PATH nothing is done. Concurrent runs
# take turns (apt/dpkg hold their own locks too, but a second run then simply finds the packages installed).
# Debian/Ubuntu only; run as root (CI does) or with sudo. The install log is kept in
# ${GOVERNANCE_IT_DIR:-/var/lib/governance-jdbc-it}/log/apt-chromium.log.
set -euo pipefail

say() { echo "install-chromium: $*"; }
die() { echo "install-chromium: $*" >&2; exit 1; }

installed() { command -v chromium >/dev/null 2>&1 && command -v chromedriver >/dev/null 2>&1; }

if installed; then
  say "chromium and chromedriver already installed ($(chromium --version 2>/dev/null | head -1))"
  exit 0
fi

[[ $(id -u) -eq 0 ]] || die "installing chromium needs root (run with sudo)"
command -v apt-get >/dev/null 2>&1 || die "apt-get not found: install chromium and chromium-driver yourself"

LOCK_FILE=/tmp/governance-jdbc-chromium.lock
if [[ ! -e $LOCK_FILE ]]; then (umask 000 && : >>"$LOCK_FILE") 2>/dev/null || true; fi
exec 9<"$LOCK_FILE" || die "cannot open $LOCK_FILE"
flock -w 900 9 || die "another install-chromium.sh run held $LOCK_FILE for 15 minutes"
if installed; then say "installed by a concurrent run"; exit 0; fi

LOG_DIR=${GOVERNANCE_IT_DIR:-/var/lib/governance-jdbc-it}/log
mkdir -p "$LOG_DIR"
LOG=$LOG_DIR/apt-chromium.log
say "installing chromium and chromium-driver with apt-get (first run only; log in $LOG)"
rc=0
{
  apt-get update -qq || echo "apt-get update reported problems; trying the install anyway"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends -o Dpkg::Use-Pty=0 \
    chromium chromium-driver fonts-dejavu-core
} </dev/null >"$LOG" 2>&1 || rc=$?
if ((rc != 0)); then
  tail -n 40 "$LOG" >&2
  die "apt-get install failed (exit $rc)"
fi
installed || die "apt-get finished but chromium/chromedriver are not on the PATH"
say "installed $(chromium --version 2>/dev/null | head -1)"
