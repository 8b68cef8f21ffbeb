"""Font subsets named uniquely per file: reportlab tags every file's subsets alike
(``AAAAAA+Name``, ``AAAAAB+Name``, … in order of use), so two page files name different
glyph sets the same. A RIP or an imposition step that merges pages and caches fonts by
name can then draw one page's text with another page's glyphs.

The tag (six capitals, PDF 1.7 §9.6.4) is made here from a digest of the file's
identity (paper, date, page) and of the subset itself (its characters), so it differs
between files and between subsets, and is the same when the same file is made again.
"""

from __future__ import annotations

import hashlib
import re

import pikepdf

_TAGGED = re.compile(r"^[A-Z]{6}\+(.+)$")


def subset_tag(file_key: str, font: str, content: bytes) -> str:
    """Six capital letters from a digest of the file, the font and the subset's content."""
    digest = hashlib.sha256(file_key.encode() + b"\0" + font.encode() + b"\0" + content).digest()
    return "".join(chr(ord("A") + b % 26) for b in digest[:6])


def rename_subsets(pdf: pikepdf.Pdf, file_key: str) -> int:
    """Give every subset font of ``pdf`` a tag of its own; return how many were renamed."""
    renamed = 0
    seen: dict[int, str] = {}
    for page in pdf.pages:
        fonts = page.obj.get("/Resources", {}).get("/Font", {})
        for font in fonts.values():
            if font.objgen in seen or "/BaseFont" not in font:
                continue
            match = _TAGGED.match(str(font.BaseFont)[1:] if str(font.BaseFont).startswith("/") else str(font.BaseFont))
            if not match:
                continue
            content = font.ToUnicode.read_bytes() if "/ToUnicode" in font else repr(font.get("/Widths")).encode()
            name = f"{subset_tag(file_key, match.group(1), content)}+{match.group(1)}"
            font.BaseFont = pikepdf.Name("/" + name)
            if "/FontDescriptor" in font:
                font.FontDescriptor.FontName = pikepdf.Name("/" + name)
            seen[font.objgen] = name
            renamed += 1
    return renamed
