"""Articles from Word files (.docx) as reporters send them.

Paragraph styles say what a paragraph is: Title is the 主题, Subtitle the
副题, a heading before the Title the 引题, a heading after the body has
started (or a paragraph that is bold throughout) a 小标题. A file without a
Title is read like plain text, by the same rules as the newsroom's .txt files.
"""

from __future__ import annotations

from pathlib import Path

import docx
from docx.opc.exceptions import PackageNotFoundError

from layout.importer.cleanup import clean_line
from layout.importer.plaintext import SHORT_HEADLINE, ImportedText, is_headline_line, make_article, parse

HEADINGS = ("Heading", "标题")


def _kind(paragraph) -> str:
    """title, subtitle, heading, bold or body, from the paragraph's style and runs."""
    name = paragraph.style.name if paragraph.style is not None else ""
    if name == "Title":
        return "title"
    if name == "Subtitle":
        return "subtitle"
    if name.startswith(HEADINGS):
        return "heading"
    runs = [r for r in paragraph.runs if r.text.strip()]
    if runs and all(r.bold for r in runs):
        return "bold"
    return "body"


def read_docx(path: str | Path, quotes: str = "curly") -> ImportedText:
    """The article of a .docx file (ValueError when it is not a Word document)."""
    try:
        document = docx.Document(str(path))
    except (PackageNotFoundError, KeyError, ValueError) as exc:
        raise ValueError(f"{path}: not a Word (.docx) document ({exc.__class__.__name__})") from None
    paragraphs = [(clean_line(p.text, quotes), _kind(p)) for p in document.paragraphs if p.text.strip()]
    if not any(kind == "title" for _, kind in paragraphs):
        return parse("\n\n".join(text for text, _ in paragraphs), quotes=quotes)
    body: list[str] = []
    styles: list[str] = []
    kicker, subtitle, title = "", "", ""
    title_at = next(i for i, (_, kind) in enumerate(paragraphs) if kind == "title")
    for index, (text, kind) in enumerate(paragraphs):
        if index < title_at and (kind == "heading" or is_headline_line(text, SHORT_HEADLINE)):
            kicker = f"{kicker} {text}".strip()  # short lines above the 主题 are its 引题
        elif kind == "title" and not body:
            title = text
        elif kind == "subtitle" and not body:
            subtitle = text
        else:
            body.append(text)
            styles.append("subhead" if kind in ("heading", "bold") and body[:-1] else "body")
    head = [line for line in (kicker, title, subtitle) if line]
    article = make_article("a1", head, body, styles)
    article.headline.kicker, article.headline.title, article.headline.subtitle = kicker, title, subtitle
    return ImportedText(articles=[article])
