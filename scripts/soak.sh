#!/usr/bin/env bash
# The pool soak (docs/testing.md): 64 threads through HikariCP on PostgreSQL as one agent for a bounded time
# (default 4 minutes), with audit rotation on. Not part of `mvn verify`, which runs the same code for 5 seconds.
#   bash scripts/soak.sh [DURATION (ISO-8601, e.g. PT4M)] [THREADS]
# Figures: governance-jdbc/target/soak/figures.txt (also printed).
set -euo pipefail
cd "$(dirname "$0")/.."
duration="${1:-PT4M}"
threads="${2:-64}"
bash scripts/start-databases.sh
mvn -B -q -pl governance-jdbc verify -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false \
    -Dit.test=PoolSoakIT -Dfailsafe.failIfNoSpecifiedTests=false -Dgovernance.it.require-databases=true \
    -Dgovernance.soak.duration="$duration" -Dgovernance.soak.threads="$threads"
cat governance-jdbc/target/soak/figures.txt
