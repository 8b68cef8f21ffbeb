"""Fill the Chinese user-interface translation and compile it.

Run after changing user-facing strings in layout/gui:
    python tools/translate.py
It runs pyside6-lupdate over layout/gui, fills in the Chinese for every source
string listed in ZH below, and runs pyside6-lrelease to write the .qm file.
A source string missing from ZH is reported and the run fails.
"""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TS = ROOT / "layout" / "gui" / "translations" / "layout_zh_CN.ts"
QM = TS.with_suffix(".qm")

ZH = {
    "&File": "文件(&F)",
    "&Open…": "打开(&O)…",
    "&Export PDF…": "导出 PDF(&E)…",
    "&Quit": "退出(&Q)",
    "&View": "视图(&V)",
    "Zoom &In": "放大(&I)",
    "Zoom &Out": "缩小(&O)",
    "&Actual Size": "实际大小(&A)",
    "Cannot open": "无法打开",
    "Overset: %1 characters in %2": "超版：%2 有 %1 字排不下",
    "Missing from every font: %1": "所有字体都缺的字：%1",
    "%1 problems with frames": "%1 个图文框有问题",
    "Layout OK": "排版正常",
    "No document": "无文档",
    "Open": "打开",
    "Layout documents (*.layout.json)": "版面文档 (*.layout.json)",
    "Export PDF": "导出 PDF",
    "Exported %1": "已导出 %1",
    "Newspaper Layout": "报纸排版",
    "&Next Page": "下一版(&N)",
    "&Previous Page": "上一版(&P)",
    "page %1": "第%1版",
    "Export &Proof (校样)…": "导出校样(&P)…",
    "Export P&ress PDFs…": "导出印刷文件(&R)…",
    "Export Proof": "导出校样",
    "Folder for the press PDFs": "印刷文件存放文件夹",
    "Export failed": "导出失败",
    "Page %1 of %2": "第 %1 / %2 版",
    "Preflight": "印前检查",
    "Preflight found %1 errors:": "印前检查发现 %1 个错误：",
    "Exporting…": "正在导出…",
}


def _tool(name: str) -> str:
    local = Path(sys.executable).parent / name
    return str(local) if local.exists() else name


def fill() -> list[str]:
    """Write the Chinese into the .ts file; return source strings without a translation."""
    tree = ET.parse(TS)
    missing = []
    for message in tree.iter("message"):
        source = message.findtext("source")
        translation = message.find("translation")
        if source in ZH:
            translation.text = ZH[source]
            translation.attrib.pop("type", None)
        else:
            missing.append(source)
    tree.write(TS, encoding="utf-8", xml_declaration=True)
    return missing


def main() -> int:
    """Update, fill and compile the translation."""
    gui = sorted(str(p) for p in (ROOT / "layout" / "gui").glob("*.py"))
    subprocess.run([_tool("pyside6-lupdate"), *gui, "-no-obsolete", "-ts", str(TS)], check=True)
    missing = fill()
    subprocess.run([_tool("pyside6-lrelease"), str(TS), "-qm", str(QM)], check=True)
    for source in missing:
        print(f"no Chinese for: {source!r}", file=sys.stderr)
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
