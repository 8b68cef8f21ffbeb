"""Never lose work (issue 12, section 7): autosave and recovery after a kill, the lock
two designers share a folder through, and a document changed on disk by another.

Editors that must die run in child processes (tests/children/editor_hold.py);
every dialog is monkeypatched and recorded, never shown.
"""

from __future__ import annotations

import getpass
import json
import os
import select
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox

from layout.edit import operations as ops
from layout.gui.main_window import MainWindow
from layout.store import recovery
from layout.store.fileformat import dumps, load, save
from layout.store.lock import holder, is_stale, lock_path

CHILD = Path(__file__).parent / "children" / "editor_hold.py"
ROOT = Path(__file__).resolve().parents[1]
FRAME = "p2-head-rule"
START_TIMEOUT = 60.0


class Dialogs:
    """The message boxes shown, recorded; questions get the answers queued (Yes when none)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.shown: list[tuple[str, str, str]] = []
        self.answers: list[QMessageBox.StandardButton] = []
        for kind in ("information", "warning", "critical"):
            monkeypatch.setattr(QMessageBox, kind, lambda parent, title, text, *a, k=kind: self._show(k, title, text))
        monkeypatch.setattr(QMessageBox, "question", self._question)

    def _show(self, kind: str, title: str, text: str) -> QMessageBox.StandardButton:
        self.shown.append((kind, title, text))
        return QMessageBox.Ok

    def _question(self, parent: object, title: str, text: str, *rest: object) -> QMessageBox.StandardButton:
        self.shown.append(("question", title, text))
        return self.answers.pop(0) if self.answers else QMessageBox.Yes

    def titles(self) -> list[str]:
        """The titles of the dialogs shown, in order."""
        return [title for _, title, _ in self.shown]


@pytest.fixture
def dialogs(monkeypatch) -> Dialogs:
    return Dialogs(monkeypatch)


@pytest.fixture
def quick_autosave(monkeypatch) -> None:
    monkeypatch.setenv("LAYOUT_AUTOSAVE_SECONDS", "0.2")


def open_window(qtbot, document: Path | None = None) -> MainWindow:
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    if document is not None:
        window.open_document(document)
    return window


def start_editor(document: Path, *args: str) -> tuple[subprocess.Popen, dict]:
    """An editor in a child process holding ``document``; its report once it is ready."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT), LAYOUT_AUTOSAVE_SECONDS="0.3")
    child = subprocess.Popen([sys.executable, str(CHILD), str(document), *args], stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True, env=env, cwd=ROOT)
    ready, _, _ = select.select([child.stdout], [], [], START_TIMEOUT)
    line = child.stdout.readline() if ready else ""
    if not line:
        child.kill()
        pytest.fail(f"the child editor did not start: {child.communicate()[1][-3000:]}")
    return child, json.loads(line)


def kill(child: subprocess.Popen) -> None:
    child.send_signal(signal.SIGKILL)
    child.wait(10)
    child.stdout.close()
    child.stderr.close()


# (1) a killed editor's work comes back


def test_a_killed_editors_autosave_is_offered_and_restored(qtbot, dialogs, sample_copy):
    before = load(sample_copy).find_frame(FRAME)[1].rect.y
    child, report = start_editor(sample_copy, FRAME)
    kill(child)
    assert report["recovery_written"] and report["modified"] and report["y"] > before

    window = open_window(qtbot, sample_copy)
    assert dialogs.titles() == ["Take over the lock?", "Restore unsaved changes?"]
    saved_at = time.strftime("%Y-%m-%d %H:%M", time.localtime(Path(report["recovery"]).stat().st_mtime))
    assert saved_at in dialogs.shown[1][2]
    assert window.session.issue.find_frame(FRAME)[1].rect.y == pytest.approx(report["y"])
    assert window.document.modified and window.windowTitle().startswith("*")
    assert holder(sample_copy).pid == os.getpid()
    window.save()
    assert load(sample_copy).find_frame(FRAME)[1].rect.y == pytest.approx(report["y"])
    assert not recovery.recovery_path(sample_copy).exists()


def test_declining_the_recovery_keeps_it_as_a_recovered_copy(qtbot, dialogs, sample_copy):
    edited = load(sample_copy)
    ops.move_frames(edited, [FRAME], 0, 12).apply(edited)
    recovery.write(edited, recovery.recovery_path(sample_copy))
    dialogs.answers = [QMessageBox.No]
    window = open_window(qtbot, sample_copy)
    assert dialogs.titles() == ["Restore unsaved changes?"]
    assert dumps(window.session.issue) == dumps(load(sample_copy)) and not window.document.modified
    kept = sample_copy.with_name("tongzhou.recovered.layout.json")
    assert dumps(load(kept)) == dumps(edited)
    assert not recovery.recovery_path(sample_copy).exists()


def test_a_recovery_older_than_the_file_is_kept_aside_without_asking(qtbot, dialogs, sample_copy):
    path = recovery.recovery_path(sample_copy)
    recovery.write(load(sample_copy), path)
    os.utime(path, (time.time() - 60, time.time() - 60))
    sample_copy.touch()  # the document was saved after the recovery file was written
    open_window(qtbot, sample_copy)
    assert dialogs.shown == []
    assert sample_copy.with_name("tongzhou.recovered.layout.json").exists() and not path.exists()


def test_autosave_waits_for_quiet_and_a_save_or_close_removes_it(qtbot, dialogs, quick_autosave, sample_copy):
    window = open_window(qtbot, sample_copy)
    path = recovery.recovery_path(sample_copy)
    window.document.do(ops.move_frames(window.session.issue, [FRAME], 0, 12))
    assert not path.exists()  # not at once: after the quiet spell
    qtbot.waitUntil(path.exists, timeout=3000)
    assert load(path).find_frame(FRAME)[1].rect.y == window.session.issue.find_frame(FRAME)[1].rect.y
    assert load(path).revision == load(sample_copy).revision  # the document itself is untouched
    window.save()
    assert not path.exists()
    window.document.do(ops.move_frames(window.session.issue, [FRAME], 0, 12))
    qtbot.waitUntil(path.exists, timeout=3000)
    dialogs.answers = [QMessageBox.Discard]
    window.close()
    assert not path.exists() and holder(sample_copy) is None


def test_an_untitled_documents_autosave_goes_to_the_cache(qtbot, dialogs, quick_autosave):
    window = open_window(qtbot)
    window.new_document()
    window.document.do(ops.add_rule(window.session.issue, 0, window.session.issue.pages[0].type_area))
    folder = Path(os.environ["XDG_CACHE_HOME"]) / "layout" / "recovery"
    written = folder / f"untitled.{os.getpid()}.recovery.layout.json"
    assert not written.exists()
    qtbot.waitUntil(written.exists, timeout=3000)
    dialogs.answers = [QMessageBox.Discard]
    window.close()
    assert not written.exists()


def _dead_pid() -> int:
    process = subprocess.Popen([sys.executable, "-c", "pass"])
    process.wait()
    return process.pid


def test_untitled_work_of_an_editor_that_died_is_offered_at_start(qtbot, dialogs):
    window = open_window(qtbot)
    window.new_document()
    edited = window.session.issue
    ops.add_rule(edited, 0, edited.pages[0].type_area).apply(edited)
    folder = Path(os.environ["XDG_CACHE_HOME"]) / "layout" / "recovery"
    left = folder / f"untitled.{_dead_pid()}.recovery.layout.json"
    recovery.write(edited, left)
    mine = recovery.unsaved_path(folder, "untitled")
    recovery.write(edited, mine)  # this live editor's own: not offered
    window.safekeeping.offer_unsaved()
    assert dialogs.titles() == ["Restore unsaved changes?"]
    assert dumps(window.session.issue) == dumps(edited) and window.document.path is None and window.document.modified
    recovery.write(edited, left)
    dialogs.answers = [QMessageBox.No]
    window.safekeeping.offer_unsaved()
    assert not left.exists() and (folder / left.name.replace(".recovery.", ".recovered.")).exists()
    window.safekeeping.offer_unsaved()
    assert len(dialogs.shown) == 2
    mine.unlink()


# (2) two designers, one document


def test_a_second_editor_is_read_only_and_takes_over_once_the_first_is_gone(qtbot, dialogs, sample_copy, tmp_path,
                                                                           monkeypatch):
    child, report = start_editor(sample_copy)
    try:
        second = open_window(qtbot, sample_copy)
        kind, title, text = dialogs.shown[0]
        assert title == "Opened read-only" and getpass.getuser() in text and socket.gethostname() in text
        assert "(read-only)" in second.windowTitle() and holder(sample_copy).pid == report["pid"]
        original = sample_copy.read_bytes()
        second.document.do(ops.move_frames(second.session.issue, [FRAME], 0, 12))
        assert not second.save()
        assert dialogs.titles()[-1] == "Read-only" and sample_copy.read_bytes() == original
        other = tmp_path / "mine.layout.json"
        monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(other), ""))
        assert second.save_as()
        assert "(read-only)" not in second.windowTitle() and holder(other).pid == os.getpid()
        assert not is_stale(holder(sample_copy))
    finally:
        kill(child)
    assert is_stale(holder(sample_copy))
    third = open_window(qtbot, sample_copy)
    assert dialogs.titles()[-1] == "Take over the lock?"
    assert "(read-only)" not in third.windowTitle() and holder(sample_copy).pid == os.getpid()
    dialogs.answers = [QMessageBox.Discard]
    third.close()
    assert holder(sample_copy) is None


def test_declining_a_stale_lock_opens_read_only(qtbot, dialogs, sample_copy):
    child, _ = start_editor(sample_copy)
    kill(child)
    dialogs.answers = [QMessageBox.No]
    window = open_window(qtbot, sample_copy)
    assert dialogs.titles() == ["Take over the lock?"] and "(read-only)" in window.windowTitle()


def test_opening_another_document_lets_go_of_the_first(qtbot, dialogs, sample_copy, tmp_path):
    window = open_window(qtbot, sample_copy)
    assert holder(sample_copy).pid == os.getpid()
    other = tmp_path / "other.layout.json"
    save(load(sample_copy), other)
    window.open_document(other)
    assert holder(sample_copy) is None and holder(other).pid == os.getpid()


def test_saving_takes_back_a_lock_a_finished_command_took_over(qtbot, dialogs, sample_copy):
    window = open_window(qtbot, sample_copy)
    _locked_elsewhere(sample_copy, hours_ago=0)  # `--take-lock` from another desk, still writing
    assert not window.save() and dialogs.titles() == ["Cannot save"] and "li on desk-7" in dialogs.shown[0][2]
    lock_path(sample_copy).unlink()  # … and done
    assert window.save() and holder(sample_copy).pid == os.getpid()


def _locked_elsewhere(document: Path, hours_ago: float) -> None:
    """A lock left by an editor on another host, where its process cannot be seen."""
    info = {"user": "li", "host": "desk-7.newsroom", "pid": 4242, "time": time.time() - hours_ago * 3600,
            "purpose": "editor", "token": "from-desk-7"}
    lock_path(document).write_text(json.dumps(info), "utf-8")


def test_a_lock_from_another_host_is_stale_after_the_configured_time(qtbot, dialogs, sample_copy, monkeypatch):
    _locked_elsewhere(sample_copy, hours_ago=2)
    window = open_window(qtbot, sample_copy)
    assert dialogs.titles() == ["Opened read-only"] and "li on desk-7.newsroom" in dialogs.shown[0][2]
    assert "(read-only)" in window.windowTitle()
    monkeypatch.setenv("LAYOUT_LOCK_STALE_HOURS", "1")
    window.open_document(sample_copy)
    assert dialogs.titles()[-1] == "Take over the lock?" and holder(sample_copy).pid == os.getpid()
    assert "(read-only)" not in window.windowTitle()


def test_a_screenshot_window_neither_locks_nor_asks(qtbot, dialogs, sample_copy):
    _locked_elsewhere(sample_copy, hours_ago=0)
    recovery.write(load(sample_copy), recovery.recovery_path(sample_copy))
    window = MainWindow()
    qtbot.addWidget(window)
    window.safekeeping.quiet = True
    assert window.open_document(sample_copy)
    assert dialogs.shown == [] and holder(sample_copy).user == "li"
    assert recovery.recovery_path(sample_copy).exists()


# (3) changed on disk by another


def _changed_elsewhere(document: Path, dy: float) -> float:
    """Another program moves the frame and saves the document (atomically); the new y."""
    theirs = load(document)
    ops.move_frames(theirs, [FRAME], 0, dy).apply(theirs)
    save(theirs, document)
    return theirs.find_frame(FRAME)[1].rect.y


def test_a_change_on_disk_asks_and_reloads_but_our_own_saves_do_not(qtbot, dialogs, sample_copy):
    window = open_window(qtbot, sample_copy)
    window.document.do(ops.move_frames(window.session.issue, [FRAME], 0, 12))
    assert window.save()
    qtbot.wait(600)
    assert dialogs.shown == []
    for dy in (24, 36):  # twice: the watcher follows the file an atomic save replaced
        theirs = _changed_elsewhere(sample_copy, dy)
        qtbot.waitUntil(lambda y=theirs: window.session.issue.find_frame(FRAME)[1].rect.y == pytest.approx(y),
                        timeout=3000)
        assert dialogs.titles() == ["Changed on disk"]
        assert not window.document.modified
        dialogs.shown.clear()
    assert holder(sample_copy).pid == os.getpid()


def test_keeping_our_version_marks_it_modified_and_saving_replaces_theirs(qtbot, dialogs, sample_copy):
    window = open_window(qtbot, sample_copy)
    ours = window.session.issue.find_frame(FRAME)[1].rect.y
    dialogs.answers = [QMessageBox.No]
    _changed_elsewhere(sample_copy, 24)
    qtbot.waitUntil(lambda: dialogs.titles() == ["Changed on disk"], timeout=3000)
    assert window.session.issue.find_frame(FRAME)[1].rect.y == ours and window.document.modified
    assert window.save()
    assert load(sample_copy).find_frame(FRAME)[1].rect.y == ours
    qtbot.wait(400)
    assert dialogs.titles() == ["Changed on disk"]
