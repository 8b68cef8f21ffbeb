"""Typographic figures of a laid-out document: loose lines, widows, orphans, numbers
split from their units, lines per article.

Lays the document out with the engine, recording every line the flow sets, and prints
one JSON object. A line is loose when a gap between two atoms of a justified line grows
by more than LOOSE_EM em (word spaces and Han–Latin gaps, which grow first, not counted);
a widow is a paragraph's last line alone at the top of a column, an orphan its first line
alone at the bottom; a number is split from its unit when a line ends with a number and
the next starts with a Han character.

Usage: python benchmarks/sample_figures.py [document.layout.json]
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np

from layout.engine import article, textflow
from layout.engine.justify import ALIGN_CODES, JUSTIFY, geometry, line_table
from layout.engine.metrics import HAN, LATIN, SPACE
from layout.engine.page import LayoutEngine
from layout.store.fileformat import load

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "assets" / "sample" / "tongzhou.layout.json"
LOOSE_EM = 0.1


def loose_line(p, start: int, end: int, measure: float, last: bool, align: str) -> float:
    """The largest growth (em) of a gap between two atoms of a set line (0 for a last line)."""
    if last or end - start < 2 or ALIGN_CODES.get(align) != JUSTIFY:
        return 0.0
    a = p.batch.arrays
    geo = geometry(a, line_table([(p, start, end, measure, start == 0, last, align, 0.0)]))
    atoms = np.arange(p.first + start, p.first + end)
    grown = np.diff(geo.x) - np.diff(a["open_at"][atoms])
    plain = (a["gap"][atoms[1:]] == 0) & (a["cls"][atoms[1:]] != SPACE) & (a["cls"][atoms[:-1]] != SPACE)
    grown = grown[plain]
    return float(grown.max() / a["em"][atoms[0]]) if len(grown) else 0.0


def figures(path: Path) -> dict:
    """Lay out ``path`` and count."""
    spans: list = []
    slots: dict[tuple[float, float], int] = {}
    set_spans, flow_through = textflow.spans_items, article.flow

    def recording_spans(found, missing, wide=None):
        spans.extend(found)
        return set_spans(found, missing, *([] if wide is None else [wide]))

    def recording_slots(paragraphs, columns, state=None, after=None):
        slots.update(((slot.x, slot.top), slot.lines) for slot in columns)
        return flow_through(paragraphs, columns, state, after)

    textflow.spans_items, article.flow = recording_spans, recording_slots  # every line set, and its column
    try:
        LayoutEngine().layout(load(path))
    finally:
        textflow.spans_items, article.flow = set_spans, flow_through
    lines = loose = widows = orphans = split = 0
    worst = 0.0
    per_para: dict[int, int] = {}
    for span in spans:
        p, line_no, ends = span.p, span.line, span.ends
        a, text = p.batch.arrays, p.text
        s = span.start
        for number, e in enumerate(ends):
            last = e >= len(p)
            measure = span.width - (span.indent if s == 0 else 0.0)
            spread = loose_line(p, s, e, measure, last, span.align)
            lines += 1
            loose += spread > LOOSE_EM + 1e-9
            worst = max(worst, spread)
            if not last and a["cls"][p.first + e - 1] == LATIN and text[p.char_at[e - 1]].isdigit() \
                    and a["cls"][p.first + e] == HAN:
                split += 1
            row = line_no + number
            if last and s > 0 and row == 0:
                widows += 1
            if s == 0 and not last and row == slots[span.x, span.top] - 1:
                orphans += 1
            s = e
        per_para[id(p.batch)] = per_para.get(id(p.batch), 0) + len(ends)
    return {"lines": lines, "loose_lines": loose, "worst_spacing_em": round(worst, 3), "widows": widows,
            "orphans": orphans, "numbers_split_from_units": split,
            "lines_per_article": sorted(per_para.values(), reverse=True)}


def main() -> int:
    """Print the figures of the document named, or of the sample."""
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else SAMPLE
    print(json.dumps(figures(path)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
