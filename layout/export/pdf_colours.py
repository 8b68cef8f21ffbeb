"""Checking a written press PDF for colour that is not CMYK: RGB operators in content
streams, images and colour spaces in RGB, ICC-based, Lab or spot colour."""

from __future__ import annotations

import re
from pathlib import Path

import pikepdf

from layout.export.preflight import ERROR, Finding

_RGB_OPERATORS = re.compile(rb"(?<![A-Za-z])(rg|RG)(?![A-Za-z])")


def pdf_colour_findings(path: Path) -> list[Finding]:
    """RGB or spot colour anywhere in a written PDF (content streams, images, colour spaces)."""
    findings = []
    with Path(path).open("rb") as handle, pikepdf.open(handle) as pdf:  # pikepdf takes no name that is not UTF-8
        for number, page in enumerate(pdf.pages, start=1):
            for problem in _page_colour_problems(page):
                findings.append(Finding(ERROR, number, path.name, problem))
    return findings


def _page_colour_problems(page: pikepdf.Page) -> list[str]:
    problems = []
    content = b"".join(c.read_bytes() for c in _contents(page))
    if _RGB_OPERATORS.search(content):
        problems.append("the content stream sets an RGB colour")
    resources = page.obj.get("/Resources", {})
    for name, xobject in resources.get("/XObject", {}).items():
        space = str(xobject.get("/ColorSpace", ""))
        if space not in ("/DeviceCMYK", "/DeviceGray", ""):
            problems.append(f"image {name} is in {space}")
    for name, space in resources.get("/ColorSpace", {}).items():
        kind = str(space[0]) if isinstance(space, pikepdf.Array) else str(space)
        if kind in ("/DeviceRGB", "/ICCBased", "/CalRGB", "/Lab", "/Separation", "/DeviceN"):
            problems.append(f"colour space {name} is {kind}")
    return problems


def _contents(page: pikepdf.Page) -> list[pikepdf.Stream]:
    contents = page.obj.get("/Contents")
    if contents is None:
        return []
    return list(contents) if isinstance(contents, pikepdf.Array) else [contents]
