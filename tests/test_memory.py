"""Memory has a ceiling: large photos are decoded reduced and made a few at a time,
bounded by memory as well as CPUs, whatever the CPU count."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image

from layout.engine.displaylist import ImageItem
from layout.engine.photo import FULL
from layout.export.images import MEMORY_BUDGET, ImagePreparer, decoded_bytes, workers
from layout.export.profiles import PROFILES, OutputCondition
from layout.model.geometry import Rect

ROOT = Path(__file__).resolve().parents[1]

EIGHTY_EIGHT_MP = (11_480, 7_660)
PLACED = Rect(0, 0, 300, 200)  # points: 4 1/6 × 2 7/9 inches


def _item(path: str, size: tuple[int, int], orientation: int = 1) -> ImageItem:
    return ImageItem(path, PLACED, FULL, size, orientation, "RGB")


def test_workers_are_bounded_by_memory_whatever_the_cpu_count():
    big = [_item(f"/p/{i}.png", EIGHTY_EIGHT_MP) for i in range(15)]
    assert decoded_bytes(big[0], 300) > MEMORY_BUDGET // 2
    assert workers(big, 300, cpus=16) == 1
    small = [_item(f"/p/{i}.png", (2000, 1500)) for i in range(15)]
    assert workers(small, 300, cpus=16) == 15
    assert workers(small, 300, cpus=2) == 2


def test_a_large_jpeg_counts_only_its_draft_size():
    jpeg = _item("/p/huge.jpg", EIGHTY_EIGHT_MP)
    assert decoded_bytes(jpeg, 300) < decoded_bytes(_item("/p/huge.png", EIGHTY_EIGHT_MP), 300) / 4


def test_a_large_rotated_png_is_reduced_and_stays_upright(tmp_path):
    """Stored 4000 × 2000 with EXIF orientation 6 (turn right to view): red on the
    stored left must end at the top of the made photo, which is small."""
    stored = Image.new("RGB", (4000, 2000), (0, 0, 255))
    stored.paste((255, 0, 0), (0, 0, 2000, 2000))
    exif = Image.Exif()
    exif[0x0112] = 6
    path = tmp_path / "turned.png"
    stored.save(path, exif=exif)
    item = ImageItem(str(path), Rect(0, 0, 72, 144), FULL, (2000, 4000), 6, "RGB")
    icc = OutputCondition().profile_path()
    made, _ = ImagePreparer(PROFILES["proof"], tmp_path, icc, tmp_path / "store")(item)
    with Image.open(made) as image:
        assert image.width < image.height <= 400
        top, bottom = image.getpixel((image.width // 2, 5)), image.getpixel((image.width // 2, image.height - 5))
    assert top[0] > 200 and top[2] < 60 and bottom[2] > 200 and bottom[0] < 60


PRESS_PAGE = """
import os, sys
from pathlib import Path
from layout.engine.displaylist import ImageItem
from layout.engine.photo import FULL
from layout.export import images
from layout.export.profiles import PROFILES, OutputCondition
from layout.model.geometry import Rect
os.cpu_count = lambda: 16
images.MEMORY_BUDGET = int(sys.argv[2])
folder = Path(sys.argv[1])
items = [ImageItem(str(p), Rect(0, 0, 300, 200), FULL, (6000, 4000), 1, "RGB") for p in sorted(folder.glob("[0-9].*"))]
preparer = images.ImagePreparer(PROFILES["press"], folder, OutputCondition().profile_path(), folder / sys.argv[2])
preparer.prepare_all(items)
print(next(int(line.split()[1]) // 1024 for line in open("/proc/self/status") if line.startswith("VmHWM")))
"""


def _peak_mb(folder: Path, budget: int) -> int:
    """The child's own peak (VmHWM: ru_maxrss would start from the parent's size at fork)."""
    result = subprocess.run([sys.executable, "-c", PRESS_PAGE, str(folder), str(budget)], capture_output=True,
                            text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    return int(result.stdout.split()[-1])


def _six_photos(folder: Path, suffix: str) -> None:
    """Six links to one 24-megapixel photo (96 MB decoded whole) in ``folder``."""
    base = folder / f"0.{suffix}"
    Image.linear_gradient("L").resize((6000, 4000)).convert("RGB").save(base, compress_level=1)
    for i in range(1, 6):
        (folder / f"{i}.{suffix}").hardlink_to(base)


def test_press_photos_of_a_page_stay_within_the_budget_with_16_cpus(tmp_path):
    """Six 24-megapixel TIFFs (decoded whole) made all at once, as 16 CPUs would, take
    far more than when a budget of 150 MB lets one be decoded at a time."""
    _six_photos(tmp_path, "tif")
    bounded, unbounded = _peak_mb(tmp_path, 150_000_000), _peak_mb(tmp_path, 10**12)
    assert bounded < 400 and unbounded > bounded + 200, (bounded, unbounded)


def test_large_pngs_are_decoded_in_strips_never_whole(tmp_path):
    """Six 24-megapixel PNGs made all at once with no budget: read a strip at a time,
    they take about what one whole decode would (730 MB when each was decoded whole)."""
    _six_photos(tmp_path, "png")
    peak = _peak_mb(tmp_path, 10**12)
    assert peak < 350, peak


@pytest.mark.slow
def test_a_page_of_15_88_megapixel_pngs_stays_under_1_gb_with_16_cpus(tmp_path):
    """The benchmark's page (benchmarks/scale.py), exported for press in a process of its
    own whose os.cpu_count() says 16: its peak (VmHWM) is under 1 GB."""
    spec = importlib.util.spec_from_file_location("scale", ROOT / "benchmarks" / "scale.py")
    scale = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(scale)
    assert scale.big_photos(tmp_path) < 1000
