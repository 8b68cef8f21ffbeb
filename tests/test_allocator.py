"""The engine keeps the memory a layout frees for the next one (glibc only)."""

import ctypes
import os
import pickle
import subprocess
import sys
from pathlib import Path

import pytest

from layout.engine.allocator import USER_SETTINGS, keep_freed_memory
from layout.engine.styling import flow_paragraphs, run_for
from layout.engine.textflow import Slot, flow
from layout.store.fileformat import load

glibc = pytest.mark.skipif(not sys.platform.startswith("linux") or not hasattr(ctypes.CDLL(None), "mallinfo2"),
                           reason="glibc 2.33 or later only")

# Lays out a 10,000-character article from cold, again and again, in a fresh process
# (the heap of a test run is in no state to tell), and prints the page faults a layout;
# the bytes free in holes of the heap (below its top) before the first layout; and the
# blocks glibc maps for an 8 MB block asked for after the layouts. glibc serves a block
# of any size from free holes before it maps new pages, so the child gets the text from
# the test (pickled) and never runs the loader: its schema check compiles 270,000
# characters of Python, which leaves 16 MB of holes that would hold every block of a
# layout and hide the faults the control is there to show. And the test lays the text out
# first, so that the child reads the font metrics from the cache, as every run after the
# first does: parsing the font files frees mapped blocks of megabytes, which raises
# glibc's own thresholds as much as the engine does, by chance.
FAULTS_A_LAYOUT = """
import ctypes, pickle, resource, sys
from layout.engine.prepare import forget_prepared
from layout.engine.styling import flow_paragraphs, run_for
from layout.engine.textflow import Slot, flow

class MallInfo2(ctypes.Structure):
    _fields_ = [(name, ctypes.c_size_t) for name in
                "arena ordblks smblks hblks hblkhd usmblks fsmblks uordblks fordblks keepcost".split()]

libc = ctypes.CDLL(None)
libc.mallinfo2.restype = MallInfo2
libc.malloc.restype = ctypes.c_void_p
texts, style = pickle.load(sys.stdin.buffer)

def lay_out():
    forget_prepared()
    flow(flow_paragraphs([((run_for(t, style),), style) for t in texts]), [Slot(0, 0, 117.0, 10**6, 13.5)])

heap = libc.mallinfo2()
holes = heap.fordblks - heap.keepcost
for _ in range(3):
    lay_out()
before = resource.getrusage(resource.RUSAGE_SELF).ru_minflt
for _ in range(10):
    lay_out()
faults = (resource.getrusage(resource.RUSAGE_SELF).ru_minflt - before) / 10
mapped = libc.mallinfo2().hblks
block = libc.malloc(8 * 2**20)  # held to the end
print(faults, holes, libc.mallinfo2().hblks - mapped)
"""


def faults_a_layout(sample: Path, **env: str) -> tuple[float, int, int]:
    """Page faults a layout of ``sample``'s body text four times over, in a fresh process
    with no malloc settings but ``env``'s; the bytes free in holes of its heap before; and
    the blocks mapped for an 8 MB block after the layouts."""
    issue = load(sample)
    style = issue.style("body")
    texts = [p.text[turn:] + p.text[:turn] for turn in range(4) for a in issue.articles for p in a.paragraphs]
    assert sum(map(len, texts)) > 10_000
    flow(flow_paragraphs([((run_for(texts[0], style),), style)]), [Slot(0, 0, 117.0, 10**6, 13.5)])
    clean = {name: value for name, value in os.environ.items() if name not in (*USER_SETTINGS, "GLIBC_TUNABLES")}
    done = subprocess.run([sys.executable, "-c", FAULTS_A_LAYOUT], input=pickle.dumps((texts, style)),
                          capture_output=True, check=True, env={**clean, **env})
    faults, holes, mapped = done.stdout.split()
    return float(faults), int(holes), int(mapped)


@glibc
def test_layouts_after_the_first_fault_in_no_new_memory(sample_path):
    faults, _, mapped = faults_a_layout(sample_path)
    # Few faults, and the engine's thresholds still hold after the layouts: a block larger
    # than any a layout freed comes from the heap (glibc's own rise of the threshold as
    # blocks are freed would map it).
    assert faults < 50 and mapped == 0
    # With glibc's own thresholds held (settings of the user's, which win): hundreds, on a
    # heap with no holes that could hold a layout's blocks (its largest is 500 KB).
    defaults = {"MALLOC_MMAP_THRESHOLD_": "131072", "MALLOC_TRIM_THRESHOLD_": "131072"}
    faults, holes, mapped = faults_a_layout(sample_path, **defaults)
    assert holes < 2**21, f"{holes:,} bytes free in the heap before the layouts: no control"
    assert faults > 200 and mapped == 1


@glibc
def test_the_users_own_malloc_settings_win(monkeypatch):
    for name in (*USER_SETTINGS, "GLIBC_TUNABLES"):
        monkeypatch.delenv(name, raising=False)
    assert keep_freed_memory()
    monkeypatch.setenv("GLIBC_TUNABLES", "glibc.cpu.x86_shstk=permissive")  # not malloc's: ours still apply
    assert keep_freed_memory()
    monkeypatch.setenv("GLIBC_TUNABLES", "glibc.malloc.trim_threshold=131072")
    assert not keep_freed_memory()
    monkeypatch.delenv("GLIBC_TUNABLES")
    monkeypatch.setenv("MALLOC_TRIM_THRESHOLD_", "131072")
    assert not keep_freed_memory()
