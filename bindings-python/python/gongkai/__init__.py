"""gongkai (公开): validate, audit and compare Chinese government disclosure catalogues
(基层政务公开标准目录).

The engine is the Rust core; this package is a thin, typed face over it::

    import gongkai

    report = gongkai.validate("目录.json")          # a path, JSON text, JSON bytes or a dict
    if not report.valid:
        for issue in report.issues:
            print(issue.severity, issue.path, issue.message)

What ``validate(data)`` accepts (and what ``audit`` and ``diff`` accept as a catalogue):

- a ``dict`` (or another JSON value): converted to JSON with the standard library's encoder
  (key order kept; values JSON cannot hold, such as ``datetime.date`` or ``float('nan')``, raise
  :class:`Error` naming where they are);
- ``bytes`` (or ``bytearray``/``memoryview``): JSON content, UTF-8, a BOM accepted. Bytes are
  never a path;
- ``str``: **JSON text if its first non-blank character is ``{`` or ``[``**, otherwise a path;
- an ``os.PathLike`` (``pathlib.Path``): a path. The file is read in Rust; its name decides the
  format: JSON, or a CSV, XLSX or HTML table (imported by the core; issues then carry the
  table ``location``: sheet, row, column).

Invalid data never raises: it is a :class:`Report` with issues. Calls that cannot produce a
report (unreadable file, not JSON, not a catalogue object, bad argument, a year the holiday
schedule does not cover) raise :class:`Error`, a ``ValueError`` with ``.code``, ``.message``,
``.path``, ``.line``, ``.column``, ``.location``.

Working days and deadlines (dates are ``datetime.date``; ``"YYYY-MM-DD"`` strings are accepted
too): :func:`is_working_day`, :func:`add_working_days`, :func:`working_days_between` and
:func:`deadline` use the official holiday schedule embedded in the library, with the per-user
file (``$XDG_DATA_HOME/gongkai/holidays.csv``, else ``~/.local/share/gongkai/holidays.csv``) and
the file named by ``GONGKAI_CALENDAR`` applied, as the command line does. A year whose notice is
not loaded (2027 in the embedded table) is *provisional*: counted with the statutory holidays of
《全国年节及纪念日放假办法》 and no 调休 days; :class:`Deadline` and :class:`AuditReport` say
``provisional=True``, and the functions returning a bare value raise the
:class:`ProvisionalWarning` warning. ``strict_calendar=True`` (or ``Calendar(strict=True)``)
refuses such years. A newer schedule (a new year is published each November or December) is a
:class:`Calendar`: ``Calendar.load(path)`` (the default calendar plus ``path``),
``Calendar().with_csv(path_or_text)`` adds or replaces years, ``Calendar.from_csv(...)`` is
exactly the file given; a ``Calendar`` has the same methods, and :func:`deadline` and
:func:`audit` take it (or a holiday file) as ``calendar=``. :func:`check_calendar` checks a
holiday file.

The 公开依据 rules check citations against a registry of instruments (依据库) embedded in the
library: repealed instruments, superseded versions, a wrong kind. ``laws=`` (on
:func:`validate`, :class:`Validator`, :func:`validate_many`) adds a user's registry file (a
path, JSON text or bytes, or a dict, in the format of ``docs/laws.md``) merged over the embedded
one; a bad file raises :class:`Error` (code ``laws``) naming each entry and field. :func:`laws`
lists the registry and :func:`lookup_law` finds the instrument a citation names.

:func:`audit` checks publication records against a catalogue (按时公开率); :func:`diff` checks
a catalogue against the upper-level standard (``"municipal_services"``, or ``"市政服务"``, is
embedded) and :func:`consistency` two linked catalogues against each other. :func:`site`
publishes catalogues as a static 基层政务公开专题 site (what ``gongkai site`` writes, byte for
byte).
:func:`evaluate` scores and ranks every unit's catalogue (the 监督评价: ``.to_dataframe()``,
``.problems_dataframe()``, ``.to_html()``, ``.to_xlsx()``).

Parsing, validation, audits and diffs run with the GIL released; :class:`Validator` is
thread-safe, and :func:`validate_many` validates a batch on all cores.

Results come through one generic path: the native module hands each over as a handle on the
core's value (``to_dict()``: its JSON as new Python objects; ``to_json()``: the core's JSON
text) and calls the class of the same name below, which names the JSON keys it exposes as
attributes (``_fields``), converts some (``_convert``: nested views, dates) and says which a
``repr`` shows. Nothing else is written per type. A new kind of result is a subclass of
``_Result`` and a native call of ``result::wrap(py, "Name", value, None)``.
"""

from __future__ import annotations

import copy as _copy
import datetime as _dt
import importlib as _importlib
import json as _jsonlib
import math as _math
from typing import Any as _Any
from typing import Callable as _Callable
from typing import Iterator as _Iterator

from . import _gongkai
from ._gongkai import (
    Calendar,
    Error,
    ProvisionalWarning,
    Validator,
    __version__,
    audit,
    changes,
    check_calendar,
    consistency,
    deadline,
    diff,
    diff_report_schema,
    laws,
    lookup_law,
    reference,
    reference_names,
    report_schema,
    rules,
    schema,
    site,
)
from ._evaluation import PROBLEM_COLUMNS as _PROBLEM_COLUMNS
from ._evaluation import UNIT_COLUMNS as _UNIT_COLUMNS
from ._evaluation import _path, _unit_row, evaluate, evaluation_schema

__all__ = [
    "AuditReport",
    "Calendar",
    "ChangesReport",
    "Counts",
    "Coverage",
    "Deadline",
    "DiffFinding",
    "DiffReport",
    "Error",
    "Evaluation",
    "Issue",
    "Location",
    "ProvisionalWarning",
    "Report",
    "Validator",
    "__version__",
    "add_working_days",
    "audit",
    "changes",
    "check_calendar",
    "consistency",
    "deadline",
    "diff",
    "diff_report_schema",
    "evaluate",
    "evaluation_schema",
    "is_working_day",
    "laws",
    "lookup_law",
    "reference",
    "reference_names",
    "report_schema",
    "rules",
    "schema",
    "site",
    "validate",
    "validate_many",
    "working_days_between",
]


def validate(data: _Any, *, lang: str = "zh", min_severity: str = "info", today: _Any = None,
             mask: bool = False, laws: _Any = None, max_issues: int = 100_000,
             **table: _Any) -> Report:
    """Validates one catalogue (see the package docs for what ``data`` may be). For a table,
    ``sheet=`` picks the sheet and ``title=``, ``domain=``, ``publisher=``, ``level=``,
    ``issued=`` give the catalogue fields it lacks."""
    v = Validator(lang=lang, min_severity=min_severity, today=today, mask=mask, laws=laws,
                  max_issues=max_issues, **table)
    return v.validate(data)  # type: ignore[no-any-return]


def validate_many(paths: _Any, *, workers: int | None = None, progress: bool = False,
                  lang: str = "zh", min_severity: str = "info", today: _Any = None,
                  mask: bool = False, laws: _Any = None,
                  max_issues: int = 100_000, **table: _Any) -> list[_Any]:
    """Validates many catalogues in parallel; one Report (or gongkai.Error) per input. The
    table keywords are those of :func:`validate`."""
    v = Validator(lang=lang, min_severity=min_severity, today=today, mask=mask, laws=laws,
                  max_issues=max_issues, **table)
    return v.validate_many(paths, workers=workers, progress=progress)  # type: ignore[no-any-return]


def is_working_day(date: _Any) -> bool:
    """Whether ``date`` is a working day, by the default calendar (:meth:`Calendar.load`)."""
    return Calendar.load().is_working_day(date)  # type: ignore[no-any-return]


def add_working_days(date: _Any, n: int) -> _dt.date:
    """The ``n``th working day after ``date`` (the start day is not counted), by the default
    calendar."""
    return Calendar.load().add_working_days(date, n)  # type: ignore[no-any-return]


def working_days_between(a: _Any, b: _Any) -> int:
    """The working days in ``(a, b]``, by the default calendar."""
    return Calendar.load().working_days_between(a, b)  # type: ignore[no-any-return]


# ---- results ----------------------------------------------------------------------------------


def _date(v: _Any) -> _Any:
    return None if v is None else _dt.date.fromisoformat(v)


def _datetime(v: _Any) -> _Any:
    return None if v is None else _dt.datetime.fromisoformat(v)


def _invalid(name: str, expected: str, found: str) -> Exception:
    """The core's error for a bad argument (``gongkai.Error``, code ``invalid_argument``)."""
    return _gongkai._invalid_argument(name, expected, found)  # type: ignore[no-any-return]


class _View:
    """A read-only object over a dict of the core's JSON: each name of ``_fields`` is an
    attribute (None when the key is absent), converted by ``_convert`` (once; a list or dict is
    copied on each access) or else deep-copied."""

    __slots__ = ("_d", "_cache")
    _fields = ""
    _convert: dict[str, _Callable[[_Any], _Any]] = {}
    _repr = ""

    def __init_subclass__(cls, **kwargs: _Any) -> None:
        super().__init_subclass__(**kwargs)
        for name in cls._fields.split():
            setattr(cls, name, property(lambda self, n=name, f=cls._convert.get(name): self._get(n, f)))

    def __init__(self, data: dict[str, _Any]) -> None:
        self._d = data
        self._cache: dict[str, _Any] = {}

    def _get(self, name: str, convert: _Callable[[_Any], _Any] | None) -> _Any:
        if convert is None:
            return _copy.deepcopy(self._d.get(name))
        if name not in self._cache:
            self._cache[name] = convert(self._d.get(name))
        v = self._cache[name]
        return list(v) if isinstance(v, list) else dict(v) if isinstance(v, dict) else v

    def to_dict(self) -> dict[str, _Any]:
        """The value as a dict, exactly as in the JSON."""
        return _copy.deepcopy(self._d)

    def __eq__(self, other: object) -> bool:
        return type(other) is type(self) and other._d == self._d  # type: ignore[attr-defined]

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        shown = ", ".join(f"{k}={getattr(self, k)!r}" for k in self._repr.split())
        return f"{type(self).__name__}({shown})"


class _Result(_View):
    """A top-level result: a view of a native handle's JSON, with its exact ``to_dict()`` and
    ``to_json()``; ``extra`` are values of the call that the JSON does not hold."""

    __slots__ = ("_native",)
    _truth = ""  # why there is no truth value (empty: an ordinary object)

    def __init__(self, native: _Any, **extra: _Any) -> None:
        super().__init__(native.to_dict())
        self._native = native
        self._cache.update({f"_{k}": v for k, v in extra.items()})

    def to_dict(self) -> dict[str, _Any]:
        """The result as a dict, exactly its JSON (the core's serialisation)."""
        return self._native.to_dict()  # type: ignore[no-any-return]

    def to_json(self, *, pretty: bool = False) -> str:
        """The result as JSON text: what the command line prints with ``--format json``."""
        return self._native.to_json(pretty)  # type: ignore[no-any-return]

    def __bool__(self) -> bool:
        if self._truth:
            raise TypeError(f"the truth value of a gongkai.{type(self).__name__} is ambiguous: {self._truth}")
        return True


def _views(cls: type[_View]) -> _Callable[[_Any], _Any]:
    return lambda v: None if v is None else cls(v) if isinstance(v, dict) else [cls(d) for d in v]


def _excerpt(s: str, n: int = 80) -> str:
    """The core's ``excerpt``: control characters as spaces, at most ``n`` characters."""
    s = "".join(" " if ord(c) < 32 or 127 <= ord(c) < 160 else c for c in s[: n + 1])
    return s[:n] + "…" if len(s) > n else s


def _issue_lines(issues: list[dict[str, _Any]], where: _Callable[[dict[str, _Any]], str], more: str) -> str:
    """The first ten issues of a result's ``repr``."""
    out = "".join(f"\n  {i['severity']:<7} {where(i)} {i['code']} {_excerpt(i['message'])!r}" for i in issues[:10])
    return out + (f"\n  … {len(issues) - 10} more ({more})" if len(issues) > 10 else "")


def _frame(what: str, rows: list[dict[str, _Any]], columns: list[str], ints: tuple[str, ...] = (),
           dates: tuple[str, ...] = (), union: bool = False) -> _Any:
    """A pandas DataFrame of ``rows`` with ``columns`` (with ``union``: the rows' keys, and
    ``columns`` only when there is no row), nullable ``Int64`` and ``datetime64`` columns."""
    try:
        pd = _importlib.import_module("pandas")
    except ImportError as e:
        raise ImportError(f"gongkai: {what} needs pandas; install it with `pip install pandas` "
                          "(or use to_dict() without pandas)") from e
    df = pd.DataFrame(rows) if union and rows else pd.DataFrame(rows, columns=columns)
    for c in (c for c in ints if c in df.columns):
        df[c] = df[c].astype("Int64")
    for c in (c for c in dates if c in df.columns):
        df[c] = pd.to_datetime(df[c], errors="coerce")
    return df


def _cell(issue: dict[str, _Any], column: str) -> _Any:
    """A DataFrame cell of an issue: its key, or a key of its location (``sheet`` of
    ``location``, ``local_row`` of ``local_location``)."""
    if column == "params" or column in issue:
        return dict(issue.get("params") or {}) if column == "params" else issue[column]
    side, _, key = column.rpartition("_")
    return (issue.get(f"{side}_location" if side else "location") or {}).get(key)


class Location(_View):
    """Where a value was in the user's own table (imported catalogues only)."""

    _fields = _repr = "sheet row column header"


class Counts(_View):
    """Issue counts by severity."""

    _fields = _repr = "error warning info"


class Issue(_View):
    """One problem: the core's one issue shape (validation, import; diff findings are
    :class:`DiffFinding`)."""

    _fields = "code severity path item_id message location params"
    _convert = {"location": _views(Location), "params": lambda v: v or {}}
    _repr = "code severity path item_id message"


class DiffFinding(Issue):
    """One finding of a diff or consistency check: an :class:`Issue` with both sides."""

    _fields = "reference_path local_path reference_item_id local_item_id reference_location local_location"
    _convert = {"reference_location": _views(Location), "local_location": _views(Location)}
    _repr = "code severity reference_path local_path message"


class Report(_Result):
    """The result of validating one catalogue. Iterating yields the issues; ``len`` counts
    them. No truth value (use ``.valid``)."""

    _fields = "valid items counts issues"
    _convert = {"counts": Counts, "issues": _views(Issue)}
    _truth = "use report.valid (no errors) or len(report) (number of issues)"
    _COLUMNS = ["code", "severity", "path", "item_id", "message", "sheet", "row", "column", "header", "params"]

    def __len__(self) -> int:
        return len(self._d["issues"])

    def __iter__(self) -> _Iterator[Issue]:
        return iter(self._get("issues", self._convert["issues"]))

    def to_dataframe(self) -> _Any:
        """The issues as a pandas DataFrame, one row per issue (the table location flattened
        into sheet, row, column, header)."""
        rows = [{c: _cell(i, c) for c in self._COLUMNS} for i in self._d["issues"]]
        return _frame("Report.to_dataframe()", rows, self._COLUMNS, ints=("row",))

    def __repr__(self) -> str:
        d, c = self._d, self._d["counts"]
        head = f"<gongkai.Report valid={d['valid']} items={d['items']} error={c['error']} warning={c['warning']} info={c['info']}>"
        return head + _issue_lines(d["issues"], lambda i: i["path"] or "/", "report.issues, report.to_dataframe()")


class Coverage(_View):
    """Coverage figures of a diff (in consistency mode the first catalogue plays the
    reference)."""

    _fields = ("reference_items local_items matched fully_kept weakened unverified missing ambiguous "
               "local_additions present_share fully_kept_share")
    _repr = "reference_items matched fully_kept weakened missing ambiguous local_additions present_share fully_kept_share"


class DiffReport(_Result):
    """The result of ``diff`` or ``consistency``. Iterating yields the findings."""

    _fields = "mode valid reference local coverage counts matches findings"
    _convert = {"coverage": Coverage, "counts": Counts, "findings": _views(DiffFinding)}
    _truth = "use report.valid (no errors) or len(report) (number of findings)"
    _COLUMNS = ["code", "severity", "reference_path", "local_path", "reference_item_id", "local_item_id",
                "message", "local_sheet", "local_row", "local_column", "reference_sheet", "reference_row",
                "reference_column", "params"]
    _MATCHES = ["reference_path", "local_path", "reference_id", "local_id", "reference_name", "local_name",
                "score", "method", "reason", "status"]

    def __len__(self) -> int:
        return len(self._d["findings"])

    def __iter__(self) -> _Iterator[DiffFinding]:
        return iter(self._get("findings", self._convert["findings"]))

    def to_dataframe(self, of: str = "findings") -> _Any:
        """A pandas DataFrame of the findings (``of="findings"``) or of the matched pairs
        (``of="matches"``)."""
        if of not in ("findings", "matches"):
            raise _invalid("of", '"findings" 或 "matches"', repr(of))
        if of == "matches":
            return _frame("DiffReport.to_dataframe()", _copy.deepcopy(self._d["matches"]), self._MATCHES)
        rows = [{c: _cell(f, c) for c in self._COLUMNS} for f in self._d["findings"]]
        return _frame("DiffReport.to_dataframe()", rows, self._COLUMNS, ints=("local_row", "reference_row"))

    def __repr__(self) -> str:
        d, c, k = self._d, self._d["coverage"], self._d["counts"]
        head = (f"<gongkai.DiffReport mode={d['mode']} valid={d['valid']} matched={c['matched']}/"
                f"{c['reference_items']} fully_kept={c['fully_kept']} missing={c['missing']} "
                f"error={k['error']} warning={k['warning']} info={k['info']}>")
        where = lambda f: f"{f.get('reference_path') or '–'} → {f.get('local_path') or '–'}"  # noqa: E731
        return head + _issue_lines(d["findings"], where, "report.findings, report.to_dataframe()")


_ROW_DATES = {"formed_on": _date, "request_received": _date, "published_on": _date, "deadline": _date,
              "event_at": _datetime, "deadline_at": _datetime}


class AuditReport(_Result):
    """The result of ``audit``: one row per record, summaries, and the bad records. Iterating
    yields the rows."""

    _fields = "today summary issues provisional provisional_years"
    _convert = {"today": _date}
    _truth = "use report.has_late_or_overdue, report.has_errors or len(report) (number of records)"
    rows = property(lambda self: [{k: _ROW_DATES.get(k, _copy.deepcopy)(v) for k, v in r.items()} for r in self._d["rows"]])
    overall = property(lambda self: _copy.deepcopy(self._d["summary"]["overall"]))
    by_category = property(lambda self: _copy.deepcopy(self._d["summary"]["by_category"]))
    by_item = property(lambda self: _copy.deepcopy(self._d["summary"]["by_item"]))
    on_time_rate = property(lambda self: self._d["summary"]["overall"]["on_time_rate"])
    has_late_or_overdue = property(lambda self: self.overall["late"] + self.overall["overdue"] > 0)
    has_errors = property(lambda self: any(i["severity"] == "error" for i in self._d["issues"]))

    def __len__(self) -> int:
        return len(self._d["rows"])

    def __iter__(self) -> _Iterator[dict[str, _Any]]:
        return iter(self.rows)

    def to_dataframe(self, of: str = "rows") -> _Any:
        """A pandas DataFrame of the rows (``"rows"``), the per-item or per-一级事项 summary
        (``"items"``, ``"categories"``) or the issues (``"issues"``)."""
        frames = {"rows": (self.rows, ("row", "line", "late_by_days", "late_by_working_days", "late_by_minutes"), tuple(_ROW_DATES)),
                  "items": (self.by_item, (), ()), "categories": (self.by_category, (), ()),
                  "issues": (_copy.deepcopy(self._d["issues"]), ("row", "line"), ())}
        if of not in frames:
            raise _invalid("of", '"rows"、"items"、"categories" 或 "issues"', repr(of))
        rows, ints, dates = frames[of]
        columns = _gongkai._audit_columns()[of]
        # Rows: every key of the core's row, in its order (a row may leave some out).
        return _frame("AuditReport.to_dataframe()", rows, columns, ints, dates, union=of != "rows")

    def __repr__(self) -> str:
        t, today = self._d["summary"]["overall"], self._d.get("today")
        counts = "".join(f" {k}={n}" for k, n in t.items() if k not in ("records", "assessed") and type(n) is int and n > 0)
        rate = "None" if t["on_time_rate"] is None else f"{t['on_time_rate'] * 100:.1f}%"
        return f"<gongkai.AuditReport records={t['records']}{counts} on_time_rate={rate}{f' today={today}' if today else ''}>"


class Deadline(_Result):
    """The deadline of one time limit from one start (``to_dict()``: what ``gongkai deadline
    --format json`` prints under ``deadline``)."""

    _fields = "date datetime nominal_date start kind working_days extension_days provisional provisional_years"
    _convert = {"date": _date, "nominal_date": _date, "start": _date, "datetime": _datetime}
    reason = property(lambda self: (self._d.get("reason") or {}).get("code"))
    message = property(lambda self: (self._d.get("reason") or {}).get(f"message_{self._cache['_lang']}"))
    time_limit = property(lambda self: _copy.deepcopy(self._cache["_time_limit"]))
    warnings = property(lambda self: [{"code": w["code"], "message": w[f"message_{self._cache['_lang']}"]}
                                      for w in self._d.get("warnings") or []])

    def __repr__(self) -> str:
        d = self._d
        what = (d["datetime"].replace("T", " ")[:16] if d.get("datetime") else d.get("date")
                or (f"None reason={self.reason}" if self.reason else "None"))
        provisional = " provisional" if d.get("provisional") else ""
        return f"<gongkai.Deadline {what} kind={d['kind']} start={d['start']}{provisional}>"


class ChangesReport(_Result):
    """The result of :func:`changes`: what changed between two versions of a catalogue. The
    keys of its JSON are attributes (``issues`` as :class:`Issue`) and, as when ``changes``
    returned a dict, items too: ``report["items"]`` is the JSON value (a copy), ``"weakened" in
    report``, ``report == a_dict``; iterating yields the keys."""

    _fields = "old new weakened counts items issues"
    _convert = {"issues": _views(Issue)}

    def __getitem__(self, key: str) -> _Any:
        return _copy.deepcopy(self._d[key])

    def get(self, key: str, default: _Any = None) -> _Any:
        return self[key] if key in self._d else default

    def keys(self) -> _Any:
        return self._d.keys()

    def __contains__(self, key: object) -> bool:
        return key in self._d

    def __iter__(self) -> _Iterator[str]:
        return iter(list(self._d))

    def __eq__(self, other: object) -> bool:
        return other == self._d if isinstance(other, dict) else super().__eq__(other)

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        d, c = self._d, self._d["counts"]
        counts = " ".join(f"{k}={n}" for k, n in c.items())
        return f"<gongkai.ChangesReport weakened={d['weakened']} {counts}>"


class Evaluation(_Result):
    """The result of :func:`evaluate` (the 监督评价): the JSON report (``gongkai schema
    --evaluation``) as attributes and ``data``, its DataFrames, the 通报 and the workbook.
    ``Evaluation(text)`` reads a saved report (``gongkai evaluate -o report.json``) back."""

    _fields = "title today lang units summary scoring issues"
    _convert = {"today": _date}
    data = property(lambda self: self._d)

    def __init__(self, report_json: _Any, **extra: _Any) -> None:
        is_text = isinstance(report_json, str)
        super().__init__(_gongkai._evaluation_native(report_json) if is_text else report_json, **extra)

    def unit(self, name: str) -> dict[str, _Any] | None:
        """The unit called ``name``, or ``None``."""
        return next((_copy.deepcopy(u) for u in self._d["units"] if u["unit"] == name), None)

    def to_html(self) -> str:
        """The 通报: one self-contained HTML page (inline SVG charts, printable on A4)."""
        return _gongkai._evaluation_html(self._native)  # type: ignore[no-any-return]

    def to_xlsx(self, path: _Any = None) -> bytes:
        """The workbook (summary, deductions, scoring table, one sheet per unit); written to
        ``path`` when given. Returns the bytes."""
        data: bytes = _gongkai._evaluation_xlsx(self._native)
        if path is not None:
            with open(_path(path, "path"), "wb") as f:
                f.write(data)
        return data

    def to_dataframe(self) -> _Any:
        """One row per unit (columns ``gongkai._evaluation.UNIT_COLUMNS``), best first."""
        return _frame("Evaluation.to_dataframe()", [_unit_row(u) for u in self._d["units"]], _UNIT_COLUMNS)

    def problems_dataframe(self) -> _Any:
        """One row per problem of every unit (columns ``gongkai._evaluation.PROBLEM_COLUMNS``),
        with its file and cell and the deduction class it counts in."""
        keys = [("class" if c == "deduction" else c) for c in _PROBLEM_COLUMNS[1:]]
        rows = [[u["unit"], *(p.get(k) for k in keys)] for u in self._d["units"] for p in u["problems"]]
        return _frame("Evaluation.problems_dataframe()", rows, _PROBLEM_COLUMNS)

    def __repr__(self) -> str:
        s = self._d["summary"]
        return f"<gongkai.Evaluation units={s['units']} evaluated={s['evaluated']} mean_score={s['mean_score']}>"


for _cls in (Location, Counts, Issue, DiffFinding, Report, Coverage, DiffReport, AuditReport, Deadline,
             ChangesReport, Evaluation):
    _cls.__module__ = "gongkai"


# ---- Python values as JSON, for the native module ---------------------------------------------

_ENCODE = _jsonlib.JSONEncoder(ensure_ascii=False, allow_nan=False, separators=(",", ":")).encode


def _type(v: _Any) -> str:
    t = type(v)
    return t.__qualname__ if t.__module__ == "builtins" else f"{t.__module__}.{t.__qualname__}"


def _json(value: _Any) -> bytes:
    """A catalogue given as a Python value, as compact UTF-8 JSON (the standard library's C
    encoder, key order kept). A value JSON cannot hold raises :class:`Error` saying where."""
    try:
        return _ENCODE(value).encode("utf-8")  # type: ignore[no-any-return]
    except (TypeError, ValueError, RecursionError) as e:
        where, found = _non_json(value, "", 0) or ("", f"无法转换为 JSON 的值（{e}）")
        raise _invalid(where or "顶层", "JSON 值（字符串、数字、布尔值、None、列表或字典）", found) from None


def _non_json(v: _Any, path: str, depth: int) -> tuple[str, str] | None:
    """The first value the JSON encoder refuses: its JSON Pointer and what it is."""
    if depth > 500:
        return path, "嵌套过深或循环引用的值"
    if isinstance(v, dict):
        for k, x in v.items():
            if not (k is None or isinstance(k, (str, int, float))):
                return path, f"{_type(k)} 类型的键 {k!r}"
            found = _non_json(x, f"{path}/{str(k).replace('~', '~0').replace('/', '~1')}", depth + 1)
            if found:
                return found
    elif isinstance(v, (list, tuple)):
        return next((f for i, x in enumerate(v) if (f := _non_json(x, f"{path}/{i}", depth + 1))), None)
    elif isinstance(v, str):
        return None if v.isascii() or _utf8(v) else (path, "含有无法编码为 UTF-8 的代理字符的文本")
    elif isinstance(v, float):
        return None if _math.isfinite(v) else (path, repr(v))
    elif not (v is None or isinstance(v, (bool, int))):
        return path, _type(v)
    return None


def _utf8(s: str) -> bool:
    try:
        s.encode("utf-8")
        return True
    except UnicodeEncodeError:
        return False


def _records_json(rows: _Any) -> bytes:
    """Publication records given as Python values (a list of dicts, or a pandas DataFrame) as
    JSON: dates as ISO text, missing values (None, NaN, NaT, pd.NA) as null, whole floats as
    integers (ids and counts read from a spreadsheet), other objects as their str()."""
    if not isinstance(rows, dict) and all(hasattr(rows, a) for a in ("to_dict", "columns", "iloc")):
        rows = rows.to_dict("records")
    if not isinstance(rows, (list, tuple, dict)):
        raise TypeError("gongkai: records must be a path (str or os.PathLike), CSV or JSON text (str or "
                        f"bytes), a list of dicts, or a pandas DataFrame; got {_type(rows)}")

    def value(v: _Any, depth: int) -> _Any:
        if depth > 64:
            return None
        if v is None or isinstance(v, (bool, str, int)):
            return v
        if isinstance(v, dict):
            return {str(k): value(x, depth + 1) for k, x in v.items()}
        if isinstance(v, (list, tuple)):
            return [value(x, depth + 1) for x in v]
        try:
            if bool(v != v):  # NaN, NaT
                return None
        except (TypeError, ValueError):  # pd.NA
            return None
        if isinstance(v, float):
            return None if _math.isinf(v) else int(v) if v.is_integer() and abs(v) < 1e15 else v
        if isinstance(v, _dt.datetime):
            return v.strftime("%Y-%m-%d %H:%M:%S")
        return v.isoformat() if isinstance(v, _dt.date) else str(v)

    return _jsonlib.dumps(value(rows, 0), ensure_ascii=False).encode("utf-8")


del annotations
