"""Articles from plain text in the form the newsroom sends (see ../shared/samples/).

An article is a group of short headline lines followed by a paragraph that
starts with a byline such as 本报讯(记者 赵紫楠), then its paragraphs. A short
headline line followed by paragraphs without a byline starts an article too
(a column such as 常态长效久久为功始终保持“创建状态”). Short lines after the last
paragraph are kept as labels (挂账督办, 整治前后); a line in brackets is a credit.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from layout.importer.cleanup import clean_line, drop_stray_spaces, ends_sentence, join_split_paragraphs
from layout.model.document import Article, HeadlineGroup, Paragraph

HEADLINE_MAX = 30
BYLINE = re.compile(r"^(本报讯|本报记者|本报[^（(]{0,8}电)\s*([（(][^）)]*[）)])?")
CREDIT = re.compile(r"^[（(].*[）)]$")


@dataclass
class ImportedText:
    """The articles found, and the loose labels and credits after them."""

    articles: list[Article] = field(default_factory=list)
    labels: list[str] = field(default_factory=list)
    credits: list[str] = field(default_factory=list)


def is_headline_line(line: str) -> bool:
    """A short line that does not end a sentence."""
    return len(line) <= HEADLINE_MAX and not ends_sentence(line) and not CREDIT.match(line)


def classify_headline(lines: list[str]) -> HeadlineGroup:
    """引题/主题/副题 from 1–3 headline lines.

    Three lines are kicker, title, subtitle. Of two, the first is a kicker when
    it is a slogan of space-separated phrases and the second is not; otherwise
    the second is the subtitle.
    """
    if len(lines) >= 3:
        return HeadlineGroup(kicker=" ".join(lines[:-2]), title=lines[-2], subtitle=lines[-1])
    if len(lines) == 2:
        first, second = lines
        if first.count(" ") >= 2 and " " not in second:
            return HeadlineGroup(kicker=first, title=second)
        return HeadlineGroup(title=first, subtitle=second)
    return HeadlineGroup(title=lines[0] if lines else "")


def split_byline(paragraph: str) -> tuple[str, str]:
    """"本报讯（记者 赵紫楠）昨天…" → ("本报讯（记者 赵紫楠）", "昨天…")."""
    match = BYLINE.match(paragraph)
    if match is None:
        return "", paragraph
    return paragraph[: match.end()].strip(), paragraph[match.end():].strip()


def _blocks(text: str, quotes: str) -> list[str]:
    return [clean_line(line, quotes) for line in text.splitlines() if line.strip()]


def _starts_article(lines: list[str], index: int) -> int:
    """How many headline lines start an article at ``index`` (0 if none)."""
    count = 0
    while index + count < len(lines) and is_headline_line(lines[index + count]) and count < 4:
        count += 1
    if count == 0 or index + count >= len(lines):
        return 0
    follower = lines[index + count]
    if CREDIT.match(follower):
        return 0
    if BYLINE.match(follower) or not is_headline_line(follower):
        return count
    return 0


def make_article(article_id: str, headline_lines: list[str], body: list[str],
                 styles: list[str] | None = None) -> Article:
    """An article from headline lines and body paragraphs (the first may start with a byline):
    stray spaces dropped, paragraphs split mid-sentence joined again."""
    byline, first = split_byline(body[0]) if body else ("", "")
    texts = [first, *body[1:]] if body else []
    kinds = styles or ["body"] * len(texts)
    paragraphs: list[Paragraph] = []
    for text, kind in zip(texts, kinds):
        text = drop_stray_spaces(text)
        if paragraphs and kind == "body" and paragraphs[-1].style == "body":
            joined = join_split_paragraphs([paragraphs[-1].text, text])
            if len(joined) == 1:
                paragraphs[-1] = Paragraph(joined[0])
                continue
        if text:
            paragraphs.append(Paragraph(text, kind))
    return Article(id=article_id, headline=classify_headline(headline_lines), byline=byline,
                   paragraphs=paragraphs)


def parse(text: str, id_prefix: str = "a", quotes: str = "curly") -> ImportedText:
    """Articles, labels and credits from plain text (quotes: the house style, curly or corner)."""
    lines = _blocks(text, quotes)
    found = ImportedText()
    index = 0
    while index < len(lines):
        heads = _starts_article(lines, index)
        if heads == 0:
            line = lines[index]
            (found.credits if CREDIT.match(line) else found.labels).append(line)
            index += 1
            continue
        headline_lines = lines[index:index + heads]
        index += heads
        body: list[str] = []
        while index < len(lines) and not _starts_article(lines, index) and not (
            is_headline_line(lines[index]) and (not body or ends_sentence(body[-1]))
        ):
            body.append(lines[index])
            index += 1
        found.articles.append(make_article(f"{id_prefix}{len(found.articles) + 1}", headline_lines, body))
    return found


def read(path: str | Path, quotes: str = "curly") -> ImportedText:
    """Parse a UTF-8 text file."""
    return parse(Path(path).read_text(encoding="utf-8"), quotes=quotes)
