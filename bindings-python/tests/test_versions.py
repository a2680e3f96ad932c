"""Catalogue versions through the public API, on the shared fixtures of `tests/versions/` (also
read by core/tests/changes.rs and cli/tests/versions.rs): `changes()` gives the same counts,
items and codes as the Rust tests; schema 1.1 files and tables with the 1.1 columns validate."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import gongkai

from conftest import REPO

VERSIONS = REPO / "tests" / "versions"


def _fixtures() -> list[Path]:
    return sorted(VERSIONS.glob("*.expected.json"))


def _side(v: Any) -> Any:
    return VERSIONS / v if isinstance(v, str) else v


@pytest.mark.parametrize("path", _fixtures(), ids=lambda p: p.name)
def test_version_pair_gives_the_expected_changes(path: Path) -> None:
    case = json.loads(path.read_text(encoding="utf-8"))
    report = gongkai.changes(_side(case["old"]), _side(case["new"]))
    want = case["expected"]
    assert report["weakened"] == want["weakened"]
    assert report["counts"] == want["counts"]
    got = [
        {
            "status": i["status"],
            "class": i["class"],
            "old_id": i["old_id"],
            "new_id": i["new_id"],
            "matched_by": i.get("matched_by"),
            "changes": [
                {"code": c["code"], "class": c["class"], "field": c["field"], "path": c["path"]}
                for c in i["changes"]
            ],
        }
        for i in report["items"]
    ]
    assert got == want["items"]
    assert [{"code": i["code"], "path": i["path"]} for i in report["issues"]] == want["issues"]


def test_changes_accepts_dicts_and_text_and_writes_the_revision_note() -> None:
    old = json.loads((VERSIONS / "old.json").read_text(encoding="utf-8"))
    new = json.loads((VERSIONS / "new.json").read_text(encoding="utf-8"))
    from_files = gongkai.changes(VERSIONS / "old.json", VERSIONS / "new.json")
    assert gongkai.changes(old, new) == from_files
    assert gongkai.changes(json.dumps(old), json.dumps(new)) == from_files
    same = gongkai.changes(old, old)
    assert not same["weakened"] and same["items"] == []
    md = gongkai.changes(old, new, format="md")
    assert isinstance(md, str) and md.startswith("# ") and "修订说明" in md
    html = gongkai.changes(old, new, format="html")
    assert html.startswith("<!DOCTYPE html>")
    en = gongkai.changes(old, new, lang="en")
    messages = [c["message"] for i in en["items"] for c in i["changes"]]
    assert any("was removed" in m for m in messages)


def test_changes_report_is_a_result_with_its_keys_as_attributes_and_items() -> None:
    report = gongkai.changes(VERSIONS / "old.json", VERSIONS / "new.json")
    assert isinstance(report, gongkai.ChangesReport)
    data = json.loads(report.to_json())
    assert report.to_dict() == data and report == data and data == report
    assert list(report) == list(report.keys()) == list(data)
    assert report.weakened is data["weakened"] is True
    assert report.counts == data["counts"] and report.counts["weakened"] > 0
    assert report.old == data["old"] and report.new["items"] == data["new"]["items"]
    assert report.items == report["items"] == data["items"]
    assert [i.code for i in report.issues] == [i["code"] for i in report["issues"]]
    assert "items" in report and "valid" not in report and report.get("valid", 1) == 1
    report["items"].clear()  # a copy: the report does not change
    assert report["items"] == data["items"] != []
    assert json.loads(report.to_json(pretty=True)) == data
    assert f"weakened=True added={data['counts']['added']}" in repr(report)
    with pytest.raises(KeyError):
        report["valid"]
    with pytest.raises(TypeError):
        hash(report)


def test_changes_refuses_bad_input_with_a_clear_error() -> None:
    with pytest.raises(gongkai.Error) as e:
        gongkai.changes([1, 2], VERSIONS / "new.json")
    assert e.value.code
    with pytest.raises(gongkai.Error):
        gongkai.changes(VERSIONS / "old.json", VERSIONS / "missing.json")
    with pytest.raises(gongkai.Error):
        gongkai.changes(VERSIONS / "old.json", VERSIONS / "new.json", format="pdf")
    with pytest.raises(gongkai.Error):
        gongkai.changes(VERSIONS / "old.json", VERSIONS / "new.json", threshold=2.0)


def test_schema_1_1_files_and_tables_with_the_new_columns() -> None:
    new = json.loads((VERSIONS / "new.json").read_text(encoding="utf-8"))
    report = gongkai.validate(new)
    assert report.valid, report.issues
    assert not [i for i in report.issues if i.code == "model.newer_version_field"]
    old = json.loads((VERSIONS / "catalogue-1.0.json").read_text(encoding="utf-8"))
    old["items"][0]["retention"] = "long_term"
    warned = gongkai.validate(old)
    assert [i.path for i in warned.issues if i.code == "model.newer_version_field"] == ["/items/0/retention"]
    bad = dict(new, schema_version="2.0")
    issues = gongkai.validate(bad).issues
    assert [i.code for i in issues if i.path == "/schema_version"] == ["schema.schema_version"]
    assert "1.1" in next(i.message for i in issues if i.path == "/schema_version")
    table = gongkai.validate(REPO / "tests" / "import" / "columns-1-1.csv")
    assert not [i for i in table.issues if i.code == "model.newer_version_field"]
