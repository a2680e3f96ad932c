"""Type stubs of gongkai (checked against the built module by ``mypy.stubtest``)."""

import datetime
import os
from datetime import date as _date
from datetime import datetime as _datetime
from collections.abc import Iterable, Iterator
from typing import Any, Literal, Union, final, overload

from typing_extensions import TypeAlias

__version__: str

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

_Data: TypeAlias = Union[
    dict[str, Any],
    list[Any],
    tuple[Any, ...],
    int,
    float,
    bool,
    None,
    str,
    bytes,
    bytearray,
    memoryview,
    os.PathLike[str],
    os.PathLike[bytes],
]
"""What ``validate`` accepts (and ``audit``/``diff`` as a catalogue): a dict (or other JSON
value), JSON text (``str`` whose first non-blank character is ``{`` or ``[``) or JSON ``bytes``,
or a path (any other ``str``, or an ``os.PathLike``) to a JSON file or a CSV, XLSX or HTML
table."""

_Lang: TypeAlias = Literal["zh", "en"]
_SeverityName: TypeAlias = Literal["info", "warning", "error"]
_Today: TypeAlias = Union[datetime.date, str, None]
_Laws: TypeAlias = Union[str, bytes, os.PathLike[str], dict[str, Any], None]
"""A registry file of instruments (依据库): a path, JSON text or bytes, or a dict."""

class Error(ValueError):
    """A call that cannot produce a report (unreadable file, not JSON, not a catalogue, bad
    argument). Invalid data never raises."""

    code: str
    """Stable: ``json``, ``not_a_catalogue``, ``too_large``, ``import``, ``unsupported_format``,
    ``io``, ``calendar`` (a year the holiday schedule does not cover), ``invalid_argument``,
    ``internal``."""
    message: str
    path: str | None
    """The file, when one was read."""
    line: int | None
    """1-based line (JSON text) or row (table), when known."""
    column: int | None
    """1-based column in the JSON text, when known."""
    location: Location | None
    """The table cell, for import errors."""

@final
class Location:
    """Where a value was in the user's own table (imported catalogues only)."""

    @property
    def sheet(self) -> str | None: ...
    @property
    def row(self) -> int: ...
    @property
    def column(self) -> str | None: ...
    @property
    def header(self) -> str | None: ...
    def to_dict(self) -> dict[str, Any]: ...
    def __eq__(self, value: object, /) -> bool: ...
    def __ne__(self, value: object, /) -> bool: ...

@final
class Counts:
    """Issue counts by severity."""

    @property
    def error(self) -> int: ...
    @property
    def warning(self) -> int: ...
    @property
    def info(self) -> int: ...
    def to_dict(self) -> dict[str, int]: ...
    def __eq__(self, value: object, /) -> bool: ...
    def __ne__(self, value: object, /) -> bool: ...

class Issue:
    """One problem: the core's one issue shape (validation, import; diff findings are
    :class:`DiffFinding`)."""

    @property
    def code(self) -> str: ...
    @property
    def severity(self) -> _SeverityName: ...
    @property
    def path(self) -> str:
        """JSON Pointer into the catalogue; ``""`` is the whole document."""
    @property
    def item_id(self) -> str | None: ...
    @property
    def message(self) -> str: ...
    @property
    def location(self) -> Location | None: ...
    @property
    def params(self) -> dict[str, str]: ...
    def to_dict(self) -> dict[str, Any]: ...
    def __eq__(self, value: object, /) -> bool: ...
    def __ne__(self, value: object, /) -> bool: ...

@final
class Report:
    """The result of validating one catalogue. Iterating yields the issues; ``len`` counts them.
    A report has no truth value (use ``.valid``)."""

    @property
    def valid(self) -> bool:
        """True exactly when no issue has severity ``error``."""
    @property
    def items(self) -> int: ...
    @property
    def counts(self) -> Counts: ...
    @property
    def issues(self) -> list[Issue]: ...
    def to_dict(self) -> dict[str, Any]:
        """The published report JSON (``report_schema()``) as a dict."""
    def to_json(self, *, pretty: bool = False) -> str: ...
    def to_dataframe(self) -> Any:
        """The issues as a ``pandas.DataFrame`` (columns code, severity, path, item_id, message,
        sheet, row, column, header, params). Raises ``ImportError`` without pandas."""
    def __len__(self) -> int: ...
    def __iter__(self) -> Iterator[Issue]: ...
    def __bool__(self) -> bool:
        """Always raises ``TypeError``: use ``.valid`` or ``len(report)``."""
    def __eq__(self, value: object, /) -> bool: ...
    def __ne__(self, value: object, /) -> bool: ...

@final
class Validator:
    """A reusable, thread-safe validator."""

    def __new__(
        cls,
        *,
        lang: _Lang | str = "zh",
        min_severity: _SeverityName | str = "info",
        today: _Today = None,
        mask: bool = False,
        laws: _Laws = None,
        max_issues: int = 100000,
        sheet: str | None = None,
        title: str | None = None,
        domain: str | None = None,
        publisher: str | None = None,
        level: str | None = None,
        issued: _Today = None,
    ) -> Validator: ...
    @property
    def lang(self) -> str: ...
    @property
    def min_severity(self) -> str: ...
    @property
    def today(self) -> str | None:
        """``"YYYY-MM-DD"`` or None."""
    def validate(self, data: _Data) -> Report: ...
    def validate_many(
        self,
        paths: Iterable[_Data],
        *,
        workers: int | None = None,
        progress: bool = False,
    ) -> list[Report | Error]: ...

def validate(
    data: _Data,
    *,
    lang: _Lang | str = "zh",
    min_severity: _SeverityName | str = "info",
    today: _Today = None,
    mask: bool = False,
    laws: _Laws = None,
    max_issues: int = 100000,
    sheet: str | None = None,
    title: str | None = None,
    domain: str | None = None,
    publisher: str | None = None,
    level: str | None = None,
    issued: _Today = None,
) -> Report:
    """Validates one catalogue. Invalid data gives a report; only input that cannot be read
    raises :class:`Error`. ``mask=True`` masks personal data (phone numbers, the names after
    联系人：…) in the values messages quote."""

def validate_many(
    paths: Iterable[_Data],
    *,
    workers: int | None = None,
    progress: bool = False,
    lang: _Lang | str = "zh",
    min_severity: _SeverityName | str = "info",
    today: _Today = None,
    mask: bool = False,
    laws: _Laws = None,
    max_issues: int = 100000,
    sheet: str | None = None,
    title: str | None = None,
    domain: str | None = None,
    publisher: str | None = None,
    level: str | None = None,
    issued: _Today = None,
) -> list[Report | Error]:
    """Validates many catalogues in parallel (in Rust, on ``workers`` threads, default all
    cores). One result per input, in input order: a :class:`Report`, or the :class:`Error`
    instance (not raised) for an input that could not be read."""

def schema() -> dict[str, Any]:
    """The published JSON Schema (draft 2020-12) of a catalogue."""

def report_schema() -> dict[str, Any]:
    """The JSON Schema of ``Report.to_dict()``."""

def rules() -> list[dict[str, Any]]:
    """Every rule: code, severity, title, source, message_zh, message_en."""

def laws(*, laws: _Laws = None, lang: _Lang | str = "zh") -> list[dict[str, Any]]:
    """Every instrument of the registry (依据库): the embedded one, or ``laws`` merged over it.
    Each is a dict: title, short_names, kind, issuer, versions, status, repealed_on,
    replaced_by, sources."""

def lookup_law(
    title: str,
    *,
    doc_no: str | None = None,
    laws: _Laws = None,
    lang: _Lang | str = "zh",
) -> dict[str, Any] | None:
    """The instrument a citation names: ``{"law": {...}, "version": {...} | None}`` (the version
    ``doc_no`` names), or None. Titles match without 《》, spaces, the 中华人民共和国 prefix,
    full-width or traditional forms; short names (条例, 行政许可法) work."""

# --- Working days and deadlines -------------------------------------------------------------

_Date: TypeAlias = Union[_date, str]
"""A day: ``datetime.date`` (a ``datetime.datetime`` counts as its day) or ``"YYYY-MM-DD"``."""
_Moment: TypeAlias = Union[_date, str]
"""A start: ``datetime.date``, ``datetime.datetime`` (its time of day is used by
``hours_before`` limits), or ``"YYYY-MM-DD"`` / ``"YYYY-MM-DD HH:MM"``."""
_CsvSource: TypeAlias = Union[str, bytes, bytearray, memoryview, os.PathLike[str], os.PathLike[bytes]]
"""A holiday schedule: CSV text (``str`` or ``bytes``, header ``date,kind,name``) or a path."""

class ProvisionalWarning(UserWarning):
    """A working-day answer rests on a provisional year (its holiday notice is not loaded: counted
    with the statutory holidays only, no 调休). Raised as a warning by the functions returning a
    bare value; :class:`Deadline` and :class:`AuditReport` carry ``provisional`` instead."""

@final
class Calendar:
    """A working-day calendar: the official holiday schedule (放假 and 调休上班 days) of the
    covered years. ``Calendar()`` is the schedule embedded in the library; years from 2025 to
    2088 without a notice are provisional unless ``strict``."""

    def __new__(cls, *, strict: bool = False) -> Calendar: ...
    @staticmethod
    def load(source: _CsvSource | None = None, *, strict: bool = False) -> Calendar:
        """The default calendar (embedded, per-user file, ``GONGKAI_CALENDAR``) plus ``source``."""
    @staticmethod
    def from_csv(source: _CsvSource, *, strict: bool = False) -> Calendar:
        """Exactly the schedule given (CSV text, or a path as ``os.PathLike``)."""
    def with_csv(self, source: _CsvSource) -> Calendar:
        """A copy with the years of ``source`` added or replaced (e.g. the 2027 notice)."""
    def as_strict(self, strict: bool = True) -> Calendar:
        """A copy in strict mode (years without a notice raise) or not."""
    @property
    def strict(self) -> bool: ...
    @property
    def provisional_years(self) -> list[int]:
        """The years counted provisionally (none when strict)."""
    def is_working_day(self, date: _Date) -> bool: ...
    def add_working_days(self, date: _Date, n: int) -> _date:
        """The ``n``th working day after ``date`` (the start day is not counted)."""
    def working_days_between(self, a: _Date, b: _Date) -> int:
        """The working days in ``(a, b]``; negative when ``b`` is before ``a``."""
    def day(self, date: _Date) -> dict[str, Any]:
        """``{"date", "working", "kind" ("off" | "work" | None), "name", "provisional"}``."""
    @property
    def years(self) -> list[int]:
        """The covered notice years, sorted."""
    def covers(self, year: int) -> bool: ...
    def __eq__(self, value: object, /) -> bool: ...
    def __ne__(self, value: object, /) -> bool: ...

def is_working_day(date: _Date) -> bool:
    """Whether ``date`` is a working day (default calendar). A provisional year warns
    (:class:`ProvisionalWarning`); a year that cannot be counted raises :class:`Error` (code
    ``calendar``) naming the year."""

def add_working_days(date: _Date, n: int) -> _date:
    """The ``n``th working day after ``date`` (embedded schedule; the start day is not counted,
    民法典 第二百零一条)."""

def working_days_between(a: _Date, b: _Date) -> int:
    """The working days in ``(a, b]`` (embedded schedule); inverts :func:`add_working_days`."""

@final
class Deadline:
    """The deadline of one time limit from one start."""

    @property
    def date(self) -> _date | None:
        """The last day to publish (inclusive); None when there is no computable deadline."""
    @property
    def datetime(self) -> _datetime | None:
        """``hours_before``: the exact latest moment."""
    @property
    def nominal_date(self) -> _date | None:
        """``calendar_days``: start + days, when the deadline was moved off a holiday."""
    @property
    def start(self) -> _date: ...
    @property
    def kind(self) -> str:
        """The kind of the time limit (``working_days``, ``promptly``, …)."""
    @property
    def working_days(self) -> int | None: ...
    @property
    def extension_days(self) -> int: ...
    @property
    def reason(self) -> str | None:
        """Why there is no date: ``no_deadline.promptly``, ``no_deadline.continuous``,
        ``no_deadline.unparsed``, ``no_deadline.incomplete`` …"""
    @property
    def message(self) -> str | None: ...
    @property
    def provisional(self) -> bool:
        """True when the date rests on a year whose holiday notice is not loaded."""
    @property
    def provisional_years(self) -> list[int]: ...
    @property
    def warnings(self) -> list[dict[str, Any]]:
        """``[{"code": "calendar.provisional", "message": …}]`` when provisional."""
    @property
    def time_limit(self) -> dict[str, Any]:
        """The time limit computed, as a dict (parsed from the text when a text was given)."""
    def to_dict(self) -> dict[str, Any]:
        """The JSON form (ISO dates): what ``gongkai deadline --format json`` prints under
        ``deadline``."""
    def to_json(self, *, pretty: bool = False) -> str: ...
    def __eq__(self, value: object, /) -> bool: ...
    def __ne__(self, value: object, /) -> bool: ...

def deadline(
    start: _Moment,
    time_limit: str | dict[str, Any] | None = None,
    *,
    working_days: int | None = None,
    calendar_days: int | None = None,
    extension_days: int | bool | None = None,
    calendar: Calendar | _CsvSource | None = None,
    strict_calendar: bool = False,
    lang: _Lang | str = "zh",
) -> Deadline:
    """The deadline of a 公开时限 counted from ``start``. Give exactly one of ``time_limit`` (the
    Chinese text, e.g. ``"自信息形成或者变更之日起20个工作日内"``, or a dict such as
    ``{"kind": "working_days", "days": 20}``), ``working_days`` or ``calendar_days``.
    ``extension_days``: the extension of 条例 第三十三条 (0–20 working days; ``True`` is 20)."""

def check_calendar(source: _CsvSource, *, lang: _Lang | str = "zh") -> dict[str, Any]:
    """Checks a holiday file: ``{"rows", "years", "findings"}``, each finding with its ``code``,
    ``severity``, ``line``, ``message`` and ``params`` (``params["year"]`` for a finding about a year); the file loads when no finding is an
    error."""

# --- Timeliness audit -------------------------------------------------------------------------

_Records: TypeAlias = Union[
    str,
    bytes,
    bytearray,
    memoryview,
    os.PathLike[str],
    os.PathLike[bytes],
    list[dict[str, Any]],
    tuple[dict[str, Any], ...],
    dict[str, Any],
    Any,
]
"""Publication records: a path (``.csv`` or ``.json``); CSV or JSON text (``str`` starting with
``{``/``[`` is JSON, a ``str`` with a line break is CSV, any other ``str`` a path); bytes; a
list of dicts (values may be ``datetime.date``); or a pandas DataFrame."""

@final
class AuditReport:
    """The result of :func:`audit`. Iterating yields the rows; ``len`` counts them. No truth
    value (use ``has_late_or_overdue`` / ``has_errors``)."""

    @property
    def today(self) -> _date | None: ...
    @property
    def rows(self) -> list[dict[str, Any]]:
        """One dict per record (dates as ``datetime.date``, ``event_at``/``deadline_at`` as
        ``datetime.datetime``), status ``on_time``, ``late``, ``overdue``, ``pending``,
        ``unpublished``, ``not_applicable`` or ``invalid``."""
    @property
    def summary(self) -> dict[str, Any]:
        """``{"overall", "by_category", "by_item"}`` tallies with ``on_time_rate``."""
    @property
    def overall(self) -> dict[str, Any]: ...
    @property
    def by_category(self) -> list[dict[str, Any]]: ...
    @property
    def by_item(self) -> list[dict[str, Any]]: ...
    @property
    def on_time_rate(self) -> float | None:
        """按时公开率: on time / (on time + late + overdue); None when nothing was assessed."""
    @property
    def provisional(self) -> bool:
        """True when a deadline rests on a year whose holiday notice is not loaded (the issues
        then hold a ``calendar.provisional`` warning)."""
    @property
    def provisional_years(self) -> list[int]: ...
    @property
    def issues(self) -> list[dict[str, Any]]:
        """Bad records and bad files (code, severity, row, line, column, item_id, message,
        params)."""
    @property
    def has_late_or_overdue(self) -> bool: ...
    @property
    def has_errors(self) -> bool: ...
    def to_dict(self) -> dict[str, Any]:
        """The JSON form (ISO dates): ``json.loads(report.to_json())``."""
    def to_json(self, *, pretty: bool = False) -> str:
        """What ``gongkai audit --format json`` prints."""
    def to_dataframe(self, of: Literal["rows", "items", "categories", "issues"] | str = "rows") -> Any:
        """A ``pandas.DataFrame`` of the rows (dates as ``datetime64``), the per-item or
        per-一级事项 summary, or the issues. Raises ``ImportError`` without pandas."""
    def __len__(self) -> int: ...
    def __iter__(self) -> Iterator[dict[str, Any]]: ...
    def __bool__(self) -> bool: ...
    def __eq__(self, value: object, /) -> bool: ...
    def __ne__(self, value: object, /) -> bool: ...

def audit(
    catalogue: _Data,
    records: _Records,
    *,
    today: _Today = None,
    lang: _Lang | str = "zh",
    calendar: Calendar | _CsvSource | None = None,
    strict_calendar: bool = False,
    sheet: str | None = None,
    title: str | None = None,
    domain: str | None = None,
    publisher: str | None = None,
    level: str | None = None,
    issued: _Today = None,
) -> AuditReport:
    """Was each record published within its item's 公开时限? ``today`` (never the system clock)
    tells overdue from pending. Bad records are issues, not exceptions."""

# --- Diff against the upper-level standard -----------------------------------------------------

@final
class Coverage:
    """Coverage figures (in consistency mode the first catalogue plays the reference)."""

    @property
    def reference_items(self) -> int: ...
    @property
    def local_items(self) -> int: ...
    @property
    def matched(self) -> int: ...
    @property
    def fully_kept(self) -> int: ...
    @property
    def weakened(self) -> int: ...
    @property
    def unverified(self) -> int: ...
    @property
    def missing(self) -> int: ...
    @property
    def ambiguous(self) -> int: ...
    @property
    def local_additions(self) -> int: ...
    @property
    def present_share(self) -> float: ...
    @property
    def fully_kept_share(self) -> float: ...
    def to_dict(self) -> dict[str, Any]: ...
    def __eq__(self, value: object, /) -> bool: ...
    def __ne__(self, value: object, /) -> bool: ...

@final
class DiffFinding(Issue):
    """One finding of a diff or consistency check: an :class:`Issue` with both sides."""

    @property
    def reference_path(self) -> str | None: ...
    @property
    def local_path(self) -> str | None: ...
    @property
    def reference_item_id(self) -> str | None: ...
    @property
    def local_item_id(self) -> str | None: ...
    @property
    def reference_location(self) -> Location | None: ...
    @property
    def local_location(self) -> Location | None: ...

@final
class DiffReport:
    """The result of :func:`diff` or :func:`consistency`. Iterating yields the findings."""

    @property
    def mode(self) -> Literal["diff", "consistency"]: ...
    @property
    def valid(self) -> bool:
        """True exactly when no finding has severity ``error``."""
    @property
    def reference(self) -> dict[str, Any]: ...
    @property
    def local(self) -> dict[str, Any]: ...
    @property
    def coverage(self) -> Coverage: ...
    @property
    def counts(self) -> Counts: ...
    @property
    def matches(self) -> list[dict[str, Any]]: ...
    @property
    def findings(self) -> list[DiffFinding]: ...
    def to_dict(self) -> dict[str, Any]:
        """The report JSON (``diff_report_schema()``)."""
    def to_json(self, *, pretty: bool = False) -> str:
        """What ``gongkai diff --format json`` prints."""
    def to_dataframe(self, of: Literal["findings", "matches"] | str = "findings") -> Any: ...
    def __len__(self) -> int: ...
    def __iter__(self) -> Iterator[DiffFinding]: ...
    def __bool__(self) -> bool: ...
    def __eq__(self, value: object, /) -> bool: ...
    def __ne__(self, value: object, /) -> bool: ...

def diff(
    reference: _Data,
    local: _Data,
    *,
    lang: _Lang | str = "zh",
    min_severity: _SeverityName | str = "info",
    threshold: float = 0.6,
    margin: float = 0.05,
    sheet: str | None = None,
    title: str | None = None,
    domain: str | None = None,
    publisher: str | None = None,
    level: str | None = None,
    issued: _Today = None,
) -> DiffReport:
    """Checks ``local`` against the upper-level standard ``reference``: an embedded name
    (``"municipal_services"``, or its Chinese name ``"市政服务"``) or any catalogue ``validate``
    accepts."""

def consistency(
    first: _Data,
    second: _Data,
    *,
    lang: _Lang | str = "zh",
    min_severity: _SeverityName | str = "info",
    threshold: float = 0.6,
    margin: float = 0.05,
    sheet: str | None = None,
    title: str | None = None,
    domain: str | None = None,
    publisher: str | None = None,
    level: str | None = None,
    issued: _Today = None,
) -> DiffReport:
    """Two linked catalogues (county and village, two departments): the items they share must
    agree on 公开内容 and 公开时限."""

@final
class ChangesReport:
    """The result of :func:`changes`: what changed between two versions of a catalogue. Its
    JSON's keys are attributes and, as when ``changes`` returned a dict, items:
    ``report["items"]`` is the JSON value (a copy), ``"weakened" in report``, ``report ==
    a_dict``; iterating yields the keys."""

    @property
    def old(self) -> dict[str, Any]:
        """The old version: ``title``, ``schema_version``, ``version``, ``issued``, ``updated``,
        ``items``."""
    @property
    def new(self) -> dict[str, Any]:
        """The new version (as ``old``)."""
    @property
    def weakened(self) -> bool:
        """Whether any change weakens disclosure (``gongkai changes`` exits 1)."""
    @property
    def counts(self) -> dict[str, int]:
        """``added``, ``removed``, ``changed``, ``unchanged`` items; ``strengthened``,
        ``weakened``, ``neutral`` changes."""
    @property
    def items(self) -> list[dict[str, Any]]:
        """Each added, removed or changed item with its ``changes``: ``class`` strengthened /
        weakened / neutral, ``field`` and the issue keys."""
    @property
    def issues(self) -> list[Issue]:
        """Problems of the pair itself (duplicate ids)."""
    def __getitem__(self, key: str) -> Any: ...
    def get(self, key: str, default: Any = None) -> Any: ...
    def keys(self) -> Any: ...
    def __contains__(self, key: object) -> bool: ...
    def __iter__(self) -> Iterator[str]: ...
    def to_dict(self) -> dict[str, Any]:
        """The report JSON as a dict."""
    def to_json(self, *, pretty: bool = False) -> str:
        """What ``gongkai changes --format json`` prints."""
    def __bool__(self) -> bool: ...
    def __eq__(self, value: object, /) -> bool: ...
    def __ne__(self, value: object, /) -> bool: ...

@overload
def changes(
    old: _Data,
    new: _Data,
    *,
    lang: _Lang | str = "zh",
    threshold: float = 0.6,
    format: Literal["json"] = "json",
    sheet: str | None = None,
    title: str | None = None,
    domain: str | None = None,
    publisher: str | None = None,
    level: str | None = None,
    issued: _Today = None,
) -> ChangesReport: ...
@overload
def changes(
    old: _Data,
    new: _Data,
    *,
    lang: _Lang | str = "zh",
    threshold: float = 0.6,
    format: Literal["md", "html", "text"],
    sheet: str | None = None,
    title: str | None = None,
    domain: str | None = None,
    publisher: str | None = None,
    level: str | None = None,
    issued: _Today = None,
) -> str: ...
@overload
def changes(
    old: _Data,
    new: _Data,
    *,
    lang: _Lang | str = "zh",
    threshold: float = 0.6,
    format: str = "json",
    sheet: str | None = None,
    title: str | None = None,
    domain: str | None = None,
    publisher: str | None = None,
    level: str | None = None,
    issued: _Today = None,
) -> ChangesReport | str:
    """What changed between two versions of a catalogue (what ``gongkai changes`` reports): a
    :class:`ChangesReport` with ``old``, ``new``, ``weakened``, ``counts``, ``items`` and
    ``issues``; or the 修订说明 as Markdown, HTML or text."""

def reference(name: str = "municipal_services") -> dict[str, Any]:
    """An embedded reference catalogue (with its provenance and notes)."""

def reference_names() -> list[str]: ...
def diff_report_schema() -> dict[str, Any]:
    """The JSON Schema of ``DiffReport.to_dict()``."""

# --- The 基层政务公开专题 site ---------------------------------------------------------------------

_Path: TypeAlias = Union[str, os.PathLike[str]]

def site(
    inputs: _Path | Iterable[_Path],
    out_dir: _Path,
    *,
    records: _Path | None = None,
    title: str | None = None,
    base_url: str | None = None,
    strict: bool = False,
    lang: _Lang | str = "zh",
) -> dict[str, Any]:
    """Publishes catalogues (files of any supported format, or folders of them) as a static
    基层政务公开专题 site in ``out_dir``: the same files as ``gongkai site``. Only changed files
    are written; files of an earlier run no longer produced are removed; files the generator did
    not write are never touched. Returns ``written``, ``unchanged``, ``removed``, ``refused``
    (``strict`` and a catalogue with errors: nothing written), ``catalogues`` and ``issues``."""


# --- The 监督评价 across units ---------------------------------------------------------------------

@final
class Evaluation:
    """The result of :func:`evaluate`: the JSON report (attributes, and ``data``) and its views.
    ``Evaluation(text)`` reads a saved report back."""

    def __init__(self, report_json: str) -> None: ...
    @property
    def data(self) -> dict[str, Any]:
        """The report as a dict (the JSON of ``gongkai evaluate -o report.json``)."""
    @property
    def title(self) -> str: ...
    @property
    def today(self) -> _date | None: ...
    @property
    def lang(self) -> _Lang: ...
    @property
    def units(self) -> list[dict[str, Any]]:
        """The units, best first (units that could not be read last)."""
    @property
    def summary(self) -> dict[str, Any]:
        """The figures across units."""
    @property
    def scoring(self) -> dict[str, Any]:
        """The deduction table used."""
    @property
    def issues(self) -> list[dict[str, Any]]:
        """Problems of the evaluation itself (files, manifest, records)."""
    def unit(self, name: str) -> dict[str, Any] | None:
        """The unit called ``name``, or ``None``."""
    def to_dict(self) -> dict[str, Any]:
        """The JSON report as a dict (a copy)."""
    def to_json(self, *, pretty: bool = False) -> str:
        """The JSON report as text."""
    def to_html(self) -> str:
        """The 通报: one self-contained HTML page (inline SVG charts, printable on A4)."""
    def to_xlsx(self, path: _Path | None = None) -> bytes:
        """The workbook; written to ``path`` when given. Returns the bytes."""
    def to_dataframe(self) -> Any:
        """One row per unit, best first (a pandas DataFrame)."""
    def problems_dataframe(self) -> Any:
        """One row per problem of every unit, with its file, cell and deduction class."""
    def __bool__(self) -> bool: ...
    def __eq__(self, value: object, /) -> bool: ...
    def __ne__(self, value: object, /) -> bool: ...

from ._evaluation import evaluate as evaluate
from ._evaluation import evaluation_schema as evaluation_schema
