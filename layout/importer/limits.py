"""Limits applied while an article file is read, before it is parsed or laid out.

A newsroom .txt or .docx holds one day's articles: a few thousand characters a
paragraph at most. A file that holds more than a document may (the ranges of
:mod:`layout.model.limits`), or a Word file whose XML unpacks to far more than
its size (a "zip bomb"), is refused at once, naming the file and the place,
before it can take gigabytes of memory and minutes of work.
"""

from __future__ import annotations

import os
import stat
import zipfile
from pathlib import Path

from layout.importer.plaintext import ImportedText
from layout.model.limits import MAX_ISSUE_CHARS, MAX_PARAGRAPH_CHARS, MAX_STRING_CHARS

MAX_TEXT_BYTES = 4 * MAX_ISSUE_CHARS  # UTF-8 takes at most four bytes a character
MAX_DOCX_PART_BYTES = 32_000_000  # one unpacked XML part of a Word file (an article's is under 1 MB)
MAX_DOCX_BYTES = 128_000_000  # all of a Word file's parts, unpacked


def read_text_file(path: Path) -> str:
    """The text of a .txt article file, refused (ValueError naming the file and the line)
    when it is not a regular file, not UTF-8, or holds a paragraph or a total beyond the
    document's limits."""
    info = os.stat(path)
    if not stat.S_ISREG(info.st_mode):
        raise ValueError(f"{path}: not a regular file (a folder, a pipe or a device)")
    if info.st_size > MAX_TEXT_BYTES:
        raise ValueError(f"{path}: {info.st_size:,} bytes is more text than an issue holds "
                         f"({MAX_ISSUE_CHARS:,} characters); not imported")
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ValueError(f"{path}: not UTF-8 text (byte {exc.start:,})") from None
    _check_lines(path, text)
    return text


def _check_lines(path: Path, text: str) -> None:
    if len(text) > MAX_ISSUE_CHARS:
        raise ValueError(f"{path}: {len(text):,} characters are more than an issue holds ({MAX_ISSUE_CHARS:,})")
    for number, line in enumerate(text.splitlines(), 1):
        if len(line) > MAX_PARAGRAPH_CHARS:
            raise ValueError(f"{path}: line {number} holds {len(line):,} characters, more than a paragraph may "
                             f"({MAX_PARAGRAPH_CHARS:,}); break it into paragraphs")


def check_docx_size(path: Path) -> None:
    """Refuse a Word file whose parts unpack to more than any article needs (read from the
    zip's directory, before anything is unpacked; a part cannot unpack to more than it says)."""
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, OSError):
        return  # python-docx says it is not a Word document
    for member in members:
        if member.file_size > MAX_DOCX_PART_BYTES:
            raise ValueError(f"{path}: its part {member.filename} unpacks to {member.file_size:,} bytes, more than "
                             f"an article's Word file holds ({MAX_DOCX_PART_BYTES:,}); not imported")
    total = sum(member.file_size for member in members)
    if total > MAX_DOCX_BYTES:
        raise ValueError(f"{path}: it unpacks to {total:,} bytes, more than an article's Word file holds "
                         f"({MAX_DOCX_BYTES:,}); not imported")


def check_imported(path: Path, imported: ImportedText) -> None:
    """Refuse imported articles that the document could not hold (ValueError naming the
    file, the article and the paragraph), before they are placed."""
    for number, article in enumerate(imported.articles, 1):
        group = article.headline
        for what, text in (("引题", group.kicker), ("主题", group.title), ("副题", group.subtitle),
                           ("byline", article.byline)):
            if len(text) > MAX_STRING_CHARS:
                raise ValueError(f"{path}: article {number}: its {what} has {len(text):,} characters, more than "
                                 f"{MAX_STRING_CHARS:,}")
        for index, paragraph in enumerate(article.paragraphs, 1):
            if len(paragraph.text) > MAX_PARAGRAPH_CHARS:
                raise ValueError(f"{path}: article {number}, paragraph {index}: {len(paragraph.text):,} characters "
                                 f"are more than a paragraph may hold ({MAX_PARAGRAPH_CHARS:,})")
