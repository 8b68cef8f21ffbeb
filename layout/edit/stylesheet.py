"""The issue's style sheet (样式表): named styles created, duplicated, renamed, deleted and
applied, and a style's fields set otherwise for one article, paragraph or text frame.

Like every edit here, each function plans a change against the issue as it is and returns
it; nothing changes until the change is applied. A change of a style itself
(``operations.set_style``) reaches every place that uses it; an override reaches one.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from typing import Any

from layout.edit.change import Batch, Change, EditError, SetFields
from layout.edit.operations import check_style_values
from layout.model.document import Article, Issue
from layout.model.frames import CaptionFrame
from layout.model.styles import STYLE_FIELDS, TextStyle

HEADLINE_PARTS = ("kicker", "title", "subtitle")
BYLINE_STYLES = ("byline", "byline-lead")


@dataclass(frozen=True)
class StyleUse:
    """Where a style is used: the articles (by id) and the text frames (by id)."""

    articles: tuple[str, ...]
    frames: tuple[str, ...]

    @property
    def count(self) -> int:
        """How many places (articles and text frames) use the style."""
        return len(self.articles) + len(self.frames)


def _uses(article: Article, name: str) -> bool:
    if name in HEADLINE_PARTS:
        return bool(getattr(article.headline, name))
    if name in BYLINE_STYLES:
        return bool(article.byline)
    return any(p.style == name for p in article.paragraphs)


def users(issue: Issue, name: str) -> StyleUse:
    """The articles and text frames that use a named style."""
    articles = tuple(a.id for a in issue.articles if _uses(a, name))
    frames = tuple(f.id for page in issue.pages for f in page.frames
                   if isinstance(f, CaptionFrame) and f.style == name)
    return StyleUse(articles, frames)


def _check_fields(values: dict[str, Any], name: str = "") -> None:
    unknown = sorted(set(values) - set(STYLE_FIELDS))
    if unknown:
        raise EditError(f"a style has no field {', '.join(unknown)}")
    check_style_values(name, values)


def _styles_with(issue: Issue, styles: dict[str, TextStyle], label: str) -> SetFields:
    return SetFields(("issue",), {"styles": styles}, label)


def new_style(issue: Issue, name: str, like: str = "body", **values: Any) -> SetFields:
    """A new named style, a copy of ``like`` with ``values`` set."""
    name = name.strip()
    if not name:
        raise EditError("a style needs a name")
    if name in issue.styles:
        raise EditError(f"the issue already has a style {name!r}")
    _check_fields(values)
    style = copy.deepcopy(issue.style(like))
    for key, value in values.items():
        setattr(style, key, value)
    return _styles_with(issue, {**issue.styles, name: style}, "new style")


def duplicate_style(issue: Issue, name: str) -> SetFields:
    """A copy of a style under a free name ("title 副本", "title 副本 2", …)."""
    if name not in issue.styles:
        raise EditError(f"no style {name!r} in the issue")
    copy_name, n = f"{name} 副本", 2
    while copy_name in issue.styles:
        copy_name, n = f"{name} 副本 {n}", n + 1
    return new_style(issue, copy_name, like=name)


def rename_style(issue: Issue, old: str, new: str) -> Batch:
    """Rename a style and every reference to it (paragraphs, text frames, overrides)."""
    new = new.strip()
    if old not in issue.styles:
        raise EditError(f"no style {old!r} in the issue")
    if old in HEADLINE_PARTS + BYLINE_STYLES or old in ("body", "caption", "credit", "label", "folio", "masthead",
                                                       "jump"):
        raise EditError(f"the style {old!r} is one the engine sets by name; duplicate it instead")
    if not new or new in issue.styles:
        raise EditError(f"the name {new!r} is empty or taken")
    styles = {new if k == old else k: v for k, v in issue.styles.items()}
    changes: list[Change] = [_styles_with(issue, styles, "rename style")]
    for article in issue.articles:
        values: dict[str, Any] = {}
        if any(p.style == old for p in article.paragraphs):
            paragraphs = copy.deepcopy(article.paragraphs)
            for p in paragraphs:
                p.style = new if p.style == old else p.style
            values["paragraphs"] = paragraphs
        if old in article.overrides:
            values["overrides"] = {new if k == old else k: v for k, v in article.overrides.items()}
        if values:
            changes.append(SetFields(("article", article.id), values, "rename style"))
    changes += [SetFields(("frame", f), {"style": new}, "rename style") for f in users(issue, old).frames]
    return Batch(changes, "rename style")


def delete_style(issue: Issue, name: str) -> SetFields:
    """Delete a style no one uses."""
    if name not in issue.styles:
        raise EditError(f"no style {name!r} in the issue")
    use = users(issue, name)
    if use.count or name in HEADLINE_PARTS + BYLINE_STYLES + ("body",):
        raise EditError(f"the style {name!r} is in use ({use.count} places)")
    return _styles_with(issue, {k: v for k, v in issue.styles.items() if k != name}, "delete style")


def import_styles(issue: Issue, other: Issue) -> SetFields:
    """Take another issue's style sheet: its styles replace ours of the same name, ours stay."""
    return _styles_with(issue, {**issue.styles, **copy.deepcopy(other.styles)}, "import styles")


def override_in_article(issue: Issue, article_id: str, style: str, **values: Any) -> SetFields:
    """Set some fields of a style for one article alone (None for a field: as the style says)."""
    article = issue.article(article_id)
    if article is None:
        raise EditError(f"no article {article_id!r} in the issue")
    _check_fields(values, style)
    overrides = copy.deepcopy(article.overrides)
    layer = {**overrides.get(style, {}), **values}
    layer = {k: v for k, v in layer.items() if v is not None}
    if layer:
        overrides[style] = layer
    else:
        overrides.pop(style, None)
    return SetFields(("article", article_id), {"overrides": overrides}, "style in this article")


def override_in_paragraph(issue: Issue, article_id: str, index: int, **values: Any) -> SetFields:
    """Set some fields of a paragraph's style for that paragraph alone (None: as the style says)."""
    article = issue.article(article_id)
    if article is None or not 0 <= index < len(article.paragraphs):
        raise EditError(f"no paragraph {index + 1} in article {article_id!r}")
    _check_fields(values)
    layer = {k: v for k, v in {**article.paragraphs[index].overrides, **values}.items() if v is not None}
    return SetFields(("article", article_id), {"paragraphs": _paragraphs_with(article, index, overrides=layer)},
                     "style in this paragraph")


def _paragraphs_with(article: Article, index: int, **values: Any) -> list:
    """The article's paragraphs (copies), one of them with some fields set."""
    paragraphs = copy.deepcopy(article.paragraphs)
    for key, value in values.items():
        setattr(paragraphs[index], key, value)
    return paragraphs


def override_in_frame(issue: Issue, frame_id: str, **values: Any) -> SetFields:
    """Set some fields of a text frame's style for that frame alone (None: as the style says)."""
    found = issue.find_frame(frame_id)
    if found is None or not isinstance(found[1], CaptionFrame):
        raise EditError(f"no text frame {frame_id!r} in the issue")
    _check_fields(values)
    layer = {k: v for k, v in {**found[1].overrides, **values}.items() if v is not None}
    return SetFields(("frame", frame_id), {"overrides": layer}, "style in this frame")


def apply_style(issue: Issue, name: str, frame_id: str | None = None,
                paragraph: tuple[str, int] | None = None) -> SetFields:
    """Give a text frame, or one paragraph of an article, a named style."""
    if name not in issue.styles:
        raise EditError(f"no style {name!r} in the issue")
    if frame_id is not None:
        found = issue.find_frame(frame_id)
        if found is None or not isinstance(found[1], CaptionFrame):
            raise EditError(f"no text frame {frame_id!r} in the issue")
        return SetFields(("frame", frame_id), {"style": name}, "apply style")
    if paragraph is None:
        raise EditError("apply a style to a text frame or a paragraph")
    article_id, index = paragraph
    article = issue.article(article_id)
    if article is None or not 0 <= index < len(article.paragraphs):
        raise EditError(f"no paragraph {index + 1} in article {article_id!r}")
    return SetFields(("article", article_id), {"paragraphs": _paragraphs_with(article, index, style=name)},
                     "apply style")
