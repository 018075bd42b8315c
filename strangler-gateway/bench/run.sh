#!/usr/bin/env bash
# Proxy benchmark of the strangler gateway, side by side in one run on one machine:
#   direct      wrk -> backend (nginx returning a small JSON body)
#   nginx       wrk -> nginx reverse proxy (1 worker, upstream keep-alive) -> backend
#   plain-scg   wrk -> bare Spring Cloud Gateway route (this jar, profile "plain") -> backend
#   strangler-scg  wrk -> strangler gateway, every feature on, monolith requests through Spring Cloud Gateway's
#               chain as before the direct path (--strangler.proxy.direct=false) -> backend
#   strangler-reactor  wrk -> strangler gateway, every feature on, monolith requests on the direct path's Reactor
#               Netty route and client, as before the raw path (--strangler.proxy.raw=false) -> backend
#   strangler   wrk -> strangler gateway, every feature on (route matching, side choice, request id,
#               traceparent, metrics, access log), monolith requests on the raw Netty path -> backend
# For each: throughput at saturation (64 connections) and p50/p99 latency at 4 connections; for the gateways also
# their CPU time (user + system) per request at saturation, steadier than throughput on a shared machine, and for the
# two strangler rows the heap allocated per request over the same run (the admin API's strangler_jvm_allocated_bytes,
# all threads' allocation as the JVM counts it, read before and after).
# Then the Lambda path: gateway -> lambda-local vs a direct SDK invoke (bench/lambda.sh).
# Usage: strangler-gateway/bench/run.sh [seconds per measurement, default 10]
#        (BENCH_WARMUP_SECONDS, default 40: wrk load on each path before it is measured;
#         BENCH_ROUNDS, default 1: how many times the gateway rows are measured, alternating, then their medians;
#         BENCH_ROWS, default "plain-scg strangler-scg strangler-reactor strangler": the gateway rows measured;
#         BENCH_GC_LOG=1: each JVM logs its collections (-Xlog:gc), and the pauses that fell in each measured window
#         are summarised on stderr after its row)
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
MODULE="$(dirname "$HERE")"
ROOT="$(dirname "$MODULE")"
JAR="$MODULE/target/strangler-gateway.jar"
SECONDS_PER_RUN="${1:-10}"
# The JVMs need their JIT warm before a measurement means anything: on 2 cores C2 takes tens of seconds.
WARMUP_SECONDS="${BENCH_WARMUP_SECONDS:-40}"
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
JVM_OPTS="${BENCH_JVM_OPTS:--Xms256m -Xmx512m}"
SATURATION_CONNECTIONS=64
MODERATE_CONNECTIONS=4

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
PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  [[ -f "$WORK/nginx-backend.pid" ]] && kill "$(cat "$WORK/nginx-backend.pid")" 2>/dev/null || true
  [[ -f "$WORK/nginx-proxy.pid" ]] && kill "$(cat "$WORK/nginx-proxy.pid")" 2>/dev/null || true
  wait 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
wait_for() { # url
  for _ in $(seq 1 240); do curl -fs -o /dev/null "$1" && return 0; sleep 0.5; done
  echo "bench: $1 did not come up; see the logs in $WORK" >&2; exit 1
}

BACKEND=$(free_port); NGINX=$(free_port); PLAIN=$(free_port); GATEWAY=$(free_port); ADMIN=$(free_port)

nginx_conf() { # name body
  cat >"$WORK/nginx-$1.conf" <<CONF
worker_processes 1;
pid $WORK/nginx-$1.pid;
error_log $WORK/nginx-$1.error.log;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path $WORK/$1-body; proxy_temp_path $WORK/$1-proxy; fastcgi_temp_path $WORK/$1-fcgi;
  uwsgi_temp_path $WORK/$1-uwsgi; scgi_temp_path $WORK/$1-scgi;
  keepalive_requests 1000000;
  $2
}
CONF
  nginx -c "$WORK/nginx-$1.conf"
}
nginx_conf backend "server { listen 127.0.0.1:$BACKEND; location / { default_type application/json; return 200 '{\"id\":42,\"name\":\"Widget\",\"price\":9.99}'; } }"
nginx_conf proxy "upstream backend { server 127.0.0.1:$BACKEND; keepalive 64; }
  server { listen 127.0.0.1:$NGINX; location / { proxy_pass http://backend; proxy_http_version 1.1;
    proxy_set_header Connection \"\"; proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for; } }"

ROUTES="$WORK/routes.yml"; cp "$HERE/routes.bench.yml" "$ROUTES"
# One JVM at a time: a gateway measured while the other one is still compiling or collecting shares the two cores with
# it (runs that kept both up gave the strangler row 0.5x or 0.8x of the plain row for the same code).
start_jvm() { # name
  # shellcheck disable=SC2086
  case "$1" in
    plain-scg) "$JAVA" $JVM_OPTS $(gc_log_opts "$1") -jar "$JAR" --spring.profiles.active=plain --strangler.monolith.uri="http://127.0.0.1:$BACKEND" \
                 --port "$PLAIN" >"$WORK/plain.log" 2>&1 & ;;
    strangler|strangler-scg|strangler-reactor)
               "$JAVA" $JVM_OPTS $(gc_log_opts "$1") -jar "$JAR" --routes "$ROUTES" --monolith "http://127.0.0.1:$BACKEND" \
                 --port "$GATEWAY" --admin-port "$ADMIN" --admin-token "$TOKEN" --lambda-endpoint http://127.0.0.1:9 \
                 --strangler.proxy.direct="$([[ $1 == strangler-scg ]] && echo false || echo true)" \
                 --strangler.proxy.raw="$([[ $1 == strangler-reactor ]] && echo false || echo true)" \
                 >"$WORK/gateway-$1.log" 2>&1 & ;;
    *) return 0 ;;
  esac
  JVM_PID=$!
  PIDS+=("$JVM_PID")
}
TOKEN=bench-token-0123456789
GC_LOG="${BENCH_GC_LOG:-0}"
gc_log_opts() { # name: the JVM's collections logged with wall-clock times, when BENCH_GC_LOG=1
  [[ "$GC_LOG" == 1 ]] && echo "-Xlog:gc:file=$WORK/gc-$1.log:time:filecount=0"
  return 0
}
now_ms() { date +%s%3N; }
gc_pauses() { # name from-ms to-ms: count, sum and longest of the pauses logged in that window
  python3 - "$WORK/gc-$1.log" "$2" "$3" <<'PY'
import re, sys, datetime
path, start, end = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
pauses = []
for line in open(path):
    m = re.match(r'\[([^\]]+)\].*Pause.* ([0-9.]+)ms$', line.strip())
    if not m:
        continue
    at = datetime.datetime.strptime(m.group(1), '%Y-%m-%dT%H:%M:%S.%f%z').timestamp() * 1000
    if start <= at <= end:
        pauses.append(float(m.group(2)))
print(f"{len(pauses)} pauses, {sum(pauses):.1f} ms in all, longest {max(pauses, default=0):.1f} ms")
PY
}
allocated_bytes() { # heap bytes allocated so far by the strangler gateway under test, empty for other rows
  case "${1:-}" in
    strangler|strangler-scg|strangler-reactor) curl -fs -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$ADMIN/metrics" \
                               | awk '/^strangler_jvm_allocated_bytes / {printf "%.0f", $2}' || true ;;
  esac
}
cpu_ticks() { # user + system clock ticks of the gateway JVM under test, 0 when none runs
  if [[ -n "${JVM_PID:-}" ]]; then awk '{print $14 + $15}' "/proc/$JVM_PID/stat"; else echo 0; fi
}
stop_jvm() {
  if [[ -n "${JVM_PID:-}" ]]; then
    kill "$JVM_PID" 2>/dev/null || true
    wait "$JVM_PID" 2>/dev/null || true
    JVM_PID=""
  fi
}
wait_for "http://127.0.0.1:$BACKEND/"; wait_for "http://127.0.0.1:$NGINX/"

"$JAVA" -version 2>&1 | head -1 >&2
echo "bench: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), ${SECONDS_PER_RUN}s per measurement" >&2
printf '| path | req/s at %d connections | p50 at %d connections | p99 at %d connections | gateway CPU per request | heap allocated per request |\n' \
  "$SATURATION_CONNECTIONS" "$MODERATE_CONNECTIONS" "$MODERATE_CONNECTIONS"
printf '|---|---|---|---|---|---|\n'
# BENCH_ROUNDS (default 1) repeats the JVM rows, alternating, and ends with their medians: on 2 cores one JVM
# measurement moves by 10 % or more from run to run (the JIT's choices), so one row each proves little.
ROUNDS="${BENCH_ROUNDS:-1}"
entries=("direct|$BACKEND" "nginx|$NGINX")
for ((round = 1; round <= ROUNDS; round++)); do
  for row in ${BENCH_ROWS:-plain-scg strangler-scg strangler-reactor strangler}; do
    entries+=("$row|$([[ $row == plain-scg ]] && echo "$PLAIN" || echo "$GATEWAY")")
  done
done
declare -A rates cpus allocs
for entry in "${entries[@]}"; do
  IFS='|' read -r name port <<<"$entry"
  url="http://127.0.0.1:$port/bench/item/42"
  start_jvm "$name"
  wait_for "http://127.0.0.1:$port/bench/warm"
  wrk -t2 -c"$SATURATION_CONNECTIONS" -d"${WARMUP_SECONDS}s" "$url" >/dev/null   # warm-up (JIT, pools)
  alloc_before=$(allocated_bytes "$name")
  cpu_before=$(cpu_ticks)
  saturated_from=$(now_ms)
  saturated=$(wrk -t2 -c"$SATURATION_CONNECTIONS" -d"${SECONDS_PER_RUN}s" "$url")
  saturated_to=$(now_ms)
  cpu_after=$(cpu_ticks)
  alloc_after=$(allocated_bytes "$name")
  moderate_from=$(now_ms)
  moderate=$(wrk -t1 -c"$MODERATE_CONNECTIONS" -d"${SECONDS_PER_RUN}s" --latency "$url")
  moderate_to=$(now_ms)
  rps=$(awk '/Requests\/sec/ {printf "%.0f", $2}' <<<"$saturated")
  errors=$(grep -E "Non-2xx|Socket errors" <<<"$saturated$moderate" || true)
  p50=$(awk '$1=="50%" {print $2}' <<<"$moderate")
  p99=$(awk '$1=="99%" {print $2}' <<<"$moderate")
  cpu="–"
  if [[ -n "${JVM_PID:-}" && "$rps" -gt 0 ]]; then
    micros="$(awk -v t=$((cpu_after - cpu_before)) -v hz="$(getconf CLK_TCK)" -v r="$rps" -v s="$SECONDS_PER_RUN" \
      'BEGIN {printf "%.0f", t / hz * 1e6 / (r * s)}')"
    cpu="$micros µs"
    cpus[$name]="${cpus[$name]:-} $micros"
  fi
  alloc="–"
  if [[ -n "$alloc_before" && -n "$alloc_after" && "$rps" -gt 0 ]]; then
    alloc="$(awk -v b="$((alloc_after - alloc_before))" -v r="$rps" -v s="$SECONDS_PER_RUN" 'BEGIN {printf "%.1f", b / (r * s) / 1024}') KiB"
    allocs[$name]="${allocs[$name]:-} ${alloc% KiB}"
  fi
  printf '| %s | %s | %s | %s | %s | %s |\n' "$name" "$rps" "$p50" "$p99" "$cpu" "$alloc"
  rates[$name]="${rates[$name]:-} $rps"
  [[ -n "$errors" ]] && echo "bench: $name had errors: $errors" >&2
  if [[ "$GC_LOG" == 1 && -f "$WORK/gc-$name.log" ]]; then
    echo "bench: $name GC at $SATURATION_CONNECTIONS connections: $(gc_pauses "$name" "$saturated_from" "$saturated_to");" \
      "at $MODERATE_CONNECTIONS connections (the p99 window): $(gc_pauses "$name" "$moderate_from" "$moderate_to")" >&2
    rm -f "$WORK/gc-$name.log"
  fi
  stop_jvm
done
if ((ROUNDS > 1)); then
  median() { tr ' ' '\n' <<<"$1" | sort -n | awk 'NF {v[++n] = $1} END {if (n) print (n % 2) ? v[(n + 1) / 2] : (v[n / 2] + v[n / 2 + 1]) / 2}'; }
  nginx=$(median "${rates[nginx]}"); plain=$(median "${rates[plain-scg]:-}")
  line="medians over $ROUNDS rounds:"
  for row in ${BENCH_ROWS:-plain-scg strangler-scg strangler-reactor strangler}; do
    rate=$(median "${rates[$row]:-}")
    line+=" $row $rate req/s"
    [[ -n "$plain" && $row != plain-scg ]] && line+=" ($(awk -v s="$rate" -v p="$plain" 'BEGIN {printf "%.2f", s / p}')x plain-scg)"
    line+=" $(awk -v s="$rate" -v p="$nginx" 'BEGIN {printf "%.2f", s / p}')x nginx, $(median "${cpus[$row]:-}") µs CPU"
    [[ -n "${allocs[$row]:-}" ]] && line+=", $(median "${allocs[$row]}") KiB heap"
    line+=" per request;"
  done
  echo "$line"
fi
