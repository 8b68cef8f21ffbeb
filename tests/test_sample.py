"""The sample issue is a clean page: everything fits, nothing overlaps, nothing is missing."""

from itertools import combinations

from layout.engine.page import LayoutEngine
from layout.model.frames import BoxFrame, RuleFrame
from layout.store.fileformat import load


def test_sample_lays_out_without_problems(sample_path):
    report = LayoutEngine().layout(load(sample_path)).report
    assert report.overset == {}
    assert report.missing_chars == {}
    assert report.findings == []


def test_frames_lie_in_the_type_area(sample_path):
    page = load(sample_path).pages[0]
    outside = [f.id for f in page.frames if not page.type_area.contains(f.rect)]
    assert outside == []


def test_frames_do_not_overlap(sample_path):
    page = load(sample_path).pages[0]
    frames = [f for f in page.frames if not isinstance(f, (RuleFrame, BoxFrame))]  # these lie behind
    overlapping = [(a.id, b.id) for a, b in combinations(frames, 2) if a.rect.intersects(b.rect)]
    assert overlapping == []


def test_layout_is_deterministic(sample_path):
    from layout.engine.displaylist import dump

    first = dump(LayoutEngine().layout(load(sample_path)).pages[0])
    second = dump(LayoutEngine().layout(load(sample_path)).pages[0])
    assert first == second
