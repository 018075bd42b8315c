#!/usr/bin/env bash
# The outputs issue's cold-run target on a real codebase that real-codebases.sh fetches (default keycloak): a cold run
# end to end against the parse alone, on the same files and cores, in fresh JVMs with the same options (the
# launcher's JVM options for analyze without a class-data archive, and -Xmx2g), RUNS rounds, the three kinds of run
# alternated within each round:
#   parse     ParseBenchmark javaparser: every Java file read and parsed as the analyzer parses it (raw grammar,
#             compacted text, outline hash, compacted tree), on every core, nothing kept; its own timing
#   stock     ParseBenchmark javaparser-stock: the same files parsed by JavaParser as it comes (its default
#             configuration: validation, tokens and comments kept), for scale; its own timing
#   no-cache  ./strangler analyze --no-cache: the whole run, reports written; the analyzer's own timing ("after JVM
#             start": from the options parsed to the reports written, from its summary's lines and lines per second)
#   cold      the same with the scan cache, its folder deleted first: a first run, which also writes the cache
# Each line gives that timing, wall and CPU (user + system) by /usr/bin/time, and the run's ratio to the round's
# parse ("0.52x" means the run's throughput is 0.52 times the parse's; the issue asks for 0.6x or more), then to the
# round's stock parse.
# ARCHIVE=1: both sides with a class-data archive of their own, as an installed analyzer runs from its second run on
# (the launcher keeps one): a dynamic CDS archive before JDK 25, an AOT cache from JDK 25 on, each trained once by a
# run of its own on the sample monolith (not on NAME), before the rounds.
# Usage (from the repository root): [ARCHIVE=1] analyzer/bench/cold-ratio.sh [NAME] [RUNS]
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
NAME="${1:-keycloak}"
RUNS="${2:-3}"
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
TREE="analyzer/target/bench/real/$NAME"
OUT="analyzer/target/bench/cold-ratio/$NAME"
JAR="analyzer/target/bench/cold-ratio/strangler-analyzer.jar"

[[ -d "$TREE" ]] || analyzer/bench/real-codebases.sh "$NAME" 1 >/dev/null
./mvnw -q -o -pl analyzer -am package -DskipTests
./mvnw -q -o -pl analyzer test-compile
mkdir -p "$OUT"
cp analyzer/target/strangler-analyzer.jar "$JAR" # a copy: a build during the run would break the jar
# the parse benchmark beside the same jar as the runs (a class-data archive takes jars only, not folders)
(cd analyzer/target/test-classes && jar --create --file "$ROOT/$OUT/parse-benchmark.jar" \
    dev/strangler/analyzer/source/ParseBenchmark*.class)
CP="$OUT/parse-benchmark.jar:$JAR"
read -r -a OPTS <<<"$(STRANGLER_CDS=off ./strangler --java-options analyze "$JAR")"
PARSE_ARCHIVE=()
RUN_ARCHIVE=()
if [[ "${ARCHIVE:-}" == 1 ]]; then
    SAMPLE=legacy-sample-monolith
    rm -rf "$OUT/archives" && mkdir -p "$OUT/archives"
    if "$JAVA" -XX:+PrintFlagsFinal -version 2>/dev/null | grep -q ' AOTCacheOutput '; then
        train() { echo "-XX:AOTCacheOutput=$OUT/archives/$1.aot"; }
        use() { echo "-XX:AOTCache=$OUT/archives/$1.aot"; }
        QUIET=(-Xlog:cds=off -Xlog:aot=off)
    else
        QUIET=(-Xlog:cds=off)
        train() { echo "-XX:ArchiveClassesAtExit=$OUT/archives/$1.jsa"; }
        use() { echo "-XX:SharedArchiveFile=$OUT/archives/$1.jsa"; }
    fi
    "$JAVA" -Xmx2g "${OPTS[@]}" "$(train parse)" "${QUIET[@]}" -cp "$CP" \
        dev.strangler.analyzer.source.ParseBenchmark "$SAMPLE" javaparser >/dev/null 2>&1
    "$JAVA" -Xmx2g "${OPTS[@]}" "$(train run)" "${QUIET[@]}" -jar "$JAR" "$SAMPLE" \
        --out "$OUT/archives/reports" --quiet >/dev/null 2>&1
    PARSE_ARCHIVE=("$(use parse)" "${QUIET[@]}")
    RUN_ARCHIVE=("$(use run)" "${QUIET[@]}")
    ls "$OUT"/archives/parse.* "$OUT"/archives/run.* >/dev/null || { echo "no archive was written" >&2; exit 2; }
fi

timed() { # timed COMMAND...: runs it, sets wall and cpu; its stdout in $OUT/stdout.txt
    /usr/bin/time -o "$OUT/time.txt" -f "%e %U %S" "$@" >"$OUT/stdout.txt" 2>"$OUT/stderr.txt" || true
    read -r wall user sys < <(grep -v '^Command exited' "$OUT/time.txt")
    cpu="$(echo "$user + $sys" | bc)"
}

echo "== $NAME: $(find "$TREE" -name '*.java' | wc -l) Java files, $(nproc) cores, $("$JAVA" -version 2>&1 | head -1)\
${ARCHIVE:+, each side with its class-data archive}"
for (( i = 1; i <= RUNS; i++ )); do
    echo "== round $i of $RUNS (load average $(cut -d' ' -f1-3 /proc/loadavg))"
    for parser in javaparser javaparser-stock; do
        timed "$JAVA" -Xmx2g "${OPTS[@]}" "${PARSE_ARCHIVE[@]}" -cp "$CP" dev.strangler.analyzer.source.ParseBenchmark \
            "$TREE" "$parser"
        seconds="$(sed -n 's/.* in \([0-9.]*\) s .*/\1/p' "$OUT/stdout.txt" | head -1)"
        [[ -n "$seconds" ]] || { cat "$OUT/stderr.txt" >&2; exit 2; }
        if [[ "$parser" == javaparser ]]; then parse="$seconds"; kind=parse; else stock="$seconds"; kind=stock; fi
        printf '%-9s %6.2f s  wall %5.2f s  CPU %5.2f s\n' "$kind" "$seconds" "$wall" "$cpu"
    done
    for kind in no-cache cold; do
        args=(--quiet)
        if [[ "$kind" == no-cache ]]; then
            args+=(--no-cache)
        else
            rm -rf "$OUT/reports/.strangler-cache"
        fi
        timed "$JAVA" -Xmx2g "${OPTS[@]}" "${RUN_ARCHIVE[@]}" -jar "$JAR" "$TREE" --out "$OUT/reports" "${args[@]}"
        # the summary's seconds have one decimal; its lines and lines per second give three
        after="$(sed -n 's/.*: [0-9]* classes, [0-9]* entry points, \([0-9]*\) lines .* (\([0-9]*\) lines\/s.*/\1 \/ \2/p' \
            "$OUT/stdout.txt" | head -1)"
        [[ -n "$after" ]] || { cat "$OUT/stderr.txt" >&2; exit 2; }
        after="$(echo "scale=3; $after" | bc -l)"
        printf '%-9s %6.2f s  wall %5.2f s  CPU %5.2f s  %.2fx the parse, %.2fx the stock parse\n' "$kind" "$after" \
            "$wall" "$cpu" "$(echo "$parse / $after" | bc -l)" "$(echo "$stock / $after" | bc -l)"
    done
done
