"""Turning the model into JSON-ready dicts and back (no I/O, no validation)."""

from __future__ import annotations

import dataclasses
from datetime import date
from typing import Any

from layout.model.colour import Colour
from layout.model.document import (
    FRAME_KINDS,
    Article,
    Frame,
    HeadlineGroup,
    Issue,
    Page,
    Paragraph,
)
from layout.model.geometry import Rect
from layout.model.grid import Grid, Margins
from layout.model.styles import TextStyle


def _num(value: float) -> float | int:
    """A number for the file: whole numbers without a decimal point, others exact."""
    value = float(value)
    return int(value) if value.is_integer() else value


def rect_to_json(rect: Rect) -> list[float | int]:
    """[x, y, w, h] in points."""
    return [_num(rect.x), _num(rect.y), _num(rect.w), _num(rect.h)]


def style_to_json(style: TextStyle) -> dict[str, Any]:
    """A style as written in the file."""
    return {
        "font": style.font,
        "size": style.size,
        "leading": style.leading,
        "tracking": style.tracking,
        "align": style.align,
        "indent": style.indent,
        "colour": style.colour.to_percent(),
        "fit_lines": style.fit_lines,
    }


def style_from_json(data: dict[str, Any]) -> TextStyle:
    """A style from the file; absent keys take the defaults."""
    fields = {k: v for k, v in data.items() if k != "colour"}
    style = TextStyle(**fields)
    if "colour" in data:
        style.colour = Colour.from_percent(data["colour"])
    return style


def frame_to_json(frame: Frame) -> dict[str, Any]:
    """A frame with its kind, id, rectangle and kind-specific fields."""
    out: dict[str, Any] = {"id": frame.id, "kind": frame.kind, "rect": rect_to_json(frame.rect)}
    for field in dataclasses.fields(frame):
        if field.name in ("id", "rect"):
            continue
        value = getattr(frame, field.name)
        out[field.name] = value.to_percent() if isinstance(value, Colour) else value
    return out


def frame_from_json(data: dict[str, Any]) -> Frame:
    """A frame of the kind the file names."""
    cls = FRAME_KINDS[data["kind"]]
    values: dict[str, Any] = {"id": data["id"], "rect": Rect(*data["rect"])}
    for field in dataclasses.fields(cls):
        if field.name in values or field.name not in data:
            continue
        value = data[field.name]
        values[field.name] = Colour.from_percent(value) if field.name == "colour" else value
    return cls(**values)


def paragraph_to_json(paragraph: Paragraph) -> str | dict[str, str]:
    """A body paragraph is a plain string; other styles name themselves."""
    if paragraph.style == "body":
        return paragraph.text
    return {"text": paragraph.text, "style": paragraph.style}


def paragraph_from_json(data: str | dict[str, str]) -> Paragraph:
    """A paragraph from a string or a {text, style} object."""
    if isinstance(data, str):
        return Paragraph(data)
    return Paragraph(data["text"], data.get("style", "body"))


def article_to_json(article: Article) -> dict[str, Any]:
    """An article as written in the file."""
    return {
        "id": article.id,
        "headline": dataclasses.asdict(article.headline),
        "byline": article.byline,
        "paragraphs": [paragraph_to_json(p) for p in article.paragraphs],
        "flow": list(article.flow),
    }


def article_from_json(data: dict[str, Any]) -> Article:
    """An article from the file."""
    return Article(
        id=data["id"],
        headline=HeadlineGroup(**data.get("headline", {})),
        byline=data.get("byline", ""),
        paragraphs=[paragraph_from_json(p) for p in data.get("paragraphs", [])],
        flow=list(data.get("flow", [])),
    )


def page_to_json(page: Page) -> dict[str, Any]:
    """A page with its geometry, grid and frames."""
    return {
        "number": page.number,
        "section": page.section,
        "editors": page.editors,
        "width": _num(page.width),
        "height": _num(page.height),
        "margins": {k: _num(v) for k, v in dataclasses.asdict(page.margins).items()},
        "grid": {k: _num(v) for k, v in dataclasses.asdict(page.grid).items()},
        "frames": [frame_to_json(f) for f in page.frames],
    }


def page_from_json(data: dict[str, Any]) -> Page:
    """A page from the file."""
    return Page(
        number=data["number"],
        section=data.get("section", ""),
        editors=data.get("editors", ""),
        width=float(data["width"]),
        height=float(data["height"]),
        margins=Margins(**data["margins"]),
        grid=Grid(**data["grid"]),
        frames=[frame_from_json(f) for f in data.get("frames", [])],
    )


def issue_to_json(issue: Issue) -> dict[str, Any]:
    """The whole issue, without the format and version keys."""
    return {
        "paper": issue.paper,
        "date": issue.date.isoformat(),
        "edition": issue.edition,
        "line_breaking": issue.line_breaking,
        "styles": {name: style_to_json(s) for name, s in issue.styles.items()},
        "articles": [article_to_json(a) for a in issue.articles],
        "pages": [page_to_json(p) for p in issue.pages],
    }


def issue_from_json(data: dict[str, Any]) -> Issue:
    """An issue from a dict that has passed the schema."""
    return Issue(
        paper=data["paper"],
        date=date.fromisoformat(data["date"]),
        edition=data.get("edition", ""),
        line_breaking=data.get("line_breaking", "basic"),
        styles={name: style_from_json(s) for name, s in data.get("styles", {}).items()},
        articles=[article_from_json(a) for a in data.get("articles", [])],
        pages=[page_from_json(p) for p in data.get("pages", [])],
    )
