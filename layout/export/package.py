"""The package for the print shop: the document, its photos, its fonts with their
licences, the press PDFs, the proof they were signed off from, the output profile and
the print condition with the program's version (condition.json), and a manifest (file,
size, SHA-256).

The packaged document refers to its photos inside the package, so the
package opens and exports the same on another machine (with
``LAYOUT_FONT_DIR`` pointing at the package's fonts/ if need be).

Only photos inside the document's folder are packaged unless the caller allows
others, and only regular, readable picture files are ever copied (never a device,
a pipe, a /proc file or a text), each from the file it opened once.
:func:`check_manifest` tells whether a package is still as written.
"""

from __future__ import annotations

import copy
import hashlib
import json
import os
import shutil
from pathlib import Path
from typing import BinaryIO

from PIL import Image, UnidentifiedImageError

from layout import __version__
from layout.engine.fonts import font_dir
from layout.engine.page import LayoutEngine
from layout.engine.photo import FORMATS
from layout.export.conditions import OutputCondition
from layout.export.pdf_export import Progress, export_pages, export_pdf
from layout.export.preflight import fonts_used
from layout.model.assets import image_holders
from layout.model.document import Issue
from layout.model.frames import Photo, PhotoFrame
from layout.store.assets import AssetError, open_photo, outside_photos, photo_path
from layout.store.fileformat import save
from layout.store.files import umask, write_atomic
from layout.store.scratch import remove_debris, scratch_folder

MANIFEST = "manifest.json"
CONDITION = "condition.json"


def _photos(issue: Issue) -> list[Photo | PhotoFrame]:
    """Every object with an ``image`` path: photo frames and the photos of pairs and series."""
    return [h for page in issue.pages for frame in page.frames for h in image_holders(frame) if h.image]


def _copy_photos(original: Issue, packaged: Issue, folder: Path, allow_outside: bool) -> None:
    """Copy each photo once into folder/photos, each under a name of its own, and point the
    packaged document at the copies. Each photo is opened once and copied from the open
    file, which is checked to be a regular picture (inside the document's folder unless
    ``allow_outside``), so a file swapped for a link meanwhile is never copied."""
    photos = folder / "photos"
    photos.mkdir()
    inside = None if allow_outside else (original.source.parent if original.source else Path.cwd())
    names = _PackageNames()
    by_path: dict[Path, str] = {}
    for source, target in zip(_photos(original), _photos(packaged)):
        path = photo_path(original, source.image)
        if path not in by_path:
            by_path[path] = _package_photo(path, source.image, photos, inside, names)
        target.image = f"photos/{by_path[path]}"


class _PackageNames:
    """The names given in the package's photos/ folder: never one twice (letter case
    aside, for the print shop's file systems), one name for each file however it is reached."""

    def __init__(self) -> None:
        self.taken: set[str] = set()
        self.by_file: dict[tuple[int, int], str] = {}

    def free(self, name: str) -> str:
        """``name``, or ``STEM-2.EXT``, ``STEM-3.EXT`` … the first not given yet; now given."""
        stem, dot, suffix = name.rpartition(".") if "." in name.lstrip(".") else (name, "", "")
        candidate, number = name, 2
        while candidate.casefold() in self.taken:
            candidate = f"{stem}-{number}{dot}{suffix}"
            number += 1
        self.taken.add(candidate.casefold())
        return candidate


def _package_photo(path: Path, image: str, photos: Path, inside: Path | None, names: _PackageNames) -> str:
    """Copy one photo into ``photos`` (a missing one keeps its name, uncopied); its name there."""
    try:
        handle, info = open_photo(path, inside)
    except FileNotFoundError:
        return names.free(path.name)
    except PermissionError:
        raise ValueError(f"photo {image} cannot be read (permission denied); it is not packaged") from None
    except AssetError as exc:
        raise ValueError(f"photo {image} {exc}; it is not packaged") from None
    except OSError as exc:
        raise ValueError(f"photo {image} cannot be opened ({exc.strerror}); it is not packaged") from None
    with handle:
        identity = (info.st_dev, info.st_ino)
        if identity in names.by_file:
            return names.by_file[identity]
        _check_picture(handle, image)
        name = names.free(path.name)
        _copy_open_file(handle, info, photos / name)
        names.by_file[identity] = name
    return name


def _check_picture(handle: BinaryIO, image: str) -> None:
    """Refuse an open file that is not a JPEG, PNG or TIFF picture (a text, a key file)."""
    try:
        with Image.open(handle) as picture:
            kind = picture.format
    except (Image.DecompressionBombError, UnidentifiedImageError, OSError, ValueError, SyntaxError):
        kind = None
    if kind not in FORMATS:
        raise ValueError(f"photo {image} is not a JPEG, PNG or TIFF picture; it is not packaged")
    handle.seek(0)


def _copy_open_file(handle: BinaryIO, info: os.stat_result, target: Path) -> None:
    """Copy an open file to a new file ``target`` (never through a link), with its times."""
    fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o666)
    with os.fdopen(fd, "wb") as out:
        shutil.copyfileobj(handle, out, 1 << 20)
    os.utime(target, ns=(info.st_atime_ns, info.st_mtime_ns))


def _check_outside(issue: Issue) -> None:
    """Refuse photos whose path leaves the document's folder."""
    outside = outside_photos(issue)
    if outside:
        first = outside[0]
        raise ValueError(f"photo {first.image} (page {first.page}, frame {first.frame}) lies outside the "
                         f"document's folder ({len(outside)} such photos); package them anyway with "
                         "--allow-outside")


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


def make_package(issue: Issue, folder: str | Path, *, progress: Progress | None = None,
                 allow_outside: bool = False, condition: OutputCondition | None = None) -> dict:
    """Write the package into ``folder`` (new or empty); return the manifest.

    Photos outside the document's folder are refused unless ``allow_outside``.
    The package is built in a scratch folder beside it and renamed into place
    when complete, so a failure never leaves half a package.
    """
    folder = Path(folder)
    if not allow_outside:
        _check_outside(issue)
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise ValueError(f"{folder} is not empty; give a new folder for the package")
    if not folder.parent.is_dir():
        raise ValueError(f"{folder.parent}: the folder does not exist")
    remove_debris(folder.parent)
    scratch = scratch_folder(folder.parent)
    try:
        manifest = _build(issue, scratch, progress, allow_outside, condition or OutputCondition())
        os.chmod(scratch, 0o777 & ~umask())  # a folder as the user's other folders, not mkdtemp's 0700
        os.replace(scratch, folder)
    except BaseException:
        shutil.rmtree(scratch, ignore_errors=True)
        raise
    return manifest


def _write_condition(condition: OutputCondition, folder: Path) -> None:
    """The output profile into icc/ and what the PDFs were made for into condition.json."""
    (folder / "icc").mkdir()
    profile = condition.profile_path()
    shutil.copy2(profile, folder / "icc" / profile.name)
    about = {"program": f"layout {__version__}", "condition": condition.name,
             "output_condition_identifier": condition.identifier, "output_condition": condition.info,
             "registry_name": condition.registry_name, "total_ink_limit_percent": condition.ink_limit,
             "plate_order": condition.plate_order, "output_profile": f"icc/{profile.name}",
             "pdf_standard": "PDF/X-1a:2001"}
    write_atomic(folder / CONDITION, (json.dumps(about, ensure_ascii=False, indent=1) + "\n").encode())


def _build(issue: Issue, folder: Path, progress: Progress | None, allow_outside: bool,
           condition: OutputCondition) -> dict:
    """The package's content, in ``folder``."""
    packaged = copy.deepcopy(issue)
    packaged.source = folder / (issue.source.name if issue.source else "issue.layout.json")
    _copy_photos(issue, packaged, folder, allow_outside)
    save(packaged, packaged.source)
    engine = LayoutEngine()
    (folder / "press").mkdir()
    laid, _ = export_pages(packaged, folder / "press", engine=engine, progress=progress, condition=condition)
    export_pdf(packaged, folder / "proof.pdf", profile="proof", condition=condition, engine=engine)
    _write_condition(condition, folder)
    _copy_fonts(fonts_used(laid), folder)
    return write_manifest(folder)


def check_manifest(folder: Path) -> list[str]:
    """What in a package differs from its manifest: files missing, of another size or
    checksum, or listed outside the package; empty when all is as written."""
    try:
        entries = json.loads((folder / MANIFEST).read_text("utf-8"))["files"]
        listed = [(str(e["path"]), int(e["size"]), str(e["sha256"])) for e in entries]
    except (OSError, ValueError, KeyError, TypeError) as exc:
        return [f"{folder / MANIFEST}: cannot be read ({exc})"]
    problems = []
    for name, size, digest in listed:
        path = folder / name
        if Path(name).is_absolute() or ".." in Path(name).parts:
            problems.append(f"{name}: the manifest names a file outside the package")
        elif not path.is_file():
            problems.append(f"{name}: listed in the manifest but missing")
        elif path.stat().st_size != size or _sha256(path) != digest:
            problems.append(f"{name}: its checksum is not the one in the manifest (changed since it was packaged)")
    return problems
