"""Preflight finds each problem on a document built to have them, and nothing on the sample."""

import json
import shutil
import subprocess
import sys

import pytest
from PIL import Image

from layout.cli import main
from layout.engine.fonts import font_dir
from layout.export.preflight import ERROR, WARNING, font_findings, preflight
from layout.model import Article, CaptionFrame, Colour, Paragraph, PhotoFrame, Rect, RuleFrame, TextFrame
from layout.model.templates import new_issue
from layout.store.fileformat import load, save


def test_sample_is_clean(sample_path):
    assert preflight(load(sample_path)) == []


@pytest.fixture
def troubled(tmp_path):
    """A document with one of each problem."""
    issue = new_issue()
    issue.source = tmp_path / "bad.layout.json"
    page = issue.pages[0]
    grid, area = page.grid, page.type_area
    Image.new("RGB", (100, 75), "grey").save(tmp_path / "small.jpg")
    page.frames += [
        TextFrame("overset", grid.area(area, 1, 1, 10, 2)),
        TextFrame("empty-text", grid.area(area, 2, 2, 10, 5)),
        PhotoFrame("lowres", grid.area(area, 3, 4, 10, 10), image="small.jpg"),
        PhotoFrame("missing", grid.area(area, 5, 6, 10, 10), image="gone.jpg"),
        PhotoFrame("no-photo", grid.area(area, 7, 8, 10, 10)),
        CaptionFrame("empty-caption", grid.area(area, 1, 2, 30, 2), text=" "),
        RuleFrame("ink", grid.area(area, 1, 8, 40, 1), colour=Colour(1, 1, 1, 1)),
        CaptionFrame("crossing", Rect(-5, 600, 100, 20), text="出血不足"),
        PhotoFrame("bleeding", Rect(-9, 700, 100, 50), image="small.jpg", fit="fit"),
    ]
    issue.articles.append(Article("a", paragraphs=[Paragraph("一二三四五六七八九十" * 20 + "堃😀")], flow=["overset"]))
    save(issue, issue.source)
    return issue


def _messages(findings, severity):
    return {(f.object, f.message.split(" ")[0]) for f in findings if f.severity == severity}


def test_each_problem_is_found_and_named(troubled):
    findings = preflight(troubled)
    text = "\n".join(str(f) for f in findings)
    errors = [f for f in findings if f.severity == ERROR]
    warnings = [f for f in findings if f.severity == WARNING]
    assert any(f.object == "article a" and "overset" in f.message and f.page == 1 for f in errors), text
    assert any("😀" in f.message and "missing from every font" in f.message for f in errors), text
    assert not any("堃" in f.message for f in findings)  # a rare character the fonts do have
    assert any(f.object == "frame missing" and "gone.jpg" in f.message for f in errors), text
    assert any(f.object == "frame lowres (small.jpg)" and "under 200" in f.message for f in warnings), text
    assert any(f.object == "frame ink" and "400 % ink" in f.message for f in errors), text
    assert any(f.object == "frame crossing" and "bleed" in f.message for f in errors), text
    assert not any(f.object == "frame bleeding" and "bleed" in f.message for f in findings), text
    empties = {f.object for f in warnings if "with no" in f.message}
    assert {"frame empty-text", "frame no-photo", "frame empty-caption"} <= empties, text
    assert all(f.page == 1 for f in findings if f.object.startswith("frame")), text


def test_fonts_that_cannot_be_embedded(tmp_path, monkeypatch):
    from fontTools.ttLib import TTFont

    source = font_dir() / "NotoSerifSC-Ext.ttf"
    locked = TTFont(source)
    locked["OS/2"].fsType = 0x0002
    locked.save(tmp_path / "Locked.ttf")
    monkeypatch.setenv("LAYOUT_FONT_DIR", str(tmp_path))
    findings = font_findings(["Locked.ttf", "Absent.ttf"])
    assert [f.object for f in findings] == ["font Locked.ttf", "font Absent.ttf"]
    assert "forbids embedding" in findings[0].message and "missing" in findings[1].message


def test_cli_preflight_and_press_refusal(troubled, tmp_path, capsys):
    assert main(["preflight", str(troubled.source), "--json"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert {"severity", "page", "object", "message"} <= set(data[0])
    out = tmp_path / "press"
    assert main(["export", str(troubled.source), "--profile", "press", "-o", str(out)]) == 2
    assert "preflight found" in capsys.readouterr().err and not out.exists()
    assert main(["export", "-q", str(troubled.source), "--profile", "press", "-o", str(out), "--force"]) == 0
    assert (out / f"{troubled.date:%Y%m%d}-01.pdf").is_file()


def test_package_opens_and_exports_the_same_elsewhere(sample_path, tmp_path):
    from layout.engine.displaylist import dump
    from layout.engine.page import LayoutEngine

    package = tmp_path / "package"
    assert main(["package", "-q", str(sample_path), "-o", str(package)]) == 0
    manifest = json.loads((package / "manifest.json").read_text("utf-8"))
    paths = {f["path"] for f in manifest["files"]}
    assert {"tongzhou.layout.json", "press/20230215-02.pdf", "photos/road.jpg"} <= paths
    assert any(p.startswith("fonts/LICENSE") for p in paths)
    assert all(len(f["sha256"]) == 64 and f["size"] > 0 for f in manifest["files"])
    moved = tmp_path / "elsewhere"
    shutil.move(package, moved)
    original = dump(LayoutEngine().layout(load(sample_path)).pages[0])
    again = dump(LayoutEngine().layout(load(moved / "tongzhou.layout.json")).pages[0])
    strip = lambda text: "\n".join(line.split(" ")[0] + " " + " ".join(line.split(" ")[2:])  # noqa: E731
                                   if line.startswith("I ") else line for line in text.splitlines())
    assert strip(again) == strip(original)
    env = {"LAYOUT_FONT_DIR": str(moved / "fonts"), "PATH": "/usr/bin:/bin"}
    result = subprocess.run([sys.executable, "-m", "layout", "export", "-q", str(moved / "tongzhou.layout.json"),
                             "-o", str(tmp_path / "again.pdf")], capture_output=True, text=True, env=env)
    assert result.returncode == 0, result.stderr


def test_package_refuses_a_folder_with_files(sample_path, tmp_path, capsys):
    (tmp_path / "full").mkdir()
    (tmp_path / "full" / "x").write_text("x")
    assert main(["package", "-q", str(sample_path), "-o", str(tmp_path / "full")]) != 0
    assert "not empty" in capsys.readouterr().err


def test_bad_output_profile_is_one_clear_line(sample_path, tmp_path, capsys):
    text_file = tmp_path / "notes.icc"
    text_file.write_text("not a profile", "utf-8")
    for icc in (text_file, "/nonexistent.icc"):
        assert main(["export", str(sample_path), "--profile", "press", "--icc", str(icc),
                     "-o", str(tmp_path / "out")]) == 2
        err = capsys.readouterr().err.strip().splitlines()
        assert len(err) == 1 and str(icc) in err[0] and "Traceback" not in err[0]
    assert not (tmp_path / "out").exists()


def test_failed_exports_leave_nothing_behind(sample_copy, tmp_path, monkeypatch):
    from layout.export import images

    def broken(self, item):
        raise OSError("disk on fire")

    monkeypatch.setattr(images.ImagePreparer, "_make", broken)
    assert main(["export", "-q", str(sample_copy), "--profile", "press", "-o", str(tmp_path / "press")]) == 2
    assert not (tmp_path / "press").exists()
    assert main(["package", "-q", str(sample_copy), "-o", str(tmp_path / "package")]) == 2
    assert sorted(p.name for p in tmp_path.iterdir()) == ["sample"]
