"""Export speed and memory on the sample issue; prints one JSON object.

press_s_per_page and proof_s_per_page are warm (fonts loaded, layout cached,
photos already made for print, as when a page is exported again after an
edit); the *_cold keys are the first export with nothing cached at all (an
empty cache folder: fonts parsed, every photo converted).
peak_rss_mb is the process's peak resident memory after all of them.
Goals: under 1 s a page and under 500 MB.
"""

from __future__ import annotations

import json
import os
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

from layout.engine.page import LayoutEngine
from layout.export.pdf_export import export_pages, export_pdf
from layout.store.fileformat import load

SAMPLE = Path(__file__).resolve().parents[1] / "assets" / "sample" / "tongzhou.layout.json"
RUNS = 3


def timed(work) -> float:
    start = time.perf_counter()
    work()
    return time.perf_counter() - start


def main() -> int:
    """Export the sample in both profiles, cold then warm, and print the numbers."""
    os.environ["XDG_CACHE_HOME"] = tempfile.mkdtemp(prefix="layout-bench-cache-")
    issue = load(SAMPLE)
    pages = len(issue.pages)
    engine = LayoutEngine()
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)

        def press() -> None:
            out = Path(tempfile.mkdtemp(dir=folder))
            export_pages(issue, out, profile="press", engine=engine)

        def proof() -> None:
            export_pdf(issue, folder / "proof.pdf", profile="proof", engine=engine)

        press_cold, proof_cold = timed(press), timed(proof)
        press_warm = statistics.median(timed(press) for _ in range(RUNS))
        proof_warm = statistics.median(timed(proof) for _ in range(RUNS))
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({
        "pages": pages,
        "press_s_per_page": round(press_warm / pages, 3),
        "proof_s_per_page": round(proof_warm / pages, 3),
        "press_s_per_page_cold": round(press_cold / pages, 3),
        "proof_s_per_page_cold": round(proof_cold / pages, 3),
        "peak_rss_mb": round(peak_kb / 1024, 1),
    }))
    return 0


if __name__ == "__main__":
    sys.exit(main())
