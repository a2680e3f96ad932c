"""gongkai.spark: validating a folder of catalogues (JSON and tables) with PySpark, in
``local[2]`` bound to the loopback address, compared with the CLI on the same files.

PySpark and a Java runtime are installed by ``scripts/test-python.sh``; without them these tests
are skipped on a developer's machine and fail in CI (as the CLI cross-checks do)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path
from typing import Any, Iterator
from urllib.parse import unquote, urlparse

import pytest

import gongkai
from conftest import EXAMPLES, _skip_or_fail, cli_or_skip


@pytest.fixture(scope="module")
def spark() -> Iterator[Any]:
    try:
        from pyspark.sql import SparkSession
    except ImportError:
        _skip_or_fail("pyspark is not installed (scripts/test-python.sh installs it)")
    if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
        _skip_or_fail("no Java runtime (scripts/test-python.sh installs default-jre-headless)")
    # By default Spark binds to the machine's network interface; tests stay on the loopback.
    os.environ["SPARK_LOCAL_IP"] = "127.0.0.1"
    os.environ["PYSPARK_PYTHON"] = sys.executable
    os.environ["PYSPARK_DRIVER_PYTHON"] = sys.executable
    session = (
        SparkSession.builder.master("local[2]")
        .appName("gongkai-tests")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .getOrCreate()
    )
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()


@pytest.fixture(scope="module")
def lake(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Catalogues in every common format, one in a sub-folder, files that cannot be read, and
    files that are not catalogues (left out)."""
    d = tmp_path_factory.mktemp("lake")
    (d / "sub").mkdir()
    shutil.copy(EXAMPLES / "wuzhi-municipal.json", d / "a-valid.json")
    for f in sorted((EXAMPLES / "invalid").glob("*.json")):
        shutil.copy(f, d / f.name)
    ev = EXAMPLES / "evaluation"
    shutil.copy(ev / "02-武陟县城市管理综合执法大队.csv", d / "sub" / "执法大队.csv")
    shutil.copy(ev / "03-武陟县市政公用事业服务中心.xlsx", d / "市政中心.xlsx")
    shutil.copy(ev / "05-西陶镇东村村民委员会.html", d / "东村.html")
    (d / "truncated.json").write_text('{"schema_version": "1.0", "items": [', encoding="utf-8")
    (d / "junk.xlsx").write_bytes(b"PK\x03\x04 not a workbook")
    (d / "notes.txt").write_text("not a catalogue", encoding="utf-8")
    return d


def local(uri: str) -> str:
    return unquote(urlparse(uri).path)


def message(code: str, text: str) -> str:
    """The message, but for a catalogue field a table lacks: the CLI names its flag (--level),
    the library its option."""
    return "" if code.startswith("import.header_") else text


def cli_counts(lake: Path) -> tuple[Counter[tuple[str, str]], set[tuple[str, str, str, str]]]:
    done = subprocess.run(
        [str(cli_or_skip()), "validate", str(lake), "--format", "json"],
        capture_output=True, text=True, timeout=300,
    )
    assert done.returncode == 2, done.stderr  # two files cannot be read
    counts: Counter[tuple[str, str]] = Counter()
    issues = set()
    for line in done.stdout.splitlines():
        r = json.loads(line)
        f = str(Path(r["file"]).resolve())
        if "error" in r:
            counts[(f, r["error"]["code"])] += 1
            continue
        for i in r["issues"]:
            counts[(f, i["code"])] += 1
            issues.add((f, i["code"], i["path"], message(i["code"], i["message"])))
    return counts, issues


def test_counts_and_messages_are_the_clis(spark: Any, lake: Path) -> None:
    from gongkai.spark import COLUMNS, summarize, validate_files

    df = validate_files(spark, str(lake))
    assert tuple(df.columns) == COLUMNS
    rows = df.collect()
    got: Counter[tuple[str, str]] = Counter()
    for r in summarize(df).collect():
        got[(str(Path(local(r["file"])).resolve()), r["code"])] += r["count"]
    want, cli_issues = cli_counts(lake)
    assert got == want
    assert sum(want.values()) > 20 and len({f for f, _ in want}) == 9
    got_issues = {
        (str(Path(local(r["file"])).resolve()), r["code"], r["path"], message(r["code"], r["message"]))
        for r in rows if r["path"]
    }
    assert got_issues == cli_issues
    # Unreadable files are one row each, with their error code.
    errors = {Path(local(r["file"])).name: r["code"] for r in rows if r["path"] == "" and "." not in r["code"]}
    assert errors == {"truncated.json": "json", "junk.xlsx": "import"}
    # Table issues carry their cell.
    cells = [r for r in rows if r["file"].endswith("执法大队.csv") and r["row"] is not None]
    assert cells and all(isinstance(r["row"], int) and r["column"] for r in cells)
    # notes.txt is not a catalogue: never read.
    assert not any(r["file"].endswith("notes.txt") for r in rows)


def test_a_glob_and_a_list_of_paths(spark: Any, lake: Path) -> None:
    from gongkai.spark import validate_files

    df = validate_files(spark, str(lake / "*.json"), lang="en", min_severity="error")
    files = {Path(local(r["file"])).name for r in df.select("file").distinct().collect()}
    invalid = {p.name for p in (EXAMPLES / "invalid").glob("*.json")}
    assert files == invalid | {"truncated.json"}  # the valid one has no issue, so no row
    assert all(r["severity"] == "error" for r in df.collect())
    msgs = [r["message"] for r in df.collect() if r["code"] == "channels.website_required"]
    assert msgs and all(m.isascii() for m in msgs)
    df = validate_files(spark, [str(lake / "东村.html"), str(lake / "sub")])
    files = {Path(local(r["file"])).name for r in df.select("file").distinct().collect()}
    assert files == {"东村.html", "执法大队.csv"}


def test_a_path_that_matches_nothing_is_a_clear_error(spark: Any, lake: Path) -> None:
    from gongkai.spark import validate_files

    missing = str(lake / "nope" / "*.xlsx")
    with pytest.raises(FileNotFoundError, match="没有匹配到任何文件") as e:
        validate_files(spark, [str(lake / "a-valid.json"), missing])
    assert missing in str(e.value)
    with pytest.raises(FileNotFoundError, match="matches no file"):
        validate_files(spark, missing, lang="en")
    with pytest.raises(TypeError, match="unknown option"):
        validate_files(spark, str(lake), colour=True)
    with pytest.raises(gongkai.Error):
        validate_files(spark, str(lake), lang="fr")
