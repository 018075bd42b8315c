#!/usr/bin/env bash
# The cold-run ratio's floor: how the work after the parse compares with the parse once the JIT has compiled both,
# so what is left of the ratio without any warm-up. On a tree real-codebases.sh fetches (default keycloak), three
# fresh JVMs with the launcher's options for analyze without a class-data archive (-Xmx2g), each repeating its work:
#   parse      ParseBenchmark javaparser, ROUNDS passes: the parse alone as the analyzer parses
#   scan       ScanBenchmark, ROUNDS runs: the whole scan (walk, parse, index, pass 2, descriptors, model)
#   decompose  DecomposeBenchmark, ROUNDS rounds after one scan: the decomposition, and the three reports made as the
#              command makes them but one after the other (a run makes the Markdown beside the others), written nowhere
# Prints the first and last round of each, then the warm ratio: the last parse over the last scan plus the last
# decomposition and reports (as cold-ratio.sh's ratio, but without JIT warm-up, class loading or JVM start).
# Usage (from the repository root): analyzer/bench/warm-floor.sh [NAME] [ROUNDS]
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
NAME="${1:-keycloak}"
ROUNDS="${2:-6}"
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
TREE="analyzer/target/bench/real/$NAME"

[[ -d "$TREE" ]] || analyzer/bench/real-codebases.sh "$NAME" 1 >/dev/null
./mvnw -q -o -pl analyzer test-compile dependency:build-classpath \
    -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
CP="analyzer/target/classes:analyzer/target/test-classes:$(cat analyzer/target/bench-classpath.txt)"
read -r -a OPTS <<<"$(STRANGLER_CDS=off ./strangler --java-options analyze)"
bench() { "$JAVA" -Xmx2g "${OPTS[@]}" -cp "$CP" "$@"; }

echo "== $NAME: $(find "$TREE" -name '*.java' | wc -l) Java files, $(nproc) cores, $("$JAVA" -version 2>&1 | head -1)"
parse="$(bench dev.strangler.analyzer.source.ParseBenchmark "$TREE" javaparser "$ROUNDS")"
scan="$(bench dev.strangler.analyzer.bench.ScanBenchmark "$TREE" "$(nproc)" "$ROUNDS")"
decompose="$(bench dev.strangler.analyzer.bench.DecomposeBenchmark "$TREE" "$ROUNDS")"
parse_pass() { sed -n "s/.* pass $1: .* in \([0-9.]*\) s .*/\1/p" <<<"$parse"; }
decompose_round() { sed -n "s/^round $1: decompose \([0-9.]*\) s, reports \([0-9.]*\) s.*/\1 \2/p" <<<"$decompose"; }
first_parse="$(parse_pass 1)"
last_parse="$(parse_pass "$ROUNDS")"
last_scan="$(sed -n 's/^scan time=\([0-9.]*\) s.*/\1/p' <<<"$scan")"
read -r first_decompose first_reports < <(decompose_round 1)
read -r last_decompose last_reports < <(decompose_round "$ROUNDS")
echo "parse      first pass $first_parse s, pass $ROUNDS $last_parse s"
echo "scan       run $ROUNDS $last_scan s ($(sed -n 's/^phases: \(.*\); process.*/\1/p' <<<"$scan"))"
echo "decompose  round 1 $first_decompose s + reports $first_reports s, round $ROUNDS $last_decompose s + reports $last_reports s"
after="$(echo "$last_scan + $last_decompose + $last_reports" | bc)"
printf 'warm: parse %.2f s, scan + decomposition + reports %.2f s: %.2fx the parse (the issue asks 0.6x of a cold run)\n' \
    "$last_parse" "$after" "$(echo "scale=4; $last_parse / $after" | bc)"
