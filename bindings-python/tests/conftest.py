"""Shared helpers of the gongkai Python tests."""

from __future__ import annotations

import copy
import json
import os
from pathlib import Path
from typing import Any, NoReturn

import pytest

REPO = Path(__file__).resolve().parents[2]
CASES = REPO / "tests" / "cases"
SCHEMA_FILE = REPO / "schema" / "catalogue-1.1.schema.json"
REPORT_SCHEMA_FILE = REPO / "schema" / "report.schema.json"

# The core's own example: valid under the schema and every rule.
VALID: dict[str, Any] = {
    "schema_version": "1.0",
    "title": "武陟县城市管理局市政服务领域基层政务公开标准目录",
    "domain": "municipal_services",
    "publisher": "武陟县城市管理局",
    "level": "county",
    "issued": "2024-03-01",
    "items": [
        {
            "id": "1",
            "category": "城镇燃气管理",
            "name": "燃气经营许可证核发",
            "content": ["申请条件", "申请材料", "申请流程", "法定依据"],
            "basis": [
                {
                    "title": "城镇燃气管理条例",
                    "doc_no": "国务院令第583号",
                    "kind": "administrative_regulation",
                }
            ],
            "time_limit": {"kind": "working_days", "days": 20, "from": "formed_or_changed"},
            "subject": "武陟县城市管理局",
            "channels": ["gov_website"],
            "audience": ["public"],
            "method": ["proactive"],
            "levels": ["county"],
        }
    ],
}


def valid_catalogue() -> dict[str, Any]:
    """A fresh deep copy of the valid example."""
    return copy.deepcopy(VALID)


def invalid_catalogue() -> dict[str, Any]:
    """The example with an error (主动 without 政府网站), a missing name and an unknown key."""
    c = valid_catalogue()
    c["items"][0]["channels"] = ["service_center"]
    del c["items"][0]["name"]
    c["chanels"] = ["gov_website"]
    return c


def case_files() -> list[Path]:
    return sorted(CASES.rglob("*.json"))


def load_case(path: Path) -> dict[str, Any]:
    with path.open(encoding="utf-8") as f:
        return json.load(f)


def codes_and_paths(report: Any) -> list[tuple[str, str]]:
    return sorted((i.code, i.path) for i in report.issues)


@pytest.fixture
def valid() -> dict[str, Any]:
    return valid_catalogue()


@pytest.fixture
def invalid() -> dict[str, Any]:
    return invalid_catalogue()


AUDIT = REPO / "tests" / "audit"
DIFF = REPO / "tests" / "diff"
CORPUS = REPO / "tests" / "corpus"
EXAMPLES = REPO / "examples"


def cli_or_skip() -> Path:
    """The command-line tool built from this tree (``target/debug/gongkai``, or ``$GONGKAI_CLI``),
    to compare its JSON output with the binding's. Skips when it is not built (``cargo test``
    builds it; ``scripts/test.sh`` runs the Rust tests first) or older than the sources; in CI
    (``$CI`` or ``$GONGKAI_CI`` set to anything but empty, ``0`` or ``false``; ``scripts/test.sh``
    sets ``GONGKAI_CI=1``) a cross-check that cannot run is a failure, not a skip."""
    exe = Path(os.environ.get("GONGKAI_CLI", REPO / "target" / "debug" / "gongkai"))
    if not exe.is_file():
        _skip_or_fail(f"the CLI is not built ({exe}); `cargo build -p gongkai-cli` builds it")
    built = exe.stat().st_mtime
    sources = [REPO / "core" / "src", REPO / "cli" / "src", REPO / "core" / "reference", REPO / "data"]
    newest = max(p.stat().st_mtime for d in sources if d.exists() for p in d.rglob("*") if p.is_file())
    if newest > built:
        _skip_or_fail(f"the CLI at {exe} is older than the sources; rebuild it to compare")
    return exe


def in_ci() -> bool:
    """True when ``$CI`` or ``$GONGKAI_CI`` is set to anything but empty, ``0`` or ``false``."""
    return any(os.environ.get(k, "").strip().lower() not in ("", "0", "false") for k in ("CI", "GONGKAI_CI"))


def _skip_or_fail(why: str) -> NoReturn:
    """A cross-check that cannot run: skipped on a developer's machine, a failure in CI."""
    if in_ci():
        pytest.fail(f"{why} (a skipped cross-check fails in CI)", pytrace=False)
    pytest.skip(why)


def run_cli(*args: str) -> tuple[int, Any]:
    """Runs the CLI with ``--format json``; returns its exit code and parsed output."""
    import subprocess

    done = subprocess.run(
        [str(cli_or_skip()), *args, "--format", "json"], capture_output=True, text=True, timeout=120
    )
    assert done.returncode in (0, 1), done.stderr
    return done.returncode, json.loads(done.stdout)


def _column_letter(i: int) -> str:
    s = ""
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        s = chr(65 + r) + s
    return s


def write_xlsx(path: Path, rows: list[list[str]], sheet: str = "Sheet1") -> None:
    """Writes a minimal XLSX workbook (one sheet of inline strings) with the standard library:
    a table's grid as a spreadsheet program would save it, without needing openpyxl."""
    import zipfile
    from xml.sax.saxutils import escape, quoteattr

    def cell(r: int, c: int, v: str) -> str:
        ref = f"{_column_letter(c)}{r}"
        return f'<c r="{ref}" t="inlineStr"><is><t xml:space="preserve">{escape(v)}</t></is></c>'

    body = "".join(
        f'<row r="{r}">' + "".join(cell(r, c, v) for c, v in enumerate(row) if v) + "</row>"
        for r, row in enumerate(rows, start=1)
    )
    main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    pkg = "http://schemas.openxmlformats.org/package/2006/relationships"
    ct = "application/vnd.openxmlformats-officedocument.spreadsheetml"
    files = {
        "[Content_Types].xml": (
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            f'<Override PartName="/xl/workbook.xml" ContentType="{ct}.sheet.main+xml"/>'
            f'<Override PartName="/xl/worksheets/sheet1.xml" ContentType="{ct}.worksheet+xml"/></Types>'
        ),
        "_rels/.rels": (
            f'<Relationships xmlns="{pkg}"><Relationship Id="rId1" '
            f'Type="{rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>'
        ),
        "xl/workbook.xml": (
            f'<workbook xmlns="{main}" xmlns:r="{rel}"><sheets>'
            f'<sheet name={quoteattr(sheet)} sheetId="1" r:id="rId1"/></sheets></workbook>'
        ),
        "xl/_rels/workbook.xml.rels": (
            f'<Relationships xmlns="{pkg}"><Relationship Id="rId1" '
            f'Type="{rel}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>'
        ),
        "xl/worksheets/sheet1.xml": f'<worksheet xmlns="{main}"><sheetData>{body}</sheetData></worksheet>',
    }
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, xml in files.items():
            z.writestr(name, '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' + xml)


@pytest.fixture(autouse=True)
def _no_user_calendar(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test runs without a per-user holiday file or ``GONGKAI_CALENDAR`` (an empty data
    folder), so that the embedded schedule is what the tests see; tests of the lookup set their
    own."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "xdg"))
    monkeypatch.delenv("GONGKAI_CALENDAR", raising=False)
    return home
