#!/usr/bin/env bash
# The scan cache's mutation check on any source tree: a copy of the tree is analysed once (writing the cache), then
# N of its Java files (main sources with a string literal in a method or constructor body, spread evenly) are edited
# one after the other, that literal's value prefixed; after each edit the analyzer runs with the cache and, into
# another folder, with --no-cache, and the three reports (JSON, Markdown, HTML) must be byte-identical.
# The tree itself is only read. One line per edit, then "N passed, N failed".
# Usage (from anywhere): analyzer/bench/cache-check.sh TREE [N=10]
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
TREE="${1:?give the source tree to check}"
COUNT="${2:-10}"
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
JAR="${JAR:-$ROOT/analyzer/target/strangler-analyzer.jar}"
[[ -d "$TREE" ]] || { echo "cache-check: $TREE is not a folder" >&2; exit 2; }
[[ -f "$JAR" ]] || (cd "$ROOT" && ./mvnw -q -o -pl analyzer -am package -DskipTests)

WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
NAME="$(basename "$TREE")"
cp -r "$TREE" "$WORK/$NAME"
analyze() { # analyze OUT [options]: exit 0 or 1 (problems listed) is a report
    local out="$1" status=0
    shift
    "$JAVA" -Xmx2g -XX:TieredStopAtLevel=1 -XX:+UseParallelGC -jar "$JAR" "$WORK/$NAME" --out "$out" --quiet "$@" \
        >"$out.summary" 2>"$out.err" || status=$?
    if (( status > 1 )); then
        cat "$out.err" >&2
        exit "$status"
    fi
}
compare() { # compare LABEL: the warm and cold reports, one line, counted
    local note same=yes report
    note="$(grep -m1 '^cache: ' "$WORK/warm.err" || echo 'cache: (no note)')"
    for report in decomposition.json decomposition.md decomposition.html; do
        cmp -s "$WORK/warm/$report" "$WORK/cold/$report" || same="no ($report differs)"
    done
    [[ "$same" == yes ]] && passed=$((passed + 1)) || failed=$((failed + 1))
    echo "$1: $note; identical: $same"
}
passed=0
failed=0
mkdir -p "$WORK/warm" "$WORK/cold"
analyze "$WORK/warm"
analyze "$WORK/warm"
analyze "$WORK/cold" --no-cache
compare "unchanged tree"
n=0
while IFS= read -r file; do
    n=$((n + 1))
    "$JAVA" -cp "$JAR" "$ROOT/analyzer/bench/MutateLiteral.java" mutate "$file" "cachecheck$n-"
    rm -rf "$WORK/cold"
    analyze "$WORK/warm"
    analyze "$WORK/cold" --no-cache
    compare "${file#"$WORK/"}"
done < <("$JAVA" -cp "$JAR" "$ROOT/analyzer/bench/MutateLiteral.java" pick "$WORK/$NAME" "$COUNT")
echo "$passed passed, $failed failed"
(( failed == 0 ))
