"""Edit ▸ Cut, Copy, Paste, Paste in Place and Duplicate on the canvas, through the system
clipboard: our own frames travel as JSON (so they paste into another open document or
another window of the program), with the plain text beside them for other programs; plain
text from another program is imported (articles carried by the pointer, a short text as a
text frame), an image from another program is placed as a photo."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from PySide6.QtCore import QByteArray, QMimeData
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from layout.edit import clipboard
from layout.edit import operations as ops
from layout.edit.change import EditError
from layout.gui.tools import new_frame_ids
from layout.importer.plaintext import parse

TEXT_FRAME_LINES = 2


class ClipboardActions:
    """The canvas's clipboard commands."""

    def __init__(self, canvas) -> None:
        self.canvas = canvas

    def _say(self, text: str) -> None:
        self.canvas.message.emit(text)

    def copy(self) -> bool:
        """Put the selected frames (and their articles) on the clipboard, with their plain text."""
        document = self.canvas.document
        if document is None or not self.canvas.selection:
            return False
        try:
            clip = clipboard.copy_frames(document.issue, self.canvas.selection)
        except EditError as problem:
            self._say(str(problem))
            return False
        data = QMimeData()
        data.setData(clipboard.MIME_TYPE, QByteArray(json.dumps(clipboard.clip_to_json(clip),
                                                                ensure_ascii=False).encode("utf-8")))
        data.setText(clip.text)
        QApplication.clipboard().setMimeData(data)
        return True

    def cut(self) -> None:
        """Copy the selection, then delete it (one undo step)."""
        if self.copy():
            self.canvas.delete_selection()

    def duplicate(self) -> None:
        """Copies of the selected frames a little down and right (one undo step)."""
        document = self.canvas.document
        if document is None or not self.canvas.selection:
            return
        change = clipboard.duplicate(document.issue, self.canvas.selection, self.canvas.page_index)
        document.do(change, self.canvas.tr("Duplicate"))
        self.canvas.set_selection(new_frame_ids(change))

    def paste(self, in_place: bool = False) -> None:
        """Paste what the clipboard holds on the page shown."""
        document = self.canvas.document
        if document is None or self.canvas.page is None:
            return
        data = QApplication.clipboard().mimeData()
        try:
            if data.hasFormat(clipboard.MIME_TYPE):
                self._paste_clip(bytes(data.data(clipboard.MIME_TYPE).data()), in_place)
            elif data.hasImage():
                self._paste_image(data.imageData())
            elif data.hasText() and data.text().strip():
                self._paste_text(data.text())
            else:
                self._say(self.canvas.tr("The clipboard holds nothing to paste"))
        except (ValueError, OSError) as problem:
            self._say(str(problem))

    def _paste_clip(self, raw: bytes, in_place: bool) -> None:
        document, page = self.canvas.document, self.canvas.page
        clip = clipboard.clip_from_json(json.loads(raw.decode("utf-8")))
        here = {f.id for f in page.frames}
        same_place = in_place or not any(f.id in here for f in clip.frames)  # elsewhere: where it was
        change = clipboard.paste(document.issue, clip, self.canvas.page_index, in_place=same_place)
        document.do(change, self.canvas.tr("Paste"))
        self.canvas.set_selection(new_frame_ids(change))

    def _paste_text(self, text: str) -> None:
        """Articles in the text are carried by the pointer; a short text becomes a text frame."""
        imported = parse(text)
        if imported.articles:
            self.canvas.placing.carry(imported)
            return
        page = self.canvas.page
        column, line = page.grid.cell_at(page.type_area, *self._view_centre())
        last = min(page.grid.columns, column + 1)
        rect = page.grid.area(page.type_area, column, last, line, TEXT_FRAME_LINES)
        change = ops.add_text_frame(self.canvas.document.issue, self.canvas.page_index, rect, text.strip())
        self.canvas.document.do(change, self.canvas.tr("Paste"))
        self.canvas.set_selection(new_frame_ids(change))

    def _paste_image(self, image: QImage) -> None:
        """An image from another program: saved beside the document (or in a scratch folder)
        as a PNG and placed as a photo, two columns wide where the view is."""
        issue = self.canvas.document.issue
        folder = issue.source.parent if issue.source is not None else Path(tempfile.mkdtemp(prefix="layout-paste-"))
        index = 1
        while (folder / f"pasted-{index}.png").exists():
            index += 1
        path = folder / f"pasted-{index}.png"
        if not QImage(image).save(str(path), "PNG"):
            raise OSError(f"cannot write {path}")
        change = self.canvas.placing.drop_photo(path, self.canvas.to_view(*self._view_centre()))
        self.canvas.document.do(change, self.canvas.tr("Paste"))
        self.canvas.set_selection(new_frame_ids(change))

    def _view_centre(self) -> tuple[float, float]:
        """The page point at the centre of the view, kept inside the type area."""
        viewport = self.canvas.viewport()
        x, y = self.canvas.to_page(viewport.rect().center().toPointF())
        area = self.canvas.page.type_area
        return min(max(x, area.x), area.right - 1), min(max(y, area.y), area.bottom - 1)
