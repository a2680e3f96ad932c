"""The diff against the upper-level standard and the consistency check through the public API,
on the shared fixtures of `tests/diff/` (also read by core/tests/diff.rs and cli/tests/
diff_cli.rs): the same codes, paths, matches and coverage as the Rust tests, the real tables
imported, and the CLI's JSON."""

from __future__ import annotations

import json
import math
from collections import Counter
from pathlib import Path
from typing import Any

import gongkai
import pytest

from conftest import DIFF, EXAMPLES, run_cli

CASE_FILES = sorted(DIFF.glob("*.expected.json")) + sorted((DIFF / "corpus").glob("*.expected.json"))
CODES = {r["code"] for r in gongkai.rules()}


def load(path: Path) -> dict[str, Any]:
    return json.loads(path.read_text(encoding="utf-8"))


def catalogue_arg(directory: Path, spec: str) -> str | Path:
    """An embedded name stays a name; a file is a path."""
    return spec if spec in gongkai.reference_names() else directory / spec


def run_case(path: Path, local: Any = None, lang: str = "zh") -> gongkai.DiffReport:
    case = load(path)
    options = dict(case["options"])
    options["lang"] = lang
    fn = gongkai.consistency if case["mode"] == "consistency" else gongkai.diff
    first = catalogue_arg(path.parent, case["reference"])
    second = local if local is not None else path.parent / case["local"]
    return fn(first, second, **options)


def triples(report: gongkai.DiffReport) -> Counter[tuple[str, str | None, str | None]]:
    return Counter((f.code, f.reference_path, f.local_path) for f in report.findings)


def item_level(report: gongkai.DiffReport) -> tuple[int, int, list[tuple[str, str | None]]]:
    keep = {"diff.missing_item", "diff.missing_uncertain_item", "diff.ambiguous_match"}
    found = sorted((f.code, f.reference_path) for f in report.findings if f.code in keep)
    return report.coverage.matched, report.coverage.missing, found


@pytest.mark.parametrize("path", CASE_FILES, ids=[p.name for p in CASE_FILES])
def test_fixture_gives_the_expected_findings(path: Path) -> None:
    case = load(path)
    exp = case["expected"]
    report = run_case(path)
    assert report.mode == case["mode"]
    assert report.valid == exp["valid"]
    coverage = report.coverage.to_dict()
    for k, v in exp["coverage"].items():
        assert math.isclose(coverage[k], v), f"coverage.{k} = {coverage[k]}, expected {v}"
        assert math.isclose(getattr(report.coverage, k), v)
    if "matches" in exp:
        got = [(m["reference_path"], m["local_path"], m["method"]) for m in report.matches]
        want = [(m["reference_path"], m["local_path"], m["method"]) for m in exp["matches"]]
        assert got == want
    want_findings = Counter((f["code"], f.get("reference_path"), f.get("local_path")) for f in exp["findings"])
    assert triples(report) == want_findings
    for ref_path, paths in exp.get("candidate_paths", {}).items():
        f = next(f for f in report.findings if f.code == "diff.ambiguous_match" and f.reference_path == ref_path)
        assert f.params["candidate_paths"] == ",".join(paths)
    # Counts agree with the findings; every message is rendered, in both languages.
    errors = sum(f.severity == "error" for f in report.findings)
    assert report.counts.error == errors and report.valid == (errors == 0)
    assert {f.code for f in report.findings} <= CODES
    en = run_case(path, lang="en")
    assert [f.code for f in en.findings] == [f.code for f in report.findings]
    for zh, e in zip(report.findings, en.findings):
        assert zh.message and "{" not in zh.message and "{" not in e.message
        assert any("\u4e00" <= c <= "\u9fff" for c in zh.message)
        assert zh.message != e.message
    # The report objects and the JSON agree.
    d = report.to_dict()
    assert d == json.loads(report.to_json()) == json.loads(report.to_json(pretty=True))
    assert [f.to_dict() for f in report.findings] == d["findings"]
    assert d["coverage"] == report.coverage.to_dict()
    assert d["counts"] == report.counts.to_dict()
    assert report == run_case(path)


def test_every_diff_code_is_shown_by_a_fixture() -> None:
    seen = {f.code for p in CASE_FILES for f in run_case(p).findings}
    diff_codes = {c for c in CODES if c.startswith("diff.")}
    assert len(diff_codes) == 18
    assert diff_codes <= seen


@pytest.mark.parametrize("path", [p for p in CASE_FILES if "table" in load(p)], ids=lambda p: p.name)
@pytest.mark.parametrize("fmt", ["csv", "html"])
def test_the_real_table_gives_the_same_item_level_answer(path: Path, fmt: str) -> None:
    table = (path.parent / load(path)["table"]).with_suffix(f".{fmt}")
    from_json = run_case(path)
    from_table = run_case(path, local=table)
    assert item_level(from_table) == item_level(from_json)
    # Findings about the local table carry its cells.
    located = [f for f in from_table.findings if f.local_location is not None]
    assert located
    for f in located:
        loc = f.local_location
        assert loc is not None and loc.row >= 1 and loc.column
        assert (loc.sheet is None) == (fmt == "csv")


def test_wuzhi_example_against_the_embedded_reference() -> None:
    report = gongkai.diff("municipal_services", EXAMPLES / "wuzhi-municipal.json")
    assert report.valid
    c = report.coverage
    assert c.missing == 0 and c.matched == c.reference_items == c.fully_kept
    assert c.present_share == 1.0 and c.fully_kept_share == 1.0
    assert not [f for f in report.findings if f.code == "diff.missing_item"]
    assert report.reference["items"] == len(gongkai.reference()["items"])
    assert report.local["publisher"] == "武陟县城市管理局"


def test_reference_forms() -> None:
    local = DIFF / "weakened.json"
    named = gongkai.diff("municipal_services", local)
    ref = gongkai.reference("municipal_services")
    assert ref["domain"] == "municipal_services" and "provenance" in ref
    assert gongkai.reference() == ref
    # The reference as a dict, as JSON text and as bytes gives the same report.
    text = json.dumps(ref, ensure_ascii=False)
    forms: list[Any] = [ref, text, text.encode()]
    for r in forms:
        assert gongkai.diff(r, local) == named
    # The local catalogue as a dict, too.
    assert gongkai.diff("municipal_services", load(local)) == named
    with pytest.raises(gongkai.Error, match="municipal_services") as e:
        gongkai.diff("municipal", local)
    assert e.value.code == "invalid_argument"
    with pytest.raises(gongkai.Error, match="municipal_services") as e:
        gongkai.reference("rural_roads")
    assert e.value.code == "invalid_argument"


def test_options() -> None:
    local = DIFF / "weakened.json"
    full = gongkai.diff("municipal_services", local)
    errors_only = gongkai.diff("municipal_services", local, min_severity="error")
    assert not errors_only.valid and errors_only.counts.error == full.counts.error
    assert {f.severity for f in errors_only.findings} == {"error"}
    missing = gongkai.diff("municipal_services", DIFF / "missing.json", min_severity="warning")
    assert not missing.valid, "an error filtered out still makes the report invalid"
    strict = gongkai.diff("municipal_services", DIFF / "wording.json", threshold=1.0)
    assert strict.coverage.matched < gongkai.diff("municipal_services", DIFF / "wording.json").coverage.matched
    for kwargs in [{"threshold": 1.5}, {"margin": -0.1}, {"threshold": float("nan")}, {"min_severity": "fatal"}, {"lang": "fr"}]:
        with pytest.raises(gongkai.Error) as e:
            gongkai.diff("municipal_services", local, **kwargs)  # type: ignore[arg-type]
        assert e.value.code == "invalid_argument"


def test_errors_name_the_side_that_failed(tmp_path: Path) -> None:
    with pytest.raises(gongkai.Error) as e:
        gongkai.diff("municipal_services", tmp_path / "none.json")
    assert e.value.code == "io" and e.value.path == str(tmp_path / "none.json")
    with pytest.raises(gongkai.Error) as e:
        gongkai.diff(tmp_path / "ref.json", DIFF / "weakened.json")
    assert e.value.code == "io" and e.value.path == str(tmp_path / "ref.json")
    with pytest.raises(gongkai.Error) as e:
        gongkai.consistency(DIFF / "consistency-county.json", '{"items": [')
    assert e.value.code == "json"


def test_report_objects() -> None:
    report = gongkai.diff("municipal_services", DIFF / "weakened.json")
    assert len(report) == len(report.findings) == 7 and list(report) == report.findings
    f = report.findings[0]
    assert (f.code, f.severity, f.reference_path, f.local_path) == (
        "diff.weakened_time_limit",
        "error",
        "/items/0/time_limit",
        "/items/0/time_limit",
    )
    assert f.reference_item_id == f.local_item_id == "1"
    assert f.local_location is None and f.reference_location is None
    assert "30个工作日" in f.message and f.params["item"] == "燃气经营许可证核发"
    assert repr(f).startswith("DiffFinding(code='diff.weakened_time_limit', severity='error'")
    text = repr(report)
    assert text.startswith("<gongkai.DiffReport mode=diff valid=False matched=8/8 fully_kept=1 missing=0 error=7")
    assert "diff.weakened_channel" in text
    assert repr(report.coverage).startswith("Coverage(reference_items=8, matched=8, fully_kept=1")
    m = report.matches[0]
    assert (m["reference_name"], m["method"], m["status"], m["score"]) == ("燃气经营许可证核发", "exact", "weakened", 1.0)
    with pytest.raises(TypeError, match="ambiguous"):
        bool(report)


def test_report_json_matches_its_schema() -> None:
    jsonschema = pytest.importorskip("jsonschema")
    schema = gongkai.diff_report_schema()
    validator = jsonschema.Draft202012Validator(schema)
    for path in CASE_FILES:
        validator.validate(run_case(path).to_dict())
    located = gongkai.diff("municipal_services", DIFF.parent / "corpus" / "26-youyang-municipal-2024.csv")
    validator.validate(located.to_dict())
    assert any("local_location" in f for f in located.to_dict()["findings"])


def test_dataframes() -> None:
    pd = pytest.importorskip("pandas")
    report = gongkai.diff("municipal_services", DIFF.parent / "corpus" / "26-youyang-municipal-2024.csv")
    df = report.to_dataframe()
    assert len(df) == len(report.findings)
    assert list(df.columns[:7]) == [
        "code",
        "severity",
        "reference_path",
        "local_path",
        "reference_item_id",
        "local_item_id",
        "message",
    ]
    assert str(df["local_row"].dtype) == "Int64"
    located = [f for f in report.findings if f.local_location]
    assert df["local_row"].notna().sum() == len(located)
    assert list(df.code) == [f.code for f in report.findings]
    matches = report.to_dataframe("matches")
    assert list(matches.local_name) == [m["local_name"] for m in report.matches]
    empty = gongkai.diff("municipal_services", EXAMPLES / "wuzhi-municipal.json", min_severity="error")
    assert len(empty.to_dataframe()) == 0 and "code" in empty.to_dataframe().columns
    with pytest.raises(gongkai.Error, match="findings"):
        report.to_dataframe("items")
    assert isinstance(pd.DataFrame, type)


@pytest.mark.parametrize("path", CASE_FILES, ids=[p.name for p in CASE_FILES])
def test_same_report_as_the_cli(path: Path) -> None:
    case = load(path)
    first = catalogue_arg(path.parent, case["reference"])
    args = ["diff", str(first), str(path.parent / case["local"])]
    if case["mode"] == "consistency":
        args.append("--consistency")
    code, out = run_cli(*args)
    report = run_case(path)
    assert report.to_dict() == out
    assert code == (0 if report.valid else 1)
    if "table" in case:
        table = path.parent / case["table"]
        code, out = run_cli("diff", str(first), str(table))
        assert gongkai.diff(first, table).to_dict() == out
