"""Scale and memory: a 24-page issue and a page of 15 huge photos; prints one JSON object.

- pages: 24 copies of the sample page (articles, photos, series), renumbered.
- open_s: reading and checking the 24-page document.
- export_press_s, export_press_s_per_page: press export of all pages, warm (the
  second export, fonts loaded and photos made, as after an edit).
- peak_rss_mb: this process's peak resident memory (VmHWM) after all of that.
- big_photos_peak_rss_mb: a separate process's peak while it exports, for press,
  a page of 15 photo frames each showing an 88-megapixel PNG, with os.cpu_count()
  made to say 16.

- big_png_screen_peak_rss_mb: a separate process's peak while it exports, for the
  screen, a page showing a 9459×9459 RGBA PNG (358 MB decoded whole; issue 20).
- docx_bomb_peak_rss_mb, docx_bomb_s: a separate process's peak, and its time, while
  ``import-article`` refuses a small .docx whose document.xml unpacks to 1.5 GB.
- preflight_20000_frames_s: preflight (layout included) of the sample with 20,000
  more rule frames on its page; open_20000_frames_s reads that document.

Goals (issue 13): press under 0.5 s a page warm, both peaks under 1 GB. Issue 20:
big_png_screen_peak_rss_mb and docx_bomb_peak_rss_mb under 1024, the bomb refused
in under 5 s, preflight_20000_frames_s under 10.
Run: .venv/bin/python benchmarks/scale.py
"""

from __future__ import annotations

import copy
import json
import os
import struct
import subprocess
import sys
import tempfile
import time
import zipfile
import zlib
from pathlib import Path

from PIL import Image

from layout.engine.page import LayoutEngine
from layout.export.pdf_export import export_pages, export_pdf
from layout.model.document import Issue, Page
from layout.model.frames import HeadlineFrame, PhotoFrame, RuleFrame
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


BIG_SCREEN = 9459  # pixels each way: just under Pillow's guard of 89.5 megapixels
FRAMES = 20_000
BOMB_BYTES = 1_500_000_000


def _png_chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def flat_rgba_png(path: Path, side: int) -> None:
    """A side×side RGBA PNG of one colour, written a block of rows at a time."""
    packer = zlib.compressobj(6)
    row = b"\0" + bytes([90, 140, 200, 255]) * side
    with path.open("wb") as out:
        out.write(b"\x89PNG\r\n\x1a\n" + _png_chunk(b"IHDR", struct.pack(">IIBBBBB", side, side, 8, 6, 0, 0, 0)))
        for start in range(0, side, 256):
            out.write(_png_chunk(b"IDAT", packer.compress(row * min(256, side - start))))
        out.write(_png_chunk(b"IDAT", packer.flush()) + _png_chunk(b"IEND", b""))


def _child(*args: str) -> dict:
    out = subprocess.run([sys.executable, __file__, *args], capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def big_png_screen(folder: Path) -> float:
    """The peak of a child process exporting, for the screen, a page showing a 9459-pixel RGBA PNG."""
    flat_rgba_png(folder / "big-screen.png", BIG_SCREEN)
    issue = new_issue("broadsheet", pages=1)
    area = issue.pages[0].type_area
    issue.pages[0].frames.append(PhotoFrame(id="big", rect=Rect(area.x, area.y, area.w / 2, area.w / 2),
                                            image="big-screen.png", caption_side="none"))
    path = folder / "big-screen.layout.json"
    save(issue, path)
    return _child("--screen-child", str(path))["peak"]


def screen_child(document: str) -> int:
    """In the child: export the document for the screen; print the peak."""
    export_pdf(load(document), Path(tempfile.mkdtemp(prefix="layout-bench-screen-")) / "page.pdf")
    print(json.dumps({"peak": peak_mb()}))
    return 0


def docx_bomb(folder: Path) -> dict:
    """A Word file of a few MB whose document.xml unpacks to 1.5 GB, imported in a child."""
    import docx

    document = docx.Document()
    document.add_paragraph("通州区召开全体会议", style="Title")
    plain = folder / "plain.docx"
    document.save(plain)
    bomb = folder / "bomb.docx"
    block = b"<w:p><w:r><w:t>" + "字".encode() * 20_000 + b"</w:t></w:r></w:p>"
    with zipfile.ZipFile(plain) as source, zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as target:
        for member in source.infolist():
            data = source.read(member)
            if member.filename != "word/document.xml":
                target.writestr(member.filename, data)
                continue
            head, _, tail = data.partition(b"<w:body>")
            with target.open(member.filename, "w", force_zip64=True) as out:
                out.write(head + b"<w:body>")
                for _ in range(BOMB_BYTES // len(block)):
                    out.write(block)
                out.write(tail)
    issue = folder / "bomb.layout.json"
    save(new_issue("broadsheet", pages=1), issue)
    result = _child("--bomb-child", str(issue), str(bomb))
    result["file_mb"] = round(bomb.stat().st_size / 1e6, 1)
    return result


def bomb_child(document: str, bomb: str) -> int:
    """In the child: import the bomb (it must be refused); print the peak, the time and the status."""
    from layout.cli import main as layout_main

    start = time.perf_counter()
    status = layout_main(["import-article", document, bomb, "--page", "1", "--columns", "1-2", "--top", "0"])
    print(json.dumps({"peak": peak_mb(), "seconds": round(time.perf_counter() - start, 2), "status": status}))
    return 0


def many_frames(folder: Path) -> tuple[float, float]:
    """(open, preflight) seconds of the sample with FRAMES more rule frames on its page."""
    from layout.export.preflight import preflight

    issue = load(SAMPLE)
    page = issue.pages[0]
    rule = next(f for f in page.frames if isinstance(f, RuleFrame))
    area, columns = page.type_area, 100
    w, h = area.w / columns, area.h / -(-FRAMES // columns)
    for i in range(FRAMES):
        extra = copy.copy(rule)
        extra.id = f"extra-{i}"
        extra.rect = Rect(area.x + (i % columns) * w, area.y + (i // columns) * h, w * 0.8, 0.0)
        page.frames.append(extra)
    issue.source = None
    path = folder / "frames.layout.json"
    save(issue, path)
    start = time.perf_counter()
    issue = load(path)
    opened = time.perf_counter() - start
    return opened, timed(lambda: preflight(issue))


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
        screen = big_png_screen(folder)
        bomb = docx_bomb(folder)
        open_frames, preflight_frames = many_frames(folder)
    print(json.dumps({
        "pages": len(issue.pages),
        "open_s": round(open_s, 3),
        "export_press_s": round(warm, 2),
        "export_press_s_per_page": round(warm / len(issue.pages), 3),
        "export_press_cold_s_per_page": round(cold / len(issue.pages), 3),
        "peak_rss_mb": peak,
        "big_photos_peak_rss_mb": big,
        "big_png_screen_peak_rss_mb": screen,
        "docx_bomb_peak_rss_mb": bomb["peak"],
        "docx_bomb_s": bomb["seconds"],
        "docx_bomb_refused": bomb["status"] == 2,
        "docx_bomb_file_mb": bomb["file_mb"],
        "open_20000_frames_s": round(open_frames, 2),
        "preflight_20000_frames_s": round(preflight_frames, 2),
    }))
    return 0


if __name__ == "__main__":
    if sys.argv[1:2] == ["--big-child"]:
        sys.exit(big_child(sys.argv[2]))
    if sys.argv[1:2] == ["--screen-child"]:
        sys.exit(screen_child(sys.argv[2]))
    if sys.argv[1:2] == ["--bomb-child"]:
        sys.exit(bomb_child(sys.argv[2], sys.argv[3]))
    sys.exit(main())
