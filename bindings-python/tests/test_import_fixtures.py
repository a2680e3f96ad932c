"""The shared import fixtures of `tests/import/` (format in `tests/README.md`) through
`gongkai.validate(path)`: each file gives the importer findings its `.expected.json` lists, or
the error it names (a legacy .doc/.wps/.et or a PDF: `unsupported_format`, with the hint to save
it as .docx/.xlsx). Word documents (.docx) go through the same loader as every table.

Python reads a file with the default import options: fixtures that need other limits or a sheet
are left to the Rust runner (`core/tests/import_fixtures.rs`), and where a fixture gives the
catalogue's own fields as options, the findings about those fields are not compared."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import gongkai
import pytest

from conftest import REPO

FIXTURES = REPO / "tests" / "import"
HEADER_FIELDS = {"title", "domain", "publisher", "level", "issued"}
HEADER_CODES = {"import.header_default", "import.header_missing"}


def fixtures() -> list[tuple[str, Path, dict[str, Any]]]:
    out = []
    for spec_path in sorted(FIXTURES.glob("*.expected.json")):
        name = spec_path.name.removesuffix(".expected.json")
        spec = json.loads(spec_path.read_text(encoding="utf-8"))
        if set(spec.get("options", {})) - HEADER_FIELDS:
            continue
        inputs = [p for p in FIXTURES.iterdir() if p.stem == name and not p.name.endswith(".expected.json")]
        assert len(inputs) == 1, name
        out.append((name, inputs[0], spec))
    return out


FIXTURE_LIST = fixtures()


def test_there_are_fixtures_of_every_kind() -> None:
    suffixes = {p.suffix for _, p, _ in FIXTURE_LIST}
    assert {".csv", ".html", ".xlsx", ".docx", ".doc", ".wps", ".pdf"} <= suffixes, suffixes


@pytest.mark.parametrize("name,path,spec", FIXTURE_LIST, ids=[n for n, _, _ in FIXTURE_LIST])
def test_an_import_fixture_gives_its_findings_or_its_error(name: str, path: Path, spec: dict[str, Any]) -> None:
    expected = spec["expected"]
    if expected["error"] is not None:
        with pytest.raises(gongkai.Error) as e:
            gongkai.validate(path)
        assert e.value.code == expected["error"], str(e.value)
        if "message_contains" in expected:
            assert expected["message_contains"] in str(e.value)
        return
    report = gongkai.validate(path)
    skip = HEADER_CODES if spec.get("options") else set()
    got = sorted((i.code, i.path) for i in report.issues if i.code.startswith("import.") and i.code not in skip)
    want = sorted((i["code"], i["path"]) for i in expected["issues"] if i["code"] not in skip)
    assert got == want
    if "items" in expected:
        assert report.items == len(expected["items"])


def test_a_word_document_is_validated_at_its_cells() -> None:
    report = gongkai.validate(FIXTURES / "word_catalogue.docx")
    assert report.items == 3
    located = [i for i in report.issues if i.location is not None and i.path.startswith("/items/")]
    assert located
    assert all(i.location.sheet == "表1" for i in located)
    # The same document as a reference for the diff and as the catalogue of an audit.
    d = gongkai.diff("municipal_services", FIXTURES / "word_catalogue.docx")
    assert isinstance(d, gongkai.DiffReport)
