"""The Python face: what validate accepts, Report and Issue, errors, options, rules, schema."""

from __future__ import annotations

import datetime
import importlib.metadata
import json
import os
import sys
from pathlib import Path
from typing import Any

import gongkai
import pytest

from conftest import codes_and_paths, invalid_catalogue, valid_catalogue

INVALID_ISSUES = [
    ("channels.website_required", "/items/0/channels"),
    ("model.unknown_key", "/chanels"),
    ("schema.required", "/items/0/name"),
]


# ---- inputs ---------------------------------------------------------------------------------


def test_valid_dict(valid: dict[str, Any]) -> None:
    report = gongkai.validate(valid)
    assert report.valid is True
    assert report.items == 1
    assert report.issues == []
    assert report.counts == gongkai.validate(valid).counts
    assert (report.counts.error, report.counts.warning, report.counts.info) == (0, 0, 0)


def test_invalid_data_is_a_report_not_an_exception(invalid: dict[str, Any]) -> None:
    report = gongkai.validate(invalid)
    assert report.valid is False
    assert codes_and_paths(report) == sorted(INVALID_ISSUES)
    assert report.counts.error == 2 and report.counts.warning == 1


def test_every_input_form_gives_the_same_report(invalid: dict[str, Any], tmp_path: Path) -> None:
    text = json.dumps(invalid, ensure_ascii=False)
    file = tmp_path / "目录.json"
    file.write_text(text, encoding="utf-8")
    expected = gongkai.validate(invalid)
    forms = [
        text,
        "\n\t " + text,
        "\ufeff" + text,
        text.encode("utf-8"),
        b"\xef\xbb\xbf" + text.encode("utf-8"),
        bytearray(text.encode("utf-8")),
        memoryview(text.encode("utf-8")),
        json.dumps(invalid),  # ASCII-escaped
        file,
        str(file),
        os.fsencode(file).decode(),
    ]
    for data in forms:
        assert gongkai.validate(data) == expected, type(data)


class FsPath:
    def __init__(self, p: Path) -> None:
        self.p = p

    def __fspath__(self) -> str:
        return str(self.p)


def test_any_pathlike_is_a_path(valid: dict[str, Any], tmp_path: Path) -> None:
    file = tmp_path / "c.json"
    file.write_text(json.dumps(valid), encoding="utf-8")
    assert gongkai.validate(FsPath(file)).valid


def test_a_str_is_json_only_when_it_starts_with_a_brace_or_bracket(tmp_path: Path) -> None:
    # "[" → JSON text: an array is not a catalogue.
    with pytest.raises(gongkai.Error) as e:
        gongkai.validate("  [1, 2]")
    assert e.value.code == "not_a_catalogue"
    # Anything else is a path, even when it looks like another JSON value.
    for s in ("null", '"text"', "42", "", "目录.json"):
        with pytest.raises(gongkai.Error) as e:
            gongkai.validate(s)
        assert e.value.code == "io", s
        assert e.value.path == s


def test_bytes_are_never_a_path(tmp_path: Path) -> None:
    with pytest.raises(gongkai.Error) as e:
        gongkai.validate(os.fsencode(tmp_path / "x.json"))
    assert e.value.code == "json"


def test_dict_key_order_is_kept(valid: dict[str, Any]) -> None:
    # Duplicates cannot exist in a dict; order must not change the verdict or the report.
    reordered = dict(reversed(list(valid.items())))
    assert gongkai.validate(reordered) == gongkai.validate(valid)


def test_non_str_keys_are_written_as_json_does(valid: dict[str, Any]) -> None:
    valid[1] = "x"  # json.dumps writes the key "1": an unknown key, kept and warned
    report = gongkai.validate(valid)
    assert report.valid
    assert codes_and_paths(report) == [("model.unknown_key", "/1")]


def test_tuples_are_arrays(valid: dict[str, Any]) -> None:
    valid["items"] = tuple(valid["items"])
    valid["items"][0]["content"] = tuple(valid["items"][0]["content"])
    assert gongkai.validate(valid).valid


@pytest.mark.parametrize(
    ("value", "where", "what"),
    [
        (datetime.date(2024, 3, 1), "/issued", "datetime.date"),
        (float("nan"), "/items/0/time_limit/days", "nan"),
        (float("inf"), "/items/0/time_limit/days", "inf"),
        ({1, 2}, "/items/0/content", "set"),
        (b"raw", "/title", "bytes"),
        (object(), "/items/0/basis/0/x~1y", "object"),
    ],
)
def test_values_json_cannot_hold_raise_and_say_where(
    valid: dict[str, Any], value: Any, where: str, what: str
) -> None:
    target: Any = valid
    *parents, last = where.strip("/").split("/")
    for p in parents:
        target = target[int(p)] if isinstance(target, list) else target[p]
    target[last.replace("~1", "/")] = value
    with pytest.raises(gongkai.Error) as e:
        gongkai.validate(valid)
    assert e.value.code == "invalid_argument"
    assert where in str(e.value) and what.lower() in str(e.value).lower()
    assert e.value.line is None and e.value.column is None


def test_unsupported_key_type_raises(valid: dict[str, Any]) -> None:
    valid["items"][0][(1, 2)] = "x"
    with pytest.raises(gongkai.Error) as e:
        gongkai.validate(valid)
    assert e.value.code == "invalid_argument"
    assert "/items/0" in str(e.value) and "tuple" in str(e.value)


def test_reference_cycle_raises(valid: dict[str, Any]) -> None:
    valid["self"] = valid
    with pytest.raises(gongkai.Error) as e:
        gongkai.validate(valid)
    assert e.value.code == "invalid_argument"


def test_lone_surrogate_raises(valid: dict[str, Any]) -> None:
    valid["title"] = "目录\ud800"
    with pytest.raises(gongkai.Error) as e:
        gongkai.validate(valid)
    assert e.value.code == "invalid_argument"
    with pytest.raises(gongkai.Error):
        gongkai.validate('{"title": "\ud800"}')


@pytest.mark.parametrize("value", [None, 0, 1.5, True, [], [1], ()])
def test_other_json_values_are_not_catalogues(value: Any) -> None:
    with pytest.raises(gongkai.Error) as e:
        gongkai.validate(value)
    assert e.value.code == "not_a_catalogue"


def test_wrong_argument_type_is_a_type_error() -> None:
    with pytest.raises(TypeError):
        gongkai.validate(object())  # type: ignore[arg-type]


# ---- errors ---------------------------------------------------------------------------------


def test_error_is_a_value_error_with_a_position() -> None:
    assert issubclass(gongkai.Error, ValueError)
    with pytest.raises(gongkai.Error) as e:
        gongkai.validate('{"schema_version": "1.0",\n  "title": }')
    err = e.value
    assert isinstance(err, ValueError)
    assert (err.code, err.line, err.column, err.path) == ("json", 2, 12, None)
    assert err.message == str(err) and "第 2 行第 12 列" in err.message


def test_unreadable_file_error_names_the_file(tmp_path: Path) -> None:
    missing = tmp_path / "缺失.json"
    with pytest.raises(gongkai.Error) as e:
        gongkai.validate(missing)
    assert (e.value.code, e.value.path) == ("io", str(missing))
    with pytest.raises(gongkai.Error) as e:
        gongkai.validate(tmp_path)  # a folder
    assert e.value.code == "io"


def test_broken_json_file_error_has_path_and_position(tmp_path: Path) -> None:
    f = tmp_path / "broken.json"
    f.write_text('{\n"a": [1,,2]}', encoding="utf-8")
    with pytest.raises(gongkai.Error) as e:
        gongkai.validate(f)
    assert (e.value.code, e.value.path, e.value.line) == ("json", str(f), 2)


def test_not_utf8_is_an_error() -> None:
    with pytest.raises(gongkai.Error) as e:
        gongkai.validate('{"title": "公开目录"}'.encode("gb18030"))
    assert (e.value.code, e.value.line, e.value.column) == ("json", 1, 12)


def test_error_raised_from_python_has_the_attributes() -> None:
    e = gongkai.Error("mine")
    assert (e.code, e.path, e.line, e.column, e.location) == ("error", None, None, None, None)


# ---- options --------------------------------------------------------------------------------


def test_lang(invalid: dict[str, Any]) -> None:
    zh = gongkai.validate(invalid)
    en = gongkai.validate(invalid, lang="en")
    assert codes_and_paths(zh) == codes_and_paths(en)
    assert [i.message for i in zh.issues] != [i.message for i in en.issues]
    assert any("政府网站" in i.message for i in zh.issues)
    assert any("government website" in i.message for i in en.issues)
    assert gongkai.validate(invalid, lang="en-US") == en


def test_min_severity_filters_but_keeps_the_verdict(invalid: dict[str, Any]) -> None:
    errors_only = gongkai.validate(invalid, min_severity="error")
    assert {i.severity for i in errors_only.issues} == {"error"}
    assert errors_only.counts.warning == 0
    assert errors_only.valid is False
    only_warning = valid_catalogue()
    only_warning["chanels"] = []
    assert len(gongkai.validate(only_warning)) == 1
    report = gongkai.validate(only_warning, min_severity="error")
    assert report.valid is True and len(report) == 0


@pytest.mark.parametrize(
    ("kwargs", "fragment"),
    [
        ({"lang": "fr"}, "lang"),
        ({"min_severity": "fatal"}, "min_severity"),
        ({"today": "2024-02-30"}, "today"),
        ({"today": "tomorrow"}, "today"),
        ({"today": 20240301}, "today"),
    ],
)
def test_bad_options_raise(valid: dict[str, Any], kwargs: dict[str, Any], fragment: str) -> None:
    with pytest.raises(gongkai.Error) as e:
        gongkai.validate(valid, **kwargs)
    assert e.value.code == "invalid_argument" and fragment in str(e.value)
    with pytest.raises(gongkai.Error):
        gongkai.Validator(**kwargs)


def test_today_accepts_date_datetime_and_text() -> None:
    for today in (
        datetime.date(2026, 1, 15),
        datetime.datetime(2026, 1, 15, 23, 59),
        "2026-01-15",
    ):
        assert gongkai.Validator(today=today).today == "2026-01-15"
    assert gongkai.Validator().today is None


def test_validator_is_reusable_and_says_what_it_is(invalid: dict[str, Any]) -> None:
    v = gongkai.Validator(lang="en", min_severity="warning", today="2026-01-15")
    assert (v.lang, v.min_severity, v.today) == ("en", "warning", "2026-01-15")
    assert repr(v) == "gongkai.Validator(lang='en', min_severity='warning', today='2026-01-15')"
    a, b = v.validate(invalid), v.validate(json.dumps(invalid))
    assert a == b == gongkai.validate(invalid, lang="en", min_severity="warning", today="2026-01-15")
    assert repr(gongkai.Validator()) == "gongkai.Validator(lang='zh', min_severity='info', today=None)"


def test_validator_arguments_are_keyword_only() -> None:
    with pytest.raises(TypeError):
        gongkai.Validator("en")  # type: ignore[misc]
    with pytest.raises(TypeError):
        gongkai.validate({}, "en")  # type: ignore[misc]


# ---- Report, Issue --------------------------------------------------------------------------


def test_issue_fields(invalid: dict[str, Any]) -> None:
    report = gongkai.validate(invalid, lang="en")
    issue = next(i for i in report if i.code == "schema.required")
    assert issue.severity == "error"
    assert issue.path == "/items/0/name"
    assert issue.item_id == "1"
    assert issue.location is None
    assert issue.params["key"] == "name"
    assert "name" in issue.message
    assert issue.to_dict() == report.to_dict()["issues"][report.issues.index(issue)]
    assert repr(issue).startswith("Issue(code='schema.required', severity='error'")
    top = next(i for i in report if i.code == "model.unknown_key")
    assert top.item_id is None and "item_id" not in top.to_dict()


def test_report_to_dict_and_to_json_are_the_core_json(invalid: dict[str, Any]) -> None:
    report = gongkai.validate(invalid)
    d = report.to_dict()
    assert list(d) == ["valid", "items", "counts", "issues"]
    assert d["counts"] == report.counts.to_dict() == {"error": 2, "warning": 1, "info": 0}
    assert json.loads(report.to_json()) == d == json.loads(report.to_json(pretty=True))
    assert "\n" in report.to_json(pretty=True) and "\n" not in report.to_json()
    assert [i["code"] for i in d["issues"]] == [i.code for i in report.issues]


def test_report_sequence_protocol(invalid: dict[str, Any]) -> None:
    report = gongkai.validate(invalid)
    assert len(report) == 3 == len(report.issues)
    assert list(report) == report.issues
    assert report.issues is not report.issues  # a new list: mutating it changes nothing
    report.issues.clear()
    assert len(report.issues) == 3
    with pytest.raises(TypeError, match="ambiguous"):
        bool(report)
    with pytest.raises(TypeError, match="ambiguous"):
        if report:
            pass


def test_report_repr_is_useful(invalid: dict[str, Any], valid: dict[str, Any]) -> None:
    assert repr(gongkai.validate(valid)) == (
        "<gongkai.Report valid=True items=1 error=0 warning=0 info=0>"
    )
    r = repr(gongkai.validate(invalid))
    assert r.splitlines()[0] == "<gongkai.Report valid=False items=1 error=2 warning=1 info=0>"
    assert "/items/0/channels channels.website_required" in r
    many = valid_catalogue()
    many["items"] = [
        dict(many["items"][0], id=str(i), name=f"事项{i}", channels=[]) for i in range(15)
    ]
    r = repr(gongkai.validate(many))
    assert len(gongkai.validate(many)) == 30
    assert len(r.splitlines()) == 12 and "… 20 more" in r


def test_reports_compare_by_content(invalid: dict[str, Any], valid: dict[str, Any]) -> None:
    assert gongkai.validate(invalid) == gongkai.validate(invalid)
    assert gongkai.validate(invalid) != gongkai.validate(valid)
    assert gongkai.validate(invalid) != "report"


def test_classes_cannot_be_built_or_changed_from_python(valid: dict[str, Any]) -> None:
    report = gongkai.validate(valid)
    with pytest.raises(TypeError):
        gongkai.Report()  # type: ignore[call-arg]
    with pytest.raises(AttributeError):
        report.valid = False  # type: ignore[misc]
    assert type(report).__module__ == "gongkai"


def test_to_dataframe(invalid: dict[str, Any]) -> None:
    pd = pytest.importorskip("pandas")
    report = gongkai.validate(invalid)
    df = report.to_dataframe()
    assert isinstance(df, pd.DataFrame)
    assert list(df.columns) == [
        "code", "severity", "path", "item_id", "message",
        "sheet", "row", "column", "header", "params",
    ]
    assert len(df) == 3
    assert list(df["code"]) == [i.code for i in report.issues]
    assert list(df["severity"]) == [i.severity for i in report.issues]
    assert str(df["row"].dtype) == "Int64"
    assert df.loc[df.code == "schema.required", "item_id"].item() == "1"
    assert df.loc[df.code == "schema.required", "params"].item()["key"] == "name"
    empty = gongkai.validate(valid_catalogue()).to_dataframe()
    assert len(empty) == 0 and list(empty.columns) == list(df.columns)


def test_to_dataframe_without_pandas_says_what_to_install(
    invalid: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)  # makes `import pandas` fail
    report = gongkai.validate(invalid)
    with pytest.raises(ImportError, match="pip install pandas"):
        report.to_dataframe()
    assert len(report.issues) == 3  # everything else works without pandas


# ---- rules, schema, version -----------------------------------------------------------------


def test_rules_table() -> None:
    rules = gongkai.rules()
    codes = [r["code"] for r in rules]
    assert len(codes) == len(set(codes)) > 0
    for r in rules:
        assert set(r) >= {"code", "severity", "title", "source", "message_zh", "message_en"}
        assert r["severity"] in {"info", "warning", "error"}
    by_code = {r["code"]: r for r in rules}
    for issue in gongkai.validate(invalid_catalogue()).issues:
        assert by_code[issue.code]["severity"] == issue.severity


def test_schema_is_draft_2020_12() -> None:
    s = gongkai.schema()
    assert s["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert "items" in s["required"]


def test_version_matches_the_installed_distribution() -> None:
    assert gongkai.__version__ == importlib.metadata.version("gongkai")
    assert all(p.isdigit() for p in gongkai.__version__.split(".")[:2])


class BytesFsPath:
    def __init__(self, p: bytes) -> None:
        self.p = p

    def __fspath__(self) -> bytes:
        return self.p


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX file names are bytes")
def test_paths_that_are_not_utf8(valid: dict[str, Any], tmp_path: Path) -> None:
    name = os.fsencode(tmp_path) + b"/\xff\xfe.json"
    with open(name, "w", encoding="utf-8") as f:
        json.dump(valid, f)
    assert gongkai.validate(BytesFsPath(name)).valid
    assert gongkai.validate(os.fsdecode(name)).valid  # a str with surrogate escapes
    missing = os.fsdecode(os.fsencode(tmp_path) + b"/\xff.json")
    with pytest.raises(gongkai.Error) as e:
        gongkai.validate(missing)
    assert e.value.code == "io"


def test_mask_hides_personal_data_in_messages_and_keeps_the_issues():
    import copy
    import json
    from pathlib import Path

    cat = json.loads((Path(__file__).resolve().parents[2] / "examples" / "wuzhi-municipal.json").read_text("utf-8"))
    cat = copy.deepcopy(cat)
    cat["items"][0]["name"] = "联系人：张三 13800138000 的燃气经营许可"
    cat["items"][0]["channels"] = []  # proactive without the website: an error naming the item
    plain = gongkai.validate(cat)
    assert "13800138000" in plain.to_json()
    for masked in (gongkai.validate(cat, mask=True), gongkai.Validator(mask=True).validate(cat)):
        text = masked.to_json()
        assert "13800138000" not in text and "张三" not in text
        assert [(i.code, i.path) for i in masked.issues] == [(i.code, i.path) for i in plain.issues]
        assert masked.valid == plain.valid
    [many] = gongkai.validate_many([json.dumps(cat, ensure_ascii=False)], mask=True)
    assert "13800138000" not in many.to_json()
