#!/usr/bin/env bash
# A/B of the engine's own overhead between two commits, on the in-memory backend, interleaved so that both see the
# same machine: builds the benchmark harness of each commit into a temporary folder, then runs HelloCities5
# (N_HELLO workflows, default 1000) and the fan-out, RUNS times each (default 10), alternating A and B, and prints the
# median and best throughput and the process CPU seconds (user+sys) of each. CPU time moves less than wall time when
# other work shares the machine; neither is a substitute for the kit's table on a quiet machine.
# Usage: bash benchmarks/ab.sh <commit A> <commit B>
set -euo pipefail
cd "$(dirname "$0")/.."
a=${1:?commit A}; b=${2:?commit B}
runs=${RUNS:-10}
work=$(mktemp -d)
trap 'git worktree remove --force "$work/src-a" >/dev/null 2>&1 || true; git worktree remove --force "$work/src-b" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
for side in a b; do
  commit=$([ "$side" = a ] && echo "$a" || echo "$b")
  git worktree add --detach -q "$work/src-$side" "$commit"
  dotnet build "$work/src-$side/benchmarks/Dealix.Benchmarks" -c Release -v q --nologo -o "$work/out-$side" >/dev/null
done
for i in $(seq 1 "$runs"); do
  for side in a b; do
    for w in hello fanout; do
      /usr/bin/time -f "%U %S" -o "$work/cpu-$side-$w-$i" env WORKLOADS=$w dotnet "$work/out-$side/Dealix.Benchmarks.dll" \
        --backend inmemory --result "$work/res-$side-$w-$i.json" >/dev/null 2>&1
    done
  done
done
python3 - "$work" "$runs" "$a" "$b" <<'PY'
import json, statistics, sys
work, runs, a, b = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
print(f"{'side':6} {'workload':8} {'figure':12} {'median':>10} {'best':>10} {'cpu s (median)':>15}")
for side, commit in (("a", a), ("b", b)):
    for w, key, fig in (("hello", "hello", "workflows_per_s"), ("fanout", "fanout", "steps_per_s")):
        xs = [json.load(open(f"{work}/res-{side}-{w}-{i}.json"))["workloads"][key][fig] for i in range(1, runs + 1)]
        cpu = [sum(map(float, open(f"{work}/cpu-{side}-{w}-{i}").read().split()[-2:])) for i in range(1, runs + 1)]
        print(f"{side}={commit[:7]:<4} {w:8} {fig:12} {statistics.median(xs):10.0f} {max(xs):10.0f} {statistics.median(cpu):15.2f}")
PY
