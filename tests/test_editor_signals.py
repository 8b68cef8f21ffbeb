"""Ctrl+C and SIGTERM end the editor cleanly: its lock goes, unsaved work stays for recovery."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pytest

from layout.store.recovery import recovery_path


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
def test_a_signal_ends_the_editor_and_lets_go_of_the_lock(sample_copy, signum):
    lock = sample_copy.with_name(f".{sample_copy.name}.lock")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    editor = subprocess.Popen([sys.executable, "-m", "layout", "open", str(sample_copy)], env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 60
        while not lock.exists() and time.monotonic() < deadline:
            time.sleep(0.1)
        assert lock.exists(), "the editor took no lock"
        editor.send_signal(signum)
        editor.wait(30)
    finally:
        editor.kill()
    assert editor.returncode == 128 + signum, editor.stderr.read().decode()[-2000:]
    assert not lock.exists()
    assert not recovery_path(sample_copy).exists()  # nothing unsaved, nothing to recover
