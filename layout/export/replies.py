"""Answers to editors' corrections, written into the next proof as annotation replies.

Each correction the designer accepted, rejected or answered is shown again on the
new proof where its characters are now (found through the proof's anchors): the
editor's comment as a note by its author, and under it (``/IRT``) the designer's
replies and the state as a review reply (``/StateModel /Review``, ``/State
/Accepted`` or ``/Rejected``; PDF 1.7 §12.5.6.3), so that in Acrobat, Foxit or
Okular the editor sees the answer in the comment's own thread. The program's
annotations are named ``layout-…`` (``/NM``) and are skipped when the proof is
read back for new corrections.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pikepdf

from layout.model.proofing import CorrectionThread
from layout.render.pdftags import Tagger

KIND_WORDS = {"delete": "删除", "replace": "替换", "insert": "插入", "note": "批注", "highlight": "标注"}
STATES = {"accepted": "/Accepted", "rejected": "/Rejected"}
STATE_WORDS = {"accepted": "已采纳", "rejected": "未采纳", "open": "待处理"}
NOTE_SIZE = 14.0


def _where(tagger: Tagger, thread: CorrectionThread) -> tuple[int, float, float] | None:
    """The proof page index and the point (PDF space) of the thread's first character now."""
    best = None
    for index, anchors in enumerate(tagger.pages):
        for anchor in anchors:
            if (anchor.article, anchor.part, anchor.paragraph) != (thread.article, thread.part, thread.paragraph):
                continue
            if anchor.start <= thread.start < max(anchor.end, anchor.start + 1) or best is None:
                offset = min(max(thread.start - anchor.start, 0), len(anchor.xs) - 1)
                best = (index, anchor.xs[offset], anchor.baseline + anchor.size)
                if anchor.start <= thread.start < anchor.end:
                    return best
    return best


def _describe(thread: CorrectionThread) -> str:
    what = KIND_WORDS.get(thread.kind, thread.kind)
    detail = f"「{thread.text}」" if thread.text else ""
    if thread.replacement:
        detail += f"→「{thread.replacement}」"
    return f"{what}{detail}" + (f"：{thread.comment}" if thread.comment else "")


def _note(pdf: pikepdf.Pdf, page: pikepdf.Page, x: float, y: float, **entries: Any) -> pikepdf.Object:
    annot = pdf.make_indirect(pikepdf.Dictionary(
        Type=pikepdf.Name.Annot, Subtype=pikepdf.Name.Text, Rect=[x, y, x + NOTE_SIZE, y + NOTE_SIZE],
        F=4, P=page.obj, **entries))
    if "/Annots" not in page.obj:
        page.obj.Annots = pdf.make_indirect(pikepdf.Array())
    page.obj.Annots.append(annot)
    return annot


def add_replies(path: str, threads: list[CorrectionThread], tagger: Tagger) -> int:
    """Write each answered correction and its replies into the proof at ``path``; return how many."""
    answered = [t for t in threads if t.replies or t.state != "open"]
    if not answered:
        return 0
    written = 0
    source = Path(path)  # through Python's files: pikepdf takes no path that is not UTF-8
    with pikepdf.open(io.BytesIO(source.read_bytes())) as pdf:
        for thread in answered:
            place = _where(tagger, thread)
            if place is None:
                continue
            index, x, y = place
            page = pdf.pages[index]
            comment = _note(pdf, page, x, y, T=thread.author, Contents=_describe(thread), NM=f"layout-c-{thread.id}",
                            M=thread.time, Name=pikepdf.Name.Comment, C=[1, 0.8, 0])
            for number, reply in enumerate(thread.replies):
                _note(pdf, page, x, y, T=reply.by, Contents=reply.text, M=reply.time, IRT=comment,
                      NM=f"layout-r-{thread.id}-{number}")
            if thread.state in STATES:
                by = thread.replies[-1].by if thread.replies else ""
                _note(pdf, page, x, y, T=by, Contents=f"{STATE_WORDS[thread.state]}", IRT=comment,
                      StateModel="Review", State=pikepdf.String(STATES[thread.state][1:]),
                      NM=f"layout-s-{thread.id}")
            written += 1
        made = io.BytesIO()
        pdf.save(made)
    source.write_bytes(made.getvalue())
    return written
