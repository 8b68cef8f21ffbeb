"""The ``layout`` command's entry point: the command line, with the editor plugged in.

It sits above every layer: it hands ``layout.cli`` a way to open the editor,
so the command line itself never imports Qt.
"""

from __future__ import annotations

from collections.abc import Sequence

from layout import cli


def open_editor(document: str | None) -> int:
    """Start the editor (Qt is imported only now)."""
    from layout.gui.app import run

    return run(document)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``layout`` command."""
    return cli.main(argv, open_editor=open_editor)
