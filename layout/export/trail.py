"""The editors' trail: page content digests, proof records and whether each sign-off still holds.

A page's content digest is the SHA-256 of its display list dump (every glyph,
position, rule, box and photo placement as the engine set it) and of the bytes
of each photo it shows: whatever changes what the page prints changes the
digest, and nothing else does (saving, a proof, a sign-off on another page).
A sign-off holds while its page has the digest it had when it was signed.
"""

from __future__ import annotations

import getpass
import hashlib
import os
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from layout.engine.displaylist import ImageItem, PageDisplay, dump
from layout.engine.page import IssueLayout
from layout.export.proof import ProofInfo
from layout.model.document import Article, Issue
from layout.model.proofing import ProofRecord, SignOff, latest_signoffs, next_draft


def user_name() -> str:
    """Who is working: ``$LAYOUT_USER``, else the login name."""
    name = os.environ.get("LAYOUT_USER", "").strip()
    if name:
        return name
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "unknown"


def now_text() -> str:
    """The time now, ISO 8601 in UTC to the second (how the trail writes times)."""
    return datetime.now(UTC).replace(microsecond=0).isoformat()


def _file_digest(path: str) -> str:
    try:
        return hashlib.sha256(Path(path).read_bytes()).hexdigest()
    except OSError:
        return "missing"


def page_digest(page: PageDisplay) -> str:
    """The page's content digest: its display list and the bytes of its photos."""
    digest = hashlib.sha256(dump(page).encode("utf-8", "surrogateescape"))  # a path may not be UTF-8
    for path in sorted({item.path for item in page.items if isinstance(item, ImageItem)}):
        digest.update(f"\n{path} {_file_digest(path)}".encode("utf-8", "surrogateescape"))
    return digest.hexdigest()


def article_digest(article: Article) -> str:
    """A digest of an article's words: headline group, byline and paragraphs with their styles."""
    h = article.headline
    parts = [h.kicker, h.title, h.subtitle, article.byline, *(f"{p.style}\t{p.text}" for p in article.paragraphs)]
    return hashlib.sha256("\n".join(parts).encode("utf-8")).hexdigest()


def record_proof(issue: Issue, laid: IssueLayout, by: str) -> ProofRecord:
    """Add a proof of every laid-out page to the issue's trail and return it (its draft number
    goes up only when a page's content differs from the last proof's)."""
    pages = {str(page.number): page_digest(page) for page in laid.pages}
    record = ProofRecord(draft=next_draft(issue.proofs, pages), revision=issue.revision, by=by, time=now_text(),
                         pages=pages, articles={a.id: article_digest(a) for a in issue.articles})
    issue.proofs.append(record)
    return record


def page_changes(issue: Issue, articles: list[str], pages: list[int]) -> dict[int, str]:
    """What changed on each page since the last proof, in words: the articles by title, or the page."""
    words: dict[int, str] = {}
    for page in issue.pages:
        if page.number not in pages:
            continue
        on_page = [a for a in issue.articles if a.id in articles and any(page.frame(f) is not None for f in a.flow)]
        titles = "、".join(f"《{a.headline.title or a.id}》" for a in on_page)
        words[page.number] = f"{titles} 文字改动" if titles else "版面改动（框、图片或其他内容）"
    return words


def start_proof(issue: Issue, laid: IssueLayout, by: str, *, band: bool = False,
                comparison: Any = None) -> ProofInfo:
    """Record a proof of the laid-out issue in its trail and say what the proof shows of itself:
    its draft, the revision, who and when, and what changed (from ``comparison``, a
    :class:`layout.export.against.Comparison`, else from the trail)."""
    pages, articles = changed_since_last_proof(issue, laid)
    revision = issue.revision
    record = record_proof(issue, laid, by)
    changes = comparison.page_words() if comparison is not None else page_changes(issue, articles, pages)
    return ProofInfo(draft=record.draft, revision=revision, by=by, time=record.time.replace("T", " ")[:16] + " UTC",
                     changes=changes, band=band, comparison=comparison)


def changed_since_last_proof(issue: Issue, laid: IssueLayout) -> tuple[list[int], list[str]]:
    """Pages and articles that differ from the last proof in the trail (empty when there is none)."""
    if not issue.proofs:
        return [], []
    last = issue.proofs[-1]
    pages = [p.number for p in laid.pages if last.pages.get(str(p.number), "") != page_digest(p)]
    articles = [a.id for a in issue.articles if last.articles.get(a.id, "") != article_digest(a)]
    return pages, articles


def signoff_status(issue: Issue, laid: IssueLayout) -> list[dict[str, Any]]:
    """Each page's newest sign-off for each role, with ``valid``: the page still prints what was signed."""
    if not issue.signoffs:
        return []
    digests = {page.number: page_digest(page) for page in laid.pages}
    return [
        {"page": s.page, "by": s.by, "role": s.role, "time": s.time, "sha256": s.sha256, "revision": s.revision,
         "file": s.file, "valid": digests.get(s.page) == s.content}
        for s in latest_signoffs(issue.signoffs)
    ]


def valid_signoff(issue: Issue, laid: IssueLayout, number: int) -> SignOff | None:
    """The newest sign-off of page ``number`` that still holds, if any."""
    page = next((p for p in laid.pages if p.number == number), None)
    if page is None:
        return None
    digest = page_digest(page)
    return next((s for s in reversed(issue.signoffs) if s.page == number and s.content == digest), None)


def trail(issue: Issue) -> list[dict[str, Any]]:
    """Each page's drafts (proofs) and sign-offs in time order: the 三审三校 trail."""
    numbers = sorted({p.number for p in issue.pages})
    out = []
    for number in numbers:
        proofs = [{"draft": r.draft, "revision": r.revision, "by": r.by, "time": r.time}
                  for r in issue.proofs if str(number) in r.pages]
        signed = [{"by": s.by, "role": s.role, "time": s.time, "revision": s.revision}
                  for s in issue.signoffs if s.page == number]
        out.append({"page": number, "proofs": proofs, "signoffs": signed})
    return out
