"""Catalogue fields a table lacks: the finding names Python's keyword (``domain=``), and the
keywords ``sheet=``, ``title=``, ``domain=``, ``publisher=``, ``level=``, ``issued=`` supply them
in every function that reads a table."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

import gongkai
from conftest import REPO

# A real published table; under a name that says nothing, its 领域, 编制单位 and 编制日期 cannot
# be inferred.
SOURCE = REPO / "tests" / "corpus" / "26-youyang-municipal-2024.csv"


@pytest.fixture
def table(tmp_path: Path) -> Path:
    path = tmp_path / "目录.csv"
    shutil.copy(SOURCE, path)
    return path


def header_findings(report: gongkai.Report) -> dict[str, str]:
    return {
        i.path: i.message
        for i in report.issues
        if i.code in ("import.header_missing", "import.header_default")
    }


def test_the_finding_names_the_python_keyword(table: Path) -> None:
    found = header_findings(gongkai.validate(table))
    assert set(found) >= {"/domain", "/publisher", "/issued"}, found
    for key in ("domain", "publisher", "issued"):
        assert f"用参数 {key}= 填写" in found[f"/{key}"], found[f"/{key}"]
        assert f"--{key}" not in found[f"/{key}"]
        assert "ImportOptions" not in found[f"/{key}"]
    en = header_findings(gongkai.validate(table, lang="en"))
    assert "set it with the argument domain=" in en["/domain"], en["/domain"]


def test_the_keywords_supply_the_fields(table: Path) -> None:
    r = gongkai.validate(
        table,
        domain="市政服务",
        publisher="酉阳县城市管理局",
        issued=dt.date(2024, 3, 1),
        title="酉阳县市政服务目录",
        level="县级",
    )
    assert header_findings(r) == {}, header_findings(r)
    assert not any(i.path in ("/domain", "/publisher", "/issued") for i in r.issues)
    # The same through a Validator, validate_many and a string date and level code.
    v = gongkai.Validator(domain="municipal_services", issued="2024-03-01", publisher="P")
    assert "/domain" not in header_findings(v.validate(table))
    [many] = gongkai.validate_many([table], domain="municipal_services")
    assert isinstance(many, gongkai.Report)
    assert "/domain" not in header_findings(many)
    assert "/issued" in header_findings(many)  # not given there


def test_bad_values_are_argument_errors(table: Path) -> None:
    with pytest.raises(gongkai.Error) as e:
        gongkai.validate(table, level="planet")
    assert e.value.code == "invalid_argument"
    assert "level" in str(e.value) and "planet" in str(e.value)
    with pytest.raises(gongkai.Error) as e:
        gongkai.validate(table, issued="2024-02-30")
    assert e.value.code == "invalid_argument"
    assert "issued" in str(e.value)


def test_sheet_picks_a_table(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    shutil.copy(REPO / "tests" / "import" / "marks.html", page)
    # A page with one table: 表9 is not there (the core's message says so), 表1 is.
    with pytest.raises(gongkai.Error) as e:
        gongkai.validate(page, sheet="表9")
    assert e.value.code == "import"
    assert gongkai.validate(page, sheet="表1").items == gongkai.validate(page).items > 0


def test_audit_diff_and_changes_read_the_table_with_the_fields(table: Path) -> None:
    records = [{"item_id": "1", "formed_on": "2024-03-01", "published_on": "2024-03-05"}]
    a = gongkai.audit(table, records, today="2024-12-31", domain="municipal_services")
    assert a.summary["overall"]["records"] == 1
    d = gongkai.diff("municipal_services", table, domain="municipal_services")
    assert d.coverage.matched > 0
    c = gongkai.changes(table, table, domain="municipal_services")
    assert c["weakened"] is False
