"""The shipped newsprint profile is what tools/build_newsprint_profile.py makes, and it
keeps the aims and the ink limit it was made for."""

import importlib.util
import sys
from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageCms

from layout.export.conditions import CONDITIONS, profile_points
from tests.conftest import require_tool

TOOL = Path(__file__).resolve().parents[1] / "tools" / "build_newsprint_profile.py"


@pytest.fixture(scope="module")
def tool():
    spec = importlib.util.spec_from_file_location("build_newsprint_profile", TOOL)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_model_meets_the_aims(tool):
    report = tool.model_report(tool.NewsprintModel())
    assert max(report["delta_e00"].values()) < 0.5
    assert all(abs(v - tool.TVI_40) < 0.1 for v in report["tvi_40"].values())


def test_characterisation_data_is_the_shipped_one(tool):
    shipped = (tool.ICC_DIR / tool.TI3_NAME).read_text("ascii")
    assert tool.chart(tool.NewsprintModel()) == shipped


def test_profile_rebuilds_byte_for_byte(tool, tmp_path):
    require_tool("colprof")  # Debian argyll; tools/setup.sh --dev installs it
    built = tool.build(tmp_path)
    assert built.read_bytes() == (tool.ICC_DIR / tool.PROFILE_NAME).read_bytes()


def test_profile_prints_the_aims_and_keeps_220_percent():
    path = CONDITIONS["newsprint"].profile_path()
    paper, black = profile_points(path)
    assert np.allclose(paper, (82, 0, 3), atol=1) and np.allclose(black, (32, 1, 5), atol=1)
    transform = ImageCms.buildTransform(ImageCms.createProfile("sRGB"), ImageCms.getOpenProfile(str(path)),
                                        "RGB", "CMYK", ImageCms.Intent.RELATIVE_COLORIMETRIC,
                                        ImageCms.Flags.BLACKPOINTCOMPENSATION)
    levels = np.linspace(0, 255, 18).astype(np.uint8)
    cube = np.stack(np.meshgrid(levels, levels, levels), axis=-1).reshape(-1, 1, 3)
    cmyk = np.asarray(ImageCms.applyTransform(Image.fromarray(cube, "RGB"), transform), dtype=float)
    assert cmyk.sum(axis=-1).max() / 255 * 100 <= 220.5
    grey = np.asarray(ImageCms.applyTransform(Image.new("RGB", (1, 1), (128, 128, 128)), transform)).ravel()
    assert grey[3] > max(grey[:3]) * 3  # heavy GCR: a mid grey is mostly black ink
