"""An install that works anywhere: the wheel carries the fonts, the ICC profile, the
schema and the translations, and exports the sample from a folder of its own."""

from __future__ import annotations

import os
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

import pytest

from tests.conftest import ROOT, SAMPLE


def _listed_packages() -> set[str]:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))
    return set(config["tool"]["setuptools"]["packages"])


def test_every_package_is_listed_for_the_wheel():
    found = {".".join(p.parent.relative_to(ROOT).parts) for p in (ROOT / "layout").rglob("__init__.py")
             if "__pycache__" not in p.parts}
    data = {"layout.fonts", "layout.engine.data", "layout.export.icc", "layout.gui.translations"}
    assert found | data == _listed_packages()


@pytest.mark.slow
def test_a_wheel_exports_the_sample_from_any_folder(tmp_path):
    built = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path / "dist"),
                            str(ROOT)], capture_output=True, text=True, timeout=600)
    assert built.returncode == 0, built.stderr[-2000:]
    (wheel,) = (tmp_path / "dist").glob("layout-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    assert {"layout/fonts/NotoSerifSC-Regular.ttf", "layout/fonts/LICENSE-NotoCJK-OFL.txt",
            "layout/export/icc/ISOcoated_v2_300_bas.icc", "layout/store/document.schema.json",
            "layout/gui/translations/layout_zh_CN.qm"} <= names
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {k: v for k, v in os.environ.items() if k != "LAYOUT_FONT_DIR"}
    env["PYTHONPATH"] = str(site)

    def run(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, *args], cwd=elsewhere, env=env, capture_output=True, text=True,
                              timeout=300)

    where = run("-c", "import layout.engine.fonts as f; print(f.__file__); print(f.font_dir())")
    module, fonts = where.stdout.split()
    assert Path(module).is_relative_to(site) and Path(fonts) == site / "layout" / "fonts"
    exported = run("-m", "layout", "export", "-q", str(SAMPLE), "-o", "sample.pdf")
    assert exported.returncode == 0, exported.stderr
    assert (elsewhere / "sample.pdf").read_bytes().startswith(b"%PDF-")
