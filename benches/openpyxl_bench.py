#!/usr/bin/env python3
"""Load the benchmark workbook with Python openpyxl and compare with gongkai.

Run the Rust benchmark first; it writes the workbook and criterion's estimates:

    cargo bench -p gongkai --bench import
    python3 -m venv .venv-bench && .venv-bench/bin/pip install openpyxl
    .venv-bench/bin/python benches/openpyxl_bench.py

openpyxl is timed the way an analyst would read the table: load_workbook() in its default mode
and in read_only mode, then every cell value of every row (values only, no validation at all),
best of several runs. gongkai's time is criterion's mean for import + validate.
"""

import json
import pathlib
import statistics
import sys
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent
XLSX = ROOT / "target" / "bench-data" / "catalogue-10000.xlsx"
CRITERION = ROOT / "target" / "criterion" / "import"


def criterion_mean(name):
    est = CRITERION / name / "new" / "estimates.json"
    if not est.exists():
        return None
    return json.loads(est.read_text())["mean"]["point_estimate"] / 1e9


def load(read_only):
    import openpyxl

    wb = openpyxl.load_workbook(XLSX, read_only=read_only)
    ws = wb.worksheets[0]
    n = 0
    for row in ws.iter_rows(values_only=True):
        for v in row:
            if v is not None:
                n += 1
    wb.close()
    return n


def best_of(fn, runs):
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times), statistics.median(times)


def main():
    if not XLSX.exists():
        sys.exit(f"{XLSX} not found: run `cargo bench -p gongkai --bench import` first")
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    rust = criterion_mean("import_validate_xlsx_10000")
    rust_import = criterion_mean("import_xlsx_10000")
    print(f"workbook: {XLSX.name}, {XLSX.stat().st_size / 1024:.0f} KiB, cells read: {load(False)}")
    for mode, ro in (("openpyxl load_workbook()", False), ("openpyxl read_only=True", True)):
        best, med = best_of(lambda: load(ro), runs)
        line = f"{mode:<28} best {best * 1000:8.1f} ms  median {med * 1000:8.1f} ms"
        if rust:
            line += f"  ratio vs gongkai import+validate: {best / rust:5.1f}x"
        print(line)
    if rust:
        print(f"{'gongkai import+validate':<28} mean {rust * 1000:8.1f} ms (criterion)")
    if rust_import:
        print(f"{'gongkai import only':<28} mean {rust_import * 1000:8.1f} ms (criterion)")
    if not rust:
        print("criterion estimates not found: run `cargo bench -p gongkai --bench import` for the ratio")


if __name__ == "__main__":
    main()
