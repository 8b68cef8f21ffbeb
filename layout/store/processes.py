"""Whether a process of this machine still runs (for stale locks and debris)."""

from __future__ import annotations

import os


def alive(pid: int) -> bool | None:
    """True if process ``pid`` runs here, False if it does not, None where this cannot
    be asked safely (on Windows, os.kill(pid, 0) would send it CTRL_C_EVENT)."""
    if os.name != "posix":
        return None
    if pid <= 0:
        return False  # 0 and -1 would ask about a group or every process, never one
    try:
        os.kill(pid, 0)
    except (ProcessLookupError, OverflowError):
        return False  # gone, or a number no process can have
    except PermissionError:
        return True  # another user's process
    return True
