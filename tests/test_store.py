"""The storage layer: one interface to read, open, save with a revision check, lock and
unlock; the model below it is plain data and touches no file."""

from __future__ import annotations

import ast
import os
from pathlib import Path

import pytest

from layout.model.errors import DocumentError
from layout.model.templates import new_issue
from layout.store import EDITOR, FileStore, LockedError, Part, RevisionConflict, Store, store_for

MODEL = Path(__file__).resolve().parent.parent / "layout" / "model"
FILE_MODULES = {"os", "io", "shutil", "tempfile", "importlib.resources", "glob", "fnmatch", "mmap"}
FILE_METHODS = {"open", "read_text", "read_bytes", "write_text", "write_bytes", "unlink", "stat", "exists",
                "is_file", "is_dir", "iterdir", "glob", "rglob", "mkdir", "rename", "touch", "resolve", "cwd"}


def _file_uses(path: Path) -> list[str]:
    """What in a module reaches the file system: imports of file modules, open(), Path's file methods."""
    found = []
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Import):
            found += [alias.name for alias in node.names if alias.name in FILE_MODULES]
        elif isinstance(node, ast.ImportFrom) and node.module in FILE_MODULES:
            found.append(node.module)
        elif isinstance(node, ast.Call):
            func = node.func
            if isinstance(func, ast.Name) and func.id == "open":
                found.append("open()")
            elif isinstance(func, ast.Attribute) and func.attr in FILE_METHODS:
                found.append(f".{func.attr}()")
    return found


def test_no_module_under_model_opens_a_file():
    uses = {p.name: _file_uses(p) for p in sorted(MODEL.glob("*.py"))}
    assert {name: found for name, found in uses.items() if found} == {}


def test_the_check_would_see_a_model_module_opening_a_file(tmp_path):
    module = tmp_path / "m.py"
    module.write_text("import os\nfrom pathlib import Path\nPath('x').read_text()\nopen('y')\n")
    assert _file_uses(module) == ["os", ".read_text()", "open()"]


def test_a_file_store_reads_saves_and_checks_the_revision(tmp_path):
    store = store_for(tmp_path / "a.layout.json")
    assert isinstance(store, FileStore) and isinstance(store, Store)
    doc = tmp_path / "a.layout.json"
    store.save(new_issue("broadsheet", pages=2), doc)
    first = store.read(doc)
    second = store.read(doc)
    first.paper = "甲"
    store.save(first)  # where it was read from
    assert store.read(doc).paper == "甲" and store.read(doc).revision == first.revision
    second.paper = "乙"
    with pytest.raises(RevisionConflict, match="changed by another program"):
        store.save(second)
    assert store.read(doc).paper == "甲"
    store.save(second, overwrite_changes=True)
    assert store.read(doc).paper == "乙"


def test_an_untitled_issue_needs_a_place(tmp_path):
    with pytest.raises(ValueError):
        FileStore().save(new_issue("tabloid"))


def test_a_file_store_locks_the_whole_issue_for_any_part(tmp_path):
    doc = tmp_path / "a.layout.json"
    store = FileStore()
    store.save(new_issue("broadsheet", pages=2), doc)
    issue, lock = store.open(doc, EDITOR, (Part.page(1),))
    assert issue.pages and store.holder(doc, Part.story("x")).token == lock.info.token
    assert store.lock_kinds == frozenset({"issue"})
    with pytest.raises(LockedError):
        store.lock(doc, EDITOR, (Part.page(2),))
    store.unlock(lock)
    assert store.holder(doc) is None
    store.unlock(store.lock(doc, "import-article", (Part.story("a1"),)))


def test_open_lets_the_lock_go_when_the_file_cannot_be_read(tmp_path):
    doc = tmp_path / "broken.layout.json"
    doc.write_text("{", "utf-8")
    store = FileStore()
    with pytest.raises(DocumentError, match="not valid JSON"):
        store.open(doc, EDITOR)
    assert store.holder(doc) is None
    assert not any(name.endswith(".lock") for name in os.listdir(tmp_path))
