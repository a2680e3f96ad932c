"""Validating catalogues with PySpark, when one machine is not enough.

:func:`validate_files` reads the files with ``SparkContext.binaryFiles`` (so any format the
library reads works: JSON, CSV, XLSX, XLS, HTML, DOCX) and validates each partition's files in
the executors with ``mapPartitions``: one :class:`gongkai.Validator` per executor process and
options, shared by the partition's threads, the GIL released while the native code runs. The
result is a DataFrame with one row per issue; a file that cannot be read as a catalogue (not
JSON, truncated, not a table) gives one row with its error code (``json``, ``import``…) and
severity ``error``. :func:`summarize` counts the rows per file and code.

The wheel must be installed on every executor (``pip install gongkai`` in the workers' Python,
or the wheel shipped with ``spark-submit --py-files``; see the README). ``pyspark`` itself is not
a dependency of this package: it is imported when these functions are called.
"""

from __future__ import annotations

import os as _os
from typing import Any as _Any
from typing import Iterable as _Iterable
from typing import Iterator as _Iterator

__all__ = ["COLUMNS", "validate_files", "summarize"]

#: The columns of :func:`validate_files`' DataFrame, in order.
COLUMNS = ("file", "code", "severity", "path", "item_id", "message", "sheet", "row", "column")

_VALIDATOR_OPTIONS = ("lang", "min_severity", "today", "mask", "laws", "max_issues")

# One validator per executor process and options (Spark reuses Python workers across tasks).
_VALIDATORS: dict[str, _Any] = {}

_RECURSIVE = "mapreduce.input.fileinputformat.input.dir.recursive"


def _schema() -> _Any:
    from pyspark.sql.types import IntegerType, StringType, StructField, StructType

    types = {"row": IntegerType()}
    return StructType(
        [StructField(c, types.get(c, StringType()), nullable=c != "file") for c in COLUMNS]
    )


def _validator(options: tuple[tuple[str, _Any], ...]) -> _Any:
    key = repr(options)
    v = _VALIDATORS.get(key)
    if v is None:
        from . import Validator

        v = _VALIDATORS[key] = Validator(**dict(options))
    return v


def _rows(validator: _Any, batch: list[tuple[str, bytes]], threads: int) -> _Iterator[tuple[_Any, ...]]:
    from . import Error

    results = validator._validate_named(batch, workers=threads)
    for (name, _), r in zip(batch, results):
        if isinstance(r, Error):
            yield (name, r.code, "error", "", None, str(r), None, None, None)
            continue
        for i in r.to_dict()["issues"]:
            loc = i.get("location") or {}
            yield (name, i["code"], i["severity"], i["path"], i.get("item_id"), i["message"],
                   loc.get("sheet"), loc.get("row"), loc.get("column"))


def _partition(options: tuple[tuple[str, _Any], ...], threads: int, batch_size: int) -> _Any:
    """The function ``mapPartitions`` runs: files of the partition validated ``batch_size`` at a
    time on ``threads`` threads."""

    def run(files: _Iterable[tuple[str, bytes]]) -> _Iterator[tuple[_Any, ...]]:
        from . import _gongkai  # type: ignore[attr-defined]

        validator = _validator(options)
        batch: list[tuple[str, bytes]] = []
        for name, content in files:
            if not _gongkai._is_catalogue_name(name.rsplit("/", 1)[-1]):
                continue
            batch.append((name, bytes(content)))
            if len(batch) >= batch_size:
                yield from _rows(validator, batch, threads)
                batch = []
        if batch:
            yield from _rows(validator, batch, threads)

    return run


def _paths(paths_or_glob: _Any) -> list[str]:
    if isinstance(paths_or_glob, (str, bytes)) or hasattr(paths_or_glob, "__fspath__"):
        items = [paths_or_glob]
    else:
        items = list(paths_or_glob)
    out = [_os.fsdecode(p) for p in items]
    if not out:
        raise ValueError("gongkai.spark.validate_files(): 没有给出输入路径 (no input path given)")
    return out


def _check_inputs(spark: _Any, paths: list[str], lang: str) -> None:
    """Each path (or glob) must match something: Spark would otherwise fail late, deep in a
    Java stack trace. Checked with the cluster's file system (local, HDFS, S3…)."""
    sc = spark.sparkContext
    jvm, conf = sc._jvm, sc._jsc.hadoopConfiguration()
    for p in paths:
        hp = jvm.org.apache.hadoop.fs.Path(p)
        found = hp.getFileSystem(conf).globStatus(hp)
        if found is None or len(found) == 0:
            if lang == "en":
                msg = f"input path {p} matches no file or folder; check the path or the glob"
            else:
                msg = f"输入路径 {p} 没有匹配到任何文件或文件夹；请检查路径或通配符"
            raise FileNotFoundError(msg)


def validate_files(spark: _Any, paths_or_glob: _Any, *, min_partitions: int | None = None,
                   threads_per_task: int = 1, batch_size: int = 64, **options: _Any) -> _Any:
    """Validates every catalogue file under ``paths_or_glob`` (a path, a glob such as
    ``"s3a://lake/2026/*/*.xlsx"``, a folder — read with its sub-folders — or a list of them) on
    the cluster. Returns a ``pyspark.sql.DataFrame`` with the columns of :data:`COLUMNS`, one row
    per issue, plus one row per file that cannot be read (``code`` is the error's code).

    Files are picked by name as ``gongkai validate DIR`` picks them (``.json``, ``.csv``,
    ``.xlsx``, ``.xls``, ``.html``, ``.htm``, ``.docx``; no hidden or lock files). ``options``
    are those of :class:`gongkai.Validator` (``lang``, ``min_severity``, ``today``, ``mask``,
    ``laws`` — a path readable on every executor —, ``max_issues``). ``threads_per_task``
    threads validate each task's files (default 1: Spark runs one task per core already).
    An input path that matches nothing raises ``FileNotFoundError`` before any job runs.
    """
    unknown = set(options) - set(_VALIDATOR_OPTIONS)
    if unknown:
        raise TypeError(f"gongkai.spark.validate_files(): unknown option(s) {sorted(unknown)}; "
                        f"known: {list(_VALIDATOR_OPTIONS)}")
    if threads_per_task < 1 or batch_size < 1:
        raise ValueError("gongkai.spark.validate_files(): threads_per_task 和 batch_size 应为正整数")
    # Bad options fail here, on the driver, not in every task.
    from . import Validator

    Validator(**options)
    paths = _paths(paths_or_glob)
    _check_inputs(spark, paths, str(options.get("lang", "zh")))
    sc = spark.sparkContext
    conf = sc._jsc.hadoopConfiguration()
    before = conf.get(_RECURSIVE)
    conf.set(_RECURSIVE, "true")
    try:
        rdd = sc.binaryFiles(",".join(paths), minPartitions=min_partitions)
        # The files are listed now, while sub-folders are read.
        rdd.getNumPartitions()
    finally:
        if before is None:
            conf.unset(_RECURSIVE)
        else:
            conf.set(_RECURSIVE, before)
    key = tuple(sorted(options.items(), key=lambda kv: kv[0]))
    rows = rdd.mapPartitions(_partition(key, threads_per_task, batch_size))
    return spark.createDataFrame(rows, _schema())


def summarize(df: _Any) -> _Any:
    """Counts the rows of :func:`validate_files`' DataFrame per file and code: a DataFrame with
    ``file``, ``code``, ``severity``, ``count``, sorted by file and code."""
    from pyspark.sql import functions as F

    return (df.groupBy("file", "code", "severity")
              .agg(F.count(F.lit(1)).alias("count"))
              .orderBy("file", "code"))
