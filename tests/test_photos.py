"""Photos: formats, EXIF orientation, CMYK and grey, crops, effective resolution, bad files."""

import resource
import struct
import subprocess
import zlib
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from layout.engine.displaylist import ImageItem, PlaceholderItem
from layout.engine.page import LayoutEngine
from layout.engine.photo import fill_crop
from layout.export.pdf_export import export_pdf
from layout.model import Photo, PhotoFrame, PhotoPair, PhotoPairFrame, Rect
from layout.model.templates import new_issue
from tests.conftest import ROOT, require_tool

SOURCE = ROOT / "assets" / "sample" / "photos" / "road.jpg"


def _png_header_only(path: Path, width: int, height: int) -> None:
    """A PNG that claims a size without the pixels (to test refusal without using memory)."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(b"\0" * 16))
                     + chunk(b"IEND", b""))


@pytest.fixture(scope="module")
def photos(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("photos")
    base = Image.open(SOURCE)
    base.convert("CMYK").save(folder / "cmyk.jpg", quality=85)
    base.convert("L").save(folder / "grey.jpg", quality=85)
    rgba = base.convert("RGBA")
    rgba.putalpha(128)
    rgba.save(folder / "alpha.png")
    base.save(folder / "photo.tif", compression="tiff_lzw")
    exif = base.getexif()
    exif[0x0112] = 6  # shown rotated 90° clockwise
    base.rotate(90, expand=True).save(folder / "rotated.jpg", exif=exif.tobytes(), quality=85)
    (folder / "corrupt.jpg").write_bytes(b"\xff\xd8\xff\xe0" + b"not a photo" * 20)
    Image.new("RGB", (10, 10)).save(folder / "small.gif")
    _png_header_only(folder / "huge.png", 20_000, 20_000)
    data = (folder / "grey.jpg").read_bytes()
    (folder / "truncated.jpg").write_bytes(data[: len(data) // 3])
    ramp = np.tile(np.linspace(0, 65535, 640, dtype=np.uint16), (480, 1))
    Image.fromarray(ramp).save(folder / "sixteen.png")
    return folder


def _issue_with(folder: Path, names: list[str]):
    issue = new_issue()
    issue.source = folder / "doc.layout.json"
    page = issue.pages[0]
    for index, name in enumerate(names):
        rect = page.grid.area(page.type_area, 1 + index % 4 * 2, 2 + index % 4 * 2, 5 + index // 4 * 20, 15)
        page.frames.append(PhotoFrame(f"p{index}", rect, image=name))
    return issue


GOOD = ["cmyk.jpg", "grey.jpg", "alpha.png", "photo.tif", "rotated.jpg", "sixteen.png"]
BAD = {"missing.jpg": "missing", "corrupt.jpg": "cannot be read", "small.gif": "GIF",
       "huge.png": "too large to place (20000×20000 pixels", "truncated.jpg": "truncated"}


def test_good_photos_are_placed_upright_with_their_resolution(photos):
    laid = LayoutEngine().layout(_issue_with(photos, GOOD))
    images = [i for i in laid.pages[0].items if isinstance(i, ImageItem)]
    assert len(images) == len(GOOD)
    assert laid.report.findings == []
    by_name = {Path(i.path).name: i for i in images}
    assert by_name["rotated.jpg"].pixel_size == (1200, 900)  # EXIF orientation applied
    assert by_name["rotated.jpg"].orientation == 6
    assert by_name["cmyk.jpg"].mode == "CMYK" and by_name["grey.jpg"].mode == "L"
    for image in images:
        expected = image.crop.w * image.pixel_size[0] / (image.rect.w / 72)
        assert image.ppi == pytest.approx(expected, rel=0.01)


@pytest.mark.parametrize("name", sorted(BAD))
def test_bad_photos_become_placeholders_with_a_message(photos, name):
    laid = LayoutEngine().layout(_issue_with(photos, [name]))
    items = laid.pages[0].items
    assert any(isinstance(i, PlaceholderItem) for i in items)
    assert not any(isinstance(i, ImageItem) for i in items)
    (finding,) = laid.report.findings
    assert BAD[name] in finding.message and name in finding.message


def test_huge_image_is_refused_without_using_memory(photos):
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    LayoutEngine().layout(_issue_with(photos, ["huge.png"]))
    grown_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before
    assert grown_kb < 50_000


def test_pdf_embeds_every_kind_upright(photos, tmp_path):
    out = tmp_path / "photos.pdf"
    export_pdf(_issue_with(photos, GOOD + list(BAD)), out)
    listing = subprocess.run([require_tool("pdfimages"), "-list", str(out)], capture_output=True,
                             text=True, check=True).stdout.splitlines()[2:]
    colours = sorted(line.split()[5] for line in listing)
    assert colours == ["cmyk", "gray", "gray", "rgb", "rgb", "rgb"]
    widths = {int(line.split()[3]) for line in listing}
    assert widths == {1200, 640}  # the rotated photo went in upright (1200 wide), the 16-bit one is 640


def test_focus_and_zoom_move_the_crop():
    centred = fill_crop((1200, 900), Rect(0, 0, 100, 100))
    assert centred == Rect(0.125, 0.0, 0.75, 1.0)
    left = fill_crop((1200, 900), Rect(0, 0, 100, 100), focus=(0.0, 0.5))
    assert left.x == 0.0
    zoomed = fill_crop((1200, 900), Rect(0, 0, 100, 100), focus=(0.9, 0.9), zoom=2)
    assert (zoomed.w, zoomed.h) == (0.375, 0.5)
    assert zoomed.right == pytest.approx(1.0) and zoomed.bottom == pytest.approx(1.0)


def test_pair_photos_get_equal_frames_and_recropping_one_leaves_the_other(photos):
    issue = new_issue()
    issue.source = photos / "doc.layout.json"
    page = issue.pages[0]
    pair = PhotoPair(Photo("grey.jpg"), Photo("cmyk.jpg"), caption="某路段：整治前后对比。")
    page.frames.append(PhotoPairFrame("pair", page.grid.area(page.type_area, 1, 3, 5, 16), pair=pair))
    engine = LayoutEngine()
    first = [i for i in engine.layout(issue).pages[0].items if isinstance(i, ImageItem)]
    assert first[0].rect.w == first[1].rect.w and first[0].rect.h == first[1].rect.h
    pair.after = Photo("rotated.jpg", focus=(0.2, 0.2), zoom=1.5)
    second = [i for i in engine.layout(issue).pages[0].items if isinstance(i, ImageItem)]
    assert second[0] == first[0]
    assert second[1].rect == first[1].rect and second[1].crop != first[1].crop
    text = engine.layout(issue).pages[0].text()
    assert "整治前" in text and "整治后" in text and "整治前后对比" in text


def test_screen_shows_every_kind(photos, tmp_path, qtbot):
    from layout.render.qt import QtPageRenderer, render_png

    renderer = QtPageRenderer()
    page = LayoutEngine().layout(_issue_with(photos, GOOD)).pages[0]
    render_png(page, tmp_path / "photos.png", dpi=20, renderer=renderer)
    for name in GOOD:
        image = renderer.image(str(photos / name))
        assert not image.isNull(), name
        assert image.width() > image.height(), name  # upright, landscape


def test_sixteen_bit_grey_keeps_its_tones(photos, tmp_path):
    from layout.export.pdf_export import export_pages

    for profile in ("screen", "press"):
        out = tmp_path / profile
        out.mkdir()
        if profile == "screen":
            export_pdf(_issue_with(photos, ["sixteen.png"]), out / "p.pdf")
        else:
            export_pages(_issue_with(photos, ["sixteen.png"]), out, profile="press")
        (pdf,) = out.glob("*.pdf")
        subprocess.run([require_tool("pdfimages"), "-png", str(pdf), str(out / "img")], check=True)
        (png,) = out.glob("img*.png")
        pixels = np.asarray(Image.open(png).convert("L"))
        assert pixels.min() < 60 and pixels.max() > 215, profile  # a ramp from dark to light, not white


def test_truncated_photo_is_a_placeholder_in_every_profile(photos, tmp_path):
    from layout.export.pdf_export import export_pages

    issue = _issue_with(photos, ["truncated.jpg", "grey.jpg"])
    export_pdf(issue, tmp_path / "proof.pdf", profile="proof")
    _, files = export_pages(issue, tmp_path, profile="press")
    listing = subprocess.run([require_tool("pdfimages"), "-list", str(files[0])], capture_output=True,
                             text=True, check=True).stdout.splitlines()[2:]
    assert len(listing) == 1  # the good photo; the broken one is a placeholder
