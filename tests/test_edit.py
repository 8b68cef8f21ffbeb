"""Edit operations without Qt: each applies, undoes to the document as it was, and redoes."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from layout.edit import operations as ops
from layout.edit.change import Batch, EditError, SetFields
from layout.importer.place import plan_article_at
from layout.importer.plaintext import read
from layout.model.frames import PhotoPairFrame
from layout.model.geometry import Rect
from layout.store.fileformat import dumps, load
from tests.conftest import SAMPLE, SAMPLE_TEXT

PHOTOS = SAMPLE.parent / "photos"


@pytest.fixture(scope="module")
def story():
    return read(SAMPLE_TEXT).articles[0]


def round_trip(issue, change) -> str:
    """Apply, undo, redo; the document must be as before after undo and as after after redo."""
    before = dumps(issue)
    inverse = change.apply(issue)
    after = dumps(issue)
    assert after != before, f"{change.label} changed nothing"
    redo = inverse.apply(issue)
    assert dumps(issue) == before
    redo.apply(issue)
    assert dumps(issue) == after
    return after


def sample():
    return load(SAMPLE)


def test_move_resize_delete_restack_lock():
    issue = sample()
    round_trip(issue, ops.move_frames(issue, ["a1-head", "a1-body"], 30.0, -9.0))
    round_trip(issue, ops.resize_frame(issue, "a1-body", Rect(53.256, 198.354, 300.0, 40.0)))
    round_trip(issue, ops.delete_frames(issue, ["a2-body"]))
    round_trip(issue, ops.restack(issue, ["a1-head"], 1))
    round_trip(issue, ops.restack(issue, ["city-series", "road-photo"], -100))
    round_trip(issue, ops.set_locked(issue, ["a1-body"], True))


def test_deleting_an_articles_frames_deletes_the_article_and_undo_brings_it_back():
    issue = sample()
    change = ops.delete_frames(issue, ops.article_frames(issue, "a3"))
    inverse = change.apply(issue)
    assert issue.article("a3") is None
    inverse.apply(issue)
    assert issue.article("a3").flow == ["a3-body"]


def test_locked_frames_do_not_move_or_go():
    issue = sample()
    ops.set_locked(issue, ["a1-body"], True).apply(issue)
    ops.move_frames(issue, ["a1-body"], 50, 50).apply(issue)
    ops.delete_frames(issue, ["a1-body"]).apply(issue)
    assert ops.frame(issue, "a1-body").rect == load(SAMPLE).find_frame("a1-body")[1].rect


def test_restack_moves_one_place_and_to_the_back():
    issue = sample()
    ids = [f.id for f in issue.pages[0].frames]
    ops.restack(issue, ["a1-head"], 1).apply(issue)
    after = [f.id for f in issue.pages[0].frames]
    assert after.index("a1-head") == ids.index("a1-head") + 1
    ops.restack(issue, ["city-series"], -100).apply(issue)
    assert issue.pages[0].frames[0].id == "city-series"


def test_headline_style_photo_and_pair_fields(story):
    issue = sample()
    round_trip(issue, ops.set_headline(issue, "a1", title="新的主题", kicker="引题"))
    round_trip(issue, ops.set_style(issue, "title", size="小初"))
    round_trip(issue, ops.set_frame_fields(issue, "road-photo", focus=(0.2, 0.7), zoom=1.5, fit="fit"))
    pair_issue = sample()
    page = pair_issue.pages[0]
    round_trip(pair_issue, ops.placed(plan_article_at(pair_issue, story, page, 1, 4, 10, allow_overlap=True),
                                      pair_issue, "place"))


def test_place_photo_pair_swap_rule_box(tmp_path):
    issue = sample()
    issue.source = SAMPLE
    rect = Rect(60, 700, 200, 150)
    round_trip(issue, ops.place_photo(issue, 0, PHOTOS / "road.jpg", rect))
    round_trip(issue, ops.add_rule(issue, 0, Rect(60, 690, 200, 0), 1.0))
    round_trip(issue, ops.add_box(issue, 0, rect, stroke=None))
    pair = PhotoPairFrame("pair", rect)
    ops.add_frame(issue, 0, pair).apply(issue)
    round_trip(issue, ops.fill_photo(issue, "pair", PHOTOS / "pair1-before.jpg"))
    round_trip(issue, ops.fill_photo(issue, "pair", PHOTOS / "pair1-after.jpg", side="after"))
    round_trip(issue, ops.swap_pair(issue, "pair"))
    assert ops.frame(issue, "pair").pair.before.image == "photos/pair1-after.jpg"


def test_page_operations():
    issue = sample()
    round_trip(issue, ops.add_page(issue, "broadsheet"))
    assert [p.number for p in issue.pages] == [2, 3]
    round_trip(issue, ops.duplicate_page(issue, 0))
    assert [p.number for p in issue.pages] == [2, 3, 4]
    copies = [a for a in issue.articles if a.id.endswith("-copy")]
    assert len(copies) == 5 and all(a.flow for a in copies)
    ids = [f.id for p in issue.pages for f in p.frames]
    assert len(ids) == len(set(ids)) and issue.pages[1].frame("p3-folio-2") is not None
    round_trip(issue, ops.move_page(issue, 2, 0))
    assert [p.number for p in issue.pages] == [2, 3, 4] and issue.pages[0].template == "broadsheet"
    round_trip(issue, ops.set_page(issue, 0, section="要闻", number=1))
    round_trip(issue, ops.delete_page(issue, 2))
    assert [p.number for p in issue.pages] == [1, 3]
    assert not [a for a in issue.articles if a.id.endswith("-copy")]


def test_an_edit_on_something_missing_is_an_edit_error_and_changes_nothing():
    issue = sample()
    before = dumps(issue)
    with pytest.raises(EditError):
        Batch([ops.move_frames(issue, ["a1-body"], 5, 5), ops.set_headline(issue, "nope", title="x")]).apply(issue)
    assert dumps(issue) == before


def _operation(issue, draw):
    """One random edit that the issue allows."""
    frames = [f.id for p in issue.pages for f in p.frames]
    kind = draw(st.sampled_from(["move", "resize", "delete", "restack", "lock", "headline", "style",
                                 "add_page", "duplicate", "move_page", "delete_page", "photo", "rule"]))
    some = draw(st.lists(st.sampled_from(frames), min_size=1, max_size=3, unique=True)) if frames else []
    page = draw(st.integers(0, len(issue.pages) - 1))
    amount = draw(st.floats(-60, 60, allow_nan=False))
    if kind == "move" and some:
        return ops.move_frames(issue, some, amount, -amount / 2)
    if kind == "resize" and some:
        r = ops.frame(issue, some[0]).rect
        return ops.resize_frame(issue, some[0], Rect(r.x, r.y, r.w + amount, r.h - amount))
    if kind == "delete" and some:
        return ops.delete_frames(issue, some)
    if kind == "restack" and some:
        return ops.restack(issue, some, draw(st.sampled_from([-100, -1, 1, 100])))
    if kind == "lock" and some:
        return ops.set_locked(issue, some, draw(st.booleans()))
    if kind == "headline" and issue.articles:
        return ops.set_headline(issue, draw(st.sampled_from([a.id for a in issue.articles])),
                                title=draw(st.text("城市副中心通州整治", min_size=1, max_size=12)))
    if kind == "style":
        return ops.set_style(issue, "title", size=draw(st.sampled_from(["小初", "一号", "二号", "30pt"])))
    if kind == "add_page":
        return ops.add_page(issue, "broadsheet", draw(st.integers(0, len(issue.pages))))
    if kind == "duplicate" and len(issue.pages) < 4:
        return ops.duplicate_page(issue, page)
    if kind == "move_page" and len(issue.pages) > 1:
        return ops.move_page(issue, page, draw(st.integers(0, len(issue.pages) - 1)))
    if kind == "delete_page" and len(issue.pages) > 1:
        return ops.delete_page(issue, page)
    if kind == "photo":
        return ops.set_frame_fields(issue, "road-photo", zoom=1 + abs(amount) / 30) if issue.find_frame(
            "road-photo") else ops.add_rule(issue, page, Rect(60, 100, 100, 0))
    return ops.add_rule(issue, page, Rect(60 + amount, 300, 120, 0), 0.75)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_random_sequences_undo_and_redo_exactly(data):
    issue = sample()
    states = [dumps(issue)]
    inverses = []
    for _ in range(data.draw(st.integers(1, 8))):
        change = _operation(issue, data.draw)
        inverses.append(change.apply(issue))
        states.append(dumps(issue))
    redos = []
    for inverse, state in zip(reversed(inverses), reversed(states[:-1]), strict=True):
        redos.append(inverse.apply(issue))
        assert dumps(issue) == state
    for redo, state in zip(reversed(redos), states[1:], strict=True):
        redo.apply(issue)
        assert dumps(issue) == state
    load_again = dumps(issue)
    assert load_again == states[-1]


def test_story_link_unlink_replace_and_fit_copy():
    issue = sample()
    from layout.model.document import Paragraph

    round_trip(issue, ops.set_story(issue, "a1", byline="本报讯（记者 王）", paragraphs=[Paragraph("一段。", "lead")]))
    assert "孟景伟" in dumps(issue)
    round_trip(issue, ops.replace_text(issue, "孟景伟", "孟某"))
    assert "孟景伟" not in dumps(issue) and "孟某讲话" in dumps(issue)
    round_trip(issue, ops.link_new_frame(issue, "a2", 0, Rect(60, 1400, 100, 40)))
    new = issue.article("a2").flow[-1]
    round_trip(issue, ops.unlink_frame(issue, new))
    with pytest.raises(EditError):
        ops.link_frame(issue, "a3", "a1-body")
    round_trip(issue, ops.link_frame(issue, "a3", new))
    from layout.engine.article import layout_article

    assert layout_article(issue, issue.article("a4")).overset == 0
    fitted = issue.find_frame("a4-body")[1].rect
    ops.resize_frame(issue, "a4-body", Rect(fitted.x, fitted.y, fitted.w, fitted.h + 5 * 13.5)).apply(issue)
    fit = ops.fit_copy(issue, "a4-body")
    round_trip(issue, fit)
    body = issue.find_frame("a4-body")[1]
    assert body.rect.h == pytest.approx(fitted.h)
    assert layout_article(issue, issue.article("a4")).overset == 0
    ops.resize_frame(issue, "a4-body", Rect(body.rect.x, body.rect.y, body.rect.w, body.rect.h - 13.5)).apply(issue)
    assert layout_article(issue, issue.article("a4")).overset > 0  # fit copy left not a line to spare


def test_missing_photos_are_found_again_by_name_in_a_folder(tmp_path):
    import shutil

    folder = tmp_path / "doc"
    shutil.copytree(SAMPLE.parent, folder)
    issue = load(folder / SAMPLE.name)
    moved = tmp_path / "moved" / "deeper"
    moved.mkdir(parents=True)
    for photo in (folder / "photos").glob("*.jpg"):
        photo.rename(moved / photo.name)
    change = ops.relink_photos(issue, tmp_path / "moved")
    assert len(change.changes) == 2  # the road photo and the series block
    round_trip(issue, change)
    assert issue.find_frame("road-photo")[1].image == "../moved/deeper/road.jpg"
    series = issue.find_frame("city-series")[1]
    assert all(p.image.startswith("../moved/deeper/") for p in series.singles)


def test_a_series_block_is_placed_and_filled_pair_by_pair():
    issue = sample()
    issue.source = SAMPLE
    round_trip(issue, ops.add_series(issue, 0, Rect(60, 700, 300, 200)))
    block = issue.pages[0].frames[-1]
    assert block.kind == "series" and block.title == "整治前后" and not block.pairs
    round_trip(issue, ops.add_series_pair(issue, block.id, PHOTOS / "pair2-before.jpg", PHOTOS / "pair2-after.jpg"))
    assert [p.before.image for p in block.pairs] == ["photos/pair2-before.jpg"]
    with pytest.raises(EditError):
        ops.add_series_pair(issue, "a1-body", PHOTOS / "road.jpg", PHOTOS / "road.jpg")


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_the_editors_engine_keyed_on_edit_numbers_lays_out_as_a_fresh_one(data):
    from layout.engine.displaylist import dump
    from layout.engine.page import LayoutEngine

    issue = sample()
    tracked = LayoutEngine(tracked=True)
    shown = [dump(page) for page in tracked.layout(issue).pages]
    for _ in range(data.draw(st.integers(1, 5))):
        inverse = _operation(issue, data.draw).apply(issue)
        if data.draw(st.booleans()):
            inverse.apply(issue)  # undone
        laid, fresh = tracked.layout(issue), LayoutEngine().layout(issue)
        shown = [dump(page) for page in laid.pages]
        assert shown == [dump(page) for page in fresh.pages]
        assert laid.report.overset == fresh.report.overset
        assert [str(f) for f in laid.report.findings] == [str(f) for f in fresh.report.findings]


def test_an_edit_on_one_page_of_many_lays_out_only_what_it_touches():
    from layout.engine.page import LayoutEngine

    issue = sample()
    for _ in range(3):
        ops.duplicate_page(issue, 0).apply(issue)
    engine = LayoutEngine(tracked=True)
    laid = engine.layout(issue)
    first = laid.pages[0]
    assert engine.pages_made == 1  # only the page asked for
    list(laid.pages)
    articles, frames, pages = engine.articles_laid_out, engine.frames_set, engine.pages_made
    body = issue.pages[2].frames[3].id
    ops.move_frames(issue, [body], 12, 0).apply(issue)
    laid = engine.layout(issue)
    assert laid.pages[0] is first  # untouched: the same display list
    laid.pages[2]
    assert engine.articles_laid_out == articles + 1 and engine.frames_set == frames + 1
    assert engine.pages_made == pages + 1


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_random_sequences_through_the_editor_session_undo_and_redo_exactly(data):
    from layout.edit.session import EditorSession

    session = EditorSession(sample())
    heard: list[str] = []
    session.subscribe("laid_out", lambda: heard.append("laid_out"))
    states = [dumps(session.issue)]
    for _ in range(data.draw(st.integers(1, 8))):
        session.show_page(data.draw(st.integers(0, len(session.issue.pages) - 1)))
        session.do(_operation(session.issue, data.draw))
        states.append(dumps(session.issue))
        assert session.page_display() is not None  # the page shown is laid out
    assert heard.count("laid_out") == len(states) - 1
    for state in reversed(states[:-1]):
        session.undo()
        assert dumps(session.issue) == state
    session.undo()  # nothing left to undo: nothing happens
    assert dumps(session.issue) == states[0]
    for state in states[1:]:
        session.redo()
        assert dumps(session.issue) == state


def test_a_failed_edit_in_the_session_is_no_step_and_changes_nothing():
    from layout.edit.session import EditorSession

    failures = []
    session = EditorSession(sample(), on_error=lambda error, what: failures.append(what))
    session.do(ops.move_frames(session.issue, ["a1-body"], 5, 5))
    before = dumps(session.issue)
    with pytest.raises(EditError, match="九十号"):
        ops.set_style(session.issue, "title", size="九十号")  # a size no one can set is refused as planned
    session.do(SetFields(("style", "title"), {"size": "九十号"}, "style"))  # made anyway: laying out fails
    assert dumps(session.issue) == before and len(failures) == 1 and session.history.count() == 1
    session.select(["a1-body", "a1-body", "a1-head"])
    assert session.selection == ["a1-body", "a1-head"]
    session.show_page(0)
    assert session.selection == []


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_a_sessions_snapshot_is_the_issue_and_shares_only_what_no_edit_touched(data):
    from layout.edit.session import EditorSession

    session = EditorSession(sample())
    ops.duplicate_page(session.issue, 0).apply(session.issue)
    session = EditorSession(session.issue)
    first = session.snapshot()
    assert dumps(first) == dumps(session.issue)
    for _ in range(data.draw(st.integers(1, 4))):
        session.do(_operation(session.issue, data.draw))
        before = dumps(session.issue)
        copied = session.snapshot()
        assert dumps(copied) == before and copied is not session.issue
        for mine, theirs in zip(session.issue.pages, copied.pages):
            assert mine is not theirs and not set(map(id, mine.frames)) & set(map(id, theirs.frames))


def test_a_snapshot_after_a_move_on_one_page_copies_that_page_only():
    from layout.edit.session import EditorSession

    issue = sample()
    ops.duplicate_page(issue, 0).apply(issue)
    session = EditorSession(issue)
    last = session.snapshot()
    session.do(ops.move_frames(issue, [issue.pages[1].frames[0].id], 3, 0))
    again = session.snapshot()
    assert again.pages[0] is last.pages[0] and again.pages[1] is not last.pages[1]
    assert dumps(again) == dumps(issue)
