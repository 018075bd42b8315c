#!/usr/bin/env bash
# Scanning benchmark of the analyzer's source scanner: lines of code per second and peak heap.
# Usage (from the repository root): analyzer/bench/scan-benchmark.sh [sample|synthetic|jdk|all] [threads]
#   sample     the sample monolith (legacy-sample-monolith)
#   synthetic  a generated Spring/JPA/JDBC codebase of 320k lines (analyzer/target/bench/synthetic)
#   jdk        real code: the JDK's own java.base/sun sources (about 300k lines), from the src.zip of the JDK
#              that runs the benchmark, or of JDK_SRC_ZIP when set (some JDK packages ship no src.zip)
# Each run is a fresh JVM with -Xmx2g and the JVM options ./strangler gives analyze (override with JAVA_OPTS), without
# its class-data archive (which belongs to the jar; this runs the classes folders), timed end to end (walk, parse,
# resolve, extract) by /usr/bin/time.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
WHAT="${1:-all}"
THREADS="${2:-$(nproc)}"
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
OUT=analyzer/target/bench
JAVA_OPTS="${JAVA_OPTS-$(STRANGLER_CDS=off ./strangler --java-options analyze)}"
read -r -a OPTS <<<"$JAVA_OPTS"

./mvnw -q -o -pl analyzer test-compile dependency:build-classpath \
    -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
mkdir -p "$OUT"
CP="analyzer/target/classes:analyzer/target/test-classes:$(cat analyzer/target/bench-classpath.txt)"

run() {
    echo "== $1"
    /usr/bin/time -f "wall %e s, user %U s, system %S s, max RSS %M KiB" \
        "$JAVA" -Xmx2g ${OPTS[@]+"${OPTS[@]}"} -cp "$CP" dev.strangler.analyzer.bench.ScanBenchmark "$2" "$THREADS" 1
}

if [[ "$WHAT" == sample || "$WHAT" == all ]]; then
    run "sample monolith" legacy-sample-monolith
fi
if [[ "$WHAT" == synthetic || "$WHAT" == all ]]; then
    if [[ ! -d "$OUT/synthetic" ]]; then
        "$JAVA" -cp "$CP" dev.strangler.analyzer.bench.SyntheticCodebase "$OUT/synthetic" 320000 42
    fi
    run "synthetic 320k lines" "$OUT/synthetic"
fi
if [[ "$WHAT" == jdk || "$WHAT" == all ]]; then
    JDK_HOME="$(dirname "$(dirname "$(readlink -f "$(command -v "$JAVA")")")")"
    if [[ ! -d "$OUT/jdk/java.base/sun" ]]; then
        mkdir -p "$OUT/jdk"
        unzip -q -o "${JDK_SRC_ZIP:-$JDK_HOME/lib/src.zip}" 'java.base/sun/*' -d "$OUT/jdk"
    fi
    run "JDK java.base/sun" "$OUT/jdk/java.base/sun"
fi
