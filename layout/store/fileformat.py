"""Reading and writing issue documents (``*.layout.json``).

Reads check the whole file: every value finite and within what a newspaper can
use (:mod:`layout.model.limits`), the JSON Schema, and the cross-references
between articles and frames; they raise :class:`DocumentError` naming the file,
the place and the rule. A UTF-8 byte order mark is accepted. Writes are atomic:
a temporary file is written and synced, the previous version is kept as
``<name>.bak``, then the new file is renamed into place, so a crash never
leaves a half-written document.
"""

from __future__ import annotations

import errno
import hashlib
import json
import os
import re
import stat
from collections.abc import Callable
from functools import cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

import fastjsonschema

from layout.model.assets import image_holders
from layout.model.codec import issue_from_json, issue_to_json
from layout.model.document import Issue
from layout.model.errors import DocumentError
from layout.model.frames import HeadlineFrame, TextFrame
from layout.model.limits import LimitError, check_ranges, check_values, describe
from layout.model.migrations import CURRENT_VERSION, MigrationError, migrate
from layout.store.base import RevisionConflict
from layout.store.files import write_atomic
from layout.store.scratch import remove_debris
from layout.store.validator import compiled_validator

if TYPE_CHECKING:
    import jsonschema

FORMAT_NAME = "layout-issue"
SUFFIX = ".layout.json"
MAX_FILE_BYTES = 256_000_000  # 20 million characters of text, three bytes each, and the rest


@cache
def schema() -> dict[str, Any]:
    """The JSON Schema of the current format version."""
    text = resources.files("layout.store").joinpath("document.schema.json").read_text("utf-8")
    return json.loads(text)


def to_json_dict(issue: Issue) -> dict[str, Any]:
    """The document as written, with its format name and version first."""
    return {"format": FORMAT_NAME, "version": CURRENT_VERSION, **issue_to_json(issue)}


_NUMBER_LIST = re.compile(r"\[\s*(-?[\d.eE+-]+(?:,\s*-?[\d.eE+-]+)*)\s*\]")


def dumps(issue: Issue) -> str:
    """The document as JSON text, one key a line, number lists on one line."""
    text = json.dumps(to_json_dict(issue), ensure_ascii=False, indent=1)
    return _NUMBER_LIST.sub(lambda m: "[" + re.sub(r",\s+", ", ", m.group(1)) + "]", text) + "\n"


def _read_file(path: Path) -> bytes:
    try:
        return _read_bytes(path)
    except FileNotFoundError:
        raise DocumentError(path, "no such file") from None
    except IsADirectoryError:
        raise DocumentError(path, "is a folder, not a document") from None
    except OSError as exc:
        raise DocumentError(path, f"cannot be read ({exc.strerror})") from None


def _decode(path: Path, data: bytes) -> str:
    if data.startswith(b"%PDF"):
        raise DocumentError(path, "is a PDF, not a layout document")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        if exc.start >= len(data) - 3:
            raise DocumentError(path, "the file is cut off in the middle of a character (truncated)") from None
        raise DocumentError(path, f"not UTF-8 text (byte {exc.start})") from None


def _read_bytes(path: Path) -> bytes:
    """The file's bytes, if it is a regular file of a sensible size (a FIFO or a device
    would block or never end)."""
    info = path.stat()
    if stat.S_ISDIR(info.st_mode):
        raise IsADirectoryError(errno.EISDIR, "is a folder", str(path))
    if not stat.S_ISREG(info.st_mode):
        raise DocumentError(path, "is not a regular file (a device, a pipe or a socket)")
    if info.st_size > MAX_FILE_BYTES:
        raise DocumentError(path, f"is {info.st_size:,} bytes; a document is at most {MAX_FILE_BYTES:,}")
    return path.read_bytes()


def _parse(path: Path, text: str) -> dict[str, Any]:
    if not text.strip():
        raise DocumentError(path, "the file is empty")
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        hint = " (the file looks truncated)" if exc.pos >= len(text.rstrip()) - 1 else ""
        raise DocumentError(
            path, f"not valid JSON at line {exc.lineno} column {exc.colno}: {exc.msg}{hint}"
        ) from None
    except ValueError:
        raise DocumentError(path, "holds a number with too many digits") from None
    except RecursionError:
        raise DocumentError(path, "its JSON is nested too deeply") from None
    if not isinstance(data, dict) or "format" not in data:
        raise DocumentError(path, f"not a layout document (no \"format\": \"{FORMAT_NAME}\")")
    if data["format"] != FORMAT_NAME:
        raise DocumentError(path, f"its format is {data['format']!r}, not {FORMAT_NAME!r}")
    return data


def validate(data: dict[str, Any], path: Path | None = None) -> None:
    """Raise DocumentError for the first value that is not finite or out of range,
    or the first place where ``data`` breaks the schema."""
    try:
        check_values(data)
    except LimitError as exc:
        raise DocumentError(path, str(exc)) from None
    error = None if _valid_fast(data) else _first_schema_error(data)
    if error is not None:
        where = describe(data, tuple(error.absolute_path))
        message = error.message if len(error.message) <= 200 else error.message[:200] + "…"
        raise DocumentError(path, f"does not match the file format at {where}: {message}")
    try:
        check_ranges(data)
    except LimitError as exc:
        raise DocumentError(path, str(exc)) from None


@cache
def _fast_validator() -> Callable[[Any], Any]:
    """The schema compiled to Python (ten times quicker than jsonschema's interpreter on a
    document of 20,000 frames), compiled once and kept in the cache folder; it only says yes or no."""
    return compiled_validator(schema())


def _valid_fast(data: dict[str, Any]) -> bool:
    """True when ``data`` matches the schema; False when it may not (jsonschema then says where)."""
    try:
        _fast_validator()(data)
    except fastjsonschema.JsonSchemaException:
        return False
    return True


def _first_schema_error(data: dict[str, Any]) -> jsonschema.ValidationError | None:
    """The most telling place where ``data`` breaks the schema, by jsonschema (the reference;
    imported only for a document that breaks it, as it takes a tenth of a second)."""
    import jsonschema  # noqa: PLC0415

    validator = jsonschema.Draft202012Validator(schema())
    return jsonschema.exceptions.best_match(validator.iter_errors(data))


def check_references(issue: Issue, path: Path | None = None) -> None:
    """Raise DocumentError when ids clash or an article or frame names a missing one."""
    seen: set[str] = set()
    for page in issue.pages:
        for frame in page.frames:
            if frame.id in seen:
                raise DocumentError(path, f"two frames have the id {frame.id!r}")
            seen.add(frame.id)
    article_ids = {a.id for a in issue.articles}
    if len(article_ids) != len(issue.articles):
        raise DocumentError(path, "two articles have the same id")
    flowing: set[str] = set()
    for article in issue.articles:
        for frame_id in article.flow:
            found = issue.find_frame(frame_id)
            if found is None or not isinstance(found[1], TextFrame):
                raise DocumentError(path, f"article {article.id!r} flows into {frame_id!r}, which is not a text frame")
            if frame_id in flowing:
                raise DocumentError(path, f"text frame {frame_id!r} is in the flow of two articles")
            flowing.add(frame_id)
    for page in issue.pages:
        for frame in page.frames:
            if isinstance(frame, HeadlineFrame) and frame.article not in article_ids:
                raise DocumentError(path, f"headline frame {frame.id!r} names a missing article {frame.article!r}")


def from_dict(data: dict[str, Any], path: Path | None = None) -> Issue:
    """An issue from a parsed document dict: migrated, validated and checked."""
    try:
        data = migrate(data)
    except MigrationError as exc:
        raise DocumentError(path, str(exc)) from None
    validate(data, path)
    try:
        issue = issue_from_json(data)
    except ValueError as exc:
        raise DocumentError(path, f"has a value that cannot be used: {exc}") from None
    check_references(issue, path)
    return issue


def load(path: str | Path) -> Issue:
    """Read an issue document, raising DocumentError with a clear message on any problem."""
    path = Path(path)
    data = _read_file(path)
    issue = from_dict(_parse(path, _decode(path, data)), path)
    issue.source = path.resolve()
    issue.disk_digest = hashlib.sha256(data).hexdigest()
    return issue


def save(issue: Issue, path: str | Path, *, overwrite_changes: bool = False) -> None:
    """Save atomically, keeping the previous version as a backup; the revision goes up by one.

    Saving over the file the issue was read from refuses (DocumentError) when
    another program changed that file since, unless ``overwrite_changes``.
    A link is followed: its target is written, keeping its mode and owner.
    """
    path = Path(path)
    target = Path(os.path.realpath(path))
    if not overwrite_changes:
        _check_unchanged(issue, path, target)
    moved = rebase_photos(issue, issue.source.parent if issue.source else None, path.resolve().parent)
    issue.revision += 1
    try:
        text = dumps(issue)
        validate(json.loads(text), path)
        data = text.encode("utf-8")
        remove_debris(target.parent)
        write_atomic(target, data, backup=True)
    except BaseException:
        issue.revision -= 1
        for holder, image in moved:
            holder.image = image
        raise
    issue.source = path.resolve()
    issue.disk_digest = hashlib.sha256(data).hexdigest()


def rebase_photos(issue: Issue, old_base: Path | None, new_base: Path) -> list[tuple[Any, str]]:
    """Make every photo path relative to ``new_base`` (the folder the document is saved
    into), from relative to ``old_base`` (the folder it was read from) or absolute (an untitled
    document's); the holders changed, with their old paths. A relative path whose photo lies
    beside the new file under the same name (copied along: a newsroom issue's Save As, a
    package) stays; so do relative paths when ``old_base`` is None. A path that cannot be made
    relative (another drive) is kept absolute."""
    changed = []
    for page in issue.pages:
        for frame in page.frames:
            for holder in image_holders(frame):
                if not holder.image:
                    continue
                relative = not Path(holder.image).is_absolute()
                if relative and (old_base is None or (new_base / holder.image).is_file()):
                    continue  # a relative path with its photo beside the new file (copied along) stays
                absolute = Path(os.path.normpath((old_base or new_base) / holder.image))
                try:
                    image = Path(os.path.relpath(absolute, new_base)).as_posix()
                except ValueError:
                    image = absolute.as_posix()
                if image != holder.image:
                    changed.append((holder, holder.image))
                    holder.image = image
                    issue.touch(("frame", frame.id))
    return changed


def _check_unchanged(issue: Issue, path: Path, target: Path) -> None:
    """Refuse to replace the issue's own file if it is no longer the bytes that were read."""
    if issue.disk_digest is None or issue.source is None or Path(os.path.realpath(issue.source)) != target:
        return
    try:
        current = hashlib.sha256(_read_bytes(target)).hexdigest()
    except FileNotFoundError:
        return  # moved or deleted meanwhile: nothing on disk to lose
    except OSError as exc:
        raise DocumentError(path, f"cannot be read before saving ({exc.strerror})") from None
    if current != issue.disk_digest:
        raise RevisionConflict(path, "changed by another program since it was opened; nothing was saved "
                               "(open it again, or save under another name)")
