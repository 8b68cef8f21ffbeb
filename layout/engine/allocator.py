"""Keep the memory that a layout frees for the next one (glibc's malloc).

Laying out an article makes numpy arrays of a few megabytes and frees them all
when it is done. glibc starts out serving blocks of 128 KB and more with fresh
``mmap`` pages, and handing memory at the top of its heap back to the system as
soon as 128 KB of it is free; it raises both limits only once the program frees a
larger mmapped block, which depends on what ran before. While they stay low, every
layout touches new pages, and the kernel faults each one in and zeroes it.
Measured with ``getrusage``: a 10,000-character page made 580 page faults a layout
in the typesetting benchmark (620–680 with glibc's defaults held); a
40,000-character one 2,600, and took 20 ms a layout against 12 ms without them.

So, as the engine is imported, blocks of up to ``HEAP_UP_TO`` bytes come from the
heap (M_MMAP_THRESHOLD) and the heap keeps up to ``KEEP_FREE`` bytes free before
giving any back (M_TRIM_THRESHOLD). These are the allocator's documented settings
(mallopt(3)); they change when memory goes back to the system, never what a
program computes (a thread's own arena keeps up to as much as well). Where the C
library is not glibc, or where the user already tunes glibc's malloc in the
environment, nothing is changed.
"""

from __future__ import annotations

import ctypes
import os
import sys

M_TRIM_THRESHOLD, M_MMAP_THRESHOLD = -1, -3  # glibc <malloc.h>
HEAP_UP_TO = 16 * 2**20
KEEP_FREE = 32 * 2**20
USER_SETTINGS = ("MALLOC_TRIM_THRESHOLD_", "MALLOC_MMAP_THRESHOLD_", "MALLOC_TOP_PAD_", "MALLOC_MMAP_MAX_")


def user_set_malloc() -> bool:
    """Whether the environment already tunes glibc's malloc (its variables, or a
    ``glibc.malloc.`` tunable in GLIBC_TUNABLES)."""
    return any(name in os.environ for name in USER_SETTINGS) or "glibc.malloc." in os.environ.get("GLIBC_TUNABLES", "")


def keep_freed_memory() -> bool:
    """Set glibc's trim and mmap thresholds (see the module); True if both were set."""
    if not sys.platform.startswith("linux") or user_set_malloc():
        return False
    try:
        mallopt = ctypes.CDLL(None).mallopt
    except (OSError, AttributeError):  # not glibc (musl has no mallopt)
        return False
    done = [mallopt(M_MMAP_THRESHOLD, HEAP_UP_TO), mallopt(M_TRIM_THRESHOLD, KEEP_FREE)]
    return all(done)
