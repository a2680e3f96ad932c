"""The published schema, used by an independent validator (Python jsonschema, Draft 2020-12 with
format checking), agrees with the fixtures' expected structural verdicts and with the core on
every mutant of tests/schema/mutants.json; the module's schemas are the checked-in files (same
key order); every report is valid under the report schema."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import gongkai
import jsonschema
import pytest

from conftest import (
    CASES,
    REPO,
    REPORT_SCHEMA_FILE,
    SCHEMA_FILE,
    case_files,
    invalid_catalogue,
    load_case,
    valid_catalogue,
)

CASE_FILES = case_files()


class DuplicateKey(Exception):
    pass


def no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    keys = [k for k, _ in pairs]
    if len(keys) != len(set(keys)):
        raise DuplicateKey
    return dict(pairs)


def document(case: dict[str, Any]) -> Any:
    """The fixture's document when it is JSON without duplicate keys, else None."""
    if "catalogue" in case:
        return case["catalogue"]
    text = case["catalogue_text"].removeprefix("\ufeff")
    try:
        return json.loads(text, object_pairs_hook=no_duplicates)
    except (ValueError, DuplicateKey):
        return None


@pytest.fixture(scope="module")
def schema_validator() -> jsonschema.Draft202012Validator:
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(
        schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )


def test_the_fixture_suite_is_not_empty() -> None:
    assert CASE_FILES, f"no fixtures under {CASES}"


@pytest.mark.parametrize("path", CASE_FILES, ids=[str(p.relative_to(CASES)) for p in CASE_FILES])
def test_python_jsonschema_agrees(path: Path, schema_validator: Any) -> None:
    case = load_case(path)
    expected = case["expected"].get("structurally_valid")
    doc = document(case)
    if doc is None or not isinstance(expected, bool):
        pytest.skip("not a JSON document without duplicate keys")
    errors = [f"{e.json_path}: {e.message}" for e in schema_validator.iter_errors(doc)]
    assert (not errors) is expected, errors


def test_the_date_format_is_checked(schema_validator: Any) -> None:
    doc = valid_catalogue()
    assert schema_validator.is_valid(doc)
    doc["issued"] = "2024-02-30"
    assert not schema_validator.is_valid(doc)


def apply(doc: Any, mutant: dict[str, Any]) -> Any:
    """One JSON Patch operation (replace, remove, add) on a copy of `doc`."""
    if "op" not in mutant:
        return doc
    if mutant["path"] == "":
        return copy.deepcopy(mutant["value"])
    out = copy.deepcopy(doc)
    *parents, last = [p.replace("~1", "/").replace("~0", "~") for p in mutant["path"].split("/")[1:]]
    node = out
    for p in parents:
        node = node[int(p)] if isinstance(node, list) else node[p]
    if isinstance(node, list):
        i = int(last)
        if mutant["op"] == "replace":
            node[i] = mutant["value"]
        elif mutant["op"] == "add":
            node.insert(i, mutant["value"])
        else:
            del node[i]
    elif mutant["op"] == "remove":
        del node[last]
    else:
        node[last] = mutant["value"]
    return out


def test_python_jsonschema_agrees_on_every_mutant(schema_validator: Any) -> None:
    data = json.loads((REPO / "tests" / "schema" / "mutants.json").read_text(encoding="utf-8"))
    mutants = data["mutants"]
    assert len(mutants) > 2000
    disagreements = []
    for m in mutants:
        doc = apply(data["documents"][m["doc"]], m)
        if schema_validator.is_valid(doc) is not m["valid"]:
            disagreements.append(f"{m.get('op')} {m.get('path')} {m.get('value')!r}: core says {m['valid']}")
    assert not disagreements, f"{len(disagreements)} of {len(mutants)}:\n" + "\n".join(disagreements[:20])


def test_the_small_verdicts() -> None:
    # What Python's `re` and date parser would have let through, or refused alone.
    validator = jsonschema.Draft202012Validator(
        gongkai.schema(), format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )
    doc = valid_catalogue()
    doc["region"] = {"province": "河南省", "city": "焦作市", "county": "武陟县", "code": "410823\n"}
    assert not validator.is_valid(doc)
    assert not gongkai.validate(doc).valid
    doc = valid_catalogue()
    doc["issued"] = "0000-01-01"
    assert not validator.is_valid(doc)
    assert not gongkai.validate(doc).valid
    doc["issued"] = "0001-01-01"
    assert validator.is_valid(doc)


def test_module_schemas_are_the_published_files() -> None:
    assert gongkai.schema() == json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    assert gongkai.report_schema() == json.loads(REPORT_SCHEMA_FILE.read_text(encoding="utf-8"))
    # In the file's order: the item's properties in the standard table's column order.
    published = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    item = gongkai.schema()["$defs"]["Item"]["properties"]
    assert list(item) == list(published["$defs"]["Item"]["properties"])
    assert list(item)[:8] == ["id", "category", "name", "subitem", "content", "basis", "time_limit", "subject"]
    assert gongkai.schema() is not gongkai.schema()  # a new dict each time: safe to mutate


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_reports_follow_the_report_schema(lang: str) -> None:
    validator = jsonschema.Draft202012Validator(gongkai.report_schema())
    for doc in (valid_catalogue(), invalid_catalogue()):
        report = gongkai.validate(doc, lang=lang)
        validator.validate(report.to_dict())
        validator.validate(json.loads(report.to_json()))
