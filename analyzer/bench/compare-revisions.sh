#!/usr/bin/env bash
# The real-codebase bench for two builds of the analyzer, run alternately on the same idle machine so that both see
# the same conditions: the jar of revision BASE (built in a temporary git worktree) and the jar of the working tree.
# Prints, per codebase and jar, each run's wall and CPU time and then the medians; the +/- column is the working
# tree's median CPU time against BASE's.
# HEAD_ARGS="..." adds arguments to the working tree's runs only (for example --no-cache, which BASE may not know).
# Usage (from the repository root): analyzer/bench/compare-revisions.sh BASE [runs] [broadleaf|keycloak|syncope|all]
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
BASE="${1:?give the base revision, for example a commit id or tag}"
RUNS="${2:-3}"
WHAT="${3:-all}"
OUT=analyzer/target/bench/compare
mkdir -p "$OUT"

base_jar="$OUT/base-$(git rev-parse --short "$BASE").jar"
if [[ ! -f "$base_jar" ]]; then
    tree="$(mktemp -d)"
    trap 'git worktree remove --force "$tree/src" >/dev/null 2>&1 || true; rm -rf "$tree"' EXIT
    git worktree add -q --detach "$tree/src" "$BASE"
    (cd "$tree/src" && ./mvnw -q -o -pl analyzer -am package -DskipTests)
    cp "$tree/src/analyzer/target/strangler-analyzer.jar" "$base_jar"
fi
./mvnw -q -o -pl analyzer -am package -DskipTests
head_jar="$OUT/head.jar"
cp analyzer/target/strangler-analyzer.jar "$head_jar"

codebases=(broadleaf keycloak syncope)
[[ "$WHAT" == all ]] || codebases=("$WHAT")
# fetches the sources once, warms the file cache and writes each jar's class-data archive (the launcher's options
# include it, see real-codebases.sh), so that the timed runs of both jars map theirs
for name in "${codebases[@]}"; do
    for jar in "$base_jar" "$head_jar"; do
        JAR="$jar" analyzer/bench/real-codebases.sh "$name" 1 >/dev/null
    done
done

results="$OUT/times.tsv"
: >"$results"
for (( i = 1; i <= RUNS; i++ )); do
    for name in "${codebases[@]}"; do
        for jar in base head; do
            JAR="$OUT/$jar.jar" args="${HEAD_ARGS:-}"
            [[ "$jar" == base ]] && JAR="$base_jar" args=""
            JAR="$JAR" ARGS="$args" analyzer/bench/real-codebases.sh "$name" 1 >/dev/null
            read -r wall cpu < <(awk '/^wall/ { gsub(",", ""); print $2, $5 + $8 }' \
                "analyzer/target/bench/real-reports/$name/time.txt")
            printf '%s\t%s\t%s\t%s\n' "$name" "$jar" "$wall" "$cpu" | tee -a "$results"
        done
    done
done

echo
printf '%-10s %12s %12s %12s %12s %8s\n' codebase "base wall" "base CPU" "head wall" "head CPU" "CPU +/-"
for name in "${codebases[@]}"; do
    median() { awk -v n="$name" -v j="$1" -v c="$2" '$1 == n && $2 == j { print $c }' "$results" | sort -n \
        | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
    bw="$(median base 3)"; bc="$(median base 4)"; hw="$(median head 3)"; hc="$(median head 4)"
    printf '%-10s %11ss %11ss %11ss %11ss %7s%%\n' "$name" "$bw" "$bc" "$hw" "$hc" \
        "$(awk -v b="$bc" -v h="$hc" 'BEGIN { printf "%+.1f", (h - b) / b * 100 }')"
done
