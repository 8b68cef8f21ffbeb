"""What the editor's Qt is, for ``layout --version`` (imports Qt, so it lives in the GUI layer)."""

from __future__ import annotations

from PySide6.QtCore import qVersion


def qt_version() -> str:
    """The version of the Qt library PySide6 runs on."""
    return qVersion()
