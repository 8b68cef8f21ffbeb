"""Articles from plain text in the form the newsroom sends (see ../shared/samples/).

An article is a group of short headline lines followed by a paragraph that
starts with a byline such as 本报讯(记者 赵紫楠), then its paragraphs. A short
headline line followed by paragraphs without a byline starts an article too
(a column such as 常态长效久久为功始终保持“创建状态”). Short lines after the last
paragraph are kept as labels (挂账督办, 整治前后); a line in brackets is a credit.

A headline line takes up to HEADLINE_MAX characters. A line that cannot be placed
as the form expects is never merged silently: a longer line right above a byline is
taken for a headline all the same, a byline with no headline above it starts an
article of its own, and a line longer than a label with no body under it is kept as
a label; each is reported in ``warnings`` with its line number.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from layout.importer.cleanup import (
    clean_line,
    drop_stray_spaces,
    ends_sentence,
    introduces,
    is_list_item,
    join_split_paragraphs,
)
from layout.model.document import Article, HeadlineGroup, Paragraph

HEADLINE_MAX = 64
SHORT_HEADLINE = 30  # a longer headline line is taken for one only with a byline under it
LABEL_MAX = 12  # a loose line longer than this is more likely a headline without its body
BYLINE = re.compile(r"^(本报讯|本报记者|本报[^（(]{0,8}电)\s*([（(][^）)]*[）)])?")
CREDIT = re.compile(r"^[（(].*[）)]$")


@dataclass
class ImportedText:
    """The articles found, the loose labels and credits after them, and what could not be
    placed as the form expects ("line 12: …")."""

    articles: list[Article] = field(default_factory=list)
    labels: list[str] = field(default_factory=list)
    credits: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def is_headline_line(line: str, limit: int = HEADLINE_MAX) -> bool:
    """A line of at most ``limit`` characters that does not end a sentence, is no numbered
    item of a list (一、 （一） 1. ①: a paragraph or subhead of its article) and does not
    introduce what follows with a colon (征文要求：)."""
    return (len(line) <= limit and not ends_sentence(line) and not CREDIT.match(line) and not is_list_item(line)
            and not introduces(line))


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


def _blocks(text: str, quotes: str) -> tuple[list[str], list[int]]:
    """The text's non-empty lines, cleaned, and their line numbers (from 1)."""
    found = [(number, clean_line(line, quotes)) for number, line in enumerate(text.splitlines(), 1) if line.strip()]
    return [line for _, line in found], [number for number, _ in found]


def _headline_run(lines: list[str], index: int, limit: int) -> int:
    """How many headline lines of at most ``limit`` characters (up to four) start at ``index``."""
    count = 0
    while index + count < len(lines) and is_headline_line(lines[index + count], limit) and count < 4:
        count += 1
    return count


def _starts_article(lines: list[str], index: int) -> int:
    """How many headline lines start an article at ``index`` (0 if none): short ones
    followed by a byline or by a line that is no short headline line, or ones up to
    HEADLINE_MAX characters followed by a byline (a long line without one is more
    likely a paragraph the source split)."""
    count = _headline_run(lines, index, SHORT_HEADLINE)
    if count and index + count < len(lines):
        follower = lines[index + count]
        if not CREDIT.match(follower) and (BYLINE.match(follower) or not is_headline_line(follower, SHORT_HEADLINE)):
            return count
    count = _headline_run(lines, index, HEADLINE_MAX)
    return count if count and index + count < len(lines) and BYLINE.match(lines[index + count]) else 0


def make_article(article_id: str, headline_lines: list[str], body: list[str],
                 styles: list[str] | None = None) -> Article:
    """An article from headline lines and body paragraphs (the first may start with a byline):
    stray spaces dropped, paragraphs split mid-sentence joined again."""
    byline, first = split_byline(body[0]) if body else ("", "")
    texts = [first, *body[1:]] if body else []
    kinds = styles or [_paragraph_style(text) for text in texts]
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


def _paragraph_style(text: str) -> str:
    """A short numbered item that ends with no mark (一、各区城市管理机构现状) is a subhead;
    anything else body text."""
    short = len(text) <= SHORT_HEADLINE and not ends_sentence(text) and text.rstrip()[-1:] not in "，,；;、：:"
    return "subhead" if short and is_list_item(text) else "body"


def parse(text: str, id_prefix: str = "a", quotes: str = "curly") -> ImportedText:
    """Articles, labels and credits from plain text (quotes: the house style, curly or corner)."""
    lines, numbers = _blocks(text, quotes)
    found = ImportedText()
    index = 0
    while index < len(lines):
        heads = _starts_article(lines, index)
        line = lines[index]
        if heads == 0 and _overlong_headline(lines, index):
            found.warnings.append(f"line {numbers[index]}: a headline of {len(line)} characters, more than "
                                  f"{HEADLINE_MAX}: {line[:20]}")
            heads = 1
        if heads == 0 and not BYLINE.match(line):
            _loose_line(found, line, numbers[index])
            index += 1
            continue
        if heads == 0:
            found.warnings.append(f"line {numbers[index]}: a byline with no headline above it starts an article "
                                  f"without a title: {line[:20]}")
        headline_lines = lines[index:index + heads]
        index += heads
        body: list[str] = []
        while index < len(lines) and not _ends_body(lines, index, body):
            body.append(lines[index])
            index += 1
        found.articles.append(make_article(f"{id_prefix}{len(found.articles) + 1}", headline_lines, body))
    return found


def _ends_body(lines: list[str], index: int, body: list[str]) -> bool:
    """Whether the line at ``index`` ends the body gathered so far: it starts an article,
    is a byline (not the body's first line), or is a headline line after a sentence."""
    line = lines[index]
    return bool(_starts_article(lines, index) or (body and BYLINE.match(line)) or _overlong_headline(lines, index)
                or (is_headline_line(line, SHORT_HEADLINE) and (not body or ends_sentence(body[-1]))))


def _overlong_headline(lines: list[str], index: int) -> bool:
    """A line too long for a headline that stands right above a byline and ends no sentence."""
    line = lines[index]
    return (len(line) > HEADLINE_MAX and index + 1 < len(lines) and bool(BYLINE.match(lines[index + 1]))
            and not ends_sentence(line) and not CREDIT.match(line))


def _loose_line(found: ImportedText, line: str, number: int) -> None:
    """A line outside any article: a credit, or a label (a warning when it is too long for one)."""
    if CREDIT.match(line):
        found.credits.append(line)
        return
    found.labels.append(line)
    if len(line) > LABEL_MAX:
        found.warnings.append(f"line {number}: no article body follows it, kept as a label: {line[:20]}")


def read(path: str | Path, quotes: str = "curly") -> ImportedText:
    """Parse a UTF-8 text file."""
    return parse(Path(path).read_text(encoding="utf-8"), quotes=quotes)
