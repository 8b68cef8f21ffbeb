"""The engine keeps the memory a layout frees for the next one (glibc only)."""

import ctypes
import os
import subprocess
import sys
from pathlib import Path

import pytest

from layout.engine.allocator import USER_SETTINGS, keep_freed_memory

glibc = pytest.mark.skipif(not sys.platform.startswith("linux") or not hasattr(ctypes.CDLL(None), "mallopt"),
                           reason="glibc's malloc only")

# Lays out a 10,000-character article from cold, again and again, in a fresh process
# (the heap of a test run is in no state to tell), and prints the page faults a layout.
FAULTS_A_LAYOUT = """
import resource, sys
from layout.engine.prepare import forget_prepared
from layout.engine.styling import flow_paragraphs, run_for
from layout.engine.textflow import Slot, flow
from layout.store.fileformat import load

issue = load(sys.argv[1])
style = issue.style("body")
texts = [p.text[turn:] + p.text[:turn] for turn in range(4) for a in issue.articles for p in a.paragraphs]
assert sum(map(len, texts)) > 10_000

def lay_out():
    forget_prepared()
    flow(flow_paragraphs([((run_for(t, style),), style) for t in texts]), [Slot(0, 0, 117.0, 10**6, 13.5)])

for _ in range(3):
    lay_out()
before = resource.getrusage(resource.RUSAGE_SELF).ru_minflt
for _ in range(10):
    lay_out()
print((resource.getrusage(resource.RUSAGE_SELF).ru_minflt - before) / 10)
"""


def faults_a_layout(sample: Path, **env: str) -> float:
    """Page faults a layout in a fresh process, with no malloc settings but ``env``'s."""
    clean = {name: value for name, value in os.environ.items() if name not in (*USER_SETTINGS, "GLIBC_TUNABLES")}
    done = subprocess.run([sys.executable, "-c", FAULTS_A_LAYOUT, str(sample)], capture_output=True, text=True,
                          check=True, env={**clean, **env})
    return float(done.stdout)


@glibc
def test_layouts_after_the_first_fault_in_no_new_memory(sample_path):
    assert faults_a_layout(sample_path) < 50
    # With glibc's own thresholds held (settings of the user's, which win): hundreds.
    defaults = {"MALLOC_MMAP_THRESHOLD_": "131072", "MALLOC_TRIM_THRESHOLD_": "131072"}
    assert faults_a_layout(sample_path, **defaults) > 200


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
