#!/usr/bin/env bash
# Where the strangler gateway's CPU goes on the monolith path: an nginx backend, the gateway with every feature on
# (bench/routes.bench.yml), wrk -t2 -c64 warm-up, then a CPU profile of a saturated run with the gateway's CPU per
# request, heap per request, each thread's CPU (from /proc/<pid>/task/*/stat) and the young collections.
# The profiler is async-profiler when ASYNC_PROFILER_LIB names its libasyncProfiler.so (the Maven Central artifact
# tools.profiler:async-profiler holds one per platform in its jar), else JDK Flight Recorder (settings=profile).
# With async-profiler the samples are summed by component (bench/profile-summary.py).
# Usage: strangler-gateway/bench/profile.sh [output dir, default a new temporary one] [gateway arguments...]
#        (BENCH_WARMUP_SECONDS, default 30; BENCH_PROFILE_SECONDS, default 15; BENCH_JVM_OPTS, default -Xms256m -Xmx512m)
#        e.g. bench/profile.sh reactor-profile --strangler.proxy.raw=false   (the direct path's Reactor Netty route)
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
MODULE="$(dirname "$HERE")"
JAR="$MODULE/target/strangler-gateway.jar"
OUT="${1:-$(mktemp -d)}"; shift || true
WARMUP="${BENCH_WARMUP_SECONDS:-30}"
SECONDS_PROFILED="${BENCH_PROFILE_SECONDS:-15}"
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
JCMD="${JAVA_HOME:+$JAVA_HOME/bin/}jcmd"
JVM_OPTS="${BENCH_JVM_OPTS:--Xms256m -Xmx512m}"
TOKEN=bench-token-0123456789
for tool in wrk nginx "$JCMD"; do
  command -v "$tool" >/dev/null || { echo "profile: $tool is missing (wrk and nginx: sudo apt-get install -y wrk nginx)" >&2; exit 2; }
done
[[ -f "$JAR" ]] || { echo "profile: build the jar first: ./mvnw -pl strangler-gateway -am package -DskipTests" >&2; exit 2; }
mkdir -p "$OUT"
WORK="$(mktemp -d)"
GATEWAY_PID=""
cleanup() {
  [[ -n "$GATEWAY_PID" ]] && kill "$GATEWAY_PID" 2>/dev/null
  [[ -f "$WORK/nginx.pid" ]] && kill "$(cat "$WORK/nginx.pid")" 2>/dev/null
  wait 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
BACKEND=$(free_port); GATEWAY=$(free_port); ADMIN=$(free_port)
cat >"$WORK/nginx.conf" <<CONF
worker_processes 1;
pid $WORK/nginx.pid;
error_log $WORK/nginx.error.log;
events { worker_connections 4096; }
http {
  access_log off; keepalive_requests 1000000;
  client_body_temp_path $WORK/b; proxy_temp_path $WORK/p; fastcgi_temp_path $WORK/f; uwsgi_temp_path $WORK/u; scgi_temp_path $WORK/s;
  server { listen 127.0.0.1:$BACKEND; location / { default_type application/json; return 200 '{"id":42,"name":"Widget","price":9.99}'; } }
}
CONF
nginx -c "$WORK/nginx.conf"

# shellcheck disable=SC2086
"$JAVA" $JVM_OPTS -XX:+UnlockDiagnosticVMOptions -XX:+DebugNonSafepoints -jar "$JAR" --routes "$HERE/routes.bench.yml" \
  --monolith "http://127.0.0.1:$BACKEND" --port "$GATEWAY" --admin-port "$ADMIN" --admin-token "$TOKEN" \
  --lambda-endpoint http://127.0.0.1:9 "$@" >"$OUT/gateway.log" 2>&1 &
GATEWAY_PID=$!
URL="http://127.0.0.1:$GATEWAY/bench/item/42"
for _ in $(seq 1 240); do curl -fs -o /dev/null "$URL" && break; sleep 0.5; done
wrk -t2 -c64 -d"${WARMUP}s" "$URL" >/dev/null

thread_ticks() { # tid|name|user + system ticks of each thread
  for task in /proc/"$GATEWAY_PID"/task/*; do echo "${task##*/}|$(cat "$task/comm")|$(awk '{print $14 + $15}' "$task/stat")"; done 2>/dev/null
}
young_collections() { jstat -gc "$GATEWAY_PID" | awk 'NR == 2 {print $(NF - 6), $(NF - 5)}'; } # YGC and YGCT
allocated() { curl -fs -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$ADMIN/metrics" | awk '/^strangler_jvm_allocated_bytes / {printf "%.0f", $2}'; }
if [[ -n "${ASYNC_PROFILER_LIB:-}" ]]; then
  "$JCMD" "$GATEWAY_PID" JVMTI.agent_load "$ASYNC_PROFILER_LIB" '"start,event=cpu,interval=1ms,threads"' >/dev/null
else
  "$JCMD" "$GATEWAY_PID" JFR.start name=profile settings=profile >/dev/null
fi
thread_ticks >"$WORK/threads-before"; gc_before=$(young_collections); alloc_before=$(allocated)
cpu_before=$(awk '{print $14 + $15}' "/proc/$GATEWAY_PID/stat")
wrk -t2 -c64 -d"${SECONDS_PROFILED}s" "$URL" >"$OUT/wrk.txt"
cpu_after=$(awk '{print $14 + $15}' "/proc/$GATEWAY_PID/stat")
thread_ticks >"$WORK/threads-after"; gc_after=$(young_collections); alloc_after=$(allocated)
if [[ -n "${ASYNC_PROFILER_LIB:-}" ]]; then
  "$JCMD" "$GATEWAY_PID" JVMTI.agent_load "$ASYNC_PROFILER_LIB" "\"stop,file=$OUT/profile.collapsed\"" >/dev/null
else
  "$JCMD" "$GATEWAY_PID" JFR.stop name=profile filename="$OUT/profile.jfr" >/dev/null
fi

rps=$(awk '/Requests\/sec/ {print $2}' "$OUT/wrk.txt")
hz=$(getconf CLK_TCK)
{
  echo "requests/s $rps; gateway CPU per request $(awk -v t=$((cpu_after - cpu_before)) -v hz="$hz" -v r="$rps" -v s="$SECONDS_PROFILED" \
    'BEGIN {printf "%.1f", t / hz * 1e6 / (r * s)}') µs; heap per request $(awk -v b=$((alloc_after - alloc_before)) -v r="$rps" \
    -v s="$SECONDS_PROFILED" 'BEGIN {printf "%.2f", b / (r * s) / 1024}') KiB"
  read -r ygc_before ygct_before <<<"$gc_before"; read -r ygc_after ygct_after <<<"$gc_after"
  echo "young collections $((ygc_after - ygc_before)), $(awk -v a="$ygct_after" -v b="$ygct_before" 'BEGIN {printf "%.0f", (a - b) * 1000}') ms in all"
  echo "CPU by thread over the profiled run (ms):"
  awk -F'|' -v hz="$hz" 'NR == FNR {before[$1] = $3; next} {spent[$2] += $3 - before[$1]}
    END {for (name in spent) if (spent[name] > 0) printf "  %8.0f  %s\n", spent[name] * 1000 / hz, name}' \
    "$WORK/threads-before" "$WORK/threads-after" | sort -rn
  if [[ -f "$OUT/profile.collapsed" ]]; then
    python3 "$HERE/profile-summary.py" "$OUT/profile.collapsed" \
      "$(awk -v t=$((cpu_after - cpu_before)) -v hz="$hz" -v r="$rps" -v s="$SECONDS_PROFILED" 'BEGIN {printf "%.2f", t / hz * 1e6 / (r * s)}')"
  else
    echo "JFR recording: $OUT/profile.jfr (jfr print --events jdk.ExecutionSample, or JDK Mission Control)"
  fi
} | tee "$OUT/summary.txt"
