"""Newsroom addresses: where an issue lives in PostgreSQL.

An address is a libpq URL with the issue's date, ``postgresql://db.example/news?issue=2023-02-15``
(``&edition=…`` for a second edition of the day), or a connection named in the config file,
``newsroom:desk?issue=2023-02-15``. The config file (``$LAYOUT_NEWSROOM_CONFIG``, else
``~/.config/layout/newsroom.toml``) holds ``[connections.desk] url = "postgresql://…"``.
Passwords never go on the command line or into the config file: libpq reads them from
``~/.pgpass`` (or ``PGPASSFILE``), the usual place for a database password.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from layout.model.errors import DocumentError

SCHEMES = ("postgresql://", "postgres://")
NAMED = "newsroom:"


class NewsroomError(DocumentError):
    """A newsroom problem the user can fix, said in one line."""

    def __init__(self, problem: str) -> None:
        super().__init__(None, problem)


@dataclass(frozen=True)
class Address:
    """A database (a libpq URL) and, optionally, one issue in it."""

    url: str
    issue: date | None = None
    edition: str | None = None
    shown: str = ""

    def __str__(self) -> str:
        return self.shown or self.url

    def with_issue(self, day: date, edition: str | None = None) -> Address:
        """The address of one issue in this database."""
        query = {"issue": day.isoformat(), **({"edition": edition} if edition else {})}
        base = self.shown or self.url
        parts = urlsplit(base)
        kept = [(k, v) for k, v in parse_qsl(parts.query) if k not in ("issue", "edition")]
        text = "&".join(filter(None, [urlencode(kept, safe="/"), *(f"{k}={v}" for k, v in query.items())]))
        shown = urlunsplit(parts._replace(query=text))
        return Address(self.url, day, edition, shown)


def is_address(text: str) -> bool:
    """True when a document argument names a newsroom issue rather than a file."""
    return text.startswith(SCHEMES) or text.startswith(NAMED)


def config_path() -> Path:
    """The file of named connections."""
    override = os.environ.get("LAYOUT_NEWSROOM_CONFIG")
    if override:
        return Path(override)
    base = Path(os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config")
    return base / "layout" / "newsroom.toml"


def _named(name: str) -> str:
    path = config_path()
    try:
        data = tomllib.loads(path.read_text("utf-8"))
    except FileNotFoundError:
        raise NewsroomError(f"no connection named {name!r}: {path} does not exist") from None
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise NewsroomError(f"{path}: cannot be read ({exc})") from None
    entry = data.get("connections", {}).get(name)
    if not isinstance(entry, dict) or not isinstance(entry.get("url"), str):
        raise NewsroomError(f"no connection named {name!r} in {path} (a [connections.{name}] table with url)")
    if not entry["url"].startswith(SCHEMES):
        raise NewsroomError(f"{path}: the url of {name!r} is not a postgresql:// URL")
    return entry["url"]


def _refuse_password(url: str) -> None:
    parts = urlsplit(url)
    keys = {k for k, _ in parse_qsl(parts.query)}
    if parts.password is not None or "password" in keys:
        raise NewsroomError("a password does not belong in an address (it would show in the process list and "
                            "the shell's history): put it in ~/.pgpass, which PostgreSQL reads")


def parse(text: str) -> Address:
    """An address from a command-line argument (NewsroomError when it is not one we can use)."""
    if text.startswith(NAMED):
        rest = text[len(NAMED):]
        name, _, query = rest.partition("?")
        url = _named(name.strip("/"))
    elif text.startswith(SCHEMES):
        url, query = text, ""
    else:
        raise NewsroomError(f"{text}: not a newsroom address (postgresql://host/db?issue=YYYY-MM-DD)")
    _refuse_password(url)
    parts = urlsplit(url)
    pairs = parse_qsl(parts.query) + parse_qsl(query)
    values = dict(pairs)
    kept = [(k, v) for k, v in pairs if k not in ("issue", "edition")]
    conninfo = urlunsplit(parts._replace(query=urlencode(kept, safe="/")))
    day = None
    if "issue" in values:
        try:
            day = date.fromisoformat(values["issue"])
        except ValueError:
            raise NewsroomError(f"{text}: issue={values['issue']} is not a date (YYYY-MM-DD)") from None
    return Address(conninfo, day, values.get("edition"), text)
