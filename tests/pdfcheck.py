"""Check the Chinese line-breaking rules on an exported PDF, from the printed side.

It reads every character's position from the PDF with pdfplumber and the
columns of each text frame from the document (not from the engine), groups
characters into lines by baseline, and reports:
- a line that starts with a mark that may not start a line (，。、；：？！”）》 …),
  but for a URL's or e-mail address's marks inside it (/ . ? may start a line there),
- a line that ends with a mark that may not end one (“（《 …),
- a full line (one followed by a line that is not a paragraph's indented first
  line) whose last character does not end within 0.01 pt of the column's edge;
  a mark at a line's end counts its inked half em (GB/T 15834 §5.1.10).

Run: python tests/pdfcheck.py DOC.layout.json PAGE.pdf  (prints problems, exits 1 if any)
"""

from __future__ import annotations

import sys
from dataclasses import dataclass

import pdfplumber

from layout.engine.chars import NO_END, NO_START, URL_RE, Cls, classify
from layout.model.document import Issue
from layout.model.frames import TextFrame
from layout.store.fileformat import load

TOLERANCE = 0.01
HALF_WIDTH_AT_END = (Cls.CLOSE, Cls.PAUSE, Cls.STOP)


@dataclass
class Column:
    """A column of a text frame, from the document's geometry."""

    frame: str
    left: float
    right: float
    top: float
    bottom: float


def columns(issue: Issue, page_index: int) -> list[Column]:
    """The columns of every text frame on a page, in flow order within each frame."""
    page = issue.pages[page_index]
    found = []
    for frame in page.frames:
        if not isinstance(frame, TextFrame):
            continue
        gutter = page.grid.gutter if frame.gutter is None else frame.gutter
        width = (frame.rect.w - (frame.columns - 1) * gutter) / frame.columns
        for index in range(frame.columns):
            left = frame.rect.x + index * (width + gutter)
            found.append(Column(frame.id, left, left + width, frame.rect.y, frame.rect.bottom))
    return found


def column_lines(chars: list[dict], column: Column, page_height: float) -> list[list[dict]]:
    """The column's characters grouped into lines (top to bottom), each sorted by x."""
    lines: dict[float, list[dict]] = {}
    for char in chars:
        baseline = page_height - char["matrix"][5]
        inside = column.left - 1 <= char["x0"] < column.right and column.top <= baseline <= column.bottom
        if inside and char["text"].strip():
            lines.setdefault(round(baseline, 1), []).append(char)
    return [sorted(lines[y], key=lambda c: c["x0"]) for y in sorted(lines)]


def right_edge(char: dict) -> float:
    """Where the character's ink box ends; a mark at a line's end keeps half an em."""
    if classify(char["text"]) in HALF_WIDTH_AT_END:
        return char["x0"] + char["size"] / 2
    return char["x1"]


def check_column(lines: list[list[dict]], column: Column, next_first: list[dict] | None) -> list[str]:
    """Problems in one column; ``next_first`` is the first line of the next column."""
    problems = []
    texts = ["".join(c["text"] for c in line) for line in lines]
    starts = [sum(map(len, texts[:index])) for index in range(len(texts))]
    inside = {at for found in URL_RE.finditer("".join(texts)) for at in range(found.start() + 1, found.end())}
    for index, line in enumerate(lines):
        text = texts[index]
        where = f"{column.frame} line {index + 1} {text!r}"
        if line[0]["text"] in NO_START and starts[index] not in inside:
            problems.append(f"{where}: starts with {line[0]['text']}")
        if line[-1]["text"] in NO_END:
            problems.append(f"{where}: ends with {line[-1]['text']}")
        following = lines[index + 1] if index + 1 < len(lines) else next_first
        is_full = following is not None and following[0]["x0"] - column.left < following[0]["size"]
        if is_full and abs(right_edge(line[-1]) - column.right) > TOLERANCE:
            problems.append(f"{where}: ends at {right_edge(line[-1]):.3f}, the column at {column.right:.3f}")
    return problems


def check(document: str, pdf_path: str) -> tuple[int, list[str]]:
    """(lines checked, problems) for every text frame of every page."""
    issue = load(document)
    problems: list[str] = []
    checked = 0
    with pdfplumber.open(pdf_path) as pdf:
        for page_index, pdf_page in enumerate(pdf.pages):
            cols = columns(issue, page_index)
            all_lines = [column_lines(pdf_page.chars, c, float(pdf_page.height)) for c in cols]
            for index, (column, lines) in enumerate(zip(cols, all_lines)):
                same_frame = index + 1 < len(cols) and cols[index + 1].frame == column.frame
                next_first = all_lines[index + 1][0] if same_frame and all_lines[index + 1] else None
                problems += check_column(lines, column, next_first)
                checked += len(lines)
    return checked, problems


def main(argv: list[str]) -> int:
    """Print the problems found; exit 1 when there are any."""
    checked, problems = check(argv[0], argv[1])
    for problem in problems:
        print(problem)
    print(f"{checked} lines checked, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
