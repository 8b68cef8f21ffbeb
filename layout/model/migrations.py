"""Upgrading documents written by older versions of the file format.

``MIGRATIONS[n]`` turns a version-n dict into a version-(n+1) dict. Version 1
is the first published format; each later format change adds one function here
and a note in docs/file-format.md.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

CURRENT_VERSION = 4

Migration = Callable[[dict[str, Any]], dict[str, Any]]


def _add_trail(data: dict[str, Any]) -> dict[str, Any]:
    """2 → 3: the editors' trail (``proofs``, ``signoffs``, ``corrections``) appeared; a
    version-2 document has made no proofs and has no sign-offs or corrections yet."""
    return {**data, "proofs": [], "signoffs": [], "corrections": []}


def _typography(data: dict[str, Any]) -> dict[str, Any]:
    """1 → 2, the headline desk's tools: styles gain a horizontal scale (100 %: as
    before) and a copy-fit tracking range (none); articles gain balanced columns (off:
    columns fill in turn, as before) and a copy-fit tracking (none). Frames gain keys
    whose absence means what version 1 did (no wrap, no fill, horizontal)."""
    styles, articles = data.get("styles"), data.get("articles")
    for style in styles.values() if isinstance(styles, dict) else ():
        if isinstance(style, dict):  # a file of another shape is for the schema to refuse
            style.setdefault("hscale", 100.0)
            style.setdefault("fit_tracking", 0.0)
    for article in articles if isinstance(articles, list) else ():
        if isinstance(article, dict):
            article.setdefault("balance", False)
            article.setdefault("tracking", 0.0)
    return data


def _sheets(data: dict[str, Any]) -> dict[str, Any]:
    """3 → 4, style sheets, masters and issue settings: articles, paragraphs and text frames
    may override their styles' fields, pages may follow a master and carry ruler guides, the
    issue may have a 期号 and 总期号. Every new key is optional and its absence means what
    version 3 did (no overrides, no master, no guides, no numbers): nothing to rewrite."""
    return data


MIGRATIONS: dict[int, Migration] = {1: _typography, 2: _add_trail, 3: _sheets}


class MigrationError(ValueError):
    """A version this program cannot read."""


def migrate(data: dict[str, Any], migrations: dict[int, Migration] | None = None) -> dict[str, Any]:
    """Bring a document dict up to the current version, one step at a time."""
    steps = MIGRATIONS if migrations is None else migrations
    version = data.get("version")
    if not isinstance(version, int) or version < 1:
        raise MigrationError(f"the format version {version!r} is not a positive whole number")
    if version > CURRENT_VERSION:
        raise MigrationError(
            f"written by a newer program (format version {version}; this program reads up to "
            f"{CURRENT_VERSION}): update layout to open it"
        )
    while version < CURRENT_VERSION:
        if version not in steps:
            raise MigrationError(f"no upgrade from format version {version}")
        data = steps[version](data)
        version += 1
        data["version"] = version
    return data
