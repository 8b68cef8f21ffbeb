"""Large PNG files read without holding them whole.

Pillow decodes a PNG only whole (and ``getexif`` decodes it whole when the
orientation is not before the pixels); an 88-megapixel photo is then 350 MB.
Here the orientation is read from the chunks, and a PNG that is placed much
smaller than it is decoded a strip of rows at a time, each strip reduced at
once: only the strip and the reduced photo are ever in memory.
"""

from __future__ import annotations

import struct
import zlib
from collections.abc import Iterator
from typing import BinaryIO

import numpy as np
from PIL import Image

SIGNATURE = b"\x89PNG\r\n\x1a\n"
ORIENTATION = 0x0112
STRIP_ROWS = 64  # rows decoded at a time (rounded to a multiple of the factor)
INFLATE_BLOCK = 1 << 22  # bytes inflated at a time (a small file can inflate a thousandfold)
_BYTES_PER_PIXEL = {"L": 1, "LA": 2, "RGB": 3, "RGBA": 4, "I;16": 2}  # the kinds decoded in strips


def _chunks(handle: BinaryIO) -> Iterator[tuple[bytes, int]]:
    """(type, length) of each chunk, with ``handle`` at the chunk's data; ends at IEND."""
    if handle.read(8) != SIGNATURE:
        raise OSError("not a PNG file")
    while True:
        head = handle.read(8)
        if len(head) < 8:
            raise OSError("the PNG file is truncated")
        length, kind = struct.unpack(">I4s", head)
        start = handle.tell()
        yield kind, length
        if kind == b"IEND":
            return
        handle.seek(start + length + 4)  # past the data and its checksum


def png_orientation(image: Image.Image) -> int:
    """The EXIF orientation of an opened PNG (1 when it has none), without decoding it."""
    with open(image.filename, "rb") as handle:
        for kind, length in _chunks(handle):
            if kind == b"eXIf":
                exif = Image.Exif()
                exif.load(handle.read(length))
                return int(exif.get(ORIENTATION, 1))
    return int(Image.Image.getexif(image).get(ORIENTATION, 1))  # a text chunk's, read at open


def _inflated(path: str) -> Iterator[bytes]:
    """The pixel data (filtered rows) of a PNG, a block at a time."""
    inflater = zlib.decompressobj()
    with open(path, "rb") as handle:
        for kind, length in _chunks(handle):
            if kind != b"IDAT":
                continue
            data = handle.read(length)
            while data:
                yield inflater.decompress(data, INFLATE_BLOCK)
                data = inflater.unconsumed_tail


_CHANNELS = {0: 1, 2: 3, 3: 1, 4: 2, 6: 4}  # by colour type (PNG specification, 11.2.2 IHDR)
_ADAM7 = ((0, 0, 8, 8), (4, 0, 8, 8), (0, 4, 4, 8), (2, 0, 4, 4), (0, 2, 2, 4), (1, 0, 2, 2), (0, 1, 1, 2))


def _pixel_bytes(header: bytes) -> int:
    """How many bytes of filtered rows the IHDR chunk's image holds (all seven passes of an
    interlaced one)."""
    width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", header[:13])
    bits = depth * _CHANNELS.get(colour, 4)
    passes = _ADAM7 if interlace else ((0, 0, 1, 1),)
    total = 0
    for x0, y0, dx, dy in passes:
        columns, rows = -(-(width - x0) // dx), -(-(height - y0) // dy)
        if columns > 0 and rows > 0:
            total += rows * (1 + -(-columns * bits // 8))
    return total


def check_png_pixels(path: str) -> None:
    """Raise OSError when a PNG's pixel data is cut short or damaged, though its chunks'
    checksums may be right: the data is inflated a block at a time and counted, never kept."""
    inflater = zlib.decompressobj()
    expected = found = 0
    with open(path, "rb") as handle:
        for kind, length in _chunks(handle):
            if kind == b"IHDR":
                expected = _pixel_bytes(handle.read(min(length, 13)))
            elif kind == b"IDAT" and found < expected:
                found += _inflated_length(inflater, handle.read(length), expected - found)
    if found < expected:
        raise OSError(f"its pixel data is cut short ({found:,} of {expected:,} bytes): the file is damaged "
                      "or truncated")


def _inflated_length(inflater, data: bytes, wanted: int) -> int:
    """How many bytes ``data`` inflates to (at most about ``wanted``), a block at a time."""
    found = 0
    try:
        while data and found < wanted:
            found += len(inflater.decompress(data, INFLATE_BLOCK))
            data = inflater.unconsumed_tail
    except zlib.error as exc:
        raise OSError(f"its pixel data is damaged ({exc})") from None
    return found


def _reader(blocks: Iterator[bytes]):
    """A function returning the next ``n`` bytes of ``blocks``."""
    buffer = bytearray()

    def read(n: int) -> bytes:
        while len(buffer) < n:
            block = next(blocks, None)
            if block is None:
                raise OSError("the PNG file's pixel data is truncated")
            buffer.extend(block)
        taken = bytes(buffer[:n])
        del buffer[:n]
        return taken

    return read


def strips_possible(image: Image.Image) -> bool:
    """True for an opened, not yet decoded PNG that :func:`reduced_png` can read: 8-bit
    grey or colour, with or without alpha, or 16-bit grey; not interlaced."""
    tiles = getattr(image, "tile", None) or []
    return (image.format == "PNG" and len(tiles) == 1 and tiles[0][0] == "zip"
            and tiles[0][3] == _raw_mode(image.mode) and image.mode in _BYTES_PER_PIXEL
            and not image.info.get("interlace"))


def _raw_mode(mode: str) -> str:
    """How the PNG stores a row of pixels of ``mode`` (16-bit samples big-endian)."""
    return "I;16B" if mode == "I;16" else mode


def _eight_bit(strip: Image.Image) -> Image.Image:
    """A strip of 16-bit grey as 8-bit grey (the high byte), as :func:`layout.engine.photo.upright`
    would make it; other strips as they are."""
    if strip.mode != "I;16":
        return strip
    return Image.fromarray((np.asarray(strip, dtype=np.uint16) >> 8).astype(np.uint8), "L")


def reduced_png(image: Image.Image, factor: int) -> Image.Image:
    """An opened PNG (see :func:`strips_possible`) decoded and reduced ``factor`` times
    each way, as ``image.reduce(factor)`` would make it, a strip of rows at a time
    (16-bit grey comes out as 8-bit grey).

    Each strip is given to Pillow's own PNG row decoder after the row above it,
    unfiltered, so that the rows' filters see the row they were made against."""
    width, height = image.size
    row = 1 + width * _BYTES_PER_PIXEL[image.mode]
    raw = _raw_mode(image.mode)
    read = _reader(_inflated(image.filename))
    out = Image.new("L" if raw != image.mode else image.mode, (-(-width // factor), -(-height // factor)))
    above = bytes(row)  # filter "none" and zeros: what the first row is filtered against
    step = max(1, STRIP_ROWS // factor) * factor
    for top in range(0, height, step):
        count = min(step, height - top)
        data = zlib.compress(above + read(count * row), 0)
        strip = Image.frombytes(image.mode, (width, count + 1), data, "zip", raw)
        above = b"\0" + strip.crop((0, count, width, count + 1)).tobytes("raw", raw)
        out.paste(_eight_bit(strip.crop((0, 1, width, count + 1))).reduce(factor), (0, top // factor))
    out.info = dict(image.info)
    return out
