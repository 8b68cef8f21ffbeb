"""Units: points, millimetres and the Chinese 号 sizes."""

import pytest

from layout.units import HAO_SIZES_PT, UnitError, hao, length, mm, to_mm


def test_hao_table_ends():
    assert hao("初号") == 42.0
    assert hao("八号") == 5.0
    assert len(HAO_SIZES_PT) == 16


@pytest.mark.parametrize(("name", "points"), [
    ("小五", 9.0), ("五号", 10.5), ("五", 10.5), ("新五号", 9.0), ("小初", 36.0),
])
def test_hao_names(name, points):
    assert hao(name) == points


def test_sizes_only_grow_from_small_to_large():
    sizes = list(HAO_SIZES_PT.values())
    assert sizes == sorted(sizes, reverse=True)


@pytest.mark.parametrize(("text", "points"), [
    (9, 9.0), ("9pt", 9.0), ("25.4mm", 72.0), ("1in", 72.0), ("2.54cm", 72.0), ("小五", 9.0), ("4Q", 2.834645669),
])
def test_lengths(text, points):
    assert length(text) == pytest.approx(points)


def test_mm_round_trip():
    assert to_mm(mm(390)) == pytest.approx(390)


@pytest.mark.parametrize("bad", ["", "nine", "9 px", "大五", True])
def test_bad_lengths_are_refused(bad):
    with pytest.raises(UnitError):
        length(bad)
