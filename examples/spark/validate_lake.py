"""Validates every catalogue under a folder (or glob) with PySpark and writes the issues as
Parquet, with a summary per file and code.

    spark-submit examples/spark/validate_lake.py INPUT OUTPUT [--lang en]

INPUT is a path, folder or glob the cluster can read (``hdfs://…``, ``s3a://…``, a local
folder); OUTPUT a folder for ``issues/`` and ``summary/`` (Parquet). Run locally with
``python examples/spark/validate_lake.py examples/invalid target/gongkai-lake`` (``local[*]``).
"""

from __future__ import annotations

import argparse
import os
import sys

from pyspark.sql import SparkSession

from gongkai.spark import summarize, validate_files


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("input", nargs="+", help="paths, folders or globs of catalogue files")
    ap.add_argument("output", help="folder for issues/ and summary/ (Parquet)")
    ap.add_argument("--lang", default="zh", choices=["zh", "en"])
    ap.add_argument("--min-severity", default="info", choices=["info", "warning", "error"])
    a = ap.parse_args()
    # spark-submit sets the master; run with plain python, use the local cores on the loopback.
    builder = SparkSession.builder.appName("gongkai-validate-lake")
    if "SPARK_ENV_LOADED" not in os.environ and "spark.master" not in os.environ.get("PYSPARK_SUBMIT_ARGS", ""):
        os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
        # The local workers run this interpreter, which has gongkai installed.
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
        builder = builder.master("local[*]")
    spark = builder.getOrCreate()
    issues = validate_files(spark, a.input, lang=a.lang, min_severity=a.min_severity)
    issues.write.mode("overwrite").parquet(os.path.join(a.output, "issues"))
    summary = summarize(spark.read.parquet(os.path.join(a.output, "issues")))
    summary.write.mode("overwrite").parquet(os.path.join(a.output, "summary"))
    summary.show(20, truncate=False)
    spark.stop()


if __name__ == "__main__":
    main()
