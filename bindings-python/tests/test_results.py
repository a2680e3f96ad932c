"""One generic path for every result: each is a read-only view of the core's JSON (attributes are
its keys, ``to_dict()``/``to_json()`` exactly what the core writes), and every argument the core
parses is refused with the core's message naming the argument."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import gongkai
import pytest

from conftest import AUDIT, DIFF, EXAMPLES, invalid_catalogue

RESULTS: dict[str, Any] = {
    "Report": lambda: gongkai.validate(invalid_catalogue()),
    "DiffReport": lambda: gongkai.diff("municipal_services", DIFF / "weakened.json"),
    "AuditReport": lambda: gongkai.audit(
        AUDIT / json.loads((AUDIT / "expected.json").read_text(encoding="utf-8"))["catalogue"],
        AUDIT / "records-missing-column.csv",
    ),
    "Deadline": lambda: gongkai.deadline("2024-03-10 08:00", "停水前24小时"),
}

# The attributes that are the JSON's keys as they are (the others are converted: views, dates).
PLAIN = {
    "Report": ["valid", "items"],
    "DiffReport": ["mode", "valid", "reference", "local", "matches"],
    "AuditReport": ["summary", "issues"],
    "Deadline": ["kind", "working_days", "extension_days"],
}


@pytest.mark.parametrize("name", sorted(RESULTS))
def test_results_are_views_of_the_core_json(name: str) -> None:
    result = RESULTS[name]()
    assert type(result).__name__ == name and type(result).__module__ == "gongkai"
    d = result.to_dict()
    assert d == json.loads(result.to_json()) == json.loads(result.to_json(pretty=True))
    for key in PLAIN[name]:
        assert getattr(result, key) == d[key], key
        with pytest.raises(AttributeError):
            setattr(result, key, None)
    # Every call gives new objects: changing them changes nothing.
    d.clear()
    assert result.to_dict() != {} and result == RESULTS[name]()


def test_nested_views_and_dates_are_converted() -> None:
    report = RESULTS["DiffReport"]()
    assert report.coverage.to_dict() == report.to_dict()["coverage"]
    assert report.counts == gongkai.validate(invalid_catalogue()).counts.__class__(report.to_dict()["counts"])
    finding = report.findings[0]
    assert isinstance(finding, gongkai.Issue) and isinstance(finding, gongkai.DiffFinding)
    assert finding.to_dict() == report.to_dict()["findings"][0]
    assert finding.path == finding.to_dict()["path"] and finding.reference_location is None
    d = RESULTS["Deadline"]()
    assert d.start == dt.date(2024, 3, 10) and d.datetime == dt.datetime(2024, 3, 9, 8, 0)
    assert d.to_dict()["datetime"] == "2024-03-09T08:00:00"


def test_a_reference_by_its_chinese_name() -> None:
    local = EXAMPLES / "wuzhi-municipal.json"
    assert gongkai.diff("市政服务", local) == gongkai.diff("municipal_services", local)
    assert gongkai.reference("市政服务") == gongkai.reference()


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: gongkai.validate({}, lang="fr"), "lang 应为 zh（中文）或 en（English），实际为“fr”"),
        (lambda: gongkai.Validator(min_severity="fatal"), "min_severity 应为 info（提示）、warning（警告）或 error（错误）"),
        (lambda: gongkai.validate({}, today="2024-02-30"), "today 应为 YYYY-MM-DD 格式的真实日期（如 2024-03-01），实际为“2024-02-30”"),
        (lambda: gongkai.validate({}, today=20240301), "today 应为 datetime.date 或 YYYY-MM-DD 格式的真实日期（如 2024-03-01），实际为 20240301"),
        (lambda: gongkai.add_working_days("2024-03-01", -1), "n 应为非负整数，实际为 -1"),
        (lambda: gongkai.deadline("2024-03-01 25:00", working_days=3), "start 应为 YYYY-MM-DD 格式的真实日期，或带时间的 YYYY-MM-DD HH:MM[:SS]"),
        (lambda: gongkai.deadline(3, working_days=3), "start 应为 datetime.date、datetime.datetime 或 YYYY-MM-DD"),
        (lambda: gongkai.diff("nope", "{}"), "上级标准目录应为文件或内置上级标准目录名（可用：municipal_services（市政服务））"),
        (lambda: gongkai.reference("nope"), "name 应为内置上级标准目录名"),
        (lambda: gongkai.diff("municipal_services", "{}", threshold=2), "threshold 应为 0 到 1 之间的数，实际为 2"),
        (lambda: RESULTS["DiffReport"]().to_dataframe("items"), "of 应为 \"findings\" 或 \"matches\"，实际为 'items'"),
        (lambda: gongkai.validate({"issued": dt.date(2024, 3, 1)}), "/issued 应为 JSON 值（字符串、数字、布尔值、None、列表或字典），实际为 datetime.date"),
    ],
)
def test_arguments_are_refused_with_the_core_message(call: Any, message: str) -> None:
    with pytest.raises(gongkai.Error) as e:
        call()
    assert e.value.code == "invalid_argument"
    assert str(e.value) == e.value.message and e.value.message.startswith("参数无效：")
    assert message in e.value.message, e.value.message
