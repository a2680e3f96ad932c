"""The GIL is released while reading, parsing and validating.

Deterministic, not timed: a thread validates a named pipe (FIFO), and only another Python thread
of the same interpreter writes the catalogue into it. If the GIL were held during the native
call, the writer could never run and the call would never return (the subprocess timeout turns
that deadlock into a failure). Reading, parsing and validating are one detached closure in the
binding, for paths and for bytes alike.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from pathlib import Path

import gongkai
import pytest

from conftest import valid_catalogue

needs_fifo = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs os.mkfifo")

ONE = r"""
import json, sys, threading, gongkai
fifo, text = sys.argv[1], open(sys.argv[2], encoding="utf-8").read()
out = {}
reader = threading.Thread(target=lambda: out.update(report=gongkai.validate(fifo)))
reader.start()
with open(fifo, "w", encoding="utf-8") as f:   # this thread needs the GIL to get here
    f.write(text)
reader.join()
print("valid" if out["report"].valid else "invalid")
"""

MANY = r"""
import json, sys, threading, gongkai
fifos, text = sys.argv[1:-1], open(sys.argv[-1], encoding="utf-8").read()
def write():
    for fifo in fifos:
        with open(fifo, "w", encoding="utf-8") as f:
            f.write(text)
writer = threading.Thread(target=write)
writer.start()
reports = gongkai.validate_many(fifos, workers=len(fifos))   # the writer runs meanwhile
writer.join()
print(" ".join("valid" if r.valid else "invalid" for r in reports))
"""


def run(script: str, args: list[str]) -> str:
    try:
        done = subprocess.run(
            [sys.executable, "-c", script, *args], capture_output=True, text=True, timeout=120
        )
    except subprocess.TimeoutExpired:
        pytest.fail("deadlock: the native call kept the GIL, so the writer thread never ran")
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


@needs_fifo
def test_validate_releases_the_gil(tmp_path: Path) -> None:
    fifo = tmp_path / "catalogue.json"
    os.mkfifo(fifo)
    text = tmp_path / "text"
    text.write_text(json.dumps(valid_catalogue(), ensure_ascii=False), encoding="utf-8")
    assert run(ONE, [str(fifo), str(text)]) == "valid"


@needs_fifo
def test_validate_many_releases_the_gil(tmp_path: Path) -> None:
    fifos = [tmp_path / f"{n}.json" for n in range(3)]
    for f in fifos:
        os.mkfifo(f)
    text = tmp_path / "text"
    text.write_text(json.dumps(valid_catalogue(), ensure_ascii=False), encoding="utf-8")
    assert run(MANY, [*map(str, fifos), str(text)]) == "valid valid valid"


def test_one_validator_shared_by_threads_gives_identical_reports() -> None:
    v = gongkai.Validator(lang="en")
    docs = []
    for n in range(8):
        c = valid_catalogue()
        c["items"][0]["id"] = str(n)
        if n % 2:
            c["items"][0]["channels"] = ["service_center"]
        docs.append(json.dumps(c))
    expected = [v.validate(d) for d in docs]
    results: list[list[gongkai.Report]] = [[] for _ in range(4)]

    def work(k: int) -> None:
        for _ in range(25):
            results[k].extend(v.validate(d) for d in docs)

    threads = [threading.Thread(target=work, args=(k,)) for k in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    for r in results:
        assert r == expected * 25


# audit, diff, consistency and Calendar.from_csv read their files in the same detached closure
# as they work: a FIFO written by another Python thread proves the GIL is released.
FEED = r"""
import sys, threading, pathlib, gongkai
fifo, text, call = sys.argv[1], open(sys.argv[2], encoding="utf-8").read(), sys.argv[3]
args = sys.argv[4:]
out = {}
def work():
    if call == "audit":
        out["r"] = gongkai.audit(args[0], pathlib.Path(fifo), today="2024-12-31").overall["records"]
    elif call == "diff":
        out["r"] = gongkai.diff("municipal_services", pathlib.Path(fifo)).coverage.matched
    elif call == "consistency":
        out["r"] = gongkai.consistency(pathlib.Path(fifo), args[0]).coverage.matched
    else:
        out["r"] = gongkai.Calendar.from_csv(pathlib.Path(fifo)).years[-1]
reader = threading.Thread(target=work)
reader.start()
with open(fifo, "w", encoding="utf-8") as f:   # this thread needs the GIL to get here
    f.write(text)
reader.join()
print(out["r"])
"""


@needs_fifo
@pytest.mark.parametrize(
    ("call", "fifo_name", "source", "extra", "answer"),
    [
        ("audit", "records.csv", "tests/audit/records.csv", ["tests/audit/catalogue.json"], "25"),
        ("diff", "local.json", "tests/diff/weakened.json", [], "8"),
        ("consistency", "county.json", "tests/diff/consistency-county.json", ["tests/diff/consistency-village.json"], "3"),
        ("calendar", "holidays.csv", "data/cn-holidays.csv", [], "2026"),
    ],
)
def test_audit_diff_and_calendar_release_the_gil(
    tmp_path: Path, call: str, fifo_name: str, source: str, extra: list[str], answer: str
) -> None:
    from conftest import REPO

    fifo = tmp_path / fifo_name
    os.mkfifo(fifo)
    args = [str(fifo), str(REPO / source), call, *(str(REPO / e) for e in extra)]
    assert run(FEED, args) == answer
