"""Start the editor: the application, its Chinese translation, and the main window."""

from __future__ import annotations

import signal
import sys
from importlib import resources

from PySide6.QtCore import QLocale, QTimer, QTranslator
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from layout.engine.fonts import ROLE_FILES, font_dir
from layout.engine.headline import warm_up
from layout.gui import crash
from layout.gui.app_settings import chosen_language
from layout.gui.main_window import MainWindow
from layout.gui.screenshot import Screenshot, quiet_platform_notices, take_screenshot

UI_FONT_SIZE = 10
EXIT_CRASH = 3  # as the command line's for an unexpected error
SIGNAL_POLL_MS = 250


def install_ui_font(app: QApplication) -> str | None:
    """Use the project's Hei face for menus and dialogs, so Chinese never shows as boxes."""
    font_id = QFontDatabase.addApplicationFont(str(font_dir() / ROLE_FILES["hei"][0]))
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    if not families:
        return None
    app.setFont(QFont(families[0], UI_FONT_SIZE))
    return families[0]


def install_translation(app: QApplication, language: str | None = None) -> QTranslator | None:
    """Load the user-interface translation (the :func:`chosen_language` unless one is given)."""
    language = language or chosen_language()
    if language.startswith("en"):
        return None
    translator = QTranslator(app)
    folder = resources.files("layout.gui") / "translations"
    if translator.load(QLocale(language), "layout", "_", str(folder)):
        app.installTranslator(translator)
        return translator
    return None


def run(document: str | None = None, screenshot: Screenshot | None = None, page: int | None = None) -> int:
    """Open the editor on a document (or a new broadsheet issue; a newsroom address at page
    number ``page``) and run until it is closed; with ``screenshot``, write a picture of the
    window instead and return."""
    if screenshot is not None:
        quiet_platform_notices()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("layout")
    app.setOrganizationName("layout")
    crash.install()
    crash.headless = screenshot is not None  # no dialog may wait for an answer nobody gives
    errors = len(crash.reported)
    warm_up()  # jieba's dictionary loads in the background, ready for the first headline
    install_ui_font(app)
    install_translation(app)
    window = MainWindow()
    window.safekeeping.quiet = screenshot is not None  # a picture only: no lock, no recovery, no questions
    if screenshot is None:
        stop_on_signals(app, window)
    if not document or not crash.guarded(window.open_document, document, page):
        window.new_document()
        window.safekeeping.offer_unsaved()  # work an editor that died left without a file
    window.show()
    if screenshot is not None:
        return _screenshot(app, window, screenshot, errors)
    return app.exec()


def _screenshot(app: QApplication, window: MainWindow, screenshot: Screenshot, errors: int) -> int:
    """Take the screenshot; EXIT_CRASH when an unexpected error was reported since the run
    began (there were ``errors`` before; each is named on stderr), never waiting on a dialog."""
    status = take_screenshot(app, window, screenshot)
    return EXIT_CRASH if len(crash.reported) > errors else status


def stop_on_signals(app: QApplication, window: MainWindow) -> QTimer:
    """Ctrl+C and SIGTERM end the editor cleanly: unsaved work kept for recovery, the
    document's lock let go. (A timer wakes Python now and then, as Qt's event loop would
    otherwise keep Python's signal handlers from ever running.)"""
    def stop(signum: int, frame: object) -> None:
        window.safekeeping.terminate()
        QTimer.singleShot(0, lambda: app.exit(128 + signum))  # also when the loop has not started yet

    for number in (signal.SIGINT, signal.SIGTERM):
        signal.signal(number, stop)
    waker = QTimer(app)
    waker.timeout.connect(lambda: None)
    waker.start(SIGNAL_POLL_MS)
    return waker
