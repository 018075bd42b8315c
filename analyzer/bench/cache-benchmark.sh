#!/usr/bin/env bash
# Times the scan cache on a real codebase that real-codebases.sh fetched (default keycloak), RUNS rounds of four
# fresh JVMs with the launcher's options and -Xmx2g, on a copy of the tree under analyzer/target/bench/cache/NAME:
#   no-cache   --no-cache: the run as before the cache existed
#   cold       the cache folder deleted first: a full run that writes the cache (scan.bin and files.bin)
#   warm       nothing changed: the model comes from scan.bin
#   edited     warm after a one-file edit: one file's body edited (a string literal of FILE prefixed; for Keycloak a
#              JAX-RS resource), then a run with the cache, which re-analyses that file (and the files related to it
#              by inheritance) from the per-file facts in files.bin; its note says how many
# Each line gives wall and CPU (user + system) by /usr/bin/time, and "after JVM start", the analyzer's own timing
# from its summary (from the options parsed to the reports written). The cache's note from stderr ends the line.
# Usage (from the repository root): analyzer/bench/cache-benchmark.sh [NAME] [RUNS] [FILE relative to the tree]
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
NAME="${1:-keycloak}"
RUNS="${2:-3}"
FILE="${3:-keycloak-services/src/main/java/org/keycloak/services/resources/admin/UsersResource.java}"
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
JAVA_OPTS="${JAVA_OPTS-"-XX:TieredStopAtLevel=1 -XX:-DontCompileHugeMethods -XX:+UseParallelGC -Xms2g -Xmn1g \
-XX:CompileCommand=quiet -XX:CompileCommand=exclude,net.sf.jsqlparser.parser.CCJSqlParserTokenManager::jjMoveNfa_0"}"
JAR="${JAR:-analyzer/target/strangler-analyzer.jar}"
SOURCE="analyzer/target/bench/real/$NAME"
TREE="analyzer/target/bench/cache/$NAME"
OUT="analyzer/target/bench/cache-reports/$NAME"

[[ -d "$SOURCE" ]] || analyzer/bench/real-codebases.sh "$NAME" 1 >/dev/null
[[ -f "$JAR" ]] || ./mvnw -q -o -pl analyzer -am package -DskipTests
rm -rf "$TREE" "$OUT"
mkdir -p "$(dirname "$TREE")" "$OUT"
cp -r "$SOURCE" "$TREE"
[[ -f "$TREE/$FILE" ]] || { echo "cache-benchmark: no $FILE in $TREE; give a file of the tree as third argument" >&2; exit 2; }

measure() { # measure LABEL [options]
    local label="$1" status=0
    shift
    /usr/bin/time -o "$OUT/time.txt" -f "%e %U %S" \
        "$JAVA" -Xmx2g $JAVA_OPTS -jar "$JAR" "$TREE" --out "$OUT/reports" --quiet "$@" \
        >"$OUT/summary.txt" 2>"$OUT/problems.txt" || status=$?
    if (( status > 1 )); then
        cat "$OUT/problems.txt" >&2
        exit "$status"
    fi
    read -r wall user sys < <(grep -v '^Command exited' "$OUT/time.txt")
    after="$(sed -n 's/.* in \([0-9.]*\) s .*/\1/p' "$OUT/summary.txt" | head -1)"
    note="$(grep -m1 '^cache: ' "$OUT/problems.txt" || echo '-')"
    printf '%-9s wall %5.1f s  CPU %5.1f s  after JVM start %5s s  %s\n' "$label" "$wall" \
        "$(echo "$user + $sys" | bc)" "$after" "$note"
}

for (( i = 1; i <= RUNS; i++ )); do
    echo "== $NAME, round $i of $RUNS (load average $(cut -d' ' -f1-3 /proc/loadavg))"
    measure no-cache --no-cache
    rm -rf "$OUT/reports/.strangler-cache"
    measure cold
    measure warm
    "$JAVA" -cp "$JAR" analyzer/bench/MutateLiteral.java mutate "$TREE/$FILE" "bench$i-"
    measure edited
done
echo "== cache files: $(cd "$OUT/reports/.strangler-cache" && ls -l scan.bin files.bin | awk '{printf "%s %s bytes  ", $NF, $5}')"
