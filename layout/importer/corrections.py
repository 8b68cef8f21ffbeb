"""Editors' marks on a proof, read back as corrections on the document's text (with pikepdf).

A proof carries anchors on every page (:mod:`layout.render.pdftags`): for each line
of text, its article, part, paragraph and character range, and where each
character sits. A comment made in any PDF reader is matched to them:

- highlight → ``highlight``; strike-out → ``delete``; a strike-out grouped with a
  caret (Acrobat's "replace text": ``/IRT`` and ``/RT /Group``) → ``replace`` by the
  caret's text; a caret alone → ``insert`` of its text at the nearest character
  boundary; a sticky note, free text or ink → ``note`` on the characters it covers
  or the nearest line;
- a comment answering another (``/IRT`` without ``/RT /Group``) is a reply to it.

Marks on characters cover whole characters whose middle lies inside the marked
quadrilaterals. Annotations the program itself wrote (``/NM`` starting ``layout-``)
are skipped.
"""

from __future__ import annotations

import io
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import pikepdf

from layout.render.pdftags import page_anchors

OWN_PREFIX = "layout-"
TEXT_KINDS = {"/Highlight": "highlight", "/StrikeOut": "delete", "/Underline": "highlight", "/Squiggly": "highlight"}


@dataclass
class Correction:
    """One editor's mark: where it is in the document's text and what it asks."""

    id: str
    kind: str
    article: str
    part: str
    paragraph: int
    start: int
    end: int
    text: str
    replacement: str
    author: str
    comment: str
    time: str
    page: int
    rect: list[float]
    name: str = ""
    replies: list[dict[str, str]] = field(default_factory=list)

    def as_json(self) -> dict[str, Any]:
        """The correction as ``layout corrections --json`` prints it."""
        return asdict(self)


@dataclass
class _Mark:
    annot: pikepdf.Dictionary
    page: int
    anchors: list[dict[str, Any]]


def _string(annot: pikepdf.Dictionary, key: str) -> str:
    value = annot.get(key)
    return str(value) if value is not None else ""


def _rect(annot: pikepdf.Dictionary) -> list[float]:
    return [float(v) for v in annot.get("/Rect", [0, 0, 0, 0])]


INK_REACH = 6.0  # points above and below an ink stroke that it still marks (a line under or through a word)


def _quads(annot: pikepdf.Dictionary) -> list[tuple[float, float, float, float]]:
    """The marked areas as boxes (x0, y0, x1, y1): the quadrilaterals, an ink stroke's points
    (reaching INK_REACH up and down), else the Rect."""
    if "/InkList" in annot:
        strokes = [[float(v) for v in stroke] for stroke in annot.InkList]
        xs = [v for s in strokes for v in s[0::2]]
        ys = [v for s in strokes for v in s[1::2]]
        if xs:
            return [(min(xs), min(ys) - INK_REACH, max(xs), max(ys) + INK_REACH)]
    points = [float(v) for v in annot.get("/QuadPoints", [])]
    boxes = []
    for k in range(0, len(points) - 7, 8):
        xs, ys = points[k:k + 8:2], points[k + 1:k + 8:2]
        boxes.append((min(xs), min(ys), max(xs), max(ys)))
    if not boxes:
        r = _rect(annot)
        boxes.append((min(r[0], r[2]), min(r[1], r[3]), max(r[0], r[2]), max(r[1], r[3])))
    return boxes


def _line_box(anchor: dict[str, Any]) -> tuple[float, float]:
    """A line's vertical extent in PDF space (bottom, top)."""
    return anchor["baseline"] - 0.2 * anchor["size"], anchor["baseline"] + 0.88 * anchor["size"]


def _covered(anchors: list[dict[str, Any]], boxes) -> list[tuple[dict[str, Any], int]]:
    """(line, character index) of every character whose middle lies in one of the boxes."""
    hits = []
    for anchor in anchors:
        bottom, top = _line_box(anchor)
        middle_y = (bottom + top) / 2
        xs = anchor["xs"]
        for x0, y0, x1, y1 in boxes:
            if not (y0 <= middle_y <= y1):
                continue
            hits += [(anchor, i) for i in range(len(xs) - 1) if x0 <= (xs[i] + xs[i + 1]) / 2 <= x1]
    return hits


def _offset(anchor: dict[str, Any], index: int) -> int:
    """The character offset in the paragraph of the line's character ``index``."""
    length = anchor["end"] - anchor["start"]
    if length == len(anchor["text"]):
        return anchor["start"] + index
    return anchor["start"] + round(index * length / max(1, len(anchor["text"])))


def _nearest(anchors: list[dict[str, Any]], x: float, y: float) -> tuple[dict[str, Any], int] | None:
    """The line nearest the point and the character boundary nearest x on it."""
    if not anchors:
        return None

    def distance(anchor: dict[str, Any]) -> float:
        bottom, top = _line_box(anchor)
        dy = 0.0 if bottom <= y <= top else min(abs(y - bottom), abs(y - top))
        xs = anchor["xs"]
        dx = 0.0 if xs[0] <= x <= xs[-1] else min(abs(x - xs[0]), abs(x - xs[-1]))
        return dy * 3 + dx

    anchor = min(anchors, key=distance)
    xs = anchor["xs"]
    index = min(range(len(xs)), key=lambda i: abs(xs[i] - x))
    return anchor, index


def _place(mark: _Mark, kind: str) -> tuple[dict[str, Any], int, int] | None:
    """The line (first one) and the character range [start, end) the mark stands on."""
    if kind in ("insert", "note") and "/QuadPoints" not in mark.annot and mark.annot.Subtype != "/Ink":
        r = _rect(mark.annot)
        top = max(r[1], r[3])  # a caret hangs from the line it marks; a note's corner points at it
        point = ((r[0] + r[2]) / 2, top) if kind == "insert" else (min(r[0], r[2]), top)
        found = _nearest(mark.anchors, *point)
        if found is None:
            return None
        anchor, index = found
        at = _offset(anchor, index)
        return anchor, at, at
    hits = _covered(mark.anchors, _quads(mark.annot))
    if not hits:
        r = _rect(mark.annot)
        found = _nearest(mark.anchors, (r[0] + r[2]) / 2, (r[1] + r[3]) / 2)
        if found is None:
            return None
        anchor, index = found
        at = _offset(anchor, index)
        return anchor, at, at
    first = hits[0][0]
    key = (first["article"], first["part"], first["paragraph"])
    same = [(a, i) for a, i in hits if (a["article"], a["part"], a["paragraph"]) == key]
    return first, min(_offset(a, i) for a, i in same), max(_offset(a, i + 1) for a, i in same)


def _kind(mark: _Mark, group: list[_Mark]) -> str:
    subtype = str(mark.annot.Subtype)
    if subtype == "/StrikeOut" and any(str(g.annot.Subtype) == "/Caret" for g in group):
        return "replace"
    if subtype in TEXT_KINDS:
        return TEXT_KINDS[subtype]
    if subtype == "/Caret":
        return "insert"
    return "note"


def _marks(pdf: pikepdf.Pdf) -> list[_Mark]:
    marks = []
    for number, page in enumerate(pdf.pages, start=1):
        anchors = page_anchors(page)
        for annot in page.obj.get("/Annots", []):
            if annot.get("/Subtype") in (None, "/Popup", "/Link", "/Widget"):
                continue
            if _string(annot, "/NM").startswith(OWN_PREFIX):
                continue
            marks.append(_Mark(annot, number, anchors))
    return marks


def _text_now(issue: Any, article_id: str, part: str, paragraph: int) -> str:
    article = issue.article(article_id) if issue is not None else None
    if article is None:
        return ""
    if part == "body":
        return article.paragraphs[paragraph].text if paragraph < len(article.paragraphs) else ""
    if part == "byline":
        return article.byline
    return getattr(article.headline, part, "")


class NotAProof(ValueError):
    """A PDF without the anchors of a proof made by this program."""


def read_corrections(path: str | Path, issue: Any = None) -> list[Correction]:
    """The corrections marked on the proof at ``path``; ``issue`` gives each range's text now.
    NotAProof when the PDF carries no anchors (not a proof, or one made before anchors)."""
    try:
        opened = pikepdf.open(io.BytesIO(Path(path).read_bytes()))
    except pikepdf.PdfError as exc:
        raise NotAProof(f"{path}: not a readable PDF ({exc})") from None
    with opened as pdf:
        if not any(page_anchors(page) for page in pdf.pages):
            raise NotAProof(f"{path}: carries no anchors; read marks from a proof exported by layout "
                            "(layout export --profile proof)")
        marks = _marks(pdf)
        by_objgen = {m.annot.objgen: m for m in marks}
        groups: dict[tuple, list[_Mark]] = {}
        replies: dict[tuple, list[_Mark]] = {}
        for mark in marks:
            parent = mark.annot.get("/IRT")
            if parent is not None and parent.objgen in by_objgen:
                if mark.annot.get("/RT") == "/Group":
                    groups.setdefault(parent.objgen, []).append(mark)
                else:
                    replies.setdefault(parent.objgen, []).append(mark)
        members = {m.annot.objgen for group in groups.values() for m in group}
        answered = {m.annot.objgen for group in replies.values() for m in group}
        out: list[Correction] = []
        for mark in marks:
            key = mark.annot.objgen
            if key in members or key in answered or str(mark.annot.Subtype) == "/Popup":
                continue
            group = [mark, *groups.get(key, [])]
            head = next((g for g in group if str(g.annot.Subtype) == "/StrikeOut"), mark)
            kind = _kind(head, group)
            place = _place(head, kind)
            if place is None:
                continue
            anchor, start, end = place
            caret = next((g for g in group if str(g.annot.Subtype) == "/Caret"), None)
            comment_of = caret if kind == "replace" else mark
            replacement = _string(caret.annot, "/Contents") if caret is not None and kind in ("replace",) \
                else _string(mark.annot, "/Contents") if kind == "insert" else ""
            now = _text_now(issue, anchor["article"], anchor["part"], anchor["paragraph"])
            out.append(Correction(
                id=f"c{len(out) + 1}", kind=kind, article=anchor["article"], part=anchor["part"],
                paragraph=anchor["paragraph"], start=start, end=end, text=now[start:end],
                replacement=replacement, author=_string(mark.annot, "/T"),
                comment="" if kind in ("insert", "replace") else _string(mark.annot, "/Contents"),
                time=_string(mark.annot, "/M") or _string(mark.annot, "/CreationDate"), page=mark.page,
                rect=_rect(head.annot), name=_string(comment_of.annot, "/NM"),
                replies=[{"author": _string(r.annot, "/T"), "text": _string(r.annot, "/Contents")}
                         for r in replies.get(key, [])]))
        return out
