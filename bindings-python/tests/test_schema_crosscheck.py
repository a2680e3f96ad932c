"""The published schema, used by an independent validator (Python jsonschema, Draft 2020-12 with
format checking), agrees with the fixtures' expected structural verdicts; the module's schemas are
the checked-in files; every report is valid under the report schema."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import gongkai
import jsonschema
import pytest

from conftest import (
    CASES,
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


def test_module_schemas_are_the_published_files() -> None:
    assert gongkai.schema() == json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    assert gongkai.report_schema() == json.loads(REPORT_SCHEMA_FILE.read_text(encoding="utf-8"))
    assert gongkai.schema() is not gongkai.schema()  # a new dict each time: safe to mutate


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_reports_follow_the_report_schema(lang: str) -> None:
    validator = jsonschema.Draft202012Validator(gongkai.report_schema())
    for doc in (valid_catalogue(), invalid_catalogue()):
        report = gongkai.validate(doc, lang=lang)
        validator.validate(report.to_dict())
        validator.validate(json.loads(report.to_json()))
