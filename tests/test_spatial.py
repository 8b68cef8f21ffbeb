"""The spatial index finds exactly the pairs a comparison of every pair finds."""

from __future__ import annotations

import random

import pytest

from layout.model.geometry import Rect
from layout.model.spatial import overlapping_pairs


def _every_pair(rects: list[Rect]) -> list[tuple[int, int]]:
    return [(i, j) for i in range(len(rects)) for j in range(i + 1, len(rects)) if rects[i].intersects(rects[j])]


@pytest.mark.parametrize("seed", range(6))
def test_7_the_spatial_index_finds_the_pairs_every_comparison_finds(seed):
    rng = random.Random(seed)
    rects = []
    for _ in range(400):
        kind = rng.random()
        w, h = ((rng.uniform(0, 20), rng.choice([0.0, rng.uniform(0, 5)])) if kind < 0.7
                else (rng.uniform(100, 900), rng.uniform(100, 1400)) if kind < 0.95
                else (rng.uniform(2000, 14000), rng.uniform(0, 3)))
        rects.append(Rect(rng.uniform(-300, 1100), rng.uniform(-300, 1600), w, h))
    assert overlapping_pairs(rects) == _every_pair(rects)


def _comparisons(monkeypatch, count: int) -> int:
    from layout.model import spatial

    calls = 0
    meet = spatial._meet

    def counted(a, b):
        nonlocal calls
        calls += 1
        return meet(a, b)

    monkeypatch.setattr(spatial, "_meet", counted)
    rng = random.Random(count)
    height = 1500 * count / 2000  # the same number of rules to a square inch: a taller sheet
    rules = [Rect(rng.uniform(0, 1000), rng.uniform(0, height), rng.uniform(2, 12), 0.0) for _ in range(count)]
    columns = [Rect(40 + 190 * i, 60, 180, height) for i in range(5)]  # text frames over all of them
    overlapping_pairs(columns + rules)
    return calls


def test_7_comparisons_grow_with_the_frames_not_with_their_square(monkeypatch):
    small, large = _comparisons(monkeypatch, 2000), _comparisons(monkeypatch, 8000)
    assert large < 6 * small  # every pair compared: 16 times as many
    assert large < 8005 * 8004 / 2 / 100
