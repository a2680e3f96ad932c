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
a catalogue against the upper-level standard (``"municipal_services"`` is embedded) and
:func:`consistency` two linked catalogues against each other. :func:`site` publishes
catalogues as a static 基层政务公开专题 site (what ``gongkai site`` writes, byte for byte).
:func:`evaluate` scores and ranks every unit's catalogue (the 监督评价: ``.to_dataframe()``,
``.problems_dataframe()``, ``.to_html()``, ``.to_xlsx()``).

Parsing, validation, audits and diffs run with the GIL released; :class:`Validator` is
thread-safe, and :func:`validate_many` validates a batch on all cores.
"""

from ._gongkai import (
    AuditReport,
    Calendar,
    Counts,
    Coverage,
    Deadline,
    DiffFinding,
    DiffReport,
    Error,
    Issue,
    Location,
    ProvisionalWarning,
    Report,
    Validator,
    __version__,
    add_working_days,
    audit,
    changes,
    check_calendar,
    consistency,
    deadline,
    diff,
    diff_report_schema,
    is_working_day,
    laws,
    lookup_law,
    reference,
    reference_names,
    report_schema,
    rules,
    schema,
    site,
    validate,
    validate_many,
    working_days_between,
)
from ._evaluation import Evaluation, evaluate, evaluation_schema

__all__ = [
    "AuditReport",
    "Calendar",
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
