"""gongkai (公开): validate Chinese government disclosure catalogues (基层政务公开标准目录).

The engine is the Rust core; this package is a thin, typed face over it::

    import gongkai

    report = gongkai.validate("目录.json")          # a path, JSON text, JSON bytes or a dict
    if not report.valid:
        for issue in report.issues:
            print(issue.severity, issue.path, issue.message)

What ``validate(data)`` accepts:

- a ``dict`` (or another JSON value): converted to JSON with the standard library's encoder
  (key order kept; values JSON cannot hold, such as ``datetime.date`` or ``float('nan')``, raise
  :class:`Error` naming where they are);
- ``bytes`` (or ``bytearray``/``memoryview``): JSON content, UTF-8, a BOM accepted. Bytes are
  never a path;
- ``str``: **JSON text if its first non-blank character is ``{`` or ``[``**, otherwise a path;
- an ``os.PathLike`` (``pathlib.Path``): a path. The file is read in Rust; its name decides the
  format (JSON now; CSV, XLSX and HTML tables through the same call once the importer reads them).

Invalid data never raises: it is a :class:`Report` with issues. Calls that cannot produce a
report (unreadable file, not JSON, not a catalogue object, bad argument) raise :class:`Error`, a
``ValueError`` with ``.code``, ``.message``, ``.path``, ``.line``, ``.column``, ``.location``.

Parsing and validation run with the GIL released; :class:`Validator` is thread-safe, and
:func:`validate_many` validates a batch on all cores.
"""

from ._gongkai import (
    Counts,
    Error,
    Issue,
    Location,
    Report,
    Validator,
    __version__,
    report_schema,
    rules,
    schema,
    validate,
    validate_many,
)

__all__ = [
    "Counts",
    "Error",
    "Issue",
    "Location",
    "Report",
    "Validator",
    "__version__",
    "report_schema",
    "rules",
    "schema",
    "validate",
    "validate_many",
]
