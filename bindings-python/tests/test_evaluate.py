"""gongkai.evaluate: the 监督评价 of the example units, DataFrames, outputs, bad input."""

from __future__ import annotations

import datetime as dt
import io
import json
import zipfile
from pathlib import Path

import pytest

import gongkai
from conftest import REPO

EXAMPLE = REPO / "examples" / "evaluation"
FIXTURE = REPO / "tests" / "evaluate"


def example(**kw) -> gongkai.Evaluation:
    return gongkai.evaluate(manifest=EXAMPLE / "units.csv", today=dt.date(2026, 4, 10), **kw)


def test_the_example_is_scored_and_ranked() -> None:
    e = example()
    assert [u["rank"] for u in e.units] == sorted(u["rank"] for u in e.units)
    assert e.units[0]["unit"] == "武陟县城市管理局"
    assert e.units[0]["score"] == 100.0
    assert e.summary["evaluated"] == 6
    for u in e.units[1:]:
        lost = sum(d["points"] for d in u["deductions"])
        assert u["score"] == pytest.approx(100 - lost, abs=0.05)
        for d in u["deductions"]:
            assert len(d["evidence"]) == d["count"]
    assert e.unit("南村")["consistency"]["parent"] == "西陶镇"
    assert e.unit("不存在") is None
    assert "evaluated=6" in repr(e)


def test_dataframes() -> None:
    pytest.importorskip("pandas")
    e = example()
    df = e.to_dataframe()
    assert list(df["unit"]) == [u["unit"] for u in e.units]
    assert list(df.columns[:3]) == ["rank", "unit", "score"]
    row = df.set_index("unit").loc["市政公用事业服务中心"]
    assert row["missing_items"] == 2
    assert row["points_lost"] == pytest.approx(100 - row["score"], abs=0.05)
    problems = e.problems_dataframe()
    assert len(problems) == sum(len(u["problems"]) for u in e.units)
    weakened = problems[problems["code"] == "diff.weakened_time_limit"].iloc[0]
    assert weakened["cell"] == "标准目录!F4"
    assert weakened["deduction"] == "weakened_items"
    assert set(problems["source"]) <= {"catalogue", "parent", "records", "evaluation"}


def test_outputs_and_schema(tmp_path: Path) -> None:
    e = example()
    html = e.to_html()
    assert html.startswith("<!DOCTYPE html>") and "<script" not in html
    assert html.count('class="bar"') > 0
    book = tmp_path / "r.xlsx"
    data = e.to_xlsx(book)
    assert book.read_bytes() == data
    with zipfile.ZipFile(book) as z:
        assert "xl/worksheets/sheet3.xml" in z.namelist()
    schema = gongkai.evaluation_schema()
    assert schema["$id"] == "urn:gongkai:schema:evaluation:1.0"
    assert json.loads(e.to_json()) == e.to_dict()
    try:
        import jsonschema
    except ImportError:
        return
    jsonschema.validate(e.data, schema)


def sheets(book: bytes) -> dict[str, bytes]:
    """The parts of a workbook but its properties (their creation time is the clock's)."""
    with zipfile.ZipFile(io.BytesIO(book)) as z:
        return {n: z.read(n) for n in z.namelist() if not n.startswith("docProps/")}


def test_a_saved_report_reads_back_as_the_same_evaluation() -> None:
    e = example()
    assert isinstance(e, gongkai.Evaluation)
    assert e.today == dt.date(2026, 4, 10) and e.lang == "zh" and e.title
    assert e.data == e.to_dict() and e.units == e.data["units"] and e.scoring == e.data["scoring"]
    again = gongkai.Evaluation(e.to_json(pretty=True))
    assert again == e and again.to_json() == e.to_json()
    assert again.to_html() == e.to_html()
    assert sheets(again.to_xlsx()) == sheets(e.to_xlsx())
    assert again.unit("南村") == e.unit("南村") == next(u for u in e.units if u["unit"] == "南村")
    with pytest.raises(gongkai.Error) as err:
        gongkai.Evaluation('{"units": []}')
    assert err.value.code == "invalid_argument"


def test_scoring_tables_dicts_and_files(tmp_path: Path) -> None:
    base = example()
    e = example(scoring={"classes": {"unpublished_items": {"points": 0}}})
    for a, b in zip(base.units, e.units):
        assert b["score"] >= a["score"]
    toml = tmp_path / "s.toml"
    toml.write_text("[classes.typo]\npoints = 1\n", encoding="utf-8")
    with pytest.raises(gongkai.Error) as err:
        example(scoring=toml)
    assert "classes.typo" in str(err.value)
    with pytest.raises(gongkai.Error) as err:
        example(scoring={"classes": {"missing_items": {"points": -1}}})
    assert "不能为负数" in str(err.value)
    with pytest.raises(TypeError):
        gongkai.evaluate()


def test_bad_input_is_listed_not_raised() -> None:
    run = json.loads((FIXTURE / "expected.json").read_text(encoding="utf-8"))["run"]
    import os

    cwd = os.getcwd()
    os.chdir(REPO)
    try:
        e = gongkai.evaluate(run["inputs"], manifest=run["manifest"], records=run["records"],
                             today=run["today"], workers=2)
    finally:
        os.chdir(cwd)
    errors = {u["unit"]: u["error"]["code"] for u in e.units if u["error"]}
    assert errors == {"乙": "json", "丁": "evaluate.missing_file"}
    codes = [i["code"] for i in e.issues]
    assert "evaluate.empty_folder" in codes and "evaluate.duplicate_unit" in codes
    english = gongkai.evaluate(EXAMPLE / "01-武陟县城市管理局.json", lang="en")
    assert "corresponds to the upper-level item" in english.units[0]["problems"][0]["message"]


def projection(report: dict) -> dict:
    """The projection every language compares (see core/tests/evaluate.rs ``projection``)."""
    return {
        "units": [
            {
                "unit": u["unit"],
                "rank": u["rank"],
                "score": u["score"],
                "items": u["items"],
                "parent": u.get("parent"),
                "deductions": [
                    {"class": d["class"], "count": d["count"], "points": d["points"]}
                    for d in u["deductions"]
                ],
                "codes": sorted(p["code"] for p in u["problems"]),
            }
            for u in report["units"]
        ],
        "summary": {
            k: report["summary"][k] for k in ("units", "evaluated", "mean_score", "overdue_now")
        },
    }


def test_the_example_gives_the_shared_expectation() -> None:
    shared = json.loads((FIXTURE / "example.expected.json").read_text(encoding="utf-8"))
    e = gongkai.evaluate(manifest=REPO / shared["run"]["manifest"], today=shared["run"]["today"])
    assert projection(e.data) == shared["expected"]
