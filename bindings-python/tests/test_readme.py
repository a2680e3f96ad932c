"""The Python examples of bindings-python/README.md run, in order, and print what they say."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from conftest import REPO, valid_catalogue

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
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_readme_python_examples_run(workdir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    blocks = python_blocks(README.read_text(encoding="utf-8"))
    assert len(blocks) >= 5, "the README lost its Python examples"
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


def test_readme_bash_install_block_names_the_real_paths() -> None:
    text = README.read_text(encoding="utf-8")
    block = re.search(r"^```bash\n(.*?)^```", text, flags=re.S | re.M)
    assert block is not None
    assert "cd bindings-python && maturin build --release -o ../dist" in block.group(1)
    assert (REPO / "bindings-python" / "pyproject.toml").exists()
