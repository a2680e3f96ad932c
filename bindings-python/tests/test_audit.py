"""The timeliness audit through the public API, on the shared fixture `tests/audit/` (also read
by core/tests/audit.rs and cli/tests/deadline_audit.rs): every outcome and every bad-record
kind, from every form of records Python can give, compared with `expected.json` and with the
CLI's JSON."""

from __future__ import annotations

import datetime as dt
import json
import math
from collections import Counter
from pathlib import Path
from typing import Any

import gongkai
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import AUDIT, REPO, run_cli

EXPECTED: dict[str, Any] = json.loads((AUDIT / "expected.json").read_text(encoding="utf-8"))
CATALOGUE = AUDIT / EXPECTED["catalogue"]
TODAY = dt.date.fromisoformat(EXPECTED["today"])
CASES = [(case, name) for case in EXPECTED["cases"] for name in case["records"]]
DATE_KEYS = ("formed_on", "request_received", "published_on", "deadline")
MOMENT_KEYS = ("event_at", "deadline_at")


def check(report: gongkai.AuditReport, case: dict[str, Any], csv: bool) -> None:
    """Compares a report with a case of expected.json, as core/tests/audit.rs does."""
    got = report.to_dict()
    assert len(got["rows"]) == len(case["rows"])
    for g, w in zip(got["rows"], case["rows"]):
        for k, v in w.items():
            if k == "csv_line":
                assert g["line"] == (v if csv else None), f"row {w['row']}: line"
            else:
                assert g[k] == v, f"row {w['row']}: {k} = {g[k]!r}, expected {v!r}"

    def key(i: dict[str, Any], line: Any) -> tuple[Any, ...]:
        return (i["code"], i["severity"], i["row"], i["column"], line)

    got_issues = Counter(key(i, i["line"] if csv else None) for i in got["issues"])
    want_issues = Counter(key(i, i.get("csv_line") if csv else None) for i in case["issues"])
    assert got_issues == want_issues
    summary = case["summary"]
    for k, v in summary["overall"].items():
        assert got["summary"]["overall"][k] == v, f"overall.{k}"
    if "by_category" in summary:
        assert len(got["summary"]["by_category"]) == len(summary["by_category"])
        for g, w in zip(got["summary"]["by_category"], summary["by_category"]):
            assert {k: g[k] for k in w} == w
    if "by_item_records" in summary:
        assert {i["item_id"]: i["records"] for i in got["summary"]["by_item"]} == summary["by_item_records"]


@pytest.mark.parametrize(("case", "name"), CASES, ids=[n for _, n in CASES])
def test_fixture_gives_the_expected_rows_issues_and_summary(case: dict[str, Any], name: str) -> None:
    catalogue = AUDIT / case.get("catalogue", EXPECTED["catalogue"])
    report = gongkai.audit(catalogue, AUDIT / name, today=TODAY)
    check(report, case, csv=name.endswith(".csv"))
    assert report.today == TODAY
    # Without today, unpublished records cannot be judged.
    changes = case.get("without_today", {}).get("status_by_row")
    if changes:
        plain = gongkai.audit(catalogue, AUDIT / name)
        assert plain.today is None
        for row, want in zip(plain.rows, case["rows"]):
            assert row["status"] == changes.get(str(row["row"]), want["status"])


def records_as_python_values() -> list[dict[str, Any]]:
    """records.json as a Python user would build it: real dates where the text is a date."""
    out = []
    for r in json.loads((AUDIT / "records.json").read_text(encoding="utf-8")):
        rec = dict(r)
        for k, v in r.items():
            if isinstance(v, str):
                try:
                    rec[k] = dt.date.fromisoformat(v)
                except ValueError:
                    try:
                        rec[k] = dt.datetime.strptime(v, "%Y-%m-%d %H:%M")
                    except ValueError:
                        pass
        out.append(rec)
    return out


def test_every_form_of_records_gives_the_same_report() -> None:
    case = EXPECTED["cases"][0]
    from_csv = gongkai.audit(CATALOGUE, AUDIT / "records.csv", today=TODAY)
    from_json = gongkai.audit(CATALOGUE, AUDIT / "records.json", today=TODAY)
    csv_text = (AUDIT / "records.csv").read_text(encoding="utf-8")
    json_text = (AUDIT / "records.json").read_text(encoding="utf-8")
    # CSV: a path as str, the text, the bytes.
    for records in [str(AUDIT / "records.csv"), csv_text, csv_text.encode(), bytearray(csv_text.encode())]:
        assert gongkai.audit(CATALOGUE, records, today=TODAY) == from_csv
    # JSON: the text, the bytes, the parsed list, the list with real dates.
    for records in [json_text, json_text.encode(), json.loads(json_text), tuple(json.loads(json_text))]:
        assert gongkai.audit(CATALOGUE, records, today=TODAY) == from_json
    with_dates = gongkai.audit(CATALOGUE, records_as_python_values(), today=TODAY)
    assert [r["status"] for r in with_dates.rows] == [r["status"] for r in from_json.rows]
    check(with_dates, case, csv=False)
    # {"records": [...]} as the JSON file may be.
    assert gongkai.audit(CATALOGUE, {"records": json.loads(json_text)}, today=TODAY) == from_json
    # The catalogue as a dict, JSON text, bytes.
    cat_text = CATALOGUE.read_text(encoding="utf-8")
    for cat in [json.loads(cat_text), cat_text, cat_text.encode()]:
        assert gongkai.audit(cat, AUDIT / "records.json", today=TODAY) == from_json


def test_a_pandas_dataframe_of_records() -> None:
    pd = pytest.importorskip("pandas")
    want = gongkai.audit(CATALOGUE, AUDIT / "records.json", today=TODAY)
    # As pandas reads the CSV by default: ids as floats with NaN, empty cells NaN.
    df = pd.read_csv(AUDIT / "records.csv")
    assert df["item_id"].dtype.kind == "f"
    got = gongkai.audit(CATALOGUE, df, today=TODAY)
    assert [r["status"] for r in got.rows] == [r["status"] for r in want.rows]
    check(got, EXPECTED["cases"][0], csv=False)
    # With parsed dates (Timestamps and NaT).
    df = pd.read_csv(AUDIT / "records.csv", dtype={"item_id": str}, parse_dates=["request_received"])
    got = gongkai.audit(CATALOGUE, df, today=TODAY)
    check(got, EXPECTED["cases"][0], csv=False)


def test_rows_carry_dates_and_are_dataframe_ready() -> None:
    report = gongkai.audit(CATALOGUE, AUDIT / "records.csv", today="2024-12-31")
    rows = report.rows
    assert len(report) == len(rows) == 25
    assert list(report) == rows
    by_row = {r["row"]: r for r in rows}
    late = by_row[2]
    assert late["status"] == "late" and late["late_by_working_days"] == 2
    assert late["deadline"] == dt.date(2024, 10, 28) and type(late["deadline"]) is dt.date
    assert late["formed_on"] == dt.date(2024, 9, 25)
    assert late["published_on"] == dt.date(2024, 10, 30)
    assert late["note"] == "late by 2 working days\nnote on two lines"
    stoppage = by_row[11]  # hours_before, published 1.5 hours too late
    assert stoppage["event_at"] == dt.datetime(2024, 4, 10, 8, 0)
    assert stoppage["deadline_at"] == dt.datetime(2024, 4, 9, 8, 0)
    assert stoppage["status"] == "late"
    for r in rows:
        for k in DATE_KEYS:
            assert r[k] is None or type(r[k]) is dt.date
        for k in MOMENT_KEYS:
            assert r[k] is None or type(r[k]) is dt.datetime
    # The JSON form is the rows with ISO strings.
    as_json = report.to_dict()["rows"]
    for r, j in zip(rows, as_json):
        assert set(r) == set(j)
        for k in DATE_KEYS:
            assert j[k] == (r[k].isoformat() if r[k] else None)
    assert json.loads(report.to_json()) == report.to_dict()
    assert json.loads(report.to_json(pretty=True)) == report.to_dict()


def test_summary_per_item_per_category_and_overall() -> None:
    report = gongkai.audit(CATALOGUE, AUDIT / "records.csv", today=TODAY)
    overall = EXPECTED["cases"][0]["summary"]["overall"]
    assert report.overall == report.summary["overall"]
    assert report.overall["on_time"] == overall["on_time"]
    assert report.on_time_rate is not None
    assert math.isclose(report.on_time_rate, overall["on_time_rate"])
    assert math.isclose(report.on_time_rate, overall["on_time"] / overall["assessed"])
    assert report.by_category == report.summary["by_category"]
    assert [c["category"] for c in report.by_category] == [
        c["category"] for c in EXPECTED["cases"][0]["summary"]["by_category"]
    ]
    assert report.by_item == report.summary["by_item"]
    item_2 = next(i for i in report.by_item if i["item_id"] == "2")
    assert item_2["records"] == 0 and item_2["on_time_rate"] is None
    assert report.has_late_or_overdue and report.has_errors
    text = repr(report)
    assert text.startswith("<gongkai.AuditReport records=25 on_time=6 late=4 overdue=1")
    assert "on_time_rate=54.5%" in text and "today=2024-12-31" in text
    with pytest.raises(TypeError, match="ambiguous"):
        bool(report)


def test_dataframes() -> None:
    pd = pytest.importorskip("pandas")
    report = gongkai.audit(CATALOGUE, AUDIT / "records.csv", today=TODAY)
    df = report.to_dataframe()
    assert len(df) == 25
    assert list(df.columns) == list(report.rows[0])
    assert str(df["late_by_working_days"].dtype) == "Int64"
    assert df["late_by_working_days"].sum() == sum(r["late_by_working_days"] or 0 for r in report.rows)
    assert df["deadline"].dtype.kind == "M" and df["event_at"].dtype.kind == "M"
    assert df.loc[df.row == 2, "deadline"].iloc[0] == pd.Timestamp("2024-10-28")
    assert (df.status == "late").sum() == report.overall["late"]
    items = report.to_dataframe("items")
    assert list(items.item_id) == [i["item_id"] for i in report.by_item]
    assert items.records.sum() == 25 - sum(1 for r in report.rows if r["item_name"] is None)
    cats = report.to_dataframe("categories")
    assert list(cats.category) == [c["category"] for c in report.by_category]
    issues = report.to_dataframe("issues")
    assert len(issues) == len(report.issues) and str(issues["row"].dtype) == "Int64"
    with pytest.raises(gongkai.Error, match="rows"):
        report.to_dataframe("everything")
    # No records: frames keep their columns.
    empty = gongkai.audit(CATALOGUE, AUDIT / "records-missing-column.csv", today=TODAY)
    assert len(empty) == 0
    assert list(empty.to_dataframe().columns) == list(df.columns)
    assert "on_time_rate" in empty.to_dataframe("items").columns


def test_english_messages() -> None:
    zh = gongkai.audit(CATALOGUE, AUDIT / "records.csv", today=TODAY)
    en = gongkai.audit(CATALOGUE, AUDIT / "records.csv", today=TODAY, lang="en")
    assert [i["code"] for i in en.issues] == [i["code"] for i in zh.issues]
    for a, b in zip(zh.issues, en.issues):
        assert a["message"] != b["message"]
    unknown = next(i for i in en.issues if i["code"] == "record.unknown_item")
    # A CSV record is named by its line in the file (the second record's note spans two lines).
    assert unknown["message"] == "the record on line 17: item id “99” is not in the catalogue"
    with pytest.raises(gongkai.Error, match="lang"):
        gongkai.audit(CATALOGUE, AUDIT / "records.csv", lang="de")


def test_a_newer_calendar_is_used() -> None:
    # The embedded schedule plus one more holiday on Monday 2024-10-28: row 1's deadline moves to
    # the 29th (published on the 28th, still on time), row 2 (published on the 30th) is late by
    # one working day instead of two.
    text = (REPO / "data" / "cn-holidays.csv").read_text(encoding="utf-8") + "2024-10-28,off,test\n"
    cal = gongkai.Calendar.from_csv(text)
    assert not cal.is_working_day(dt.date(2024, 10, 28))
    report = gongkai.audit(CATALOGUE, AUDIT / "records.csv", today=TODAY, calendar=cal)
    assert (report.rows[0]["deadline"], report.rows[0]["status"]) == (dt.date(2024, 10, 29), "on_time")
    assert (report.rows[1]["status"], report.rows[1]["late_by_working_days"]) == ("late", 1)
    # The embedded schedule gives the fixture's answer.
    plain = gongkai.audit(CATALOGUE, AUDIT / "records.csv", today=TODAY, calendar=gongkai.Calendar())
    assert plain == gongkai.audit(CATALOGUE, AUDIT / "records.csv", today=TODAY)
    assert plain.rows[1]["late_by_working_days"] == 2


def test_bad_inputs_raise_gongkai_error(tmp_path: Path) -> None:
    with pytest.raises(gongkai.Error) as e:
        gongkai.audit(CATALOGUE, tmp_path / "none.csv")
    assert e.value.code == "io" and e.value.path == str(tmp_path / "none.csv")
    with pytest.raises(gongkai.Error) as e:
        gongkai.audit(tmp_path / "none.json", AUDIT / "records.csv")
    assert e.value.code == "io" and e.value.path == str(tmp_path / "none.json")
    with pytest.raises(gongkai.Error) as e:
        gongkai.audit('{"title": ', AUDIT / "records.csv")
    assert e.value.code == "json" and e.value.line == 1
    with pytest.raises(gongkai.Error) as e:
        gongkai.audit(CATALOGUE, '{"records": 3}')
    assert e.value.code == "import"
    with pytest.raises(gongkai.Error, match="today"):
        gongkai.audit(CATALOGUE, AUDIT / "records.csv", today="31/12/2024")
    with pytest.raises(TypeError, match="records"):
        gongkai.audit(CATALOGUE, 42)  # type: ignore[arg-type]
    # Records that are not objects are issues, not exceptions.
    report = gongkai.audit(CATALOGUE, [1, "x", None], today=TODAY)
    assert [i["code"] for i in report.issues] == ["record.not_an_object"] * 3
    assert {r["status"] for r in report.rows} == {"invalid"}


@pytest.mark.parametrize(("case", "name"), CASES, ids=[n for _, n in CASES])
def test_same_report_as_the_cli(case: dict[str, Any], name: str) -> None:
    code, out = run_cli("audit", str(CATALOGUE), str(AUDIT / name), "--today", EXPECTED["today"])
    report = gongkai.audit(CATALOGUE, AUDIT / name, today=TODAY)
    assert report.to_dict() == out
    assert code == (1 if report.has_late_or_overdue or report.has_errors else 0)


record_values = (
    st.none()
    | st.booleans()
    | st.integers(-3, 40)
    | st.text(max_size=12)
    | st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2030, 12, 31))
    | st.sampled_from(["1", "3", "4", "99", "2024-09-25", "2024-13-01", "是", "30", "2024-03-10 08:00"])
)
record_keys = st.sampled_from(
    ["item_id", "formed_on", "published_on", "request_received", "extended", "event_at", "note", "x"]
)


@settings(max_examples=150, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.dictionaries(record_keys, record_values, max_size=8) | record_values, max_size=6))
def test_any_records_give_a_report_never_a_crash(records: list[Any]) -> None:
    report = gongkai.audit(CATALOGUE, records, today=TODAY)
    assert len(report) == len(records)
    assert report.overall["records"] == len(records)
    assert json.loads(report.to_json()) == report.to_dict()
    for row in report.rows:
        assert row["status"] in {
            "on_time", "late", "overdue", "pending", "unpublished", "not_applicable", "invalid",
        }
        if row["status"] == "invalid":
            assert any(i["row"] == row["row"] and i["severity"] == "error" for i in report.issues)


@settings(max_examples=100, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=200))
def test_any_csv_text_gives_a_report_or_a_gongkai_error(text: str) -> None:
    try:
        report = gongkai.audit(CATALOGUE, "item_id,formed_on,published_on\n" + text, today=TODAY)
    except gongkai.Error as e:
        assert e.code in {"import", "json"} and str(e)
        return
    assert report.overall["records"] == len(report.rows)


def test_the_catalogue_may_be_a_table() -> None:
    # As for validate: a CSV (or XLSX, HTML) path is imported; records use the table's ids.
    table = REPO / "tests" / "corpus" / "26-youyang-municipal-2024.csv"
    names = [r["name"] for r in json.loads(table.with_suffix(".expected.json").read_text(encoding="utf-8"))["rows"]]
    for catalogue in [table, table.with_suffix(".html")]:
        report = gongkai.audit(catalogue, "item_id,formed_on,published_on\n1,2024-09-25,2024-10-28\n", today=TODAY)
        assert [i["name"] for i in report.by_item] == names
        row = report.rows[0]
        assert (row["item_name"], row["status"], row["deadline"]) == (names[0], "on_time", dt.date(2024, 10, 28))
