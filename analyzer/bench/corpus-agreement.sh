#!/usr/bin/env bash
# The analyzer's agreement with decompositions written by hand, from each corpus app's own documentation (the domain
# areas the corpus README lists), for the apps that have one in analyzer/bench/corpus/<app>.expected.yml.
# Reports go to analyzer/target/bench/corpus-reports/<app>; one line per app is printed.
# Usage (from anywhere): analyzer/bench/corpus-agreement.sh [CORPUS_DIR] [more analyze options, e.g. --kernel fold]
#   CORPUS_DIR defaults to ../shared/corpus relative to the repository root.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
GIVEN="${1:-$ROOT/../shared/corpus}"
shift || true
CORPUS="$(cd "$GIVEN" 2>/dev/null && pwd)" || {
    echo "corpus-agreement: no corpus folder at $GIVEN; give its path as the first argument" >&2
    exit 2
}
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
JAR="$ROOT/analyzer/target/strangler-analyzer.jar"
[[ -f "$JAR" ]] || (cd "$ROOT" && ./mvnw -q -pl analyzer -am package -DskipTests)

found=0
for expected in "$ROOT"/analyzer/bench/corpus/*.expected.yml; do
    app="$(basename "$expected" .expected.yml)"
    if [[ ! -d "$CORPUS/$app" ]]; then
        echo "$app: not in $CORPUS, skipped" >&2
        continue
    fi
    found=$((found + 1))
    reports="$ROOT/analyzer/target/bench/corpus-reports/$app"
    mkdir -p "$reports"
    status=0
    # exit status 1 only says that the report lists problems (unresolved library types: the corpus has no jars)
    "$JAVA" -Xmx1g -jar "$JAR" "$CORPUS/$app" --out "$reports" --expected "$expected" --quiet "$@" \
        >"$reports/summary.txt" 2>"$reports/problems.txt" || status=$?
    if (( status > 1 )); then
        cat "$reports/problems.txt" >&2
        exit "$status"
    fi
    services="$(grep -m1 'candidate services' "$reports/summary.txt")"
    agreement="$(grep -m1 '^Agreement with' "$reports/summary.txt" | sed 's/^Agreement with [^:]*: //')"
    printf '%-26s %s; %s\n' "$app" "$services" "$agreement"
done
if (( found == 0 )); then
    echo "corpus-agreement: none of the apps with an expected decomposition is in $CORPUS" >&2
    exit 2
fi
