"""The type stubs match the built module (mypy.stubtest) and the package is marked typed."""

from __future__ import annotations

import inspect
import subprocess
import sys
from pathlib import Path

import gongkai


def test_stubtest(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "mypy.stubtest", "gongkai"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=600,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Success" in done.stdout


def test_package_is_typed() -> None:
    package = Path(gongkai.__file__).parent
    assert (package / "py.typed").exists()
    assert (package / "__init__.pyi").exists()
    # Submodules (gongkai.spark, once imported) are not names of the package's API.
    public = {
        n for n in dir(gongkai) if not n.startswith("_") and not inspect.ismodule(getattr(gongkai, n))
    } | {"__version__"}
    assert sorted(gongkai.__all__) == sorted(public)
