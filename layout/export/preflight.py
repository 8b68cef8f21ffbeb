"""Preflight: what would go wrong at the print shop, found before anything is sent.

Each finding has a severity (error or warning), the page and the object it is
about, and a message. Errors stop a press export unless it is forced.
Checks (the issue's list): overset text; characters missing from every font;
photos missing, unreadable or under the resolution threshold; colours with
more ink than the limit; objects that cross the trim without reaching the
bleed; empty frames; fonts that may not be embedded; photos outside the
document's folder; on a written press PDF, any RGB or spot colour; and what a
newspaper plant calls back about (press_checks.py: photo ink as separated, hairlines,
thin coloured rules, small text in several inks or rich black, small reversed text).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from functools import lru_cache
from pathlib import Path

from fontTools.ttLib import TTFont

from layout.engine.displaylist import GlyphLines, GlyphRun, ImageItem
from layout.engine.fonts import chain_for, font_dir
from layout.engine.frames import photos_of
from layout.engine.page import IssueLayout, LayoutEngine
from layout.export.conditions import CONDITIONS, DEFAULT_CONDITION, OutputCondition
from layout.export.press_checks import press_findings
from layout.export.profiles import PROFILES
from layout.export.trail import signoff_status
from layout.model.colour import Colour
from layout.model.document import Issue, Page
from layout.model.frames import (
    BoxFrame,
    CaptionFrame,
    Frame,
    HeadlineFrame,
    PhotoFrame,
    RuleFrame,
    SeriesFrame,
    TextFrame,
)
from layout.model.settings import RULES
from layout.model.spatial import overlapping_pairs
from layout.store.assets import outside_photos, photo_path
from layout.units import to_mm

ERROR, WARNING = "error", "warning"
RESTRICTED_EMBEDDING = 0x0002  # OS/2 fsType bit 1: the font may not be embedded


@dataclass(frozen=True)
class Finding:
    """One problem: how bad, where (page, object) and what."""

    severity: str
    page: int | None
    object: str
    message: str

    def __str__(self) -> str:
        where = f"page {self.page} {self.object}" if self.page is not None else self.object
        return f"{self.severity}: {where}: {self.message}"


@dataclass(frozen=True)
class Settings:
    """Preflight thresholds (by default the rules of ``layout.model.settings``); the ink
    limit is the print condition's unless one is given."""

    min_ppi: float = RULES.min_ppi
    ink_limit: float | None = None
    bleed: float = PROFILES["press"].bleed
    condition: OutputCondition = CONDITIONS[DEFAULT_CONDITION]

    @property
    def total_ink(self) -> float:
        """The total ink limit in force (percent)."""
        return self.condition.ink_limit if self.ink_limit is None else self.ink_limit


def _last_page(issue: Issue, article_id: str) -> int | None:
    """The page of the last frame an article flows into."""
    article = issue.article(article_id)
    found = issue.find_frame(article.flow[-1]) if article and article.flow else None
    return found[0].number if found else None


def layout_findings(issue: Issue, laid: IssueLayout, settings: Settings,
                    frames_of: dict[int, dict[str, str]] | None = None) -> list[Finding]:
    """Overset, photo problems and resolution, from the layout (``frames_of``: what
    ``frames_by_photo`` gives, if it was worked out already)."""
    frames_of = frames_by_photo(issue) if frames_of is None else frames_of
    findings = [Finding(ERROR, _last_page(issue, a), f"article {a}", f"overset: {n} characters do not fit")
                for a, n in laid.report.overset.items()]
    findings += [Finding(ERROR, f.page, f"frame {f.frame}", f.message) for f in laid.report.findings]
    for page in laid.pages:
        frames = frames_of.get(page.number, {})
        for item in page.items:
            if isinstance(item, ImageItem) and item.ppi < settings.min_ppi:
                where = f"frame {frames.get(item.path, '?')} ({Path(item.path).name})"
                findings.append(Finding(WARNING, page.number, where,
                                        f"effective resolution {item.ppi:.0f} ppi is under {settings.min_ppi:.0f}"))
    return findings


def frames_by_photo(issue: Issue) -> dict[int, dict[str, str]]:
    """For each page number: photo file (as the layout names it) → the id of the frame that
    shows it there (in one pass: each photo's path is worked out once)."""
    paths: dict[str, str] = {}
    found: dict[int, dict[str, str]] = {}
    for page in issue.pages:
        on_page = found.setdefault(page.number, {})
        for frame in page.frames:
            for photo in photos_of(frame):
                if photo.image:
                    if photo.image not in paths:
                        paths[photo.image] = str(photo_path(issue, photo.image))
                    on_page.setdefault(paths[photo.image], frame.id)
    return found


def _texts(issue: Issue) -> list[tuple[int | None, str, str]]:
    """Every text of the document with where it is: articles (set or overset), frames."""
    found = []
    for article in issue.articles:
        group = article.headline
        words = group.kicker + group.title + group.subtitle + article.byline
        found.append((_last_page(issue, article.id), f"article {article.id}",
                      words + "".join(p.text for p in article.paragraphs)))
    for page in issue.pages:
        for frame in page.frames:
            texts = [getattr(frame, "text", ""), getattr(frame, "caption", ""), getattr(frame, "credit", "")]
            if isinstance(frame, SeriesFrame):
                texts += [frame.title, frame.singles_title, *(p.caption for p in frame.singles),
                          *(pair.caption for pair in frame.pairs)]
            found.append((page.number, f"frame {frame.id}", "".join(t for t in texts if t)))
    return found


def character_findings(issue: Issue) -> list[Finding]:
    """Characters that no font has, anywhere in the document (overset text included)."""
    findings = []
    for page, where, text in _texts(issue):
        findings += [Finding(ERROR, page, where, f"{ch} (U+{ord(ch):04X}) is missing from every font")
                     for ch in _missing_characters(text)]
    return findings


@lru_cache(maxsize=4096)
def _missing_characters(text: str) -> tuple[str, ...]:
    """The characters of ``text`` that no font has, in order (kept: live preflight asks
    again after every edit, and most texts did not change)."""
    lookup = chain_for("song").lookup  # every chain ends in the same fallback faces
    return tuple(sorted(ch for ch in set(text) if not ch.isspace() and ord(ch) not in lookup))


def _colours(issue: Issue) -> list[tuple[int | None, str, Colour]]:
    found = [(None, f"style {name}", style.colour) for name, style in issue.styles.items()]
    for page in issue.pages:
        for frame in page.frames:
            for attr in ("colour", "fill"):
                value = getattr(frame, attr, None)
                if isinstance(value, Colour):
                    found.append((page.number, f"frame {frame.id}", value))
    return found


def colour_findings(issue: Issue, settings: Settings) -> list[Finding]:
    """Colours whose total ink is over the limit."""
    return [Finding(ERROR, page, where, f"colour {colour.to_percent()} has {colour.total_ink:.0f} % ink, "
                                       f"over the {settings.total_ink:.0f} % limit")
            for page, where, colour in _colours(issue) if colour.total_ink > settings.total_ink + 1e-6]


def _crosses_trim(page: Page, frame, bleed: float) -> bool:
    r = frame.rect
    inside = r.x >= 0 and r.y >= 0 and r.right <= page.width and r.bottom <= page.height
    if inside:
        return False
    outside = r.right <= 0 or r.bottom <= 0 or r.x >= page.width or r.y >= page.height
    if outside:
        return False
    sides = [(r.x < 0, r.x <= -bleed), (r.y < 0, r.y <= -bleed),
             (r.right > page.width, r.right >= page.width + bleed),
             (r.bottom > page.height, r.bottom >= page.height + bleed)]
    return any(crosses and not reaches for crosses, reaches in sides)


def _empty(issue: Issue, frame) -> str | None:
    if isinstance(frame, TextFrame) and not any(frame.id in a.flow for a in issue.articles):
        return "text frame with no article flowing into it"
    if isinstance(frame, PhotoFrame) and not frame.image:
        return "photo frame with no photo"
    if isinstance(frame, CaptionFrame) and not frame.text.strip():
        return "caption frame with no text"
    if isinstance(frame, HeadlineFrame):
        article = issue.article(frame.article)
        if article is None or not (article.headline.title or article.headline.kicker):
            return "headline frame with no headline"
    if isinstance(frame, SeriesFrame) and not frame.pairs and not frame.singles:
        return "series block with no photos"
    return None


def _wraps(one: Frame, other: Frame) -> bool:
    """A text frame and a frame that pushes its text away."""
    return any(isinstance(a, TextFrame) and getattr(b, "wrap", 0.0) > 0 for a, b in ((one, other), (other, one)))


def overlap_findings(issue: Issue) -> list[Finding]:
    """Frames that cover each other (boxes and tints are meant to lie behind, and a photo
    that pushes text away may stand in a text frame: 图文互斥)."""
    findings = []
    for page in issue.pages:
        frames = [f for f in page.frames if not isinstance(f, BoxFrame)]
        for first, second in overlapping_pairs([f.rect for f in frames]):
            if not _wraps(frames[first], frames[second]):
                findings.append(Finding(ERROR, page.number, f"frame {frames[first].id}",
                                        f"overlaps frame {frames[second].id}"))
    return findings


def frame_findings(issue: Issue, settings: Settings) -> list[Finding]:
    """Frames that cross the trim without reaching the bleed, and empty frames."""
    findings = overlap_findings(issue)
    for page in issue.pages:
        for frame in page.frames:
            if _crosses_trim(page, frame, settings.bleed):
                bleed_mm = to_mm(settings.bleed)
                findings.append(Finding(ERROR, page.number, f"frame {frame.id}",
                                        f"crosses the trim but stops short of the {bleed_mm:.0f} mm bleed"))
            if isinstance(frame, (RuleFrame, BoxFrame)):
                continue
            empty = _empty(issue, frame)
            if empty:
                findings.append(Finding(WARNING, page.number, f"frame {frame.id}", empty))
    return findings


def font_findings(files: list[str]) -> list[Finding]:
    """Fonts that are missing, have no TrueType outlines, or may not be embedded."""
    findings = []
    for name in files:
        path = font_dir() / name
        if not path.is_file():
            findings.append(Finding(ERROR, None, f"font {name}", "the font file is missing"))
            continue
        font = TTFont(path, lazy=True)
        if "glyf" not in font:
            findings.append(Finding(ERROR, None, f"font {name}", "no TrueType outlines: it cannot be embedded"))
        if font["OS/2"].fsType & RESTRICTED_EMBEDDING:
            findings.append(Finding(ERROR, None, f"font {name}", "its licence forbids embedding (fsType)"))
    return findings


def fonts_used(laid: IssueLayout) -> list[str]:
    """The font files the layout draws with."""
    return sorted({item.font for page in laid.pages for item in page.items if isinstance(item, (GlyphRun, GlyphLines))})


def outside_findings(issue: Issue) -> list[Finding]:
    """Photos whose path leaves the document's folder (a package refuses them)."""
    return [Finding(WARNING, place.page, f"frame {place.frame}",
                    f"photo {place.image} lies outside the document's folder "
                    "(package refuses it without --allow-outside)")
            for place in outside_photos(issue)]


def signoff_findings(issue: Issue, laid: IssueLayout) -> list[Finding]:
    """A warning for each sign-off (签版) voided by a change to its page after signing."""
    return [Finding(WARNING, s["page"], "签版", f"the sign-off by {s['by']} ({s['role']}, {s['time']}) is void: "
                    "the page changed after it was signed; sign it again")
            for s in signoff_status(issue, laid) if not s["valid"]]


def preflight(issue: Issue, settings: Settings | None = None, laid: IssueLayout | None = None) -> list[Finding]:
    """Every finding for the issue, errors first."""
    settings = settings or Settings()
    laid = laid or LayoutEngine().layout(issue)
    frames_of = frames_by_photo(issue)
    press = [Finding(*found) for found in press_findings(issue, laid, settings.condition, settings.total_ink,
                                                          frames_of)]
    findings = (layout_findings(issue, laid, settings, frames_of) + character_findings(issue)
                + colour_findings(issue, settings) + press
                + frame_findings(issue, settings) + font_findings(fonts_used(laid)) + outside_findings(issue)
                + signoff_findings(issue, laid))
    return sorted(findings, key=lambda f: (f.severity != ERROR, f.page or 0))


def as_json(findings: list[Finding]) -> list[dict]:
    """Findings as plain dicts."""
    return [asdict(f) for f in findings]
