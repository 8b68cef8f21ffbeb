"""Tagged PDF: marked content on the page, a structure tree in reading order, anchors for comments.

While a page is drawn (:class:`Tagger`, called by the PDF painter), each line of
text that the engine tagged with its source (article, part, paragraph, character
range) becomes a marked-content sequence with an MCID and an ``/ActualText`` of
exactly its characters: the gap the engine leaves between Han and Latin
characters is positioning, not a space, so a reader copies and finds "2023年"
(PDF 1.7 §14.9.4). Everything else (rules, photos, the folio, the watermark,
the slug, continuation lines) is an ``/Artifact``.

:func:`add_structure` then writes the structure tree (PDF 1.7 §14.7, §14.8):
``Document`` → one ``Art`` an article, in the issue's article order → its
headline group (引题 ``P``, 主题 ``H1``, 副题 ``P``), byline and body paragraphs
(``P``) in order, each holding its lines on whatever pages they are; then the
captions. Each page also keeps its anchors (``/LayoutAnchors``, a JSON stream):
for every tagged line its source and where each character sits, so that comments
an editor makes on the proof in any reader can be mapped back to characters.
"""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pikepdf

PART_ORDER = {"kicker": 0, "title": 1, "subtitle": 2, "byline": 3, "body": 4}
PART_TYPE = {"kicker": "P", "title": "H1", "subtitle": "P", "byline": "P", "body": "P", "caption": "Caption",
             "credit": "P", "label": "P"}
ARTIFACT_PARTS = {"jump", "folio", "section", ""}  # page furniture and continuation lines
ANCHORS = "/LayoutAnchors"


def _utf16(text: str) -> str:
    """A PDF text string as hex, UTF-16BE with its byte order mark."""
    return "<FEFF" + text.encode("utf-16-be").hex().upper() + ">"


@dataclass
class Anchor:
    """One tagged line on a page: its MCID, source, text, baseline and each character's left x
    and the right end, in PDF user space (y up)."""

    mcid: int
    article: str
    part: str
    paragraph: int
    start: int
    end: int
    frame: str
    text: str
    baseline: float
    size: float
    xs: list[float]

    def as_json(self) -> dict[str, Any]:
        """The anchor as stored in the PDF."""
        return {"mcid": self.mcid, "article": self.article, "part": self.part, "paragraph": self.paragraph,
                "start": self.start, "end": self.end, "frame": self.frame, "text": self.text,
                "baseline": round(self.baseline, 2), "size": round(self.size, 2),
                "xs": [round(x, 2) for x in self.xs]}


@dataclass
class Tagger:
    """Collects marked content page by page while the PDF is drawn.

    ``width_of(font, text, size)`` measures one character's advance (the painter's font);
    ``offset`` is where the trimmed page's origin lies on the sheet (bleed and marks)."""

    width_of: Callable[[str, str, float], float]
    pages: list[list[Anchor]] = field(default_factory=list)
    offset: float = 0.0

    def start_page(self, offset: float) -> None:
        """A new page begins (its trimmed page ``offset`` from the sheet's corner); MCIDs start again at 0."""
        self.pages.append([])
        self.offset = offset

    def text_marks(self, run: Any, page_height: float) -> tuple[str, str]:
        """The operators to put before and after a glyph run: a tagged span or an artifact."""
        source = getattr(run, "source", None)
        if source is None or source.part in ARTIFACT_PARTS or not run.text:
            return "/Artifact BMC", "EMC"
        anchors = self.pages[-1]
        mcid = len(anchors)
        xs = [x + self.offset for x in run.xs]
        xs.append(xs[-1] + self.width_of(run.font, run.text[-1], run.size) * run.hscale)
        baseline = page_height - run.y + self.offset
        anchors.append(Anchor(mcid, source.article, source.part, source.paragraph, source.start, source.end,
                              getattr(source, "frame", ""), run.text, baseline, run.size, xs))
        return f"/Span <</MCID {mcid} /ActualText {_utf16(run.text)}>> BDC", "EMC"


def _element(pdf: pikepdf.Pdf, kind: str, parent: pikepdf.Object, **extra: Any) -> pikepdf.Object:
    return pdf.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.StructElem, S=pikepdf.Name("/" + kind),
                                                P=parent, K=pikepdf.Array(), **extra))


def _group_key(anchor: Anchor) -> tuple:
    """Which structure element a line belongs to (and where that element stands)."""
    if anchor.article:
        return ("article", anchor.article, PART_ORDER.get(anchor.part, 5), anchor.part, anchor.paragraph)
    return ("frame", anchor.frame, 0, anchor.part, anchor.paragraph)


def add_structure(path: str, tagger: Tagger, articles: list[tuple[str, str]], language: str = "zh-CN") -> None:
    """Write the structure tree, the parent tree, MarkInfo and each page's anchors into the PDF
    at ``path``. ``articles`` are (id, title) in reading order."""
    source = Path(path)  # read and written through Python's files: pikepdf takes no path that is not UTF-8
    with pikepdf.open(io.BytesIO(source.read_bytes())) as pdf:
        root = pdf.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.StructTreeRoot))
        document = _element(pdf, "Document", root)
        root.K = pikepdf.Array([document])
        order = {article_id: index for index, (article_id, _) in enumerate(articles)}
        titles = dict(articles)
        lines: dict[tuple, list[tuple[int, int, Anchor]]] = {}
        for page_index, anchors in enumerate(tagger.pages):
            for anchor in anchors:
                lines.setdefault(_group_key(anchor), []).append((page_index, anchor.start, anchor))
        arts: dict[str, pikepdf.Object] = {}
        parents: dict[int, list[pikepdf.Object | None]] = {i: [None] * len(a) for i, a in enumerate(tagger.pages)}
        keys = sorted(lines, key=lambda k: (k[0] != "article", order.get(k[1], len(order)), k[1], k[2:]))
        for key in keys:
            if key[0] == "article":
                if key[1] not in arts:
                    arts[key[1]] = _element(pdf, "Art", document, T=titles.get(key[1], key[1]))
                    document.K.append(arts[key[1]])
                parent = arts[key[1]]
            else:
                parent = document
            element = _element(pdf, PART_TYPE.get(key[3], "P"), parent)
            parent.K.append(element)
            for page_index, _, anchor in sorted(lines[key], key=lambda t: (t[0], t[1])):
                page = pdf.pages[page_index].obj
                element.K.append(pikepdf.Dictionary(Type=pikepdf.Name.MCR, Pg=page, MCID=anchor.mcid))
                parents[page_index][anchor.mcid] = element
        nums = pikepdf.Array()
        for page_index, elements in parents.items():
            page = pdf.pages[page_index].obj
            page.StructParents = page_index
            nums.append(page_index)
            nums.append(pdf.make_indirect(pikepdf.Array([e if e is not None else document for e in elements])))
            data = json.dumps([a.as_json() for a in tagger.pages[page_index]], ensure_ascii=False).encode("utf-8")
            page[ANCHORS] = pdf.make_stream(data)
        root.ParentTree = pdf.make_indirect(pikepdf.Dictionary(Nums=nums))
        root.ParentTreeNextKey = len(tagger.pages)
        pdf.Root.StructTreeRoot = root
        pdf.Root.MarkInfo = pikepdf.Dictionary(Marked=True)
        pdf.Root.Lang = language
        made = io.BytesIO()
        pdf.save(made)
    source.write_bytes(made.getvalue())


def page_anchors(page: pikepdf.Page) -> list[dict[str, Any]]:
    """The anchors a proof page carries (empty for a PDF made without them)."""
    stream = page.obj.get(ANCHORS)
    if stream is None:
        return []
    return json.loads(stream.read_bytes().decode("utf-8"))
