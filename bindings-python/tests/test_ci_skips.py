"""A cross-check with the CLI that cannot run is a skip on a developer's machine and a failure in
CI (``$CI`` or ``$GONGKAI_CI``, which ``scripts/test.sh`` sets)."""

from __future__ import annotations

from pathlib import Path

import pytest

import conftest


@pytest.mark.parametrize(
    ("env", "ci"),
    [
        ({}, False),
        ({"CI": ""}, False),
        ({"CI": "0"}, False),
        ({"GONGKAI_CI": "false"}, False),
        ({"CI": "true"}, True),
        ({"GONGKAI_CI": "1"}, True),
        ({"CI": "0", "GONGKAI_CI": "1"}, True),
    ],
)
def test_in_ci_reads_both_variables(env: dict[str, str], ci: bool, monkeypatch: pytest.MonkeyPatch) -> None:
    for k in ("CI", "GONGKAI_CI"):
        monkeypatch.delenv(k, raising=False)
    for k, v in env.items():
        monkeypatch.setenv(k, v)
    assert conftest.in_ci() is ci


def test_a_missing_cli_skips_outside_ci_and_fails_in_ci(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GONGKAI_CLI", str(tmp_path / "no-such-gongkai"))
    monkeypatch.delenv("CI", raising=False)
    monkeypatch.delenv("GONGKAI_CI", raising=False)
    with pytest.raises(pytest.skip.Exception, match="not built"):
        conftest.cli_or_skip()
    monkeypatch.setenv("GONGKAI_CI", "1")
    with pytest.raises(pytest.fail.Exception, match="fails in CI"):
        conftest.cli_or_skip()


def test_a_stale_cli_skips_outside_ci_and_fails_in_ci(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    old = tmp_path / "gongkai"
    old.write_bytes(b"")
    import os

    os.utime(old, (0, 0))  # older than every source file
    monkeypatch.setenv("GONGKAI_CLI", str(old))
    monkeypatch.delenv("CI", raising=False)
    monkeypatch.delenv("GONGKAI_CI", raising=False)
    with pytest.raises(pytest.skip.Exception, match="older than the sources"):
        conftest.cli_or_skip()
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="older than the sources"):
        conftest.cli_or_skip()
