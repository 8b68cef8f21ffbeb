"""The editors' trail in the document: the proofs made of each page and the sign-offs (签版).

A :class:`ProofRecord` is written whenever a proof is exported: which draft (第N稿)
it was, from which revision, by whom and when, and a digest of each page as it
looked, so the next proof can say which pages changed. A :class:`SignOff` is
written by ``layout sign``: who signed which page in which role, when, the
SHA-256 of the signed PDF and the digest of the page's content at that moment.
A sign-off is void as soon as the page no longer has that content digest.
"""

from __future__ import annotations

from dataclasses import dataclass, field

ROLES = ("值班编辑", "总编辑")


@dataclass
class ProofRecord:
    """One proof export: the draft number, the document revision it shows, who and when,
    and the content digest of each page it holds (page number as a string → SHA-256)."""

    draft: int
    revision: int
    by: str
    time: str
    pages: dict[str, str] = field(default_factory=dict)
    articles: dict[str, str] = field(default_factory=dict)


@dataclass
class SignOff:
    """A page signed off (签版): ``sha256`` is the signed PDF file's, ``content`` the page's
    content digest when it was signed, ``file`` where the signed PDF was written (as given)."""

    page: int
    by: str
    role: str
    time: str
    sha256: str
    revision: int
    content: str
    file: str = ""


@dataclass
class Reply:
    """A reply in a correction's thread: who, when, what."""

    by: str
    time: str
    text: str


@dataclass
class CorrectionThread:
    """An editor's correction from a marked proof and the designer's answer to it: its state
    (``open``, ``accepted``, ``rejected``) and replies. The next proof shows it again, with
    the replies and the state as annotation replies, where its characters are then."""

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
    state: str = "open"
    replies: list[Reply] = field(default_factory=list)


def next_draft(proofs: list[ProofRecord], pages: dict[str, str]) -> int:
    """The draft number a proof of pages with these digests is: the last one's again when
    nothing it showed changed, else one more (the first proof is draft 1)."""
    if not proofs:
        return 1
    last = proofs[-1]
    unchanged = all(last.pages.get(number) == digest for number, digest in pages.items())
    return last.draft if unchanged else last.draft + 1


def latest_signoffs(signoffs: list[SignOff]) -> list[SignOff]:
    """Each page's sign-offs for each role, the newest only, in page order."""
    newest: dict[tuple[int, str], SignOff] = {}
    for signoff in signoffs:
        newest[(signoff.page, signoff.role)] = signoff
    return sorted(newest.values(), key=lambda s: (s.page, ROLES.index(s.role) if s.role in ROLES else 9))
