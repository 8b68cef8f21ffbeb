"""Never a traceback, never a hang: each cause of issue 13 gets one clear line and a
non-zero exit, photos are opened only when they are regular files, and an
unexpected error becomes a crash report with exit 3."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from layout import cli
from layout.engine.crashreport import crash_folder
from layout.engine.photo import PhotoProblem, image_info
from layout.store.assets import AssetError, check_photo_file


def _one_line_error(capsys, *args: str) -> str:
    status = cli.main(list(args))
    err = capsys.readouterr().err.strip()
    assert status == cli.EXIT_ERROR, err
    assert len(err.splitlines()) == 1 and "Traceback" not in err, err
    return err


def _mutated(sample_copy: Path, text_change: tuple[str, str]) -> Path:
    text = sample_copy.read_text("utf-8")
    old, new = text_change
    assert old in text
    sample_copy.write_text(text.replace(old, new, 1), "utf-8")
    return sample_copy


@pytest.mark.parametrize("command", ["info", "preflight", "export"])
@pytest.mark.parametrize("cause", [
    ('"rect": [', '"rect": [1e400, '),  # OverflowError in codec.py / block.py
    ('"width": ', '"width": -Infinity, "x": '),  # OverflowError from ±Infinity in page size
    ('"top": ', '"top": ' + "1" + "0" * 400 + ', "x": '),  # OverflowError from 10**400 in margins
    ('"tracking": 0.0,', '"tracking": NaN,'),  # nan operators in the press PDF
    ('"size": "小五"', '"size": 0'),  # ZeroDivisionError from a body size of 0
    ('"weight": ', '"weight": Infinity, "x": '),  # OverflowError from rule weight
], ids=["1e400", "infinity_page", "10_to_400", "tracking_nan", "body_size_0", "rule_weight_infinity"])
def test_overflow_and_zero_division_causes_are_one_line(cause, command, sample_copy, tmp_path, capsys):
    path = _mutated(sample_copy, cause)
    extra = ["-o", str(tmp_path / "out.pdf")] if command == "export" else []
    err = _one_line_error(capsys, command, str(path), *extra)
    assert str(path) in err and "(" in err  # the file and the place


def test_photo_rect_of_zeros_is_one_line(sample_copy, tmp_path, capsys):
    data = json.loads(sample_copy.read_text("utf-8"))
    next(f for f in data["pages"][0]["frames"] if f["kind"] == "photo")["rect"] = [0, 0, 0, 0]
    sample_copy.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    assert "too small" in _one_line_error(capsys, "export", str(sample_copy), "-o", str(tmp_path / "x.pdf"))


def test_memory_error_from_a_huge_name_width(sample_path, tmp_path, capsys):
    err = _one_line_error(capsys, "export", str(sample_path), "--profile", "press", "--force", "-q",
                          "-o", str(tmp_path / "press"), "--name", "{page:99999999999}.pdf")
    assert "{page:99999999999}" in err and not (tmp_path / "press").exists()


def test_unexpected_error_writes_a_crash_report_and_exits_3(sample_path, monkeypatch, capsys):
    def broken(*args: object) -> None:
        raise ZeroDivisionError("float division by zero")

    monkeypatch.setattr(cli, "summary", broken)
    status = cli.main(["info", str(sample_path)])
    err = capsys.readouterr().err.strip()
    assert status == cli.EXIT_CRASH == 3
    assert len(err.splitlines()) == 1 and "ZeroDivisionError" in err and "info failed" in err
    report = Path(err.split("the report is in ")[1])
    assert report.parent == crash_folder()
    text = report.read_text("utf-8")
    assert "Traceback" in text and "def broken" not in err and "layout info" in text


def test_fifo_as_photo_does_not_hang(sample_copy, tmp_path):
    photo = sample_copy.parent / "photos" / "road.jpg"
    photo.unlink()
    os.mkfifo(photo)
    with pytest.raises(PhotoProblem, match="not a regular file"):
        image_info(photo)
    result = subprocess.run([sys.executable, "-m", "layout", "preflight", str(sample_copy)],
                            capture_output=True, text=True, timeout=60)
    assert "road.jpg" in result.stdout and "not a regular file" in result.stdout
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("path, reason", [
    ("/dev/zero", "system file"),
    ("/proc/self/environ", "system file"),
    ("/etc", "not a regular file"),
])
def test_devices_proc_and_folders_are_not_photos(path, reason):
    with pytest.raises(AssetError, match=reason):
        check_photo_file(Path(path))


def test_a_photo_larger_than_the_size_limit_is_refused(tmp_path):
    big = tmp_path / "big.jpg"
    big.write_bytes(b"\xff" * 2048)
    with pytest.raises(AssetError, match="more than 1,024"):
        check_photo_file(big, max_bytes=1024)
    assert check_photo_file(big).st_size == 2048


def test_a_symlink_into_proc_is_not_a_photo(tmp_path):
    link = tmp_path / "road.jpg"
    link.symlink_to("/proc/self/environ")
    with pytest.raises(PhotoProblem, match="system file"):
        image_info(link)


@pytest.mark.parametrize("args", [["--version"], ["info", "SAMPLE"]])
def test_a_reader_that_stops_early_is_no_traceback(args, sample_path):
    """``layout --version | head -1``: the pipe is closed before the command writes."""
    args = [str(sample_path) if a == "SAMPLE" else a for a in args]
    reader, writer = os.pipe()
    os.close(reader)
    result = subprocess.run([sys.executable, "-m", "layout", *args], stdout=writer, stderr=subprocess.PIPE,
                            text=True, timeout=120)
    os.close(writer)
    assert result.returncode == 141 and result.stderr == "", result.stderr
