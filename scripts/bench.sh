#!/usr/bin/env bash
# Runs the JMH benchmarks side by side (raw driver, jdbc:otel:, p6spy, governed agent and service; H2 and
# PostgreSQL on 127.0.0.1:5432) and writes the results table into docs/benchmarks.md. Not part of the build.
#
#   scripts/bench.sh            full run: 2 forks, 3 × 1 s warm-up, 5 × 1 s measurement (~40 min on 2 cores)
#   scripts/bench.sh --quick    1 fork, 1 × 0.5 s warm-up, 2 × 0.5 s measurement (under 5 minutes on 2 cores)
#   scripts/bench.sh --quick -- 'StatementBenchmark' -p database=h2     extra JMH arguments after --
#
# The JSON stays in governance-jdbc-benchmarks/target/benchmarks-<mode>.json.
set -euo pipefail
cd "$(dirname "$0")/.."

mode=full
build=1
jmh_args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) mode=quick ;;
    --no-build) build=0 ;;
    --) shift; jmh_args=("$@"); break ;;
    *) echo "usage: scripts/bench.sh [--quick] [--no-build] [-- JMH arguments]" >&2; exit 2 ;;
  esac
  shift
done

if [ "$build" = 1 ]; then
  mvn -B -q -DskipTests -pl governance-jdbc-benchmarks -am package
fi
if ! (exec 3<>/dev/tcp/127.0.0.1/5432) 2>/dev/null; then
  bash scripts/start-databases.sh
fi

jar=governance-jdbc-benchmarks/target/benchmarks.jar
json=governance-jdbc-benchmarks/target/benchmarks-$mode.json
if [ "$mode" = quick ]; then
  settings=(-f 1 -wi 1 -w 500ms -i 2 -r 500ms)
else
  settings=(-f 2 -wi 3 -w 1s -i 5 -r 1s)
fi

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
started=$(date -u +%s)
java -jar "$jar" "${settings[@]}" -prof gc -rf json -rff "$json" "${jmh_args[@]}"
took=$(( $(date -u +%s) - started ))
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')
memory=$(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo)
machine="$(nproc) cores ($cpu), $memory, $(uname -sr); load average (1/5/15 min) $load_before before and $load_after after a ${took} s run on $(date -u +%F)"
command="scripts/bench.sh${mode/full/}"
[ "$mode" = quick ] && command="scripts/bench.sh --quick"
[ ${#jmh_args[@]} -gt 0 ] && command="$command -- ${jmh_args[*]}"

java -cp "$jar" dev.governance.jdbc.benchmarks.report.Report --json "$json" --doc docs/benchmarks.md \
  --command "$command" --machine "$machine"
