"""A panic in native code is an exception, not a dead interpreter."""

from __future__ import annotations

import subprocess
import sys

import gongkai
import pytest
from gongkai import _gongkai

from conftest import valid_catalogue


@pytest.mark.parametrize("detached", [False, True])
def test_panic_is_an_exception_and_the_module_still_works(detached: bool) -> None:
    with pytest.raises(BaseException) as e:
        _gongkai._panic_for_test(detached=detached)
    assert type(e.value).__name__ == "PanicException"
    assert "deliberate panic" in str(e.value)
    # Not an Exception subclass (pyo3's choice): `except Exception` does not swallow bugs.
    assert not isinstance(e.value, Exception)
    assert gongkai.validate(valid_catalogue()).valid


def test_the_interpreter_survives_an_uncaught_panic_in_a_thread() -> None:
    code = (
        "import threading, gongkai\n"
        "from gongkai import _gongkai\n"
        "t = threading.Thread(target=_gongkai._panic_for_test, kwargs={'detached': True})\n"
        "t.start(); t.join()\n"
        "print('alive', gongkai.validate('{}').valid)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "alive False"
    assert "PanicException" in done.stderr
