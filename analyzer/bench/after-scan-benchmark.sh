#!/usr/bin/env bash
# What the stages after the scan cost (the decomposition and the three reports), for two jars of the analyzer run
# alternately in fresh JVMs on the same machine. Each jar first analyses the tree once to write its own scan cache
# (in its own --out folder); every timed run after that is a warm run ("cache: 0 of N files re-analysed": the model
# read from scan.bin), which is exactly the decomposition and the reports after a short cache read. With COLD=1 every
# timed run is a cold one instead (the cache folder deleted first: the whole scan, and the cache written beside the
# decomposition, as a user's first run). JVM options: the launcher's for analyze without the
# class-data archive (STRANGLER_CDS=off ./strangler --java-options analyze), with -Xmx2g. Prints each run's figure
# after JVM start (the summary's "in X s"), wall and CPU time (user + system, /usr/bin/time), then the medians.
# Usage (from the repository root):
#   analyzer/bench/after-scan-benchmark.sh BASE_JAR HEAD_JAR [runs] [tree]
# the tree defaults to Keycloak as analyzer/bench/real-codebases.sh keycloak fetches it.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
BASE_JAR="${1:?give the base jar}"
HEAD_JAR="${2:?give the jar to compare}"
RUNS="${3:-5}"
TREE="${4:-analyzer/target/bench/real/keycloak}"
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
OUT=analyzer/target/bench/after-scan
mkdir -p "$OUT"
[[ -d "$TREE" ]] || { echo "no tree at $TREE; fetch it with analyzer/bench/real-codebases.sh keycloak 1" >&2; exit 2; }
# copies: a build during the runs must not change the jars under test
cp "$BASE_JAR" "$OUT/base.jar"
cp "$HEAD_JAR" "$OUT/head.jar"
read -r -a OPTIONS <<<"$(STRANGLER_CDS=off ./strangler --java-options analyze)"

run() { # run JAR_NAME: one analysis, its figures appended to the results
    local jar="$1"
    [[ "${COLD:-0}" == 1 ]] && rm -rf "$OUT/$jar/.strangler-cache"
    /usr/bin/time -f 'wall %e user %U sys %S' -o "$OUT/$jar.time" \
        "$JAVA" -Xmx2g "${OPTIONS[@]}" -jar "$OUT/$jar.jar" "$TREE" --out "$OUT/$jar" --quiet \
        >"$OUT/$jar.out" 2>"$OUT/$jar.err" || true
    local after wall cpu
    after="$(sed -n 's/.* in \([0-9.]*\) s (.*/\1/p' "$OUT/$jar.out" | head -1)"
    read -r wall cpu < <(awk '/^wall/ { print $2, $4 + $6 }' "$OUT/$jar.time")
    printf '%s\t%s\t%s\t%s\n' "$jar" "${after:-?}" "$wall" "$cpu" | tee -a "$OUT/times.tsv"
}

rm -rf "$OUT/base" "$OUT/head"
: >"$OUT/times.tsv"
run base >/dev/null
run head >/dev/null
grep -h '^cache:' "$OUT/base.err" "$OUT/head.err" || true
: >"$OUT/times.tsv"
printf 'jar\tafter JVM start\twall\tCPU\n'
for (( i = 1; i <= RUNS; i++ )); do
    run base
    run head
done
grep -h '^cache:' "$OUT/base.err" "$OUT/head.err" || true
median() { awk -v j="$1" -v c="$2" '$1 == j { print $c }' "$OUT/times.tsv" | sort -n \
    | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
echo
printf '%-5s %16s %8s %8s\n' jar "after JVM start" wall CPU
for jar in base head; do
    printf '%-5s %15ss %7ss %7ss\n' "$jar" "$(median "$jar" 2)" "$(median "$jar" 3)" "$(median "$jar" 4)"
done
