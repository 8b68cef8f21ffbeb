"""Press and proof PDFs of the sample, checked with poppler, qpdf, Ghostscript and pikepdf."""

import re
import subprocess

import numpy as np
import pikepdf
import pytest
from PIL import Image

from layout.export.conditions import CONDITIONS
from layout.export.pdf_colours import pdf_colour_findings
from layout.export.pdf_export import export_pages, export_pdf, file_name
from layout.export.profiles import PROFILES
from layout.store.fileformat import load
from tests.conftest import require_tool


def _run(*args: str) -> str:
    return subprocess.run(args, capture_output=True, text=True, check=True).stdout


@pytest.fixture(scope="module")
def press_pdf(sample_path, tmp_path_factory):
    folder = tmp_path_factory.mktemp("press")
    _, files = export_pages(load(sample_path), folder, profile="press")
    (path,) = files
    return path


@pytest.fixture(scope="module")
def proof_pdf(sample_path, tmp_path_factory):
    out = tmp_path_factory.mktemp("proof") / "proof.pdf"
    export_pdf(load(sample_path), out, profile="proof")
    return out


def test_press_file_is_named_for_the_print_shop(press_pdf):
    assert press_pdf.name == "20230215-02.pdf"


def test_press_fonts_are_all_embedded(press_pdf):
    lines = _run(require_tool("pdffonts"), str(press_pdf)).splitlines()[2:]
    assert lines and all(line.split()[-5:-2] == ["yes", "yes", "yes"] for line in lines)


def test_press_images_are_cmyk_and_sharp_enough(press_pdf):
    lines = _run(require_tool("pdfimages"), "-list", str(press_pdf)).splitlines()[2:]
    assert len(lines) == 15
    for line in lines:
        fields = line.split()
        assert fields[5] == "cmyk", line
        assert int(fields[12]) >= 200 and int(fields[13]) >= 200, line
        assert int(fields[12]) <= 301, line  # brought down to 300 ppi, never up


def test_press_ink_stays_under_the_limit(press_pdf, tmp_path):
    subprocess.run([require_tool("pdfimages"), "-j", str(press_pdf), str(tmp_path / "img")], check=True)
    worst = 0.0
    for path in sorted(tmp_path.glob("img*.jpg")):
        pixels = np.asarray(Image.open(path), dtype=np.float32)
        worst = max(worst, float(pixels.sum(axis=2).max()) / 255 * 100)
    assert 150 < worst <= CONDITIONS["newsprint"].ink_limit


def test_press_boxes_nest_with_the_bleed(press_pdf, sample_path):
    info = _run(require_tool("pdfinfo"), "-box", str(press_pdf))
    box = {name: [float(v) for v in values.split()] for name, values in
           re.findall(r"(\w+Box):\s+([\d.\s]+?)\n", info)}
    media, bleed, trim = box["MediaBox"], box["BleedBox"], box["TrimBox"]
    assert media[0] <= bleed[0] < trim[0] and trim[2] < bleed[2] <= media[2]
    assert media[1] <= bleed[1] < trim[1] and trim[3] < bleed[3] <= media[3]
    assert trim[0] - bleed[0] == pytest.approx(PROFILES["press"].bleed, abs=0.02)
    page = load(sample_path).pages[0]
    assert trim[2] - trim[0] == pytest.approx(page.width, abs=0.02)
    assert trim[3] - trim[1] == pytest.approx(page.height, abs=0.02)
    with pikepdf.open(press_pdf) as pdf:
        assert "/ArtBox" not in pdf.pages[0].obj


def test_press_has_no_rgb_anywhere(press_pdf):
    assert pdf_colour_findings(press_pdf) == []
    with pikepdf.open(press_pdf) as pdf:
        for obj in pdf.objects:
            if isinstance(obj, (pikepdf.Dictionary, pikepdf.Stream)):
                assert obj.get("/ColorSpace") not in (pikepdf.Name.DeviceRGB,)


def test_press_is_pdfx1a(press_pdf):
    with pikepdf.open(press_pdf) as pdf:
        assert pdf.pdf_version == "1.3"
        (intent,) = pdf.Root.OutputIntents
        assert pikepdf.Name("/GTS_PDFX") == intent.S
        assert str(intent.OutputConditionIdentifier) == "IFRA26"  # newsprint by default
        assert str(intent.RegistryName) == "http://www.color.org"
        assert intent.DestOutputProfile.N == 4
        assert b"layout newsprint 220%" in intent.DestOutputProfile.read_bytes()
        info = pdf.docinfo
        assert str(info["/GTS_PDFXVersion"]) == "PDF/X-1:2001"
        assert str(info["/GTS_PDFXConformance"]) == "PDF/X-1a:2001"
        assert info["/Trapped"] == pikepdf.Name("/False")
        assert str(info["/Title"]) and str(info["/CreationDate"])
        assert "/ID" in pdf.trailer


def test_press_black_text_overprints(press_pdf, tmp_path):
    flat = tmp_path / "flat.pdf"
    subprocess.run([require_tool("qpdf"), "--qdf", "--object-streams=disable", str(press_pdf), str(flat)],
                   check=True)
    data = flat.read_bytes()
    assert b"/op true" in data and b"/OPM 1" in data
    assert not re.search(rb"/(CA|ca) 0\.", data) and b"/SMask" not in data  # no transparency


def test_press_passes_qpdf_and_renders_in_ghostscript(press_pdf, tmp_path):
    subprocess.run([require_tool("qpdf"), "--check", str(press_pdf)], check=True, capture_output=True)
    out = tmp_path / "page-%d.png"
    subprocess.run([require_tool("gs"), "-q", "-dSAFER", "-dBATCH", "-dNOPAUSE", "-sDEVICE=png16m", "-r20",
                    f"-sOutputFile={out}", str(press_pdf)], check=True, capture_output=True)
    assert (tmp_path / "page-1.png").stat().st_size > 10_000


def test_proof_text_watermark_and_bookmarks(proof_pdf, sample_path):
    text = re.sub(r"\s+", "", _run(require_tool("pdftotext"), "-raw", str(proof_pdf), "-"))
    issue = load(sample_path)
    for article in issue.articles:
        assert re.sub(r"\s+", "", article.byline + "".join(p.text for p in article.paragraphs)) in text
    pages = _run(require_tool("pdftotext"), str(proof_pdf), "-").split("\f")
    assert all("校样" in page for page in pages if page.strip())
    assert "第1稿" in text and issue.paper in text  # the slug line: the first draft
    with pikepdf.open(proof_pdf) as pdf, pdf.open_outline() as outline:
        assert [item.title for item in outline.root] == ["第2版"]
    images = _run(require_tool("pdfimages"), "-list", str(proof_pdf)).splitlines()[2:]
    assert all(line.split()[5] == "rgb" and int(line.split()[12]) <= 151 for line in images)


def test_file_name_patterns(sample_path):
    issue = load(sample_path)
    assert file_name("{date:%Y%m%d}-{page:02d}.pdf", issue, 2) == "20230215-02.pdf"
    assert file_name("BJFZX_{date:%m%d}_A{page}.pdf", issue, 12) == "BJFZX_0215_A12.pdf"
    with pytest.raises(ValueError):
        file_name("{nope}.pdf", issue, 1)
    refused = {"D.layout.json": "does not end in .pdf", "a/{page}.pdf": "names another folder",
               ".{page}.pdf": "hidden", "x" * 300 + ".pdf": "longer than 255"}
    for pattern, why in refused.items():
        with pytest.raises(ValueError, match=why):
            file_name(pattern, issue, 1)


def test_photos_made_for_print_are_kept_until_their_file_changes(sample_path, tmp_path, monkeypatch):
    import shutil

    from layout.export import images

    folder = tmp_path / "doc"
    shutil.copytree(sample_path.parent, folder)
    issue = load(folder / sample_path.name)
    made = []
    original = images.ImagePreparer._convert_file

    def counting(self, item):
        made.append(item)
        return original(self, item)

    monkeypatch.setattr(images.ImagePreparer, "_convert_file", counting)
    monkeypatch.setattr(images, "cache_root", lambda: tmp_path / "store")

    def export_into(name: str) -> None:
        (tmp_path / name).mkdir()
        export_pages(issue, tmp_path / name, profile="press")

    export_into("one")
    assert len(made) == 15
    export_into("two")
    assert len(made) == 15  # nothing made again
    road = folder / "photos" / "road.jpg"
    road.write_bytes(road.read_bytes())  # rewritten: a new file as far as anyone can tell
    export_into("three")
    assert len(made) == 16
