"""The display list's text items carry their source: article, part, paragraph and
character range; what is under the pointer is a lookup."""

from __future__ import annotations

import dataclasses

from layout.engine.displaylist import GlyphRun, line_by_line
from layout.engine.page import LayoutEngine
from layout.gui.story_editor import paragraph_at
from layout.store.fileformat import load


def _runs(display, article_id: str, parts=("body", "byline")) -> list[GlyphRun]:
    return [run for run in line_by_line(display.items) if type(run) is GlyphRun and run.source is not None
            and run.source.article == article_id and run.source.part in parts]


def _with_twin_paragraphs(sample_path):
    """The sample with article a1's second paragraph written twice, one after the other."""
    issue = load(sample_path)
    article = issue.article("a1")
    article.paragraphs.insert(2, dataclasses.replace(article.paragraphs[1]))
    return issue, article


def test_fault_4_the_paragraph_under_the_pointer_is_the_lines_source(sample_path):
    issue, article = _with_twin_paragraphs(sample_path)
    page = LayoutEngine().layout(issue).pages[0]
    runs = _runs(page, "a1", ("body",))
    twins = {1: 0, 2: 0}
    for run in runs:
        found = paragraph_at(article, page, run.xs[len(run.xs) // 2], run.y - 2)
        assert found == run.source.paragraph
        twins[found] = twins.get(found, 0) + 1
    assert twins[1] > 0 and twins[2] > 0  # two paragraphs of the same text, each found as itself
    assert paragraph_at(article, page, 5, -300) is None
    other = issue.article("a2")
    assert all(paragraph_at(other, page, r.xs[0] + 1, r.y - 2) is None for r in runs[:5])


def test_body_lines_name_their_paragraph_and_characters_in_reading_order(sample_path):
    issue, article = _with_twin_paragraphs(sample_path)
    page = LayoutEngine().layout(issue).pages[0]
    body = _runs(page, "a1", ("body",))
    assert len(body) > 50
    previous = None
    for run in body:
        source = run.source
        assert article.paragraphs[source.paragraph].text[source.start:source.end] == run.text
        if previous is not None and previous.paragraph == source.paragraph:
            assert source.start == previous.end  # each line goes on where the one before ended
        elif previous is not None:
            assert source.paragraph == previous.paragraph + 1 and source.start == 0
        previous = source
    assert previous.paragraph == len(article.paragraphs) - 1 or page.number != 1


def test_the_byline_headline_parts_and_captions_are_tagged(sample_path):
    issue = load(sample_path)
    laid = LayoutEngine().layout(issue)
    runs = [r for p in laid.pages for r in line_by_line(p.items) if type(r) is GlyphRun]
    by_part: dict[str, list] = {}
    for run in runs:
        assert run.source is not None, run.text
        by_part.setdefault(run.source.part, []).append(run)
    for run in by_part["byline"]:
        assert issue.article(run.source.article).byline[run.source.start:run.source.end] == run.text
    for part in ("kicker", "title", "subtitle"):
        for run in by_part[part]:
            group = issue.article(run.source.article).headline
            assert getattr(group, part)[run.source.start:run.source.end] == run.text
            assert issue.find_frame(run.source.frame) is not None
    assert by_part["caption"] and all(run.source.frame for run in by_part["caption"])
    assert by_part["folio"] and by_part["label"]


def test_the_dump_shows_sources_when_asked(sample_path):
    from layout.engine.displaylist import dump

    page = LayoutEngine().layout(load(sample_path)).pages[0]
    plain, tagged = dump(page), dump(page, sources=True)
    assert "src=" not in plain
    assert "src=a1/body/0:" in tagged and "src=a1/byline/0:0-" in tagged and "src=none" not in tagged
    assert len(plain.splitlines()) == len(tagged.splitlines())
