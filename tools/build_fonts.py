#!/usr/bin/env python3
"""Rebuild the bundled Chinese fonts in ``fonts/`` from Debian packages.

reportlab can only embed TrueType (``glyf``) outlines, while Debian's Noto
CJK fonts are CFF-flavoured OpenType collections.  This script

1. downloads ``fonts-noto-cjk`` and ``fonts-lxgw-wenkai`` with
   ``apt-get download`` and unpacks them with ``dpkg -x``;
2. picks the Simplified Chinese face of each TTC by reading its name table;
3. subsets it with :mod:`fontTools.subset` (CJK Unified Ideographs plus
   Latin/punctuation, only the ``vert``/``vrt2`` layout features, no hinting);
4. converts CFF outlines to quadratic TrueType outlines
   (Cu2QuPen -> TTGlyphPen, the approach of fontTools' Snippets/otf2ttf.py);
5. renames the faces, writes the licence files and ``fonts/README.md`` and
   prints a summary table.

Faces are built in parallel (``--jobs``, default 2).  Examples::

    python tools/build_fonts.py
    python tools/build_fonts.py --only NotoSerifSC-Regular --only NotoSerifSC-Ext

Requires Debian/Ubuntu (apt-get, dpkg) and ``fonttools``.  Running as root
is the simplest way to let ``apt-get update`` run when the package lists are
missing.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from fontTools import subset
from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTCollection, TTFont, newTable
from fontTools.ttLib.tables.O_S_2f_2 import calcCodePageRanges

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_OUT = REPO_ROOT / "fonts"

NOTO_PKG = "fonts-noto-cjk"
WENKAI_PKG = "fonts-lxgw-wenkai"
NOTO_DIR = "usr/share/fonts/opentype/noto"
WENKAI_DIR = "usr/share/fonts/truetype/lxgw-wenkai"

Range = tuple[int, int]

URO: list[Range] = [(0x4E00, 0x9FFF)]
LATIN_PUNCT: list[Range] = [
    (0x0020, 0x007E), (0x00A0, 0x00FF), (0x2000, 0x206F), (0x2100, 0x214F),
    (0x2190, 0x21FF), (0x2460, 0x24FF), (0x25A0, 0x25FF), (0x2E3A, 0x2E3B),
    (0x3000, 0x303F), (0xFF00, 0xFFEF),
]
MAIN_RANGES: list[Range] = URO + LATIN_PUNCT
# News symbols the main faces keep besides GB 2312 and GBK (issue 14).
NEWS_SYMBOLS = ("㎡㎞㎏℃‰№" + "".join(map(chr, range(0x2460, 0x2474))) + "".join(map(chr, range(0x2474, 0x249C)))
                + "".join(map(chr, range(0x3220, 0x322A))) + "".join(map(chr, range(0x2160, 0x216C)))
                + "".join(map(chr, range(0x2170, 0x217A))) + "★☆※→←↑↓")
SIZE_BEFORE_GB = 49_884_828  # bytes of fonts/*.ttf before the main faces kept GB 2312/GBK (commit a57773b)


def codec_points(codec: str) -> set[int]:
    """Every code point that a two-byte sequence of a legacy Chinese *codec* decodes to
    (Python's ``gb2312`` or ``gbk`` codec; GBK contains GB 2312)."""
    found = set()
    for lead in range(0x81, 0xFF):
        for trail in range(0x40, 0xFF):
            try:
                text = bytes([lead, trail]).decode(codec)
            except UnicodeDecodeError:
                continue
            found.update(map(ord, text))
    return found


def main_points() -> frozenset[int]:
    """Code points the main faces keep outside their ranges: all of GB 2312 and GBK (the
    codecs differ: gb2312 decodes A1A4 to U+30FB ・, gbk to U+00B7 ·), and NEWS_SYMBOLS."""
    return frozenset(codec_points("gbk") | codec_points("gb2312") | set(map(ord, NEWS_SYMBOLS)))
EXT_RANGES: list[Range] = [
    (0x3400, 0x4DBF),    # CJK Unified Ideographs Extension A
    (0x20000, 0x2EBEF),  # Extensions B-F
    (0xF900, 0xFAFF),    # CJK Compatibility Ideographs
    (0x2F800, 0x2FA1F),  # CJK Compatibility Ideographs Supplement
]

LAYOUT_FEATURES = ["vert", "vrt2"]
CU2QU_MAX_ERR = 1.0  # font units; UPEM is 1000 for all sources
PROVENANCE_TAG = "layout tools/build_fonts.py"

# Name records copied from the source face; all others are dropped so each
# output file reports exactly one family.
KEPT_NAME_IDS = {0, 5, 7, 8, 9, 11, 12, 13, 14}
WIN, WIN_UNICODE_BMP, EN_US = 3, 1, 0x409


@dataclass(frozen=True)
class FaceSpec:
    """One output font: where it comes from and what it is called."""

    key: str               # output stem, also the --only name
    package: str           # Debian binary package
    source: str            # path of the font inside the package
    source_family: str     # nameID 1 of the wanted face (selects TTC index)
    family: str            # new nameID 1
    style: str             # nameID 2: "Regular" or "Bold"
    ranges: list[Range] = field(default_factory=lambda: MAIN_RANGES)
    points: bool = True    # also keep main_points()
    licence: str = "LICENSE-NotoCJK-OFL.txt"
    role: str = ""

    @property
    def filename(self) -> str:
        """Output file name."""
        return f"{self.key}.ttf"

    @property
    def ps_name(self) -> str:
        """PostScript name (nameID 6), no spaces."""
        return f"{self.family.replace(' ', '')}-{self.style}"


FACES: list[FaceSpec] = [
    FaceSpec("NotoSerifSC-Regular", NOTO_PKG, f"{NOTO_DIR}/NotoSerifCJK-Regular.ttc",
             "Noto Serif CJK SC", "Noto Serif SC", "Regular", role="Song 宋, body text"),
    FaceSpec("NotoSerifSC-Bold", NOTO_PKG, f"{NOTO_DIR}/NotoSerifCJK-Bold.ttc",
             "Noto Serif CJK SC", "Noto Serif SC", "Bold", role="bold Song (标宋-like), headlines"),
    FaceSpec("NotoSansSC-Regular", NOTO_PKG, f"{NOTO_DIR}/NotoSansCJK-Regular.ttc",
             "Noto Sans CJK SC", "Noto Sans SC", "Regular", role="Hei 黑"),
    FaceSpec("NotoSansSC-Bold", NOTO_PKG, f"{NOTO_DIR}/NotoSansCJK-Bold.ttc",
             "Noto Sans CJK SC", "Noto Sans SC", "Bold", role="heavy Hei (大黑), headlines"),
    FaceSpec("NotoSerifSC-Ext", NOTO_PKG, f"{NOTO_DIR}/NotoSerifCJK-Regular.ttc",
             "Noto Serif CJK SC", "Noto Serif SC Ext", "Regular", ranges=EXT_RANGES, points=False,
             role="fallback for rare ideographs (Ext A-F, compatibility)"),
    # Debian's copyright file declares the Reserved Font Names "霞鹜" and
    # "LXGW"; a subset is a Modified Version, so it must not use them.
    FaceSpec("WenKaiLayout-Regular", WENKAI_PKG, f"{WENKAI_DIR}/LXGWWenKai-Regular.ttf",
             "LXGW WenKai", "WenKai Layout", "Regular",
             licence="LICENSE-LXGWWenKai-OFL.txt", role="Kai 楷 (from LXGW WenKai 霞鹜文楷)"),
]


@dataclass
class BuildResult:
    """Measurements of one built face."""

    key: str
    face_index: int
    glyphs: int
    cmap: int
    size: int
    subset_s: float
    convert_s: float
    save_s: float


# ---------------------------------------------------------------- packages


def run(cmd: list[str], **kwargs) -> subprocess.CompletedProcess:
    """Run a command, failing loudly, and return its result."""
    return subprocess.run(cmd, check=True, text=True, capture_output=True, **kwargs)


def apt_download(packages: list[str], dest: Path) -> None:
    """``apt-get download`` *packages* into *dest*, updating lists if needed."""
    cmd = ["apt-get", "download", *packages]
    if os.geteuid() == 0:  # the _apt sandbox user cannot write to a 0700 temp dir
        cmd[1:1] = ["-o", "APT::Sandbox::User=root"]
    try:
        run(cmd, cwd=dest)
    except subprocess.CalledProcessError:
        print("apt-get download failed; running apt-get update", file=sys.stderr)
        run(["apt-get", "update"])
        run(cmd, cwd=dest)


def fetch_packages(packages: list[str], workdir: Path) -> dict[str, tuple[str, Path]]:
    """Download and unpack *packages*; map each to (version, unpack root)."""
    debs = workdir / "debs"
    debs.mkdir(parents=True, exist_ok=True)
    apt_download(packages, debs)
    unpacked: dict[str, tuple[str, Path]] = {}
    for pkg in packages:
        deb = next(debs.glob(f"{pkg}_*.deb"))
        version = run(["dpkg-deb", "-f", str(deb), "Version"]).stdout.strip()
        root = workdir / pkg
        run(["dpkg", "-x", str(deb), str(root)])
        unpacked[pkg] = (version, root)
    return unpacked


# ------------------------------------------------------------ font helpers


def english_name(font: TTFont, name_id: int) -> str:
    """Return the Windows English name record *name_id* (or any fallback)."""
    name = font["name"]
    rec = name.getName(name_id, WIN, WIN_UNICODE_BMP, EN_US)
    return rec.toUnicode() if rec else (name.getDebugName(name_id) or "")


def find_face_index(path: Path, family: str) -> int:
    """Return the index of the face whose nameID 1 is *family* (0 for TTF)."""
    if path.suffix.lower() != ".ttc":
        return 0
    collection = TTCollection(str(path), lazy=True)
    for index, face in enumerate(collection.fonts):
        if english_name(face, 1) == family:
            return index
    raise LookupError(f"{family!r} not found in {path}")


def wanted_codepoints(font: TTFont, ranges: list[Range], points: frozenset[int] = frozenset()) -> list[int]:
    """Code points inside *ranges*, or among *points*, that the font's cmap maps."""
    cmap = font.getBestCmap()
    return sorted(cp for cp in cmap if cp in points or any(lo <= cp <= hi for lo, hi in ranges))


def subset_options() -> subset.Options:
    """Subsetter options of the 'lean' profile (environment.md section 2)."""
    options = subset.Options()
    options.layout_features = list(LAYOUT_FEATURES)
    options.hinting = False
    options.desubroutinize = True
    options.notdef_outline = True
    options.glyph_names = False
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.drop_tables = [*options.drop_tables, "DSIG"]
    return options


def subset_font(font: TTFont, codepoints: list[int]) -> None:
    """Subset *font* in place to *codepoints*."""
    subsetter = subset.Subsetter(subset_options())
    subsetter.populate(unicodes=codepoints)
    subsetter.subset(font)


# ------------------------------------------------------ CFF -> TrueType


def quadratic_glyphs(font: TTFont) -> dict:
    """Draw every CFF glyph through Cu2QuPen into TrueType glyph objects."""
    glyph_set = font.getGlyphSet()
    glyphs = {}
    for name in font.getGlyphOrder():
        tt_pen = TTGlyphPen(None)
        # CFF outer contours run counter-clockwise, TrueType ones clockwise.
        glyph_set[name].draw(Cu2QuPen(tt_pen, CU2QU_MAX_ERR, reverse_direction=True))
        glyphs[name] = tt_pen.glyph(dropImpliedOnCurves=True)
    return glyphs


def install_glyf(font: TTFont, glyphs: dict) -> None:
    """Replace the CFF table with glyf/loca built from *glyphs*."""
    glyf = newTable("glyf")
    glyf.glyphOrder = font.getGlyphOrder()
    glyf.glyphs = glyphs
    font["glyf"] = glyf
    font["loca"] = newTable("loca")
    for tag in ("CFF ", "CFF2", "VORG"):
        if tag in font:
            del font[tag]
    font.sfntVersion = "\x00\x01\x00\x00"
    font["head"].glyphDataFormat = 0


def update_side_bearings(font: TTFont) -> None:
    """Set each hmtx left side bearing to the glyph's new xMin."""
    glyf, hmtx = font["glyf"], font["hmtx"]
    for name in font.getGlyphOrder():
        glyph = glyf[name]
        glyph.recalcBounds(glyf)
        advance, _ = hmtx[name]
        hmtx[name] = (advance, getattr(glyph, "xMin", 0) if glyph.numberOfContours else 0)


def truetype_maxp(font: TTFont) -> None:
    """Turn maxp into version 1.0 (TrueType); point counts are recomputed on save."""
    maxp = font["maxp"]
    maxp.tableVersion = 0x00010000
    maxp.maxZones = 1
    for attr in ("maxPoints", "maxContours", "maxCompositePoints",
                 "maxCompositeContours", "maxComponentDepth",
                 "maxTwilightPoints", "maxStorage", "maxFunctionDefs",
                 "maxInstructionDefs", "maxStackElements",
                 "maxSizeOfInstructions", "maxComponentElements"):
        setattr(maxp, attr, 0)


def nameless_post(font: TTFont) -> None:
    """Use post format 3 (no glyph names; reportlab writes format 3 anyway)."""
    post = font["post"]
    post.formatType = 3.0
    for attr in ("extraNames", "mapping"):
        if hasattr(post, attr):
            delattr(post, attr)


def cff_to_truetype(font: TTFont) -> None:
    """Convert a CFF-flavoured font to TrueType outlines in place."""
    install_glyf(font, quadratic_glyphs(font))
    update_side_bearings(font)
    truetype_maxp(font)
    nameless_post(font)


def is_ideograph(cp: int) -> bool:
    """True for CJK unified/compatibility ideographs (any block we keep)."""
    return any(lo <= cp <= hi for lo, hi in URO + EXT_RANGES)


def centre_on_advance(font: TTFont, glyph_name: str, advance: int) -> None:
    """Give a glyf glyph a new advance, shifting the outline to stay centred."""
    glyf, hmtx = font["glyf"], font["hmtx"]
    old_advance, _ = hmtx[glyph_name]
    dx = round((advance - old_advance) / 2)
    glyph = glyf[glyph_name]
    if glyph.isComposite():
        for component in glyph.components:
            component.x += dx
    elif glyph.numberOfContours:
        glyph.coordinates.translate((dx, 0))
    glyph.recalcBounds(glyf)
    hmtx[glyph_name] = (advance, getattr(glyph, "xMin", 0) if glyph.numberOfContours else 0)


def normalise_ideograph_advances(font: TTFont, advance: int = 1000) -> list[int]:
    """Force every ideograph to *advance* units; return the code points fixed."""
    cmap, hmtx = font.getBestCmap(), font["hmtx"]
    fixed = [cp for cp, g in sorted(cmap.items()) if is_ideograph(cp) and hmtx[g][0] != advance]
    for glyph_name in {cmap[cp] for cp in fixed}:
        centre_on_advance(font, glyph_name, advance)
    return fixed


def hanzi_of_codec(codec: str) -> set[int]:
    """URO ideographs encodable in a legacy CJK *codec* (e.g. gb2312)."""
    found = set()
    for cp in range(URO[0][0], URO[0][1] + 1):
        try:
            chr(cp).encode(codec)
        except UnicodeEncodeError:
            continue
        found.add(cp)
    return found


def update_os2_ranges(font: TTFont) -> None:
    """Recompute OS/2 ulUnicodeRange and ulCodePageRange from the subset cmap.

    fontTools only derives the Chinese code page bits from bopomofo, which
    the subsets drop; set GB2312 (bit 18) and Big5 (bit 20) when every
    ideograph of that code page is present, so Windows lists the font as
    Chinese.
    """
    os2 = font["OS/2"]
    os2.recalcUnicodeRanges(font)
    cmap = set(font.getBestCmap())
    bits = calcCodePageRanges(cmap)
    for codec, bit in (("gb2312", 18), ("big5", 20)):
        if hanzi_of_codec(codec) <= cmap:
            bits.add(bit)
    os2.setCodePageRanges(bits or {0})


# ---------------------------------------------------------------- naming


def rename(font: TTFont, spec: FaceSpec, provenance: str) -> None:
    """Give the face one clean family name; keep copyright/licence records."""
    name = font["name"]
    name.names = [r for r in name.names
                  if (r.platformID, r.langID) == (WIN, EN_US) and r.nameID in KEPT_NAME_IDS]
    full = spec.family if spec.style == "Regular" else f"{spec.family} {spec.style}"
    upstream_version = english_name(font, 5)
    records = {
        1: spec.family,
        2: spec.style,
        3: f"{spec.ps_name};{upstream_version.split(';')[0]};layout-subset",
        4: full,
        5: f"{upstream_version};layout-subset",
        6: spec.ps_name,
        10: provenance,
    }
    for name_id, text in records.items():
        name.setName(text, name_id, WIN, WIN_UNICODE_BMP, EN_US)


# ----------------------------------------------------------------- build


def provenance(spec: FaceSpec, package_version: str, index: int,
               fixed: list[int]) -> str:
    """Text for nameID 10: what the file was made from and how."""
    steps = "subset, hinting removed"
    steps += ", CFF converted to TrueType outlines" if spec.package == NOTO_PKG else ""
    if fixed:
        steps += ", advance set to 1000 for " + " ".join(f"U+{cp:04X}" for cp in fixed)
    return (f"Built by {PROVENANCE_TAG} from Debian {spec.package} {package_version}, "
            f"{Path(spec.source).name} face {index}: {steps}.")


def build_face(spec: FaceSpec, source: Path, package_version: str,
               out_dir: Path) -> BuildResult:
    """Subset, convert (if CFF), rename and save one face."""
    index = find_face_index(source, spec.source_family)
    # Keep head.modified from the source so rebuilds are byte-identical.
    font = TTFont(str(source), fontNumber=index, recalcTimestamp=False)
    t0 = time.perf_counter()
    subset_font(font, wanted_codepoints(font, spec.ranges, main_points() if spec.points else frozenset()))
    t1 = time.perf_counter()
    if "CFF " in font:
        cff_to_truetype(font)
    fixed = normalise_ideograph_advances(font)
    update_os2_ranges(font)
    t2 = time.perf_counter()
    rename(font, spec, provenance(spec, package_version, index, fixed))
    out = out_dir / spec.filename
    font.save(str(out))
    t3 = time.perf_counter()
    check = TTFont(str(out))
    return BuildResult(spec.key, index, check["maxp"].numGlyphs,
                       len(check.getBestCmap()), out.stat().st_size,
                       t1 - t0, t2 - t1, t3 - t2)


def build_face_job(args: tuple[FaceSpec, Path, str, Path]) -> BuildResult:
    """Pool entry point: unpack the argument tuple for :func:`build_face`."""
    spec, source, version, out_dir = args
    result = build_face(spec, source, version, out_dir)
    print(f"  built {spec.filename}: {result.glyphs} glyphs, "
          f"{result.size / 1e6:.2f} MB", flush=True)
    return result


def validate(path: Path) -> list[str]:
    """Return problems found in a built font (empty list when fine)."""
    font = TTFont(str(path))
    problems = []
    if "glyf" not in font or "CFF " in font:
        problems.append("not glyf-flavoured")
    cmap = font.getBestCmap()
    hmtx = font["hmtx"]
    bad = [cp for cp in cmap if is_ideograph(cp) and hmtx[cmap[cp]][0] != 1000]
    if bad:
        problems.append(f"{len(bad)} ideographs with advance != 1000")
    if font["hhea"].numberOfHMetrics > font["maxp"].numGlyphs:
        problems.append("hhea.numberOfHMetrics > numGlyphs")
    if font["OS/2"].fsType & 0x0002:
        problems.append("OS/2 fsType restricts embedding")
    return problems


# --------------------------------------------------------------- licences


def debian_license_text(copyright_file: Path, licence_name: str) -> str:
    """Extract the standalone ``License: <name>`` paragraph from debian/copyright."""
    text = copyright_file.read_text(encoding="utf-8")
    match = re.search(rf"^License: {re.escape(licence_name)}\n((?: .*\n?)+)", text, re.M)
    if not match:
        raise LookupError(f"License {licence_name} not in {copyright_file}")
    lines = [line[1:] for line in match.group(1).splitlines()]
    return "\n".join("" if line == "." else line for line in lines).strip() + "\n"


def debian_comment(copyright_file: Path) -> str:
    """Return the ``Comment:`` of the ``Files: *`` paragraph (may be empty)."""
    text = copyright_file.read_text(encoding="utf-8")
    para = text.split("\nFiles: *\n", 1)[-1].split("\n\n", 1)[0]
    match = re.search(r"^Comment:\n((?: .*\n?)+)", para + "\n", re.M)
    return " ".join(line.strip() for line in match.group(1).splitlines()) if match else ""


def copyright_lines(fonts: list[Path], label: bool = False) -> list[str]:
    """Distinct nameID 0 lines of *fonts* (face 0 of each file)."""
    lines: dict[str, list[str]] = {}
    for path in fonts:
        family = re.sub(r"-\w+$", "", path.stem)
        for line in english_name(TTFont(str(path), fontNumber=0, lazy=True), 0).splitlines():
            if line.strip():
                lines.setdefault(line.strip(), [])
                if family not in lines[line.strip()]:
                    lines[line.strip()].append(family)
    if not label:
        return list(lines)
    return [f"{line} [{', '.join(fams)}]" for line, fams in lines.items()]


def write_licence(out: Path, header: list[str], body: str) -> None:
    """Write a licence file: copyright notices, then the OFL text."""
    out.write_text("\n".join(header) + "\n\n" + body, encoding="utf-8")


def write_licences(out_dir: Path, unpacked: dict[str, tuple[str, Path]]) -> list[str]:
    """Write one licence file per licensor for the packages that were fetched."""
    written = []
    if NOTO_PKG in unpacked:
        version, root = unpacked[NOTO_PKG]
        sources = sorted((root / NOTO_DIR).glob("*.ttc"))
        header = copyright_lines(sources, label=True) + [
            "Noto is a trademark of Google Inc.",
            "",
            f"(Copyright notices from the name tables of Debian {NOTO_PKG} {version}; "
            "no Reserved Font Name is declared.)",
            "",
            "This Font Software is licensed under the SIL Open Font License, Version 1.1.",
        ]
        body = debian_license_text(root / f"usr/share/doc/{NOTO_PKG}/copyright", "SIL-1.1")
        write_licence(out_dir / "LICENSE-NotoCJK-OFL.txt", header, body)
        written.append("LICENSE-NotoCJK-OFL.txt")
    if WENKAI_PKG in unpacked:
        version, root = unpacked[WENKAI_PKG]
        copyright_file = root / f"usr/share/doc/{WENKAI_PKG}/copyright"
        header = copyright_lines([root / f"{WENKAI_DIR}/LXGWWenKai-Regular.ttf"]) + [
            "",
            f"Debian {WENKAI_PKG} {version} (debian/copyright): {debian_comment(copyright_file)}",
            "",
            "This Font Software is licensed under the SIL Open Font License, Version 1.1.",
        ]
        body = debian_license_text(copyright_file, "OFL-1.1")
        write_licence(out_dir / "LICENSE-LXGWWenKai-OFL.txt", header, body)
        written.append("LICENSE-LXGWWenKai-OFL.txt")
    return written


# ----------------------------------------------------------------- README


def fmt_ranges(ranges: list[Range]) -> str:
    """Format code point ranges as ``U+4E00–9FFF, ...``."""
    return ", ".join(f"U+{lo:04X}–{hi:04X}" for lo, hi in ranges)


def readme_row(spec: FaceSpec, out_dir: Path) -> str | None:
    """One README table row, read back from the built file (None if absent)."""
    path = out_dir / spec.filename
    if not path.exists():
        return None
    font = TTFont(str(path), lazy=True)
    provenance = english_name(font, 10)
    source = re.search(r"from Debian (\S+ \S+), (\S+ face \d+)", provenance)
    upstream = english_name(font, 5).split(";")[0]
    ranges = "Ext A–F + compatibility ideographs" if spec.ranges is EXT_RANGES else "URO + Latin/punct + GBK"
    return (f"| `{spec.filename}` | {spec.family} {spec.style} | {spec.role} | "
            f"{source.group(1) if source else '?'} (`{source.group(2) if source else '?'}`) | "
            f"{upstream} | {ranges} | {len(font.getBestCmap()):,} | "
            f"{font['maxp'].numGlyphs:,} | {path.stat().st_size / 1e6:.2f} MB | "
            f"`{spec.licence}` |")


README_HEAD = """# Bundled fonts

Generated by `tools/build_fonts.py`; do not edit by hand.  Rebuild with

    python tools/build_fonts.py            # all faces, 2 processes
    python tools/build_fonts.py --only NotoSerifSC-Bold

(root, or sudo, is needed only if `apt-get update` has to run).  The script
downloads the Debian packages with `apt-get download`, unpacks them with
`dpkg -x`, subsets each face with `fontTools.subset` (layout features
`vert`/`vrt2` only, hinting removed), converts Noto's CFF outlines to
TrueType `glyf` outlines (Cu2QuPen, max error 1 unit → TTGlyphPen, post
format 3) so that reportlab can embed them, and renames the faces.

| File | Family / style | Use | Source (Debian package, file, face) | Upstream version | Kept | cmap | Glyphs | Size | Licence |
|---|---|---|---|---|---|---|---|---|---|
"""

README_TAIL = """
## Unicode ranges kept

* **URO + Latin/punct + GBK** (main faces): CJK Unified Ideographs {uro}; {latin};
  and every other code point of GB 2312 and GBK (Greek, Cyrillic, pinyin with
  tone marks, bopomofo, kana, box drawing, maths, ㈠, Ⅰ, ㎡, vertical forms; the
  code points are those Python's `gb2312` and `gbk` codecs decode two-byte
  sequences to)
  and the news symbols {symbols}.
  Only characters the source face has are kept; `tests/test_fonts.py` walks all
  of GB 2312 and GBK through each role's fallback chain.

Size of `fonts/*.ttf`: {before:.2f} MB before the main faces kept GBK, {after:.2f} MB now.
* **Ext A–F + compatibility ideographs** (`NotoSerifSC-Ext.ttf`): {ext}.

Every CJK ideograph has a 1000-unit advance (UPEM 1000).  The script
checks this, and where a source glyph differs it sets the advance to 1000 and
re-centres the outline (LXGW WenKai 1.250 has two such glyphs, see above).
Vertical forms reachable through `vert`/`vrt2` are kept; all other OpenType
features (locl, palt, kern, …) are dropped, and reportlab ignores them anyway.

Each file holds one family with Windows English name records only, so
`QFontDatabase.addApplicationFont` returns one family per file:
`Noto Serif SC` (Regular + Bold), `Noto Sans SC` (Regular + Bold),
`Noto Serif SC Ext` and `WenKai Layout`.  Google Fonts also publishes fonts
named "Noto Serif SC"/"Noto Sans SC"; if they are installed system-wide, Qt
may use either copy (same design and metrics).

## Licences

All files are under the SIL Open Font License 1.1.  The OFL explicitly
permits modification (subsetting, format conversion) and redistribution,
bundled with software, provided the copyright notice and licence travel
with the fonts and the fonts are not sold by themselves.

* **Noto CJK** (`LICENSE-NotoCJK-OFL.txt`, © Adobe; "Noto" is a Google
  trademark).  Neither the fonts' name tables nor Debian's copyright file
  declare a Reserved Font Name, so the subsets keep Noto names
  (`Noto Serif SC`, `Noto Sans SC`, `Noto Serif SC Ext`).  Adobe's own
  Source Han release reserves the name "Source"; these names do not use it.
* **LXGW WenKai / 霞鹜文楷** (`LICENSE-LXGWWenKai-OFL.txt`).  Debian's
  copyright file states *Reserved Font Names "霞鹜" and "LXGW"* (only fonts
  rebuilt from unmodified sources may use them).  Upstream's own `OFL.txt`
  (github.com/lxgw/LxgwWenKai) has no Reserved Font Name line, but the
  Debian statement comes with the package these files are built from, so it
  is followed.  A subset is a Modified Version, so the file and family are
  renamed to **WenKai Layout**
  (`WenKaiLayout-Regular.ttf`, PostScript `WenKaiLayout-Regular`); the
  Chinese family name 霞鹜文楷 is removed.  The copyright lines naming LXGW
  and the Klee Project stay in the name table and licence file.

Each font's name table records its source package (nameID 10) and the
upstream version (nameID 5, suffixed `;layout-subset`).

## Known limitations

* Emoji are in no bundled face: Debian's `fonts-noto-color-emoji` has only
  colour bitmaps (no outlines reportlab can embed) and `fonts-symbola` is not
  under the OFL.  An emoji prints as a box, and preflight and `layout info`
  report it as missing from every font.
* Other symbols outside the kept ranges and GBK may be missing; preflight
  reports each one.
* reportlab 5.1 writes its ToUnicode CMap entries as `<%04X>`, so characters
  above U+FFFF (Ext B–F, e.g. 𠮷) print correctly from `NotoSerifSC-Ext.ttf`
  but copy/extract as wrong characters unless the app patches
  `reportlab.pdfbase.ttfonts.makeToUnicodeCMap` to emit UTF-16 surrogate
  pairs.
"""


def readme_note(spec: FaceSpec, out_dir: Path) -> str | None:
    """One bullet of the per-file notes: nameID 10 plus coverage remarks."""
    path = out_dir / spec.filename
    if not path.exists():
        return None
    font = TTFont(str(path), lazy=True)
    note = f"* `{spec.filename}`: {english_name(font, 10)}"
    if spec.ranges is EXT_RANGES:
        cmap = font.getBestCmap()
        counts = ", ".join(f"U+{lo:04X}–{hi:04X}: {sum(lo <= c <= hi for c in cmap):,}"
                           for lo, hi in EXT_RANGES)
        has = "includes" if 0x20BB7 in cmap else "does NOT include"
        note += f" Characters per range: {counts}. It {has} U+20BB7 𠮷."
    return note


def write_readme(out_dir: Path) -> None:
    """Regenerate fonts/README.md from the files present in *out_dir*."""
    rows = [row for spec in FACES if (row := readme_row(spec, out_dir))]
    notes = [note for spec in FACES if (note := readme_note(spec, out_dir))]
    after = sum(path.stat().st_size for path in out_dir.glob("*.ttf"))
    tail = README_TAIL.format(uro=fmt_ranges(URO), latin=fmt_ranges(LATIN_PUNCT),
                              ext=fmt_ranges(EXT_RANGES), symbols=NEWS_SYMBOLS,
                              before=SIZE_BEFORE_GB / 1e6, after=after / 1e6)
    text = (README_HEAD + "\n".join(rows) + "\n\n## How each file was made\n\n"
            + "\n".join(notes) + "\n" + tail)
    (out_dir / "README.md").write_text(text, encoding="utf-8")


# ------------------------------------------------------------------- main


def print_summary(results: list[BuildResult], out_dir: Path) -> None:
    """Print a fixed-width table of the built faces."""
    print(f"\n{'file':<26}{'face':>5}{'cmap':>8}{'glyphs':>8}{'MB':>8}"
          f"{'subset s':>10}{'convert s':>11}{'save s':>8}  check")
    for r in results:
        problems = validate(out_dir / f"{r.key}.ttf")
        print(f"{r.key + '.ttf':<26}{r.face_index:>5}{r.cmap:>8}{r.glyphs:>8}"
              f"{r.size / 1e6:>8.2f}{r.subset_s:>10.1f}{r.convert_s:>11.1f}"
              f"{r.save_s:>8.1f}  {'; '.join(problems) or 'ok'}")


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    """Parse the command line."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", action="append", metavar="NAME",
                        choices=[f.key for f in FACES],
                        help="build only this face (repeatable): " +
                             ", ".join(f.key for f in FACES))
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT,
                        help=f"output directory (default {DEFAULT_OUT})")
    parser.add_argument("--jobs", type=int, default=2, help="parallel processes")
    parser.add_argument("--keep-temp", action="store_true",
                        help="keep the downloaded/unpacked packages")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    """Build the selected faces; return a process exit code."""
    args = parse_args(argv)
    specs = [f for f in FACES if not args.only or f.key in args.only]
    args.out.mkdir(parents=True, exist_ok=True)
    workdir = Path(tempfile.mkdtemp(prefix="build_fonts_"))
    try:
        start = time.perf_counter()
        unpacked = fetch_packages(sorted({s.package for s in specs}), workdir)
        print(f"fetched {', '.join(f'{p} {v}' for p, (v, _) in unpacked.items())}"
              f" in {time.perf_counter() - start:.1f} s")
        jobs = [(s, unpacked[s.package][1] / s.source, unpacked[s.package][0], args.out)
                for s in specs]
        with multiprocessing.Pool(args.jobs, maxtasksperchild=1) as pool:
            results = pool.map(build_face_job, jobs, chunksize=1)
        write_licences(args.out, unpacked)
        write_readme(args.out)
        print_summary(results, args.out)
        print(f"total {time.perf_counter() - start:.1f} s")
    finally:
        if args.keep_temp:
            print(f"kept {workdir}")
        else:
            shutil.rmtree(workdir, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
