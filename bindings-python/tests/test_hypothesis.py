"""Whatever it is given, validate returns a Report or raises gongkai.Error: never another
exception, never a crash. Every form of the same document gives the same report."""

from __future__ import annotations

import json
from typing import Any

import gongkai
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import valid_catalogue

SETTINGS = settings(
    max_examples=200,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

scalars = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=20)
)
json_values = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=5) | st.dictionaries(st.text(max_size=10), inner, max_size=5),
    max_leaves=30,
)

CODES = {r["code"] for r in gongkai.rules()}


def outcome(data: Any) -> gongkai.Report | gongkai.Error:
    try:
        report = gongkai.validate(data)
    except gongkai.Error as e:
        assert e.code and str(e)
        return e
    assert isinstance(report, gongkai.Report)
    assert report.valid == (report.counts.error == 0)
    assert {i.code for i in report.issues} <= CODES
    assert json.loads(report.to_json()) == report.to_dict()
    return report


def same(a: gongkai.Report | gongkai.Error, b: gongkai.Report | gongkai.Error) -> None:
    if isinstance(a, gongkai.Error) or isinstance(b, gongkai.Error):
        assert type(a) is type(b) and a.code == b.code  # type: ignore[union-attr]
    else:
        assert a == b


@SETTINGS
@given(json_values.filter(lambda v: not isinstance(v, str)))  # a str is text or a path
def test_any_json_value(value: Any) -> None:
    result = outcome(value)
    if isinstance(value, dict):
        assert isinstance(result, gongkai.Report)  # an object is always a catalogue to check
    same(result, outcome(json.dumps(value).encode("utf-8")))


def paths_into(doc: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    out = [prefix]
    if isinstance(doc, dict):
        for k, v in doc.items():
            out += paths_into(v, (*prefix, k))
    elif isinstance(doc, list):
        for i, v in enumerate(doc):
            out += paths_into(v, (*prefix, i))
    return out


PATHS = paths_into(valid_catalogue())[1:]


@SETTINGS
@given(st.lists(st.tuples(st.sampled_from(PATHS), json_values), min_size=1, max_size=4))
def test_mutated_catalogue(mutations: list[tuple[tuple[Any, ...], Any]]) -> None:
    doc = valid_catalogue()
    for path, value in mutations:
        target = doc
        try:
            for key in path[:-1]:
                target = target[key]
            target[path[-1]] = value
        except (KeyError, IndexError, TypeError):
            continue  # an earlier mutation replaced a parent
    report = outcome(doc)
    assert isinstance(report, gongkai.Report)
    same(report, outcome(json.dumps(doc, ensure_ascii=False)))
    same(report, outcome(json.dumps(doc).encode("ascii")))


@SETTINGS
@given(st.binary(max_size=300))
def test_any_bytes(data: bytes) -> None:
    outcome(data)


@SETTINGS
@given(st.sampled_from(["{", "[", " {", "\ufeff{"]), st.text(max_size=200))
def test_any_json_looking_text(start: str, rest: str) -> None:
    text = start + rest
    same(outcome(text), outcome(text.encode("utf-8")))


# diff, consistency and audit read the catalogue strictly (a catalogue they cannot read is a
# gongkai.Error, never another exception): mutated catalogues on either side.
@settings(max_examples=100, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.sampled_from(PATHS), json_values), min_size=1, max_size=3))
def test_mutated_catalogue_in_diff_and_audit(mutations: list[tuple[tuple[Any, ...], Any]]) -> None:
    doc = valid_catalogue()
    for path, value in mutations:
        target = doc
        try:
            for key in path[:-1]:
                target = target[key]
            target[path[-1]] = value
        except (KeyError, IndexError, TypeError):
            continue
    for call in [
        lambda: gongkai.diff("municipal_services", doc),
        lambda: gongkai.consistency(doc, valid_catalogue()),
        lambda: gongkai.audit(doc, [{"item_id": "1", "formed_on": "2024-09-25", "published_on": None}]),
    ]:
        try:
            result = call()
        except gongkai.Error as e:
            assert e.code in {"json", "not_a_catalogue", "invalid_argument"} and str(e)
            continue
        assert json.loads(result.to_json()) == result.to_dict()
