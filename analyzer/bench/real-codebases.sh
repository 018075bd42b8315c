#!/usr/bin/env bash
# The analyzer end to end on real open-source codebases nobody here wrote, in other styles than the sample:
#   broadleaf  Broadleaf Commerce 3.1.15-GA: a Spring MVC + JPA e-commerce platform (7 modules, about 190k lines)
#   keycloak   Keycloak 26.0.0 services and JPA model: JAX-RS resources over JPA (about 170k lines)
#   syncope    Apache Syncope 2.1.12 core: JAX-RS interfaces (CXF) implemented by Spring beans, JPA (about 43k lines)
# Their published source jars are fetched from Maven Central (once, through the Maven Wrapper) and unpacked as
# Maven modules under analyzer/target/bench/real/NAME; each run is a fresh JVM with -Xmx2g and the JVM options
# ./strangler gives analyze (./strangler --java-options analyze JAR: its class-data archive included, which the first
# run writes at its exit and pays for; each run says which), timed by /usr/bin/time. JAVA_OPTS="..." gives the
# options exactly (no archive then); STRANGLER_CDS=off leaves the archive out. Reports, the summary, the problems
# and the timing go to analyzer/target/bench/real-reports/NAME. JAR=other.jar times another build of the analyzer;
# ARGS="..." adds arguments to each analyze (for example --no-cache).
# Usage (from the repository root): analyzer/bench/real-codebases.sh [broadleaf|keycloak|syncope|all] [runs]
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
WHAT="${1:-all}"
RUNS="${2:-1}"
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
OUT=analyzer/target/bench/real
JAR="${JAR:-analyzer/target/strangler-analyzer.jar}"
read -r -a EXTRA <<<"${ARGS:-}"

BROADLEAF=(broadleaf-common broadleaf-framework broadleaf-framework-web broadleaf-profile broadleaf-profile-web
    broadleaf-open-admin-platform broadleaf-admin-module)
KEYCLOAK=(keycloak-services keycloak-model-jpa)

[[ -f "$JAR" ]] || ./mvnw -q -o -pl analyzer -am package -DskipTests
REPO="$(./mvnw -q help:evaluate -Dexpression=settings.localRepository -DforceStdout)"

# fetch NAME GROUP VERSION MODULE...: each module's source jar unpacked into NAME/MODULE/src/main/java
fetch() {
    local name="$1" group="$2" version="$3"
    shift 3
    local module
    for module in "$@"; do
        local target="$OUT/$name/$module/src/main/java"
        [[ -d "$target" ]] && continue
        ./mvnw -q dependency:get -Dtransitive=false -Dartifact="$group:$module:$version:jar:sources"
        mkdir -p "$target"
        unzip -q -o "$REPO/${group//.//}/$module/$version/$module-$version-sources.jar" -d "$target"
    done
}

run() {
    local name="$1" reports="analyzer/target/bench/real-reports/$1" i status
    mkdir -p "$reports"
    for (( i = 1; i <= RUNS; i++ )); do
        echo "== $name (run $i of $RUNS)"
        status=0
        # every run a cold one: the scan cache a previous run left in the output folder is dropped (writing it counts)
        rm -rf "$reports/.strangler-cache"
        # the launcher's options, asked anew each run: the archive a run wrote is moved in place by this call
        local -a opts
        read -r -a opts <<<"${JAVA_OPTS-$(./strangler --java-options analyze "$JAR")}"
        case "${opts[*]-}" in
            *ArchiveClassesAtExit=*) echo "class-data archive: written by this run (the dump is in its timing)" ;;
            *AOTMode=record*) echo "AOT cache: recorded by this run (in its timing; assembled by the next --java-options)" ;;
            *SharedArchiveFile=* | *AOTCache=*) echo "class-data archive: mapped" ;;
            *) echo "class-data archive: none" ;;
        esac
        # exit status 1 only says that the report lists problems (SQL not understood and the like)
        /usr/bin/time -o "$reports/time.txt" -f "wall %e s, user %U s, system %S s, max RSS %M KiB" \
            "$JAVA" -Xmx2g ${opts[@]+"${opts[@]}"} -jar "$JAR" "$OUT/$name" --out "$reports" ${EXTRA[@]+"${EXTRA[@]}"} >"$reports/summary.txt" \
            2>"$reports/problems.txt" || status=$?
        if (( status > 1 )); then
            cat "$reports/problems.txt" >&2
            exit "$status"
        fi
        head -2 "$reports/summary.txt"
        grep -v '^Command exited' "$reports/time.txt"
        echo "problems: $(grep -c ': error: ' "$reports/problems.txt" || true) errors," \
            "$(grep -c ': warning: ' "$reports/problems.txt" || true) warnings ($reports/problems.txt)"
    done
}

if [[ "$WHAT" == broadleaf || "$WHAT" == all ]]; then
    fetch broadleaf org.broadleafcommerce 3.1.15-GA "${BROADLEAF[@]}"
    run broadleaf
fi
if [[ "$WHAT" == keycloak || "$WHAT" == all ]]; then
    fetch keycloak org.keycloak 26.0.0 "${KEYCLOAK[@]}"
    run keycloak
fi
if [[ "$WHAT" == syncope || "$WHAT" == all ]]; then
    fetch syncope org.apache.syncope.common 2.1.12 syncope-common-rest-api
    fetch syncope org.apache.syncope.core 2.1.12 syncope-core-rest-cxf syncope-core-logic syncope-core-persistence-jpa
    run syncope
fi
