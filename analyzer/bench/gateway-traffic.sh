#!/usr/bin/env bash
# Writes a real access log of the strangler gateway in front of the real sample monolith: starts the monolith and the
# gateway (no route moved: everything goes to the monolith) on free loopback ports, sends a fixed mix of requests
# (catalog browsing most, then cart, orders, inventory, back-office; a few paths the monolith does not serve), stops
# both, and keeps the gateway's ACCESS lines. The analyzer's tests read the result, committed as
# analyzer/src/test/resources/traffic/gateway-access.log (regenerate it with this script when the gateway's access
# log changes; TrafficLogTest also checks the parser against the gateway's current source).
# Usage (from anywhere): analyzer/bench/gateway-traffic.sh [OUT_FILE]
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
OUT="${1:-$ROOT/analyzer/src/test/resources/traffic/gateway-access.log}"
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
MONOLITH_JAR="$ROOT/legacy-sample-monolith/target/legacy-sample-monolith.jar"
GATEWAY_JAR="$ROOT/strangler-gateway/target/strangler-gateway.jar"
if [[ ! -f "$MONOLITH_JAR" || ! -f "$GATEWAY_JAR" ]]; then
    (cd "$ROOT" && ./mvnw -q -pl legacy-sample-monolith,strangler-gateway -am package -DskipTests)
fi
WORK="$(mktemp -d)"
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
MONOLITH_PORT="$(free_port)"
GATEWAY_PORT="$(free_port)"
ADMIN_PORT="$(free_port)"
PIDS=()
cleanup() {
    local pid
    for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
    for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
    rm -rf "$WORK"
}
trap cleanup EXIT

wait_for() { # URL, seconds, log
    local i
    for (( i = 0; i < $2 * 4; i++ )); do
        curl -s -o /dev/null "$1" && return 0
        sleep 0.25
    done
    echo "gateway-traffic: $1 did not answer within $2 s; the end of its log:" >&2
    tail -20 "$3" >&2
    return 1
}

"$JAVA" -Xmx384m -jar "$MONOLITH_JAR" --server.address=127.0.0.1 --server.port="$MONOLITH_PORT" \
    >"$WORK/monolith.log" 2>&1 &
PIDS+=($!)
printf 'version: 1\nroutes: []\n' >"$WORK/routes.yml"
"$JAVA" -Xmx384m -jar "$GATEWAY_JAR" --routes "$WORK/routes.yml" --monolith "http://127.0.0.1:$MONOLITH_PORT" \
    --region us-east-1 --port "$GATEWAY_PORT" --admin-port "$ADMIN_PORT" --admin-token "traffic-fixture-token-0123456789" \
    >"$WORK/gateway.log" 2>&1 &
PIDS+=($!)
wait_for "http://127.0.0.1:$MONOLITH_PORT/api/categories" 300 "$WORK/monolith.log"
wait_for "http://127.0.0.1:$GATEWAY_PORT/api/categories" 300 "$WORK/gateway.log"

G="http://127.0.0.1:$GATEWAY_PORT"
JAR="$WORK/cookies"
send() { # COUNT METHOD PATH [BODY]
    local i
    for (( i = 0; i < $1; i++ )); do
        if [[ $# -ge 4 ]]; then
            curl -s -o /dev/null -b "$JAR" -c "$JAR" -X "$2" -H 'Content-Type: application/json' -d "$4" "$G$3"
        else
            curl -s -o /dev/null -b "$JAR" -c "$JAR" -X "$2" "$G$3"
        fi
    done
}
send 60 GET /api/products
send 40 GET /api/products/1
send 20 GET /api/products/2
send 15 GET "/api/products/search?q=mug"
send 25 GET /api/categories
send 10 GET /api/categories/1/products
send 12 GET /api/products/1/reviews
send 8 GET /api/products/1/rating
send 10 GET /api/inventory/1
send 3 GET /api/inventory/low-stock
send 1 POST /api/customers/login '{"email":"alice@example.com","password":"alice-secret"}'
send 15 GET /api/cart
send 8 POST /api/cart/items '{"productId":1,"quantity":1}'
send 4 POST /api/orders/quote '{}'
send 6 GET /api/orders
send 3 GET /api/coupons/WELCOME10
send 4 GET "/api/shipping/rates?country=US&weightGrams=1200"
send 2 GET /api/admin/reports/sales
send 2 GET /api/admin/reports/top-products
send 3 GET /api/notifications
send 5 GET /favicon.ico
send 2 GET /api/unknown
sleep 1
# the gateway writes its access lines every 0.1 s; give it time, then stop both
kill "${PIDS[1]}" 2>/dev/null || true
wait "${PIDS[1]}" 2>/dev/null || true
grep ' ACCESS ' "$WORK/gateway.log" >"$OUT"
echo "gateway-traffic: $(wc -l <"$OUT") access log lines written to $OUT"
