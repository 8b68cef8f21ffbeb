"""Print conditions, photos' own profiles, the checks a newspaper plant calls back about,
subset names and the package: read back with Ghostscript, poppler and pikepdf."""

import json
import subprocess
from pathlib import Path

import numpy as np
import pikepdf
import pytest
from PIL import Image

from layout.cli import main
from layout.export.conditions import CONDITIONS, CUSTOM, REGISTRY, resolve_condition
from layout.export.pdf_export import export_pages
from layout.export.preflight import Settings, preflight
from layout.model import Article, CaptionFrame, Colour, Paragraph, PhotoFrame, RuleFrame, TextFrame
from layout.model.styles import TextStyle
from layout.model.templates import new_issue
from layout.store.fileformat import load, save
from tests.conftest import require_tool

ADOBE_RGB = Path("/usr/share/color/icc/compatibleWithAdobeRGB1998.icc")  # Debian icc-profiles-free
COATED = CONDITIONS["coated"].profile_path()


def _press(issue, folder: Path, **kwargs):
    folder.mkdir()
    return export_pages(issue, folder, profile="press", **kwargs)


def _images(pdf: Path, folder: Path) -> list[np.ndarray]:
    subprocess.run([require_tool("pdfimages"), "-j", str(pdf), str(folder / "img")], check=True)
    return [np.asarray(Image.open(p), dtype=np.float32) for p in sorted(folder.glob("img*.jpg"))]


def _issue_with_photo(folder: Path, photo: Image.Image, name: str, **save_args) -> object:
    issue = new_issue()
    issue.source = folder / "doc.layout.json"
    photo.save(folder / name, **save_args)
    page = issue.pages[0]
    page.frames.append(PhotoFrame("p", page.grid.area(page.type_area, 1, 2, 10, 8), image=name))
    return issue


def _ink_total(path: Path, tmp: Path) -> np.ndarray:
    """Total ink (percent) of each pixel inside the bleed, as Ghostscript's tiffsep separates it (150 dpi)."""
    out = tmp / "sep.tif"
    subprocess.run([require_tool("gs"), "-q", "-dSAFER", "-dBATCH", "-dNOPAUSE", "-sDEVICE=tiffsep", "-r150",
                    "-dUseBleedBox", f"-sOutputFile={out}", str(path)], check=True, capture_output=True)
    plates = [np.asarray(Image.open(tmp / f"sep({ink}).tif"), dtype=np.float32)
              for ink in ("Cyan", "Magenta", "Yellow", "Black")]
    return sum((255.0 - p) / 255.0 * 100.0 for p in plates)


def test_sample_press_export_stays_within_220_percent_everywhere(sample_path, tmp_path):
    _, (pdf,) = _press(load(sample_path), tmp_path / "press")
    total = _ink_total(pdf, tmp_path)
    assert total.size > 1_000_000  # the whole bleed box of a broadsheet page at 150 dpi
    assert total.max() <= 220.0 + 0.5, f"{(total > 220.5).sum()} pixels over 220 %, worst {total.max():.1f} %"
    assert total.max() > 150  # the photos' shadows are there, not washed out
    with pikepdf.open(pdf) as doc:
        (intent,) = doc.Root.OutputIntents
        assert str(intent.OutputConditionIdentifier) == "IFRA26"


def test_adobe_rgb_photo_comes_out_as_its_profile_says(tmp_path):
    green = Image.new("RGB", (120, 90), (40, 160, 60))
    issue = _issue_with_photo(tmp_path, green, "adobe.jpg", icc_profile=ADOBE_RGB.read_bytes(), quality=98)
    _, (pdf,) = _press(issue, tmp_path / "press", condition=CONDITIONS["coated"])
    (pixels,) = _images(pdf, tmp_path)
    cmyk = np.median(pixels.reshape(-1, 4), axis=0) / 2.55
    assert np.abs(cmyk - [91, 0, 100, 0]).max() <= 3, cmyk  # not 78/6/96/1 (the same numbers read as sRGB)


def test_cmyk_photo_with_its_profile_is_converted_to_the_condition(tmp_path):
    patch = Image.new("CMYK", (60, 60), (0, 0, 0, 255))  # solid coated black: 100 % K
    issue = _issue_with_photo(tmp_path, patch, "coated.jpg", icc_profile=COATED.read_bytes(), quality=98)
    _, (pdf,) = _press(issue, tmp_path / "press")  # newsprint
    (pixels,) = _images(pdf, tmp_path)
    cmyk = np.median(pixels.reshape(-1, 4), axis=0) / 2.55
    assert cmyk.sum() <= 220 and cmyk[3] > 80, cmyk  # re-separated for newsprint, not passed through


def test_info_reports_each_photos_profile(tmp_path, capsys):
    issue = _issue_with_photo(tmp_path, Image.new("RGB", (40, 30), "red"), "adobe.jpg",
                              icc_profile=ADOBE_RGB.read_bytes())
    Image.new("RGB", (40, 30), "blue").save(tmp_path / "plain.jpg")
    page = issue.pages[0]
    page.frames.append(PhotoFrame("q", page.grid.area(page.type_area, 1, 2, 30, 8), image="plain.jpg"))
    save(issue, issue.source)
    assert main(["info", str(issue.source), "--json"]) == 0
    photos = {Path(i["path"]).name: i["profile"] for i in json.loads(capsys.readouterr().out)["images"]}
    assert photos == {"adobe.jpg": "Compatible with Adobe RGB (1998)", "plain.jpg": "no profile (sRGB assumed)"}


@pytest.fixture
def callbacks(tmp_path):
    """A page with what a plant calls back about: a hairline, a rich-black byline, a
    two-ink 8 pt caption, white 6 pt text on a four-colour fill, and a dark photo."""
    issue = new_issue()
    issue.source = tmp_path / "calls.layout.json"
    page = issue.pages[0]
    grid, area = page.grid, page.type_area
    issue.styles["byline"] = TextStyle(font="kai", size="小五", colour=Colour(0.6, 0.4, 0.4, 1.0))
    issue.styles["red-caption"] = TextStyle(font="kai", size="8pt", colour=Colour(0, 1, 1, 0))
    ramp = Image.linear_gradient("L").resize((300, 300))
    dark = Image.merge("RGB", [ramp.point(lambda v: v // 6)] * 2 + [ramp.point(lambda v: v // 3)])
    dark.save(tmp_path / "night.jpg", quality=95)
    page.frames += [
        RuleFrame("hairline", grid.area(area, 1, 8, 40, 1), weight=0.2),
        TextFrame("story", grid.area(area, 1, 4, 12, 20)),
        CaptionFrame("two-ink", grid.area(area, 5, 8, 12, 2), text="整治后的街道", style="red-caption"),
        PhotoFrame("night", grid.area(area, 5, 8, 20, 20), image="night.jpg"),
    ]
    issue.articles.append(Article("a", byline="本报讯（记者 赵紫楠）",
                                  paragraphs=[Paragraph("街道整治完成。" * 10)], flow=["story"]))
    save(issue, issue.source)
    return issue


def test_preflight_finds_what_a_plant_calls_back_about(callbacks):
    condition = CONDITIONS["coated"].with_ink_limit(220)  # a 300 % profile separates for another paper
    findings = preflight(callbacks, Settings(condition=condition))
    by_frame = {}
    for finding in findings:
        by_frame.setdefault(finding.object, []).append(finding.message)
    text = "\n".join(str(f) for f in findings)
    assert any("thinner than 0.1 mm" in m for m in by_frame.get("frame hairline", [])), text
    assert any("rich black" in m and "100 % K" in m for m in by_frame.get("frame story", [])), text
    assert any("8 pt text in 2 inks" in m for m in by_frame.get("frame two-ink", [])), text
    photo = by_frame.get("frame night (night.jpg)", [])
    assert any("more than 220 % ink as separated for FOGRA39" in m for m in photo), text


def test_preflight_finds_no_photo_over_the_limit_of_the_newsprint_profile(callbacks):
    findings = preflight(callbacks)
    assert not [f for f in findings if "ink as separated" in f.message]


def test_white_text_on_a_four_colour_fill(tmp_path):
    from layout.model.frames import BoxFrame
    issue = new_issue()
    page = issue.pages[0]
    grid, area = page.grid, page.type_area
    issue.styles["reverse"] = TextStyle(font="hei", size="6pt", colour=Colour(0, 0, 0, 0))
    page.frames += [BoxFrame("tint", grid.area(area, 1, 3, 10, 4), fill=Colour(0.5, 0.4, 0.4, 0.2), colour=None),
                    CaptionFrame("white", grid.area(area, 1, 3, 11, 2), text="反白小字", style="reverse")]
    findings = [f for f in preflight(issue) if f.object == "frame white"]
    assert any("white text on a 4-ink fill" in f.message for f in findings), findings


def _subset_names(pdf: Path) -> set[str]:
    with pikepdf.open(pdf) as doc:
        return {str(f.BaseFont)[1:] for page in doc.pages for f in page.Resources.Font.values()}


def test_two_page_files_name_their_differing_subsets_differently(tmp_path):
    issue = new_issue(pages=2)
    for number, (page, text) in enumerate(zip(issue.pages, ["东城区街道整治", "西城区河道清淤"]), start=1):
        page.frames.append(TextFrame(f"t{number}", page.grid.area(page.type_area, 1, 2, 12, 10)))
        issue.articles.append(Article(f"a{number}", paragraphs=[Paragraph(text * 5)], flow=[f"t{number}"]))
    _, files = _press(issue, tmp_path / "first")
    first, second = (_subset_names(p) for p in files)
    assert first and second and not first & second, (first, second)
    tags = [name.split("+")[0] for name in first | second]
    assert all(len(t) == 6 and t.isupper() for t in tags)
    _, again = _press(issue, tmp_path / "again")
    assert _subset_names(again[0]) == first  # the same file made again keeps its names


def test_package_with_icc_writes_pdfs_with_that_profile(sample_copy, tmp_path):
    out = tmp_path / "pkg"
    assert main(["package", str(sample_copy), "-o", str(out), "--icc", str(COATED), "-q"]) == 0
    (pdf,) = sorted((out / "press").glob("*.pdf"))
    with pikepdf.open(pdf) as doc:
        (intent,) = doc.Root.OutputIntents
        assert intent.DestOutputProfile.read_bytes() == COATED.read_bytes()
        assert str(intent.OutputConditionIdentifier) == CUSTOM and "/RegistryName" not in intent
        assert "basICColor" in str(intent.Info)
    about = json.loads((out / "condition.json").read_text("utf-8"))
    assert about["output_condition_identifier"] == CUSTOM and about["program"].startswith("layout ")
    assert (out / "icc" / COATED.name).read_bytes() == COATED.read_bytes()
    assert (out / "proof.pdf").stat().st_size > 10_000


def test_a_profile_for_another_paper_is_refused_for_ifra26(tmp_path):
    with pytest.raises(ValueError, match="does not describe IFRA26: its paper white"):
        resolve_condition("IFRA26", COATED, None)
    fogra = resolve_condition("FOGRA39", COATED, None)
    assert fogra.registry_name == REGISTRY and fogra.identifier == "FOGRA39" and fogra.ink_limit == 300


def test_ink_limit_follows_the_condition_and_can_be_set(tmp_path):
    assert resolve_condition(None, None, None).ink_limit == 220
    assert resolve_condition("coated", None, 260).ink_limit == 260
    with pytest.raises(ValueError, match="between 100 and 400"):
        resolve_condition(None, None, 20)


def test_ink_over_the_limit_goes_to_black_before_colour_is_cut():
    from layout.export.images import limit_ink
    dark = Image.new("CMYK", (4, 4), (204, 178, 178, 230))  # 80/70/70/90 %: 310 %
    pixels = np.asarray(limit_ink(dark, 220.0), dtype=float).reshape(-1, 4)[0]
    assert pixels.sum() / 2.55 <= 220.0
    assert pixels[3] == 255  # black took the grey first
    assert pixels[0] > pixels[1] == pytest.approx(pixels[2], abs=1)  # the cast (more cyan) is kept


def test_a_photo_with_a_damaged_profile_is_taken_as_srgb(tmp_path, capsys):
    red = Image.new("RGB", (60, 40), (200, 30, 30))
    issue = _issue_with_photo(tmp_path, red, "broken.jpg", icc_profile=b"not a profile at all" * 10, quality=98)
    _, (pdf,) = _press(issue, tmp_path / "press")
    (pixels,) = _images(pdf, tmp_path)
    plain = _issue_with_photo(tmp_path, red, "plain.jpg", quality=98)
    _, (reference,) = _press(plain, tmp_path / "plain")
    (expected,) = _images(reference, tmp_path / "plain")
    assert np.abs(np.median(pixels.reshape(-1, 4), axis=0) - np.median(expected.reshape(-1, 4), axis=0)).max() <= 3
    save(issue, issue.source)
    assert main(["info", str(issue.source), "--json"]) == 0
    (image,) = json.loads(capsys.readouterr().out)["images"]
    assert image["profile"] == "a damaged profile (sRGB assumed)"
