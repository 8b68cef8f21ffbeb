"""The first window: it shows the sample page as the engine laid it out, in Chinese."""

from PySide6.QtWidgets import QApplication

from layout.engine.page import LayoutEngine
from layout.gui.app import install_translation, install_ui_font
from layout.gui.main_window import MainWindow
from layout.render.qt import render_png
from layout.store.fileformat import load


def _ink(image) -> int:
    """How many sampled pixels are not white."""
    count = 0
    for y in range(0, image.height(), 7):
        for x in range(0, image.width(), 7):
            if image.pixelColor(x, y).lightness() < 200:
                count += 1
    return count


def test_window_shows_the_sample_page(qtbot, sample_path):
    window = MainWindow()
    qtbot.addWidget(window)
    assert window.open_document(sample_path)
    window.show()
    qtbot.waitExposed(window)
    assert window.session.layout.pages[0].number == 2
    grabbed = window.canvas.viewport().grab().toImage()
    assert grabbed.width() > 300 and _ink(grabbed) > 500
    assert "tongzhou.layout.json" in window.windowTitle()


def test_broken_file_is_reported_and_nothing_changes(qtbot, tmp_path, monkeypatch, sample_path):
    warnings = []
    monkeypatch.setattr("layout.gui.main_window.QMessageBox.warning", lambda *a: warnings.append(a[2]))
    window = MainWindow()
    qtbot.addWidget(window)
    window.open_document(sample_path)
    shown = window.session.issue
    broken = tmp_path / "broken.layout.json"
    broken.write_text("{", "utf-8")
    assert not window.open_document(broken)
    assert window.session.issue is shown
    assert warnings and str(broken) in warnings[0]


def test_interface_is_chinese(qtbot):
    app = QApplication.instance()
    assert install_ui_font(app)
    translator = install_translation(app, "zh_CN")
    try:
        window = MainWindow()
        qtbot.addWidget(window)
        menus = [a.text() for a in window.menuBar().actions()]
        assert menus == ["文件(&F)", "编辑(&E)", "视图(&V)", "版面(&P)"]
    finally:
        app.removeTranslator(translator)


def test_zoom_changes_the_view_size(qtbot, sample_path):
    window = MainWindow()
    qtbot.addWidget(window)
    window.open_document(sample_path)
    canvas = window.canvas
    before = canvas.to_view(100, 0).x() - canvas.to_view(0, 0).x()
    window.zoom_in()
    assert canvas.to_view(100, 0).x() - canvas.to_view(0, 0).x() > before * 1.2


def test_png_preview_matches_the_page_size(qtbot, sample_path, tmp_path):
    page = LayoutEngine().layout(load(sample_path)).pages[0]
    image = render_png(page, tmp_path / "page.png", dpi=36)
    assert (image.width(), image.height()) == (round(page.width / 2), round(page.height / 2))
    assert (tmp_path / "page.png").stat().st_size > 10_000


def test_pages_can_be_turned(qtbot, tmp_path):
    from layout.model.templates import new_issue
    from layout.store.fileformat import save

    path = tmp_path / "three.layout.json"
    save(new_issue(pages=3), path)
    window = MainWindow()
    qtbot.addWidget(window)
    window.open_document(path)
    assert window.session.page_index == 0
    window.show_page(5)
    assert window.session.page_index == 2 and "3" in window.windowTitle()
    window.show_page(-1)
    assert window.session.page_index == 0


def test_exports_from_the_editor_with_progress(qtbot, sample_path, tmp_path):
    window = MainWindow()
    qtbot.addWidget(window)
    window.open_document(sample_path)
    assert window.export_to("proof", str(tmp_path / "proof.pdf")) == [tmp_path / "proof.pdf"]
    assert window.export_job.progress == (1, 1)
    qtbot.waitUntil(lambda: window.export_progress.value() == window.export_progress.maximum() == 1)
    written = window.export_to("press", str(tmp_path / "press"))
    assert [p.name for p in written] == ["20230215-02.pdf"]
    qtbot.waitUntil(lambda: "20230215-02.pdf" in window.statusBar().currentMessage())


def test_press_export_asks_when_preflight_finds_errors(qtbot, sample_path, monkeypatch):
    from layout.engine.page import LayoutEngine
    from layout.gui import exporting
    from layout.store.fileformat import load

    issue = load(sample_path)
    issue.articles[0].paragraphs[0].text *= 20  # overset
    asked = []
    monkeypatch.setattr(exporting.QMessageBox, "warning", lambda *a: asked.append(a[2]) or exporting.QMessageBox.Cancel)
    assert not exporting.press_allowed(None, issue, LayoutEngine())
    assert "overset" in asked[0]


def test_repaints_reuse_the_drawn_page(qtbot, sample_path):
    window = MainWindow()
    qtbot.addWidget(window)
    window.open_document(sample_path)
    canvas = window.canvas
    first = canvas.viewport().grab().toImage()
    renders = canvas.renders
    canvas.viewport().repaint()
    canvas.viewport().grab()
    assert canvas.renders == renders
    window.zoom_in()
    canvas.viewport().grab()
    assert canvas.renders == renders  # at once: the last drawing, scaled
    qtbot.wait(300)
    canvas.viewport().grab()
    assert canvas.renders == renders + 1  # then drawn sharp, once zooming pauses
    assert _ink(first) > 500
