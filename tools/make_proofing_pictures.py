"""Make the pictures of docs/proofing.md from the sample: a proof marked in a PDF reader's
way (PyMuPDF), the next draft compared with it, and the corrections dock.

    QT_QPA_PLATFORM=offscreen .venv/bin/python tools/make_proofing_pictures.py
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pymupdf

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from layout.cli import main  # noqa: E402

DOCS = ROOT / "docs"
CLIP = pymupdf.Rect(560, 250, 1160, 620)  # the right-hand article of the sample page, in PDF points


def _mark(proof: Path, out: Path) -> None:
    """Mark the proof as an editor would: strike-out, replace, insertion, sticky note, highlight."""
    doc = pymupdf.open(proof)
    page = doc[0]
    hit = page.search_for("彻底解决")[0]
    strike = page.add_strikeout_annot(hit)
    strike.set_info(title="王编辑", content="删去")
    strike.update()
    hit = page.search_for("周边路面")[0]
    strike = page.add_strikeout_annot(hit)
    strike.set_info(title="王编辑")
    strike.update()
    caret = page.add_caret_annot(hit.tr)
    caret.set_info(title="王编辑", content="小区周边路面")
    caret.update()
    doc.xref_set_key(strike.xref, "IRT", f"{caret.xref} 0 R")
    doc.xref_set_key(strike.xref, "RT", "/Group")
    note = page.add_text_annot(page.search_for("米宽")[0].tr, "数字请再核实")
    note.set_info(title="王编辑")
    note.update()
    hl = page.add_highlight_annot(page.search_for("老百姓纷纷")[0])
    hl.set_info(title="王编辑", content="口语化，可改“居民”")
    hl.update()
    word = page.search_for("安全隐患")[0]
    ink = page.add_ink_annot([[(word.x0 - 2, word.y1 + 2), (word.x1 + 2, word.y1 + 3)]])
    ink.set_border(width=1.2)
    ink.set_colors(stroke=(0.8, 0, 0))
    ink.update()
    doc.save(out)


def _picture(pdf: Path, out: Path, page: int = 0, clip: pymupdf.Rect | None = CLIP, zoom: float = 1.6) -> None:
    doc = pymupdf.open(pdf)
    doc[page].get_pixmap(matrix=pymupdf.Matrix(zoom, zoom), clip=clip, annots=True).save(out)


def make() -> None:
    """Write docs/proof-marked.png, docs/proof-against.png and docs/corrections-dock.png."""
    work = Path(tempfile.mkdtemp(prefix="proofing-"))
    shutil.copytree(ROOT / "assets" / "sample", work / "sample")
    document = work / "sample" / "tongzhou.layout.json"
    proof = work / "draft1.pdf"
    main(["export", str(document), "--profile", "proof", "--as", "李设计", "-o", str(proof), "-q"])
    marked = work / "draft1-marked.pdf"
    _mark(proof, marked)
    _picture(marked, DOCS / "proof-marked.png")
    main(["corrections", str(document), str(marked)])
    subprocess.run([sys.executable, "-m", "layout", "corrections", str(document), str(marked), "--as", "李设计",
                    "--reply", "c3", "已核实：数字与通稿一致", "--reject", "c4"], check=True)
    _window(document, marked, DOCS / "corrections-dock.png")
    main(["corrections", str(document), str(marked), "--apply", "c2"])
    draft2 = work / "draft2.pdf"
    main(["export", str(document), "--profile", "proof", "--against", str(proof), "--as", "李设计",
          "-o", str(draft2), "-q"])
    _picture(draft2, DOCS / "proof-against.png")
    slug = pymupdf.open(draft2)[0].search_for("改动：")[0]
    _picture(draft2, DOCS / "proof-slug.png", clip=pymupdf.Rect(slug.x0 - 4, slug.y0 - 14, slug.x0 + 560, slug.y1 + 4),
             zoom=2.0)


def _window(document: Path, marked: Path, out: Path) -> None:
    from PySide6.QtWidgets import QApplication

    from layout.gui.app import install_translation, install_ui_font
    from layout.gui.main_window import MainWindow

    app = QApplication.instance() or QApplication([])
    install_ui_font(app)
    install_translation(app, "zh_CN")
    window = MainWindow()
    window.open_document(document)
    window.resize(1500, 950)
    window.show()
    window.corrections.open_proof(marked)
    window.corrections_dock.raise_()
    window.corrections.list.setCurrentRow(1)
    for _ in range(20):
        app.processEvents()
    window.grab().save(str(out))
    canvas = window.canvas
    canvas.set_zoom(1.3)
    for _ in range(5):
        app.processEvents()
    number = window.issue.pages[canvas.page_index].number
    chosen = next(rect for rect, on in canvas.correction_marks[number] if on)
    at = canvas.to_view(chosen.x, chosen.y)
    centre = canvas.viewport().rect().center()
    canvas.horizontalScrollBar().setValue(canvas.horizontalScrollBar().value() + int(at.x() - centre.x()))
    canvas.verticalScrollBar().setValue(canvas.verticalScrollBar().value() + int(at.y() - centre.y()))
    for _ in range(20):
        app.processEvents()
    canvas.sharpen_now()
    canvas.viewport().grab().save(str(out.with_name("corrections-marks.png")))
    window.close()


if __name__ == "__main__":
    make()
