"""The ``layout`` command: new, export, info, open.

Every failure ends in one clear line on stderr and a non-zero exit, never a traceback.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path

from layout import __version__
from layout.engine.fonts import FontError
from layout.engine.page import LayoutEngine
from layout.export.pdf_export import export_pdf
from layout.export.summary import format_summary, summary
from layout.model.errors import DocumentError
from layout.model.fileformat import load, save
from layout.model.templates import PAPER_SIZES, new_issue

EXIT_ERROR = 2


class CommandError(Exception):
    """A problem the user can fix, reported as one line."""


def _cmd_new(args: argparse.Namespace) -> int:
    out = Path(args.output)
    _check_output(out)
    if out.exists() and not args.force:
        raise CommandError(f"{out} exists already (use --force to replace it)")
    issue = new_issue(args.template, paper=args.paper, when=args.date or date.today(), pages=args.pages)
    save(issue, out)
    print(f"wrote {out}: {len(issue.pages)} page(s), {args.template} ({PAPER_SIZES[args.template].title})")
    return 0


def _check_output(out: Path) -> None:
    """Refuse an output path that is a folder or lies in a folder that does not exist."""
    if out.is_dir():
        raise CommandError(f"{out} is a folder; give a file name")
    if not out.parent.is_dir():
        raise CommandError(f"{out.parent}: the folder does not exist")


def _positive(text: str) -> int:
    """An argparse type: a whole number of at least 1."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"{value} is fewer than 1")
    return value


def _iso_date(text: str) -> date:
    """An argparse type: a date written YYYY-MM-DD."""
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date written YYYY-MM-DD") from None


def _print_progress(done: int, total: int) -> None:
    print(f"page {done}/{total}", file=sys.stderr)


def _cmd_export(args: argparse.Namespace) -> int:
    out = Path(args.output)
    _check_output(out)
    if out.resolve() == Path(args.document).resolve():
        raise CommandError(f"{out} is the document itself; choose another name for the PDF")
    issue = load(args.document)
    if not issue.pages:
        raise CommandError(f"{args.document}: the issue has no pages to export")
    laid = export_pdf(issue, out, progress=None if args.quiet else _print_progress)
    for article_id, chars in laid.report.overset.items():
        print(f"warning: article {article_id} is overset by {chars} characters", file=sys.stderr)
    for ch, places in laid.report.missing_chars.items():
        print(f"warning: {ch} (U+{ord(ch):04X}) is missing from every font ({', '.join(places)})",
              file=sys.stderr)
    for finding in laid.report.findings:
        print(f"warning: page {finding.page} frame {finding.frame}: {finding.message}", file=sys.stderr)
    print(f"wrote {out}: {len(laid.pages)} page(s)")
    return 0


def _cmd_info(args: argparse.Namespace) -> int:
    issue = load(args.document)
    data = summary(issue, LayoutEngine().layout(issue))
    print(json.dumps(data, ensure_ascii=False, indent=1) if args.json else format_summary(data))
    return 0


def _cmd_open(args: argparse.Namespace) -> int:
    if args.document:
        load(args.document)  # fail here, in the terminal, on a broken file
    if args.open_editor is None:
        raise CommandError("the editor is not available from here; run the layout command")
    return args.open_editor(args.document)


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with its subcommands."""
    parser = argparse.ArgumentParser(prog="layout", description="Chinese newspaper layout.")
    parser.add_argument("--version", action="version", version=f"layout {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)

    new = sub.add_parser("new", help="a new, empty issue from a page template")
    new.add_argument("-o", "--output", required=True, help="document to write (*.layout.json)")
    new.add_argument("--template", default="broadsheet", choices=sorted(PAPER_SIZES))
    new.add_argument("--paper", default="新报纸", help="the paper's name")
    new.add_argument("--date", type=_iso_date, help="issue date, YYYY-MM-DD (default today)")
    new.add_argument("--pages", type=_positive, default=1, help="number of pages")
    new.add_argument("--force", action="store_true", help="replace an existing file")
    new.set_defaults(func=_cmd_new)

    export = sub.add_parser("export", help="export the issue as PDF, without a window")
    export.add_argument("document")
    export.add_argument("-o", "--output", required=True, help="PDF file to write")
    export.add_argument("-q", "--quiet", action="store_true", help="no progress lines")
    export.set_defaults(func=_cmd_export)

    info = sub.add_parser("info", help="pages, frames, articles and overset")
    info.add_argument("document")
    info.add_argument("--json", action="store_true", help="print JSON")
    info.set_defaults(func=_cmd_info)

    open_ = sub.add_parser("open", help="open the editor")
    open_.add_argument("document", nargs="?")
    open_.set_defaults(func=_cmd_open)
    return parser


def main(argv: Sequence[str] | None = None,
         open_editor: Callable[[str | None], int] | None = None) -> int:
    """Run the command line; return the exit status. ``open_editor`` starts the GUI."""
    args = build_parser().parse_args(argv)
    args.open_editor = open_editor
    try:
        return args.func(args)
    except (DocumentError, CommandError, FontError, ValueError) as exc:
        print(f"layout: error: {exc}", file=sys.stderr)
    except OSError as exc:
        where = f"{exc.filename}: " if exc.filename else ""
        print(f"layout: error: {where}{exc.strerror or exc}", file=sys.stderr)
    except KeyboardInterrupt:
        print("layout: interrupted", file=sys.stderr)
    return EXIT_ERROR
