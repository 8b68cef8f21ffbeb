"""Child process for the editor soak test: redraw the sample page again and again.

Opens the sample in the main window, then zooms in and out and turns pages,
repainting the whole page each time, until REDRAWS full redraws have been made.
Prints one JSON object with the count. A crash ends this process, not the test run.
"""

from __future__ import annotations

import json
import sys

from PySide6.QtWidgets import QApplication

from layout.gui.main_window import MainWindow

REDRAWS = 200


def main(sample: str, redraws: int = REDRAWS) -> None:
    """Open the sample and redraw it ``redraws`` times through the window's own actions."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    window = MainWindow()
    window.safekeeping.quiet = True  # a crash here must leave no lock on the repository's sample
    window.open_document(sample)
    window.show()
    app.processEvents()
    view = window.canvas
    steps = [window.zoom_in, window.zoom_out, window.zoom_out, window.zoom_in,
             lambda: window.show_page(window.session.page_index + 1),
             lambda: window.show_page(window.session.page_index - 1)]
    start = view.renders
    step = 0
    while view.renders - start < redraws:
        steps[step % len(steps)]()
        view.set_zoom(view.zoom)  # a new zoom or page, and this, make the next paint a full redraw
        view.sharpen_now()
        app.processEvents()
        step += 1
    print(json.dumps({"redraws": view.renders - start, "steps": step}))
    window.close()


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else REDRAWS)
