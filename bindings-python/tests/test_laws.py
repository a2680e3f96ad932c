"""The registry of instruments (依据库) from Python, on the shared fixtures of tests/laws/."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import gongkai

from conftest import REPO

LAWS = REPO / "tests" / "laws"
EXPECTED = json.loads((LAWS / "expected.json").read_text(encoding="utf-8"))
BAD = json.loads((LAWS / "bad.json").read_text(encoding="utf-8"))
CATALOGUE = LAWS / "catalogue.json"
LOCAL = LAWS / "local.laws.json"


def pairs(report: gongkai.Report) -> list[tuple[str, str]]:
    return sorted((i.code, i.path) for i in report.issues)


def expected(key: str) -> list[tuple[str, str]]:
    return sorted((i["code"], i["path"]) for i in EXPECTED[key])


def test_without_laws_the_local_instruments_are_unknown() -> None:
    assert pairs(gongkai.validate(CATALOGUE)) == expected("without_laws")


@pytest.mark.parametrize(
    "laws",
    [
        LOCAL,
        str(LOCAL),
        LOCAL.read_text(encoding="utf-8"),
        LOCAL.read_bytes(),
        json.loads(LOCAL.read_text(encoding="utf-8")),
    ],
    ids=["path", "str-path", "text", "bytes", "dict"],
)
def test_laws_argument_adds_local_instruments(laws: object) -> None:
    report = gongkai.validate(CATALOGUE, laws=laws)
    assert pairs(report) == expected("with_laws")
    validator = gongkai.Validator(laws=laws, lang="en")
    report = validator.validate(CATALOGUE)
    assert pairs(report) == expected("with_laws")
    repealed = next(i for i in report.issues if i.code == "basis.repealed")
    assert "was repealed on 2023-07-01" in repealed.message
    many = gongkai.validate_many([CATALOGUE, CATALOGUE], laws=laws)
    assert [pairs(r) for r in many] == [expected("with_laws")] * 2  # type: ignore[arg-type]


@pytest.mark.parametrize("case", BAD["cases"], ids=[c["file"] for c in BAD["cases"]])
def test_bad_registry_files_raise(case: dict[str, object]) -> None:
    path = LAWS / str(case["file"])
    with pytest.raises(gongkai.Error) as info:
        gongkai.validate(CATALOGUE, laws=path)
    assert info.value.code == case["code"]
    for word in case["contains"]:  # type: ignore[attr-defined]
        assert word in str(info.value), (word, str(info.value))
    with pytest.raises(gongkai.Error):
        gongkai.Validator(laws=path)
    with pytest.raises(gongkai.Error):
        gongkai.laws(laws=path)


def test_a_missing_registry_file_is_an_io_error(tmp_path: Path) -> None:
    with pytest.raises(gongkai.Error) as info:
        gongkai.validate(CATALOGUE, laws=tmp_path / "none.laws.json")
    assert info.value.code == "io"


def test_laws_lists_the_registry() -> None:
    embedded = gongkai.laws()
    assert len(embedded) >= 60
    titles = {law["title"] for law in embedded}
    assert "中华人民共和国政府信息公开条例" in titles
    tiaoli = next(law for law in embedded if law["title"] == "中华人民共和国政府信息公开条例")
    assert [v.get("doc_no") for v in tiaoli["versions"]] == ["国务院令第492号", "国务院令第711号"]
    assert all(v.get("source") for v in tiaoli["versions"])
    merged = gongkai.laws(laws=LOCAL)
    assert len(merged) == len(embedded) + 2
    assert merged[0]["title"] == "示例县城镇燃气管理办法"


def test_lookup_law() -> None:
    for case in EXPECTED["lookup"]:
        found = gongkai.lookup_law(case["title"], doc_no=case["doc_no"])
        if case["law"] is None:
            assert found is None, case
            continue
        assert found is not None, case
        assert found["law"]["title"] == case["law"]
        version = found["version"]
        assert (version or {}).get("doc_no") == case["version_doc_no"], case
    for case in EXPECTED["lookup_with_laws"]:
        found = gongkai.lookup_law(case["title"], doc_no=case["doc_no"], laws=LOCAL)
        assert found is not None
        assert found["law"]["title"] == case["law"]
        assert found["version"]["doc_no"] == case["version_doc_no"]
    # A document number alone finds its instrument.
    found = gongkai.lookup_law("", doc_no="国务院令第590号")
    assert found is not None
    assert found["law"]["title"] == "国有土地上房屋征收与补偿条例"
    repealed = gongkai.lookup_law("城市房屋拆迁管理条例")
    assert repealed is not None
    assert repealed["law"]["status"] == "repealed"
    assert repealed["law"]["replaced_by"] == "国有土地上房屋征收与补偿条例"
