"""Where the program keeps what it can make again, between runs ($XDG_CACHE_HOME/layout).

It lives in the storage layer, the lowest that needs it; ``layout.engine.cache`` hands it on."""

from __future__ import annotations

import os
from pathlib import Path


def cache_root() -> Path:
    """The cache folder (nothing in it is needed; everything in it can be remade)."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "layout"
