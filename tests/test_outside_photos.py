"""Photos stay inside the document's world: paths that leave its folder are reported by
preflight and info, refused by package unless --allow-outside, and a package's
manifest is checked when it is opened."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from layout.cli import main
from layout.export.package import check_manifest, write_manifest
from layout.model.assets import leaves_folder
from layout.store.assets import outside_photos
from layout.store.fileformat import load


def _point_road_at(document: Path, image: str) -> Path:
    text = document.read_text("utf-8")
    assert '"photos/road.jpg"' in text
    document.write_text(text.replace('"photos/road.jpg"', json.dumps(image)), "utf-8")
    return document


@pytest.mark.parametrize("image, outside", [
    ("photos/road.jpg", False), ("../outside/secret.txt", True), ("/etc/shadow", True),
    ("/proc/self/environ", True), ("photos/../photos/road.jpg", True),
])
def test_paths_that_leave_the_folder(image, outside):
    assert leaves_folder(image) is outside


def test_a_link_out_of_the_folder_is_outside(sample_copy, tmp_path):
    original = sample_copy.read_text("utf-8")
    (sample_copy.parent / "link.jpg").symlink_to(sample_copy.parent / "photos" / "road.jpg")
    (sample_copy.parent / "escape.jpg").symlink_to(tmp_path / "elsewhere.jpg")
    assert [p.image for p in outside_photos(load(_point_road_at(sample_copy, "escape.jpg")))] == ["escape.jpg"]
    sample_copy.write_text(original, "utf-8")
    assert outside_photos(load(_point_road_at(sample_copy, "link.jpg"))) == []


def test_preflight_and_info_report_a_photo_outside_the_folder(sample_copy, capsys):
    document = _point_road_at(sample_copy, "../outside/secret.txt")
    main(["preflight", str(document)])
    out = capsys.readouterr().out
    assert "../outside/secret.txt lies outside the document's folder" in out
    assert main(["info", "--json", str(document)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [p["path"] for p in data["outside_photos"]] == ["../outside/secret.txt"]


@pytest.mark.parametrize("image", ["../outside/secret.txt", "/proc/self/environ", "/etc/shadow"])
def test_package_refuses_photos_outside_the_folder(image, sample_copy, tmp_path, capsys):
    secret = sample_copy.parent.parent / "outside" / "secret.txt"
    secret.parent.mkdir()
    secret.write_text("secret")
    document = _point_road_at(sample_copy, image)
    package = tmp_path / "package"
    assert main(["package", "-q", "--force", str(document), "-o", str(package)]) == 2
    err = capsys.readouterr().err
    assert f"photo {image} (page 2, frame " in err and "--allow-outside" in err
    assert not package.exists() and not list(tmp_path.glob(".layout-scratch-*"))


def test_package_never_copies_a_proc_file_even_when_allowed(sample_copy, tmp_path, capsys):
    document = _point_road_at(sample_copy, "/proc/self/environ")
    package = tmp_path / "package"
    assert main(["package", "-q", "--force", "--allow-outside", str(document), "-o", str(package)]) == 2
    assert "system file" in capsys.readouterr().err and not package.exists()


def test_package_with_allow_outside_copies_a_regular_photo(sample_copy, tmp_path):
    outside = tmp_path / "elsewhere" / "road.jpg"
    outside.parent.mkdir()
    shutil.move(sample_copy.parent / "photos" / "road.jpg", outside)
    document = _point_road_at(sample_copy, str(outside))
    package = tmp_path / "package"
    assert main(["package", "-q", "--allow-outside", str(document), "-o", str(package)]) == 0
    assert (package / "photos" / "road.jpg").read_bytes() == outside.read_bytes()
    assert not outside_photos(load(package / sample_copy.name))


def test_a_wrong_checksum_is_reported_when_a_package_is_opened(sample_copy, capsys):
    folder = sample_copy.parent
    write_manifest(folder)
    assert check_manifest(folder) == []
    photo = folder / "photos" / "road.jpg"
    photo.write_bytes(photo.read_bytes()[:-10] + b"0123456789")
    (folder / "photos" / "pair1-after.jpg").unlink()
    problems = check_manifest(folder)
    assert any("photos/road.jpg: its checksum is not the one in the manifest" in p for p in problems)
    assert any("photos/pair1-after.jpg: listed in the manifest but missing" in p for p in problems)
    main(["info", str(sample_copy)])
    err = capsys.readouterr().err
    assert "warning: package" in err and "road.jpg: its checksum" in err


def test_a_manifest_naming_files_outside_the_package_is_reported(tmp_path):
    (tmp_path / "manifest.json").write_text(json.dumps({"files": [
        {"path": "../../etc/passwd", "size": 1, "sha256": "0" * 64}]}))
    assert check_manifest(tmp_path) == ["../../etc/passwd: the manifest names a file outside the package"]
