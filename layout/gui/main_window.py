"""The main window: the page canvas with rulers, the inspector, pages and undo history
docks, and the menus and tool bar a designer builds pages with."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from PySide6.QtCore import QEventLoop, QPoint, QPointF, QSettings, Qt, QTimer
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QFileDialog,
    QGridLayout,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QScrollArea,
    QUndoView,
    QWidget,
)

from layout.edit import operations as ops
from layout.edit.masters import detach_master_items, follow_master
from layout.edit.session import EditorSession
from layout.edit.trail import add_proof
from layout.export.outputs import incomplete_set
from layout.gui.app_settings import LANGUAGE_SETTING
from layout.gui.canvas import ZOOM_STEP, PageCanvas
from layout.gui.clipboard_actions import ClipboardActions
from layout.gui.corrections_dock import CorrectionsDock
from layout.gui.crash import contained
from layout.gui.document import EditorDocument
from layout.gui.export_worker import ExportJob, run_with_progress
from layout.gui.headline_editor import HeadlineEditor
from layout.gui.inspector import Inspector
from layout.gui.issue_settings import IssueSettingsDialog
from layout.gui.newsroom_link import NewsroomLink
from layout.gui.pages_dock import PagesDock
from layout.gui.placing import Placing
from layout.gui.preflight_dock import PreflightDock
from layout.gui.rulers import Ruler
from layout.gui.safekeeping import Safekeeping
from layout.gui.story_editor import PARAGRAPH_STYLES, StoryEditor, paragraph_at
from layout.gui.styles_dock import StylesDock
from layout.gui.tools import CropTool, TextTool
from layout.model.assets import photo_places
from layout.model.document import Issue
from layout.model.errors import DocumentError
from layout.model.frames import CaptionFrame, HeadlineFrame, PhotoFrame, PhotoPairFrame, TextFrame
from layout.model.templates import PAPER_SIZES, new_issue
from layout.store import store_for
from layout.store.newsroom import photos
from layout.store.newsroom.address import NewsroomError, is_address

RECENT_FILES = 8
INSPECTOR_WIDTH = 290
PREFLIGHT_HEIGHT = 130
DOCUMENT_FILTER = "*.layout.json"
REPORT_DELAY_MS = 300  # the status bar's report of the whole issue waits for a pause in the changes


class MainWindow(QMainWindow):
    """The editor's window for one issue at a time."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document: EditorDocument | None = None
        self._report_timer = QTimer(self, singleShot=True, interval=REPORT_DELAY_MS)
        self._report_timer.timeout.connect(self._report)
        self.newsroom: NewsroomLink | None = None  # the issue's newsroom, when it lives in one
        self.safekeeping = Safekeeping(self)  # lock, autosave, recovery, file watcher
        self.canvas = PageCanvas()
        self.placing = Placing(self.canvas)
        self.canvas.placing = self.placing
        self.clipboard_actions = ClipboardActions(self.canvas)
        self.setCentralWidget(self._with_rulers())
        self.inspector = Inspector()
        self.pages = PagesDock()
        self.styles = StylesDock()
        self.history = QUndoView()
        self.story = StoryEditor(focus_page=self.canvas.setFocus)
        self.preflight = PreflightDock(focus_page=self.canvas.setFocus)
        self.corrections = CorrectionsDock(self.canvas)
        self.preflight_count = QLabel()
        self.statusBar().addPermanentWidget(self.preflight_count)
        self.preflight.counted.connect(self._show_counts)
        self.export_job: ExportJob | None = None
        self._docks()
        self._build_menus()
        self._build_tool_bar()
        self.canvas.message.connect(lambda text: self.statusBar().showMessage(text, 8000))
        self.canvas.selection_changed.connect(self._update_title)
        self.canvas.frame_activated.connect(self.activate_frame)
        self.canvas.setContextMenuPolicy(Qt.CustomContextMenu)
        self.canvas.customContextMenuRequested.connect(self._context_menu)
        self.resize(1400, 950)
        self._update_title()

    @property
    def session(self) -> EditorSession | None:
        """What the editor is doing: the document's session (None without a document)."""
        return self.document.session if self.document else None

    # building

    def _with_rulers(self) -> QWidget:
        holder = QWidget()
        grid = QGridLayout(holder)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(0)
        grid.addWidget(Ruler(self.canvas, "x"), 0, 1)
        grid.addWidget(Ruler(self.canvas, "y"), 1, 0)
        grid.addWidget(self.canvas, 1, 1)
        return holder

    def _docks(self) -> None:
        scroll = QScrollArea()
        scroll.setWidget(self.inspector)
        scroll.setWidgetResizable(True)
        scroll.setMinimumWidth(INSPECTOR_WIDTH)
        self.history.setEmptyLabel(self.tr("Opened"))
        for title, widget, area, name in ((self.tr("Inspector"), scroll, Qt.RightDockWidgetArea, "inspector"),
                                          (self.tr("Story"), self.story, Qt.RightDockWidgetArea, "story"),
                                          (self.tr("Styles"), self.styles, Qt.RightDockWidgetArea, "styles"),
                                          (self.tr("Pages"), self.pages, Qt.LeftDockWidgetArea, "pages"),
                                          (self.tr("History"), self.history, Qt.LeftDockWidgetArea, "history"),
                                          (self.tr("Preflight"), self.preflight, Qt.BottomDockWidgetArea,
                                           "preflight"),
                                          (self.tr("Corrections"), self.corrections, Qt.RightDockWidgetArea,
                                           "corrections")):
            dock = QDockWidget(title, self)
            dock.setObjectName(name)
            dock.setWidget(widget)
            self.addDockWidget(area, dock)
            setattr(self, f"{name}_dock", dock)
        self.tabifyDockWidget(self.story_dock, self.styles_dock)  # side by side they would not fit 1366×768
        self.story_dock.raise_()
        self.resizeDocks([self.preflight_dock], [PREFLIGHT_HEIGHT], Qt.Vertical)

    def _action(self, text: str, slot, shortcut=None, checkable: bool = False) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcuts(shortcut if isinstance(shortcut, list) else [QKeySequence(shortcut)])
        action.setCheckable(checkable)
        action.triggered.connect(slot)
        return action

    def _build_menus(self) -> None:
        self._file_menu()
        self._edit_menu()
        self._view_menu()
        page = self.menuBar().addMenu(self.tr("&Page"))
        for name in sorted(PAPER_SIZES):
            for template in (name, f"{name}-front"):
                page.addAction(self._action(self.tr("Add page: %1").replace("%1", template),
                                            lambda _=False, t=template: self._add_page(t)))
        page.addAction(self._action(self.tr("&Duplicate Page"), self.pages.duplicate_page))
        page.addAction(self._action(self.tr("D&elete Page"), self.pages.delete_page))
        page.addSeparator()
        masters = page.addMenu(self.tr("Follow &Master"))
        masters.addAction(self._action(self.tr("No master"), lambda: self._follow_master("")))
        for name in sorted(PAPER_SIZES):
            for template in (name, f"{name}-front"):
                masters.addAction(self._action(self.tr("Follow master: %1").replace("%1", template),
                                               lambda _=False, t=template: self._follow_master(t)))
        page.addAction(self._action(self.tr("Detach Master &Items"), self._detach_master_items))
        page.addSeparator()
        page.addAction(self._action(self.tr("&Next Page"), lambda: self.show_page(self.canvas.page_index + 1),
                                    QKeySequence.MoveToNextPage))
        page.addAction(self._action(self.tr("&Previous Page"), lambda: self.show_page(self.canvas.page_index - 1),
                                    QKeySequence.MoveToPreviousPage))

    def _file_menu(self) -> None:
        menu = self.menuBar().addMenu(self.tr("&File"))
        new = menu.addMenu(self.tr("&New from Template"))
        for name, size in sorted(PAPER_SIZES.items()):
            new.addAction(self._action(f"{size.title} ({name})", lambda _=False, n=name: self.new_document(n)))
        menu.addAction(self._action(self.tr("&Open…"), self.choose_file, QKeySequence.Open))
        self.recent_menu = menu.addMenu(self.tr("Open &Recent"))
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        self.save_action = self._action(self.tr("&Save"), self.save, QKeySequence.Save)
        menu.addAction(self.save_action)
        menu.addAction(self._action(self.tr("Save &As…"), self.save_as, QKeySequence.SaveAs))
        menu.addSeparator()
        self.import_action = self._action(self.tr("&Import Article…"), self.choose_article, "Ctrl+I")
        menu.addAction(self.import_action)
        self.pair_action = self._action(self.tr("Place Photo &Pair…"), self.choose_pair)
        menu.addAction(self.pair_action)
        menu.addAction(self._action(self.tr("Re&link Photos…"), self.choose_relink_folder))
        menu.addSeparator()
        menu.addAction(self._action(self.tr("Issue Se&ttings…"), self.edit_issue_settings))
        menu.addSeparator()
        menu.addAction(self._action(self.tr("&Export PDF…"), self.choose_export, "Ctrl+E"))
        menu.addAction(self._action(self.tr("Export &Proof (校样)…"), self.choose_proof))
        menu.addAction(self._action(self.tr("Export P&ress PDFs…"), self.choose_press))
        menu.addSeparator()
        menu.addAction(self._action(self.tr("&Quit"), self.close, QKeySequence.Quit))

    def _edit_menu(self) -> None:
        menu = self.menuBar().addMenu(self.tr("&Edit"))
        self.undo_action = self._action(self.tr("&Undo"), self.undo, QKeySequence.Undo)
        self.redo_action = self._action(self.tr("&Redo"), self.redo,
                                        [QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        menu.addAction(self.undo_action)
        menu.addAction(self.redo_action)
        menu.addSeparator()
        clip = self.clipboard_actions
        for text, slot, keys in ((self.tr("Cu&t"), clip.cut, QKeySequence.Cut),
                                 (self.tr("&Copy"), clip.copy, QKeySequence.Copy),
                                 (self.tr("&Paste"), clip.paste, QKeySequence.Paste),
                                 (self.tr("Paste in Pl&ace"), lambda: clip.paste(in_place=True), "Ctrl+Shift+V"),
                                 (self.tr("D&uplicate"), clip.duplicate, "Ctrl+D")):
            menu.addAction(self._action(text, slot, keys))
        menu.addSeparator()
        menu.addAction(self._action(self.tr("&Delete"), self.canvas.delete_selection))
        menu.addAction(self._action(self.tr("Bring &Forward"), lambda: self._selection_edit(ops.restack, 1),
                                    "Ctrl+]"))
        menu.addAction(self._action(self.tr("Send &Backward"), lambda: self._selection_edit(ops.restack, -1),
                                    "Ctrl+["))
        arrange = menu.addMenu(self.tr("&Align and Distribute"))
        for how, text in (("left", self.tr("Align Left")), ("centre", self.tr("Align Centres")),
                          ("right", self.tr("Align Right")), ("top", self.tr("Align Tops")),
                          ("middle", self.tr("Align Middles")), ("bottom", self.tr("Align Bottoms"))):
            arrange.addAction(self._action(text, lambda _=False, h=how: self._selection_edit(ops.align_frames, h)))
        arrange.addAction(self._action(self.tr("Distribute Across"),
                                       lambda: self._selection_edit(ops.distribute_frames, "x")))
        arrange.addAction(self._action(self.tr("Distribute Down"),
                                       lambda: self._selection_edit(ops.distribute_frames, "y")))
        menu.addAction(self._action(self.tr("Clear &Guides"), self._clear_guides))
        menu.addAction(self._action(self.tr("&Lock"), lambda: self._selection_edit(ops.set_locked, True), "Ctrl+L"))
        menu.addAction(self._action(self.tr("U&nlock"), lambda: self._selection_edit(ops.set_locked, False),
                                    "Ctrl+Shift+L"))

    def _view_menu(self) -> None:
        menu = self.menuBar().addMenu(self.tr("&View"))
        menu.addAction(self._action(self.tr("Fit &Page"), self.canvas.fit_page, "Ctrl+0"))
        menu.addAction(self._action(self.tr("Fit &Width"), self.canvas.fit_width, "Ctrl+2"))
        menu.addAction(self._action(self.tr("&Actual Size"), lambda: self.canvas.set_zoom(1.0), "Ctrl+1"))
        menu.addAction(self._action(self.tr("Zoom &In"), self.zoom_in,
                                    [QKeySequence("Ctrl++"), QKeySequence("Ctrl+=")]))
        menu.addAction(self._action(self.tr("Zoom &Out"), self.zoom_out, QKeySequence("Ctrl+-")))
        menu.addSeparator()
        overlay = self._action(self.tr("&Grid and Frames"), self._toggle_overlay, "Ctrl+;", checkable=True)
        overlay.setChecked(self.canvas.overlay)
        menu.addAction(overlay)
        snapping = self._action(self.tr("&Snap"), self._toggle_snapping, "Ctrl+Shift+;", checkable=True)
        snapping.setChecked(self.canvas.snapping)
        menu.addAction(snapping)
        menu.addSeparator()
        language = menu.addMenu(self.tr("&Language"))
        group = QActionGroup(self)
        current = str(QSettings().value(LANGUAGE_SETTING, "system"))
        for value, text in (("system", self.tr("As the system")), ("zh_CN", "中文"), ("en", "English")):
            choice = self._action(text, lambda _=False, v=value: self._choose_language(v), checkable=True)
            choice.setChecked(value == current)
            group.addAction(choice)
            language.addAction(choice)
        for dock in (self.inspector_dock, self.story_dock, self.styles_dock, self.pages_dock, self.history_dock,
                     self.preflight_dock, self.corrections_dock):
            menu.addAction(dock.toggleViewAction())

    def _build_tool_bar(self) -> None:
        bar = self.addToolBar(self.tr("Tools"))
        bar.setObjectName("tools")
        group = QActionGroup(self)
        select = self._action(self.tr("Select"), lambda: self.canvas.set_tool(None), "V", checkable=True)
        select.setChecked(True)
        for action in (select,
                       self._action(self.tr("Rule"), self.placing.draw_rule, "R", checkable=True),
                       self._action(self.tr("Box"), lambda: self.placing.draw_box(False), "B", checkable=True),
                       self._action(self.tr("Text"), lambda: self.canvas.set_tool(TextTool(self.canvas)), "T",
                                    checkable=True),
                       self._action(self.tr("Tint"), lambda: self.placing.draw_box(True), "Shift+T", checkable=True),
                       self._action(self.tr("Series"), self.placing.draw_series, "S", checkable=True)):
            group.addAction(action)
            bar.addAction(action)
        bar.addSeparator()
        bar.addAction(self.import_action)
        bar.addAction(self.pair_action)

    # documents

    def set_document(self, document: EditorDocument | None) -> None:
        """Edit another document (its undo history starts empty). The window owns it, so Qt,
        not Python's garbage collector at some moment in the event loop, destroys it (and its
        timers and watchers) when the window goes; a document replaced stays till then."""
        if document is not None and document.parent() is None:
            document.setParent(self)
        if self.newsroom is not None and (document is None or document.issue is not self.newsroom.issue):
            self.newsroom.close()
            self.newsroom = None
        self.safekeeping.attach(document)
        self.document = document
        self.canvas.set_document(document)
        self.history.setStack(document.undo_stack if document else None)
        session = document.session if document is not None else None
        if document is not None:
            document.laid_out.connect(self._laid_out)
            document.undo_stack.cleanChanged.connect(self._update_title)
            document.undo_stack.indexChanged.connect(self._update_title)
            document.undo_stack.indexChanged.connect(self.story.refresh)
            document.undo_stack.indexChanged.connect(self.corrections.refresh)
            session.subscribe("message", lambda: self.statusBar().showMessage(session.message, 8000))
        for dock in (self.story, self.preflight, self.pages, self.inspector, self.styles):
            dock.set_session(session)  # the docks follow the session's change events
        self.corrections.refresh()
        self.canvas.fit_page()
        self._report_timer.start()
        self._update_title()

    def _laid_out(self) -> None:
        self._report_timer.start()  # the whole issue's report once the changes pause

    def _show_counts(self, errors: int, warnings: int) -> None:
        self.preflight_count.setText(self.tr("Preflight: %1 errors, %2 warnings").replace("%1", str(errors))
                                     .replace("%2", str(warnings)))
        self.preflight_count.setMinimumWidth(self.preflight_count.sizeHint().width())

    # editing what a frame holds

    def activate_frame(self, frame_id: str) -> None:
        """A double-click: a text frame opens the story editor, a headline is edited in place,
        a photo is cropped by eye."""
        frame = self.canvas.page.frame(frame_id)
        if isinstance(frame, TextFrame) and ops.article_of(self.session.issue, frame_id):
            self.show_story(frame_id)
        elif isinstance(frame, HeadlineFrame) and ops.article_of(self.session.issue, frame_id):
            HeadlineEditor(self.canvas, frame_id)
        elif isinstance(frame, CaptionFrame) and not frame.locked:
            self.canvas.edit_text(frame_id)
        elif isinstance(frame, PhotoFrame) and frame.image and not frame.locked:
            self.canvas.set_selection([frame_id])
            self.canvas.set_tool(CropTool(self.canvas, frame_id))

    def edit_issue_settings(self) -> IssueSettingsDialog | None:
        """The issue's paper name, date, 期号/总期号, edition and page sections, as one undo step."""
        if self.session is None:
            return None
        dialog = IssueSettingsDialog(self.session.issue, self)
        self.settings_dialog = dialog
        dialog.accepted.connect(lambda: self._apply_settings(dialog))
        dialog.open()
        return dialog

    def _apply_settings(self, dialog: IssueSettingsDialog) -> None:
        try:
            change = dialog.change()
        except ValueError as problem:
            self.session.say(str(problem))
            return
        if change.changes:
            self.document.do(change, self.tr("Issue settings"))

    def show_story(self, frame_id: str) -> None:
        """The story editor on the frame's article, with the cursor in its body."""
        self.canvas.set_selection(self.canvas.group_of(self.canvas.page.frame(frame_id)))
        self.story_dock.show()
        self.story_dock.raise_()
        self.story.show_article(ops.article_of(self.session.issue, frame_id))
        self.story.focus_body()

    def _context_menu(self, at: QPoint) -> None:
        frame = self.canvas.frame_at(self.canvas.viewport().mapFrom(self.canvas, at).toPointF())
        if frame is None or self.document is None:
            return
        menu = QMenu(self)
        issue = self.session.issue
        if isinstance(frame, TextFrame) and ops.article_of(issue, frame.id):
            self._paragraph_style_menu(menu, frame, self.canvas.viewport().mapFrom(self.canvas, at).toPointF())
            menu.addAction(self.tr("Fit Frame to Copy"), lambda: self.document.do(ops.fit_copy(issue, frame.id)))
            menu.addAction(self.tr("Fit Copy by Tracking"), lambda: self._fit_by_tracking(frame.id))
            menu.addAction(self.tr("Show in Story Editor"), lambda: self.show_story(frame.id))
            menu.addAction(self.tr("Unlink from Story"), lambda: self.document.do(ops.unlink_frame(issue, frame.id)))
        if isinstance(frame, PhotoFrame) and frame.image:
            menu.addAction(self.tr("Crop"), lambda: self.activate_frame(frame.id))
        if isinstance(frame, (PhotoFrame, PhotoPairFrame)):
            menu.addAction(self.tr("Relink Photo…"), lambda: self.choose_relink_photo(frame.id))
        menu.addAction(self.tr("Delete"), self.canvas.delete_selection)
        self.canvas.set_selection(self.canvas.group_of(frame))
        menu.exec(self.canvas.mapToGlobal(at))

    def _paragraph_style_menu(self, menu: QMenu, frame: TextFrame, point: QPointF) -> None:
        """Paragraph style ▸ body, lead, subhead, for the paragraph under the pointer."""
        article_id = ops.article_of(self.session.issue, frame.id)
        index = paragraph_at(self.session.issue.article(article_id), self.canvas.page_display(),
                             *self.canvas.to_page(point))
        if index is None:
            return
        styles = menu.addMenu(self.tr("Paragraph Style"))
        for name, label in zip(PARAGRAPH_STYLES, (self.tr("Body"), self.tr("Lead"), self.tr("Subhead")), strict=True):
            chosen = styles.addAction(label, lambda n=name: self._set_paragraph_style(article_id, index, n))
            chosen.setCheckable(True)
            chosen.setChecked(self.session.issue.article(article_id).paragraphs[index].style == name)

    def _set_paragraph_style(self, article_id: str, index: int, style: str) -> None:
        paragraphs = [dataclasses.replace(p) for p in self.session.issue.article(article_id).paragraphs]
        paragraphs[index].style = style
        self.document.do(ops.set_story(self.session.issue, article_id, paragraphs=paragraphs),
                         self.tr("Paragraph style"))
        self.story.refresh()

    def choose_relink_photo(self, frame_id: str) -> None:
        """Ask for the photo file a frame should show."""
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Relink photo"), "",
                                              self.tr("Photos (*.jpg *.jpeg *.png *.tif *.tiff)"))
        if path:
            self.document.do(ops.fill_photo(self.session.issue, frame_id, path), self.tr("Relink photo"))

    def choose_relink_folder(self) -> None:
        """Ask for a folder where missing photos were moved; they are found by name."""
        if self.document is None:
            return
        folder = QFileDialog.getExistingDirectory(self, self.tr("Folder with the moved photos"))
        if folder:
            change = ops.relink_photos(self.session.issue, folder)
            if change.changes:
                self.document.do(change, self.tr("Relink photos"))
            self.statusBar().showMessage(self.tr("Relinked photos in %1 frames").replace("%1",
                                                                                        str(len(change.changes))))

    def new_document(self, template: str = "broadsheet") -> bool:
        """A new, empty issue from a page template (asks about unsaved changes first)."""
        if not self.maybe_save():
            return False
        self.set_document(EditorDocument(new_issue(template)))
        return True

    def open_document(self, path: str | Path, page: int | None = None) -> bool:
        """Load and show a document (a file or a newsroom address, at page number ``page``);
        a broken file or an unreachable newsroom is reported, nothing else changes."""
        if is_address(str(path)):
            return self.open_newsroom(str(path), page)
        try:
            issue = store_for(path).read(path)
        except DocumentError as exc:
            QMessageBox.warning(self, self.tr("Cannot open"), str(exc))
            return False
        issue = self.safekeeping.opening(Path(path), issue)
        self.set_document(EditorDocument(issue, Path(path)))
        self._remember(Path(path))
        return True

    def open_newsroom(self, address: str, page: int | None = None) -> bool:
        """Open an issue from the newsroom at page number ``page`` (the first page when None),
        holding that page while it is shown."""
        try:
            link = NewsroomLink(self, address)
        except NewsroomError as exc:
            QMessageBox.warning(self, self.tr("Cannot open"), str(exc))
            return False
        document = EditorDocument(link.issue, None)
        self.set_document(document)
        self.newsroom = link
        link.attach(document)
        numbers = [p.number for p in link.issue.pages]
        self.show_page(numbers.index(page) if page in numbers else 0)
        return True

    def show_issue(self, issue: Issue) -> None:
        """Edit an issue that has no file yet."""
        self.set_document(EditorDocument(issue, issue.source))

    def show_page(self, index: int) -> None:
        """Show the page at ``index`` (kept within the issue's pages)."""
        self.canvas.show_page(index)
        self.pages.mark_current()
        if self.newsroom is not None:
            self.newsroom.show_page(self.canvas.page_index)
        self._update_title()

    def save(self) -> bool:
        """Save to the document's file (Save As when it has none)."""
        if self.document is None:
            return False
        if self.newsroom is not None:
            return self.newsroom.save()
        if self.document.path is None:
            return self.save_as()
        return self._save_to(self.document.path)

    def save_as(self) -> bool:
        """Ask for a file name and save there."""
        if self.document is None:
            return False
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save As"), str(self.document.path or ""),
                                              self.tr("Layout documents (*.layout.json)"))
        if not path:
            return False
        if not path.endswith(".layout.json"):
            path += ".layout.json"
        if self.newsroom is None:
            return self._save_to(Path(path))
        return self._save_newsroom_copy(Path(path))

    def _save_newsroom_copy(self, path: Path) -> bool:
        """Save a newsroom issue as a file (its photos copied beside it); the window then
        edits the file and lets go of the newsroom."""
        try:
            photos.copy_beside([p.image for p in photo_places(self.session.issue)], path)
        except OSError as exc:
            QMessageBox.warning(self, self.tr("Cannot save"), str(exc))
            return False
        issue = self.session.issue  # its photo paths are the copies' paths beside the new file now
        issue.source, issue.disk_digest = path.resolve(), None
        link, self.newsroom = self.newsroom, None
        if not self._save_to(path):
            self.newsroom = link
            return False
        link.close()
        return True

    def _save_to(self, path: Path) -> bool:
        if not self.safekeeping.may_save(path):
            return False
        try:
            self.document.save(path)
        except (OSError, DocumentError, ValueError) as exc:
            QMessageBox.warning(self, self.tr("Cannot save"), str(exc))
            return False
        self.safekeeping.saved(path)
        self._remember(path)
        self.statusBar().showMessage(self.tr("Saved %1").replace("%1", str(path)), 5000)
        self._update_title()
        return True

    def maybe_save(self) -> bool:
        """With unsaved changes, ask to save, discard or cancel; True when it may go on."""
        if self.document is None or not self.document.modified:
            return True
        answer = QMessageBox.question(self, self.tr("Unsaved changes"),
                                      self.tr("The issue has changes that are not saved. Save them?"),
                                      QMessageBox.Save | QMessageBox.Discard | QMessageBox.Cancel, QMessageBox.Save)
        if answer == QMessageBox.Save:
            return self.save()
        return answer == QMessageBox.Discard

    @contained
    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt naming)
        """Closing with unsaved changes asks first."""
        if self.maybe_save():
            self.safekeeping.close()
            if self.newsroom is not None:
                self.newsroom.close()
            event.accept()
        else:
            event.ignore()

    def _remember(self, path: Path) -> None:
        settings = QSettings()
        recent = [str(path.resolve())] + [p for p in settings.value("recent", [], list) if p != str(path.resolve())]
        settings.setValue("recent", recent[:RECENT_FILES])

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        for path in QSettings().value("recent", [], list):
            self.recent_menu.addAction(path, lambda p=path: self.maybe_save() and self.open_document(p))

    # edits

    def undo(self) -> None:
        """Undo the last edit."""
        if self.document is not None:
            self.document.undo_stack.undo()

    def redo(self) -> None:
        """Redo the last undone edit."""
        if self.document is not None:
            self.document.undo_stack.redo()

    def _selection_edit(self, operation, argument) -> None:
        if self.document is not None and self.canvas.selection:
            try:
                change = operation(self.document.issue, self.canvas.selection, argument)
            except ValueError as problem:
                self.session.say(str(problem))
                return
            self.document.do(change)

    def _clear_guides(self) -> None:
        page = self.canvas.page
        if self.document is not None and page is not None and page.guides:
            self.document.do(ops.remove_guides(self.document.issue, self.canvas.page_index), self.tr("Clear guides"))

    def _choose_language(self, value: str) -> None:
        """Keep the interface language chosen; it is used from the next start of the editor."""
        QSettings().setValue(LANGUAGE_SETTING, value)
        self.statusBar().showMessage(self.tr("The language changes when the editor starts again"), 8000)

    def _follow_master(self, name: str) -> None:
        """The page shown follows a master page (its items show under the page's own)."""
        if self.document is not None and self.canvas.page is not None:
            try:
                change = follow_master(self.document.issue, self.canvas.page_index, name)
            except ValueError as problem:
                self.session.say(str(problem))
                return
            self.document.do(change, self.tr("Follow master"))

    def _detach_master_items(self) -> None:
        """The master's items on the page shown become the page's own, to change there."""
        if self.document is None or self.canvas.page is None:
            return
        try:
            change = detach_master_items(self.document.issue, self.canvas.page_index)
        except ValueError as problem:
            self.session.say(str(problem))
            return
        self.document.do(change, self.tr("Detach master items"))

    def _add_page(self, template: str) -> None:
        if self.document is not None:
            self.pages.add_page(template)

    def choose_article(self) -> None:
        """Ask for an article file; the pointer then carries its articles."""
        if self.document is None:
            return
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Import article"), "",
                                              self.tr("Articles (*.txt *.docx)"))
        if path:
            self.placing.import_article(path)
            self.canvas.setFocus()

    def choose_pair(self) -> None:
        """Ask for the before and the after photo; the pointer then carries the pair."""
        if self.document is None:
            return
        paths, _ = QFileDialog.getOpenFileNames(self, self.tr("Before and after photos"), "",
                                                self.tr("Photos (*.jpg *.jpeg *.png *.tif *.tiff)"))
        if len(paths) == 2:
            self.placing.carry_pair(*sorted(paths))
        elif paths:
            self.statusBar().showMessage(self.tr("Choose two photos: before and after"), 5000)

    # view

    def zoom_in(self) -> None:
        """Enlarge the page."""
        self.canvas.zoom_by(ZOOM_STEP)

    def zoom_out(self) -> None:
        """Shrink the page."""
        self.canvas.zoom_by(1 / ZOOM_STEP)

    def _toggle_overlay(self, on: bool) -> None:
        self.canvas.set_overlay(on)

    def _toggle_snapping(self, on: bool) -> None:
        self.canvas.snapping = on

    def _fit_by_tracking(self, frame_id: str) -> None:
        """Copy-fit the frame's article by its tracking, within what the body style allows."""
        article = ops.article_of(self.session.issue, frame_id)
        try:
            self.document.do(ops.fit_by_tracking(self.session.issue, article), self.tr("Fit Copy by Tracking"))
        except ValueError as problem:
            self.statusBar().showMessage(str(problem))

    def _report(self) -> None:
        report = self.session.layout.report if self.session else None
        if report is None:
            return
        parts = [self.tr("Overset: %1 lines, %2 characters in %3").replace("%1", str(report.overset_lines.get(a, 0)))
                 .replace("%2", str(n)).replace("%3", a) for a, n in report.overset.items()]
        if report.missing_chars:
            parts.append(self.tr("Missing from every font: %1").replace("%1", "".join(report.missing_chars)))
        if report.findings:
            parts.append(self.tr("%1 problems with frames").replace("%1", str(len(report.findings))))
        self.statusBar().showMessage("；".join(parts) if parts else self.tr("Layout OK"))

    def _update_title(self) -> None:
        document = self.document
        name = document.path.name if document and document.path else self.tr("Untitled")
        if self.newsroom is not None:
            issue = self.newsroom.issue
            name = f"{issue.paper} {issue.date} ({self.newsroom.session.newsroom.address.url.split('?')[0]})"
        if document is None:
            name = self.tr("No document")
        name += self.safekeeping.title_note()
        app_name = self.tr("Newspaper Layout")
        page = ""
        if document and document.issue.pages:
            number = document.issue.pages[self.canvas.page_index].number
            page = " " + self.tr("page %1").replace("%1", str(number))
        star = "*" if document is not None and document.modified else ""
        self.setWindowTitle(f"{star}{name}{page} — {app_name}")

    # export

    def choose_file(self) -> None:
        """Ask for a document and open it."""
        if not self.maybe_save():
            return
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Open"), "", self.tr("Layout documents (*.layout.json)"))
        if path:
            self.open_document(path)

    def choose_export(self) -> None:
        """Ask for a PDF name and export the issue."""
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export PDF"), "", "PDF (*.pdf)")
        self.export_to("screen", path)

    def choose_proof(self) -> None:
        """Ask for a PDF name and export the proof (校样)."""
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export Proof"), "", "PDF (*.pdf)")
        self.export_to("proof", path)

    def choose_press(self) -> None:
        """Ask for a folder and export the press PDFs, one a page, after preflight."""
        from layout.gui.exporting import press_allowed  # reportlab loads at the first export

        folder = QFileDialog.getExistingDirectory(self, self.tr("Folder for the press PDFs"))
        if folder and incomplete_set(Path(folder)) is not None:
            self.statusBar().showMessage(self.tr("The last export into %1 was stopped halfway; this one replaces "
                                                 "its pages").replace("%1", folder), 10000)
        if folder and self.session is not None and press_allowed(self, self.session.issue, self.session.engine):
            self.export_to("press", folder)

    def export_to(self, profile: str, target: str, wait: bool = True) -> list[Path]:
        """Export in a profile in a worker thread, with a progress bar and Cancel; the window
        stays responsive. With ``wait``, return the files written when it ends."""
        if self.session is None or not target:
            return []
        job = ExportJob(self.session.issue, profile, target, self)
        self.export_job = job
        job.finished.connect(self._exported)  # bound methods: run on the GUI thread
        job.failed.connect(self._export_failed)
        job.cancelled.connect(self._export_cancelled)
        self.export_progress = run_with_progress(self, job, self.tr("Exporting…"))
        if wait:
            loop = QEventLoop()
            for signal in (job.finished, job.failed, job.cancelled):
                signal.connect(loop.quit)
            if not job.outcome:
                loop.exec()
            job.thread.join()
            job.deliver()  # the dialog closes and the window is active again before this returns
            QApplication.processEvents()
        return job.written

    def _export_failed(self, text: str) -> None:
        QMessageBox.warning(self, self.tr("Export failed"), text)

    def _export_cancelled(self) -> None:
        self.statusBar().showMessage(self.tr("Export cancelled"), 5000)

    def _exported(self, files: list[str]) -> None:
        self.statusBar().showMessage(self.tr("Exported %1").replace("%1", ", ".join(files)))
        job = self.export_job
        if job is not None and job.recorded is not None and self.document is not None:
            self.document.do(add_proof(self.document.issue, job.recorded), self.tr("Proof exported"))
