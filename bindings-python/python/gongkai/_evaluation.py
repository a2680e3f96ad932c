"""``gongkai.evaluate``: the 监督评价 across units (what ``gongkai evaluate`` does).

The core reads every catalogue, scores and ranks the units; the result comes back as the JSON
report (``gongkai schema --evaluation``) in :attr:`Evaluation.data`, with DataFrames of the
units and of their problems, the 通报 (HTML) and the workbook (XLSX).
"""

from __future__ import annotations

import datetime as _dt
import json as _json
import os as _os
from typing import Any, Dict, List, Optional, Union

from ._gongkai import _evaluate, _evaluation_html, _evaluation_schema, _evaluation_xlsx

PathLike = Union[str, "_os.PathLike[str]"]

#: The columns of :meth:`Evaluation.to_dataframe`, in order.
UNIT_COLUMNS = [
    "rank", "unit", "score", "items", "completeness", "errors", "warnings", "infos",
    "reference_coverage", "missing_items", "weakened_items", "consistency", "on_time_rate",
    "late", "overdue", "publication_coverage", "interpretation_sync_rate", "points_lost",
    "file", "records_file", "parent", "error",
]

#: The columns of :meth:`Evaluation.problems_dataframe`, in order.
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


class Evaluation:
    """The result of :func:`evaluate`: the JSON report and its views."""

    def __init__(self, report_json: str) -> None:
        self._json = report_json
        #: The report as a dict (the JSON of ``gongkai evaluate -o report.json``).
        self.data: Dict[str, Any] = _json.loads(report_json)

    @property
    def units(self) -> List[Dict[str, Any]]:
        """The units, best first (units that could not be read last)."""
        return self.data["units"]

    @property
    def summary(self) -> Dict[str, Any]:
        """The figures across units."""
        return self.data["summary"]

    @property
    def issues(self) -> List[Dict[str, Any]]:
        """Problems of the evaluation itself (files, manifest, records)."""
        return self.data["issues"]

    def unit(self, name: str) -> Optional[Dict[str, Any]]:
        """The unit called ``name``, or ``None``."""
        return next((u for u in self.units if u["unit"] == name), None)

    def to_dict(self) -> Dict[str, Any]:
        """The JSON report as a dict (a copy)."""
        return _json.loads(self._json)

    def to_json(self) -> str:
        """The JSON report as text."""
        return self._json

    def to_html(self) -> str:
        """The 通报: one self-contained HTML page (inline SVG charts, printable on A4)."""
        return _evaluation_html(self._json)

    def to_xlsx(self, path: Optional[PathLike] = None) -> bytes:
        """The workbook (summary, deductions, scoring table, one sheet per unit); written to
        ``path`` when given. Returns the bytes."""
        data = _evaluation_xlsx(self._json)
        if path is not None:
            with open(_path(path, "path"), "wb") as f:
                f.write(data)
        return data

    def to_dataframe(self):
        """One row per unit (columns :data:`UNIT_COLUMNS`), best first. Needs pandas."""
        import pandas as pd

        return pd.DataFrame([_unit_row(u) for u in self.units], columns=UNIT_COLUMNS)

    def problems_dataframe(self):
        """One row per problem of every unit (columns :data:`PROBLEM_COLUMNS`), with its file
        and cell and the deduction class it counts in. Needs pandas."""
        import pandas as pd

        rows = [
            {
                "unit": u["unit"],
                "severity": p["severity"],
                "code": p["code"],
                "source": p["source"],
                "file": p.get("file"),
                "cell": p.get("cell"),
                "item_id": p.get("item_id"),
                "message": p["message"],
                "deduction": p.get("class"),
                "path": p["path"],
            }
            for u in self.units
            for p in u["problems"]
        ]
        return pd.DataFrame(rows, columns=PROBLEM_COLUMNS)

    def __repr__(self) -> str:
        s = self.summary
        return (
            f"<gongkai.Evaluation units={s['units']} evaluated={s['evaluated']} "
            f"mean_score={s['mean_score']}>"
        )


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
) -> Evaluation:
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
    report = _evaluate(
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
    return Evaluation(report)


def evaluation_schema() -> Dict[str, Any]:
    """The JSON Schema of the report (``gongkai schema --evaluation``)."""
    return _json.loads(_evaluation_schema())
