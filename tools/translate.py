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
    "Overset: %1 lines, %2 characters in %3": "超版：%3 超出 %1 行 %2 字",
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
    "Position and size": "位置和大小",
    "X (mm)": "X（毫米）",
    "Y (mm)": "Y（毫米）",
    "Width (mm)": "宽（毫米）",
    "Height (mm)": "高（毫米）",
    "Grid": "栏行",
    "Headline group": "标题组",
    "Kicker (引题)": "引题",
    "Title (主题)": "主题",
    "Subtitle (副题)": "副题",
    "%1 size": "%1字号",
    "Body text style": "正文样式",
    "Face": "字体",
    "Size": "字号",
    "Tracking (em)": "字距（字）",
    "Alignment": "对齐",
    "Photo": "图片",
    "Fit": "适配",
    "Zoom": "缩放",
    "Focus across": "焦点（横）",
    "Focus down": "焦点（纵）",
    "Caption": "图说",
    "Credit": "署名",
    "Before and after": "整治前后对比",
    "Swap photos": "交换图片",
    "Before label": "前图标签",
    "After label": "后图标签",
    "Arrangement": "排列",
    "%1 columns × %2 lines": "%1 栏 × %2 行",
    "Move": "移动",
    "Headline": "标题",
    "Style": "样式",
    "Inspector": "属性",
    "Pages": "版面",
    "History": "历史记录",
    "&Page": "版面(&P)",
    "Add page: %1": "新增版面：%1",
    "&Duplicate Page": "复制本版(&D)",
    "D&elete Page": "删除本版(&E)",
    "&New from Template": "从模板新建(&N)",
    "Open &Recent": "最近打开(&R)",
    "&Save": "保存(&S)",
    "Save &As…": "另存为(&A)…",
    "&Import Article…": "导入稿件(&I)…",
    "Place Photo &Pair…": "放置前后对比图(&P)…",
    "&Edit": "编辑(&E)",
    "&Undo": "撤销(&U)",
    "&Redo": "重做(&R)",
    "&Delete": "删除(&D)",
    "Bring &Forward": "上移一层(&F)",
    "Send &Backward": "下移一层(&B)",
    "&Lock": "锁定(&L)",
    "U&nlock": "解锁(&N)",
    "Fit &Page": "适合整版(&P)",
    "Fit &Width": "适合宽度(&W)",
    "&Grid and Frames": "版心网格和图文框(&G)",
    "&Snap": "吸附(&S)",
    "Tools": "工具",
    "Select": "选择",
    "Rule": "线条",
    "Box": "边框",
    "Tint": "底纹",
    "Save As": "另存为",
    "Cannot save": "无法保存",
    "Saved %1": "已保存 %1",
    "Unsaved changes": "有未保存的修改",
    "The issue has changes that are not saved. Save them?": "本期有尚未保存的修改。是否保存？",
    "Import article": "导入稿件",
    "Articles (*.txt *.docx)": "稿件 (*.txt *.docx)",
    "Before and after photos": "整治前后图片",
    "Photos (*.jpg *.jpeg *.png *.tif *.tiff)": "图片 (*.jpg *.jpeg *.png *.tif *.tiff)",
    "Choose two photos: before and after": "请选两张图片：整治前和整治后",
    "Untitled": "未命名",
    "Nudge": "微移",
    "Delete": "删除",
    "Add page": "新增版面",
    "Duplicate": "复制",
    "Page number": "版次",
    "Section": "版名",
    "Page %1": "第%1版",
    "Duplicate page": "复制版面",
    "Delete page": "删除版面",
    "Move page": "移动版面",
    "Page": "版面",
    "No article found in %1": "%1 中没有找到稿件",
    "Drag across columns to place 《%1》; a click places it in one column": "拖过若干栏放置《%1》；单击则放在一栏",
    "Place article": "放置稿件",
    "The article covers %1": "稿件压住了 %1",
    "Drag across columns to place the before-and-after pair": "拖过若干栏放置整治前后对比图",
    "Place photo pair": "放置前后对比图",
    "Place photo": "放置图片",
    "Add rule": "添加线条",
    "Add tint": "添加底纹",
    "Add box": "添加边框",
    "Resize": "调整大小",
    "Opened": "打开时",
    "Song (宋)": "宋体",
    "Bold Song (标宋)": "标宋",
    "Hei (黑)": "黑体",
    "Bold Hei (大黑)": "大黑",
    "Kai (楷)": "楷体",
    "Justified": "两端对齐",
    "Left": "左对齐",
    "Centred": "居中",
    "Right": "右对齐",
    "Fill the frame": "裁切填满",
    "Whole photo": "完整显示",
    "Side by side": "左右并排",
    "One above the other": "上下排列",
    "Story": "稿件",
    "Re&link Photos…": "重新链接图片(&L)…",
    "Preflight: %1 errors, %2 warnings": "印前检查：%1 个错误，%2 个警告",
    "Fit Frame to Copy": "文框适合稿件",
    "Show in Story Editor": "在稿件编辑器中显示",
    "Unlink from Story": "断开与稿件的串接",
    "Crop": "裁切",
    "Relink Photo…": "重新链接图片…",
    "Relink photo": "重新链接图片",
    "Folder with the moved photos": "图片移到的文件夹",
    "Relink photos": "重新链接图片",
    "Relinked photos in %1 frames": "已重新链接 %1 个图框的图片",
    "Export cancelled": "导出已取消",
    "%1 errors, %2 warnings": "%1 个错误，%2 个警告",
    "Byline": "电头署名",
    "Body": "正文",
    "Lead": "导语",
    "Subhead": "小标题",
    "Paragraph style": "段落样式",
    "Find": "查找",
    "Replace with": "替换为",
    "Replace all in the issue": "全期替换",
    "No article selected": "未选中稿件",
    "Overset %1 lines, %2 characters": "超出 %1 行 %2 字",
    "%1 lines short": "空 %1 行",
    "Reverse type (反白)": "反白",
    "Vertical (竖排)": "竖排",
    "Title scale (%, 长体 < 100 < 扁体)": "主题字形比例（%，长体 < 100 < 扁体）",
    "Title tracking (em)": "主题字距（字）",
    "Horizontal scale (%)": "字形比例（%）",
    "Balance the columns (齐栏)": "齐栏",
    "Text wrap (mm, 0: none)": "图文互斥（毫米，0 为不绕排）",
    "Fit Copy by Tracking": "以字距适配",
    "Copy-fit": "稿件适配",
    "Fits": "正好排满",
    "Typing": "输入",
    "Replace": "替换",
    "Replaced in %1 places": "已替换 %1 处",
    "Link": "串接",
    "Click an empty text frame, or drag a new one, to continue the story": "单击空文框或拖出新文框，接排稿件",
    "Drag the photo inside its frame, the wheel zooms; Esc ends": "在框内拖动图片，滚轮缩放；按 Esc 结束",
    "Cancel": "取消",
    "Paragraph Style": "段落样式",
    "the line grid": "按行格",
    "Leading": "行距",
    "Colour (CMYK %)": "颜色（CMYK %）",
    "Give the colour as four percentages: C M Y K": "颜色请写四个百分数：C M Y K",
    "%1 on %2 (since %3)": "%2 上的 %1（自 %3 起）",
    "Opened read-only": "以只读方式打开",
    "%1 is being edited by %2.\n\nIt opens read-only: you cannot save it, but you may save your changes "
    "under another name (Save As).": "%2 正在编辑 %1。\n\n文档以只读方式打开：不能保存到原文件，"
    "但可以用“另存为”把修改存为另一个文件。",
    "Take over the lock?": "接管文档锁？",
    "The document was locked by %1, whose editor seems to be gone.\n\nTake the lock over and edit it? "
    "(No opens it read-only.)": "文档被 %1 锁定，但其编辑器似乎已经不在运行。\n\n接管文档锁并编辑吗？"
    "（选“否”则以只读方式打开。）",
    "Cannot restore": "无法恢复",
    "The recovered version is kept as %1": "恢复的版本已保留为 %1",
    "Restore unsaved changes?": "恢复未保存的修改？",
    "The editor stopped before this document was saved. A recovered version, saved automatically at %1, "
    "is newer than the file.\n\nRestore it? (No keeps it as a .recovered copy beside the document.)":
    "编辑器在保存此文档前意外退出。%1 自动保存的恢复版本比文件更新。\n\n"
    "要恢复吗？（选“否”则把它另存为文档旁的 .recovered 副本。）",
    "Autosave failed: %1": "自动保存失败：%1",
    "Read-only": "只读",
    "This document is being edited by someone else, so it cannot be saved here. Use Save As to keep your "
    "changes under another name.": "此文档正由他人编辑，不能保存到原文件。请用“另存为”把修改存为另一个文件。",
    "%1 is being edited by %2. Choose another name.": "%2 正在编辑 %1，请另选文件名。",
    " (read-only)": "（只读）",
    "Changed on disk": "文件已在磁盘上更改",
    "%1 was changed by another program.\n\nReload it (your unsaved changes are lost), or keep your version "
    "(saving it replaces theirs)?": "%1 已被其他程序修改。\n\n重新载入（未保存的修改将丢失），"
    "还是保留您的版本（保存时将覆盖对方的修改）？",
    "The editor stopped before a document without a file was saved. Its recovered version was saved "
    "automatically at %1.\n\nRestore it? (No keeps it in %2.)": "编辑器在一个未命名文档保存前意外退出。"
    "%1 自动保存了它的恢复版本。\n\n要恢复吗？（选“否”则把它留在 %2。）",
    "Add series block": "添加组图栏",
    "Series": "组图栏",
    "The last export into %1 was stopped halfway; this one replaces its pages":
    "上次导出到 %1 时中途停止；这次导出会替换其中的版面文件",
    "Corrections": "校对意见",
    "No marked proof opened": "未打开带批注的校样",
    "Open Marked Proof…": "打开带批注的校样…",
    "Open Marked Proof": "打开带批注的校样",
    "Accept": "采纳",
    "Reject": "不采纳",
    "Reply…": "回复…",
    "Reply": "回复",
    "Reply to the editor:": "回复编辑：",
    "PDF (*.pdf)": "PDF (*.pdf)",
    "Cannot read the proof": "无法读取校样",
    "%1 corrections in %2": "%2 中有 %1 条校对意见",
    "Insert": "插入",
    "Note": "批注",
    "Highlight": "标注",
    "open": "待处理",
    "accepted": "已采纳",
    "rejected": "未采纳",
    "Cannot apply the correction": "无法改正",
    "Accept correction %1": "采纳校对意见 %1",
    "Proof exported": "导出校样",
    # the newsroom (docs/newsroom.md)
    "Held by a colleague": "同事正在使用",
    "%1. Your change is taken back.": "%1。你的修改已撤回。",
    "Saved to the newsroom": "已保存到编辑部数据库",
    "Changed by %1: %2": "%1 修改了：%2",
    "me": "我",
    "Newsroom database away: work kept on this computer, saved when it is back":
        "编辑部数据库连不上：修改保存在本机，恢复后自动保存",
    "Newsroom: %1": "编辑部：%1",
    # issue 19: text frames, style sheet, issue settings, clipboard, masters, arrange, language
    'Style changes apply to': '样式改动作用于',
    'This article only': '仅本文',
    'The style (every user)': '样式本身（所有使用处）',
    'Text frame': '文本框',
    'Text': '文字',
    'Size in this frame': '本框字号',
    'Series block': '专栏组图',
    'Pairs title': '对比组标题',
    'Singles title': '单图组标题',
    'Credit line': '署名行',
    'Pairs a row': '每行对比组数',
    'Singles a row': '每行单图数',
    'Sizes and faces below change this article alone.': '下面的字号和字体只改本文。',
    'Its own settings: %1': '本文自有设置：%1',
    'Sizes and faces below change the styles for every article that uses them: %1':
        '下面的字号和字体改的是样式，所有使用它的稿件都会变：%1',
    "The style %1 is used by %2 places; the size here is this frame's own.":
        '样式 %1 有 %2 处使用；这里的字号只属于本框。',
    'Style in article': '本文样式',
    'Apply style': '应用样式',
    'Issue Settings': '报纸设置',
    'not set': '未设',
    'Paper': '报名',
    'Date': '日期',
    'Issue number (期号)': '期号',
    'Running number (总期号)': '总期号',
    'Edition': '版本',
    'Section, e.g. 城市副中心·综合新闻': '版名，如 城市副中心·综合新闻',
    'Page %1 section': '第%1版 版名',
    'Styles': '样式表',
    'Follow &Master': '套用母版(&M)',
    'No master': '不用母版',
    'Follow master: %1': '套用母版：%1',
    'Detach Master &Items': '脱离母版项目(&I)',
    'Issue Se&ttings…': '报纸设置(&T)…',
    'Cu&t': '剪切(&T)',
    '&Copy': '复制(&C)',
    '&Paste': '粘贴(&P)',
    'Paste in Pl&ace': '原位粘贴(&A)',
    'D&uplicate': '再制(&U)',
    '&Align and Distribute': '对齐与分布(&A)',
    'Align Left': '左对齐',
    'Align Centres': '水平居中对齐',
    'Align Right': '右对齐',
    'Align Tops': '顶对齐',
    'Align Middles': '垂直居中对齐',
    'Align Bottoms': '底对齐',
    'Distribute Across': '水平等距分布',
    'Distribute Down': '垂直等距分布',
    'Clear &Guides': '清除参考线(&G)',
    '&Language': '语言(&L)',
    'As the system': '跟随系统',
    'Issue settings': '报纸设置',
    'Clear guides': '清除参考线',
    'The language changes when the editor starts again': '语言在编辑器下次启动时生效',
    'Follow master': '套用母版',
    'Detach master items': '脱离母版项目',
    'Add guide': '添加参考线',
    'New': '新建',
    'Rename': '重命名',
    'Apply': '应用',
    'A change here reaches every place that uses %1: %2 articles, %3 text frames':
        '这里的改动会影响所有使用 %1 的地方：%2 篇稿件，%3 个文本框',
    'New style': '新建样式',
    'Name of the new style:': '新样式名称：',
    'Duplicate style': '复制样式',
    'Rename style': '重命名样式',
    'New name:': '新名称：',
    'Delete style': '删除样式',
    'Select a text frame to apply the style to': '请先选中要应用样式的文本框',
    'Type the text': '输入文字',
    'Add text frame': '添加文本框',
    'Drag across columns to place the labels and credit lines: %1': '横跨栏拖动，放置标签和署名行：%1',
    'Place labels': '放置标签',
    'The labels cover %1': '标签压住了 %1',
    'The clipboard holds nothing to paste': '剪贴板里没有可粘贴的内容',
    'Paste': '粘贴',
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
