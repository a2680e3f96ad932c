"""The shared fixture suite (tests/cases, format in tests/README.md) through the Python API:
exactly the expected codes, paths and verdicts, whatever form the input takes."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

import gongkai
import pytest

from conftest import CASES, case_files, load_case

CASE_FILES = case_files()


def test_the_fixture_suite_is_not_empty() -> None:
    assert CASE_FILES, f"no fixtures under {CASES}"


def inputs(case: dict[str, Any], tmp_path: Path) -> list[tuple[str, Any]]:
    """Every form the same document can be given in; all must give the same result."""
    forms: list[tuple[str, Any]] = []
    if "catalogue" in case:
        doc = case["catalogue"]
        text = json.dumps(doc, ensure_ascii=False, indent=2)
        forms += [("dict", doc), ("str", text), ("bytes", text.encode("utf-8"))]
        raw = text.encode("utf-8")
    else:
        text = case["catalogue_text"]
        raw = text.encode("utf-8", "surrogatepass")
        forms.append(("bytes", raw))
        if text.lstrip().startswith(("{", "[")):
            forms.append(("str", text))
    file = tmp_path / "catalogue.json"
    file.write_bytes(raw)
    forms += [("Path", file), ("str path", str(file))]
    return forms


@pytest.mark.parametrize("path", CASE_FILES, ids=[str(p.relative_to(CASES)) for p in CASE_FILES])
def test_case(path: Path, tmp_path: Path) -> None:
    case = load_case(path)
    expected = case["expected"]
    options = case.get("options") or {}
    want = Counter((i["code"], i["path"]) for i in expected.get("issues", []))
    first = None
    for form, data in inputs(case, tmp_path):
        if expected.get("error"):
            with pytest.raises(gongkai.Error) as info:
                gongkai.validate(data, **options)
            assert info.value.code == expected["error"], form
            continue
        report = gongkai.validate(data, **options)
        got = Counter((i.code, i.path) for i in report.issues)
        assert got == want, f"{form}: got {sorted(got.elements())}"
        # A near miss: codes the case comes close to but must not give.
        fired = {i.code for i in report.issues} & set(case.get("near_miss", []))
        assert not fired, f"{form}: near misses that fire: {sorted(fired)}"
        assert report.valid is expected["valid"], form
        if first is None:
            first = report
        assert report == first, f"{form} differs from {first!r}"
