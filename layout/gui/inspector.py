"""The inspector: the selection's position and size (mm, and columns × lines), and what
its kind of frame has to set — a headline group's texts and sizes, its title's
horizontal scale (长体/扁体) and tracking, reverse type (反白) and vertical setting
(竖排); the body style with its horizontal scale and an article's balanced columns
(齐栏); a photo's crop, caption and text wrap (图文互斥); a pair's labels and
arrangement. Every change is one undo step."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import ClassVar

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from layout.edit import operations as ops
from layout.edit import stylesheet
from layout.edit.change import Change
from layout.edit.snap import bounds
from layout.gui.session_view import SessionView
from layout.model.colour import Colour
from layout.model.frames import (
    PAIR_LABELS,
    CaptionFrame,
    HeadlineFrame,
    PhotoFrame,
    PhotoPairFrame,
    SeriesFrame,
    TextFrame,
)
from layout.model.geometry import Rect
from layout.model.limits import min_side
from layout.model.styles import ALIGNMENTS, FONT_ROLES, with_overrides
from layout.units import HAO_SIZES_PT, UnitError, length, mm, to_mm

SIZE_CHOICES = [name for name, pt in HAO_SIZES_PT.items() if pt >= 6.5]


def _spin(low: float, high: float, decimals: int = 1, step: float = 1.0) -> QDoubleSpinBox:
    box = QDoubleSpinBox()
    box.setRange(low, high)
    box.setDecimals(decimals)
    box.setSingleStep(step)
    box.setKeyboardTracking(False)
    return box


def _size_box() -> QComboBox:
    box = QComboBox()
    box.setEditable(True)
    box.addItems(SIZE_CHOICES)
    return box


def _set_text(widget: QLineEdit | QComboBox, text: str) -> None:
    widget.blockSignals(True)
    if isinstance(widget, QComboBox):
        index = widget.findData(text)
        if index >= 0:
            widget.setCurrentIndex(index)
        else:
            widget.setCurrentText(text)
    else:
        widget.setText(text)
    widget.blockSignals(False)


def _choices(names: dict[str, str]) -> QComboBox:
    """A list of values shown by their names; ``currentData()`` is the value."""
    box = QComboBox()
    for value, name in names.items():
        box.addItem(name, value)
    return box


def _set_value(widget: QDoubleSpinBox, value: float) -> None:
    widget.blockSignals(True)
    widget.setValue(value)
    widget.blockSignals(False)


class Inspector(QWidget, SessionView):
    """Shows and changes what is selected (the session's selection)."""

    FOLLOWS: ClassVar[dict[str, str]] = {"selection": "refresh", "laid_out": "refresh"}

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        self.geometry = self._geometry_group()
        self.scope_group = self._scope_group()
        self.caption_group = self._caption_group()
        self.headline = self._headline_group()
        self.text = self._text_group()
        self.photo = self._photo_group()
        self.pair = self._pair_group()
        self.series = self._series_group()
        for group in (self.geometry, self.scope_group, self.caption_group, self.headline, self.text, self.photo,
                      self.pair, self.series):
            layout.addWidget(group)
        layout.addStretch(1)
        self.refresh()

    def session_shown(self) -> None:
        """Show the new session's selection."""
        self.refresh()

    # building

    def _geometry_group(self) -> QGroupBox:
        group = QGroupBox(self.tr("Position and size"))
        form = QFormLayout(group)
        self.x, self.y, self.w, self.h = (_spin(-200, 2000) for _ in range(4))
        for label, box in ((self.tr("X (mm)"), self.x), (self.tr("Y (mm)"), self.y),
                           (self.tr("Width (mm)"), self.w), (self.tr("Height (mm)"), self.h)):
            form.addRow(label, box)
            box.valueChanged.connect(self._geometry_changed)
        self.grid_size = QLabel()
        form.addRow(self.tr("Grid"), self.grid_size)
        return group

    def _scope_group(self) -> QGroupBox:
        """Whether the style controls below change this article alone or the style itself."""
        group = QGroupBox(self.tr("Style changes apply to"))
        form = QFormLayout(group)
        self.scope = _choices({"article": self.tr("This article only"), "style": self.tr("The style (every user)")})
        self.scope.activated.connect(lambda _: self.refresh())
        self.scope_note = QLabel()
        self.scope_note.setWordWrap(True)
        form.addRow(self.scope)
        form.addRow(self.scope_note)
        return group

    def _caption_group(self) -> QGroupBox:
        """A text frame of its own: its text, its paragraph style and a size of its own."""
        group = QGroupBox(self.tr("Text frame"))
        form = QFormLayout(group)
        self.frame_text = QLineEdit()
        self.frame_text.editingFinished.connect(self._frame_text_changed)
        self.frame_style = QComboBox()
        self.frame_style.activated.connect(self._frame_style_changed)
        self.frame_size = _size_box()
        self._on_size(self.frame_size, self._frame_size_changed)
        self.frame_note = QLabel()
        self.frame_note.setWordWrap(True)
        for label, widget in ((self.tr("Text"), self.frame_text), (self.tr("Paragraph style"), self.frame_style),
                              (self.tr("Size in this frame"), self.frame_size)):
            form.addRow(label, widget)
        form.addRow(self.frame_note)
        return group

    def _headline_group(self) -> QGroupBox:
        group = QGroupBox(self.tr("Headline group"))
        form = QFormLayout(group)
        self.parts: dict[str, tuple[QLineEdit, QComboBox]] = {}
        for part, style, label in (("kicker", "kicker", self.tr("Kicker (引题)")),
                                   ("title", "title", self.tr("Title (主题)")),
                                   ("subtitle", "subtitle", self.tr("Subtitle (副题)"))):
            text, size = QLineEdit(), _size_box()
            text.editingFinished.connect(lambda p=part, t=text: self._headline_changed(p, t.text()))
            self._on_size(size, lambda value, s=style: self._style_changed(s, size=value))
            form.addRow(label, text)
            form.addRow(self.tr("%1 size").replace("%1", label), size)
            self.parts[part] = (text, size)
        self.title_scale = _spin(50, 150, 0, 5)
        self.title_scale.valueChanged.connect(lambda v: self._title_style_changed(hscale=float(v)))
        self.title_tracking = _spin(-0.5, 1.0, 2, 0.01)
        self.title_tracking.valueChanged.connect(lambda v: self._title_style_changed(tracking=round(v, 2)))
        self.reverse, self.vertical = QCheckBox(self.tr("Reverse type (反白)")), QCheckBox(self.tr("Vertical (竖排)"))
        self.reverse.toggled.connect(lambda on: self._headline_frame_changed(reverse=on))
        self.vertical.toggled.connect(lambda on: self._headline_frame_changed(vertical=on))
        for label, widget in ((self.tr("Title scale (%, 长体 < 100 < 扁体)"), self.title_scale),
                              (self.tr("Title tracking (em)"), self.title_tracking)):
            form.addRow(label, widget)
        form.addRow(self.reverse)
        form.addRow(self.vertical)
        return group

    def _on_size(self, box: QComboBox, apply: Callable[[str], None]) -> None:
        box.activated.connect(lambda _=0: apply(box.currentText()))
        box.lineEdit().editingFinished.connect(lambda: apply(box.currentText()))

    def _text_group(self) -> QGroupBox:
        group = QGroupBox(self.tr("Body text style"))
        form = QFormLayout(group)
        self.font_role = _choices(dict(zip(FONT_ROLES, (self.tr("Song (宋)"), self.tr("Bold Song (标宋)"),
                                                        self.tr("Hei (黑)"), self.tr("Bold Hei (大黑)"),
                                                        self.tr("Kai (楷)")), strict=True)))
        self.font_role.activated.connect(lambda _: self._style_changed("body", font=self.font_role.currentData()))
        self.body_size = _size_box()
        self._on_size(self.body_size, lambda value: self._style_changed("body", size=value))
        self.leading = QLineEdit()
        self.leading.setPlaceholderText(self.tr("the line grid"))
        self.leading.editingFinished.connect(self._leading_changed)
        self.colour = QLineEdit()
        self.colour.setPlaceholderText("C M Y K %")
        self.colour.editingFinished.connect(self._colour_changed)
        self.tracking = _spin(-0.5, 1.0, 2, 0.01)
        self.tracking.valueChanged.connect(lambda v: self._style_changed("body", tracking=round(v, 2)))
        self.body_scale = _spin(50, 150, 0, 5)
        self.body_scale.valueChanged.connect(lambda v: self._style_changed("body", hscale=float(v)))
        self.balance = QCheckBox(self.tr("Balance the columns (齐栏)"))
        self.balance.toggled.connect(self._balance_changed)
        self.copy_fit = QLabel()
        self.align = _choices(dict(zip(ALIGNMENTS, (self.tr("Justified"), self.tr("Left"), self.tr("Centred"),
                                                    self.tr("Right")), strict=True)))
        self.align.activated.connect(lambda _: self._style_changed("body", align=self.align.currentData()))
        for label, widget in ((self.tr("Face"), self.font_role), (self.tr("Size"), self.body_size),
                              (self.tr("Leading"), self.leading), (self.tr("Tracking (em)"), self.tracking),
                              (self.tr("Horizontal scale (%)"), self.body_scale),
                              (self.tr("Colour (CMYK %)"), self.colour), (self.tr("Alignment"), self.align)):
            form.addRow(label, widget)
        form.addRow(self.balance)
        form.addRow(self.tr("Copy-fit"), self.copy_fit)
        return group

    def _photo_group(self) -> QGroupBox:
        group = QGroupBox(self.tr("Photo"))
        form = QFormLayout(group)
        self.fit = _choices({"fill": self.tr("Fill the frame"), "fit": self.tr("Whole photo")})
        self.fit.activated.connect(lambda _: self._photo_changed(fit=self.fit.currentData()))
        self.photo_zoom = _spin(1.0, 8.0, 2, 0.05)
        self.photo_zoom.valueChanged.connect(lambda v: self._photo_changed(zoom=round(v, 3)))
        self.focus_x, self.focus_y = _spin(0, 1, 2, 0.05), _spin(0, 1, 2, 0.05)
        for box in (self.focus_x, self.focus_y):
            box.valueChanged.connect(lambda _: self._photo_changed(
                focus=(round(self.focus_x.value(), 3), round(self.focus_y.value(), 3))))
        self.caption, self.credit = QLineEdit(), QLineEdit()
        self.caption.editingFinished.connect(lambda: self._photo_changed(caption=self.caption.text()))
        self.credit.editingFinished.connect(lambda: self._photo_changed(credit=self.credit.text()))
        self.wrap = _spin(0, 30, 1, 0.5)
        self.wrap.valueChanged.connect(lambda v: self._photo_changed(wrap=round(mm(v), 2)))
        for label, widget in ((self.tr("Fit"), self.fit), (self.tr("Zoom"), self.photo_zoom),
                              (self.tr("Focus across"), self.focus_x), (self.tr("Focus down"), self.focus_y),
                              (self.tr("Caption"), self.caption), (self.tr("Credit"), self.credit),
                              (self.tr("Text wrap (mm, 0: none)"), self.wrap)):
            form.addRow(label, widget)
        return group

    def _pair_group(self) -> QGroupBox:
        group = QGroupBox(self.tr("Before and after"))
        form = QFormLayout(group)
        self.before_label, self.after_label, self.pair_caption = QLineEdit(), QLineEdit(), QLineEdit()
        for box in (self.before_label, self.after_label):
            box.editingFinished.connect(lambda: self._pair_changed(
                labels=(self.before_label.text(), self.after_label.text())))
        self.pair_caption.editingFinished.connect(lambda: self._pair_changed(caption=self.pair_caption.text()))
        self.arrangement = _choices({"side": self.tr("Side by side"), "stacked": self.tr("One above the other")})
        self.arrangement.activated.connect(lambda _: self._pair_changed(arrangement=self.arrangement.currentData()))
        swap = QPushButton(self.tr("Swap photos"))
        swap.clicked.connect(self._swap)
        for label, widget in ((self.tr("Before label"), self.before_label), (self.tr("After label"), self.after_label),
                              (self.tr("Caption"), self.pair_caption), (self.tr("Arrangement"), self.arrangement)):
            form.addRow(label, widget)
        form.addRow(swap)
        return group

    def _series_group(self) -> QGroupBox:
        """A series block: its titles, credit line, the labels of its pairs and its columns."""
        group = QGroupBox(self.tr("Series block"))
        form = QFormLayout(group)
        self.series_title, self.singles_title, self.series_credit = QLineEdit(), QLineEdit(), QLineEdit()
        self.series_before, self.series_after = QLineEdit(), QLineEdit()
        for box, name in ((self.series_title, "title"), (self.singles_title, "singles_title"),
                          (self.series_credit, "credit")):
            box.editingFinished.connect(lambda b=box, n=name: self._series_changed(**{n: b.text()}))
        for box in (self.series_before, self.series_after):
            box.editingFinished.connect(self._series_labels_changed)
        self.pair_columns, self.singles_columns = QSpinBox(), QSpinBox()
        for box, name in ((self.pair_columns, "pair_columns"), (self.singles_columns, "singles_columns")):
            box.setRange(1, 8)
            box.setKeyboardTracking(False)
            box.valueChanged.connect(lambda v, n=name: self._series_changed(**{n: v}))
        for label, widget in ((self.tr("Pairs title"), self.series_title),
                              (self.tr("Singles title"), self.singles_title),
                              (self.tr("Credit line"), self.series_credit),
                              (self.tr("Before label"), self.series_before),
                              (self.tr("After label"), self.series_after),
                              (self.tr("Pairs a row"), self.pair_columns),
                              (self.tr("Singles a row"), self.singles_columns)):
            form.addRow(label, widget)
        return group

    # showing

    def refresh(self) -> None:
        """Show the groups the selection needs, with its current values."""
        frames = self.selected_frames()
        document = self.session
        kinds = {type(f) for f in frames}
        self.geometry.setVisible(bool(frames))
        self.headline.setVisible(bool(kinds & {HeadlineFrame, TextFrame}) and self._article() is not None)
        self.text.setVisible(TextFrame in kinds)
        self.scope_group.setVisible(self.headline.isVisible() or self.text.isVisible())
        self.caption_group.setVisible(kinds == {CaptionFrame} and len(frames) == 1)
        self.photo.setVisible(kinds == {PhotoFrame})
        self.pair.setVisible(kinds == {PhotoPairFrame})
        self.series.setVisible(kinds == {SeriesFrame} and len(frames) == 1)
        if not frames or document is None:
            return
        self._show_geometry(frames)
        article = document.issue.article(self._article() or "")
        shown = article if self._scope() == "article" else None  # the values this article is set in
        if self.scope_group.isVisible():
            self._show_scope(article)
        if self.caption_group.isVisible():
            self._show_caption(frames[0])
        if self.headline.isVisible():
            for part, (text, size) in self.parts.items():
                _set_text(text, getattr(article.headline, part))
                _set_text(size, str(document.issue.style_in(shown, part).size))
            head = self._headline_frame()
            title = with_overrides(document.issue.style(head.title_style if head else "title"),
                                   shown.overrides.get("title") if shown is not None else None)
            _set_value(self.title_scale, title.hscale)
            _set_value(self.title_tracking, title.tracking)
            for box, on in ((self.reverse, bool(head and head.reverse)), (self.vertical, bool(head and head.vertical))):
                box.blockSignals(True)
                box.setChecked(on)
                box.setEnabled(head is not None)
                box.blockSignals(False)
        if self.text.isVisible():
            body = document.issue.style_in(shown, "body")
            _set_text(self.font_role, body.font)
            _set_text(self.body_size, str(body.size))
            _set_value(self.tracking, body.tracking)
            _set_value(self.body_scale, body.hscale)
            article = document.issue.article(self._article() or "")
            self.balance.blockSignals(True)
            self.balance.setChecked(bool(article and article.balance))
            self.balance.setEnabled(article is not None)
            self.balance.blockSignals(False)
            self.copy_fit.setText(self._copy_fit_text(article.id if article else None))
            _set_text(self.leading, "" if body.leading is None else str(body.leading))
            _set_text(self.colour, " ".join(f"{v:g}" for v in body.colour.to_percent()))
            _set_text(self.align, body.align)
        if self.photo.isVisible():
            self._show_photo(frames[0])
        if self.series.isVisible():
            self._show_series(frames[0])
        if self.pair.isVisible():
            pair = frames[0].pair
            _set_text(self.before_label, pair.labels[0])
            _set_text(self.after_label, pair.labels[1])
            _set_text(self.pair_caption, pair.caption)
            _set_text(self.arrangement, pair.arrangement)

    def _scope(self) -> str:
        return "article" if self._article() is not None and self.scope.currentData() == "article" else "style"

    def _show_scope(self, article) -> None:
        """Say plainly what the style controls change: this article, or the style and how many use it."""
        issue = self.session.issue
        if self._scope() == "article":
            own = ", ".join(sorted(article.overrides)) if article is not None else ""
            note = self.tr("Sizes and faces below change this article alone.")
            if own:
                note += " " + self.tr("Its own settings: %1").replace("%1", own)
        else:
            counts = ", ".join(f"{name} ({stylesheet.users(issue, name).count})" for name in ("title", "body"))
            note = self.tr("Sizes and faces below change the styles for every article that uses them: %1") \
                .replace("%1", counts)
        self.scope_note.setText(note)

    def _show_caption(self, frame: CaptionFrame) -> None:
        issue = self.session.issue
        _set_text(self.frame_text, frame.text)
        self.frame_style.blockSignals(True)
        self.frame_style.clear()
        self.frame_style.addItems(list(issue.styles))
        self.frame_style.setCurrentText(frame.style)
        self.frame_style.blockSignals(False)
        _set_text(self.frame_size, str(frame.overrides.get("size", issue.style(frame.style).size)))
        self.frame_note.setText(self.tr("The style %1 is used by %2 places; the size here is this frame's own.")
                                .replace("%1", frame.style)
                                .replace("%2", str(stylesheet.users(issue, frame.style).count)))

    def _show_geometry(self, frames: list) -> None:
        page = self.page
        extent = to_mm(max(page.width, page.height))
        smallest = to_mm(max(min_side(f.kind) for f in frames))
        for widget, low in ((self.x, -extent), (self.y, -extent), (self.w, smallest), (self.h, smallest)):
            widget.blockSignals(True)
            widget.setRange(low, extent)  # the bounds of the file format's rule for frames
            widget.blockSignals(False)
        box = bounds([f.rect for f in frames])
        for widget, value in ((self.x, box.x), (self.y, box.y), (self.w, box.w), (self.h, box.h)):
            _set_value(widget, to_mm(value))
        single = len(frames) == 1
        self.w.setEnabled(single)
        self.h.setEnabled(single)
        grid = page.grid
        columns = grid.columns_for(page.type_area, box.w)
        self.grid_size.setText(self.tr("%1 columns × %2 lines").replace("%1", f"{columns:.4g}")
                               .replace("%2", f"{box.h / grid.line_pitch:.4g}"))

    def _show_series(self, frame: SeriesFrame) -> None:
        labels = frame.pairs[0].labels if frame.pairs else PAIR_LABELS
        for box, text in ((self.series_title, frame.title), (self.singles_title, frame.singles_title),
                          (self.series_credit, frame.credit), (self.series_before, labels[0]),
                          (self.series_after, labels[1])):
            _set_text(box, text)
        for box, value in ((self.pair_columns, frame.pair_columns), (self.singles_columns, frame.singles_columns)):
            box.blockSignals(True)
            box.setValue(value)
            box.blockSignals(False)

    def _show_photo(self, frame: PhotoFrame) -> None:
        _set_text(self.fit, frame.fit)
        _set_value(self.photo_zoom, frame.zoom)
        _set_value(self.focus_x, frame.focus[0])
        _set_value(self.focus_y, frame.focus[1])
        _set_text(self.caption, frame.caption)
        _set_text(self.credit, frame.credit)
        _set_value(self.wrap, round(to_mm(frame.wrap), 1))

    def _article(self) -> str | None:
        document = self.session
        for frame in self.selected_frames():
            article = ops.article_of(document.issue, frame.id)
            if article:
                return article
        return None

    def _copy_fit_text(self, article: str | None) -> str:
        """The article's copy-fit in lines: 超出 3 行 41 字, 空 2 行, or that it fits."""
        laid = None if article is None else self.session.layout.article_layout(article)
        if laid is None:
            return ""
        if laid.overset:
            return self.tr("Overset %1 lines, %2 characters").replace(
                "%1", str(laid.overset_lines)).replace("%2", str(laid.overset))
        if laid.underset_lines:
            return self.tr("%1 lines short").replace("%1", str(laid.underset_lines))
        return self.tr("Fits")

    def _headline_frame(self) -> HeadlineFrame | None:
        """The selected headline frame, or the headline frame of the selected text's article."""
        document = self.session
        frames = self.selected_frames()
        for frame in frames:
            if isinstance(frame, HeadlineFrame):
                return frame
        article = self._article()
        for page in document.issue.pages if article else ():
            for frame in page.frames:
                if isinstance(frame, HeadlineFrame) and frame.article == article:
                    return frame
        return None

    # changing

    def _do(self, change: Change, text: str) -> None:
        try:
            self.session.do(change, text)
        except ValueError as problem:
            self.session.say(str(problem))
        self.refresh()

    def _geometry_changed(self) -> None:
        frames = self.selected_frames()
        if not frames:
            return
        issue = self.session.issue
        try:
            if len(frames) == 1:
                rect = Rect(mm(self.x.value()), mm(self.y.value()), mm(self.w.value()), mm(self.h.value()))
                self._do(ops.set_rects(issue, {frames[0].id: rect}, "resize"), self.tr("Position and size"))
                return
            box = bounds([f.rect for f in frames])
            dx, dy = mm(self.x.value()) - box.x, mm(self.y.value()) - box.y
            self._do(ops.move_frames(issue, [f.id for f in frames], dx, dy), self.tr("Move"))
        except ValueError as problem:  # refused as it is made: said, and the boxes show the frame again
            self.session.say(str(problem))
            self.refresh()

    def _headline_changed(self, part: str, text: str) -> None:
        article_id = self._article()
        issue = self.session.issue
        if article_id and getattr(issue.article(article_id).headline, part) != text:
            self._do(ops.set_headline(issue, article_id, **{part: text}), self.tr("Headline"))

    def _style_changed(self, style: str, **values) -> None:
        issue = self.session.issue
        if "size" in values:
            try:
                length(values["size"])
            except UnitError as problem:
                self.session.say(str(problem))
                self.refresh()
                return
        article_id = self._article()
        if self._scope() == "article" and article_id is not None:
            current = issue.style_in(issue.article(article_id), style)
            if all(str(getattr(current, k)) == str(v) for k, v in values.items()):
                return
            self._do(stylesheet.override_in_article(issue, article_id, style, **values), self.tr("Style in article"))
            return
        current = issue.style(style)
        if all(str(getattr(current, k)) == str(v) for k, v in values.items()):
            return
        try:
            change = ops.set_style(issue, style, **values)
        except ValueError as problem:  # refused as planned: said, and the boxes show the style again
            self.session.say(str(problem))
            self.refresh()
            return
        self._do(change, self.tr("Style"))

    def _caption_frame(self) -> CaptionFrame | None:
        frames = self.selected_frames()
        return frames[0] if len(frames) == 1 and isinstance(frames[0], CaptionFrame) else None

    def _frame_text_changed(self) -> None:
        frame = self._caption_frame()
        if frame is not None and frame.text != self.frame_text.text():
            self._do(ops.set_frame_text(self.session.issue, frame.id, self.frame_text.text()), self.tr("Text"))

    def _frame_style_changed(self, _index: int = 0) -> None:
        frame = self._caption_frame()
        name = self.frame_style.currentText()
        if frame is not None and frame.style != name:
            self._do(stylesheet.apply_style(self.session.issue, name, frame_id=frame.id), self.tr("Apply style"))

    def _frame_size_changed(self, value: str) -> None:
        frame = self._caption_frame()
        if frame is None:
            return
        try:
            length(value)
        except UnitError as problem:
            self.session.say(str(problem))
            self.refresh()
            return
        if str(frame.overrides.get("size", self.session.issue.style(frame.style).size)) != value:
            self._do(stylesheet.override_in_frame(self.session.issue, frame.id, size=value), self.tr("Size"))

    def _title_style_changed(self, **values) -> None:
        """The 主题's scale or tracking: this article's (its overrides of the title, whatever
        style its headline frame names) or the style the headline frame names."""
        head = self._headline_frame()
        self._style_changed("title" if self._scope() == "article" else (head.title_style if head else "title"),
                            **values)

    def _headline_frame_changed(self, **values) -> None:
        head = self._headline_frame()
        if head is not None and any(getattr(head, k) != v for k, v in values.items()):
            self._do(ops.set_frame_fields(self.session.issue, head.id, "headline", **values),
                     self.tr("Headline"))

    def _balance_changed(self, on: bool) -> None:
        article = self._article()
        if article and self.session.issue.article(article).balance != on:
            self._do(ops.set_balance(self.session.issue, article, on), self.tr("Balance the columns (齐栏)"))

    def _leading_changed(self) -> None:
        text = self.leading.text().strip()
        if text:
            try:
                length(text)
            except UnitError as problem:
                self.session.say(str(problem))
                self.refresh()
                return
        self._style_changed("body", leading=text or None)

    def _colour_changed(self) -> None:
        try:
            values = [float(v) for v in self.colour.text().replace(",", " ").split()]
        except ValueError:
            values = []
        if len(values) != 4 or not all(0 <= v <= 100 for v in values):
            self.session.say(self.tr("Give the colour as four percentages: C M Y K"))
            self.refresh()
            return
        self._style_changed("body", colour=Colour.from_percent(values))

    def _photo_changed(self, **values) -> None:
        frames = self.selected_frames()
        if len(frames) == 1 and isinstance(frames[0], PhotoFrame):
            if all(getattr(frames[0], k) == v for k, v in values.items()):
                return
            self._do(ops.set_frame_fields(self.session.issue, frames[0].id, "photo", **values),
                     self.tr("Photo"))

    def _pair_changed(self, **values) -> None:
        frames = self.selected_frames()
        if len(frames) == 1 and isinstance(frames[0], PhotoPairFrame):
            pair = frames[0].pair
            if all(getattr(pair, k) == v for k, v in values.items()):
                return
            fields = {f"pair.{k}": v for k, v in values.items()}
            self._do(ops.set_frame_fields(self.session.issue, frames[0].id, "pair", **fields),
                     self.tr("Before and after"))

    def _series_changed(self, **values) -> None:
        frames = self.selected_frames()
        if len(frames) == 1 and isinstance(frames[0], SeriesFrame):
            if all(getattr(frames[0], k) == v for k, v in values.items()):
                return
            self._do(ops.set_frame_fields(self.session.issue, frames[0].id, "series", **values),
                     self.tr("Series block"))

    def _series_labels_changed(self) -> None:
        """The labels of every pair in the block (整治前 / 整治后)."""
        frames = self.selected_frames()
        if len(frames) != 1 or not isinstance(frames[0], SeriesFrame) or not frames[0].pairs:
            return
        labels = (self.series_before.text(), self.series_after.text())
        if all(p.labels == labels for p in frames[0].pairs):
            return
        pairs = [dataclasses.replace(p, labels=labels) for p in frames[0].pairs]
        self._series_changed(pairs=pairs)

    def _swap(self) -> None:
        frames = self.selected_frames()
        if len(frames) == 1 and isinstance(frames[0], PhotoPairFrame):
            self._do(ops.swap_pair(self.session.issue, frames[0].id), self.tr("Swap photos"))
