"""Two writers never lose a change: the document's lock, the save-time check that the
file is still what was read, and concurrent command-line writers."""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
from dataclasses import replace
from pathlib import Path

import pytest

from layout.cli import main
from layout.model import DocumentError
from layout.store.fileformat import load, save
from layout.store.lock import EDITOR, LockedError, acquire, holder, is_stale, lock_path


def _dead_pid() -> int:
    process = subprocess.Popen([sys.executable, "-c", "pass"])
    process.wait()
    return process.pid


def test_acquire_names_the_holder_and_release_removes_the_lock(tmp_path):
    document = tmp_path / "d.layout.json"
    document.write_text("{}")
    with acquire(document, EDITOR) as lock:
        assert lock_path(document) == tmp_path / ".d.layout.json.lock"
        info = holder(document)
        assert info == lock.info and info.pid == os.getpid() and info.host == socket.gethostname()
        with pytest.raises(LockedError, match=r"is being written by .* \(process \d+, editor\)"):
            acquire(document, "import-article", wait=1.0)
    assert holder(document) is None and not list(tmp_path.glob(".d.layout.json.lock*"))


def test_a_commands_lock_is_waited_for(tmp_path):
    document = tmp_path / "d.layout.json"
    first = acquire(document, "import-article")
    started = time.monotonic()
    with pytest.raises(LockedError):
        acquire(document, "add-photo-pair", wait=0.3)
    assert time.monotonic() - started >= 0.3
    first.release()
    acquire(document, "add-photo-pair").release()


def test_a_stale_lock_is_taken_over(tmp_path):
    document = tmp_path / "d.layout.json"
    with acquire(document, EDITOR) as lock:
        dead = replace(lock.info, pid=_dead_pid(), token="old")
        lock_path(document).write_text(json.dumps(dead.__dict__))
    assert is_stale(dead)
    lock_path(document).write_text(json.dumps(dead.__dict__))
    with acquire(document, "import-article") as taken:
        assert holder(document) == taken.info


def test_a_lock_from_another_host_is_stale_only_when_old(tmp_path):
    document = tmp_path / "d.layout.json"
    with acquire(document, EDITOR) as lock:
        other = replace(lock.info, host="elsewhere.invalid", time=time.time() - 60)
    assert not is_stale(other, max_age=3600) and is_stale(other, max_age=30)


def test_force_takes_over_a_live_lock_and_the_old_holder_cannot_release_it(tmp_path):
    document = tmp_path / "d.layout.json"
    editor = acquire(document, EDITOR)
    forced = acquire(document, "import-article", force=True)
    assert not editor.held() and forced.held()
    editor.release()
    assert holder(document) == forced.info


def test_save_refuses_a_file_changed_by_another_program(sample_copy):
    mine = load(sample_copy)
    theirs = load(sample_copy)
    theirs.edition = "theirs"
    save(theirs, sample_copy)
    mine.edition = "mine"
    with pytest.raises(DocumentError, match="changed by another program since it was opened"):
        save(mine, sample_copy)
    assert load(sample_copy).edition == "theirs"
    save(theirs, sample_copy)  # the one who saved last may save again
    save(mine, sample_copy.with_name("mine.layout.json"))  # and the other under another name


def test_the_cli_refuses_a_document_open_in_the_editor(sample_copy, capsys):
    """Also with --force (which places over frames); only --take-lock takes it over."""
    photos = sample_copy.parent / "photos"
    args = ["add-photo-pair", str(sample_copy), str(photos / "pair2-before.jpg"), str(photos / "pair2-after.jpg"),
            "--page", "2", "--columns", "1-2", "--top", "300"]
    before = sample_copy.read_bytes()
    with acquire(sample_copy, EDITOR) as editor:
        for more in ([], ["--force"]):
            assert main([*args, *more]) == 2
            err = capsys.readouterr().err
            assert "is being written by" in err and "--take-lock" in err
            assert sample_copy.read_bytes() == before
        assert main([*args, "--force", "--take-lock"]) == 0  # --force: frames are there
        assert sample_copy.read_bytes() != before and not editor.held()


def test_saving_through_a_symlink_writes_the_target_and_keeps_its_mode(sample_copy, tmp_path):
    link = tmp_path / "link.layout.json"
    link.symlink_to(sample_copy)
    os.chmod(sample_copy, 0o600)
    issue = load(link)
    issue.edition = "through the link"
    save(issue, link)
    assert link.is_symlink() and os.readlink(link) == str(sample_copy)
    assert load(sample_copy).edition == "through the link"
    assert (sample_copy.stat().st_mode & 0o777) == 0o600


@pytest.mark.skipif(os.geteuid() != 0, reason="only root may give a file to another user")
def test_saving_keeps_the_files_owner(sample_copy):
    os.chown(sample_copy, 4321, 4321)
    save(load(sample_copy), sample_copy)
    assert (sample_copy.stat().st_uid, sample_copy.stat().st_gid) == (4321, 4321)


WRITERS = 4


@pytest.mark.slow
def test_concurrent_writers_lose_nothing(tmp_path, sample_path):
    document = tmp_path / "d.layout.json"
    assert main(["new", "-o", str(document), "--pages", "1"]) == 0
    shutil.copytree(sample_path.parent / "photos", tmp_path / "photos")
    before, after = tmp_path / "photos" / "pair2-before.jpg", tmp_path / "photos" / "pair2-after.jpg"
    runs = [subprocess.Popen([sys.executable, "-m", "layout", "add-photo-pair", str(document), str(before),
                              str(after), "--page", "1", "--columns", f"{2 * i + 1}-{2 * i + 2}", "--top", "40",
                              "--caption", f"writer {i}"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            for i in range(WRITERS)]
    for run in runs:
        _, err = run.communicate(timeout=120)
        assert run.returncode == 0, err
    issue = load(document)
    captions = sorted(f.pair.caption for f in issue.pages[0].frames if f.kind == "photo_pair")
    assert captions == [f"writer {i}" for i in range(WRITERS)]
    assert issue.revision == 1 + WRITERS and holder(document) is None
    assert not [p for p in Path(tmp_path).iterdir() if p.name.startswith(".d.layout.json")]
