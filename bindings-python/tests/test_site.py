"""gongkai.site: the 基层政务公开专题, the same bytes as `gongkai site`, re-runs, strict."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

import gongkai
from conftest import CORPUS, EXAMPLES, REPO, cli_or_skip

EXAMPLE = EXAMPLES / "wuzhi-municipal.json"
RECORDS = REPO / "tests" / "site" / "records"
TABLES = sorted(CORPUS.glob("*.csv"))
PAGE = "municipal_services-06a2bac5/index.html"


def tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_same_bytes_as_the_cli(tmp_path: Path) -> None:
    exe = cli_or_skip()
    inputs = [str(EXAMPLE), *map(str, TABLES)]
    by_cli = tmp_path / "cli"
    done = subprocess.run(
        [str(exe), "site", *inputs, "-o", str(by_cli), "--records", str(RECORDS),
         "--base-url", "https://portal.example/zt/", "--title", "测试专题"],
        capture_output=True, text=True, timeout=300,
    )
    assert done.returncode == 0, done.stderr
    by_python = tmp_path / "python"
    out = gongkai.site(inputs, by_python, records=RECORDS, base_url="https://portal.example/zt/", title="测试专题")
    assert tree(by_python) == tree(by_cli)
    assert len(tree(by_python)) == 1 + 1 + 1 + 4 * (1 + len(TABLES))  # manifest, index, sitemap
    assert not out["refused"]
    assert sorted(out["written"]) == sorted(tree(by_python))
    first = next(c for c in out["catalogues"] if c["name"] == str(EXAMPLE))
    assert first["page"] == PAGE
    assert first["items"] == 22 and first["documents"] == 5
    assert first["report"]["valid"] is True
    codes = [(i["code"], i["row"]) for i in out["issues"]]
    assert ("site.unknown_item", 8) in codes and ("site.bad_url", 9) in codes


def test_rerun_writes_nothing_new_and_removes_only_its_own(tmp_path: Path) -> None:
    out_dir = tmp_path / "out"
    table = CORPUS / "26-youyang-municipal-2024.csv"
    first = gongkai.site([EXAMPLE, table], out_dir)
    assert len(first["written"]) == 10 and first["removed"] == []
    (out_dir / "portal.css").write_text("/* the portal's */")
    again = gongkai.site([table, EXAMPLE], out_dir)
    assert again["written"] == [] and again["removed"] == []
    assert len(again["unchanged"]) == 10
    only = gongkai.site(EXAMPLE, out_dir)
    assert len(only["removed"]) == 4
    assert all(p.startswith("catalogue-") for p in only["removed"])
    assert "index.html" in only["written"]
    assert (out_dir / "portal.css").read_text() == "/* the portal's */"
    assert sorted(p.name for p in out_dir.iterdir() if p.is_dir()) == ["municipal_services-06a2bac5"]


def test_strict_refuses_and_writes_nothing(tmp_path: Path) -> None:
    out_dir = tmp_path / "out"
    table = CORPUS / "26-youyang-municipal-2024.csv"
    out = gongkai.site([EXAMPLE, table], out_dir, strict=True)
    assert out["refused"] is True
    assert out["written"] == []
    assert not out_dir.exists()
    refused = [c["name"] for c in out["catalogues"] if c["refused"]]
    assert refused == [str(table)]
    assert any(i["code"] == "site.refused" and "个错误" in i["message"] for i in out["issues"])
    english = gongkai.site([EXAMPLE, table], out_dir, strict=True, lang="en")
    assert any("errors" in i["message"] for i in english["issues"])


def test_failures_raise(tmp_path: Path) -> None:
    out_dir = tmp_path / "out"
    with pytest.raises(gongkai.Error) as e:
        gongkai.site(tmp_path / "nope.json", out_dir)
    assert e.value.code == "io" and "nope.json" in str(e.value.path)
    with pytest.raises(gongkai.Error) as e:
        gongkai.site(EXAMPLE, out_dir, base_url="/zt/")
    assert e.value.code == "invalid_argument" and "网站地址" in e.value.message
    with pytest.raises(TypeError):
        gongkai.site([{"title": "x"}], out_dir)  # type: ignore[list-item]
    with pytest.raises(gongkai.Error):
        gongkai.site([], out_dir)
    assert not out_dir.exists()
    out_dir.mkdir()
    (out_dir / "index.html").write_text("<p>the portal</p>")
    with pytest.raises(gongkai.Error) as e:
        gongkai.site(EXAMPLE, out_dir)
    assert "index.html" in e.value.message
    assert [p.name for p in out_dir.iterdir()] == ["index.html"]
    assert (out_dir / "index.html").read_text() == "<p>the portal</p>"
