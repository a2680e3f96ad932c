"""Type stubs of gongkai._evaluation (checked by ``mypy.stubtest``)."""

import os
from datetime import date as _date
from typing import Any, Union

from typing_extensions import TypeAlias

from . import Evaluation

_Path: TypeAlias = Union[str, os.PathLike[str]]
PathLike: TypeAlias = Union[str, os.PathLike[str]]

UNIT_COLUMNS: list[str]
PROBLEM_COLUMNS: list[str]
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
