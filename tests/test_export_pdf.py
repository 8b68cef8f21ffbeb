"""PDF export of the sample: fonts embedded, text extractable, page size as the document says."""

import re
import subprocess

import pytest

from layout.store.fileformat import load
from tests.conftest import require_tool


def _run(*args: str) -> str:
    return subprocess.run(args, capture_output=True, text=True, check=True).stdout


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def test_every_font_is_embedded(sample_pdf):
    lines = _run(require_tool("pdffonts"), str(sample_pdf)).splitlines()[2:]
    assert lines, "no fonts listed"
    for line in lines:
        emb, sub, uni = line.split()[-5:-2]
        assert (emb, sub, uni) == ("yes", "yes", "yes"), line
    assert not any("Helvetica" in line for line in lines)


def test_every_article_text_is_extractable_in_reading_order(sample_pdf, sample_path):
    """Content-stream order (pdftotext -raw) holds each article whole, line breaks aside."""
    text = _squash(_run(require_tool("pdftotext"), "-raw", "-enc", "UTF-8", str(sample_pdf), "-"))
    issue = load(sample_path)
    for article in issue.articles:
        for part in (article.headline.kicker, article.headline.title, article.headline.subtitle):
            assert _squash(part) in text, part
        body = _squash(article.byline + "".join(p.text for p in article.paragraphs))
        assert body in text, article.id


def test_page_size_is_the_documents(sample_pdf, sample_path):
    info = _run(require_tool("pdfinfo"), str(sample_pdf))
    width, height = map(float, re.search(r"Page size:\s+([\d.]+) x ([\d.]+) pts", info).groups())
    page = load(sample_path).pages[0]
    assert width == pytest.approx(page.width, abs=0.01)
    assert height == pytest.approx(page.height, abs=0.01)


def test_export_is_atomic_when_drawing_fails(sample_path, tmp_path, monkeypatch):
    from layout.export import pdf_export

    def explode(*args, **kwargs):
        raise RuntimeError("boom")

    out = tmp_path / "page.pdf"
    out.write_bytes(b"old")
    monkeypatch.setattr(pdf_export, "draw_page", explode)
    with pytest.raises(RuntimeError):
        pdf_export.export_pdf(load(sample_path), out)
    assert out.read_bytes() == b"old"
