"""Lengths and type sizes: the one place that converts units.

The internal unit of all geometry is the PostScript point (1/72 inch), as
in PDF. Text sizes may be given as points (``9``, ``"9pt"``), millimetres
(``"3.2mm"``) or by their Chinese 号 name (``"小五"``, ``"五号"``).
"""

from __future__ import annotations

import re
from functools import lru_cache

MM_PER_INCH = 25.4
PT_PER_INCH = 72.0
PT_PER_MM = PT_PER_INCH / MM_PER_INCH

# 号 sizes in points. Values follow the table used by MS Word, WPS, CTeX and
# Adobe (W3C clreq, "considerations in designing type area", right-hand
# column of ../shared/notes/typesetting-and-print.md §1e). clreq notes that
# foundries differ slightly (e.g. 一号 27.5 pt in the older tables).
HAO_SIZES_PT: dict[str, float] = {
    "初号": 42.0,
    "小初": 36.0,
    "一号": 26.0,
    "小一": 24.0,
    "二号": 22.0,
    "小二": 18.0,
    "三号": 16.0,
    "小三": 15.0,
    "四号": 14.0,
    "小四": 12.0,
    "五号": 10.5,
    "小五": 9.0,
    "六号": 7.5,
    "小六": 6.5,
    "七号": 5.5,
    "八号": 5.0,
}

_ALIASES = {"新五号": "小五", "0号": "初号", "小0号": "小初"}
_LENGTH_RE = re.compile(r"^\s*(-?\d+(?:\.\d+)?)\s*(pt|mm|cm|in|q|h)?\s*$", re.IGNORECASE)
_UNIT_PT = {
    "pt": 1.0,
    "mm": PT_PER_MM,
    "cm": 10 * PT_PER_MM,
    "in": PT_PER_INCH,
    # Japanese/Chinese phototypesetting units: 1 Q (級) = 1 H (歯) = 0.25 mm.
    "q": 0.25 * PT_PER_MM,
    "h": 0.25 * PT_PER_MM,
}


class UnitError(ValueError):
    """A length or size that cannot be understood."""


def mm(value: float) -> float:
    """Millimetres to points."""
    return value * PT_PER_MM


def to_mm(points: float) -> float:
    """Points to millimetres."""
    return points / PT_PER_MM


def hao(name: str) -> float:
    """The point size of a 号 name such as ``"小五"`` or ``"五号"``."""
    key = _ALIASES.get(name.strip(), name.strip())
    if key not in HAO_SIZES_PT and key + "号" in HAO_SIZES_PT:
        key += "号"
    try:
        return HAO_SIZES_PT[key]
    except KeyError:
        raise UnitError(f"unknown 号 size {name!r}") from None


def length(value: float | int | str) -> float:
    """A length in points from a number (points) or a string with a unit.

    Accepts ``12``, ``"12pt"``, ``"3.2mm"``, ``"1.5cm"``, ``"1in"``, ``"13Q"``
    and 号 names such as ``"小五"``.
    """
    if isinstance(value, bool):
        raise UnitError(f"not a length: {value!r}")
    if isinstance(value, (int, float)):
        return float(value)
    return _spelled_length(value)


@lru_cache(maxsize=512)
def _spelled_length(value: str) -> float:
    """A length written with a unit or as a 号 name, in points (each spelling parsed once)."""
    match = _LENGTH_RE.match(value)
    if match:
        number, unit = match.groups()
        return float(number) * _UNIT_PT[(unit or "pt").lower()]
    return hao(value)
