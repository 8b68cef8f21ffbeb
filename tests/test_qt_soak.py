"""PySide6 must not take references from None (6.12.0 on Python 3.11 does), and the
editor must survive many redraws. Both run in child processes: a crash fails the test."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

CHILDREN = Path(__file__).parent / "children"
ROOT = Path(__file__).resolve().parents[1]


def run_child(script: str, *args: str, timeout: float = 300) -> dict:
    """Run a child script offscreen; its last line of output is JSON. A crash fails the test."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    done = subprocess.run([sys.executable, str(CHILDREN / script), *args], capture_output=True,
                          text=True, timeout=timeout, env=env, cwd=ROOT)
    assert done.returncode == 0, f"{script} ended with {done.returncode}:\n{done.stderr[-3000:]}"
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_qt_calls_leave_none_references_alone(sample_path):
    counts = run_child("qt_none_refcount.py", str(sample_path))
    assert counts["after"] >= counts["before"], (
        f"Qt calls took {counts['before'] - counts['after']} references from None: this PySide6 "
        "will crash the editor (PySide6 6.12.0 before Python 3.12; see pyproject.toml)")


@pytest.mark.slow
def test_editor_survives_200_full_redraws(sample_path):
    result = run_child("editor_soak.py", str(sample_path), "200")
    assert result["redraws"] >= 200
