"""A real PostgreSQL for the newsroom tests: one private server a session, one database a test."""

from __future__ import annotations

import copy
import itertools
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest

from layout.model.document import Issue, Page
from layout.model.frames import HeadlineFrame
from layout.store.fileformat import load, save
from layout.store.newsroom import schema
from layout.store.newsroom.address import parse
from layout.store.newsroom.privateserver import PrivateServer
from layout.store.newsroom.store import Newsroom

SAMPLE = Path(__file__).resolve().parents[1] / "assets" / "sample" / "tongzhou.layout.json"
_numbers = itertools.count(1)


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PrivateServer]:
    """A PostgreSQL server of its own in a temporary folder (started as the postgres user under root)."""
    server = PrivateServer()
    server.start()
    yield server
    server.close()


@pytest.fixture
def newsroom_url(pg_server: PrivateServer) -> str:
    """A fresh database with the newsroom tables, as a URL without an issue."""
    name = f"newsroom_{next(_numbers)}"
    with psycopg.connect(pg_server.url(), autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {name}")
    url = pg_server.url(name)
    with psycopg.connect(url, autocommit=True) as conn:
        schema.migrate(conn)
    return url


def _copy_page(issue: Issue, source: Issue, page: Page, number: int) -> None:
    new = copy.deepcopy(page)
    new.number = number
    renamed = {f.id: f"p{number}-{f.id}" for f in new.frames}
    for frame in new.frames:
        frame.id = renamed[frame.id]
        if isinstance(frame, HeadlineFrame):
            frame.article = f"p{number}-{frame.article}"
    for article in source.articles:
        if any(f in renamed for f in article.flow):
            again = copy.deepcopy(article)
            again.id = f"p{number}-{article.id}"
            again.flow = [renamed[f] for f in article.flow]
            issue.articles.append(again)
    issue.pages.append(new)


def issue_file(folder: Path, pages: int = 3) -> Path:
    """An issue of ``pages`` copies of the sample page (photos linked from the sample's) in ``folder``."""
    source = load(SAMPLE)
    issue = copy.deepcopy(source)
    issue.pages, issue.articles = [], []
    for number in range(1, pages + 1):
        _copy_page(issue, source, source.pages[0], number)
    (folder / "photos").symlink_to(SAMPLE.parent / "photos")
    path = folder / "desk.layout.json"
    save(issue, path)
    return path


@pytest.fixture
def desk(tmp_path: Path, newsroom_url: str, monkeypatch: pytest.MonkeyPatch) -> str:
    """The address of a three-page issue (pages 1-3) put into a fresh newsroom database."""
    monkeypatch.setenv("LAYOUT_USER", "zhao")
    document = issue_file(tmp_path, pages=3)
    with Newsroom(parse(newsroom_url)) as newsroom:
        newsroom.add(load(document))
    return parse(newsroom_url).with_issue(load(document).date).shown
