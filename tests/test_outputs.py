"""Outputs overwrite only what they made, and killed runs leave no debris that a later
run does not remove, nor an incomplete set of press pages."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from layout.cli import main
from layout.export.outputs import OutputError, check_replaceable
from layout.store.fileformat import load, save
from layout.store.scratch import OLD_SECONDS, SCRATCH_PREFIX, STALE_SECONDS, is_debris, remove_debris


def _export(capsys, document: Path, out: Path, *more: str) -> tuple[int, str]:
    status = main(["export", "-q", str(document), "-o", str(out), *more])
    return status, capsys.readouterr().err


@pytest.mark.parametrize("victim", ["tongzhou.layout.json.bak", "photos/road.jpg"])
def test_export_refuses_to_replace_a_backup_or_a_photo(victim, sample_copy, capsys):
    save(load(sample_copy), sample_copy)  # makes the .bak
    target = sample_copy.parent / victim
    before = target.read_bytes()
    status, err = _export(capsys, sample_copy, target)
    assert status == 2 and ("is not a PDF" in err and "--force" in err or "the document or its backup" in err)
    assert target.read_bytes() == before


def test_export_replaces_its_own_pdf(sample_copy, tmp_path, capsys):
    out = tmp_path / "page.pdf"
    assert _export(capsys, sample_copy, out)[0] == 0
    assert _export(capsys, sample_copy, out)[0] == 0


def test_export_never_replaces_a_device_or_a_pipe(sample_copy, tmp_path, capsys):
    pipe = tmp_path / "pipe.pdf"
    os.mkfifo(pipe)
    status, err = _export(capsys, sample_copy, pipe, "--force")
    assert status == 2 and "never replaced" in err
    with pytest.raises(OutputError, match="never replaced"):
        check_replaceable(Path("/dev/null"), force=True)
    assert main(["new", "--force", "-o", str(pipe)]) == 2
    assert "never replaced" in capsys.readouterr().err


def test_export_refuses_a_link_unless_forced(sample_copy, tmp_path, capsys):
    target = tmp_path / "target.pdf"
    target.write_bytes(b"%PDF-1.4 not ours\n")
    link = tmp_path / "link.pdf"
    link.symlink_to(target)
    status, err = _export(capsys, sample_copy, link)
    assert status == 2 and "is a link" in err and link.is_symlink()


def test_press_name_that_is_the_document_is_refused(sample_copy, capsys):
    before = sample_copy.read_bytes()
    status, err = _export(capsys, sample_copy, sample_copy.parent, "--profile", "press", "--force",
                          "--name", sample_copy.name)
    assert status == 2 and sample_copy.name in err and "does not end in .pdf" in err
    assert sample_copy.read_bytes() == before


def test_press_refuses_to_replace_a_file_that_is_not_a_pdf(sample_copy, tmp_path, capsys):
    out = tmp_path / "press"
    out.mkdir()
    (out / "20230215-02.pdf").write_text("notes, not a PDF")
    status, err = _export(capsys, sample_copy, out, "--profile", "press")
    assert status == 2 and "is not a PDF" in err
    assert (out / "20230215-02.pdf").read_text() == "notes, not a PDF"


def _age(path: Path, seconds: float) -> None:
    then = time.time() - seconds
    os.utime(path, (then, then))


def _dead_pid() -> int:
    process = subprocess.Popen([sys.executable, "-c", "pass"])
    process.wait()
    return process.pid


def test_debris_is_recognised_by_name_process_and_age(tmp_path):
    dead, alive = _dead_pid(), 1
    cases = {f".D.layout.json.{dead}.abc123.tmp": True, f".D.layout.json.{dead}.bak.tmp": True,
             f".D.2023.layout.json.{dead}.12345678.tmp": True,
             f"{SCRATCH_PREFIX}{dead}-x1": True, f".D.layout.json.{alive}.abc.tmp": False,
             f".D.layout.json.{dead}.abc": False, "D.layout.json": False, "notes.tmp": False}
    for name, debris in cases.items():
        path = tmp_path / name
        path.write_text("x")
        _age(path, STALE_SECONDS + 60)
        assert is_debris(path) is debris, name
    fresh = tmp_path / f".D.layout.json.{dead}.new.tmp"
    fresh.write_text("x")
    assert not is_debris(fresh)
    _age(tmp_path / f".D.layout.json.{alive}.abc.tmp", OLD_SECONDS + 60)
    assert is_debris(tmp_path / f".D.layout.json.{alive}.abc.tmp")


def test_the_next_save_removes_a_killed_saves_temporary_file(sample_copy):
    debris = sample_copy.parent / f".{sample_copy.name}.{_dead_pid()}.k9x.tmp"
    debris.write_bytes(b"{" * 1000)
    _age(debris, STALE_SECONDS + 60)
    save(load(sample_copy), sample_copy)
    assert not debris.exists()


KILLED_EXPORT = """
import os, sys
from layout.export.pdf_export import export_pages
from layout.model.templates import new_issue
issue = new_issue("tabloid", pages=3)
export_pages(issue, sys.argv[1], profile="screen", progress=lambda done, total: done == 2 and os._exit(9))
"""


def test_a_killed_press_export_leaves_no_partial_set_and_the_next_run_cleans_up(tmp_path):
    out = tmp_path / "press"
    out.mkdir()
    result = subprocess.run([sys.executable, "-c", KILLED_EXPORT, str(out)], capture_output=True, timeout=120)
    assert result.returncode == 9, result.stderr
    assert not list(out.glob("*.pdf"))
    (scratch,) = out.iterdir()
    assert scratch.name.startswith(SCRATCH_PREFIX) and len(list((scratch / "pages").iterdir())) == 2
    _age(scratch, STALE_SECONDS + 60)
    assert remove_debris(out) == [scratch] and not scratch.exists()


def test_the_next_export_removes_half_made_photos_from_the_store(tmp_path):
    from layout.export.images import ImagePreparer
    from layout.export.profiles import PROFILES, OutputCondition

    store = tmp_path / "store"
    store.mkdir()
    debris = store / f".0123abcd.jpg.{_dead_pid()}.140000.tmp"
    debris.write_bytes(b"\xff\xd8" * 1000)
    _age(debris, STALE_SECONDS + 60)
    ImagePreparer(PROFILES["press"], tmp_path, OutputCondition().profile_path(), store)
    assert not debris.exists()


KILLED_WHILE_MOVING = """
import os, signal, sys
from layout.export import pdf_export
from layout.model.templates import new_issue
moved = []
def replace(source, target):  # os.replace, killed after two pages are moved
    if os.path.dirname(target) == sys.argv[1] and str(target).endswith(".pdf"):
        if len(moved) == 2:
            os.kill(os.getpid(), signal.SIGKILL)
        moved.append(target)
    os.rename(source, target)
os.replace = replace
export_pages = pdf_export.export_pages
issue = new_issue("tabloid", pages=3)
export_pages(issue, sys.argv[1], profile="screen", name="{page}.pdf")
"""


def test_a_press_export_killed_while_moving_its_pages_leaves_a_set_marked_incomplete(tmp_path, capsys):
    from layout.export.outputs import INCOMPLETE
    from layout.export.pdf_export import export_pages
    from layout.model.templates import new_issue

    out = tmp_path / "press"
    out.mkdir()
    export_pages(new_issue("tabloid", pages=3), out, profile="screen", name="{page}.pdf")
    old = {p.name: p.stat().st_ino for p in out.glob("*.pdf")}
    assert not (out / INCOMPLETE).exists()
    result = subprocess.run([sys.executable, "-c", KILLED_WHILE_MOVING, str(out)], capture_output=True, timeout=120)
    assert result.returncode == -9, result.stderr
    now = {p.name: p.stat().st_ino for p in out.glob("*.pdf")}
    assert now["2.pdf"] != old["2.pdf"] and now["3.pdf"] == old["3.pdf"]  # a mix of two sets ...
    assert (out / INCOMPLETE).read_text().splitlines()[-3:] == ["1.pdf", "2.pdf", "3.pdf"]  # ... that says so
    document = tmp_path / "d.layout.json"
    save(new_issue("tabloid", pages=3), document)
    status, err = _export(capsys, document, out, "--profile", "press", "--name", "{page}.pdf")
    assert status == 0
    assert "the last export into this folder was stopped" in err and INCOMPLETE in err
    assert not (out / INCOMPLETE).exists()
    assert sorted(p.name for p in out.glob("*.pdf")) == ["1.pdf", "2.pdf", "3.pdf"]
    assert (out / "3.pdf").stat().st_ino != now["3.pdf"]  # the whole set is the new one


KILLED_PACKAGE = """
import os, sys
from layout.export.package import make_package
from layout.store.fileformat import load
make_package(load(sys.argv[1]), sys.argv[2], progress=lambda done, total: os._exit(9))
"""


def test_a_killed_package_leaves_no_package_and_the_next_run_cleans_up(sample_copy, tmp_path, capsys):
    package = tmp_path / "package"
    result = subprocess.run([sys.executable, "-c", KILLED_PACKAGE, str(sample_copy), str(package)],
                            capture_output=True, timeout=120)
    assert result.returncode == 9, result.stderr
    (scratch,) = tmp_path.glob(f"{SCRATCH_PREFIX}*")
    assert not package.exists() and (scratch / sample_copy.name).is_file()
    _age(scratch, STALE_SECONDS + 60)
    assert main(["package", "-q", str(sample_copy), "-o", str(package)]) == 0, capsys.readouterr().err
    assert not scratch.exists() and (package / "manifest.json").is_file()
