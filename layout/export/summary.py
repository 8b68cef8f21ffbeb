"""A summary of an issue: pages, frames by kind, articles, overset and problems."""

from __future__ import annotations

from collections import Counter
from typing import Any

from layout.engine.page import IssueLayout
from layout.model.document import Issue
from layout.units import to_mm


def summary(issue: Issue, laid: IssueLayout) -> dict[str, Any]:
    """What ``layout info --json`` prints."""
    report = laid.report
    return {
        "paper": issue.paper,
        "date": issue.date.isoformat(),
        "edition": issue.edition,
        "pages": [
            {
                "number": page.number,
                "section": page.section,
                "size_mm": [round(to_mm(page.width), 1), round(to_mm(page.height), 1)],
                "columns": page.grid.columns,
                "line_pitch_pt": page.grid.line_pitch,
                "frames": dict(sorted(Counter(f.kind for f in page.frames).items())),
            }
            for page in issue.pages
        ],
        "frames": dict(sorted(Counter(f.kind for p in issue.pages for f in p.frames).items())),
        "articles": [
            {
                "id": article.id,
                "title": article.headline.title,
                "chars": article.char_count,
                "overset_chars": report.overset.get(article.id, 0),
            }
            for article in issue.articles
        ],
        "missing_chars": {ch: places for ch, places in report.missing_chars.items()},
        "findings": [{"page": f.page, "frame": f.frame, "message": f.message} for f in report.findings],
    }


def format_summary(data: dict[str, Any]) -> str:
    """The summary as lines of text for people."""
    lines = [f"{data['paper']}  {data['date']}  {data['edition']}".rstrip()]
    for page in data["pages"]:
        kinds = ", ".join(f"{n} {k}" for k, n in page["frames"].items())
        w, h = page["size_mm"]
        name = f"page {page['number']} {page['section']}".rstrip()
        lines.append(f"{name}: {w}×{h} mm, {page['columns']} columns; frames: {kinds}")
    for article in data["articles"]:
        over = f", OVERSET {article['overset_chars']} chars" if article["overset_chars"] else ""
        lines.append(f"article {article['id']} 《{article['title']}》: {article['chars']} chars{over}")
    for ch, places in data["missing_chars"].items():
        lines.append(f"missing from every font: {ch} (U+{ord(ch):04X}) in {', '.join(places)}")
    for finding in data["findings"]:
        lines.append(f"page {finding['page']} frame {finding['frame']}: {finding['message']}")
    if not any(a["overset_chars"] for a in data["articles"]) and not data["missing_chars"] \
            and not data["findings"]:
        lines.append("no overset, no missing characters, no problems")
    return "\n".join(lines)
