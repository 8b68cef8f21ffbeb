"""The headless layers never import Qt; layers import only downwards."""

import shutil
import subprocess
import sys

import pytest

HEADLESS = [
    "layout.units", "layout.model", "layout.store.fileformat", "layout.engine.page",
    "layout.render.pdf", "layout.export.pdf_export", "layout.export.summary",
    "layout.importer.plaintext", "layout.cli",
]


@pytest.mark.parametrize("module", HEADLESS)
def test_module_does_not_import_qt(module):
    code = (
        f"import sys, {module}; "
        "bad = [m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6')]; "
        "print(','.join(bad)); sys.exit(1 if bad else 0)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, f"{module} imports {result.stdout.strip()} {result.stderr[-500:]}"


def test_import_linter_contracts_hold():
    lint = shutil.which("lint-imports") or str(__import__("pathlib").Path(sys.executable).parent / "lint-imports")
    result = subprocess.run([lint, "--no-cache"], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Contracts: 2 kept, 0 broken" in result.stdout
