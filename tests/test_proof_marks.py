"""The proof an editor marks: a light, not red watermark over photos too, the slug, the recorded revision."""

from __future__ import annotations

import json
import subprocess

import numpy as np
import pikepdf
import pytest
from PIL import Image

from layout.cli import main
from layout.engine.displaylist import ImageItem
from layout.engine.page import LayoutEngine
from layout.export import pdf_export
from layout.export.pdf_export import export_pdf
from layout.export.proof import PEN_RED, contrast, recorded_document
from layout.store.fileformat import load, save
from tests.conftest import require_tool

DPI = 24


def _text(pdf) -> str:
    """The PDF's text in content order, white space taken out."""
    out = subprocess.run([require_tool("pdftotext"), "-raw", str(pdf), "-"], capture_output=True, text=True).stdout
    return "".join(out.split())


def _render(pdf, tmp_path, name) -> np.ndarray:
    subprocess.run([require_tool("pdftoppm"), "-r", str(DPI), "-png", "-singlefile", str(pdf),
                    str(tmp_path / name)], check=True)
    return np.asarray(Image.open(tmp_path / f"{name}.png").convert("RGB"), dtype=float) / 255


@pytest.fixture(scope="module")
def renders(sample_path, tmp_path_factory):
    """The proof with and without its watermark, as pictures; the pixels that differ are the watermark."""
    folder = tmp_path_factory.mktemp("marks")
    issue = load(sample_path)
    export_pdf(issue, folder / "proof.pdf", profile="proof")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(pdf_export, "WATERMARK_ALPHA", 0.0)
        export_pdf(issue, folder / "bare.pdf", profile="proof")
    return _render(folder / "proof.pdf", folder, "proof"), _render(folder / "bare.pdf", folder, "bare"), issue


def test_watermark_is_light_and_not_red_so_a_red_pen_mark_keeps_4_5_to_1(renders):
    proof, bare, _ = renders
    mark = np.abs(proof - bare).sum(axis=2) > 0.02
    assert mark.sum() > 2000  # the mark is there
    on_paper = mark & (bare.min(axis=2) > 0.98)
    colours = proof[on_paper]
    assert len(colours) > 1000
    worst = min(contrast(tuple(c), PEN_RED) for c in colours[:: max(1, len(colours) // 500)])
    assert worst >= 4.5, worst
    mean = colours.mean(axis=0)
    assert mean[2] > mean[0]  # blue-grey: more blue than red


def test_watermark_is_drawn_over_the_photos(renders):
    proof, bare, issue = renders
    mark = np.abs(proof - bare).sum(axis=2) > 0.02
    page = LayoutEngine().layout(issue).pages[0]
    scale = DPI / 72.0
    covered = 0
    for item in page.items:
        if isinstance(item, ImageItem):
            r = item.rect
            inside = mark[int(r.y * scale) + 1:int(r.bottom * scale) - 1, int(r.x * scale) + 1:int(r.right * scale) - 1]
            covered += inside.sum()
    assert covered > 50  # under the photos it would be 0: they are opaque


def test_proof_records_its_revision_and_document_and_the_trail(sample_copy, tmp_path, capsys):
    out = tmp_path / "proof.pdf"
    assert main(["export", str(sample_copy), "--profile", "proof", "--as", "李编辑", "-o", str(out), "-q"]) == 0
    issue = load(sample_copy)
    recorded = recorded_document(out)
    assert recorded["revision"] == issue.revision - 1  # the proof's; recording it saved the document once
    with pikepdf.open(out) as pdf:
        assert str(pdf.docinfo["/LayoutRevision"]) == str(recorded["revision"])
        assert str(pdf.docinfo["/LayoutDraft"]) == "1"
    text = _text(out)
    assert "第1稿" in text and "李编辑" in text and "首稿" in text
    article = issue.articles[0]
    article.paragraphs[1].text = article.paragraphs[1].text.replace("，", "、", 1)
    save(issue, sample_copy)
    assert main(["export", str(sample_copy), "--profile", "proof", "-o", str(out), "-q"]) == 0
    text = _text(out)
    assert "第2稿" in text and f"《{article.headline.title}》" in text
    capsys.readouterr()
    assert main(["info", "--json", str(sample_copy)]) == 0
    trail = json.loads(capsys.readouterr().out)["trail"][0]
    assert [p["draft"] for p in trail["proofs"]] == [1, 2]
    assert trail["proofs"][0]["by"] == "李编辑"
