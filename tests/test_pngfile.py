"""PNG files read in strips: the same pixels as Pillow's whole decode, whatever the rows' filters."""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from layout.engine.pngfile import SIGNATURE, png_orientation, reduced_png, strips_possible


def _chunk(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))


def _filtered(row: np.ndarray, up: np.ndarray, kind: int) -> bytes:
    """One RGB row filtered with PNG filter ``kind`` (0 none, 1 sub, 2 up, 3 average, 4 Paeth)."""
    left = np.concatenate([np.zeros(3, np.int16), row[:-3]])
    upleft = np.concatenate([np.zeros(3, np.int16), up[:-3]])
    guess = left + up - upleft
    paeth = np.where((abs(guess - left) <= abs(guess - up)) & (abs(guess - left) <= abs(guess - upleft)), left,
                     np.where(abs(guess - up) <= abs(guess - upleft), up, upleft))
    predicted = [0 * row, left, up, (left + up) // 2, paeth][kind]
    return bytes([kind]) + ((row - predicted) % 256).astype(np.uint8).tobytes()


def _png_with_every_filter(path: Path, pixels: np.ndarray, after: bytes = b"", interlace: int = 0) -> None:
    """An RGB PNG whose rows use the five filters in turn; ``after`` are chunks after the
    pixels (``interlace`` only marks the header, the rows are not in Adam7 order)."""
    height, width, _ = pixels.shape
    rows = pixels.reshape(height, width * 3).astype(np.int16)
    data = b"".join(_filtered(rows[y], rows[y - 1] if y else 0 * rows[0], y % 5) for y in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, interlace)
    path.write_bytes(SIGNATURE + _chunk(b"IHDR", header) + _chunk(b"IDAT", zlib.compress(data)) + after
                     + _chunk(b"IEND", b""))


@pytest.mark.parametrize("factor", [2, 3, 8])
def test_a_png_reduced_in_strips_is_pillows_whole_decode_reduced(tmp_path, factor):
    pixels = np.random.default_rng(factor).integers(0, 256, (301, 157, 3)).astype(np.uint8)
    pixels[100:200] //= 16  # smooth rows too
    path = tmp_path / "every-filter.png"
    _png_with_every_filter(path, pixels)
    with Image.open(path) as image:
        assert np.array_equal(np.asarray(image), pixels)
    with Image.open(path) as image:
        assert strips_possible(image)
        strips = reduced_png(image, factor)
    with Image.open(path) as image:
        whole = image.reduce(factor)
    assert strips.size == whole.size and strips.tobytes() == whole.tobytes()


def test_an_orientation_after_the_pixels_is_read_without_decoding(tmp_path):
    exif = Image.Exif()
    exif[0x0112] = 6
    path = tmp_path / "late-exif.png"
    _png_with_every_filter(path, np.zeros((10, 10, 3), np.uint8), after=_chunk(b"eXIf", exif.tobytes()))
    with Image.open(path) as image:
        assert png_orientation(image) == 6
        assert image.tile  # not decoded


def test_interlaced_pngs_are_decoded_whole(tmp_path):
    _png_with_every_filter(tmp_path / "interlaced.png", np.zeros((64, 64, 3), np.uint8), interlace=1)
    with Image.open(tmp_path / "interlaced.png") as image:
        assert not strips_possible(image)


@pytest.mark.parametrize("factor", [2, 3])
def test_6_a_16_bit_grey_png_is_reduced_in_strips_to_its_high_byte(tmp_path, factor):
    rng = np.random.default_rng(factor)
    deep = rng.integers(0, 65536, (150, 97), dtype=np.uint16)
    Image.fromarray(deep).save(tmp_path / "deep.png")
    with Image.open(tmp_path / "deep.png") as image:
        assert strips_possible(image)
        reduced = reduced_png(image, factor)
    expected = Image.fromarray((deep >> 8).astype(np.uint8), "L").reduce(factor)
    assert reduced.mode == "L" and np.array_equal(np.asarray(reduced), np.asarray(expected))
