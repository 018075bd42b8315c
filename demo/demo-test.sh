#!/usr/bin/env bash
# Tests ./strangler demo end to end, twice, as a user runs it:
#  1. to its end: exit code 0, the summary's rows with per-side counts that add up, and no process left running;
#  2. interrupted with SIGINT (Ctrl-C) once the monolith, lambda-local and the gateway run: exit code 130 and no
#     process left running.
# "No process left" is checked by the process groups the demo wrote to <work>/pids: each started process leads its
# own group (the demo runs with job control), and what it started itself (Maven, function JVMs) stays in that group.
# Run after the Maven build (.ci/run does); about 5 to 10 minutes on 2 cores.
set -euo pipefail
# job control: the demo started below does not get SIGINT ignored, as background jobs of a plain script would
set -m

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
REQUESTS=20
RUN_TIMEOUT="${STRANGLER_DEMO_TEST_TIMEOUT:-1200}"
STAMP="$(date -u +%Y%m%d-%H%M%S)"
FAILURES=0

check() {
  local what="$1"
  shift
  if "$@"; then
    echo "  ok    $what"
  else
    echo "  FAIL  $what"
    FAILURES=$((FAILURES + 1))
  fi
}

# Runs the demo in the background; sets DEMO_PID. Output in $1/demo.out.
start_demo() {
  local work="$1"
  mkdir -p "$work"
  "$ROOT/strangler" demo --requests "$REQUESTS" --work "$work" </dev/null >"$work/demo.out" 2>&1 &
  DEMO_PID=$!
}

# Waits for the demo to end (killing it after RUN_TIMEOUT); sets DEMO_STATUS.
wait_demo() {
  local deadline=$((SECONDS + RUN_TIMEOUT))
  while kill -0 "$DEMO_PID" 2>/dev/null && (( SECONDS < deadline )); do
    sleep 1
  done
  if kill -0 "$DEMO_PID" 2>/dev/null; then
    echo "  FAIL  the demo did not end within $RUN_TIMEOUT s; killing it"
    FAILURES=$((FAILURES + 1))
    kill -TERM "$DEMO_PID" 2>/dev/null || true
  fi
  DEMO_STATUS=0
  wait "$DEMO_PID" || DEMO_STATUS=$?
}

# True when no process of any group the demo started is alive; lists the survivors otherwise (and kills them).
nothing_left_running() {
  local work="$1" name pgid survivors=""
  [[ -s "$work/pids" ]] || { echo "        no $work/pids written"; return 1; }
  while read -r name pgid; do
    if kill -0 -- "-$pgid" 2>/dev/null || kill -0 "$pgid" 2>/dev/null; then
      survivors="$survivors $name(pgid $pgid)"
      kill -KILL -- "-$pgid" 2>/dev/null || true
    fi
  done <"$work/pids"
  [[ -z "$survivors" ]] || { echo "        still running:$survivors"; return 1; }
}

# The summary row of a step: "<#> <label> <weight> <shadow> <requests> <monolith> <function> <errors> <fallbacks> ..."
row() {
  grep -E "^   [0-9]+ +$2 " "$1/demo.out" | tail -n 1
}

column() {
  # fields after the label (labels have one or two words): weight %, shadow, requests, monolith, function, ...
  row "$1" "$2" | sed -E "s/^ *[0-9]+ +$2 +//" | awk -v n="$3" '{ gsub(/ %/, "%"); print $n }'
}

shows() { grep -qF -- "$2" "$1/demo.out"; }
equals() { [[ "$1" == "$2" ]] || { echo "        expected '$2', but was '$1'"; return 1; }; }
positive() { [[ "$1" =~ ^[0-9]+$ ]] && (( $1 > 0 )) || { echo "        expected a positive count, but was '$1'"; return 1; }; }
log_exists() { [[ -s "$1/logs/$2.log" ]] || { echo "        no log $1/logs/$2.log"; return 1; }; }

echo "demo test 1: the whole journey"
WORK1="$ROOT/target/demo-test-$STAMP-complete"
start_demo "$WORK1"
wait_demo
check "exit code 0 (was $DEMO_STATUS; output in $WORK1/demo.out)" equals "$DEMO_STATUS" 0
check "says the demo is complete" shows "$WORK1" "Demo complete."
check "prints a summary" shows "$WORK1" "== Summary"
for label in "monolith only" "shadow" "canary" "promoted" "rolled back"; do
  check "summary row '$label' sent $REQUESTS requests" equals "$(column "$WORK1" "$label" 3)" "$REQUESTS"
done
check "before moving, the monolith answers every request" equals "$(column "$WORK1" "monolith only" 4)" "$REQUESTS"
check "in shadow, the monolith answers every request" equals "$(column "$WORK1" "shadow" 4)" "$REQUESTS"
check "in shadow, every copy reaches the function and is compared or counted" \
  positive "$(row "$WORK1" shadow | grep -Eo '[0-9]+/[0-9]+ \(' | cut -d/ -f2 | tr -d ' (')"
check "at 50 %, the monolith answers some requests" positive "$(column "$WORK1" canary 4)"
check "at 50 %, the function answers some requests" positive "$(column "$WORK1" canary 5)"
check "promoted, the function answers every request" equals "$(column "$WORK1" promoted 5)" "$REQUESTS"
check "promoted, no function error" equals "$(column "$WORK1" promoted 6)" 0
check "rolled back, the monolith answers every request" equals "$(column "$WORK1" "rolled back" 4)" "$REQUESTS"
check "rolled back, the function answers none" equals "$(column "$WORK1" "rolled back" 5)" 0
for name in analyze monolith lambda-local gateway; do
  check "the $name log is kept" log_exists "$WORK1" "$name"
done
check "says where the logs are" shows "$WORK1" "Logs of every process: $WORK1/logs"
check "no process it started is left running" nothing_left_running "$WORK1"

echo "demo test 2: Ctrl-C while everything runs"
WORK2="$ROOT/target/demo-test-$STAMP-interrupted"
start_demo "$WORK2"
deadline=$((SECONDS + RUN_TIMEOUT))
until grep -q "^== 6\." "$WORK2/demo.out" 2>/dev/null || ! kill -0 "$DEMO_PID" 2>/dev/null || (( SECONDS >= deadline )); do
  sleep 0.5
done
check "reached the traffic steps with monolith, lambda-local and gateway running" shows "$WORK2" "== 6."
kill -INT "$DEMO_PID" 2>/dev/null || true
wait_demo
check "exit code 130 after SIGINT (was $DEMO_STATUS; output in $WORK2/demo.out)" equals "$DEMO_STATUS" 130
check "says it was interrupted" shows "$WORK2" "interrupted; stopping everything it started"
check "names what it stopped" shows "$WORK2" "Stopped gateway"
check "no process it started is left running" nothing_left_running "$WORK2"

if (( FAILURES > 0 )); then
  echo "demo test: $FAILURES check(s) failed"
  exit 1
fi
echo "demo test: all checks passed"
