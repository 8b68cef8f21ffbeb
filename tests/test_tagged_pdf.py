"""Tagged proof and press PDFs: the structure tree gives each article's text in order; search finds 2023年."""

from __future__ import annotations

import subprocess

import pikepdf
import pytest

from layout.export.pdf_export import export_pages, export_pdf
from layout.store.fileformat import load
from tests.conftest import require_tool


def marked_texts(pdf: pikepdf.Pdf) -> dict[tuple[int, int], str]:
    """(page object number, MCID) → the ActualText of that marked-content sequence, read from
    the pages' content streams."""
    texts = {}
    for page in pdf.pages:
        for operands, operator in pikepdf.parse_content_stream(page):
            if str(operator) == "BDC" and isinstance(operands[1], pikepdf.Dictionary) and "/MCID" in operands[1]:
                props = operands[1]
                texts[(page.obj.objgen, int(props.MCID))] = str(props.get("/ActualText", ""))
    return texts


def structure(pdf: pikepdf.Pdf) -> list[tuple[str, list[tuple[str, str]]]]:
    """The articles of the structure tree: (title, [(element type, its text)]) in tree order."""
    texts = marked_texts(pdf)
    [document] = pdf.Root.StructTreeRoot.K
    assert document.S == "/Document"
    out = []
    for art in document.K:
        if art.S != "/Art":
            continue
        parts = []
        for element in art.K:
            text = "".join(texts[(mcr.Pg.objgen, int(mcr.MCID))] for mcr in element.K)
            parts.append((str(element.S), text))
        out.append((str(art.T), parts))
    return out


@pytest.fixture(scope="module")
def tagged_proof(sample_path, tmp_path_factory):
    out = tmp_path_factory.mktemp("tagged") / "proof.pdf"
    export_pdf(load(sample_path), out, profile="proof")
    return out


def _body_texts(parts: list[tuple[str, str]], article) -> list[str]:
    """The P elements after the headline group and byline: the body paragraphs."""
    skip = sum(1 for t in (article.headline.kicker, article.headline.title, article.headline.subtitle,
                           article.byline) if t)
    return [text for _, text in parts[skip:]]


def test_structure_tree_gives_every_article_in_order(tagged_proof, sample_path):
    issue = load(sample_path)
    with pikepdf.open(tagged_proof) as pdf:
        assert pdf.Root.MarkInfo.Marked
        articles = structure(pdf)
    laid_out = [a for a in issue.articles if a.flow]
    assert [title for title, _ in articles] == [a.headline.title for a in laid_out]
    for (title, parts), article in zip(articles, laid_out):
        head = [t for t in (article.headline.kicker, article.headline.title, article.headline.subtitle) if t]
        assert [text for _, text in parts[:len(head)]] == head, title
        assert ("/H1", article.headline.title) in parts
        assert _body_texts(parts, article) == [p.text for p in article.paragraphs], title


def test_search_finds_2023_nian_and_the_gap_is_no_space(tagged_proof):
    for mode in ([], ["-layout"], ["-raw"]):
        text = subprocess.run([require_tool("pdftotext"), *mode, str(tagged_proof), "-"], capture_output=True,
                              text=True, check=True).stdout
        assert "2023年" in text, mode


def test_press_page_is_tagged_and_stays_pdf_x(sample_path, tmp_path):
    issue = load(sample_path)
    _, [path] = export_pages(issue, tmp_path, profile="press")
    with pikepdf.open(path) as pdf:
        assert pdf.pdf_version == "1.3"
        assert str(pdf.docinfo["/GTS_PDFXConformance"]) == "PDF/X-1a:2001"
        assert len(structure(pdf)) == len([a for a in issue.articles if a.flow])
    text = subprocess.run([require_tool("pdftotext"), str(path), "-"], capture_output=True, text=True).stdout
    assert "2023年" in text
