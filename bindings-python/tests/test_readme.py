"""The Python examples of bindings-python/README.md run, in order, and print what they say."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from typing import Any

import pytest

from conftest import CORPUS, REPO, valid_catalogue

README = REPO / "bindings-python" / "README.md"


def python_blocks(text: str) -> list[str]:
    return re.findall(r"^```python\n(.*?)^```", text, flags=re.S | re.M)


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    c = valid_catalogue()
    second = dict(c["items"][0], id="2", name="燃气经营许可证变更", channels=["service_center"])
    c["items"].append(second)  # 主动 without 政府网站: one error
    (tmp_path / "catalogue.json").write_text(json.dumps(c, ensure_ascii=False), encoding="utf-8")
    folder = tmp_path / "catalogues"
    folder.mkdir()
    for n in range(4):
        doc: Any = valid_catalogue() if n != 1 else c
        (folder / f"{n}.json").write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    (folder / "4.json").write_text('{"schema_version": "1.0", "items": [', encoding="utf-8")
    table = (CORPUS / "26-youyang-municipal-2024.csv").read_bytes()
    (tmp_path / "youyang-2024.csv").write_bytes(table)
    # A stand-in for the 2027 notice (not published when this was written), same format.
    (tmp_path / "holidays-2027.csv").write_text(
        "date,kind,name\n2027-01-01,off,元旦\n", encoding="utf-8"
    )
    # A user registry of instruments (its 示例县 entries are fictional test data).
    (tmp_path / "local.laws.json").write_bytes((REPO / "tests" / "laws" / "local.laws.json").read_bytes())
    # The example units of the evaluation section.
    shutil.copytree(REPO / "examples" / "evaluation", tmp_path / "examples" / "evaluation")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_readme_python_examples_run(workdir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    blocks = python_blocks(README.read_text(encoding="utf-8"))
    assert len(blocks) >= 10, "the README lost its Python examples"
    namespace: dict[str, Any] = {"__name__": "__readme__"}
    for n, code in enumerate(blocks):
        try:
            exec(compile(code, f"README.md python block {n + 1}", "exec"), namespace)
        except Exception as e:  # pragma: no cover - the message is the point
            pytest.fail(f"README python block {n + 1} failed: {e!r}\n{code}")
    out, err = capsys.readouterr()
    lines = out.splitlines()
    assert lines[0] == "<gongkai.Report valid=False items=2 error=1 warning=0 info=0>"
    assert "error /items/1/channels 2 主动公开的事项必须勾选“政府网站”作为公开渠道（政府网站为必选项）" in lines
    assert "json 1 10" in lines
    assert "1.json: 1 errors" in lines
    assert any(line.startswith("4.json: unreadable (json)") for line in lines)
    assert "5/5 100%" in err  # the progress bar
    # Tables.
    assert "I3 公开对象 “公开对象”至少需要填写或勾选一项" in lines
    # Working days and deadlines.
    at = lines.index("True", lines.index("I3 公开对象 “公开对象”至少需要填写或勾选一项"))
    assert lines[at : at + 6] == [
        "True",
        "2024-10-28",
        "1",
        "2024-10-28",
        "2024-11-25 40",
        "None no_deadline.promptly",
    ]
    assert "2027-01-05 True" in lines
    assert "calendar True" in lines
    assert "True 2027" in lines
    assert "False" in lines[lines.index("True 2027") :]
    # Audit.
    assert "<gongkai.AuditReport records=3 on_time=1 late=1 overdue=1 on_time_rate=33.3% today=2024-12-31>" in lines
    at = lines.index("1 on_time 2024-10-28 None")
    assert lines[at : at + 4] == [
        "1 on_time 2024-10-28 None",
        "2 late 2024-10-28 2",
        "3 overdue 2024-11-29 22",
        "0.3333333333333333 城镇燃气管理",
    ]
    # Diff.
    assert "False 1 7" in lines
    assert any(line.startswith("diff.missing_item /items/1 上级标准目录的事项“燃气经营者改动市政燃气设施审批”") for line in lines)
    # The 专题 site.
    assert "10 False municipal_services-06a2bac5/index.html" in lines
    assert "[] 10" in lines
    assert "True site.refused" in lines


def test_readme_bash_install_block_names_the_real_paths() -> None:
    text = README.read_text(encoding="utf-8")
    block = re.search(r"^```bash\n(.*?)^```", text, flags=re.S | re.M)
    assert block is not None
    assert "cd bindings-python && maturin build --release -o ../dist" in block.group(1)
    assert (REPO / "bindings-python" / "pyproject.toml").exists()
