#!/usr/bin/env bash
# Chaos run: load through the packaged gateway on a route with fallback and a running rollout while the function
# throws, is throttled, times out, lambda-local is stopped and started again, and the monolith slows down and
# restarts; prints requests sent, failed (by method), answered by fallback, the rollout's rollbacks, and the targets
# (see ChaosRun). Exits 1 when a target is missed.
# Usage: bench/chaos.sh [seconds, default 120] [rollout hold time per step in seconds, default 20]
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
MODULE="$(dirname "$HERE")"
ROOT="$(dirname "$MODULE")"
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
JVM_OPTS="${BENCH_JVM_OPTS:--Xms128m -Xmx512m}"
cd "$ROOT"
# the gateway jar, its test classes and the sample function jar, with lambda-local built in the same reactor
# (each module writes its own target/bench-classpath.txt; the gateway's is the one used)
./mvnw -q -pl strangler-gateway -am verify dependency:build-classpath -DskipTests \
  -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test >&2
CP="$MODULE/target/test-classes:$MODULE/target/classes:$(cat "$MODULE/target/bench-classpath.txt")"
LOG="$MODULE/target/chaos-run.log"
cd "$MODULE"
set +e
# shellcheck disable=SC2086
"$JAVA" $JVM_OPTS -cp "$CP" dev.strangler.gateway.it.ChaosRun \
  "$MODULE/target/it/sample-functions.jar" "${1:-120}" "${2:-20}" >"$LOG" 2>&1
CODE=$?
set -e
if ! grep -q '^| phase' "$LOG"; then
  tail -60 "$LOG" >&2
  exit 1
fi
sed -n '/^| phase/,$p' "$LOG"
echo "(full output: target/chaos-run.log; the gateway's: target/failsafe-reports/gateway-chaos.log)"
exit "$CODE"
