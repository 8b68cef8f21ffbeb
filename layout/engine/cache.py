"""Where the program keeps what it can make again, between runs ($XDG_CACHE_HOME/layout)."""

from __future__ import annotations

from pathlib import Path

from layout.store.cachefolder import cache_root

__all__ = ["cache_root", "prune"]


def prune(folder: Path, limit_bytes: int) -> None:
    """Delete the least recently used files until the folder holds at most ``limit_bytes``."""
    try:
        files = sorted((p.stat().st_mtime, p.stat().st_size, p) for p in folder.iterdir() if p.is_file())
    except OSError:
        return
    total = sum(size for _, size, _ in files)
    for _, size, path in files:
        if total <= limit_bytes:
            break
        path.unlink(missing_ok=True)
        total -= size
