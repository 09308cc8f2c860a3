#!/usr/bin/env bash
# One command for the side-by-side table: builds the harness, then runs the peers kit (storage probe, DBOS,
# Restate, and `durabletask`: Microsoft's Durable Task Framework with DurableTask.AzureStorage on its own Azurite, the
# engine and provider under Durable Functions) with this engine added through PEERS_ENGINE_CMD, in the kit's
# loopback-only network namespace. The engine command runs the workloads on a fresh Azurite (engine.json) and on the
# in-memory backend (dealix-inmemory.json, the engine's own overhead), so both appear as columns next to the peers.
# Then it prints the storage bound of those runs (benchmarks/storage-bound.py).
# Nothing here narrows the kit's PEERS_ONLY: its default (storage,dbos,restate,durabletask) runs all four peers.
#   PEERS_RUNS=3 bash benchmarks/run.sh      # the recorded configuration (about 30 minutes, the DTFx peer ~4 of each 10)
#   PEERS_SKIP_INSTALL=1 PEERS_RUNS=3 bash benchmarks/run.sh   # with the kit already installed in PEERS_CACHE
#   PEERS_ONLY=storage bash benchmarks/run.sh   # any peers kit variable passes through
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
KIT="${PEERS_KIT_DIR:-$ROOT/../shared/peers}"
[[ -x "$KIT/run-all" ]] || { echo "benchmarks/run.sh: the peers kit is not at $KIT (set PEERS_KIT_DIR)" >&2; exit 2; }
OUT="$ROOT/benchmarks/out"
dotnet build -c Release -o "$OUT" "$ROOT/benchmarks/Dealix.Benchmarks" --nologo -v q
cat >"$OUT/engine-cmd.sh" <<EOS
#!/usr/bin/env bash
set -u
dotnet "$OUT/Dealix.Benchmarks.dll" --backend azurite --result "\$RESULT_FILE"; rc=\$?
dotnet "$OUT/Dealix.Benchmarks.dll" --backend inmemory --result "\$(dirname "\$RESULT_FILE")/dealix-inmemory.json" || rc=1
exit \$rc
EOS
chmod +x "$OUT/engine-cmd.sh"
RUNS_DIR="${PEERS_CACHE:-${TMPDIR:-/tmp}/peers-cache}/runs"
mkdir -p "$RUNS_DIR"
before="$(ls "$RUNS_DIR")"
rc=0
PEERS_ENGINE_CMD="bash $OUT/engine-cmd.sh" "$KIT/run-all" || rc=$?
# The storage bound of this invocation's runs: Azurite's probe rates against our storage calls per orchestration.
new_runs=()
for d in "$RUNS_DIR"/*; do
  name="$(basename "$d")"
  grep -qxF "$name" <<<"$before" && continue
  [[ -f "$d/storage.json" && -f "$d/engine.json" ]] && new_runs+=("$d")
done
if ((${#new_runs[@]})); then
  echo
  echo "Storage bound (benchmarks/storage-bound.py):"
  python3 "$ROOT/benchmarks/storage-bound.py" "${new_runs[@]}" || rc=1
fi
exit $rc
