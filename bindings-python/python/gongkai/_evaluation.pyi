"""Type stubs of gongkai._evaluation (checked by ``mypy.stubtest``)."""

import os
from datetime import date as _date
from typing import Any, Union

from typing_extensions import TypeAlias

_Path: TypeAlias = Union[str, os.PathLike[str]]
PathLike: TypeAlias = Union[str, os.PathLike[str]]

UNIT_COLUMNS: list[str]
PROBLEM_COLUMNS: list[str]
class Evaluation:
    """The result of :func:`evaluate`: the JSON report (``data``) and its views."""

    data: dict[str, Any]
    def __init__(self, report_json: str) -> None: ...
    @property
    def units(self) -> list[dict[str, Any]]:
        """The units, best first (units that could not be read last)."""
    @property
    def summary(self) -> dict[str, Any]:
        """The figures across units."""
    @property
    def issues(self) -> list[dict[str, Any]]:
        """Problems of the evaluation itself (files, manifest, records)."""
    def unit(self, name: str) -> dict[str, Any] | None:
        """The unit called ``name``, or ``None``."""
    def to_dict(self) -> dict[str, Any]:
        """The JSON report as a dict (a copy)."""
    def to_json(self) -> str:
        """The JSON report as text."""
    def to_html(self) -> str:
        """The 通报: one self-contained HTML page (inline SVG charts, printable on A4)."""
    def to_xlsx(self, path: _Path | None = None) -> bytes:
        """The workbook; written to ``path`` when given. Returns the bytes."""
    def to_dataframe(self) -> Any:
        """One row per unit, best first (a pandas DataFrame)."""
    def problems_dataframe(self) -> Any:
        """One row per problem of every unit, with its file, cell and deduction class."""

def evaluate(
    inputs: _Path | list[_Path] | None = None,
    *,
    records: _Path | None = None,
    manifest: _Path | None = None,
    reference: _Path | None = None,
    scoring: _Path | dict[str, Any] | None = None,
    today: _date | str | None = None,
    lang: str = "zh",
    title: str | None = None,
    workers: int = 0,
) -> Evaluation:
    """Evaluates every unit's catalogue, as ``gongkai evaluate`` does (the 监督评价)."""

def evaluation_schema() -> dict[str, Any]:
    """The JSON Schema of the report (``gongkai schema --evaluation``)."""
