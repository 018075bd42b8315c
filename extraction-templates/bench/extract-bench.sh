#!/usr/bin/env bash
# Times ./strangler extract on the sample monolith's largest candidates, from a fresh clone.
# The figure is the command's own "in N ms" line: from the start of its run (the JVM is up) to the project written.
# Usage: extraction-templates/bench/extract-bench.sh [runs]   (default 5 runs per candidate)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
RUNS="${1:-5}"
OUT="$ROOT/extraction-templates/target/bench"
cd "$ROOT"

if [[ ! -f reports/legacy-sample-monolith/decomposition.json ]]; then
  ./strangler analyze legacy-sample-monolith >/dev/null
fi
./strangler extract --help >/dev/null   # builds the module on first use

for service in products orders; do
  times=()
  for run in $(seq 1 "$RUNS"); do
    rm -rf "$OUT/$service"
    line="$(./strangler extract --report reports/legacy-sample-monolith --service "$service" \
      --source legacy-sample-monolith --out "$OUT/$service" 2>&1 >/dev/null | grep -E '^strangler extract: .* in [0-9]+ ms$' || true)"
    times+=("$(sed -E 's/.* in ([0-9]+) ms/\1/' <<<"$line")")
  done
  sorted="$(printf '%s\n' "${times[@]}" | sort -n)"
  echo "$service: runs (ms) ${times[*]}; median $(sed -n "$(( (RUNS + 1) / 2 ))p" <<<"$sorted") ms, best $(head -1 <<<"$sorted") ms"
done
