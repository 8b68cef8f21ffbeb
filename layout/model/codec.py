"""Turning the model into JSON-ready dicts and back (no I/O, no validation)."""

from __future__ import annotations

import dataclasses
from datetime import date
from typing import Any

from layout.model.colour import Colour
from layout.model.document import Article, HeadlineGroup, Issue, Page, Paragraph
from layout.model.frames import FRAME_KINDS, Frame, Photo, PhotoPair
from layout.model.geometry import Rect
from layout.model.grid import Grid, Margins
from layout.model.proofing import CorrectionThread, ProofRecord, Reply, SignOff
from layout.model.styles import TextStyle
from layout.model.templates import Template


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
        "space_before": style.space_before,
        "keep_lines": style.keep_lines,
        "hscale": style.hscale,
        "fit_tracking": style.fit_tracking,
    }


def style_from_json(data: dict[str, Any]) -> TextStyle:
    """A style from the file; absent keys take the defaults."""
    fields = {k: v for k, v in data.items() if k != "colour"}
    style = TextStyle(**fields)
    if "colour" in data:
        style.colour = Colour.from_percent(data["colour"])
    return style


def overrides_to_json(values: dict[str, Any]) -> dict[str, Any]:
    """A style's fields set otherwise (for an article, paragraph or frame), as written."""
    return {k: v.to_percent() if isinstance(v, Colour) else v for k, v in values.items()}


def overrides_from_json(data: dict[str, Any]) -> dict[str, Any]:
    """A style's fields set otherwise, from the file."""
    return {k: Colour.from_percent(v) if k == "colour" else v for k, v in data.items()}


def _to_json(value: Any) -> Any:
    """A frame field's value as written: colours as percentages, nested records as objects."""
    if isinstance(value, Colour):
        return value.to_percent()
    if dataclasses.is_dataclass(value):
        return {f.name: _to_json(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, (list, tuple)):
        return [_to_json(v) for v in value]
    return value


def photo_from_json(data: dict[str, Any]) -> Photo:
    """A photo and its crop."""
    values = dict(data)
    if "focus" in values:
        values["focus"] = tuple(values["focus"])
    return Photo(**values)


def pair_from_json(data: dict[str, Any]) -> PhotoPair:
    """A before-and-after pair."""
    values = dict(data)
    for side in ("before", "after"):
        if side in values:
            values[side] = photo_from_json(values[side])
    if "labels" in values:
        values["labels"] = tuple(values["labels"])
    return PhotoPair(**values)


_FIELD_DECODERS: dict[str, Any] = {
    "colour": lambda v: None if v is None else Colour.from_percent(v),
    "fill": lambda v: None if v is None else Colour.from_percent(v),
    "focus": tuple,
    "overrides": overrides_from_json,
    "pair": pair_from_json,
    "pairs": lambda v: [pair_from_json(p) for p in v],
    "singles": lambda v: [photo_from_json(p) for p in v],
}


def frame_to_json(frame: Frame) -> dict[str, Any]:
    """A frame with its kind, id, rectangle and kind-specific fields."""
    out: dict[str, Any] = {"id": frame.id, "kind": frame.kind, "rect": rect_to_json(frame.rect)}
    for field in dataclasses.fields(frame):
        if field.name == "overrides":
            if frame.overrides:
                out["overrides"] = overrides_to_json(frame.overrides)
        elif field.name not in ("id", "rect", "locked"):
            out[field.name] = _to_json(getattr(frame, field.name))
    if frame.locked:
        out["locked"] = True
    return out


def frame_from_json(data: dict[str, Any]) -> Frame:
    """A frame of the kind the file names."""
    cls = FRAME_KINDS[data["kind"]]
    values: dict[str, Any] = {"id": data["id"], "rect": Rect(*data["rect"])}
    for field in dataclasses.fields(cls):
        if field.name in values or field.name not in data:
            continue
        decode = _FIELD_DECODERS.get(field.name)
        values[field.name] = decode(data[field.name]) if decode else data[field.name]
    return cls(**values)


def paragraph_to_json(paragraph: Paragraph) -> str | dict[str, Any]:
    """A body paragraph is a plain string; other styles name themselves, overrides follow."""
    if paragraph.style == "body" and not paragraph.overrides:
        return paragraph.text
    out: dict[str, Any] = {"text": paragraph.text, "style": paragraph.style}
    if paragraph.overrides:
        out["overrides"] = overrides_to_json(paragraph.overrides)
    return out


def paragraph_from_json(data: str | dict[str, Any]) -> Paragraph:
    """A paragraph from a string or a {text, style, overrides} object."""
    if isinstance(data, str):
        return Paragraph(data)
    return Paragraph(data["text"], data.get("style", "body"), overrides_from_json(data.get("overrides", {})))


def article_to_json(article: Article) -> dict[str, Any]:
    """An article as written in the file."""
    return {
        "id": article.id,
        "headline": dataclasses.asdict(article.headline),
        "byline": article.byline,
        "paragraphs": [paragraph_to_json(p) for p in article.paragraphs],
        "flow": list(article.flow),
        "balance": article.balance,
        "tracking": article.tracking,
        **({"overrides": {name: overrides_to_json(v) for name, v in article.overrides.items()}}
           if article.overrides else {}),
    }


def article_from_json(data: dict[str, Any]) -> Article:
    """An article from the file."""
    return Article(
        id=data["id"],
        headline=HeadlineGroup(**data.get("headline", {})),
        byline=data.get("byline", ""),
        paragraphs=[paragraph_from_json(p) for p in data.get("paragraphs", [])],
        flow=list(data.get("flow", [])),
        balance=data.get("balance", False),
        tracking=data.get("tracking", 0.0),
        overrides={name: overrides_from_json(v) for name, v in data.get("overrides", {}).items()},
    )


def _sheet_to_json(sheet: Page | Template) -> dict[str, Any]:
    """Size, margins, grid and frames, as pages and templates share them."""
    return {
        "width": _num(sheet.width),
        "height": _num(sheet.height),
        "margins": {k: _num(v) for k, v in dataclasses.asdict(sheet.margins).items()},
        "grid": {k: _num(v) for k, v in dataclasses.asdict(sheet.grid).items()},
        "frames": [frame_to_json(f) for f in sheet.frames],
    }


def template_to_json(template: Template) -> dict[str, Any]:
    """A page template as written in the document."""
    return {"title": template.title, **_sheet_to_json(template)}


def template_from_json(name: str, data: dict[str, Any]) -> Template:
    """A page template from the document."""
    return Template(
        name=name,
        title=data.get("title", name),
        width=float(data["width"]),
        height=float(data["height"]),
        margins=Margins(**data["margins"]),
        grid=Grid(**data["grid"]),
        frames=[frame_from_json(f) for f in data.get("frames", [])],
    )


def page_to_json(page: Page) -> dict[str, Any]:
    """A page with its geometry, grid and frames."""
    return {
        "number": page.number,
        "section": page.section,
        "editors": page.editors,
        "template": page.template,
        **_sheet_to_json(page),
        **({"guides": [[axis, _num(at)] for axis, at in page.guides]} if page.guides else {}),
        **({"master": page.master} if page.master else {}),
        **({"detached": list(page.detached)} if page.detached else {}),
    }


def page_from_json(data: dict[str, Any]) -> Page:
    """A page from the file."""
    return Page(
        number=data["number"],
        section=data.get("section", ""),
        editors=data.get("editors", ""),
        template=data.get("template", ""),
        width=float(data["width"]),
        height=float(data["height"]),
        margins=Margins(**data["margins"]),
        grid=Grid(**data["grid"]),
        frames=[frame_from_json(f) for f in data.get("frames", [])],
        guides=[(axis, float(at)) for axis, at in data.get("guides", [])],
        master=data.get("master", ""),
        detached=list(data.get("detached", [])),
    )


HEAD_FIRST = ("paper", "date", "edition", "number", "serial", "line_breaking", "revision")


def issue_head_to_json(issue: Issue) -> dict[str, Any]:
    """The issue's own fields: everything but its styles, articles and pages (what a
    newsroom store keeps in the issue's row)."""
    return {
        "paper": issue.paper,
        "date": issue.date.isoformat(),
        "edition": issue.edition,
        **({"number": issue.number} if issue.number else {}),
        **({"serial": issue.serial} if issue.serial else {}),
        "line_breaking": issue.line_breaking,
        "revision": issue.revision,
        "templates": {name: template_to_json(t) for name, t in issue.templates.items()},
        **({"proofs": [dataclasses.asdict(p) for p in issue.proofs]} if issue.proofs else {}),
        **({"signoffs": [dataclasses.asdict(s) for s in issue.signoffs]} if issue.signoffs else {}),
        **({"corrections": [dataclasses.asdict(c) for c in issue.corrections]} if issue.corrections else {}),
    }


def issue_to_json(issue: Issue) -> dict[str, Any]:
    """The whole issue, without the format and version keys."""
    head = issue_head_to_json(issue)
    return {
        **{key: head[key] for key in HEAD_FIRST if key in head},
        "styles": {name: style_to_json(s) for name, s in issue.styles.items()},
        "articles": [article_to_json(a) for a in issue.articles],
        "pages": [page_to_json(p) for p in issue.pages],
        **{key: value for key, value in head.items() if key not in HEAD_FIRST},
    }


def issue_from_json(data: dict[str, Any]) -> Issue:
    """An issue from a dict that has passed the schema."""
    return Issue(
        paper=data["paper"],
        date=date.fromisoformat(data["date"]),
        edition=data.get("edition", ""),
        revision=data.get("revision", 0),
        styles={name: style_from_json(s) for name, s in data.get("styles", {}).items()},
        articles=[article_from_json(a) for a in data.get("articles", [])],
        pages=[page_from_json(p) for p in data.get("pages", [])],
        **issue_head_fields(data),
    )


def issue_head_fields(data: dict[str, Any]) -> dict[str, Any]:
    """The issue's own fields besides its name, date, edition and revision, from their JSON:
    期号 and 总期号, line breaking, templates and the editors' trail (as Issue's keyword arguments)."""
    return {
        "number": data.get("number", 0),
        "serial": data.get("serial", 0),
        "line_breaking": data.get("line_breaking", "basic"),
        "templates": {name: template_from_json(name, t) for name, t in data.get("templates", {}).items()},
        "proofs": [ProofRecord(**p) for p in data.get("proofs", [])],
        "signoffs": [SignOff(**s) for s in data.get("signoffs", [])],
        "corrections": [CorrectionThread(**{**c, "replies": [Reply(**r) for r in c.get("replies", [])]})
                        for c in data.get("corrections", [])],
    }
