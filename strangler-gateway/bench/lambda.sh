#!/usr/bin/env bash
# Latency the gateway adds on a Lambda route: GET through the gateway to lambda-local vs a direct SDK invoke of the
# same function, one request at a time, after a warm-up of both (see LambdaOverheadBenchmark).
# Usage: bench/lambda.sh [requests per side, default 2000] [warm-up seconds, default 30]
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
MODULE="$(dirname "$HERE")"
ROOT="$(dirname "$MODULE")"
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
JVM_OPTS="${BENCH_JVM_OPTS:--Xms256m -Xmx512m}"
cd "$ROOT"
# the test classes and the sample function jar, with lambda-local built in the same reactor, so a fresh clone needs
# nothing installed (each module writes its own target/bench-classpath.txt; the gateway's is the one used)
./mvnw -q -pl strangler-gateway -am verify dependency:build-classpath -DskipTests \
  -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test >&2
CP="$MODULE/target/test-classes:$MODULE/target/classes:$(cat "$MODULE/target/bench-classpath.txt")"
LOG="$(mktemp)"
# shellcheck disable=SC2086
"$JAVA" $JVM_OPTS -cp "$CP" dev.strangler.gateway.bench.LambdaOverheadBenchmark \
  "$MODULE/target/it/sample-functions.jar" "${1:-2000}" "${2:-30}" >"$LOG" 2>&1 || { tail -40 "$LOG" >&2; exit 1; }
grep -E '^(\||warm-up)' "$LOG"
rm -f "$LOG"
