"""Child process for the never-lose-work tests: an editor that holds a document until killed.

Opens DOC in the main window, which takes its lock. With a FRAME, selects it and
presses the Down key (a nudge of one grid line), then waits until the autosave
(LAYOUT_AUTOSAVE_SECONDS) has written the recovery file. Prints one JSON line
(the process, the frame's new y, the recovery file) and keeps running its event
loop until the test kills it.
"""

from __future__ import annotations

import json
import sys
import time

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from layout.gui.main_window import MainWindow
from layout.store.recovery import recovery_path

WAIT = 20.0  # seconds for the autosave at most


def main(document: str, frame_id: str | None) -> None:
    """Open the document, make the edit and report; then run until killed."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    window = MainWindow()
    window.show()
    if not window.open_document(document):
        sys.exit(2)
    report = {"pid": QApplication.applicationPid()}
    if frame_id:
        window.canvas.set_selection([frame_id])
        QTest.keyClick(window.canvas, Qt.Key_Down)
        recovery = recovery_path(document)
        deadline = time.monotonic() + WAIT
        while not recovery.exists() and time.monotonic() < deadline:
            app.processEvents()
            time.sleep(0.02)
        report |= {"y": window.session.issue.find_frame(frame_id)[1].rect.y, "recovery": str(recovery),
                   "recovery_written": recovery.exists(), "modified": window.document.modified}
    print(json.dumps(report), flush=True)
    app.exec()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else None)
