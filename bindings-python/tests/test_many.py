"""validate_many: parallel in Rust, results in input order, failures in their slots."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import gongkai
import pytest

from conftest import invalid_catalogue, valid_catalogue


@pytest.fixture
def folder(tmp_path: Path) -> list[Path]:
    """Twelve files: valid, invalid (its item id is the file number), one not JSON, one missing."""
    paths = []
    for n in range(12):
        p = tmp_path / f"{n:02}.json"
        if n == 5:
            p.write_text('{"title": ', encoding="utf-8")
        elif n == 9:
            pass  # missing
        else:
            c = invalid_catalogue() if n % 2 else valid_catalogue()
            c["items"][0]["id"] = str(n)
            p.write_text(json.dumps(c, ensure_ascii=False), encoding="utf-8")
        paths.append(p)
    return paths


def comparable(results: list[Any]) -> list[Any]:
    """Exceptions do not compare equal: compare their class, code, path and message."""
    return [
        (type(r), r.code, r.path, str(r)) if isinstance(r, gongkai.Error) else r for r in results
    ]


def check(paths: list[Path], results: list[Any]) -> None:
    assert len(results) == len(paths)
    for n, (p, r) in enumerate(zip(paths, results)):
        if n == 5:
            assert isinstance(r, gongkai.Error)
            assert (r.code, r.path, r.line) == ("json", str(p), 1)
        elif n == 9:
            assert isinstance(r, gongkai.Error) and (r.code, r.path) == ("io", str(p))
        else:
            assert isinstance(r, gongkai.Report)
            assert r == gongkai.validate(p)
            assert r.valid is (n % 2 == 0)
            if not r.valid:
                assert {i.item_id for i in r.issues if i.item_id} == {str(n)}


@pytest.mark.parametrize("workers", [None, 1, 2, 7, 100])
def test_results_in_input_order(folder: list[Path], workers: int | None) -> None:
    check(folder, gongkai.validate_many(folder, workers=workers))


def test_any_iterable_of_any_input(folder: list[Path]) -> None:
    results = gongkai.validate_many(str(p) for p in folder)
    check(folder, results)
    mixed = gongkai.validate_many([valid_catalogue(), json.dumps(invalid_catalogue()), b"[]"])
    assert [type(r) for r in mixed] == [gongkai.Report, gongkai.Report, gongkai.Error]
    assert mixed[0].valid and not mixed[1].valid


def test_options(folder: list[Path]) -> None:
    results = gongkai.validate_many(folder, lang="en", min_severity="error")
    v = gongkai.Validator(lang="en", min_severity="error")
    assert comparable(results) == comparable(v.validate_many(folder))
    report = results[1]
    assert isinstance(report, gongkai.Report)
    assert report == v.validate(folder[1])
    assert {i.severity for i in report.issues} == {"error"}


def test_empty() -> None:
    assert gongkai.validate_many([]) == []
    assert gongkai.validate_many([], progress=True) == []


def test_one_input_is_refused_with_a_hint(folder: list[Path]) -> None:
    for one in (str(folder[0]), folder[0], b"{}"):
        with pytest.raises(TypeError, match="validate\\(\\)"):
            gongkai.validate_many(one)  # type: ignore[arg-type]


def test_bad_arguments(folder: list[Path]) -> None:
    with pytest.raises(gongkai.Error) as e:
        gongkai.validate_many(folder, workers=0)
    assert e.value.code == "invalid_argument"
    with pytest.raises(OverflowError):
        gongkai.validate_many(folder, workers=-1)
    with pytest.raises(TypeError):
        gongkai.validate_many(folder, 2)  # type: ignore[misc]
    with pytest.raises(TypeError):
        gongkai.validate_many([object()])


def test_progress_bar_on_stderr(folder: list[Path], capsys: pytest.CaptureFixture[str]) -> None:
    gongkai.validate_many(folder, progress=True, workers=2)
    out, err = capsys.readouterr()
    assert out == ""
    assert "12/12 100%" in err and err.endswith("\n") and err.startswith("\rgongkai [")
    gongkai.validate_many(folder)
    assert capsys.readouterr() == ("", "")


def test_a_panic_in_one_job_is_that_jobs_error() -> None:
    from gongkai import _gongkai

    text = json.dumps(valid_catalogue())
    results = _gongkai._panic_in_worker_for_test(text, 6, 3)
    assert len(results) == 6
    for n, r in enumerate(results):
        if n == 3:
            assert isinstance(r, gongkai.Error) and r.code == "internal"
            assert "deliberate panic" in str(r)
        else:
            assert isinstance(r, gongkai.Report) and r.valid
    assert gongkai.validate_many([text])[0].valid
