#!/usr/bin/env python3
"""Storage bound of HelloCities5 on Azurite, from a peers-kit run folder (or several).

For each run: Azurite's raw rates from the storage probe (storage.json), this engine's storage calls per
HelloCities5 and its throughput (engine.json). Prints, per run and as the median over runs:
  - calls per orchestration (in-process client: the function host's case; client in its own backend);
  - bound A = table-upsert calls/s at concurrency 16 / calls per orchestration (every call as cheap as the
    cheapest single-entity call);
  - bound B = 1 / sum over call kinds of (calls of that kind / probe rate of the matching operation), i.e. the
    Azurite time one orchestration needs, each kind at its own measured rate (see PRICE);
  - measured HelloCities5 workflows/s and its ratio to each bound.
Usage: python3 benchmarks/storage-bound.py RUN_DIR [RUN_DIR ...]
"""
import json
import statistics
import sys
from pathlib import Path

# Probe operation (concurrency 16) whose calls/s price one request of each kind the harness counts. Transactions are
# priced as the probe's 10-row batch (ours carry 2-5 rows: this overstates their cost); every other request as the
# matching single-entity or single-message call. A queue receive is priced as one request (the harness's receives
# are mostly idle polls that return nothing); the probe's receive-32-and-delete cycle would overstate it.
PRICE = {
    "table POST": "table-batch10",
    "table PUT": "table-upsert",
    "table DELETE": "table-upsert",
    "table MERGE": "table-upsert",
    "table GET": "table-point-query",
    "queue POST": "queue-put",
    "queue GET": "queue-put",
    "queue DELETE": "queue-put",
    "queue PUT": "queue-put",
    "blob PUT": "blob-upload-1k",
    "blob GET": "blob-download-1k",
    "blob DELETE": "blob-upload-1k",
}


def rates(storage):
    out = {}
    for row in storage["rows"]:
        if row["conc"] == 16:
            out[row["op"]] = row["calls_per_s"]
    return out


def kinds(by_kind, prefix=""):
    out = {}
    for key, per_orchestration in by_kind.items():
        who, service, method = key.split(" ", 2)
        if prefix and who != prefix:
            continue
        kind = f"{service} {method}"
        out[kind] = out.get(kind, 0) + per_orchestration
    return out


def bound(calls, rate):
    seconds = 0.0
    for kind, n in calls.items():
        op = PRICE.get(kind)
        if op is None or op not in rate:
            raise SystemExit(f"no probe rate for {kind}")
        seconds += n / rate[op]
    return 1 / seconds


def main(folders):
    rows = []
    for folder in map(Path, folders):
        storage = json.loads((folder / "storage.json").read_text())
        engine = json.loads((folder / "engine.json").read_text())
        rate = rates(storage)
        w = engine["workloads"]
        sc = w["storage_calls"]
        local = kinds(sc["in_process_by_kind_per_orchestration"])
        remote = kinds(sc["by_kind_per_orchestration"])
        measured = w["hello"]["workflows_per_s"]
        n_local = sum(local.values())
        n_remote = sum(remote.values())
        rows.append({
            "run": folder.name,
            "upsert_c16": rate["table-upsert"],
            "calls_local": n_local,
            "calls_remote": n_remote,
            "bound_a": rate["table-upsert"] / n_local,
            "bound_b": bound(local, rate),
            "bound_b_remote": bound(remote, rate),
            "measured": measured,
        })

    print("| run | calls/orch. in-process | calls/orch. separate client | bound A (upsert c16 / calls) | bound B (per-kind rates) | bound B, separate client | HelloCities5 measured | measured / A | measured / B |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    for r in rows:
        print(f"| {r['run']} | {r['calls_local']:.2f} | {r['calls_remote']:.2f} | {r['bound_a']:.0f} | {r['bound_b']:.0f} | "
              f"{r['bound_b_remote']:.0f} | {r['measured']:.1f} | {r['measured'] / r['bound_a']:.2f} | {r['measured'] / r['bound_b']:.2f} |")
    if len(rows) > 1:
        med = {k: statistics.median(r[k] for r in rows) for k in rows[0] if k != "run"}
        print(f"| median | {med['calls_local']:.2f} | {med['calls_remote']:.2f} | {med['bound_a']:.0f} | {med['bound_b']:.0f} | "
              f"{med['bound_b_remote']:.0f} | {med['measured']:.1f} | {med['measured'] / med['bound_a']:.2f} | {med['measured'] / med['bound_b']:.2f} |")


if __name__ == "__main__":
    if len(sys.argv) < 2:
        raise SystemExit(__doc__)
    main(sys.argv[1:])
