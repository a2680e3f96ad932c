"""gongkai's Python binding against the validators a Python user would otherwise pick.

    (cd bindings-python && maturin develop --release)   # a release build: debug is ~10x slower
    .venv/bin/pip install jsonschema fastjsonschema jsonschema-rs
    .venv/bin/python benches/python_bench.py [--items 10000] [--small 1000] [--small-items 30]

Inputs come from benches/gen_catalogue.py (realistic valid catalogues, ~900 bytes of JSON per
item), given to every validator as JSON text. All the others use the published schema
(schema/catalogue.schema.json) after `json.loads`; gongkai also runs the legal rules. Each time is
the best of several runs; ratios are the other's time over gongkai's (higher = gongkai faster).
Not a test: nothing here asserts a time.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import threading
import time
from pathlib import Path
from typing import Any, Callable

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import gongkai  # noqa: E402
from gen_catalogue import generate  # noqa: E402

SCHEMA = json.loads((HERE.parent / "schema" / "catalogue.schema.json").read_text(encoding="utf-8"))


def best(f: Callable[[], Any], budget: float = 2.0, max_runs: int = 7) -> float:
    """Best wall time of `f` over up to `max_runs` runs or about `budget` seconds."""
    times: list[float] = []
    start = time.perf_counter()
    while len(times) < max_runs and (not times or time.perf_counter() - start < budget):
        t0 = time.perf_counter()
        f()
        times.append(time.perf_counter() - t0)
    return min(times)


def competitors() -> dict[str, Callable[[str], bool]]:
    """name → function(JSON text) → valid?"""
    out: dict[str, Callable[[str], bool]] = {}
    out["gongkai.validate"] = lambda text: gongkai.validate(text).valid
    try:
        import jsonschema_rs

        rs = jsonschema_rs.Draft202012Validator(SCHEMA, validate_formats=True)
        out["json.loads + jsonschema_rs"] = lambda text: rs.is_valid(json.loads(text))
    except Exception as e:  # noqa: BLE001 - report and go on
        print(f"jsonschema_rs unavailable: {e!r}", file=sys.stderr)
    try:
        import fastjsonschema

        fast = fastjsonschema.compile(SCHEMA)

        def fast_valid(text: str) -> bool:
            try:
                fast(json.loads(text))
                return True
            except fastjsonschema.JsonSchemaException:
                return False

        out["json.loads + fastjsonschema"] = fast_valid
    except Exception as e:  # noqa: BLE001
        print(f"fastjsonschema unavailable: {e!r}", file=sys.stderr)
    try:
        import jsonschema

        py = jsonschema.Draft202012Validator(
            SCHEMA, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
        )
        out["json.loads + jsonschema"] = lambda text: not any(True for _ in py.iter_errors(json.loads(text)))
    except Exception as e:  # noqa: BLE001
        print(f"jsonschema unavailable: {e!r}", file=sys.stderr)
    return out


def table(title: str, results: dict[str, float], unit: str) -> None:
    base = results["gongkai.validate"]
    print(f"\n{title}")
    print(f"  {'validator':<32} {unit:>12} {'ratio':>9}")
    for name, t in sorted(results.items(), key=lambda kv: kv[1]):
        print(f"  {name:<32} {t * 1000:>12.2f} {t / base:>8.1f}×")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--items", type=int, default=10_000, help="items of the big catalogue")
    ap.add_argument("--small", type=int, default=1_000, help="number of small catalogues")
    ap.add_argument("--small-items", type=int, default=30, help="items of each small catalogue")
    ap.add_argument(
        "--file",
        type=Path,
        help="the big catalogue as a JSON file, e.g. from the Rust generator "
        "(`cargo run --release -p gongkai --example generate -- 10000 > big.json`, clean under "
        "every rule, the same input as `cargo bench`); the small ones are slices of it",
    )
    args = ap.parse_args()

    build = getattr(gongkai._gongkai, "_BUILD", "?")
    print(f"gongkai {gongkai.__version__} ({build} build), Python {sys.version.split()[0]}, "
          f"{os.cpu_count()} CPUs; inputs from {args.file or 'benches/gen_catalogue.py'}")
    if build != "release":
        print("WARNING: not a release build; run `maturin develop --release` first", file=sys.stderr)

    if args.file:
        big_doc = json.loads(args.file.read_text(encoding="utf-8"))
        args.items = len(big_doc["items"])
        pool, k = big_doc["items"], args.small_items
        smalls = [
            json.dumps(
                dict(big_doc, items=[pool[(s * k + j) % len(pool)] for j in range(k)]),
                ensure_ascii=False,
            )
            for s in range(args.small)
        ]
    else:
        big_doc = generate(args.items)
        smalls = [json.dumps(generate(args.small_items, seed=s), ensure_ascii=False) for s in range(args.small)]
    big = json.dumps(big_doc, ensure_ascii=False)
    print(f"big: {args.items} items, {len(big.encode()) / 1e6:.1f} MB; "
          f"small: {args.small} × {args.small_items} items, "
          f"{sum(len(s.encode()) for s in smalls) / 1e6:.1f} MB in all")

    fns = competitors()
    for name, f in fns.items():
        ok = f(big) and all(f(s) for s in smalls[:20])
        print(f"  {name}: inputs {'valid' if ok else 'NOT VALID (check the generator)'}")

    slow = "json.loads + jsonschema"  # seconds per run: once is enough
    big_t = {}
    for name, f in fns.items():
        big_t[name] = best(lambda f=f: f(big), max_runs=1 if name == slow else 7)
    table(f"One {args.items}-item catalogue (JSON text)", big_t, "ms")

    small_t = {}
    for name, f in fns.items():
        small_t[name] = best(lambda f=f: [f(s) for s in smalls], max_runs=1 if name == slow else 5)
    table(f"{args.small} catalogues of {args.small_items} items, one call each", small_t, "ms total")

    print("\nMore gongkai (same inputs):")
    t_dict = best(lambda: gongkai.validate(big_doc))
    print(f"  validate(dict) of the big catalogue     {t_dict * 1000:9.2f} ms "
          f"(the dict is first serialised by the stdlib JSON encoder)")
    t_bytes = best(lambda b=big.encode(): gongkai.validate(b))
    print(f"  validate(bytes) of the big catalogue    {t_bytes * 1000:9.2f} ms")
    t_many = best(lambda: gongkai.validate_many(smalls))
    print(f"  validate_many(small texts), {os.cpu_count()} threads {t_many * 1000:9.2f} ms "
          f"({small_t['gongkai.validate'] / t_many:.1f}× the one-by-one loop)")
    data = big.encode()

    def two_threads() -> None:
        ts = [threading.Thread(target=gongkai.validate, args=(data,)) for _ in range(2)]
        for t in ts:
            t.start()
        for t in ts:
            t.join()

    t_two = best(two_threads)
    print(f"  two Python threads, one big each        {t_two * 1000:9.2f} ms "
          f"(one alone: {t_bytes * 1000:.2f} ms; 2.0× would be no parallelism)")

    print("\nTargets: ≥100× Python jsonschema, ≥2× jsonschema_rs")
    for label, res in (("big", big_t), ("small", small_t)):
        g = res["gongkai.validate"]
        parts = [f"{n.split(' + ')[-1]} {t / g:.1f}×" for n, t in res.items() if n != "gongkai.validate"]
        print(f"  {label}: " + ", ".join(parts))


if __name__ == "__main__":
    main()
