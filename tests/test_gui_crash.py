"""The editor never dies of an error: a crash report and a dialog, and it keeps running."""

from __future__ import annotations

import json
import sys
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer

from layout.engine.crashreport import crash_folder
from layout.gui import crash
from layout.gui.main_window import MainWindow


@pytest.fixture
def dialogs(monkeypatch) -> list[str]:
    """The texts of the error dialogs shown (recorded, not shown)."""
    shown: list[str] = []
    monkeypatch.setattr("layout.gui.crash.QMessageBox.critical", lambda parent, title, text: shown.append(text))
    monkeypatch.setattr("layout.gui.main_window.QMessageBox.warning", lambda *a: shown.append(a[2]))
    return shown


@pytest.mark.qt_no_exception_capture
def test_an_error_in_a_slot_is_a_dialog_and_the_editor_keeps_running(qtbot, dialogs, monkeypatch):
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    crash.install()
    window = MainWindow()
    qtbot.addWidget(window)

    def broken() -> None:
        raise ZeroDivisionError("float division by zero")

    QTimer.singleShot(0, broken)
    qtbot.waitUntil(lambda: bool(dialogs), timeout=5000)
    assert "ZeroDivisionError" in dialogs[0] and str(crash_folder()) in dialogs[0]
    window.zoom_in()  # still alive


def test_an_error_in_a_worker_thread_is_reported(monkeypatch, capsys):
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    crash.install()

    def broken() -> None:
        raise OverflowError("cannot convert float infinity to integer")

    worker = threading.Thread(target=broken, name="warm-up")
    worker.start()
    worker.join()
    err = capsys.readouterr().err
    assert "OverflowError" in err and "the report is in" in err
    report = Path(err.split("the report is in ")[1].strip())
    assert "thread warm-up" in report.read_text("utf-8")


def test_a_document_with_an_infinite_width_is_refused_in_a_dialog(qtbot, dialogs, sample_copy):
    text = sample_copy.read_text("utf-8")
    sample_copy.write_text(text.replace('"width": ', '"width": Infinity, "x": ', 1), "utf-8")
    window = MainWindow()
    qtbot.addWidget(window)
    assert crash.guarded(window.open_document, sample_copy) is False
    assert "not a finite number" in dialogs[0]


def test_a_width_of_1e9_is_refused_before_zoom_can_fail(qtbot, dialogs, sample_copy):
    data = json.loads(sample_copy.read_text("utf-8"))
    data["pages"][0]["width"] = 1e9
    sample_copy.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    window = MainWindow()
    qtbot.addWidget(window)
    assert not window.open_document(sample_copy)
    window.zoom_in()
    assert "5000 mm" in dialogs[0]


def test_a_document_that_cannot_be_laid_out_is_a_dialog(qtbot, dialogs, sample_path, monkeypatch):
    window = MainWindow()
    qtbot.addWidget(window)

    def broken(engine: object, issue: object) -> None:
        raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.setattr("layout.engine.page.LayoutEngine.layout", broken)
    assert crash.guarded(window.open_document, sample_path) is None
    assert "RecursionError" in dialogs[0]
    report = Path(dialogs[0].split("the report is in ")[1].split("\n")[0])
    assert "Traceback" in report.read_text("utf-8")
