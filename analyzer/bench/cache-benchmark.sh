#!/usr/bin/env bash
# Times the scan cache on a real codebase that real-codebases.sh fetched (default keycloak), RUNS rounds of fresh
# JVMs with the JVM options ./strangler analyze uses (./strangler --java-options analyze JAR) and -Xmx2g, on a copy of
# the tree under analyzer/target/bench/cache/NAME:
#   no-cache   --no-cache: the run as before the cache existed
#   cold       the cache folder deleted first: a full run that writes the cache (scan.bin and files.bin)
#   warm       nothing changed: the model comes from scan.bin
#   edited     warm after a one-file edit: one file's body edited (a string literal of FILE prefixed; for Keycloak a
#              JAX-RS resource), then a run with the cache, which re-analyses that file (and the files related to it
#              by inheritance) from the per-file facts in files.bin; its note says how many
# Each row runs once per kind of class-data archive in ARCHIVES (values of STRANGLER_CDS; default "on off": the
# launcher's archive of JAR, and none), the kinds' order rotated every round; on JDK 25, ARCHIVES="on dynamic off"
# also times the dynamic CDS archive against the AOT cache the launcher uses there. Before the rounds, for each
# kind with an archive, a cold run writes it when there is none (as a user's first ./strangler analyze does; its
# time and the AOT cache's assembly are printed), and an untimed edited run with -Xlog:class+load counts the classes
# it mapped from the archive. JAVA_OPTS="..." gives the options exactly (no archive then, as STRANGLER_JAVA_OPTS
# does for the launcher).
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
JAR="${JAR:-analyzer/target/strangler-analyzer.jar}"
read -r -a KINDS <<<"${ARCHIVES:-on off}"
SOURCE="analyzer/target/bench/real/$NAME"
TREE="analyzer/target/bench/cache/$NAME"
OUT="analyzer/target/bench/cache-reports/$NAME"

[[ -d "$SOURCE" ]] || analyzer/bench/real-codebases.sh "$NAME" 1 >/dev/null
[[ -f "$JAR" ]] || ./mvnw -q -o -pl analyzer -am package -DskipTests
rm -rf "$TREE" "$OUT"
mkdir -p "$(dirname "$TREE")" "$OUT"
cp -r "$SOURCE" "$TREE"
[[ -f "$TREE/$FILE" ]] || { echo "cache-benchmark: no $FILE in $TREE; give a file of the tree as third argument" >&2; exit 2; }

# The options of one kind of run (a value of STRANGLER_CDS); the launcher finishes an archive a run wrote on this call
options_of() {
    if [[ -n "${JAVA_OPTS+set}" ]]; then
        echo "$JAVA_OPTS"
    else
        STRANGLER_CDS="$1" ./strangler --java-options analyze "$JAR"
    fi
}

run_analyzer() { # run_analyzer KIND [JVM options...]: one run, output in $OUT; an exit status > 1 ends the script
    local kind="$1" status=0
    shift
    local -a opts
    read -r -a opts <<<"$(options_of "$kind")"
    /usr/bin/time -o "$OUT/time.txt" -f "%e %U %S" \
        "$JAVA" -Xmx2g ${opts[@]+"${opts[@]}"} "$@" -jar "$JAR" "$TREE" --out "$OUT/reports" --quiet \
        ${ARGS[@]+"${ARGS[@]}"} >"$OUT/summary.txt" 2>"$OUT/problems.txt" || status=$?
    if (( status > 1 )); then
        cat "$OUT/problems.txt" >&2
        exit "$status"
    fi
    read -r wall user sys < <(grep -v '^Command exited' "$OUT/time.txt")
    cpu="$(echo "$user + $sys" | bc)"
}

measure() { # measure LABEL KIND [analyzer arguments]
    local label="$1" kind="$2"
    shift 2
    ARGS=("$@")
    run_analyzer "$kind"
    after="$(sed -n 's/.* in \([0-9.]*\) s .*/\1/p' "$OUT/summary.txt" | head -1)"
    note="$(grep -m1 '^cache: ' "$OUT/problems.txt" || echo '-')"
    printf '%-9s %-8s wall %5.1f s  CPU %5.1f s  after JVM start %5s s  %s\n' "$label" "$kind" "$wall" "$cpu" \
        "$after" "$note"
}

edit() { # edit PREFIX: one more edit of FILE's string literal
    "$JAVA" -cp "$JAR" analyzer/bench/MutateLiteral.java mutate "$TREE/$FILE" "$1"
}

archive_of() { # the archive file in KIND's options, if any
    options_of "$1" | sed -n 's/.*\(SharedArchiveFile\|AOTCache\)=\([^ ]*\).*/\2/p'
}

[[ -n "${JAVA_OPTS+set}" ]] && KINDS=(off) && echo "== archive: none (JAVA_OPTS given: exactly these options)"
for kind in "${KINDS[@]}"; do
    [[ "$kind" == off ]] && continue
    if [[ "$(options_of "$kind")" == *ArchiveClassesAtExit=* || "$(options_of "$kind")" == *AOTMode=record* ]]; then
        ARGS=()
        rm -rf "$OUT/reports/.strangler-cache"
        run_analyzer "$kind" # a cold run, as a user's first run on a codebase: it writes the archive at its exit
        start="$(date +%s.%N)"
        archive_of "$kind" >/dev/null # finishes the archive (and assembles an AOT cache: a JVM of its own)
        echo "== archive ($kind): written by a cold run, wall $wall s, CPU $cpu s, then" \
            "$(echo "$(date +%s.%N) - $start" | bc | xargs printf '%.1f') s to finish it (./strangler --java-options)"
    fi
    archive_file="$(archive_of "$kind")"
    if [[ -n "$archive_file" ]]; then
        ARGS=()
        [[ -d "$OUT/reports/.strangler-cache" ]] || run_analyzer off # the cache, for the edit below
        edit "bench0$kind-"
        ARGS=()
        run_analyzer "$kind" "-Xlog:class+load=info:file=$OUT/class-load.txt"
        echo "== archive ($kind): $archive_file ($(wc -c <"$archive_file") bytes); an untimed edited run mapped" \
            "$(grep -c 'source: shared objects file' "$OUT/class-load.txt") classes from it and loaded" \
            "$(grep -c 'source: jar\|source: file:' "$OUT/class-load.txt") from the jar"
    else
        echo "== archive ($kind): none (the folder beside $JAR cannot be written, or the Java runtime is not known)" >&2
    fi
done

for (( i = 1; i <= RUNS; i++ )); do
    echo "== $NAME, round $i of $RUNS (load average $(cut -d' ' -f1-3 /proc/loadavg))"
    for (( k = 0; k < ${#KINDS[@]}; k++ )); do
        kind="${KINDS[$(( (k + i - 1) % ${#KINDS[@]} ))]}"
        measure no-cache "$kind" --no-cache
        rm -rf "$OUT/reports/.strangler-cache"
        measure cold "$kind"
        measure warm "$kind"
        edit "bench$i$kind-"
        measure edited "$kind"
    done
done
echo "== cache files: $(cd "$OUT/reports/.strangler-cache" && ls -l scan.bin files.bin hashes.bin | awk '{printf "%s %s bytes  ", $NF, $5}')"
