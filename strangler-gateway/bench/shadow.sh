#!/usr/bin/env bash
# What shadow traffic costs the requests it does not copy (issue #16): the same route measured three times, each in a
# gateway of its own, all requests empty-bodied POSTs to /bench/** (the monolith, an nginx backend, answers them):
#   no-shadow         the route without shadow
#   shadow-unsampled  shadow on with body comparison (percent 100, unsafe-methods false): every request passes the
#                     shadow's checks and is not copied, since POST is not a copied method; no copy is ever made
#   shadow-1pct       shadow on at 1 % with unsafe-methods true: one request in a hundred is copied to the target (the
#                     same nginx) and the answers, bodies included, are compared; the rest are unsampled
# For each: req/s at 64 connections, p50/p99 at 4 connections, the gateway's CPU time per request and the heap it
# allocated per request over the saturated run (the admin API's strangler_jvm_allocated_bytes before and after).
# Usage: strangler-gateway/bench/shadow.sh [seconds per measurement, default 10]
#        (BENCH_WARMUP_SECONDS, default 40; BENCH_ROUNDS, default 1: rounds of the three rows, alternating, then
#         medians; BENCH_PROXY_DIRECT, default true: false measures the same through Spring Cloud Gateway's chain)
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
MODULE="$(dirname "$HERE")"
JAR="$MODULE/target/strangler-gateway.jar"
SECONDS_PER_RUN="${1:-10}"
WARMUP_SECONDS="${BENCH_WARMUP_SECONDS:-40}"
ROUNDS="${BENCH_ROUNDS:-1}"
DIRECT="${BENCH_PROXY_DIRECT:-true}"
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
JVM_OPTS="${BENCH_JVM_OPTS:--Xms256m -Xmx512m}"
TOKEN=bench-token-0123456789

missing=()
command -v wrk >/dev/null || missing+=(wrk)
command -v nginx >/dev/null && [[ -x "$(command -v nginx)" ]] || missing+=(nginx)
if [[ ${#missing[@]} -gt 0 ]]; then
  echo "bench: missing ${missing[*]}; on Debian/Ubuntu install with: sudo apt-get install -y ${missing[*]}" >&2
  exit 2
fi
if [[ ! -f "$JAR" ]]; then
  echo "bench: $JAR is missing; build it first: ./mvnw -pl strangler-gateway -am package -DskipTests" >&2
  exit 2
fi

WORK="$(mktemp -d)"
JVM_PID=""
cleanup() {
  [[ -n "$JVM_PID" ]] && kill "$JVM_PID" 2>/dev/null || true
  [[ -f "$WORK/nginx.pid" ]] && kill "$(cat "$WORK/nginx.pid")" 2>/dev/null || true
  wait 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
wait_for() { # url
  for _ in $(seq 1 240); do curl -fs -o /dev/null "$1" && return 0; sleep 0.5; done
  echo "bench: $1 did not come up; see the logs in $WORK" >&2; exit 1
}
BACKEND=$(free_port); GATEWAY=$(free_port); ADMIN=$(free_port)

cat >"$WORK/nginx.conf" <<CONF
worker_processes 1;
pid $WORK/nginx.pid;
error_log $WORK/nginx.error.log;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path $WORK/body; proxy_temp_path $WORK/proxy; fastcgi_temp_path $WORK/fcgi;
  uwsgi_temp_path $WORK/uwsgi; scgi_temp_path $WORK/scgi;
  keepalive_requests 1000000;
  server { listen 127.0.0.1:$BACKEND; location / { default_type application/json;
    return 200 '{"id":42,"name":"Widget","price":9.99}'; } }
}
CONF
nginx -c "$WORK/nginx.conf"
wait_for "http://127.0.0.1:$BACKEND/"

routes() { # name: the route file of one row
  local shadow=""
  case "$1" in
    shadow-unsampled) shadow='    shadow: {percent: 100, unsafe-methods: false, ignore-body-paths: ["/id"]}' ;;
    shadow-1pct) shadow='    shadow: {percent: 1, unsafe-methods: true, ignore-body-paths: ["/id"]}' ;;
  esac
  cat <<YAML
version: 1
routes:
  - id: bench
    paths: ["/bench/**"]
    target: {url: "http://127.0.0.1:$BACKEND/"}
    weight: 0
$shadow
YAML
}
allocated_bytes() {
  curl -fs -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$ADMIN/metrics" \
    | awk '/^strangler_jvm_allocated_bytes / {printf "%.0f", $2}' || true
}
cpu_ticks() { awk '{print $14 + $15}' "/proc/$JVM_PID/stat"; }

cat >"$WORK/post.lua" <<'LUA'
wrk.method = "POST"
wrk.headers["Content-Length"] = "0"
LUA

"$JAVA" -version 2>&1 | head -1 >&2
echo "bench: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), ${SECONDS_PER_RUN}s per measurement," \
  "direct proxy path: $DIRECT" >&2
printf '| route | req/s at 64 connections | p50 at 4 connections | p99 at 4 connections | gateway CPU per request | heap allocated per request |\n'
printf '|---|---|---|---|---|---|\n'
declare -A rates cpus allocs p50s
for ((round = 1; round <= ROUNDS; round++)); do
  for name in no-shadow shadow-unsampled shadow-1pct; do
    routes "$name" >"$WORK/routes-$name.yml"
    # shellcheck disable=SC2086
    "$JAVA" $JVM_OPTS -jar "$JAR" --routes "$WORK/routes-$name.yml" --monolith "http://127.0.0.1:$BACKEND" \
      --port "$GATEWAY" --admin-port "$ADMIN" --admin-token "$TOKEN" --lambda-endpoint http://127.0.0.1:9 \
      --strangler.proxy.direct="$DIRECT" >"$WORK/gateway-$name.log" 2>&1 &
    JVM_PID=$!
    url="http://127.0.0.1:$GATEWAY/bench/item/42"
    # up when it answers a POST like the measured ones (a GET would be copied on the shadow-unsampled row)
    for _ in $(seq 1 240); do curl -fs -o /dev/null -d '' "$url" && break; sleep 0.5; done
    wrk -t2 -c64 -d"${WARMUP_SECONDS}s" -s "$WORK/post.lua" "$url" >/dev/null
    alloc_before=$(allocated_bytes); cpu_before=$(cpu_ticks)
    saturated=$(wrk -t2 -c64 -d"${SECONDS_PER_RUN}s" -s "$WORK/post.lua" "$url")
    cpu_after=$(cpu_ticks); alloc_after=$(allocated_bytes)
    moderate=$(wrk -t1 -c4 -d"${SECONDS_PER_RUN}s" --latency -s "$WORK/post.lua" "$url")
    rps=$(awk '/Requests\/sec/ {printf "%.0f", $2}' <<<"$saturated")
    p50=$(awk '$1=="50%" {print $2}' <<<"$moderate"); p99=$(awk '$1=="99%" {print $2}' <<<"$moderate")
    errors=$(grep -E "Non-2xx|Socket errors" <<<"$saturated$moderate" || true)
    cpu=$(awk -v t=$((cpu_after - cpu_before)) -v hz="$(getconf CLK_TCK)" -v r="$rps" -v s="$SECONDS_PER_RUN" \
      'BEGIN {printf "%.0f", t / hz * 1e6 / (r * s)}')
    alloc="–"
    if [[ -n "$alloc_before" && -n "$alloc_after" ]]; then
      alloc=$(awk -v b="$((alloc_after - alloc_before))" -v r="$rps" -v s="$SECONDS_PER_RUN" 'BEGIN {printf "%.2f", b / (r * s) / 1024}')
      allocs[$name]="${allocs[$name]:-} $alloc"
      alloc="$alloc KiB"
    fi
    printf '| %s | %s | %s | %s | %s µs | %s |\n' "$name" "$rps" "$p50" "$p99" "$cpu" "$alloc"
    rates[$name]="${rates[$name]:-} $rps"; cpus[$name]="${cpus[$name]:-} $cpu"
    [[ -n "$errors" ]] && echo "bench: $name had errors: $errors" >&2
    copies=$(curl -fs -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$ADMIN/metrics" \
      | awk '/^strangler_shadow_requests_total/ {n += $2} END {printf "%.0f", n}' || true)
    echo "bench: $name: ${copies:-0} shadow copies counted" >&2
    kill "$JVM_PID" 2>/dev/null || true; wait "$JVM_PID" 2>/dev/null || true; JVM_PID=""
  done
done
if ((ROUNDS > 1)); then
  median() { tr ' ' '\n' <<<"$1" | grep . | sort -n | awk '{v[NR] = $1} END {print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }
  for name in no-shadow shadow-unsampled shadow-1pct; do
    echo "median over $ROUNDS rounds, $name: $(median "${rates[$name]}") req/s, $(median "${cpus[$name]}") µs CPU," \
      "$(median "${allocs[$name]:-}") KiB heap per request"
  done
fi
