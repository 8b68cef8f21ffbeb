"""Hardening, round two (issue 20): what hostile and careless input still broke, one
test (or a few) per point of the issue, most severe first. Every input is built here."""

from __future__ import annotations

import copy
import os
import threading
from pathlib import Path

import pytest
from PIL import Image

from layout.cli import main
from layout.engine import crashreport
from layout.export import package
from layout.export.outputs import OutputError, check_replaceable, document_files
from layout.model.assets import image_holders
from layout.store import recovery
from layout.store.assets import AssetError, open_photo, photo_path
from layout.store.fileformat import load, save


def _never_opens(document, shot):
    raise AssertionError("the editor must not start for a refused screenshot")


def _jpeg(path: Path, colour: tuple[int, int, int], size: tuple[int, int] = (64, 48)) -> bytes:
    path.parent.mkdir(parents=True, exist_ok=True)
    Image.new("RGB", size, colour).save(path, "JPEG")
    return path.read_bytes()


# (1) screenshots and every other output follow the exports' overwrite rules

@pytest.mark.parametrize("victim", ["document", "backup", "other_document", "notes.txt", "photo",
                                    "hard_link.png", "link_out.png"])
def test_1_screenshot_never_replaces_a_file_it_did_not_write(victim, sample_copy, tmp_path, capsys):
    folder = sample_copy.parent
    save(load(sample_copy), sample_copy)  # makes the .bak
    (folder / "other.layout.json").write_bytes(sample_copy.read_bytes())
    (folder / "notes.txt").write_text("编辑部备忘\n", "utf-8")
    os.link(sample_copy, folder / "hard_link.png")
    outside = tmp_path / "outside.png"
    outside.write_bytes(b"\x89PNG\r\n\x1a\n not ours")
    (folder / "link_out.png").symlink_to(outside)
    target = {"document": sample_copy, "backup": folder / "tongzhou.layout.json.bak",
              "other_document": folder / "other.layout.json", "photo": folder / "photos" / "road.jpg"
              }.get(victim, folder / victim)
    watched = [sample_copy, folder / "tongzhou.layout.json.bak", folder / "other.layout.json",
               folder / "notes.txt", folder / "photos" / "road.jpg", outside]
    before = {path: path.read_bytes() for path in watched}
    status = main(["open", str(sample_copy), "--screenshot", str(target)], open_editor=_never_opens)
    err = capsys.readouterr().err
    assert status == 2 and err.count("\n") == 1 and str(target) in err
    assert {path: path.read_bytes() for path in watched} == before
    assert (folder / "link_out.png").is_symlink()


def test_1_the_document_and_its_backup_are_never_replaced_even_forced(sample_copy):
    for kept in document_files(sample_copy):
        kept.write_bytes(b"%PDF-1.4 looks like ours\n") if not kept.exists() else None
        with pytest.raises(OutputError, match="never replaced"):
            check_replaceable(kept, force=True, kind="pdf", keep=document_files(sample_copy))


def test_1_the_screenshot_is_written_whole_by_the_output_rules(qtbot, sample_copy, tmp_path):
    from PySide6.QtWidgets import QApplication

    from layout.gui.main_window import MainWindow
    from layout.gui.screenshot import Screenshot, take_screenshot

    window = MainWindow()
    qtbot.addWidget(window)
    window.safekeeping.quiet = True
    assert window.open_document(sample_copy)
    before = sample_copy.read_bytes()
    with pytest.raises(OutputError):
        take_screenshot(QApplication.instance(), window, Screenshot(path=str(sample_copy), force=True))
    assert sample_copy.read_bytes() == before
    shot = tmp_path / "shot.png"
    old = tmp_path / "old.png"
    Image.new("RGB", (4, 4)).save(old)
    os.link(old, shot)  # an earlier picture with a second name: replaced, never written through
    assert take_screenshot(QApplication.instance(), window, Screenshot(path=str(shot))) == 0
    with Image.open(shot) as picture:
        assert picture.size[0] > 1000
    with Image.open(old) as picture:
        assert picture.size == (4, 4)


def test_1_a_crash_report_is_never_written_through_a_planted_link(tmp_path, monkeypatch):
    monkeypatch.setattr(crashreport, "crash_folder", lambda: tmp_path / "crashes")
    (tmp_path / "crashes").mkdir()
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me\n", "utf-8")
    stamp = crashreport.time.strftime("%Y%m%d-%H%M%S")
    (tmp_path / "crashes" / f"crash-{stamp}-{os.getpid()}.txt").symlink_to(victim)  # the old, fixed name
    try:
        raise ZeroDivisionError("bad \udcff place")
    except ZeroDivisionError as exc:
        report = crashreport.write_report(exc, "layout info \udcff")
    assert report is not None and report.parent == tmp_path / "crashes" and not report.is_symlink()
    assert "ZeroDivisionError" in report.read_text("utf-8") and victim.read_text("utf-8") == "keep me\n"


def test_1_a_recovery_file_replaces_a_planted_link_never_its_target(sample_copy, tmp_path):
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me\n", "utf-8")
    path = recovery.recovery_path(sample_copy)
    path.symlink_to(victim)
    recovery.write(load(sample_copy), path)
    assert victim.read_text("utf-8") == "keep me\n" and not path.is_symlink()
    assert len(load(path).pages) == len(load(sample_copy).pages)


# (2) package: two photos of one name stay two photos

def _point_photos_at(document: Path, images: list[str]) -> None:
    issue = load(document)
    holders = [h for page in issue.pages for f in page.frames for h in image_holders(f) if h.image]
    assert len(holders) >= len(images)
    for holder, image in zip(holders, images):
        holder.image = image
    save(issue, document)


def _packaged_bytes(folder: Path) -> list[bytes]:
    issue = load(next(folder.glob("*.layout.json")))
    return [photo_path(issue, h.image).read_bytes()
            for page in issue.pages for f in page.frames for h in image_holders(f) if h.image]


def test_2_package_gives_photos_of_one_name_names_of_their_own(sample_copy, tmp_path):
    folder = sample_copy.parent
    images = ["photos/a.jpg", "sub/a.jpg", "photos/a-2.jpg", "photos/2-a.jpg", "other/A.JPG", "link/a.jpg"]
    contents = [_jpeg(folder / image, (40 * n, 255 - 30 * n, 90)) for n, image in enumerate(images[:5])]
    (folder / "link").mkdir()
    (folder / "link" / "a.jpg").symlink_to(folder / "sub" / "a.jpg")  # the same file by another path
    contents.append(contents[1])
    _point_photos_at(sample_copy, images)
    manifest = package.make_package(load(sample_copy), tmp_path / "pkg")
    packaged = _packaged_bytes(tmp_path / "pkg")
    assert packaged[:len(images)] == contents
    names = sorted(p.name for p in (tmp_path / "pkg" / "photos").iterdir())
    assert len({n.casefold() for n in names}) == len(names)
    assert not package.check_manifest(tmp_path / "pkg") and manifest["files"]


# (3) package: an outside file never gets in through a race; never a non-picture

def test_3_package_never_copies_an_outside_file_swapped_in_by_a_race(sample_copy, tmp_path):
    folder = sample_copy.parent
    road = folder / "photos" / "road.jpg"
    secret = _jpeg(tmp_path / "outside" / "secret.jpg", (255, 0, 0))
    parked = folder / "photos" / ".road.real"
    issue = load(sample_copy)
    stop = threading.Event()

    def swap() -> None:
        while not stop.is_set():
            os.replace(road, parked)
            road.symlink_to(tmp_path / "outside" / "secret.jpg")
            os.replace(parked, road)  # back to the real file

    swapper = threading.Thread(target=swap)
    swapper.start()
    copied = refused = 0
    try:
        for attempt in range(150):
            out = tmp_path / f"p{attempt}"
            out.mkdir()
            try:
                package._copy_photos(issue, copy.deepcopy(issue), out, allow_outside=False)
            except ValueError as exc:
                assert "it is not packaged" in str(exc)
                refused += 1
                continue
            for photo in (out / "photos").iterdir():
                assert photo.read_bytes() != secret
                copied += 1
    finally:
        stop.set()
        swapper.join()
    assert copied > 0


def test_3_an_outside_link_is_refused_on_the_open_file(sample_copy, tmp_path):
    _jpeg(tmp_path / "secret.jpg", (255, 0, 0))
    link = sample_copy.parent / "photos" / "escape.jpg"
    link.symlink_to(tmp_path / "secret.jpg")
    with pytest.raises(AssetError, match="outside"):
        open_photo(link, inside=sample_copy.parent)
    handle, info = open_photo(link)
    handle.close()
    assert info.st_size > 0


@pytest.mark.parametrize("content", [b"root:$6$salt$hash:19000:0:99999:7:::\n", b"%PDF-1.4\n", b"\x89PNG\r\n"])
def test_3_package_never_copies_a_file_that_is_not_a_picture_even_allowed(content, sample_copy, tmp_path, capsys):
    shadow = tmp_path / "etc" / "shadow"
    shadow.parent.mkdir()
    shadow.write_bytes(content)
    _point_photos_at(sample_copy, [str(shadow)])
    status = main(["package", "-q", "--force", "--allow-outside", str(sample_copy), "-o", str(tmp_path / "pkg")])
    err = capsys.readouterr().err
    assert status == 2 and "is not a JPEG, PNG or TIFF picture" in err and str(shadow) in err
    assert not (tmp_path / "pkg").exists()


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads every file")
def test_3_an_unreadable_photo_is_refused_not_skipped(sample_copy, tmp_path, capsys):
    road = sample_copy.parent / "photos" / "road.jpg"
    road.chmod(0)
    status = main(["package", "-q", "--force", str(sample_copy), "-o", str(tmp_path / "pkg")])
    assert status == 2 and "cannot be read" in capsys.readouterr().err


def test_9_a_package_folder_gets_the_users_umask(sample_copy, tmp_path):
    mask = os.umask(0o022)
    try:
        package.make_package(load(sample_copy), tmp_path / "pkg")
    finally:
        os.umask(mask)
    assert (tmp_path / "pkg").stat().st_mode & 0o777 == 0o755


# (4) a damaged PNG or TIFF is reported as a truncated JPEG is

def _png_chunk(kind: bytes, data: bytes) -> bytes:
    import struct
    import zlib
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def _half_png(path: Path, width: int = 300, height: int = 200) -> None:
    """A PNG whose chunk checksums are all right but whose pixel data holds only half its rows."""
    import struct
    import zlib
    rows = b"".join(b"\0" + bytes([120, 160, 200]) * width for _ in range(height // 2))
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + _png_chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
                     + _png_chunk(b"IDAT", zlib.compress(rows)) + _png_chunk(b"IEND", b""))


def _cut_tiff(path: Path) -> None:
    Image.new("CMYK", (400, 300), (0, 40, 80, 10)).save(path, compression="raw")
    data = path.read_bytes()
    offset = Image.open(path).tag_v2[273][0]
    path.write_bytes(data[:offset + 1000] + data[-200:] if offset > 1000 else data[:len(data) // 2])


@pytest.mark.parametrize("name", ["half.png", "cut.tif"])
def test_4_a_damaged_png_or_tiff_is_reported_by_info_preflight_and_exports(name, sample_copy, tmp_path, capsys):
    photo = sample_copy.parent / "photos" / name
    _half_png(photo) if name.endswith(".png") else _cut_tiff(photo)
    text = sample_copy.read_text("utf-8").replace('"photos/road.jpg"', f'"photos/{name}"')
    sample_copy.write_text(text, "utf-8")
    assert main(["preflight", str(sample_copy)]) == 1
    out = capsys.readouterr().out
    assert f"photos/{name}" in out and ("cut short" in out or "damaged" in out)
    assert main(["export", "-q", str(sample_copy), "--profile", "press", "-o", str(tmp_path / "press")]) == 2
    assert "cut short" in capsys.readouterr().err
    assert main(["export", "-q", str(sample_copy), "-o", str(tmp_path / "screen.pdf")]) == 0
    assert "cut short" in capsys.readouterr().err
    assert main(["info", str(sample_copy)]) == 0


@pytest.mark.parametrize("interlace", [False, True])
def test_4_a_whole_png_passes_the_pixel_count(interlace, tmp_path):
    from layout.engine.photo import image_info

    path = tmp_path / "whole.png"
    Image.new("RGBA", (333, 77), (1, 2, 3, 4)).save(path, interlace=interlace)
    assert image_info(path)[0] == (333, 77)


# (6) memory: big photos are decoded reduced for every output

def _flat_png(path: Path, size: tuple[int, int], mode: str, interlace: bool = False) -> None:
    """A PNG of one colour written a row at a time (the test never holds its pixels):
    mode RGBA (8-bit) or I;16 (16-bit grey)."""
    import struct
    import zlib

    width, height = size
    depth, colour, pixel = (8, 6, bytes([90, 140, 200, 255])) if mode == "RGBA" else (16, 0, b"\x80\x00")
    packer = zlib.compressobj(6)
    with path.open("wb") as out:
        out.write(b"\x89PNG\r\n\x1a\n" + _png_chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, depth, colour,
                                                                           0, 0, int(interlace))))
        rows = _adam7_rows(width, height) if interlace else [(width, height)]
        for columns, count in rows:
            row = b"\0" + pixel * columns
            for start in range(0, count, 256):
                data = packer.compress(row * min(256, count - start))
                if data:
                    out.write(_png_chunk(b"IDAT", data))
        out.write(_png_chunk(b"IDAT", packer.flush()) + _png_chunk(b"IEND", b""))


def _adam7_rows(width: int, height: int) -> list[tuple[int, int]]:
    passes = ((0, 0, 8, 8), (4, 0, 8, 8), (0, 4, 4, 8), (2, 0, 4, 4), (0, 2, 2, 4), (1, 0, 2, 2), (0, 1, 1, 2))
    found = [(-(-(width - x) // dx), -(-(height - y) // dy)) for x, y, dx, dy in passes]
    return [(c, r) for c, r in found if c > 0 and r > 0]


def _peak_of_command(args: list[str]) -> tuple[int, float]:
    """Run ``layout ARGS`` in a process of its own; its exit status and peak memory in MB."""
    import subprocess
    import sys

    script = ("import sys; from layout.cli import main; status = main(sys.argv[1:]); "
              "kb = next(int(l.split()[1]) for l in open('/proc/self/status') if l.startswith('VmHWM')); "
              "print(kb / 1024); sys.exit(status)")
    done = subprocess.run([sys.executable, "-c", script, *args], capture_output=True, text=True, timeout=600)
    return done.returncode, float(done.stdout.strip().splitlines()[-1])


def _document_with(sample_copy: Path, photo: str) -> Path:
    text = sample_copy.read_text("utf-8").replace('"photos/road.jpg"', f'"photos/{photo}"')
    sample_copy.write_text(text, "utf-8")
    return sample_copy


@pytest.mark.slow
@pytest.mark.parametrize("mode, interlace, profile", [("RGBA", False, "screen"), ("RGBA", True, "screen"),
                                                      ("I;16", False, "press"), ("I;16", False, "screen")])
def test_6_a_9459_pixel_png_exports_in_under_1_gb(mode, interlace, profile, sample_copy, tmp_path):
    _flat_png(sample_copy.parent / "photos" / "big.png", (9459, 9459), mode, interlace)
    document = _document_with(sample_copy, "big.png")
    out = tmp_path / ("press" if profile == "press" else "page.pdf")
    status, peak = _peak_of_command(["export", "-q", "--force", "--profile", profile, str(document), "-o", str(out)])
    assert status == 0 and peak < 1024, (status, peak)


def test_6_a_cmyk_tiff_and_an_interlaced_png_are_reduced_before_any_copy(tmp_path):
    from layout.engine.reduced import decode_upright

    Image.new("CMYK", (1200, 900), (10, 20, 30, 40)).save(tmp_path / "big.tif", compression="tiff_lzw")
    Image.new("RGBA", (1200, 900), (10, 20, 30, 255)).save(tmp_path / "big.png", interlace=True)
    for name, mode in (("big.tif", "CMYK"), ("big.png", "RGB")):
        picture = decode_upright(str(tmp_path / name), (300, 200))
        assert picture.size == (300, 225) and picture.mode == mode


# (8) the editor shows what prints: its proxy comes from the same reduced decoding

@pytest.mark.slow
def test_8_the_editors_proxy_of_a_photo_over_256_mb_is_drawn(qtbot, tmp_path):
    from layout.render.qt import PREVIEW_MAX_PIXELS, screen_proxy

    _flat_png(tmp_path / "big.png", (9459, 9459), "RGBA")  # 358 MB decoded whole: over Qt's 256 MB
    proxy = screen_proxy(str(tmp_path / "big.png"))
    assert not proxy.isNull() and max(proxy.width(), proxy.height()) <= PREVIEW_MAX_PIXELS
    colour = proxy.pixelColor(proxy.width() // 2, proxy.height() // 2)
    assert (colour.red(), colour.green(), colour.blue()) == (90, 140, 200)


# (6) limits apply while an article file is read

def _docx_with_body_part(path: Path, body_bytes: int) -> None:
    """A real Word file whose document.xml is padded with a comment to ``body_bytes`` unpacked."""
    import zipfile

    import docx

    document = docx.Document()
    document.add_paragraph("通州区召开全体会议", style="Title")
    document.add_paragraph("本报讯 会议指出，要持续推进工作。")
    plain = path.with_suffix(".plain.docx")
    document.save(plain)
    with zipfile.ZipFile(plain) as source, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for member in source.infolist():
            data = source.read(member)
            if member.filename == "word/document.xml":
                head, _, rest = data.partition(b"?>")
                padding = b"<!--" + b"x" * max(0, body_bytes - len(data) - 7) + b"-->"
                data = head + b"?>" + padding + rest
            target.writestr(member.filename, data)


def test_6_a_word_file_that_unpacks_too_far_is_refused_before_it_is_read(sample_copy, tmp_path, capsys):
    bomb = tmp_path / "bomb.docx"
    _docx_with_body_part(bomb, 40_000_000)
    assert bomb.stat().st_size < 1_000_000
    before = sample_copy.read_bytes()
    status = main(["import-article", str(sample_copy), str(bomb), "--page", "2", "--columns", "1-2", "--top", "0"])
    err = capsys.readouterr().err
    assert status == 2 and str(bomb) in err and "word/document.xml unpacks to" in err
    assert sample_copy.read_bytes() == before
    small = tmp_path / "small.docx"
    _docx_with_body_part(small, 200_000)
    from layout.importer.place import import_file

    assert import_file(small).articles[0].headline.title == "通州区召开全体会议"


def test_6_a_text_file_with_a_paragraph_over_the_limit_is_refused_naming_the_file(sample_copy, tmp_path, capsys):
    story = tmp_path / "story.txt"
    story.write_text("通州区召开全体会议\n\n本报讯 " + "字" * 5_000_000 + "\n", "utf-8")
    status = main(["import-article", str(sample_copy), str(story), "--page", "2", "--columns", "1-2", "--top", "0"])
    err = capsys.readouterr().err
    assert status == 2 and f"{story}: line 3 holds 5,000,004 characters" in err


# (5) odd names, paths and lock contents

def _pair_photos(document: Path) -> list[str]:
    return [str(document.parent / "photos" / name) for name in ("pair1-before.jpg", "pair1-after.jpg")]


def _lock_with(document: Path, **changes) -> Path:
    import json
    import socket
    import time

    from layout.store.lock import lock_path

    data = {"user": "li", "host": socket.gethostname(), "pid": os.getpid(), "time": time.time(),
            "purpose": "import-article", "token": "t" * 32, **changes}
    path = lock_path(document)
    path.write_text(json.dumps(data), "utf-8")
    return path


@pytest.mark.parametrize("changes", [{"pid": "x"}, {"time": float("nan")}, {"pid": -1}, {"pid": 2 ** 62},
                                     {"pid": True}, {"user": 5}], ids=["pid_x", "time_nan", "pid_minus_1",
                                                                        "pid_2_62", "pid_true", "user_number"])
def test_5_a_lock_holding_nonsense_is_taken_over_not_a_crash_or_a_block(changes, sample_copy, tmp_path, capsys):
    _lock_with(sample_copy, **changes)
    before = load(sample_copy).revision
    status = main(["add-photo-pair", str(sample_copy), *_pair_photos(sample_copy),
                   "--page", "2", "--columns", "1-2", "--top", "200", "--force"])
    assert status == 0, capsys.readouterr().err
    assert load(sample_copy).revision == before + 1
    assert not [p for p in sample_copy.parent.iterdir() if ".lock" in p.name]


@pytest.mark.parametrize("kind", ["fifo", "folder"])
def test_5_a_pipe_or_a_folder_where_the_lock_goes_is_refused_at_once(kind, sample_copy, capsys):
    from layout.store.lock import lock_path

    path = lock_path(sample_copy)
    os.mkfifo(path) if kind == "fifo" else path.mkdir()
    before = sample_copy.read_bytes()
    status = main(["add-photo-pair", str(sample_copy), *_pair_photos(sample_copy),
                   "--page", "2", "--columns", "1-2", "--top", "200", "--force"])
    err = capsys.readouterr().err
    assert status == 2 and "where the document's lock goes" in err and err.count("\n") == 1
    assert sample_copy.read_bytes() == before
    assert sorted(p.name for p in sample_copy.parent.iterdir() if ".lock" in p.name) == [path.name]


def test_9_a_full_disk_while_the_lock_is_written_leaves_no_lock_debris(sample_copy, monkeypatch):
    import errno

    from layout.store import lock

    real_write = Path.write_bytes

    def full(self, data):
        real_write(self, data[:3])
        raise OSError(errno.ENOSPC, "No space left on device", str(self))

    monkeypatch.setattr(Path, "write_bytes", full)
    with pytest.raises(OSError):
        lock.acquire(sample_copy, "add-photo-pair")
    monkeypatch.undo()
    assert not [p for p in sample_copy.parent.iterdir() if ".lock" in p.name]


def test_5_an_unexpected_error_in_a_screenshot_run_ends_it_with_exit_3_never_a_dialog(qtbot, sample_copy, tmp_path,
                                                                                       monkeypatch, capsys):
    from PySide6.QtWidgets import QApplication, QMessageBox

    from layout.gui import app, crash
    from layout.gui.main_window import MainWindow
    from layout.gui.screenshot import Screenshot

    def no_dialog(*args, **kwargs):
        raise AssertionError("a dialog would wait for ever in a screenshot run")

    def broken(self, path, page=None):
        raise RuntimeError("a photo path nobody foresaw")

    monkeypatch.setattr(QMessageBox, "critical", no_dialog)
    monkeypatch.setattr(MainWindow, "open_document", broken)
    monkeypatch.setattr(crash, "headless", False)
    monkeypatch.setattr(app, "install_translation", lambda *args: None)  # the other tests' English titles
    windows = set(QApplication.topLevelWidgets())
    try:
        status = app.run(str(sample_copy), Screenshot(path=str(tmp_path / "shot.png")))
    finally:
        for widget in set(QApplication.topLevelWidgets()) - windows:
            widget.deleteLater()
        monkeypatch.setattr(crash, "headless", False)
    assert status == 3 and (tmp_path / "shot.png").is_file()
    assert "RuntimeError: a photo path nobody foresaw" in capsys.readouterr().err


@pytest.mark.parametrize("text", ["本报讯 \ud800 会议", "a\udcffb"])
def test_5_a_lone_surrogate_is_refused_when_the_document_is_read_naming_the_place(text, sample_copy, capsys):
    import json

    data = json.loads(sample_copy.read_text("utf-8"))
    data["articles"][0]["paragraphs"][1] = text
    sample_copy.write_text(json.dumps(data, ensure_ascii=True), "utf-8")
    for command in ("info", "preflight", "package"):
        extra = ["-o", str(sample_copy.parent / "pkg")] if command == "package" else []
        assert main([command, str(sample_copy), *extra]) == 2
        err = capsys.readouterr().err
        assert "articles[0].paragraphs[1]" in err and "lone surrogate" in err and err.count("\n") == 1


def test_5_a_nul_or_a_loop_of_links_as_a_photo_path_is_one_line(sample_copy, tmp_path, capsys):
    import json

    photos = sample_copy.parent / "photos"
    (photos / "loop1.jpg").symlink_to("loop2.jpg")
    (photos / "loop2.jpg").symlink_to("loop1.jpg")
    original = sample_copy.read_text("utf-8")
    for image, says in (("photos/a\u0000b.jpg", "NUL"), ("photos/loop1.jpg", "symbolic links")):
        sample_copy.write_text(original.replace('"photos/road.jpg"', json.dumps(image)), "utf-8")
        for command in ("info", "preflight"):
            status = main([command, str(sample_copy)])
            captured = capsys.readouterr()
            assert status in (0, 1, 2) and "unexpected" not in captured.err
            assert says in captured.err + captured.out


def test_5_exports_into_a_folder_whose_name_is_not_utf8(sample_copy, tmp_path, capsys):
    import shutil

    folder = Path(os.fsdecode(bytes(tmp_path) + b"/\xff\xfe-\xe7\x89\x88"))
    shutil.copytree(sample_copy.parent, folder)
    document = folder / sample_copy.name
    assert main(["export", "-q", "--profile", "press", str(document), "-o", str(folder / "press")]) == 0
    assert main(["export", "-q", str(document), "-o", str(folder / "page.pdf")]) == 0
    assert len(list((folder / "press").glob("*.pdf"))) == 1 and (folder / "page.pdf").stat().st_size > 10_000


# (9) messages: one line naming the file and the place

def _disk_full(*args, **kwargs):
    import errno

    raise OSError(errno.ENOSPC, "No space left on device")


def test_9_a_full_disk_while_saving_names_the_document_and_loses_nothing(sample_copy, monkeypatch, capsys):
    from layout.store import files

    before = sample_copy.read_bytes()
    monkeypatch.setattr(files, "_write_temporary", _disk_full)
    status = main(["add-photo-pair", str(sample_copy), *_pair_photos(sample_copy),
                   "--page", "2", "--columns", "1-2", "--top", "200", "--force"])
    err = capsys.readouterr().err.strip().splitlines()[-1]
    assert status == 2 and err == f"layout: error: {sample_copy}: No space left on device; nothing was written"
    assert sample_copy.read_bytes() == before
    assert not [p for p in sample_copy.parent.iterdir() if ".lock" in p.name or p.name.endswith(".tmp")]


@pytest.mark.parametrize("where", ["library_temporary", "no_name", "photo"])
def test_9_a_full_disk_while_exporting_names_the_output(where, sample_copy, tmp_path, monkeypatch, capsys):
    import errno

    from layout.export import images, pdf_export

    def library(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device", "/tmp/tmpq8x1pikepdf.pdf")

    if where == "photo":
        monkeypatch.setattr(images.ImagePreparer, "_make", _disk_full)
    else:
        monkeypatch.setattr(pdf_export, "finish_pdf", library if where == "library_temporary" else _disk_full)
    out = tmp_path / "press"
    status = main(["export", "-q", "--profile", "press", str(sample_copy), "-o", str(out)])
    err = capsys.readouterr().err.strip().splitlines()
    assert status == 2 and err[-1] == f"layout: error: {out}: No space left on device; nothing was written"
    assert "pikepdf" not in err[-1] and "cannot be prepared" not in err[-1]


def test_9_pillows_warning_on_a_bad_exif_block_is_one_line_naming_the_photo(sample_copy, capsys):
    import struct
    import zlib

    photo = sample_copy.parent / "photos" / "badexif.png"
    Image.new("RGB", (40, 30), (200, 10, 10)).save(photo)
    data = photo.read_bytes()
    at = data.index(b"IDAT") - 4
    exif = b"MM\x00*\x00\x00\x00\x08\xff\xff broken"
    chunk = struct.pack(">I", len(exif)) + b"eXIf" + exif + struct.pack(">I", zlib.crc32(b"eXIf" + exif))
    photo.write_bytes(data[:at] + chunk + data[at:])
    _document_with(sample_copy, "badexif.png")
    assert main(["info", str(sample_copy)]) == 0
    err = capsys.readouterr().err
    lines = [line for line in err.splitlines() if "EXIF" in line]
    assert lines and all(line.startswith(f"warning: photo {photo}") for line in lines)
    assert "warnings.warn" not in err and "PIL" not in err


def test_9_a_series_block_too_small_for_its_photos_is_one_line_per_photo(sample_copy, tmp_path, capsys):
    import json

    data = json.loads(sample_copy.read_text("utf-8"))
    series = next(f for page in data["pages"] for f in page["frames"] if f["kind"] == "series")
    series["rect"][2] = 3.0
    sample_copy.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    status = main(["export", "-q", "--force", "--profile", "press", str(sample_copy), "-o", str(tmp_path / "press")])
    err = capsys.readouterr().err
    assert status == 0 and "must be > 0" not in err
    assert f"frame {series['id']}: photo" in err and "has no room" in err


def test_1_an_export_from_the_editor_never_replaces_the_document(qtbot, sample_copy):
    from layout.gui.export_worker import ExportJob

    before = sample_copy.read_bytes()
    job = ExportJob(load(sample_copy), "proof", sample_copy)
    job._run()
    assert job.outcome == "failed" and "never replaced" in job._problem
    assert sample_copy.read_bytes() == before
