"""The package for the print shop: the document, its photos, its fonts with their
licences, and the press PDFs, with a manifest (file, size, SHA-256).

The packaged document refers to its photos inside the package, so the
package opens and exports the same on another machine (with
``LAYOUT_FONT_DIR`` pointing at the package's fonts/ if need be).
"""

from __future__ import annotations

import copy
import hashlib
import json
import os
import shutil
import tempfile
from pathlib import Path

from layout.engine.fonts import font_dir
from layout.engine.page import LayoutEngine
from layout.export.pdf_export import Progress, export_pages
from layout.export.preflight import fonts_used
from layout.model.document import Issue
from layout.model.fileformat import save, write_atomic
from layout.model.frames import Photo, PhotoFrame, PhotoPairFrame, SeriesFrame

MANIFEST = "manifest.json"


def _photos(issue: Issue) -> list[Photo | PhotoFrame]:
    """Every object with an ``image`` path: photo frames and the photos of pairs and series."""
    found: list[Photo | PhotoFrame] = []
    for page in issue.pages:
        for frame in page.frames:
            if isinstance(frame, PhotoFrame):
                found.append(frame)
            elif isinstance(frame, PhotoPairFrame):
                found += [frame.pair.before, frame.pair.after]
            elif isinstance(frame, SeriesFrame):
                found += frame.singles + [p for pair in frame.pairs for p in (pair.before, pair.after)]
    return [p for p in found if p.image]


def _copy_photos(original: Issue, packaged: Issue, folder: Path) -> None:
    """Copy each photo once into folder/photos and point the packaged document at the copies."""
    (folder / "photos").mkdir()
    names: dict[Path, str] = {}
    for source, target in zip(_photos(original), _photos(packaged)):
        path = original.resolve(source.image)
        if path not in names:
            name = path.name
            if name in names.values():
                name = f"{len(names)}-{name}"
            if path.is_file():
                shutil.copy2(path, folder / "photos" / name)
            names[path] = name
        target.image = f"photos/{names[path]}"


def _copy_fonts(files: list[str], folder: Path) -> None:
    (folder / "fonts").mkdir()
    for name in files:
        shutil.copy2(font_dir() / name, folder / "fonts" / name)
    for extra in sorted(font_dir().glob("LICENSE*")) + [font_dir() / "README.md"]:
        if extra.is_file():
            shutil.copy2(extra, folder / "fonts" / extra.name)


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def write_manifest(folder: Path) -> dict:
    """List every file of the package with its size and checksum, in manifest.json."""
    files = sorted(p for p in folder.rglob("*") if p.is_file() and p.name != MANIFEST)
    manifest = {"files": [{"path": p.relative_to(folder).as_posix(), "size": p.stat().st_size,
                           "sha256": _sha256(p)} for p in files]}
    write_atomic(folder / MANIFEST, (json.dumps(manifest, ensure_ascii=False, indent=1) + "\n").encode())
    return manifest


def make_package(issue: Issue, folder: str | Path, *, progress: Progress | None = None) -> dict:
    """Write the package into ``folder`` (new or empty); return the manifest.

    The package is built in a scratch folder beside it and renamed into place
    when complete, so a failure never leaves half a package.
    """
    folder = Path(folder)
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise ValueError(f"{folder} is not empty; give a new folder for the package")
    if not folder.parent.is_dir():
        raise ValueError(f"{folder.parent}: the folder does not exist")
    scratch = Path(tempfile.mkdtemp(prefix=f".{folder.name}.", dir=folder.parent))
    try:
        manifest = _build(issue, scratch, progress)
        os.replace(scratch, folder)
    except BaseException:
        shutil.rmtree(scratch, ignore_errors=True)
        raise
    return manifest


def _build(issue: Issue, folder: Path, progress: Progress | None) -> dict:
    """The package's content, in ``folder``."""
    packaged = copy.deepcopy(issue)
    packaged.source = folder / (issue.source.name if issue.source else "issue.layout.json")
    _copy_photos(issue, packaged, folder)
    save(packaged, packaged.source)
    engine = LayoutEngine()
    (folder / "press").mkdir()
    laid, _ = export_pages(packaged, folder / "press", engine=engine, progress=progress)
    _copy_fonts(fonts_used(laid), folder)
    return write_manifest(folder)
