"""Answering editors' corrections as edit operations: accept (applying the text change),
reject, reply. Each is one change with its exact inverse, so the editor's undo takes it
back; the command line uses the same operations.

The threads live in the document (:class:`~layout.model.proofing.CorrectionThread`), keyed
by the proof page and the comment's name, so answering the same marked proof twice adds
to one thread.
"""

from __future__ import annotations

import copy
import dataclasses
from dataclasses import dataclass

from layout.edit.change import Batch, Change
from layout.edit.operations import correct_text
from layout.importer.corrections import Correction
from layout.model.document import Issue
from layout.model.proofing import CorrectionThread, Reply

TEXT_KINDS = ("delete", "replace", "insert")
THREAD_FIELDS = ("kind", "article", "part", "paragraph", "start", "end", "text", "replacement", "author", "comment",
                 "time")


@dataclass
class SetCorrections:
    """Replace the document's correction threads; the inverse puts the old list back."""

    threads: list[CorrectionThread]
    label: str = "correction"

    def apply(self, issue: Issue) -> SetCorrections:
        old, issue.corrections = issue.corrections, self.threads
        return SetCorrections(old, self.label)


def thread_key(correction: Correction) -> str:
    """The thread a correction read from a marked proof belongs to."""
    return f"p{correction.page}-{correction.name or correction.id}"


def thread_of(issue: Issue, correction: Correction) -> CorrectionThread | None:
    """The document's thread for the correction, if it has been answered."""
    key = thread_key(correction)
    return next((t for t in issue.corrections if t.id == key), None)


def answer(issue: Issue, correction: Correction, *, state: str | None = None, reply: str = "", by: str = "",
           time: str = "") -> SetCorrections:
    """Set a correction's state and/or add a reply, as one change."""
    threads = copy.deepcopy(issue.corrections)
    key = thread_key(correction)
    thread = next((t for t in threads if t.id == key), None)
    if thread is None:
        thread = CorrectionThread(id=key, **{f: getattr(correction, f) for f in THREAD_FIELDS})
        threads.append(thread)
    if state is not None:
        thread.state = state
    if reply:
        thread.replies.append(Reply(by=by, time=time, text=reply))
    return SetCorrections(threads, "reply" if reply else state or "correction")


def accept(issue: Issue, correction: Correction, by: str = "", time: str = "") -> Change:
    """Accept a correction: a text correction changes exactly its characters (refused when they
    no longer hold what the proof showed); every kind is marked accepted."""
    changes: list[Change] = []
    if correction.kind in TEXT_KINDS:
        replacement = "" if correction.kind == "delete" else correction.replacement
        changes.append(correct_text(issue, correction.article, correction.part, correction.paragraph,
                                    correction.start, correction.end, replacement, expected=correction.text))
    changes.append(answer(issue, correction, state="accepted", by=by, time=time))
    return Batch(changes, "accept correction")


def shifted(correction: Correction, applied: Correction) -> Correction:
    """The correction with its range moved for another applied earlier in the same text."""
    same = (correction.article, correction.part, correction.paragraph) == \
        (applied.article, applied.part, applied.paragraph)
    if not same or correction.start < applied.end or applied.kind not in TEXT_KINDS:
        return correction
    grow = (0 if applied.kind == "delete" else len(applied.replacement)) - (applied.end - applied.start)
    return dataclasses.replace(correction, start=correction.start + grow, end=correction.end + grow)
