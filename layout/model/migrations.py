"""Upgrading documents written by older versions of the file format.

``MIGRATIONS[n]`` turns a version-n dict into a version-(n+1) dict. Each
format change adds one function here and a note in docs/file-format.md.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

CURRENT_VERSION = 2

Migration = Callable[[dict[str, Any]], dict[str, Any]]


def _add_trail(data: dict[str, Any]) -> dict[str, Any]:
    """1 → 2: the editors' trail (``proofs``, ``signoffs``, ``corrections``) appeared; a
    version-1 document has made no proofs and has no sign-offs or corrections yet."""
    return {**data, "proofs": [], "signoffs": [], "corrections": []}


MIGRATIONS: dict[int, Migration] = {1: _add_trail}


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
