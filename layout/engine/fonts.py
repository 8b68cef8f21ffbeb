"""Font files, their metrics, and the fallback chain of each font role.

The engine measures text from the same TrueType files that the PDF embeds and
the screen draws, so what the designer sees is what prints. Only the files in
the project's fonts/ folder (or ``$LAYOUT_FONT_DIR``) are used, never system fonts.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from fontTools.ttLib import TTFont

from layout.engine.cache import cache_root

# Font roles (``TextStyle.font``) to files, best first. Every chain ends in the
# common fallbacks, so a character missing from the chosen face is taken from
# the next face that has it (rare characters in names: 堃 喆 赟 𠮷).
ROLE_FILES: dict[str, tuple[str, ...]] = {
    "song": ("NotoSerifSC-Regular.ttf",),
    "song-bold": ("NotoSerifSC-Bold.ttf",),
    "hei": ("NotoSansSC-Regular.ttf",),
    "hei-bold": ("NotoSansSC-Bold.ttf",),
    "kai": ("WenKaiLayout-Regular.ttf",),
}
FALLBACK_FILES: tuple[str, ...] = (
    "NotoSerifSC-Regular.ttf",
    "NotoSansSC-Regular.ttf",
    "WenKaiLayout-Regular.ttf",
    "NotoSerifSC-Ext.ttf",
)


CACHE_VERSION = 1  # raise when FontFace changes shape

# Characters whose ink extent the engine needs: dashes are stretched to fill their em boxes.
INK_CHARS = (0x2014, 0x2015, 0x2E3A, 0x2E3B)


class FontError(RuntimeError):
    """A font file that is missing or cannot be used."""


def font_dir() -> Path:
    """The folder the fonts are read from: LAYOUT_FONT_DIR, else the package's own
    (layout/fonts in an installed wheel), else fonts/ at the top of the repository."""
    override = os.environ.get("LAYOUT_FONT_DIR")
    if override:
        return Path(override)
    packaged = Path(__file__).resolve().parents[1] / "fonts"
    return packaged if packaged.is_dir() else Path(__file__).resolve().parents[2] / "fonts"


@dataclass
class FontFace:
    """One TrueType file: its character map, advances (in em) and vertical metrics."""

    name: str
    path: Path
    glyph_ids: dict[int, int]
    advances: dict[int, float]
    ascent: float
    descent: float
    units_per_em: int
    ink: dict[int, tuple[float, float]] = field(default_factory=dict)

    def has(self, char: str) -> bool:
        """True when the face has a glyph for the character."""
        return ord(char) in self.glyph_ids

    def ink_extent(self, char: str) -> tuple[float, float] | None:
        """Left and right of the glyph's ink in em, for the characters in INK_CHARS."""
        return self.ink.get(ord(char))


def metrics_cache_dir() -> Path:
    """Where parsed font metrics are kept between runs."""
    return cache_root() / "fonts"


def _parse_face(name: str, path: Path) -> FontFace:
    """Read the metrics out of a TrueType file (a quarter of a second for a CJK face)."""
    font = TTFont(path, lazy=True)
    if "glyf" not in font:
        raise FontError(f"font file {path} has no TrueType outlines; PDF export cannot embed it")
    upem = font["head"].unitsPerEm
    order = {glyph: gid for gid, glyph in enumerate(font.getGlyphOrder())}
    metrics = font["hmtx"].metrics
    cmap = font.getBestCmap()
    os2 = font["OS/2"]
    ink = {}
    for code in INK_CHARS:
        glyph = font["glyf"][cmap[code]] if code in cmap else None
        if glyph is not None and glyph.numberOfContours:
            ink[code] = (glyph.xMin / upem, glyph.xMax / upem)
    return FontFace(
        name=name,
        path=path,
        glyph_ids={cp: order[glyph] for cp, glyph in cmap.items()},
        advances={cp: metrics[glyph][0] / upem for cp, glyph in cmap.items()},
        ascent=os2.sTypoAscender / upem,
        descent=-os2.sTypoDescender / upem,
        units_per_em=upem,
        ink=ink,
    )


def _cache_file(path: Path) -> Path:
    stat = path.stat()
    key = hashlib.sha1(f"{path.resolve()}|{stat.st_size}|{stat.st_mtime_ns}|{CACHE_VERSION}".encode())
    return metrics_cache_dir() / f"{path.stem}-{key.hexdigest()[:16]}.pickle"


@cache
def load_face(name: str) -> FontFace:
    """A font file's metrics, once per process; parsed metrics are kept on disk between runs
    (a cache entry names the file's size and time, so a changed font is read again)."""
    path = font_dir() / name
    if not path.is_file():
        raise FontError(f"font file {path} is missing (see fonts/README.md to rebuild it)")
    cached = _cache_file(path)
    try:
        with cached.open("rb") as handle:
            face = pickle.load(handle)
        if isinstance(face, FontFace) and face.name == name:
            face.path = path
            return face
    except (OSError, pickle.PickleError, EOFError, AttributeError, ValueError):
        pass
    face = _parse_face(name, path)
    try:
        cached.parent.mkdir(parents=True, exist_ok=True)
        scratch = cached.with_suffix(f".{os.getpid()}.tmp")
        scratch.write_bytes(pickle.dumps(face, protocol=pickle.HIGHEST_PROTOCOL))
        os.replace(scratch, cached)
    except OSError:
        pass  # no cache then: a read-only home is no reason to fail
    return face


def available_files(names: tuple[str, ...]) -> list[str]:
    """The names among ``names`` whose files exist, in order, without repeats."""
    seen: list[str] = []
    for name in names:
        if name not in seen and (font_dir() / name).is_file():
            seen.append(name)
    return seen


@dataclass(eq=False)
class FontChain:
    """A font role's faces in fallback order, with one merged character table.

    ``lookup[codepoint]`` is ``(face index, advance in em)`` for the first face
    that has the character.
    """

    role: str
    faces: list[FontFace]
    lookup: dict[int, tuple[int, float]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for index in range(len(self.faces) - 1, -1, -1):
            advances = self.faces[index].advances
            self.lookup.update((cp, (index, adv)) for cp, adv in advances.items())

    @property
    def primary(self) -> FontFace:
        """The face the role asks for."""
        return self.faces[0]


@cache
def chain_for(role: str) -> FontChain:
    """The fallback chain of a font role (an unknown role is the body Song)."""
    wanted = ROLE_FILES.get(role, ROLE_FILES["song"])
    if not (font_dir() / wanted[0]).is_file():
        raise FontError(f"font file {font_dir() / wanted[0]} for {role!r} is missing (see fonts/README.md)")
    names = available_files(wanted + FALLBACK_FILES)
    return FontChain(role, [load_face(n) for n in names])
