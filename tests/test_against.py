"""A proof --against the previous draft highlights exactly the changed paragraph's lines (checked with pdfplumber)."""

from __future__ import annotations

import shutil

import pdfplumber
import pytest

from layout.cli import main
from layout.export.against import HIGHLIGHT, OUTLINE
from layout.model.geometry import Rect
from layout.store.fileformat import load, save


def _is(colour, expected) -> bool:
    return colour is not None and len(colour) == 3 and all(abs(a - b) < 0.01 for a, b in zip(colour, expected))


def _highlighted_text(pdf_path, colour) -> tuple[str, int]:
    """The characters (glyphs as drawn) whose middle lies in a rectangle filled with ``colour``, and
    how many such rectangles the first page has."""
    with pdfplumber.open(pdf_path) as pdf:
        page = pdf.pages[0]
        boxes = [r for r in page.rects if r["fill"] and _is(r.get("non_stroking_color"), colour)]
        inside = [c["text"] for c in page.chars
                  if any(b["x0"] <= (c["x0"] + c["x1"]) / 2 <= b["x1"] and b["top"] <= (c["top"] + c["bottom"]) / 2
                         <= b["bottom"] for b in boxes)]
    return "".join("".join(inside).split()), len(boxes)


@pytest.fixture
def drafts(sample_copy, tmp_path):
    """The sample as the previous draft (its proof) and a copy with one paragraph changed and a frame moved."""
    previous = tmp_path / "draft1.pdf"
    assert main(["export", str(sample_copy), "--profile", "proof", "-o", str(previous), "-q"]) == 0
    kept = tmp_path / "draft1.layout.json"
    shutil.copy(sample_copy, kept)
    issue = load(sample_copy)
    article = next(a for a in issue.articles if len(a.paragraphs) > 3)
    paragraph = article.paragraphs[2]
    paragraph.text = paragraph.text.replace("，", "，进一步", 1)
    photo = next(f for p in issue.pages for f in p.frames if f.kind == "photo")
    photo.rect = Rect(photo.rect.x, photo.rect.y, photo.rect.w, photo.rect.h - 14)
    save(issue, sample_copy)
    return sample_copy, previous, kept, paragraph.text, photo


@pytest.mark.parametrize("against", ["pdf", "document"])
def test_against_highlights_exactly_the_changed_paragraph(drafts, tmp_path, against):
    document, previous_pdf, previous_doc, changed, photo = drafts
    out = tmp_path / "draft2.pdf"
    previous = previous_pdf if against == "pdf" else previous_doc
    assert main(["export", str(document), "--profile", "proof", "--against", str(previous), "-o", str(out),
                 "-q"]) == 0
    text, boxes = _highlighted_text(out, tuple(HIGHLIGHT.to_rgb()))
    assert boxes >= 2
    assert text == "".join(changed.split())
    with pdfplumber.open(out) as pdf:
        outlines = [r for r in pdf.pages[0].rects if r["stroke"] and _is(r.get("stroking_color"), OUTLINE.to_rgb())]
        assert len(outlines) == 1
        height = pdf.pages[0].height
        assert abs(outlines[0]["top"] - photo.rect.y) < 1 and abs(outlines[0]["bottom"] - photo.rect.bottom) < 1
        assert abs(height - pdf.pages[0].height) < 1e-6
        last = pdf.pages[-1].extract_text()
    assert "改动清单" in last and "第3段改动" in last.replace(" ", "") and photo.id in last


def test_against_an_unchanged_draft_highlights_nothing(sample_copy, tmp_path):
    previous = tmp_path / "draft1.pdf"
    assert main(["export", str(sample_copy), "--profile", "proof", "-o", str(previous), "-q"]) == 0
    out = tmp_path / "draft2.pdf"
    assert main(["export", str(sample_copy), "--profile", "proof", "--against", str(previous), "-o", str(out),
                 "-q"]) == 0
    assert _highlighted_text(out, tuple(HIGHLIGHT.to_rgb())) == ("", 0)
