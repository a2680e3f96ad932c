"""`validate()` of a path reads CSV, XLSX and HTML tables through the same call (issue 3): the
real tables of `tests/corpus/`, with issues located in the user's own cells."""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path
from typing import Any

import gongkai
import pytest

from conftest import CORPUS, write_xlsx

TABLES = sorted(CORPUS.glob("*.csv"))
ITEM_PATH = re.compile(r"^/items/(\d+)/")


def expected(table: Path) -> dict[str, Any]:
    return json.loads(table.with_suffix(".expected.json").read_text(encoding="utf-8"))


def located(report: gongkai.Report) -> list[tuple[str, str, int, str | None]]:
    return sorted(
        (i.code, i.path, i.location.row, i.location.column) for i in report.issues if i.location is not None
    )


def grid(table: Path) -> list[list[str]]:
    with table.open(encoding="utf-8-sig", newline="") as f:
        return list(csv.reader(f))


@pytest.mark.parametrize("table", TABLES, ids=[t.stem for t in TABLES])
def test_a_real_csv_table_is_validated_with_cell_locations(table: Path) -> None:
    rows = [r["row"] for r in expected(table)["rows"]]
    forms: list[str | Path] = [table, str(table)]
    for data in forms:
        report = gongkai.validate(data)
        assert isinstance(report, gongkai.Report)
        assert report.items == len(rows)
    # Every issue about an item's cell points at that item's row (CSV line = data row + 2, below
    # the two header rows), or at the row above it for a value carried down from a merged cell.
    exact = 0
    for i in report.issues:
        m = ITEM_PATH.match(i.path)
        if m is None or i.location is None:
            continue
        line = rows[int(m.group(1))] + 2
        loc = i.location
        assert loc.sheet is None  # CSV has no sheets
        assert 3 <= loc.row <= line, (i.code, i.path, loc)
        assert loc.column and loc.column.isalpha()  # no header when the column is missing
        exact += loc.row == line
    assert exact > 0
    df_rows = report.to_dataframe()["row"]
    assert df_rows.notna().sum() == sum(i.location is not None for i in report.issues)


@pytest.mark.parametrize("table", TABLES, ids=[t.stem for t in TABLES])
def test_the_same_table_as_xlsx_gives_the_same_issues_in_its_sheet(table: Path, tmp_path: Path) -> None:
    xlsx = tmp_path / f"{table.stem}.xlsx"
    write_xlsx(xlsx, grid(table), sheet="市政服务")
    from_csv = gongkai.validate(table)
    from_xlsx = gongkai.validate(xlsx)
    assert from_xlsx.items == from_csv.items
    if any(i.code == "import.carried_down" for i in from_csv.issues):
        # A CSV loses its merged cells, so its blank cells under a merged value are carried
        # down; a workbook keeps its merges, and a blank cell in it is a blank cell. The
        # workbook written here has no merges: it reports those cells as missing instead.
        carried = {i.path for i in from_csv.issues if i.code == "import.carried_down"}
        def item(path: str) -> str | None:
            m = ITEM_PATH.match(path)
            return m.group(1) if m else None

        assert {item(p) for p in carried} <= {item(i.path) for i in from_xlsx.issues if i.severity == "error"}
        return
    assert located(from_xlsx) == located(from_csv)
    assert sorted((i.code, i.path) for i in from_xlsx.issues) == sorted((i.code, i.path) for i in from_csv.issues)
    sheets = {i.location.sheet for i in from_xlsx.issues if i.location is not None}
    assert sheets == {"市政服务"}


@pytest.mark.parametrize("table", TABLES, ids=[t.stem for t in TABLES])
def test_the_html_page_of_the_table_is_read_too(table: Path) -> None:
    html = table.with_suffix(".html")
    report = gongkai.validate(html)
    assert report.items == len(expected(table)["rows"])
    locs = [i.location for i in report.issues if i.location is not None]
    assert locs and all(loc.sheet == "表1" and loc.row >= 1 for loc in locs)


def test_youyang_issues_name_their_cells() -> None:
    # 酉阳县 2024: the marks were lost when the page was flattened, so 公开对象/公开方式/公开层级
    # are empty for every item: errors located in the item's row, under the column's header.
    report = gongkai.validate(CORPUS / "26-youyang-municipal-2024.csv")
    assert not report.valid
    audience = [i for i in report.issues if i.code == "schema.min_items" and i.path.endswith("/audience")]
    assert [i.path for i in audience] == ["/items/0/audience", "/items/1/audience", "/items/2/audience"]
    assert [(i.location.row, i.location.column, i.location.header) for i in audience if i.location] == [
        (3, "I", "公开对象"),
        (4, "I", "公开对象"),
        (5, "I", "公开对象"),
    ]
    d = audience[0].to_dict()
    assert d["location"] == {"row": 3, "column": "I", "header": "公开对象"}


def test_validate_many_reads_tables(tmp_path: Path) -> None:
    xlsx = tmp_path / "26.xlsx"
    write_xlsx(xlsx, grid(CORPUS / "26-youyang-municipal-2024.csv"))
    paths = [CORPUS / "26-youyang-municipal-2024.csv", CORPUS / "26-youyang-municipal-2024.html", xlsx]
    reports = gongkai.validate_many(paths, workers=2)
    assert [r.items for r in reports if isinstance(r, gongkai.Report)] == [3, 3, 3]
    assert reports[0] == gongkai.validate(paths[0])


def test_a_broken_table_is_an_error_not_a_crash(tmp_path: Path) -> None:
    bad = tmp_path / "broken.xlsx"
    bad.write_bytes(b"PK\x03\x04 not really a workbook")
    with pytest.raises(gongkai.Error) as e:
        gongkai.validate(bad)
    assert e.value.code == "import" and e.value.path == str(bad)
    # Bytes are JSON content, never a table (a table is read from its path).
    with pytest.raises(gongkai.Error) as e:
        gongkai.validate((CORPUS / "26-youyang-municipal-2024.csv").read_bytes())
    assert e.value.code == "json"
