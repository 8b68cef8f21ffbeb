"""The command line: new, export, info, and one clear error line for a bad file."""

import json
import subprocess
import sys

import pytest

from layout.cli import main
from tests.conftest import SAMPLE_TEXT


def run_cli(*args: str) -> subprocess.CompletedProcess:
    """Run ``python -m layout`` as a user would."""
    return subprocess.run([sys.executable, "-m", "layout", *args], capture_output=True, text=True, timeout=120)


@pytest.fixture
def truncated(sample_path, tmp_path):
    path = tmp_path / "cut.layout.json"
    path.write_bytes(sample_path.read_bytes()[:300])
    return path


@pytest.fixture
def wrong_schema(sample_path, tmp_path):
    data = json.loads(sample_path.read_text("utf-8"))
    del data["pages"][0]["grid"]
    path = tmp_path / "bad.layout.json"
    path.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    return path


@pytest.mark.parametrize("case", ["missing", "truncated", "wrong_schema"])
def test_export_of_a_bad_file_is_one_clear_line(case, request, tmp_path):
    path = tmp_path / "missing.layout.json" if case == "missing" else request.getfixturevalue(case)
    result = run_cli("export", str(path), "-o", str(tmp_path / "out.pdf"))
    assert result.returncode != 0
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("layout: error: ") and str(path) in lines[0]
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "out.pdf").exists()


def test_new_makes_a_loadable_broadsheet(tmp_path, capsys):
    out = tmp_path / "new.layout.json"
    assert main(["new", "-o", str(out), "--template", "broadsheet", "--date", "2023-02-15"]) == 0
    assert main(["info", str(out), "--json"]) == 0
    data = json.loads(capsys.readouterr().out.split("\n", 1)[1])
    assert data["pages"][0]["columns"] == 8
    assert data["pages"][0]["size_mm"] == [390.0, 540.0]


def test_new_refuses_to_overwrite(tmp_path):
    out = tmp_path / "new.layout.json"
    out.write_text("keep me", "utf-8")
    assert main(["new", "-o", str(out)]) != 0
    assert out.read_text("utf-8") == "keep me"


def test_info_json_lists_the_sample(sample_path, capsys):
    assert main(["info", str(sample_path), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [a["id"] for a in data["articles"]] == ["a1", "a2", "a3", "a4", "a5"]
    assert all(a["chars"] > 200 for a in data["articles"])
    assert all(a["overset_chars"] == 0 for a in data["articles"])
    assert data["frames"]["text"] == 5
    assert data["frames"]["headline"] == 5
    assert data["frames"]["folio"] == 1
    photos = data["photos"]
    assert (photos["photo_frames"], photos["photo_pairs"], photos["single_photos"]) == (1, 4, 6)
    (series,) = photos["series"]
    assert (series["title"], series["singles_title"]) == ("整治前后", "挂账督办")
    assert series["credit"].startswith("（通州区城市管理委员会发布 第284期）")
    assert len(data["images"]) == 1 + 4 * 2 + 6
    assert all(image["ppi"] >= 200 for image in data["images"])


def test_info_reports_overset(sample_copy, capsys):
    data = json.loads(sample_copy.read_text("utf-8"))
    for frame in data["pages"][0]["frames"]:
        if frame["id"] == "a1-body":
            frame["rect"][3] = 27.0  # two lines
    sample_copy.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    assert main(["info", str(sample_copy)]) == 0
    a1_line = next(line for line in capsys.readouterr().out.splitlines() if line.startswith("article a1 "))
    overset = int(a1_line.rsplit("OVERSET ", 1)[1].split()[0])
    assert 999 - 10 * 13 - 10 < overset < 999 - 10 * 12  # ten lines of 13 characters were set
    lines = int(a1_line.rsplit("chars, ", 1)[1].split()[0])
    assert overset / 13 <= lines <= overset / 10  # in lines of the last column (copy-fit in lines)


def test_export_writes_a_pdf(sample_path, tmp_path):
    out = tmp_path / "page.pdf"
    result = run_cli("export", str(sample_path), "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert out.read_bytes().startswith(b"%PDF-")


def test_export_refuses_to_overwrite_the_document(sample_copy, capsys):
    before = sample_copy.read_bytes()
    assert main(["export", str(sample_copy), "-o", str(sample_copy)]) != 0
    assert sample_copy.read_bytes() == before
    assert "the document itself" in capsys.readouterr().err


def test_output_in_a_missing_folder_is_refused(sample_path, tmp_path, capsys):
    assert main(["export", str(sample_path), "-o", str(tmp_path / "no" / "such" / "page.pdf")]) != 0
    assert not (tmp_path / "no").exists()
    assert "does not exist" in capsys.readouterr().err
    assert main(["export", str(sample_path), "-o", str(tmp_path)]) != 0
    assert "is a folder" in capsys.readouterr().err


def test_written_files_are_readable_by_others(sample_path, tmp_path):
    out = tmp_path / "page.pdf"
    assert main(["export", "-q", str(sample_path), "-o", str(out)]) == 0
    assert out.stat().st_mode & 0o044 == 0o044


@pytest.mark.parametrize("args", [
    ["--pages", "0"], ["--pages", "-3"], ["--date", "2023-13-45"], ["--date", "yesterday"],
])
def test_new_refuses_bad_options(args, tmp_path, capsys):
    with pytest.raises(SystemExit) as exited:
        main(["new", "-o", str(tmp_path / "x.layout.json"), *args])
    assert exited.value.code == 2
    assert args[0] in capsys.readouterr().err
    assert not (tmp_path / "x.layout.json").exists()


@pytest.mark.parametrize(("content", "message"), [
    (b"%PDF-1.3\n", "is a PDF"),
    (b'{"format": "other"}', "its format is 'other'"),
    ('{"format": "layout-issue", "paper": "北'.encode()[:-1], "truncated"),
])
def test_misleading_files_are_named_for_what_they_are(content, message, tmp_path, capsys):
    path = tmp_path / "x.layout.json"
    path.write_bytes(content)
    assert main(["info", str(path)]) != 0
    assert message in capsys.readouterr().err


def test_open_without_a_display_says_so(monkeypatch, capsys):
    from layout.launcher import main as launch

    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    assert launch(["open"]) != 0
    assert "xvfb-run" in capsys.readouterr().err


def test_import_article_of_the_seed_text_exports_all_its_text(tmp_path):
    import re

    doc = tmp_path / "new.layout.json"
    assert main(["new", "-o", str(doc), "--date", "2023-02-15", "--pages", "2"]) == 0
    assert main(["import-article", str(doc), str(SAMPLE_TEXT), "--page", "2", "--columns", "1-8",
                 "--top", "12"]) == 0
    pdf = tmp_path / "new.pdf"
    assert main(["export", "-q", str(doc), "-o", str(pdf)]) == 0
    text = re.sub(r"\s+", "", subprocess.run(["pdftotext", "-raw", str(pdf), "-"], capture_output=True,
                                               text=True, check=True).stdout)
    from layout.importer.cleanup import full_width_punctuation

    source = SAMPLE_TEXT.read_text("utf-8")
    for line in source.splitlines():
        wanted = re.sub(r"\s+", "", full_width_punctuation(line))
        assert wanted in text or wanted.replace("(", "（").replace(")", "）") in text, line
    data = json.loads(subprocess.run([sys.executable, "-m", "layout", "info", "--json", str(doc)],
                                     capture_output=True, text=True, check=True).stdout)
    assert all(a["overset_chars"] == 0 for a in data["articles"])


def test_add_photo_pair_keeps_paths_relative(tmp_path, sample_path):
    import shutil

    doc = tmp_path / "doc.layout.json"
    main(["new", "-o", str(doc)])
    photos = tmp_path / "photos"
    shutil.copytree(sample_path.parent / "photos", photos)
    assert main(["add-photo-pair", str(doc), str(photos / "pair2-before.jpg"), str(photos / "pair2-after.jpg"),
                 "--page", "1", "--columns", "1-3", "--top", "40", "--caption", "某路段：围墙粉刷一新。"]) == 0
    data = json.loads(doc.read_text("utf-8"))
    (pair,) = [f for f in data["pages"][0]["frames"] if f["kind"] == "photo_pair"]
    assert pair["pair"]["before"]["image"] == "photos/pair2-before.jpg"
    assert pair["pair"]["labels"] == ["整治前", "整治后"]


@pytest.mark.parametrize(("args", "message"), [
    (["--page", "9", "--columns", "1-3", "--top", "40"], "no page 9"),
    (["--page", "1", "--columns", "7-9", "--top", "40"], "not within 1-8"),
    (["--page", "1", "--columns", "1-3", "--top", "900"], "below the type area"),
])
def test_placing_outside_the_page_is_refused(args, message, tmp_path, capsys):
    doc = tmp_path / "doc.layout.json"
    main(["new", "-o", str(doc)])
    before = doc.read_bytes()
    assert main(["import-article", str(doc), str(SAMPLE_TEXT), *args]) != 0
    assert message in capsys.readouterr().err
    assert doc.read_bytes() == before


def test_placing_over_the_masthead_is_refused_with_a_way_out(tmp_path, capsys):
    doc = tmp_path / "doc.layout.json"
    main(["new", "-o", str(doc), "--pages", "2"])
    before = doc.read_bytes()
    assert main(["import-article", str(doc), str(SAMPLE_TEXT), "--page", "1", "--columns", "1-8", "--top", "0"]) == 2
    err = capsys.readouterr().err
    assert "p1-masthead" in err and "--top 38" in err
    assert doc.read_bytes() == before
    assert main(["import-article", str(doc), str(SAMPLE_TEXT), "--page", "1", "--columns", "1-8",
                 "--top", "38"]) == 0
    assert main(["preflight", str(doc)]) == 0


def test_version_names_python_qt_and_the_libraries():
    result = run_cli("--version")
    assert result.returncode == 0
    names = [line.split()[0] for line in result.stdout.splitlines()]
    for name in ("layout", "Python", "PySide6", "Qt", "reportlab", "Pillow"):
        assert name in names, result.stdout
    qt = next(line for line in result.stdout.splitlines() if line.startswith("Qt "))
    assert qt.split()[1][0].isdigit(), qt
