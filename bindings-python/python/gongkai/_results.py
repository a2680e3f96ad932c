"""The result classes: read-only views of the core's JSON, one generic path for all of them.

The native module hands every result over as a handle on the core's value (``to_dict()``: its
JSON as new Python objects; ``to_json(pretty)``: the core's JSON text) and calls the class of
the same name here. A class declares the JSON keys it exposes as attributes (``_Field``, with a
converter for nested views and dates) and which a ``repr`` shows; nothing else is written per
type. A new kind of result is a subclass of ``_Result`` and a native call of
``result::wrap(py, "Name", value, None)``.
"""

from __future__ import annotations

import copy
import datetime
import importlib
import json
from typing import Any, Callable, ClassVar, Iterator


def _date(v: Any) -> Any:
    return None if v is None else datetime.date.fromisoformat(v)


def _datetime(v: Any) -> Any:
    return None if v is None else datetime.datetime.fromisoformat(v)


def _excerpt(s: str, n: int = 80) -> str:
    """The core's ``excerpt``: control characters as spaces, at most ``n`` characters."""
    s = "".join(" " if ord(c) < 32 or 127 <= ord(c) < 160 else c for c in s[: n + 1])
    return s[:n] + "…" if len(s) > n else s


def _native() -> Any:
    return importlib.import_module("gongkai._gongkai")


def _pandas(what: str) -> Any:
    try:
        return importlib.import_module("pandas")
    except ImportError as e:
        raise ImportError(
            f"gongkai: {what} needs pandas; install it with `pip install pandas` "
            "(or use to_dict() without pandas)"
        ) from e


def _frame(what: str, rows: list[dict[str, Any]], columns: list[str], ints: tuple[str, ...] = (),
           dates: tuple[str, ...] = (), union: bool = False) -> Any:
    """A DataFrame of ``rows`` with ``columns`` (with ``union``: the rows' keys, and ``columns``
    only when there is no row), nullable ``Int64`` columns, ``datetime64`` date columns."""
    pd = _pandas(what)
    df = pd.DataFrame(rows) if union and rows else pd.DataFrame(rows, columns=columns)
    for c in (c for c in ints if c in df.columns):
        df[c] = df[c].astype("Int64")
    for c in (c for c in dates if c in df.columns):
        df[c] = pd.to_datetime(df[c], errors="coerce")
    return df


def _cell(issue: dict[str, Any], column: str) -> Any:
    """A DataFrame cell of an issue: its key, or a key of its location (``sheet`` of
    ``location``, ``local_row`` of ``local_location``)."""
    if column == "params":
        return dict(issue.get("params") or {})
    if column in issue:
        return issue[column]
    side, _, key = column.rpartition("_")
    return (issue.get(f"{side}_location" if side else "location") or {}).get(key)


class _Field:
    """A key of the JSON as a read-only attribute: ``None`` when absent, converted by
    ``convert`` (once; a list or dict is copied on each access), else a deep copy."""

    def __init__(self, convert: Callable[[Any], Any] | None = None) -> None:
        self.convert = convert
        self.name = ""

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    def __get__(self, obj: Any, owner: Any = None) -> Any:
        if obj is None:
            return self
        if self.convert is None:
            return copy.deepcopy(obj._d.get(self.name))
        if self.name not in obj._cache:
            obj._cache[self.name] = self.convert(obj._d.get(self.name))
        v = obj._cache[self.name]
        return list(v) if isinstance(v, list) else dict(v) if isinstance(v, dict) else v

    def __set__(self, obj: Any, value: Any) -> None:
        raise AttributeError(f"{type(obj).__name__}.{self.name} is read-only")


class _View:
    """A read-only object over a dict of the core's JSON, its keys declared as ``_Field``s."""

    __slots__ = ("_d", "_cache")
    _repr: ClassVar[str] = ""

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        cls.__module__ = "gongkai"

    def __init__(self, data: dict[str, Any]) -> None:
        self._d = data
        self._cache: dict[str, Any] = {}

    def to_dict(self) -> dict[str, Any]:
        """The value as a dict, exactly as in the JSON."""
        return copy.deepcopy(self._d)

    def __eq__(self, other: object) -> bool:
        return type(other) is type(self) and other._d == self._d  # type: ignore[attr-defined]

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        shown = ", ".join(f"{k}={getattr(self, k)!r}" for k in self._repr.split())
        return f"{type(self).__name__}({shown})"


def _views(cls: type[_View]) -> Callable[[Any], list[_View]]:
    return lambda items: [cls(d) for d in items or []]


class _Result(_View):
    """A top-level result: a view of a native handle's JSON, with its exact ``to_dict()`` and
    ``to_json()``; ``extra`` are values of the call that the JSON does not hold."""

    __slots__ = ("_native",)
    _truth_hint: ClassVar[str] = ""

    def __init__(self, native: Any, **extra: Any) -> None:
        super().__init__(native.to_dict())
        self._native = native
        self._cache.update({f"_{k}": v for k, v in extra.items()})

    def to_dict(self) -> dict[str, Any]:
        """The result as a dict, exactly its JSON (the core's serialisation)."""
        return self._native.to_dict()  # type: ignore[no-any-return]

    def to_json(self, *, pretty: bool = False) -> str:
        """The result as JSON text (compact, or indented with ``pretty=True``): what the
        command line prints with ``--format json``."""
        return self._native.to_json(pretty)  # type: ignore[no-any-return]

    def __bool__(self) -> bool:
        """No truth value: ``if report:`` would read as "is valid" to some and as "has issues"
        to others."""
        if not self._truth_hint:
            return True
        raise TypeError(f"the truth value of a gongkai.{type(self).__name__} is ambiguous: {self._truth_hint}")


def _location(v: Any) -> Any:
    return None if v is None else Location(v)


class Location(_View):
    """Where a value was in the user's own table (imported catalogues only)."""

    sheet = _Field()
    row = _Field()
    column = _Field()
    header = _Field()
    _repr = "sheet row column header"


class Counts(_View):
    """Issue counts by severity."""

    error = _Field()
    warning = _Field()
    info = _Field()
    _repr = "error warning info"


class Issue(_View):
    """One problem: the core's one issue shape (validation, import, diff)."""

    code = _Field()
    severity = _Field()
    path = _Field()
    item_id = _Field()
    message = _Field()
    location = _Field(_location)
    params = _Field(lambda v: v or {})
    _repr = "code severity path item_id message"


class DiffFinding(Issue):
    """One finding of a diff or consistency check: an issue with both sides."""

    reference_path = _Field()
    local_path = _Field()
    reference_item_id = _Field()
    local_item_id = _Field()
    reference_location = _Field(_location)
    local_location = _Field(_location)
    _repr = "code severity reference_path local_path message"


def _issue_lines(issues: list[dict[str, Any]], where: Callable[[dict[str, Any]], str], more: str) -> str:
    """The first ten issues of a result's ``repr``."""
    out = "".join(
        f"\n  {i['severity']:<7} {where(i)} {i['code']} {_excerpt(i['message'])!r}" for i in issues[:10]
    )
    if len(issues) > 10:
        out += f"\n  … {len(issues) - 10} more ({more})"
    return out


class Report(_Result):
    """The result of validating one catalogue. Iterating yields the issues; ``len`` counts
    them. No truth value (use ``.valid``)."""

    valid = _Field()
    items = _Field()
    counts = _Field(Counts)
    issues = _Field(_views(Issue))
    _truth_hint = "use report.valid (no errors) or len(report) (number of issues)"
    _COLUMNS = ["code", "severity", "path", "item_id", "message", "sheet", "row", "column", "header", "params"]

    def __len__(self) -> int:
        return len(self._d["issues"])

    def __iter__(self) -> Iterator[Issue]:
        return iter(self.issues)

    def to_dataframe(self) -> Any:
        """The issues as a pandas DataFrame, one row per issue (the table location flattened
        into sheet, row, column, header)."""
        rows = [{c: _cell(i, c) for c in self._COLUMNS} for i in self._d["issues"]]
        return _frame("Report.to_dataframe()", rows, self._COLUMNS, ints=("row",))

    def __repr__(self) -> str:
        c = self._d["counts"]
        head = (f"<gongkai.Report valid={self._d['valid']} items={self._d['items']} "
                f"error={c['error']} warning={c['warning']} info={c['info']}>")
        return head + _issue_lines(self._d["issues"], lambda i: i["path"] or "/",
                                   "report.issues, report.to_dataframe()")


class Coverage(_View):
    """Coverage figures of a diff (in consistency mode the first catalogue plays the
    reference)."""

    reference_items = _Field()
    local_items = _Field()
    matched = _Field()
    fully_kept = _Field()
    weakened = _Field()
    unverified = _Field()
    missing = _Field()
    ambiguous = _Field()
    local_additions = _Field()
    present_share = _Field()
    fully_kept_share = _Field()
    _repr = ("reference_items matched fully_kept weakened missing ambiguous local_additions "
             "present_share fully_kept_share")


class DiffReport(_Result):
    """The result of ``diff`` or ``consistency``. Iterating yields the findings."""

    mode = _Field()
    valid = _Field()
    reference = _Field()
    local = _Field()
    coverage = _Field(Coverage)
    counts = _Field(Counts)
    matches = _Field()
    findings = _Field(_views(DiffFinding))
    _truth_hint = "use report.valid (no errors) or len(report) (number of findings)"
    _COLUMNS = ["code", "severity", "reference_path", "local_path", "reference_item_id",
                "local_item_id", "message", "local_sheet", "local_row", "local_column",
                "reference_sheet", "reference_row", "reference_column", "params"]
    _MATCH_COLUMNS = ["reference_path", "local_path", "reference_id", "local_id", "reference_name",
                      "local_name", "score", "method", "reason", "status"]

    def __len__(self) -> int:
        return len(self._d["findings"])

    def __iter__(self) -> Iterator[DiffFinding]:
        return iter(self.findings)

    def to_dataframe(self, of: str = "findings") -> Any:
        """A pandas DataFrame of the findings (``of="findings"``) or of the matched pairs
        (``of="matches"``)."""
        what = "DiffReport.to_dataframe()"
        if of == "matches":
            return _frame(what, self.matches, self._MATCH_COLUMNS)
        if of != "findings":
            raise _invalid("of", '"findings" 或 "matches"', of)
        rows = [{c: _cell(f, c) for c in self._COLUMNS} for f in self._d["findings"]]
        return _frame(what, rows, self._COLUMNS, ints=("local_row", "reference_row"))

    def __repr__(self) -> str:
        c, k = self._d["coverage"], self._d["counts"]
        head = (f"<gongkai.DiffReport mode={self._d['mode']} valid={self._d['valid']} "
                f"matched={c['matched']}/{c['reference_items']} fully_kept={c['fully_kept']} "
                f"missing={c['missing']} error={k['error']} warning={k['warning']} info={k['info']}>")
        return head + _issue_lines(
            self._d["findings"],
            lambda f: f"{f.get('reference_path') or '–'} → {f.get('local_path') or '–'}",
            "report.findings, report.to_dataframe()",
        )


_ROW_DATES = {"formed_on": _date, "request_received": _date, "published_on": _date,
              "deadline": _date, "event_at": _datetime, "deadline_at": _datetime}


class AuditReport(_Result):
    """The result of ``audit``: one row per record, summaries, and the bad records. Iterating
    yields the rows."""

    today = _Field(_date)
    summary = _Field()
    issues = _Field()
    _truth_hint = "use report.has_late_or_overdue, report.has_errors or len(report) (number of records)"

    @property
    def rows(self) -> list[dict[str, Any]]:
        """One dict per record: dates as ``datetime.date``, ``event_at`` and ``deadline_at``
        as ``datetime.datetime``."""
        return [{k: _ROW_DATES.get(k, copy.deepcopy)(v) for k, v in r.items()} for r in self._d["rows"]]

    @property
    def overall(self) -> dict[str, Any]:
        return copy.deepcopy(self._d["summary"]["overall"])  # type: ignore[no-any-return]

    @property
    def by_category(self) -> list[dict[str, Any]]:
        return copy.deepcopy(self._d["summary"]["by_category"])  # type: ignore[no-any-return]

    @property
    def by_item(self) -> list[dict[str, Any]]:
        return copy.deepcopy(self._d["summary"]["by_item"])  # type: ignore[no-any-return]

    @property
    def on_time_rate(self) -> float | None:
        return self._d["summary"]["overall"]["on_time_rate"]  # type: ignore[no-any-return]

    @property
    def has_late_or_overdue(self) -> bool:
        overall = self._d["summary"]["overall"]
        return overall["late"] + overall["overdue"] > 0  # type: ignore[no-any-return]

    @property
    def has_errors(self) -> bool:
        return any(i["severity"] == "error" for i in self._d["issues"])

    def __len__(self) -> int:
        return len(self._d["rows"])

    def __iter__(self) -> Iterator[dict[str, Any]]:
        return iter(self.rows)

    def to_dataframe(self, of: str = "rows") -> Any:
        """A pandas DataFrame of the rows (``"rows"``), the per-item or per-一级事项 summary
        (``"items"``, ``"categories"``) or the issues (``"issues"``)."""
        frames = {"rows": (self.rows, ("row", "line", "late_by_days", "late_by_working_days"), tuple(_ROW_DATES)),
                  "items": (self.by_item, (), ()), "categories": (self.by_category, (), ()),
                  "issues": (self.issues, ("row", "line"), ())}
        if of not in frames:
            raise _invalid("of", '"rows"、"items"、"categories" 或 "issues"', of)
        rows, ints, dates = frames[of]
        columns = _native()._audit_columns()[of]
        return _frame("AuditReport.to_dataframe()", rows, columns, ints, dates, union=True)

    def __repr__(self) -> str:
        t = self._d["summary"]["overall"]
        counts = "".join(f" {k}={n}" for k, n in t.items()
                         if k not in ("records", "assessed") and type(n) is int and n > 0)
        rate = "None" if t["on_time_rate"] is None else f"{t['on_time_rate'] * 100:.1f}%"
        today = f" today={self._d['today']}" if self._d.get("today") else ""
        return f"<gongkai.AuditReport records={t['records']}{counts} on_time_rate={rate}{today}>"


class Deadline(_Result):
    """The deadline of one time limit from one start (``to_dict()``: what ``gongkai deadline
    --format json`` prints under ``deadline``)."""

    date = _Field(_date)
    datetime = _Field(_datetime)
    nominal_date = _Field(_date)
    start = _Field(_date)
    kind = _Field()
    working_days = _Field()
    extension_days = _Field()

    @property
    def reason(self) -> str | None:
        """Why there is no date: a stable code (``no_deadline.promptly``, …), or None."""
        return (self._d.get("reason") or {}).get("code")

    @property
    def message(self) -> str | None:
        """The message of ``reason``, in the call's language, or None."""
        return (self._d.get("reason") or {}).get(f"message_{self._cache['_lang']}")

    @property
    def time_limit(self) -> dict[str, Any]:
        """The time limit the deadline was computed for (parsed from the text when a text was
        given)."""
        return copy.deepcopy(self._cache["_time_limit"])  # type: ignore[no-any-return]

    def __repr__(self) -> str:
        d = self._d
        what = (d["datetime"].replace("T", " ")[:16] if d.get("datetime") else d.get("date")
                or (f"None reason={self.reason}" if self.reason else "None"))
        return f"<gongkai.Deadline {what} kind={d['kind']} start={d['start']}>"


def _invalid(name: str, expected: str, value: Any) -> Exception:
    """The core's message for a bad argument (``gongkai.Error``, code ``invalid_argument``)."""
    return _native()._invalid_argument(name, expected, repr(value))  # type: ignore[no-any-return]


def _records_json(rows: Any) -> bytes:
    """Publication records given as Python values (a list of dicts, or a pandas DataFrame) as
    JSON for the core: dates as ISO text, missing values (None, NaN, NaT, pd.NA) as null, whole
    floats as integers (ids and counts read from a spreadsheet), other objects as their str()."""
    if not isinstance(rows, dict) and all(hasattr(rows, a) for a in ("to_dict", "columns", "iloc")):
        rows = rows.to_dict("records")
    if not isinstance(rows, (list, tuple, dict)):
        raise TypeError(
            "gongkai: records must be a path (str or os.PathLike), CSV or JSON text (str or "
            f"bytes), a list of dicts, or a pandas DataFrame; got {type(rows).__module__}.{type(rows).__qualname__}"
        )

    def value(v: Any, depth: int) -> Any:
        if v is None or isinstance(v, (bool, str, int)) or depth > 64:
            return None if depth > 64 else v
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
            return None if v in (float("inf"), float("-inf")) else int(v) if v.is_integer() and abs(v) < 1e15 else v
        if isinstance(v, datetime.datetime):
            return v.strftime("%Y-%m-%d %H:%M:%S")
        if isinstance(v, datetime.date):
            return v.isoformat()
        return str(v)

    return json.dumps(value(rows, 0), ensure_ascii=False).encode("utf-8")
