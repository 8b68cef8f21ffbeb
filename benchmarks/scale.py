"""Scale and memory: a 24-page issue and a page of 15 huge photos; prints one JSON object.

- pages: 24 copies of the sample page (articles, photos, series), renumbered.
- open_s: reading and checking the 24-page document.
- export_press_s, export_press_s_per_page: press export of all pages, warm (the
  second export, fonts loaded and photos made, as after an edit).
- peak_rss_mb: this process's peak resident memory (VmHWM) after all of that.
- big_photos_peak_rss_mb: a separate process's peak while it exports, for press,
  a page of 15 photo frames each showing an 88-megapixel PNG, with os.cpu_count()
  made to say 16.

Goals (issue 13): press under 0.5 s a page warm, both peaks under 1 GB.
Run: .venv/bin/python benchmarks/scale.py
"""

from __future__ import annotations

import copy
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from PIL import Image

from layout.engine.page import LayoutEngine
from layout.export.pdf_export import export_pages
from layout.model.document import Issue, Page
from layout.model.frames import HeadlineFrame, PhotoFrame
from layout.model.geometry import Rect
from layout.model.templates import new_issue
from layout.store.fileformat import load, save

SAMPLE = Path(__file__).resolve().parents[1] / "assets" / "sample" / "tongzhou.layout.json"
PAGES = 24
BIG = (11_480, 7_660)  # 87.9 megapixels, under Pillow's guard of 89.5
BIG_PHOTOS = 15


def peak_mb() -> float:
    """This process's peak resident memory (VmHWM, which starts afresh at exec)."""
    with open("/proc/self/status") as status:
        kb = next(int(line.split()[1]) for line in status if line.startswith("VmHWM"))
    return round(kb / 1024, 1)


def timed(work) -> float:
    start = time.perf_counter()
    work()
    return time.perf_counter() - start


def _copy_page(issue: Issue, source: Issue, page: Page, number: int) -> None:
    """Page ``page`` of ``source`` again as page ``number``, with its articles renamed."""
    new = copy.deepcopy(page)
    new.number = number
    renamed = {f.id: f"n{number}-{f.id}" for f in new.frames}
    for frame in new.frames:
        frame.id = renamed[frame.id]
        if isinstance(frame, HeadlineFrame):
            frame.article = f"n{number}-{frame.article}"
    for article in source.articles:
        if any(f in renamed for f in article.flow):
            again = copy.deepcopy(article)
            again.id = f"n{number}-{article.id}"
            again.flow = [renamed[f] for f in article.flow]
            issue.articles.append(again)
    issue.pages.append(new)


def make_issue(folder: Path) -> Path:
    """The 24-page issue in ``folder`` (photos linked from the sample's)."""
    source = load(SAMPLE)
    issue = copy.deepcopy(source)
    issue.pages, issue.articles = [], []
    for number in range(1, PAGES + 1):
        _copy_page(issue, source, source.pages[0], number)
    (folder / "photos").symlink_to(SAMPLE.parent / "photos")
    path = folder / "scale.layout.json"
    save(issue, path)
    return path


def big_photos(folder: Path) -> float:
    """The peak of a child process exporting a page of 15 huge PNGs for press."""
    first = folder / "big-0.png"
    gradient = Image.linear_gradient("L").resize(BIG).convert("RGB")
    gradient.save(first, compress_level=1)
    del gradient
    for i in range(1, BIG_PHOTOS):
        os.link(first, folder / f"big-{i}.png")
    issue = new_issue("broadsheet", pages=1)
    page = issue.pages[0]
    area = page.type_area
    w, h = area.w / 3, area.h / 5
    for i in range(BIG_PHOTOS):
        rect = Rect(area.x + (i % 3) * w, area.y + (i // 3) * h, w - 9, h - 9)
        page.frames.append(PhotoFrame(id=f"big{i}", rect=rect, image=f"big-{i}.png", caption_side="none"))
    path = folder / "big.layout.json"
    save(issue, path)
    out = subprocess.run([sys.executable, __file__, "--big-child", str(path)], capture_output=True, text=True,
                         check=True)
    return float(out.stdout.strip())


def big_child(document: str) -> int:
    """In the child: export the page of huge photos for press, as if on 16 CPUs; print the peak."""
    os.cpu_count = lambda: 16
    out = Path(tempfile.mkdtemp(prefix="layout-bench-big-"))
    export_pages(load(document), out, profile="press")
    print(peak_mb())
    return 0


def main() -> int:
    """Open and export the 24-page issue, then the page of huge photos; print the numbers."""
    os.environ["XDG_CACHE_HOME"] = tempfile.mkdtemp(prefix="layout-bench-cache-")
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        document = make_issue(folder)
        open_s = timed(lambda: load(document))
        issue = load(document)
        engine = LayoutEngine()

        def press() -> None:
            export_pages(issue, Path(tempfile.mkdtemp(dir=folder)), profile="press", engine=engine)

        cold = timed(press)
        warm = timed(press)
        peak = peak_mb()
        big = big_photos(folder)
    print(json.dumps({
        "pages": len(issue.pages),
        "open_s": round(open_s, 3),
        "export_press_s": round(warm, 2),
        "export_press_s_per_page": round(warm / len(issue.pages), 3),
        "export_press_cold_s_per_page": round(cold / len(issue.pages), 3),
        "peak_rss_mb": peak,
        "big_photos_peak_rss_mb": big,
    }))
    return 0


if __name__ == "__main__":
    if sys.argv[1:2] == ["--big-child"]:
        sys.exit(big_child(sys.argv[2]))
    sys.exit(main())
