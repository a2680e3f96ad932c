"""The benchmark script and its generator keep working (tiny sizes; no time is asserted)."""

from __future__ import annotations

import json
import subprocess
import sys

import gongkai
import pytest

from conftest import REPO

sys.path.insert(0, str(REPO / "benches"))
from gen_catalogue import generate  # noqa: E402


@pytest.mark.parametrize("n", [1, 30, 200])
def test_generated_catalogues_are_valid(n: int) -> None:
    doc = generate(n, seed=n)
    report = gongkai.validate(doc)
    assert report.valid and report.items == n, report
    assert len({i["id"] for i in doc["items"]}) == n
    size = len(json.dumps(doc, ensure_ascii=False).encode("utf-8"))
    if n >= 30:
        assert 600 < size / n < 1200  # "about 800 bytes of JSON per item"


def test_bench_runs() -> None:
    pytest.importorskip("jsonschema_rs")
    pytest.importorskip("fastjsonschema")
    done = subprocess.run(
        [sys.executable, str(REPO / "benches" / "python_bench.py"),
         "--items", "20", "--small", "2", "--small-items", "3"],
        capture_output=True, text=True, timeout=600,
    )
    assert done.returncode == 0, done.stderr
    out = done.stdout
    assert "NOT VALID" not in out
    for name in ("gongkai.validate", "jsonschema_rs", "fastjsonschema", "json.loads + jsonschema"):
        assert name in out
    assert "Targets:" in out
