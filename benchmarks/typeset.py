"""Typesetting speed: our engine against reportlab's Paragraph(wordWrap='CJK').

Sets two texts at the sample's column width through both in the same run: the
sample's body text, and a 10,000-character page made of it. Prints one JSON
object: engine_chars_per_s, reportlab_chars_per_s and ratio (engine over
reportlab) over both texts together, with sample_ratio and page_ratio for each;
the two are timed in turns, text by text, and each ratio is the median of 15
pairs. The engine does the whole pipeline from text never seen before (prepare,
break, justify, positioned glyph runs). Also: engine_warm_chars_per_s and
warm_ratio (the same with the paragraphs already prepared, set at a new width,
as when a frame is resized); engine_break_chars_per_s and break_ratio (preparing
and choosing breaks only, which is all reportlab's wrap does); page_ms (the
10,000-character page from scratch in a warm process); edit_ms (re-layout of the
sample page after a one-character edit in one article, with the engine's caches);
and typst_page_ms where the PyPI package ``typst`` is installed. Quality, side by
side with Typst on the same text, fonts, size and width: loose_lines_per_1000, lines
(not a paragraph's last) in which two adjacent Chinese characters stand more than
0.1 em apart, per thousand such lines, over a news page of our own writing
(news_page.txt) and the sample's body text; typst_loose_lines_per_1000 the same for
Typst's PDF, where ``typst`` (and the dev dependency pdfplumber) is installed;
han_latin_gap_median_em (the median space between a Chinese character and a Latin
letter or digit beside it, goal at most 0.28) and stretch_ratio_latin_to_han (over
stretched lines, the median of the extra space at Han–Latin gaps beyond 1/4 em over
that between Chinese characters, goal at most 1.5), with Typst's alike (see
``layout.engine.spacing``).
"""

from __future__ import annotations

import copy
import json
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from itertools import count
from pathlib import Path

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph

from layout.engine.displaylist import line_by_line
from layout.engine.fonts import ROLE_FILES, font_dir, load_face
from layout.engine.justify import geometry, line_table
from layout.engine.linebreak import ends_from
from layout.engine.page import LayoutEngine
from layout.engine.prepare import forget_prepared
from layout.engine.spacing import Glyph, han_latin_gap_median_em, loose_per_1000, stretch_ratio_latin_to_han
from layout.engine.styling import flow_paragraphs, run_for
from layout.engine.textflow import Slot, flow
from layout.model.document import Paragraph as ModelParagraph
from layout.render.pdf import register_font
from layout.store.fileformat import load

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "assets" / "sample" / "tongzhou.layout.json"
NEWS_PAGE = Path(__file__).with_name("news_page.txt")
PAGE_CHARS = 10_000
SIZE = 9.0


@dataclass
class Comparison:
    """Texts timed through both in turns: the median seconds per text for ``ours`` and
    ``theirs``, the median ratio (theirs over ours) per text, and over all together."""

    ours: list[float]
    theirs: list[float]
    ratios: list[float]
    ratio: float


def side_by_side(runs: int, ours: list[Callable[[], object]], theirs: list[Callable[[], object]]) -> Comparison:
    """Time each text through ours and theirs in turns, ``runs`` times, so that the
    machine's changing speed falls on both alike."""
    ours_s: list[list[float]] = [[] for _ in ours]
    theirs_s: list[list[float]] = [[] for _ in theirs]
    for work in [*ours, *theirs]:
        work()  # once before timing: what any first call sets up
    for _ in range(runs):
        for work, times in zip([*ours, *theirs], [*ours_s, *theirs_s]):
            times.append(best_of(1, work))
    per_text = [[t / o for o, t in zip(mine, other)] for mine, other in zip(ours_s, theirs_s)]
    together = [sum(other) / sum(mine) for mine, other in zip(zip(*ours_s), zip(*theirs_s))]
    return Comparison([statistics.median(t) for t in ours_s], [statistics.median(t) for t in theirs_s],
                      [statistics.median(r) for r in per_text], statistics.median(together))


def best_of(runs: int, work: Callable[[], object]) -> float:
    """The median of several timings of ``work``, in seconds."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def sample_paragraphs() -> tuple[list[str], float]:
    """The sample's body paragraphs and its column width in points."""
    issue = load(SAMPLE)
    texts = [p.text for a in issue.articles for p in a.paragraphs]
    page = issue.pages[0]
    return texts, page.grid.column_width(page.type_area)


def engine_setter(texts: list[str], width: float, cold: bool = True) -> Callable[[], int]:
    """Prepare, break, justify and position every paragraph into one long column.

    ``cold`` forgets every prepared paragraph first (text never seen before);
    warm reuses them, as a re-flow after a frame changes width does: each run
    sets them at a slightly different width, so the breaks are worked out anew.
    """
    style = load(SAMPLE).style("body")
    runs = count()

    def work() -> int:
        if cold:
            forget_prepared()
        paragraphs = flow_paragraphs([((run_for(t, style),), style) for t in texts])
        measure = width if cold else width - next(runs) % 1000 * 1e-6
        return flow(paragraphs, [Slot(0, 0, measure, 10**6, 13.5)]).lines

    return work


def engine_breaker(texts: list[str], width: float) -> Callable[[], int]:
    """Only what reportlab's wrap does: measure and choose the breaks (cold), no positions."""
    style = load(SAMPLE).style("body")

    def work() -> int:
        forget_prepared()
        lines = 0
        for para in flow_paragraphs([((run_for(t, style),), style) for t in texts]):
            lines += sum(1 for _ in ends_from(para.prepared, 0, width, width - para.indent))
        return lines

    return work


def reportlab_setter(texts: list[str], width: float) -> Callable[[], None]:
    """Wrap the same paragraphs with reportlab's CJK word wrap."""
    font = register_font(ROLE_FILES["song"][0])
    style = ParagraphStyle("body", fontName=font.fontName, fontSize=9, leading=13.5,
                           wordWrap="CJK", firstLineIndent=18)

    def work() -> None:
        for text in texts:
            Paragraph(text, style).wrap(width, 10**6)

    return work


def page_text(texts: list[str]) -> list[str]:
    """About 10,000 characters of the sample's text; repeated paragraphs are rotated so that
    no two are the same (the engine would otherwise reuse what it prepared)."""
    out: list[str] = []
    total, turn = 0, 0
    while total < PAGE_CHARS:
        for text in filter(None, texts):
            shift = turn
            while (rotated := text[shift % len(text):] + text[:shift % len(text)]) in out and shift < turn + len(text):
                shift += 1  # a short paragraph comes round to where it started
            out.append(rotated)
            total += len(text)
            if total >= PAGE_CHARS:
                break
        turn += 7
    return out


def edit_ms() -> float:
    """Re-layout of the sample page after a one-character edit in one article."""
    issue = load(SAMPLE)
    engine = LayoutEngine()
    engine.layout(issue)
    edited = copy.deepcopy(issue)

    def work() -> None:
        paragraph = edited.articles[1].paragraphs[2]
        edited.articles[1].paragraphs[2] = ModelParagraph("改" + paragraph.text[1:], paragraph.style)
        engine.layout(edited)

    return best_of(9, work) * 1000


def typst_source(texts: list[str], width: float) -> str:
    """The same text as a Typst page: Chinese (GB) punctuation, 9 pt Noto Serif SC, justified."""
    body = "\n\n".join(texts)
    return (
        f"#set page(width: {width}pt, height: auto, margin: 0pt)\n"
        '#set text(font: "Noto Serif SC", lang: "zh", region: "cn", size: 9pt)\n'
        "#set par(justify: true, first-line-indent: (amount: 2em, all: true), leading: 4.5pt, spacing: 4.5pt)\n"
        + body
    )


def typst_page_ms(texts: list[str], width: float) -> float | None:
    """The same page through Typst, when the typst package is installed."""
    try:
        import typst
    except ImportError:
        return None
    scratch = ROOT / "out"
    scratch.mkdir(exist_ok=True)
    path = scratch / "bench.typ"
    path.write_text(typst_source(texts, width), "utf-8")
    fonts = [str(font_dir())]
    typst.compile(str(path), output=str(scratch / "bench-typst.pdf"), font_paths=fonts)
    return best_of(3, lambda: typst.compile(str(path), font_paths=fonts)) * 1000


def news_texts() -> list[str]:
    """The news page of our own writing and the sample's body paragraphs."""
    page = [t for t in NEWS_PAGE.read_text("utf-8").split("\n") if t.strip()]
    return page + [t for t in sample_paragraphs()[0] if t]


def engine_lines(texts: list[str], width: float) -> list[list[Glyph]]:
    """The glyphs of each line the engine sets, texts justified in one column."""
    style = load(SAMPLE).style("body")
    forget_prepared()
    paragraphs = flow_paragraphs([((run_for(t, style),), style) for t in texts])
    lines: dict[float, list[Glyph]] = {}
    for run in line_by_line(flow(paragraphs, [Slot(0, 0, width, 10**6, 13.5)]).items):
        advances = load_face(run.font).advances
        lines.setdefault(run.y, []).extend((x, x + advances.get(ord(ch), 1.0) * run.size, ch)
                                           for x, ch in zip(run.xs, run.text))
    return list(lines.values())


def typst_lines(texts: list[str], width: float) -> list[list[Glyph]] | None:
    """The glyphs of each line Typst sets, from its PDF, where typst and pdfplumber are installed."""
    try:
        import pdfplumber
        import typst
    except ImportError:
        return None
    scratch = ROOT / "out"
    scratch.mkdir(exist_ok=True)
    source, pdf = scratch / "news-typst.typ", scratch / "news-typst.pdf"
    source.write_text(typst_source(texts, width), "utf-8")
    typst.compile(str(source), output=str(pdf), font_paths=[str(font_dir())])
    lines: dict[tuple[int, float], list[Glyph]] = {}
    with pdfplumber.open(pdf) as document:
        for number, page in enumerate(document.pages):
            for char in page.chars:
                lines.setdefault((number, round(char["top"], 1)), []).append((char["x0"], char["x1"], char["text"]))
    return list(lines.values())


def squeezed(texts: list[str], width: float) -> tuple[int, int]:
    """Of the lines the engine sets, how many are squeezed (their natural width over the
    measure, punctuation giving up space), and how many atoms give space up on them."""
    style = load(SAMPLE).style("body")
    forget_prepared()
    lines, marks = 0, 0
    for para in flow_paragraphs([((run_for(t, style),), style) for t in texts]):
        p, start = para.prepared, 0
        for end in ends_from(p, 0, width, width - para.indent):
            measure = width - (para.indent if start == 0 else 0.0)
            if p.natural(start, end, start == 0) > measure + 1e-6:
                geo = geometry(p.batch.arrays, line_table([(p, start, end, measure, start == 0, False, para.align, 0)]))
                natural = [p.open_at[k] for k in range(start, end)]
                lines += 1
                marks += sum(1 for k in range(end - start - 1)
                             if geo.x[k + 1] - geo.x[k] < natural[k + 1] - natural[k] - 1e-6)
            start = end
    return lines, marks


def quality(width: float) -> dict[str, float]:
    """Loose lines per thousand, ours and (where installed) Typst's, on the same text;
    our squeezed lines and the atoms squeezed on them."""
    texts = news_texts()
    result = {name: value for name, value in _spacing(engine_lines(texts, width), width).items()}
    result["squeezed_lines"], result["squeezed_atoms"] = squeezed(texts, width)
    theirs = typst_lines(texts, width)
    if theirs is not None:
        result.update({f"typst_{name}": value for name, value in _spacing(theirs, width).items()})
    return result


def _spacing(lines: list[list[Glyph]], width: float) -> dict[str, float]:
    """Loose lines per thousand, the median Han–Latin gap and the stretch ratio (see
    ``layout.engine.spacing``) of lines set ``width`` points wide."""
    return {"loose_lines_per_1000": loose_per_1000(lines, width, SIZE),
            "han_latin_gap_median_em": han_latin_gap_median_em(lines, width, SIZE),
            "stretch_ratio_latin_to_han": stretch_ratio_latin_to_han(lines, width, SIZE)}


def main() -> int:
    """Run the comparison and print one JSON object."""
    texts, width = sample_paragraphs()
    page = page_text(texts)
    both = [texts, page]
    chars = [sum(len(t) for t in text) for text in both]
    reportlab_work = [reportlab_setter(text, width) for text in both]
    cold = side_by_side(15, [engine_setter(text, width) for text in both], reportlab_work)
    warm = side_by_side(15, [engine_setter(text, width, cold=False) for text in both], reportlab_work)
    breaking = side_by_side(15, [engine_breaker(text, width) for text in both], reportlab_work)
    result = {
        "sample_chars": chars[0],
        "page_chars": chars[1],
        "engine_chars_per_s": round(sum(chars) / sum(cold.ours)),
        "reportlab_chars_per_s": round(sum(chars) / sum(cold.theirs)),
        "ratio": round(cold.ratio, 2),
        "sample_ratio": round(cold.ratios[0], 2),
        "page_ratio": round(cold.ratios[1], 2),
        "engine_warm_chars_per_s": round(sum(chars) / sum(warm.ours)),
        "warm_ratio": round(warm.ratio, 2),
        "engine_break_chars_per_s": round(sum(chars) / sum(breaking.ours)),
        "break_ratio": round(breaking.ratio, 2),
        "page_ms": round(best_of(7, engine_setter(page, width)) * 1000, 2),
        "edit_ms": round(edit_ms(), 2),
    }
    result.update(quality(width))
    typst_ms = typst_page_ms(page, width)
    if typst_ms is not None:
        result["typst_page_ms"] = round(typst_ms, 2)
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
