"""The newsroom store against a real PostgreSQL (a private server the tests start)."""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import psycopg
import pytest

from layout.cli import main
from layout.model.document import Paragraph
from layout.model.frames import TextFrame
from layout.store.assets import photo_path
from layout.store.fileformat import load
from layout.store.newsroom.address import NewsroomError, parse
from layout.store.newsroom.store import ConflictError, HeldError, IssueSession, Listener, Newsroom
from tests.newsroom_helpers import issue_file

ROOT = Path(__file__).resolve().parents[1]


def _session(address: str, user: str, monkeypatch: pytest.MonkeyPatch) -> IssueSession:
    monkeypatch.setenv("LAYOUT_USER", user)
    return IssueSession(Newsroom(parse(address)))


def _move(page, dx: float) -> str:
    frame = next(f for f in page.frames if isinstance(f, TextFrame))
    frame.rect = dataclasses.replace(frame.rect, x=frame.rect.x + dx)
    return frame.id


def test_two_designers_on_two_pages_both_keep_their_changes(desk: str, monkeypatch: pytest.MonkeyPatch) -> None:
    first, second = _session(desk, "zhao", monkeypatch), _session(desk, "qian", monkeypatch)
    one, two = first.load(), second.load()
    moved_one = _move(one.pages[0], 10)
    moved_two = _move(two.pages[1], -10)
    first.save(one, ["move"])
    second.save(two, ["move"])
    again = _session(desk, "sun", monkeypatch).load()
    assert again.pages[0].frame(moved_one).rect == one.pages[0].frame(moved_one).rect
    assert again.pages[1].frame(moved_two).rect == two.pages[1].frame(moved_two).rect


def test_a_save_over_a_newer_row_is_refused_and_writes_nothing(desk: str, monkeypatch: pytest.MonkeyPatch) -> None:
    first, second = _session(desk, "zhao", monkeypatch), _session(desk, "qian", monkeypatch)
    one, two = first.load(), second.load()
    _move(one.pages[0], 10)
    first.save(one)
    first.newsroom.close()  # zhao goes home: page 1 is free, but qian's copy of it is old
    start = time.monotonic()
    while second.newsroom.holder(second.issue_id, "page", "0") is not None:  # the server ends zhao's session
        assert time.monotonic() - start < 2.0
        time.sleep(0.01)
    _move(two.pages[0], -30)
    _move(two.pages[2], 5)
    with pytest.raises(ConflictError, match="changed by zhao@"):
        second.save(two)
    third = _session(desk, "sun", monkeypatch).load()
    assert third.pages[0] == one.pages[0]
    assert third.pages[2] == load_pages(desk, monkeypatch)[2]


def load_pages(address: str, monkeypatch: pytest.MonkeyPatch) -> list:
    return _session(address, "li", monkeypatch).load().pages


def test_a_held_page_refuses_another_designer_naming_the_holder(desk: str, monkeypatch: pytest.MonkeyPatch) -> None:
    first, second = _session(desk, "zhao", monkeypatch), _session(desk, "qian", monkeypatch)
    first.load()
    first.hold_page(0)
    two = second.load()
    _move(two.pages[0], 10)
    with pytest.raises(HeldError, match=r"page 1 is held by zhao@\S+ since \d{4}-\d\d-\d\d \d\d:\d\d:\d\d"):
        second.save(two)


def test_a_designer_and_an_editor_on_one_story_keep_both_changes(desk: str, monkeypatch: pytest.MonkeyPatch) -> None:
    designer, editor = _session(desk, "zhao", monkeypatch), _session(desk, "qian", monkeypatch)
    laid, edited = designer.load(), editor.load()
    article = edited.articles[0]
    frame_id = article.flow[0]
    article.paragraphs.append(Paragraph("编辑补充的一段话。"))
    frame = laid.find_frame(frame_id)[1]
    frame.rect = dataclasses.replace(frame.rect, y=frame.rect.y + 20)
    assert designer.changes(laid).pages == [0] and not designer.changes(laid).articles
    assert editor.changes(edited).articles == [article.id] and not editor.changes(edited).pages
    editor.save(edited, ["edit story"])
    designer.save(laid, ["move"])
    both = _session(desk, "sun", monkeypatch).load()
    assert both.article(article.id).paragraphs[-1].text == "编辑补充的一段话。"
    assert both.find_frame(frame_id)[1].rect == frame.rect


def test_a_colleagues_save_is_heard_within_a_second(desk: str, monkeypatch: pytest.MonkeyPatch) -> None:
    first, second = _session(desk, "zhao", monkeypatch), _session(desk, "qian", monkeypatch)
    one, two = first.load(), second.load()
    listener = Listener(parse(desk), second.newsroom.conn.info.backend_pid)
    moved = _move(one.pages[2], 12)
    start = time.monotonic()
    first.save(one)
    notices: list[dict] = []
    while not any(n["kind"] == "page" for n in notices) and time.monotonic() - start < 1.0:
        notices += listener.poll(0.05)  # the notice that zhao took page 3 comes first
    assert time.monotonic() - start < 1.0
    assert second.take_changes(two, notices) == ["page 3"]
    assert two.pages[2].frame(moved).rect == one.pages[2].frame(moved).rect
    listener.close()


def test_rows_taken_from_colleagues_then_changed_in_place_are_saved(desk: str,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    first, second = _session(desk, "zhao", monkeypatch), _session(desk, "qian", monkeypatch)
    one, two = first.load(), second.load()
    listener = Listener(parse(desk), second.newsroom.conn.info.backend_pid)
    article = one.articles[0]
    article.paragraphs.append(Paragraph("赵补充的一段。"))
    _move(one.pages[0], 4)
    first.save(one, ["edit"])
    first.newsroom.let_go(first.issue_id, "page", "0")  # zhao goes on to other work
    first.newsroom.let_go(first.issue_id, "story", article.id)
    notices: list[dict] = []
    start = time.monotonic()
    while len([n for n in notices if n["kind"] in ("page", "story")]) < 2 and time.monotonic() - start < 2.0:
        notices += listener.poll(0.05)
    assert sorted(second.take_changes(two, notices)) == ["page 1", f"story {article.id}"]
    assert not second.changes(two)
    taken = two.article(article.id)
    taken.paragraphs.append(Paragraph("钱又补充的一段。"))  # in place, in the lists just taken
    moved = _move(two.pages[0], 6)
    assert second.changes(two).pages == [0] and second.changes(two).articles == [article.id]
    second.save(two, ["edit"])
    third = _session(desk, "sun", monkeypatch).load()
    assert [p.text for p in third.article(article.id).paragraphs[-2:]] == ["赵补充的一段。", "钱又补充的一段。"]
    assert third.pages[0].frame(moved).rect == two.pages[0].frame(moved).rect
    listener.close()


def test_a_notice_of_a_revision_already_taken_is_not_read_again(desk: str, monkeypatch: pytest.MonkeyPatch) -> None:
    first, second = _session(desk, "zhao", monkeypatch), _session(desk, "qian", monkeypatch)
    one, two = first.load(), second.load()
    _move(one.pages[1], 8)
    first.save(one)
    notice = {"issue": second.issue_id, "kind": "page", "target": "1", "revision": first.pages[1].revision}
    assert second.take_changes(two, [notice]) == ["page 2"]
    second.newsroom.conn.close()  # a second read would fail now
    assert second.take_changes(two, [notice]) == []
    assert two.pages[1] == one.pages[1]


_HOLDER = """
import sys, time
from layout.store.newsroom.address import parse
from layout.store.newsroom.store import IssueSession, Newsroom
session = IssueSession(Newsroom(parse(sys.argv[1])))
session.load()
session.hold_page(0)
print("held", flush=True)
time.sleep(60)
"""


def test_a_killed_program_frees_its_page_at_once(desk: str, monkeypatch: pytest.MonkeyPatch) -> None:
    holder = subprocess.Popen([sys.executable, "-c", _HOLDER, desk], stdout=subprocess.PIPE, text=True,
                              env={**os.environ, "LAYOUT_USER": "wu"}, cwd=ROOT)
    try:
        assert holder.stdout.readline().strip() == "held"
        session = _session(desk, "qian", monkeypatch)
        session.load()
        with pytest.raises(HeldError, match="wu@"):
            session.hold_page(0)
        os.kill(holder.pid, signal.SIGKILL)
        holder.wait()
        start = time.monotonic()
        while True:
            try:
                session.hold_page(0)
                break
            except HeldError:
                assert time.monotonic() - start < 1.0, "the killed program's page was not freed within 1 s"
                time.sleep(0.02)
        assert session.newsroom.holder(session.issue_id, "page", "0").user == "qian"
    finally:
        holder.kill()
        holder.wait()


def test_a_command_refused_by_a_holder_exits_non_zero_with_one_line(desk: str, tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch,
                                                                   capsys: pytest.CaptureFixture) -> None:
    first = _session(desk, "zhao", monkeypatch)
    first.load()
    first.hold_page(0)
    photo = sorted((ROOT / "assets" / "sample" / "photos").glob("*.jpg"))[:2]
    monkeypatch.setenv("LAYOUT_USER", "qian")
    code = main(["add-photo-pair", desk, str(photo[0]), str(photo[1]), "--page", "1", "--columns", "1-2",
                 "--top", "400", "--force", "--caption", "整治"])
    err = capsys.readouterr().err.strip().splitlines()
    assert code == 2
    assert len(err) == 1 and "page 1 is held by zhao@" in err[0]
    code = main(["add-photo-pair", desk, str(photo[0]), str(photo[1]), "--page", "2", "--columns", "1-2",
                 "--top", "400", "--force", "--caption", "整治"])
    assert code == 0, capsys.readouterr().err
    stored = _session(desk, "li", monkeypatch).load()
    assert len(stored.pages[1].frames) > len(stored.pages[0].frames)
    assert main(["newsroom", "history", desk]) == 0
    assert "qian@" in capsys.readouterr().out.splitlines()[-1]


def test_history_is_append_only_and_names_who_did_what(desk: str, monkeypatch: pytest.MonkeyPatch) -> None:
    session = _session(desk, "zhao", monkeypatch)
    issue = session.load()
    _move(issue.pages[1], 3)
    session.save(issue, ["move frames"])
    latest = session.newsroom.history(session.issue_id)[0]
    assert (latest["user"], latest["kind"], latest["target"], latest["operations"]) == \
        ("zhao", "page", "2", ["move frames"])
    with pytest.raises(psycopg.Error, match="append-only"):
        session.conn.execute("DELETE FROM history")
    with pytest.raises(psycopg.Error, match="append-only"):
        session.conn.execute("UPDATE history SET user_name = 'nobody'")


def test_photos_are_stored_once_by_sha256_and_come_back_whole(desk: str, tmp_path: Path,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    session = _session(desk, "zhao", monkeypatch)
    rows = session.conn.execute("SELECT sha256, data FROM photos").fetchall()
    originals = {p.read_bytes() for p in (ROOT / "assets" / "sample" / "photos").iterdir() if p.is_file()}
    assert rows and all(hashlib.sha256(bytes(data)).hexdigest() == sha for sha, data in rows)
    assert {bytes(d) for _, d in rows} <= originals
    assert len(rows) == len({sha for sha, _ in rows})  # three pages use the same photos: stored once
    out = tmp_path / "copy" / "issue.layout.json"
    out.parent.mkdir()
    assert main(["newsroom", "get", desk, "-o", str(out)]) == 0
    copy = load(out)
    for page in copy.pages:
        for frame in page.frames:
            for image in [getattr(frame, "image", None)]:
                if image:
                    assert photo_path(copy, image).read_bytes() in originals, image


def test_add_prints_the_address_last_and_list_shows_states_and_holders(tmp_path: Path, newsroom_url: str,
                                                                      capsys: pytest.CaptureFixture,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    document = issue_file(tmp_path, pages=2)
    assert main(["newsroom", "add", str(document), newsroom_url]) == 0
    address = capsys.readouterr().out.strip().splitlines()[-1]
    assert address.startswith("postgresql://") and "issue=2023-02-15" in address
    assert main(["newsroom", "state", address, "--page", "2", "待校"]) == 0
    session = _session(address, "zhao", monkeypatch)
    session.load()
    session.hold_page(0)
    capsys.readouterr()
    assert main(["newsroom", "list", address, "--json"]) == 0
    listing = json.loads(capsys.readouterr().out)
    assert [p["state_zh"] for p in listing["pages"]] == ["排版中", "待校"]
    assert listing["pages"][0]["held_by"].startswith("zhao@")
    assert listing["pages"][1]["held_by"] is None
    assert main(["newsroom", "add", str(document), newsroom_url]) == 2  # the issue is there already


def test_a_password_in_an_address_is_refused() -> None:
    with pytest.raises(NewsroomError, match="pgpass"):
        parse("postgresql://zhao:secret@db/news?issue=2023-02-15")
    with pytest.raises(NewsroomError, match="pgpass"):
        parse("postgresql://db/news?password=secret&issue=2023-02-15")


def test_a_named_connection_comes_from_the_config_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    config = tmp_path / "newsroom.toml"
    config.write_text('[connections.desk]\nurl = "postgresql://db.example/news?sslmode=require"\n', "utf-8")
    monkeypatch.setenv("LAYOUT_NEWSROOM_CONFIG", str(config))
    address = parse("newsroom:desk?issue=2023-02-15")
    assert address.url == "postgresql://db.example/news?sslmode=require"
    assert address.issue.isoformat() == "2023-02-15"
    with pytest.raises(NewsroomError, match="no connection named 'night'"):
        parse("newsroom:night?issue=2023-02-15")


def test_two_designers_placing_one_story_the_second_is_refused_naming_the_first(desk: str,
                                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    first, second = _session(desk, "zhao", monkeypatch), _session(desk, "qian", monkeypatch)
    one, two = first.load(), second.load()
    story = one.articles[0].id
    for issue, position in ((one, 1), (two, 2)):  # each links the story into a text frame of another page
        spare = next(f for f in issue.pages[position].frames if isinstance(f, TextFrame))
        issue.article(story).flow.append(spare.id)
        owner = next(a for a in issue.articles if spare.id in a.flow and a.id != story)
        owner.flow.remove(spare.id)
    first.save(one, ["link frame"])
    with pytest.raises(HeldError, match=f"story {story} is held by zhao@"):
        second.save(two, ["link frame"])
    assert _session(desk, "li", monkeypatch).load().article(story).flow == one.article(story).flow


def test_a_change_to_the_issues_styles_reaches_an_open_copy(desk: str, monkeypatch: pytest.MonkeyPatch) -> None:
    first, second = _session(desk, "zhao", monkeypatch), _session(desk, "qian", monkeypatch)
    one, two = first.load(), second.load()
    listener = Listener(parse(desk), second.newsroom.conn.info.backend_pid)
    one.styles["body"] = dataclasses.replace(one.styles["body"], size="五号")
    changes = first.save(one, ["body size"])
    assert changes.settings and not changes.pages and not changes.articles
    notices: list[dict] = []
    start = time.monotonic()
    while not any(n["kind"] == "issue" for n in notices) and time.monotonic() - start < 1.0:
        notices += listener.poll(0.05)
    assert second.take_changes(two, notices) == ["styles"]
    assert two.styles["body"].size == "五号"
    listener.close()


def test_the_storage_layer_gives_the_newsroom_for_an_address(desk: str, monkeypatch: pytest.MonkeyPatch) -> None:
    from layout.store import FileStore, Part, RevisionConflict, store_for
    from layout.store.newsroom.newsroomstore import NewsroomStore

    assert isinstance(store_for("issue.layout.json"), FileStore)
    store = store_for(desk)
    assert isinstance(store, NewsroomStore) and "page" in store.lock_kinds
    monkeypatch.setenv("LAYOUT_USER", "zhao")
    issue, held = store.open(desk, "move frames", (Part.page(2),))
    assert store.holder(desk, Part.page(2)).user == "zhao"
    assert store.holder(desk, Part.page(1)) is None
    monkeypatch.setenv("LAYOUT_USER", "qian")
    with pytest.raises(HeldError, match="page 2 is held by zhao@"):
        store_for(desk).lock(desk, "edit", (Part.page(2),))
    stale = store_for(desk)
    old = stale.read(desk)
    _move(issue.pages[1], 8)
    store.save(issue, desk)
    store.unlock(held)
    start = time.monotonic()
    while store.holder(desk, Part.page(2)) is not None:  # the server ends that session a moment later
        assert time.monotonic() - start < 2.0
        time.sleep(0.01)
    _move(old.pages[1], -8)
    with pytest.raises(RevisionConflict):
        stale.save(old, desk)


def test_the_editors_trail_is_kept_in_the_newsroom(desk: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Proofs and sign-offs (issue 23) live in the issue's row: a save keeps them, a colleague
    reads them, and a change to them alone is a change of the issue's settings."""
    from layout.model.proofing import SignOff

    first = _session(desk, "zhao", monkeypatch)
    one = first.load()
    one.signoffs.append(SignOff(page=1, by="总编辑 王", role="总编辑", time="2023-02-15T22:00:00",
                                sha256="ab" * 32, revision=3, content="cd" * 32))
    changes = first.save(one, ["sign off"])
    assert changes.settings and not changes.pages and not changes.articles
    again = _session(desk, "qian", monkeypatch).load()
    assert again.signoffs == one.signoffs
    second = _session(desk, "sun", monkeypatch)
    two = second.load()
    listener = Listener(parse(desk), second.newsroom.conn.info.backend_pid)
    one.signoffs.clear()
    first.save(one, ["sign-off voided"])
    notices: list[dict] = []
    start = time.monotonic()
    while not any(n["kind"] == "issue" for n in notices) and time.monotonic() - start < 1.0:
        notices += listener.poll(0.05)
    second.take_changes(two, notices)
    assert two.signoffs == []
    listener.close()
