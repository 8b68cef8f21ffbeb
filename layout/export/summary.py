"""A summary of an issue: pages, frames by kind, articles, overset and problems."""

from __future__ import annotations

from collections import Counter
from typing import Any

from layout.engine.displaylist import ImageItem
from layout.engine.page import IssueLayout
from layout.export.colour_management import photo_profile_description
from layout.export.trail import signoff_status, trail
from layout.model.document import Issue
from layout.model.frames import PhotoFrame, PhotoPairFrame, SeriesFrame
from layout.store.assets import outside_photos
from layout.units import to_mm


def _photo_elements(issue: Issue) -> dict[str, Any]:
    """Photo frames, before-and-after pairs and single photos in series blocks."""
    frames = [f for p in issue.pages for f in p.frames]
    series = [f for f in frames if isinstance(f, SeriesFrame)]
    pairs = sum(1 for f in frames if isinstance(f, PhotoPairFrame)) + sum(len(s.pairs) for s in series)
    return {
        "photo_frames": sum(1 for f in frames if isinstance(f, PhotoFrame)),
        "photo_pairs": pairs,
        "single_photos": sum(len(s.singles) for s in series),
        "series": [
            {"id": s.id, "title": s.title, "pairs": len(s.pairs), "singles_title": s.singles_title,
             "singles": len(s.singles), "credit": s.credit}
            for s in series
        ],
    }


def _images(laid: IssueLayout) -> list[dict[str, Any]]:
    """Every placed image with its effective resolution and its colour profile."""
    return [
        {"page": page.number, "path": item.path, "ppi": round(item.ppi),
         "profile": photo_profile_description(item.path)}
        for page in laid.pages for item in page.items if isinstance(item, ImageItem)
    ]


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
        "photos": _photo_elements(issue),
        "images": _images(laid),
        "articles": [
            {
                "id": article.id,
                "title": article.headline.title,
                "chars": article.char_count,
                "overset_chars": report.overset.get(article.id, 0),
                "overset_lines": report.overset_lines.get(article.id, 0),
                "underset_lines": report.underset_lines.get(article.id, 0),
            }
            for article in issue.articles
        ],
        "missing_chars": {ch: places for ch, places in report.missing_chars.items()},
        "findings": [{"page": f.page, "frame": f.frame, "message": f.message} for f in report.findings],
        "outside_photos": [{"page": p.page, "frame": p.frame, "path": p.image} for p in outside_photos(issue)],
        "notes": [{"page": f.page, "frame": f.frame, "message": f.message} for f in report.notes],
        "revision": issue.revision,
        "trail": trail(issue),
        "signoffs": signoff_status(issue, laid),
    }


def format_summary(data: dict[str, Any]) -> str:
    """The summary as lines of text for people."""
    lines = [f"{data['paper']}  {data['date']}  {data['edition']}".rstrip()]
    for page in data["pages"]:
        kinds = ", ".join(f"{n} {k}" for k, n in page["frames"].items())
        w, h = page["size_mm"]
        name = f"page {page['number']} {page['section']}".rstrip()
        lines.append(f"{name}: {w}×{h} mm, {page['columns']} columns; frames: {kinds}")
    photos = data["photos"]
    lines.append(f"photos: {photos['photo_frames']} photo frames, {photos['photo_pairs']} before-and-after pairs, "
                 f"{photos['single_photos']} single photos in series blocks")
    if data["images"]:
        lowest = min(data["images"], key=lambda i: i["ppi"])
        lines.append(f"lowest effective resolution: {lowest['ppi']} ppi ({lowest['path']})")
        profiles = Counter(i["profile"] for i in data["images"])
        lines.append("photo colour: " + ", ".join(f"{n} × {name}" for name, n in sorted(profiles.items())))
    for article in data["articles"]:
        over = (f", OVERSET {article['overset_chars']} chars, {article['overset_lines']} lines"
                if article["overset_chars"] else
                f", {article['underset_lines']} lines short" if article["underset_lines"] else "")
        lines.append(f"article {article['id']} 《{article['title']}》: {article['chars']} chars{over}")
    for ch, places in data["missing_chars"].items():
        lines.append(f"missing from every font: {ch} (U+{ord(ch):04X}) in {', '.join(places)}")
    for finding in data["findings"]:
        lines.append(f"page {finding['page']} frame {finding['frame']}: {finding['message']}")
    for place in data["outside_photos"]:
        lines.append(f"page {place['page']} frame {place['frame']}: photo {place['path']} lies outside "
                     "the document's folder")
    for note in data.get("notes", ()):
        lines.append(f"note: page {note['page']} frame {note['frame']}: {note['message']}")
    lines += _trail_lines(data)
    if not any(a["overset_chars"] for a in data["articles"]) and not data["missing_chars"] \
            and not data["findings"] and not data["outside_photos"]:
        lines.append("no overset, no missing characters, no problems")
    return "\n".join(lines)


def _trail_lines(data: dict[str, Any]) -> list[str]:
    """Each page's drafts and sign-offs in time order, a void sign-off said so."""
    lines = []
    valid = {(s["page"], s["role"], s["time"]): s["valid"] for s in data.get("signoffs", ())}
    for page in data.get("trail", ()):
        steps = [(p["time"], f"第{p['draft']}稿 {p['by']} {p['time']}") for p in page["proofs"]]
        for s in page["signoffs"]:
            state = "" if valid.get((page["page"], s["role"], s["time"]), False) else " VOID: the page changed since"
            steps.append((s["time"], f"签版 {s['role']} {s['by']} {s['time']}{state}"))
        if steps:
            lines.append(f"page {page['page']} trail: " + "; ".join(text for _, text in sorted(steps)))
    return lines
