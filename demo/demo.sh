#!/usr/bin/env bash
# ./strangler demo: the whole journey on the sample monolith, on one machine, in one command.
# Analyze, extract the easiest candidate into a Lambda function and build it, start the monolith, lambda-local and
# the gateway, move the candidate's routes 0 -> shadow -> 50 -> 100 % and roll back, then a summary.
# Everything it starts runs on free loopback ports and is stopped on exit, on Ctrl-C and on any failure.
# See demo/README.md.
set -Eeuo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SAMPLE="legacy-sample-monolith"
REQUESTS=40
KEEP_RUNNING=false
START_TIMEOUT="${STRANGLER_DEMO_START_TIMEOUT:-300}"
WORK=""

usage() {
  cat <<USAGE
Usage: ./strangler demo [--requests N] [--work DIR] [--keep-running]

The whole journey on the sample monolith: analyze it, extract its easiest candidate into a Lambda function, build
it, start the monolith, lambda-local and the gateway, move the candidate's routes 0 -> shadow -> 50 -> 100 % and
roll back, showing at each step which side answered, the shadow match rate and per-side counts, then a summary.

  --requests N     requests sent through the gateway at each step (default $REQUESTS)
  --work DIR       work folder (default target/demo-<UTC timestamp>); every process's log is in DIR/logs
  --keep-running   after the summary, leave everything running until Ctrl-C (to try it by hand)

Stops everything it started on exit, on Ctrl-C and on any failure. Needs a JDK 17+ and curl.
STRANGLER_DEMO_START_TIMEOUT (seconds, default 300) bounds each start-up, including a first build.
USAGE
}

while [[ $# -gt 0 ]]; do
  case "$1" in
    --requests) REQUESTS="${2:?--requests needs a number}"; shift 2 ;;
    --work) WORK="${2:?--work needs a folder}"; shift 2 ;;
    --keep-running) KEEP_RUNNING=true; shift ;;
    -h|--help) usage; exit 0 ;;
    *) echo "demo: unknown option '$1'; ./strangler demo --help lists the options" >&2; exit 2 ;;
  esac
done
if ! [[ "$REQUESTS" =~ ^[0-9]+$ ]] || (( REQUESTS < 1 )); then
  echo "demo: --requests must be a whole number of at least 1, but was '$REQUESTS'" >&2
  exit 2
fi
for tool in curl java; do
  if ! command -v "$tool" >/dev/null 2>&1 && ! { [[ "$tool" == java ]] && [[ -x "${JAVA_HOME:-}/bin/java" ]]; }; then
    echo "demo: '$tool' is needed but not found on the PATH; install it (Debian: sudo apt-get install -y $tool)" >&2
    exit 2
  fi
done

WORK="${WORK:-$ROOT/target/demo-$(date -u +%Y%m%d-%H%M%S)}"
mkdir -p "$WORK/logs"
WORK="$(cd "$WORK" && pwd)"
LOGS="$WORK/logs"
: >"$WORK/pids"
# The terminal's stdout and stderr, for the messages of the traps: a signal can arrive while a function runs with
# its output redirected to a log.
exec 3>&1 4>&2

# ---------------------------------------------------------------- processes and cleanup

PIDS=()
NAMES=()
CURRENT_LOG=""

# Starts a process in the background, its output in logs/<name>.log; sets LAUNCHED_PID. Job control is on just for
# the start, so the process leads a process group of its own: stopping the group also stops what the process started
# itself (Maven's forks, lambda-local's function JVMs), and it does not inherit an ignored SIGINT. Off again at once,
# so that the short commands run in the foreground (curl, ./strangler routes) stay in the script's group and a Ctrl-C
# in the terminal reaches the script with them.
launch() {
  local name="$1"
  shift
  set -m
  "$@" </dev/null >"$LOGS/$name.log" 2>&1 3>&- 4>&- &
  LAUNCHED_PID=$!
  set +m
  PIDS+=("$LAUNCHED_PID")
  NAMES+=("$name")
  printf '%s %s\n' "$name" "$LAUNCHED_PID" >>"$WORK/pids"
}

# Runs a command to its end like launch does (so Ctrl-C and cleanup reach it at once); fails the demo on a non-zero exit.
run_logged() {
  local name="$1" status=0
  shift
  CURRENT_LOG="$LOGS/$name.log"
  launch "$name" "$@"
  wait "$LAUNCHED_PID" || status=$?
  if (( status != 0 )); then
    fail "'$*' ended with exit code $status"
  fi
}

# Stops every process group started, newest first: SIGTERM, then SIGKILL for what is left after 20 s.
stop_all() {
  local i pgid deadline stopped=()
  for ((i = ${#PIDS[@]} - 1; i >= 0; i--)); do
    pgid="${PIDS[i]}"
    if kill -0 -- "-$pgid" 2>/dev/null; then
      kill -TERM -- "-$pgid" 2>/dev/null || true
      stopped+=("${NAMES[i]} (pid $pgid)")
    fi
  done
  deadline=$((SECONDS + 20))
  for ((i = ${#PIDS[@]} - 1; i >= 0; i--)); do
    pgid="${PIDS[i]}"
    while kill -0 -- "-$pgid" 2>/dev/null && (( SECONDS < deadline )); do
      sleep 0.2
    done
    if kill -0 -- "-$pgid" 2>/dev/null; then
      echo "demo: ${NAMES[i]} (pid $pgid) did not stop within 20 s of SIGTERM; killing it" >&2
      kill -KILL -- "-$pgid" 2>/dev/null || true
    fi
  done
  if (( ${#stopped[@]} > 0 )); then
    local joined
    joined="$(printf '%s, ' "${stopped[@]}")"
    echo "Stopped ${joined%, }."
  fi
}

on_exit() {
  local status=$?
  trap - EXIT INT TERM ERR
  set +e
  exec 1>&3 2>&4
  echo
  stop_all
  echo "Logs of every process: $LOGS"
  exit "$status"
}

# Says what failed and where to look, once (a failure inside $(...) is reported there, not again by its caller).
fail() {
  trap - ERR
  exec 1>&3 2>&4
  if [[ -f "$WORK/failed" ]]; then
    exit 1
  fi
  : >"$WORK/failed"
  echo >&2
  echo "demo: FAILED at step ${STEP:-0} (${STEP_TITLE:-setting up}): $1" >&2
  if [[ -n "$CURRENT_LOG" ]] && [[ -f "$CURRENT_LOG" ]]; then
    echo "demo: the last lines of $CURRENT_LOG:" >&2
    tail -n 20 "$CURRENT_LOG" | sed 's/^/    /' >&2
  fi
  exit 1
}

trap on_exit EXIT
trap 'exec 1>&3 2>&4; echo; echo "demo: interrupted; stopping everything it started" >&2; exit 130' INT
trap 'exec 1>&3 2>&4; echo "demo: terminated; stopping everything it started" >&2; exit 143' TERM
trap 'fail "the command on line $LINENO of demo/demo.sh failed (exit code $?)"' ERR

# ---------------------------------------------------------------- output

STEP=0
STEP_TITLE=""
step() {
  STEP=$((STEP + 1))
  STEP_TITLE="$1"
  echo
  echo "== $STEP. $1"
  echo "   what you see: $2"
}
say() { echo "   $*"; }
# Shows a command as typed from the repository root (paths below it relative).
show_command() { echo "   \$ ${*//$ROOT\//}"; }

# ---------------------------------------------------------------- waiting

# Waits until the log of a launched process has a line matching an extended regex; prints the first match.
wait_for_log() {
  local name="$1" pid="$2" pattern="$3" what="$4" log="$LOGS/$1.log" deadline=$((SECONDS + START_TIMEOUT)) found
  CURRENT_LOG="$log"
  while true; do
    found="$(grep -Eo "$pattern" "$log" 2>/dev/null | head -n 1 || true)"
    if [[ -n "$found" ]]; then
      echo "$found"
      return 0
    fi
    if ! kill -0 "$pid" 2>/dev/null; then
      fail "$name stopped before $what; see $log"
    fi
    if (( SECONDS >= deadline )); then
      fail "$name did not report $what within $START_TIMEOUT s (STRANGLER_DEMO_START_TIMEOUT); see $log"
    fi
    sleep 0.5
  done
}

# Waits until a URL answers with the given HTTP status.
wait_for_http() {
  local name="$1" pid="$2" url="$3" status="$4" deadline=$((SECONDS + START_TIMEOUT)) got
  while true; do
    got="$(curl -s -o /dev/null -w '%{http_code}' --max-time 10 "$url" || true)"
    if [[ "$got" == "$status" ]]; then
      return 0
    fi
    if ! kill -0 "$pid" 2>/dev/null; then
      fail "$name stopped before $url answered; see $LOGS/$name.log"
    fi
    if (( SECONDS >= deadline )); then
      fail "$url did not answer $status within $START_TIMEOUT s (last answer: ${got:-none}); see $LOGS/$name.log"
    fi
    sleep 1
  done
}

# ---------------------------------------------------------------- reading the report (no jq needed)

# The names in the report's top-level "extractionOrder" array, one per line, easiest first.
extraction_order() {
  tr '\n' ' ' <"$1" \
    | sed -n 's/.*"extractionOrder"[[:space:]]*:[[:space:]]*\[\([^]]*\)\].*/\1/p' \
    | tr ',' '\n' | sed -n 's/^[[:space:]]*"\(.*\)"[[:space:]]*$/\1/p'
}

# "METHOD PATH" of each HTTP route of one candidate, from the analyzer's pretty-printed report.
candidate_routes() {
  awk -v name="$2" '
    /^    \{/ { inside = 0 }
    $0 ~ "^      \"name\": \"" name "\"" { inside = 1 }
    inside && /"kind": "HTTP"/ { http = 1 }
    inside && http && /"method":/ { gsub(/.*"method": "|",?$/, ""); method = $0 }
    inside && http && /"path":/ { gsub(/.*"path": "|",?$/, ""); print method " " $0; http = 0 }
  ' "$1"
}

# "<table>" names of one candidate's owned tables, comma-separated.
candidate_tables() {
  awk -v name="$2" '
    /^    \{/ { inside = 0 }
    $0 ~ "^      \"name\": \"" name "\"" { inside = 1 }
    inside && /"table":/ { gsub(/.*"table": "|",?$/, ""); tables = tables (tables ? ", " : "") $0 }
    END { print tables }
  ' "$1"
}

# ---------------------------------------------------------------- traffic and figures

TOKEN="$(od -An -N24 -tx1 /dev/urandom | tr -d ' \n')"

routes_cli() {
  STRANGLER_ADMIN_URL="$ADMIN_URL" STRANGLER_ADMIN_TOKEN="$TOKEN" "$ROOT/strangler" routes "$@" --actor demo
}

# Runs a route change as a user would type it, showing the command.
change() {
  show_command "./strangler routes $*"
  CURRENT_LOG="$LOGS/routes.log"
  if ! routes_cli "$@" >>"$LOGS/routes.log" 2>&1; then
    fail "./strangler routes $* was refused; see $LOGS/routes.log"
  fi
}

# Shows `./strangler routes list`, only the candidate's rows.
show_routes() {
  local table
  table="$(routes_cli list 2>>"$LOGS/routes.log")" || fail "./strangler routes list failed; see $LOGS/routes.log"
  echo "$table" | awk -v ids="$ROUTE_IDS" '
    BEGIN { n = split(ids, list, " "); for (i = 1; i <= n; i++) wanted[list[i]] = 1 }
    NR == 1 || ($1 in wanted) { print "   | " $0 }'
}

# Sum of a Prometheus counter's samples for the candidate's routes whose labels contain a given text.
metric() {
  local name="$1" label="$2"
  awk -v name="$name" -v label="$label" -v ids="$ROUTE_IDS" '
    BEGIN { n = split(ids, list, " ") }
    index($0, name "{") == 1 && (label == "" || index($0, label)) {
      for (i = 1; i <= n; i++) if (index($0, "route=\"" list[i] "\"")) { sum += $NF; break }
    }
    END { printf "%d", sum }' "$WORK/metrics.txt"
}

scrape() {
  curl -fsS --max-time 10 -H "Authorization: Bearer $TOKEN" "$ADMIN_URL/metrics" -o "$WORK/metrics.txt" \
    || fail "cannot read the gateway's metrics at $ADMIN_URL/metrics; see $LOGS/gateway.log"
}

# Sets FIGURES to the candidate's totals: monolith target errors fallbacks match mismatch shadow-errors skipped.
figures() {
  scrape
  FIGURES=("$(metric strangler_requests_seconds_count 'side="monolith"')" "$(metric strangler_requests_seconds_count 'side="target"')"
    "$(metric strangler_errors_total '')" "$(metric strangler_fallbacks_total '')"
    "$(metric strangler_shadow_requests_total 'outcome="match"')" "$(metric strangler_shadow_requests_total 'outcome="mismatch"')"
    "$(metric strangler_shadow_requests_total 'outcome="error"')" "$(metric strangler_shadow_requests_total 'outcome="skipped"')")
}

# A sample request path for a route template of the sample monolith.
sample_path() {
  local template="$1" i="$2"
  local codes=(WELCOME10 SAVE5 BIGSPENDER20 SUMMER2020 ONCEONLY)
  case "$template" in
    *"{code}"*) echo "${template/\{code\}/${codes[i % ${#codes[@]}]}}" ;;
    *) echo "$template" | sed -E "s/\{[^}]+\}/$(( i % 5 + 1 ))/g" ;;
  esac
}

SUMMARY=()

# Sends REQUESTS GETs spread over the candidate's GET routes, then shows and records what happened.
traffic() {
  local label="$1" weight="$2" shadow="$3" before after i path status statuses="" sample_status sample_body
  figures
  before=("${FIGURES[@]}")
  for ((i = 0; i < REQUESTS; i++)); do
    path="$(sample_path "${GET_TEMPLATES[i % ${#GET_TEMPLATES[@]}]}" "$i")"
    status="$(curl -s -o "$WORK/last-body" -w '%{http_code}' --max-time 60 "$GATEWAY_URL$path" || echo 000)"
    statuses="$statuses $status"
    if (( i == 0 )); then
      sample_status="$status"
      sample_body="$(head -c 160 "$WORK/last-body" | tr '\n' ' ')"
      say "GET $path -> $sample_status $sample_body"
    fi
  done
  # shadow copies are compared in the background (a copy that overlaps another starts a second, cold, function
  # environment): wait up to 150 s until every copy has an outcome
  local deadline=$((SECONDS + 150))
  while true; do
    figures
    after=("${FIGURES[@]}")
    local copies=$(( after[4] + after[5] + after[6] + after[7] - before[4] - before[5] - before[6] - before[7] ))
    if [[ "$shadow" == "-" ]] || (( copies >= REQUESTS )) || (( SECONDS >= deadline )); then
      break
    fi
    sleep 0.5
  done
  local monolith=$(( after[0] - before[0] )) target=$(( after[1] - before[1] )) errors=$(( after[2] - before[2] ))
  local fallbacks=$(( after[3] - before[3] )) match=$(( after[4] - before[4] )) mismatch=$(( after[5] - before[5] ))
  local shadow_errors=$(( after[6] - before[6] )) ok
  ok="$(echo "$statuses" | tr ' ' '\n' | grep -c '^[23]' || true)"
  local rate="-"
  if [[ "$shadow" != "-" ]]; then
    local compared=$(( match + mismatch ))
    if (( compared > 0 )); then
      rate="$match/$compared ($(( match * 100 / compared )) %)"
    else
      rate="0/0"
    fi
    (( shadow_errors > 0 )) && rate="$rate, $shadow_errors errors"
  fi
  say "$REQUESTS requests: $ok answered 2xx/3xx; answered by the monolith $monolith, by the function $target;" \
      "function errors $errors, fallbacks to the monolith $fallbacks$([[ "$shadow" == "-" ]] || echo "; shadow matches $rate")"
  SUMMARY+=("$(printf '%-2s %-22s %7s %7s %9s %9s %9s %7s %10s  %s' "$STEP" "$label" "$weight" "$shadow" "$REQUESTS" \
    "$monolith" "$target" "$errors" "$fallbacks" "$rate")")
}

# ---------------------------------------------------------------- the journey

cd "$ROOT"
echo "The strangler toolkit, end to end on the sample monolith ($SAMPLE)."
echo "Work folder: $WORK (every process's log is in logs/)"

step "Analyze the monolith" "the services the analyzer proposes and the one it says to move out first"
REPORT="$WORK/report"
show_command "./strangler analyze $SAMPLE --out $REPORT"
run_logged analyze "$ROOT/strangler" analyze "$SAMPLE" --out "$REPORT" --quiet
[[ -f "$REPORT/decomposition.json" ]] || fail "the analyzer wrote no $REPORT/decomposition.json; see $LOGS/analyze.log"
mapfile -t ORDER < <(extraction_order "$REPORT/decomposition.json")
(( ${#ORDER[@]} > 0 )) || fail "the report's extractionOrder is empty: no candidate to move; see $REPORT/decomposition.md"
SERVICE="${ORDER[0]}"
mapfile -t CANDIDATE_ROUTES < <(candidate_routes "$REPORT/decomposition.json" "$SERVICE")
(( ${#CANDIDATE_ROUTES[@]} > 0 )) || fail "candidate '$SERVICE' has no HTTP route in $REPORT/decomposition.json"
say "${#ORDER[@]} candidate services, in extraction order: ${ORDER[*]}"
say "easiest: '$SERVICE', routes: $(printf '%s; ' "${CANDIDATE_ROUTES[@]}" | sed 's/; $//'), tables: $(candidate_tables "$REPORT/decomposition.json" "$SERVICE")"
GET_TEMPLATES=()
for route in "${CANDIDATE_ROUTES[@]}"; do
  [[ "$route" == GET\ * ]] && GET_TEMPLATES+=("${route#GET }")
done
(( ${#GET_TEMPLATES[@]} > 0 )) || fail "candidate '$SERVICE' has no GET route to send demo traffic to (routes: ${CANDIDATE_ROUTES[*]})"

step "Extract '$SERVICE' into a Lambda function and build it" "the generated project and its deployment package"
show_command "./strangler extract --report $REPORT --service $SERVICE --source $SAMPLE --out $WORK/function --flavor spring"
run_logged extract "$ROOT/strangler" extract --report "$REPORT" --service "$SERVICE" --source "$SAMPLE" \
  --out "$WORK/function" --flavor spring
grep -A 1 '^Wrote ' "$LOGS/extract.log" | sed "s|$ROOT/||g; s/^[[:space:]]*/   /" || true
show_command "./mvnw -f $WORK/function/pom.xml -q package"
run_logged function-build "$ROOT/mvnw" -B -f "$WORK/function/pom.xml" -q package
FUNCTION_JAR="$(ls "$WORK"/function/target/*-lambda.zip 2>/dev/null | head -n 1 || true)"
[[ -n "$FUNCTION_JAR" ]] || fail "the function build made no deployment package (target/*-lambda.zip) in $WORK/function; see $LOGS/function-build.log"
FUNCTION="$(basename "$FUNCTION_JAR" -lambda.zip)"
# extract prints the handler on stdout ("  handler a.b.StreamLambdaHandler::handleRequest")
HANDLER="$(sed -n 's/^[[:space:]]*handler[[:space:]]\{1,\}\([^[:space:]]*::[^[:space:]]*\)[[:space:]]*$/\1/p' "$LOGS/extract.log" | head -n 1)"
[[ -n "$HANDLER" ]] || fail "extract named no handler; see $LOGS/extract.log"
say "function '$FUNCTION': ${FUNCTION_JAR#$ROOT/}, handler $HANDLER"

step "Start the monolith" "AcmeShop answering on a free port, its database served to the function"
show_command "./strangler monolith --server.port=0 --acmeshop.db.tcp-port=0"
launch monolith "$ROOT/strangler" monolith --server.port=0 --server.address=127.0.0.1 --acmeshop.db.tcp-port=0
MONOLITH_PID=$LAUNCHED_PID
DB_URL="$(wait_for_log monolith "$MONOLITH_PID" 'jdbc:h2:tcp://127\.0\.0\.1:[0-9]+/mem:[A-Za-z0-9_]+' "its database URL")"
MONOLITH_PORT="$(wait_for_log monolith "$MONOLITH_PID" 'Tomcat started on port [0-9]+' "its HTTP port" | grep -Eo '[0-9]+$')"
MONOLITH_URL="http://127.0.0.1:$MONOLITH_PORT"
wait_for_http monolith "$MONOLITH_PID" "$MONOLITH_URL/api/products" 200
say "monolith: $MONOLITH_URL (pid $MONOLITH_PID); its database: $DB_URL"

step "Start lambda-local with the function" "the function answering a direct invoke, as AWS Lambda would; it reads the monolith's database"
cat >"$WORK/functions.yml" <<YAML
functions:
  - name: $FUNCTION
    jar: $FUNCTION_JAR
    handler: $HANDLER
    timeout: 120      # a cold start of a Spring function on a busy machine takes a while
    memory: 512
    environment:
      # what the function's SAM template sets too: a faster start for a short-lived JVM
      JAVA_TOOL_OPTIONS: "-XX:+TieredCompilation -XX:TieredStopAtLevel=1"
      # the monolith's own database, through its H2 TCP server; and the monolith, for what stays there
      DB_URL: "$DB_URL"
      DB_USER: sa
      DB_PASSWORD: ""
      MONOLITH_URL: "$MONOLITH_URL"
YAML
show_command "./strangler lambda-local --port 0 --config $WORK/functions.yml"
# a Spring function's first start on a busy machine can take longer than the 10 s of init AWS allows
launch lambda-local env STRANGLER_JAVA_OPTS="-Dlambda-local.init-timeout-ms=120000" \
  "$ROOT/strangler" lambda-local --port 0 --config "$WORK/functions.yml"
LAMBDA_PID=$LAUNCHED_PID
LAMBDA_URL="$(wait_for_log lambda-local "$LAMBDA_PID" '^http://127\.0\.0\.1:[0-9]+$' "its endpoint")"
wait_for_http lambda-local "$LAMBDA_PID" "$LAMBDA_URL/health" 200
FIRST_PATH="$(sample_path "${GET_TEMPLATES[0]}" 0)"
cat >"$WORK/invoke.json" <<JSON
{"version":"2.0","routeKey":"\$default","rawPath":"$FIRST_PATH","rawQueryString":"","headers":{"accept":"application/json","host":"demo"},"requestContext":{"http":{"method":"GET","path":"$FIRST_PATH","protocol":"HTTP/1.1","sourceIp":"127.0.0.1","userAgent":"strangler-demo"},"requestId":"demo-warm-up","routeKey":"\$default","stage":"\$default"},"isBase64Encoded":false}
JSON
show_command "curl -X POST $LAMBDA_URL/2015-03-31/functions/$FUNCTION/invocations -d @invoke.json"
CURRENT_LOG="$LOGS/lambda-local.log"
INVOKE="$(curl -s --max-time 120 -D "$WORK/invoke.headers" -X POST "$LAMBDA_URL/2015-03-31/functions/$FUNCTION/invocations" \
  --data-binary @"$WORK/invoke.json")" || fail "invoking '$FUNCTION' on lambda-local failed; see $LOGS/lambda-local.log"
if grep -qi '^x-amz-function-error' "$WORK/invoke.headers"; then
  fail "function '$FUNCTION' failed its first invoke: $(echo "$INVOKE" | head -c 300); see $LOGS/lambda-local.log"
fi
say "lambda-local: $LAMBDA_URL (pid $LAMBDA_PID); GET $FIRST_PATH as an event -> $(echo "$INVOKE" | head -c 160)"

step "Put the gateway in front" "the candidate's routes seeded from the report, all still answered by the monolith"
ROUTES_FILE="$WORK/routes.yml"
show_command "./strangler routes seed --from $REPORT --out $ROUTES_FILE"
run_logged seed "$ROOT/strangler" routes seed --from "$REPORT" --out "$ROUTES_FILE"
ROUTE_IDS="$(sed -n "s/^[[:space:]]*-[[:space:]]*id:[[:space:]]*[\"']\{0,1\}\($SERVICE-[a-z]*\)[\"']\{0,1\}[[:space:]]*$/\1/p" "$ROUTES_FILE" | tr '\n' ' ')"
ROUTE_IDS="${ROUTE_IDS% }"
[[ -n "$ROUTE_IDS" ]] || fail "no route of '$SERVICE' in $ROUTES_FILE"
GET_ROUTE="$SERVICE-get"
[[ " $ROUTE_IDS " == *" $GET_ROUTE "* ]] || fail "no route '$GET_ROUTE' in $ROUTES_FILE (routes: $ROUTE_IDS)"
show_command "./strangler gateway --routes $ROUTES_FILE --monolith $MONOLITH_URL --lambda-endpoint $LAMBDA_URL --port 0 --admin-port 0 --admin-token ... --invoke-timeout 120s"
launch gateway "$ROOT/strangler" gateway --routes "$ROUTES_FILE" --monolith "$MONOLITH_URL" --lambda-endpoint "$LAMBDA_URL" \
  --port 0 --admin-port 0 --admin-token "$TOKEN" --invoke-timeout 120s
GATEWAY_PID=$LAUNCHED_PID
ADMIN_PORT="$(wait_for_log gateway "$GATEWAY_PID" 'Admin API listening on [0-9.]+:[0-9]+' "its admin port" | grep -Eo '[0-9]+$')"
GATEWAY_PORT="$(wait_for_log gateway "$GATEWAY_PID" 'Netty started on port [0-9]+' "its HTTP port" | grep -Eo '[0-9]+$')"
GATEWAY_URL="http://127.0.0.1:$GATEWAY_PORT"
ADMIN_URL="http://127.0.0.1:$ADMIN_PORT"
wait_for_http gateway "$GATEWAY_PID" "$GATEWAY_URL/api/products" 200
say "gateway: $GATEWAY_URL, admin API $ADMIN_URL (pid $GATEWAY_PID)"
say "$(grep -c '^[[:space:]]*- id:' "$ROUTES_FILE") routes seeded, all to the monolith; those of '$SERVICE': $ROUTE_IDS"
traffic "monolith only" "0 %" "-"

step "Shadow traffic" "the monolith still answers every request; a copy of each goes to the function and the answers are compared"
change set "$GET_ROUTE" --lambda "$FUNCTION" --weight 0
change shadow "$GET_ROUTE" 100
traffic "shadow" "0 %" "100 %"
show_command "./strangler routes list"
show_routes

step "Canary: half of the requests to the function" "about half answered by the function, half by the monolith"
change shadow "$GET_ROUTE" 0
change set "$GET_ROUTE" --weight 50
traffic "canary" "50 %" "-"

step "Promote" "every request answered by the function"
change promote "$GET_ROUTE"
traffic "promoted" "100 %" "-"

step "Roll back" "every request back on the monolith, at once, without a restart"
change rollback "$GET_ROUTE"
traffic "rolled back" "0 %" "-"

echo
echo "== Summary: '$SERVICE' moved out of the monolith and back, route $GET_ROUTE"
printf '   %-2s %-22s %7s %7s %9s %9s %9s %7s %10s  %s\n' "#" "step" "weight" "shadow" "requests" "monolith" "function" \
  "errors" "fallbacks" "shadow matches"
for row in "${SUMMARY[@]}"; do
  echo "   $row"
done
echo "   The gateway's own figures, since it started:"
show_command "./strangler routes list"
show_routes
echo "   Audit log of the route changes: $ROUTES_FILE.audit.log"
echo "Demo complete."

if [[ "$KEEP_RUNNING" == true ]]; then
  echo
  echo "Still running, until Ctrl-C: monolith $MONOLITH_URL, lambda-local $LAMBDA_URL, gateway $GATEWAY_URL"
  echo "  export STRANGLER_ADMIN_URL=$ADMIN_URL STRANGLER_ADMIN_TOKEN=$TOKEN; ./strangler routes list"
  launch keep-running sleep 2147483647
  wait "$LAUNCHED_PID" || true
fi
