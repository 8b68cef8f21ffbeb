"""The issue, its pages, the frames on them, and the articles that fill them."""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from layout.model.frames import Frame
from layout.model.geometry import Rect
from layout.model.grid import Grid, Margins
from layout.model.proofing import CorrectionThread, ProofRecord, SignOff
from layout.model.styles import Overrides, TextStyle, default_styles, with_overrides

if TYPE_CHECKING:
    from layout.model.templates import Template


_EDIT_NUMBERS = itertools.count(1)  # edit numbers: unique in the process, so copies of an issue never share one

@dataclass
class HeadlineGroup:
    """引题 (kicker), 主题 (title) and 副题 (subtitle); empty strings are absent."""

    kicker: str = ""
    title: str = ""
    subtitle: str = ""


@dataclass
class Paragraph:
    """A paragraph of body text in a named style; ``overrides`` sets some of the style's
    fields otherwise for this paragraph alone."""

    text: str
    style: str = "body"
    overrides: Overrides = field(default_factory=dict)


@dataclass
class Article:
    """A story: headline group, byline, paragraphs, and the text frames it flows through.
    ``balance``: the columns of its last frame end on the same grid line (齐栏), the
    last one short by less than a line a column; otherwise they fill in turn.
    ``tracking``: em added to its body's tracking by copy-fitting (within the body
    style's ``fit_tracking``).
    ``overrides`` maps a style's name to fields set otherwise in this article alone
    (``{"title": {"size": "小初"}}``: its 主题 in 小初, every other article's as the style says).
    """

    id: str
    headline: HeadlineGroup = field(default_factory=HeadlineGroup)
    byline: str = ""
    paragraphs: list[Paragraph] = field(default_factory=list)
    flow: list[str] = field(default_factory=list)
    balance: bool = False
    tracking: float = 0.0
    overrides: dict[str, Overrides] = field(default_factory=dict)

    @property
    def char_count(self) -> int:
        """Characters of byline and body, without white space."""
        text = self.byline + "".join(p.text for p in self.paragraphs)
        return sum(1 for ch in text if not ch.isspace())


@dataclass
class Page:
    """One page (版) of the issue."""

    number: int
    width: float
    height: float
    margins: Margins
    grid: Grid
    section: str = ""
    editors: str = ""
    frames: list[Frame] = field(default_factory=list)
    template: str = ""
    guides: list[tuple[str, float]] = field(default_factory=list)
    """Ruler guides (参考线): ("x", 120.0) a vertical line 120 pt from the left, ("y", …) a horizontal one."""
    master: str = ""
    """The template the page follows as its master page (母版): its frames show under the page's own."""
    detached: list[str] = field(default_factory=list)
    """Ids of the master's frames this page does not show from the master (it has its own copy)."""

    @property
    def type_area(self) -> Rect:
        """The area inside the margins."""
        m = self.margins
        return Rect(m.left, m.top, self.width - m.left - m.right, self.height - m.top - m.bottom)

    def frame(self, frame_id: str) -> Frame | None:
        """The frame with this id on this page, if any."""
        return next((f for f in self.frames if f.id == frame_id), None)


@dataclass
class Issue:
    """An issue of the paper: the document a designer opens and saves.

    ``number`` is the issue's 期号 and ``serial`` its 总期号 (0: not set); the masthead shows them.
    ``revision`` counts the saves (the proof's slug line shows it as the version).
    ``source`` is the file it was read from or saved to, and ``disk_digest`` the
    SHA-256 of that file's bytes then: a save refuses to replace a file that
    another program has changed since.
    ``line_breaking`` is clreq's level of line-start and line-end rules:
    ``basic`` (the default, clreq's recommendation) or ``strict`` (—— and ……
    may not start a line either).
    ``proofs`` and ``signoffs`` are the editors' trail (:mod:`layout.model.proofing`).

    ``edits`` holds, for each part an edit operation changed (("frame", id),
    ("article", id), ("style", name), ("page", index), ("issue", "")), the number of
    that edit, unique in the process (:meth:`touch`): what the layout engine keys its
    cache on, so that it sets again only what an edit touched. It is not saved.
    """

    paper: str
    date: date
    edition: str = ""
    number: int = 0
    serial: int = 0
    line_breaking: str = "basic"
    revision: int = 0
    styles: dict[str, TextStyle] = field(default_factory=default_styles)
    articles: list[Article] = field(default_factory=list)
    pages: list[Page] = field(default_factory=list)
    templates: dict[str, Template] = field(default_factory=dict)
    proofs: list[ProofRecord] = field(default_factory=list)
    signoffs: list[SignOff] = field(default_factory=list)
    corrections: list[CorrectionThread] = field(default_factory=list)
    source: Path | None = field(default=None, compare=False, repr=False)
    disk_digest: str | None = field(default=None, compare=False, repr=False)
    edits: dict[tuple[str, str], int] = field(default_factory=dict, compare=False, repr=False)

    def touch(self, *parts: tuple[str, str]) -> None:
        """Note that an edit changed these parts (a new edit number for each)."""
        number = next(_EDIT_NUMBERS)
        for part in parts:
            self.edits[part] = number

    def edit_of(self, kind: str, key: str = "") -> int:
        """The number of the last edit of a part (0: none since it was read)."""
        return self.edits.get((kind, key), 0)

    def article(self, article_id: str) -> Article | None:
        """The article with this id, if any."""
        return next((a for a in self.articles if a.id == article_id), None)

    def find_frame(self, frame_id: str) -> tuple[Page, Frame] | None:
        """The page and frame with this id, if any."""
        for page in self.pages:
            found = page.frame(frame_id)
            if found is not None:
                return page, found
        return None

    @property
    def strict(self) -> bool:
        """True when the strict line-breaking rules apply."""
        return self.line_breaking == "strict"

    def style(self, name: str) -> TextStyle:
        """A named style; unknown names fall back to the body style."""
        return self.styles.get(name) or self.styles.get("body") or TextStyle()

    def style_in(self, article: Article | None, name: str, paragraph: Paragraph | None = None) -> TextStyle:
        """A named style as it is set in an article (its overrides of that style) and in one
        of its paragraphs (that paragraph's overrides, over the article's)."""
        return with_overrides(self.style(name), article.overrides.get(name) if article else None,
                              paragraph.overrides if paragraph is not None else None)
