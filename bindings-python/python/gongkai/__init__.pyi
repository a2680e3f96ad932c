"""Type stubs of gongkai (checked against the built module by ``mypy.stubtest``)."""

import datetime
import os
from collections.abc import Iterable, Iterator
from typing import Any, Literal, Union, final

from typing_extensions import TypeAlias

__version__: str

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
"""What ``validate`` accepts: a dict (or other JSON value), JSON text (``str`` whose first
non-blank character is ``{`` or ``[``) or JSON ``bytes``, or a path (any other ``str``, or an
``os.PathLike``)."""

_Lang: TypeAlias = Literal["zh", "en"]
_SeverityName: TypeAlias = Literal["info", "warning", "error"]
_Today: TypeAlias = Union[datetime.date, str, None]

class Error(ValueError):
    """A call that cannot produce a report (unreadable file, not JSON, not a catalogue, bad
    argument). Invalid data never raises."""

    code: str
    """Stable: ``json``, ``not_a_catalogue``, ``too_large``, ``import``, ``unsupported_format``,
    ``io``, ``invalid_argument``, ``internal``."""
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

@final
class Issue:
    """One problem found in a catalogue."""

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
) -> Report:
    """Validates one catalogue. Invalid data gives a report; only input that cannot be read
    raises :class:`Error`."""

def validate_many(
    paths: Iterable[_Data],
    *,
    workers: int | None = None,
    progress: bool = False,
    lang: _Lang | str = "zh",
    min_severity: _SeverityName | str = "info",
    today: _Today = None,
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
