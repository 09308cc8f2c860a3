#!/usr/bin/env python3
"""This engine's figures in new peers-kit run folders against a previously recorded table.

Reads the previous table (the first Markdown table in FILE whose header names dealix-azurite) for the columns
dealix-azurite and dealix-inmemory, and the same figures from RUN_DIR/engine.json (dealix-azurite) and
RUN_DIR/dealix-inmemory.json of each new run. Prints, per figure: previous median [range] as recorded, the new median
[range], the change of the medians in percent, and whether the new range overlaps the previous one. Throughput
figures (workflows/s, steps/s) are checked against the bound of issue 11 (at most 10 % lower).
Usage: python3 benchmarks/compare-previous.py PREVIOUS_RESULTS_MD RUN_DIR [RUN_DIR ...]
"""
import json
import re
import statistics
import sys
from pathlib import Path

# (row label in the table's workload column prefix, figure column text, JSON path, kind)
FIGURES = [
    ("(a)", "workflows/s", "hello.workflows_per_s", "throughput"),
    ("(a)", "steps/s", "hello.steps_per_s", "throughput"),
    ("(b)", "steps/s", "fanout.steps_per_s", "throughput"),
    ("(c)", "lateness p50 ms", "timers.lateness.p50_ms", "latency"),
    ("(c)", "lateness p99 ms", "timers.lateness.p99_ms", "latency"),
    ("(c)", "lateness max ms", "timers.lateness.max_ms", "latency"),
    ("(d)", "p50 ms", "roundtrip.p50_ms", "latency"),
    ("(d)", "p99 ms", "roundtrip.p99_ms", "latency"),
    ("(d)", "max ms", "roundtrip.max_ms", "latency"),
]
COLUMNS = {"dealix-azurite": "engine.json", "dealix-inmemory": "dealix-inmemory.json"}


def number(text):
    return float(text.replace(",", ""))


def parse_cell(cell):
    m = re.match(r"\s*([\d.,]+)\s*\[([\d.,]+)–([\d.,]+)\]", cell)
    if not m:
        raise SystemExit(f"cannot read cell {cell!r}")
    return number(m.group(1)), number(m.group(2)), number(m.group(3))


def previous_table(path):
    lines = Path(path).read_text(encoding="utf-8").splitlines()
    for i, line in enumerate(lines):
        if line.startswith("| workload | figure |") and "dealix-azurite" in line:
            header = [c.strip() for c in line.strip("|").split("|")]
            index = {}
            for name in COLUMNS:
                index[name] = next(k for k, h in enumerate(header) if h.startswith(name + ":"))
            table = {}
            group = ""
            for row in lines[i + 2:]:
                if not row.startswith("|"):
                    break
                cells = [c.strip() for c in row.strip("|").split("|")]
                if cells[0]:
                    group = cells[0][:3]
                for name, k in index.items():
                    if "[" in cells[k]:
                        table[(name, group, cells[1])] = parse_cell(cells[k])
            return table
    raise SystemExit(f"no table with dealix-azurite in {path}")


def get(obj, path):
    for key in path.split("."):
        obj = obj[key]
    return obj


def fmt(x):
    return f"{x:,.0f}" if abs(x) >= 100 else f"{x:.1f}" if abs(x) >= 10 else f"{x:.2f}"


def main(previous_path, runs):
    previous = previous_table(previous_path)
    print("| column | workload | figure | previous median [range] | new median [range] | change of median | ranges overlap | ≤10 % throughput loss |")
    print("|---|---|---|---:|---:|---:|---|---|")
    for name, file in COLUMNS.items():
        results = [json.loads((Path(r) / file).read_text()) for r in runs if (Path(r) / file).exists()]
        for group, figure, path, kind in FIGURES:
            values = [get(j["workloads"], path) for j in results]
            new_median = statistics.median(values)
            p_med, p_lo, p_hi = previous[(name, group, figure)]
            change = (new_median - p_med) / p_med * 100
            overlap = "yes" if min(values) <= p_hi and max(values) >= p_lo else "no"
            bound = ("holds" if change >= -10 else "BROKEN") if kind == "throughput" else ""
            print(f"| {name} | {group} | {figure} | {fmt(p_med)} [{fmt(p_lo)}–{fmt(p_hi)}] | "
                  f"{fmt(new_median)} [{fmt(min(values))}–{fmt(max(values))}] | {change:+.1f} % | {overlap} | {bound} |")


if __name__ == "__main__":
    if len(sys.argv) < 3:
        raise SystemExit(__doc__)
    main(sys.argv[1], sys.argv[2:])
