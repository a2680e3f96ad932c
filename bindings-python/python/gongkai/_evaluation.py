"""``gongkai.evaluate``: the 监督评价 across units (what ``gongkai evaluate`` does).

The core reads every catalogue, scores and ranks the units; the result is a
:class:`gongkai.Evaluation` of the generic path (the JSON report, ``gongkai schema
--evaluation``, with DataFrames of the units and of their problems, the 通报 and the workbook).
This module turns the arguments into plain strings and holds the DataFrames' columns.
"""

from __future__ import annotations

import datetime as _dt
import json as _json
import os as _os
from typing import TYPE_CHECKING, Any, Dict, List, Optional, Union

from ._gongkai import _evaluate, _evaluation_schema

if TYPE_CHECKING:
    from . import Evaluation

PathLike = Union[str, "_os.PathLike[str]"]

#: The columns of :meth:`gongkai.Evaluation.to_dataframe`, in order.
UNIT_COLUMNS = [
    "rank", "unit", "score", "items", "completeness", "errors", "warnings", "infos",
    "reference_coverage", "missing_items", "weakened_items", "consistency", "on_time_rate",
    "late", "overdue", "publication_coverage", "interpretation_sync_rate", "points_lost",
    "file", "records_file", "parent", "error",
]

#: The columns of :meth:`gongkai.Evaluation.problems_dataframe`, in order.
PROBLEM_COLUMNS = [
    "unit", "severity", "code", "source", "file", "cell", "item_id", "message", "deduction",
    "path",
]


def _path(p: Any, what: str) -> str:
    if isinstance(p, str) or hasattr(p, "__fspath__"):
        return _os.fsdecode(p)
    raise TypeError(f"{what} 应为路径（str 或 os.PathLike），实际为 {type(p).__name__}")


def _unit_row(u: Dict[str, Any]) -> Dict[str, Any]:
    cov = u.get("coverage") or {}
    con = u.get("consistency") or {}
    pub = u.get("publication") or {}
    counts = u.get("counts") or {}
    err = u.get("error")
    return {
        "rank": u.get("rank"),
        "unit": u["unit"],
        "score": u.get("score"),
        "items": u.get("items"),
        "completeness": (u.get("completeness") or {}).get("overall"),
        "errors": counts.get("error", 0),
        "warnings": counts.get("warning", 0),
        "infos": counts.get("info", 0),
        "reference_coverage": cov.get("present_share"),
        "missing_items": cov.get("missing"),
        "weakened_items": cov.get("weakened"),
        "consistency": con.get("consistent_share"),
        "on_time_rate": pub.get("on_time_rate"),
        "late": pub.get("late"),
        "overdue": pub.get("overdue"),
        "publication_coverage": pub.get("coverage_rate"),
        "interpretation_sync_rate": (pub.get("interpretations") or {}).get("sync_rate"),
        "points_lost": None if err else round(sum(d["points"] for d in u["deductions"]), 1),
        "file": u.get("file"),
        "records_file": u.get("records_file"),
        "parent": u.get("parent"),
        "error": err["message"] if err else None,
    }


def evaluate(
    inputs: Union[PathLike, List[PathLike], None] = None,
    *,
    records: Optional[PathLike] = None,
    manifest: Optional[PathLike] = None,
    reference: Optional[PathLike] = None,
    scoring: Union[PathLike, Dict[str, Any], None] = None,
    today: Union[_dt.date, str, None] = None,
    lang: str = "zh",
    title: Optional[str] = None,
    workers: int = 0,
) -> "Evaluation":
    """Evaluates every unit's catalogue, as ``gongkai evaluate`` does.

    ``inputs``: catalogue files or folders (each file one unit, named after the file without
    its ``NN-`` prefix); ``records``: a records file or folder (same names as the
    catalogues); ``manifest``: a ``unit,catalogue,records,parent`` CSV (paths relative to it);
    ``reference``: an embedded standard's name (``"municipal_services"``) or a catalogue file;
    ``scoring``: a JSON or TOML file, or a dict of the same shape, overriding the default
    deduction table; ``today``: the evaluation day (overdue records). Units that cannot be
    read are listed with their error; a bad argument, manifest or scoring table raises
    :class:`gongkai.Error`.
    """
    if inputs is None:
        paths: List[str] = []
    elif isinstance(inputs, (str, bytes)) or hasattr(inputs, "__fspath__"):
        paths = [_path(inputs, "inputs")]
    else:
        paths = [_path(p, "inputs 的每一项") for p in inputs]
    if not paths and manifest is None:
        raise TypeError("inputs 为空：至少给出一个目录文件、文件夹或 manifest")
    scoring_path = scoring_json = None
    if isinstance(scoring, dict):
        scoring_json = _json.dumps(scoring, ensure_ascii=False)
    elif scoring is not None:
        scoring_path = _path(scoring, "scoring")
    if isinstance(today, _dt.datetime):
        today = today.date()
    if isinstance(today, _dt.date):
        today = today.isoformat()
    return _evaluate(  # type: ignore[no-any-return]
        paths,
        records=None if records is None else _path(records, "records"),
        manifest=None if manifest is None else _path(manifest, "manifest"),
        reference=None if reference is None else _path(reference, "reference"),
        scoring_path=scoring_path,
        scoring_json=scoring_json,
        today=today,
        lang=lang,
        title=title,
        workers=workers,
    )


def evaluation_schema() -> Dict[str, Any]:
    """The JSON Schema of the report (``gongkai schema --evaluation``)."""
    return _json.loads(_evaluation_schema())
