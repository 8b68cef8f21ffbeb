"""Shared fixtures. GUI tests run on Qt's offscreen platform."""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# The tests keep their cache (font metrics, made photos) to themselves.
os.environ["XDG_CACHE_HOME"] = tempfile.mkdtemp(prefix="layout-test-cache-")

from tests.newsroom_helpers import desk, newsroom_url, pg_server  # noqa: E402, F401 (the newsroom's fixtures)

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "assets" / "sample" / "tongzhou.layout.json"
SAMPLE_TEXT = ROOT / "assets" / "sample" / "tongzhou.txt"


@pytest.fixture(autouse=True)
def no_modal_dialogs(monkeypatch: pytest.MonkeyPatch) -> None:
    """No test may wait on a message box nobody can answer (a stale lock left beside the
    repository's sample by an editor that was killed would otherwise hang the run): questions
    are answered Yes, notices just pass. Tests that look at a dialog patch it themselves."""
    if "PySide6.QtWidgets" not in sys.modules:
        return
    from PySide6.QtWidgets import QMessageBox

    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.Yes)
    for kind in ("information", "warning", "critical"):
        monkeypatch.setattr(QMessageBox, kind, lambda *a, **k: QMessageBox.Ok)


@pytest.fixture(scope="session")
def sample_path() -> Path:
    """The sample issue in the repository (never written to)."""
    return SAMPLE


@pytest.fixture
def sample_copy(tmp_path: Path) -> Path:
    """A copy of the sample issue and its photos in a scratch folder."""
    folder = tmp_path / "sample"
    shutil.copytree(SAMPLE.parent, folder)
    return folder / SAMPLE.name


@pytest.fixture(scope="session")
def sample_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample issue exported once for the whole session."""
    from layout.export.pdf_export import export_pdf
    from layout.store.fileformat import load

    out = tmp_path_factory.mktemp("export") / "page.pdf"
    export_pdf(load(SAMPLE), out)
    return out


def require_tool(name: str) -> str:
    """The path of a command-line tool the test needs; CI installs them all."""
    path = shutil.which(name)
    if path is None:
        pytest.fail(f"{name} is not installed (.ci/run installs poppler-utils)")
    return path


@pytest.fixture
def window(qtbot, monkeypatch):
    """The editor's main window, shown; closing it never waits on a question."""
    from PySide6.QtWidgets import QMessageBox

    from layout.gui.main_window import MainWindow

    monkeypatch.setattr("layout.gui.main_window.QMessageBox.question", lambda *a: QMessageBox.Discard)
    win = MainWindow()
    qtbot.addWidget(win)
    win.resize(1400, 950)
    win.show()
    qtbot.waitExposed(win)
    return win
