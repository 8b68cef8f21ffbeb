"""The ``layout`` command: new, export, info, open.

Every failure ends in one clear line on stderr and a non-zero exit, never a traceback:
exit 2 for a problem the user can fix, exit 3 for an unexpected error (a bug), whose
traceback goes into a crash report named in the line.
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import json
import os
import sys
import warnings
from collections.abc import Callable, Iterator, Sequence
from datetime import date
from pathlib import Path

import psycopg

from layout.edit.corrections import accept, answer
from layout.edit.operations import placed
from layout.engine.crashreport import crash_line, write_report
from layout.engine.fonts import FontError
from layout.engine.page import LayoutEngine
from layout.export.against import compare, load_previous
from layout.export.conditions import CONDITIONS, DEFAULT_CONDITION, OutputCondition, resolve_condition
from layout.export.outputs import OutputError, check_replaceable, document_files, incomplete_set
from layout.export.package import MANIFEST, check_manifest, make_package
from layout.export.pdf_colours import pdf_colour_findings
from layout.export.pdf_export import DEFAULT_NAME, export_page, export_pages, export_pdf, file_name
from layout.export.preflight import ERROR, Settings, as_json, preflight
from layout.export.profiles import PROFILES
from layout.export.proof import recorded_document
from layout.export.signing import SigningError, new_key, sign_pdf, signer_name
from layout.export.summary import format_summary, summary
from layout.export.trail import (
    now_text,
    page_digest,
    start_proof,
    user_name,
    valid_signoff,
)
from layout.importer.corrections import read_corrections
from layout.importer.place import (
    Placement,
    find_page,
    import_file,
    loose_texts,
    plan_article,
    plan_lines,
    plan_photo_pair,
    rect_mm,
)
from layout.model.document import Issue
from layout.model.errors import DocumentError
from layout.model.proofing import ROLES, SignOff
from layout.model.settings import RULES
from layout.model.templates import PAPER_SIZES, new_issue
from layout.newsroom_commands import add_parsers as add_newsroom_parsers
from layout.store import LockedError, Part, store_for
from layout.store.fileformat import from_dict
from layout.store.files import write_atomic
from layout.store.scratch import scratch
from layout.units import to_mm
from layout.versions import version_lines

EXIT_ERROR = 2
EXIT_CRASH = 3
LOCK_WAIT = 60.0  # seconds a writing command waits for another command's lock
TAKE_LOCK_HELP = ("write even when another program holds the document (the editor, a command that hangs): "
                  "its lock is taken over, and its next save is refused")


class CommandError(Exception):
    """A problem the user can fix, reported as one line."""


def _cmd_new(args: argparse.Namespace) -> int:
    out = Path(args.output)
    _check_output(out)
    if out.exists() and not args.force:
        raise CommandError(f"{out} exists already (use --force to replace it)")
    issue = new_issue(args.template, paper=args.paper, when=args.date or date.today(), pages=args.pages)
    store_for(out).save(issue, out)
    print(f"wrote {out}: {len(issue.pages)} page(s), {args.template} ({PAPER_SIZES[args.template].title})")
    return 0


def _check_output(out: Path) -> None:
    """Refuse an output path that is a folder, a device or a pipe, or lies in a folder that
    does not exist."""
    if out.is_dir():
        raise CommandError(f"{out} is a folder; give a file name")
    if out.exists() and not out.is_file():
        raise CommandError(f"{out} is a device, a pipe or a socket; it is never replaced")
    if not out.parent.is_dir():
        raise CommandError(f"{out.parent}: the folder does not exist")


@contextlib.contextmanager
def _output_folder(folder: Path) -> Iterator[None]:
    """Make the folder if need be; if the export fails, take away a folder it made."""
    made = not folder.exists()
    folder.mkdir(exist_ok=True)
    try:
        yield
    except BaseException:
        if made and not any(folder.iterdir()):
            folder.rmdir()
        raise


def _lock(args: argparse.Namespace) -> contextlib.AbstractContextManager:
    """The document's lock for a writing command (its ``writes`` names the argument
    holding the file): another command's is waited for, an editor's refused unless --take-lock."""
    name = getattr(args, "writes", None)
    if name is None or getattr(args, name) is None or not Path(getattr(args, name)).is_file():
        return contextlib.nullcontext()
    try:
        where = getattr(args, name)
        return store_for(where).lock(where, args.command, force=args.take_lock, wait=LOCK_WAIT)
    except LockedError as exc:
        raise CommandError(str(exc)) from None


def _positive(text: str) -> int:
    """An argparse type: a whole number of at least 1."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"{value} is fewer than 1")
    return value


def _millimetres(text: str) -> float:
    """An argparse type: a length in millimetres, not negative."""
    try:
        value = float(text.removesuffix("mm"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of millimetres") from None
    if value < 0:
        raise argparse.ArgumentTypeError(f"{value} mm is less than 0")
    return value


def _iso_date(text: str) -> date:
    """An argparse type: a date written YYYY-MM-DD."""
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date written YYYY-MM-DD") from None


def _print_progress(done: int, total: int) -> None:
    print(f"page {done}/{total}", file=sys.stderr)


def _warn_report(laid) -> None:
    for article_id, chars in laid.report.overset.items():
        lines = laid.report.overset_lines.get(article_id, 0)
        print(f"warning: article {article_id} is overset by {lines} lines, {chars} characters", file=sys.stderr)
    for ch, places in laid.report.missing_chars.items():
        print(f"warning: {ch} (U+{ord(ch):04X}) is missing from every font ({', '.join(places)})",
              file=sys.stderr)
    for finding in laid.report.findings:
        print(f"warning: page {finding.page} frame {finding.frame}: {finding.message}", file=sys.stderr)


def _condition(args: argparse.Namespace) -> OutputCondition:
    """The print condition of --condition, --icc and --ink-limit (the newsprint one by default)."""
    try:
        return resolve_condition(args.condition, Path(args.icc) if args.icc else None, args.ink_limit)
    except ValueError as exc:
        raise CommandError(str(exc)) from None


def _settings(args: argparse.Namespace, condition: OutputCondition) -> Settings:
    return Settings(min_ppi=args.min_ppi, ink_limit=condition.ink_limit, condition=condition)


def _preflight_press(issue, args: argparse.Namespace, condition: OutputCondition) -> None:
    findings = preflight(issue, _settings(args, condition))
    errors = [f for f in findings if f.severity == ERROR]
    for finding in findings:  # errors first: what stops the export, then what a plant would call about
        print(finding, file=sys.stderr)
    if errors and not args.force:
        raise CommandError(f"preflight found {len(errors)} errors; fix them, or export anyway with --force")


def _cmd_export(args: argparse.Namespace) -> int:
    out = Path(args.output)
    if out.resolve() == Path(args.document).resolve():
        raise CommandError(f"{out} is the document itself; choose another name for the PDF")
    issue = _load(args.document)
    if not issue.pages:
        raise CommandError(f"{args.document}: the issue has no pages to export")
    profile = PROFILES[args.profile]
    progress = None if args.quiet else _print_progress
    if args.signed_only:
        return _export_signed(issue, out, args)
    if args.against and not profile.slug:
        raise CommandError("--against goes with --profile proof (or proof-band)")
    condition = _condition(args)
    if profile.name == "press":
        _preflight_press(issue, args, condition)
    if profile.one_file_per_page and not args.single:
        if out.suffix.lower() == ".pdf" or (out.exists() and not out.is_dir()):
            raise CommandError(f"{out}: press export writes one file a page into a folder (or use --single)")
        if not out.parent.is_dir():
            raise CommandError(f"{out.parent}: the folder does not exist")
        _check_page_files(issue, out, args)
        _warn_incomplete(out)
        with _output_folder(out):
            laid, files = export_pages(issue, out, profile=profile, condition=condition, name=args.name,
                                       progress=progress)
    else:
        _check_output(out)
        if args.single and out.suffix.lower() != ".pdf":
            raise CommandError(f"{out}: give the single file a .pdf name")
        check_replaceable(out, args.force, keep=document_files(args.document))
        if profile.slug:
            laid = _export_proof(issue, out, args, progress)
        else:
            laid = export_pdf(issue, out, profile=profile, condition=condition, progress=progress)
        files = [out]
    _warn_report(laid)
    if profile.name == "press":
        problems = [f for path in files for f in pdf_colour_findings(path)]
        for problem in problems:
            print(problem, file=sys.stderr)
        if problems:
            raise CommandError("the press PDF holds colours other than CMYK")
    for path in files:
        print(f"wrote {path}")
    return 0


def _export_proof(issue: Issue, out: Path, args: argparse.Namespace, progress) -> object:
    """A proof: its draft number from the document's trail, what changed since the last draft in
    its slug, and the proof recorded in the trail (the document saved) unless another program
    holds the document."""
    engine = LayoutEngine()
    laid = engine.layout(issue)
    comparison = compare(load_previous(args.against), issue) if args.against else None
    info = start_proof(issue, laid, args.as_name or user_name(), band=PROFILES[args.profile].watermark_band,
                       comparison=comparison)
    laid = export_pdf(issue, out, profile=args.profile, engine=engine, progress=progress, proof=info)
    try:
        with store_for(args.document).lock(args.document, "proof", wait=LOCK_WAIT):
            store_for(args.document).save(issue, args.document)
    except (LockedError, DocumentError, OSError) as exc:
        print(f"warning: the proof is not recorded in the document's trail: {exc}", file=sys.stderr)
    return laid


def _export_signed(issue: Issue, folder: Path, args: argparse.Namespace) -> int:
    """``--signed-only``: the signed press file of each page whose sign-off holds, byte for byte
    as it was signed (checked against the SHA-256 in the sign-off), under its press name."""
    if args.profile != "press" or args.single:
        raise CommandError("--signed-only goes with --profile press (one file a page)")
    if folder.suffix.lower() == ".pdf" or (folder.exists() and not folder.is_dir()):
        raise CommandError(f"{folder}: press export writes one file a page into a folder")
    laid = LayoutEngine().layout(issue)
    chosen: list[tuple[Path, bytes]] = []
    for page in laid.pages:
        signoff = valid_signoff(issue, laid, page.number)
        if signoff is None:
            print(f"page {page.number}: not signed off, or changed since; not sent", file=sys.stderr)
            continue
        signed = Path(signoff.file)
        data = signed.read_bytes() if signed.is_file() else b""
        if hashlib.sha256(data).hexdigest() != signoff.sha256:
            raise CommandError(f"page {page.number}: the signed file {signed} is missing or not the file that "
                               "was signed; sign the page again")
        target = folder / file_name(args.name, issue, page.number)
        check_replaceable(target, args.force, keep=document_files(args.document))
        chosen.append((target, data))
    if not chosen:
        raise CommandError("no page has a sign-off that holds; nothing was sent")
    with _output_folder(folder):
        for target, data in chosen:
            write_atomic(target, data)
            print(f"wrote {target} (signed)")
    return 0


def _load(document: str) -> Issue:
    """The document; when it lies in a package, first a warning for each file that
    differs from the package's manifest."""
    folder = Path(document).parent
    if (folder / MANIFEST).is_file():
        for problem in check_manifest(folder):
            print(f"warning: package {folder}: {problem}", file=sys.stderr)
    return store_for(document).read(document)


def _warn_incomplete(folder: Path) -> None:
    """Say so when the last export into ``folder`` was stopped while it moved its pages."""
    marker = incomplete_set(folder)
    if marker is not None:
        print(f"warning: {marker}: the last export into this folder was stopped while it moved its pages "
              "into place; they are a mix of two sets until this export completes", file=sys.stderr)


def _check_page_files(issue: Issue, folder: Path, args: argparse.Namespace) -> None:
    """Refuse press file names that would replace the document or a file that is not a PDF."""
    document = Path(args.document).resolve()
    for page in issue.pages:
        path = folder / file_name(args.name, issue, page.number)
        if path.resolve() == document:
            raise CommandError(f"{path} is the document itself; choose another --name")
        check_replaceable(path, args.force, keep=document_files(args.document))


def _cmd_package(args: argparse.Namespace) -> int:
    issue = _load(args.document)
    condition = _condition(args)
    _preflight_press(issue, args, condition)
    try:
        manifest = make_package(issue, args.output, progress=None if args.quiet else _print_progress,
                                allow_outside=args.allow_outside, condition=condition)
    except ValueError as exc:
        raise CommandError(str(exc)) from None
    total = sum(f["size"] for f in manifest["files"])
    print(f"wrote {args.output}: {len(manifest['files'])} files, {total / 1e6:.1f} MB, manifest.json")
    return 0


def _cmd_preflight(args: argparse.Namespace) -> int:
    issue = _load(args.document)
    findings = preflight(issue, _settings(args, _condition(args)))
    if args.json:
        print(json.dumps(as_json(findings), ensure_ascii=False, indent=1))
    else:
        for finding in findings:
            print(finding)
        errors = sum(1 for f in findings if f.severity == ERROR)
        print(f"{errors} errors, {len(findings) - errors} warnings")
    return 1 if any(f.severity == ERROR for f in findings) else 0


def _report_placement(what: str, placement: Placement) -> None:
    for frame in placement.frames:
        print(f"  {frame.kind} {frame.id}: {rect_mm(frame.rect)}")
    if placement.overset:
        short = (f", {placement.missing_lines} lines missing: the page has no room below" if placement.missing_lines
                 else "")
        print(f"warning: {what} is overset by {placement.overset} characters{short}", file=sys.stderr)
    if placement.overlaps:
        print(f"warning: {what} covers {', '.join(placement.overlaps)}", file=sys.stderr)


def _cmd_import_article(args: argparse.Namespace) -> int:
    with _changing(args.document, "import article", args.page) as issue:
        _import_article(issue, args)
    return 0


@contextlib.contextmanager
def _changing(document: str, operation: str, page: int) -> Iterator[Issue]:
    """The document to change on page ``page``, saved when the block ends. A store that holds
    parts (a newsroom) holds that page first, then whatever else the change touched; a file's
    lock is already held for the whole command."""
    store = store_for(document)
    held = None
    if "page" in store.lock_kinds:
        issue, held = store.open(document, operation, (Part.page(page),))
    else:
        issue = store.read(document)
    try:
        yield issue
        store.save(issue, document)
    finally:
        if held is not None:
            store.unlock(held)


def _import_article(issue: Issue, args: argparse.Namespace) -> None:
    imported = import_file(args.file, args.quotes)
    if not imported.articles and not imported.labels and not imported.credits:
        raise CommandError(f"{args.file}: found no article in it")
    for warning in imported.warnings:
        print(f"warning: {args.file}: {warning}", file=sys.stderr)
    engine = LayoutEngine()
    top = args.top
    for imported_article in imported.articles:
        placement = plan_article(issue, imported_article, args.page, args.columns, top, args.height, args.force)
        placed(placement, issue, "import article").apply(issue)
        article = placement.article
        laid = engine.article(issue, article.id)
        placement.overset = laid.overset
        print(f"placed article {article.id} 《{article.headline.title}》: {article.char_count} characters, "
              f"{placement.lines} lines")
        _report_placement(f"article {article.id}", placement)
        top += to_mm(placement.lines * find_page(issue, args.page).grid.line_pitch) + to_mm(13.5)
    extras = loose_texts(imported)
    if extras:
        placement = plan_lines(issue, extras, args.page, args.columns, top, args.force)
        placed(placement, issue, "import labels").apply(issue)
        print(f"placed {len(placement.frames)} labels and credit lines")
        _report_placement("the labels and credit lines", placement)


def _cmd_add_photo_pair(args: argparse.Namespace) -> int:
    with _changing(args.document, "add photo pair", args.page) as issue:
        placement = plan_photo_pair(issue, args.before, args.after, args.page, args.columns, args.top,
                                    args.caption, args.height, args.force)
        placed(placement, issue, "add photo pair").apply(issue)
        print(f"placed photo pair {placement.frames[0].id}: {placement.lines} lines")
        _report_placement("the photo pair", placement)
    return 0


def _cmd_info(args: argparse.Namespace) -> int:
    issue = _load(args.document)
    data = summary(issue, LayoutEngine().layout(issue))
    print(json.dumps(data, ensure_ascii=False, indent=1) if args.json else format_summary(data))
    return 0


def _key_password() -> str | None:
    """The signing key's password, from ``$LAYOUT_KEY_PASSWORD`` (never from the command line,
    where other users could read it); None for a key without one."""
    return os.environ.get("LAYOUT_KEY_PASSWORD") or None


def _cmd_new_key(args: argparse.Namespace) -> int:
    key = Path(args.new_key)
    _check_output(key)
    if key.exists() and not args.force:
        raise CommandError(f"{key} exists already (use --force to replace it)")
    fingerprint = new_key(key, args.as_name, _key_password())
    print(f"wrote {key}: a self-signed signing key for {args.as_name}")
    print(f"certificate SHA-256 fingerprint: {fingerprint}")
    return 0


def _cmd_sign(args: argparse.Namespace) -> int:
    if args.new_key:
        return _cmd_new_key(args)
    for option, value in (("DOCUMENT", args.document), ("--page", args.page), ("--key", args.key),
                          ("-o", args.output)):
        if value is None:
            raise CommandError(f"sign needs {option} (or --new-key KEY.p12 to make a key)")
    out = Path(args.output)
    _check_output(out)
    if out.resolve() == Path(args.document).resolve():
        raise CommandError(f"{out} is the document itself; choose another name for the signed PDF")
    check_replaceable(out, args.force, keep=document_files(args.document))
    issue = _load(args.document)
    find_page(issue, args.page)
    password = _key_password()
    on_key = signer_name(Path(args.key), password)
    if on_key and on_key != args.as_name:
        print(f"warning: the key's certificate is {on_key}'s, signing as {args.as_name}", file=sys.stderr)
    laid = LayoutEngine().layout(issue)
    condition = _condition(args)
    errors = [f for f in preflight(issue, _settings(args, condition), laid)
              if f.severity == ERROR and f.page in (None, args.page)]
    for finding in errors:
        print(finding, file=sys.stderr)
    if errors and not args.force:
        raise CommandError(f"preflight found {len(errors)} errors on page {args.page}; fix them, "
                           "or sign anyway with --force")
    with scratch(out.parent) as work:
        press = work / "press.pdf"
        export_page(issue, laid, args.page, press, condition=condition)
        problems = pdf_colour_findings(press)
        if problems:
            raise CommandError(f"the press PDF holds colours other than CMYK: {problems[0]}")
        data = sign_pdf(press, Path(args.key), name=args.as_name, role=args.role, password=password)
    write_atomic(out, data)
    page = next(p for p in laid.pages if p.number == args.page)
    sha = hashlib.sha256(data).hexdigest()
    issue.signoffs.append(SignOff(page=args.page, by=args.as_name, role=args.role, time=now_text(), sha256=sha,
                                  revision=issue.revision, content=page_digest(page), file=str(out.resolve())))
    store_for(args.document).save(issue, args.document)
    print(f"wrote {out}: page {args.page} signed off by {args.as_name} ({args.role}), SHA-256 {sha}")
    return 0


def _stale(issue: Issue, pdf: Path, correction) -> bool:
    """True when the corrected text changed between the proof and now (the proof's own copy of
    the document says what it showed)."""
    recorded = recorded_document(pdf)
    if recorded is None:
        return False
    old = from_dict(recorded)
    before = old.article(correction.article)
    now = issue.article(correction.article)
    if before is None or now is None:
        return True
    if correction.part == "body":
        index = correction.paragraph
        return (index >= len(before.paragraphs) or index >= len(now.paragraphs)
                or before.paragraphs[index].text != now.paragraphs[index].text)
    if correction.part == "byline":
        return before.byline != now.byline
    return getattr(before.headline, correction.part) != getattr(now.headline, correction.part)


def _cmd_corrections(args: argparse.Namespace) -> int:
    pdf = Path(args.proof)
    if not pdf.is_file():
        raise CommandError(f"{pdf}: no such PDF")
    issue = _load(args.document)
    corrections = read_corrections(pdf, issue)
    if args.apply:
        return _apply_corrections(issue, pdf, corrections, args)
    if args.reply or args.accept or args.reject:
        return _answer_corrections(issue, corrections, args)
    if args.json:
        print(json.dumps([c.as_json() for c in corrections], ensure_ascii=False, indent=1))
        return 0
    for c in corrections:
        where = f"article {c.article} {c.part}" + (f" ¶{c.paragraph}" if c.part == "body" else "")
        what = {"delete": f"delete 「{c.text}」", "replace": f"replace 「{c.text}」 by 「{c.replacement}」",
                "insert": f"insert 「{c.replacement}」", "note": "note", "highlight": f"highlight 「{c.text}」"}[c.kind]
        comment = f": {c.comment}" if c.comment else ""
        print(f"{c.id} {where} {c.start}–{c.end}: {what}{comment} ({c.author or '?'} {c.time})".rstrip())
    print(f"{len(corrections)} corrections")
    return 0


def _answer_corrections(issue: Issue, corrections, args: argparse.Namespace) -> int:
    """Record accept, reject and replies in the document; the next proof shows them."""
    by_id = {c.id: c for c in corrections}
    named = [*(args.accept or []), *(args.reject or []), *(r[0] for r in args.reply or [])]
    unknown = [i for i in named if i not in by_id]
    if unknown:
        raise CommandError(f"no correction {', '.join(unknown)} (see layout corrections DOC PDF)")
    who = args.as_name or user_name()
    for state, ids in (("accepted", args.accept or []), ("rejected", args.reject or [])):
        for i in ids:
            answer(issue, by_id[i], state=state, by=who, time=now_text()).apply(issue)
            print(f"{i}: {state}")
    for i, text in args.reply or []:
        answer(issue, by_id[i], reply=text, by=who, time=now_text()).apply(issue)
        print(f"{i}: replied")
    store_for(args.document).save(issue, args.document)
    return 0


def _apply_corrections(issue: Issue, pdf: Path, corrections, args: argparse.Namespace) -> int:
    """Apply the named text corrections, one edit operation each, from the end of each text
    backwards so that one does not move the next; save the document once."""
    by_id = {c.id: c for c in corrections}
    unknown = [i for i in args.apply if i not in by_id]
    if unknown:
        raise CommandError(f"no correction {', '.join(unknown)} in {pdf} (see layout corrections DOC PDF)")
    chosen = [by_id[i] for i in dict.fromkeys(args.apply)]
    for c in chosen:
        if c.kind not in ("delete", "replace", "insert"):
            raise CommandError(f"{c.id} is a {c.kind}: it changes no text; answer it in the editor")
        if _stale(issue, pdf, c):
            raise CommandError(f"{c.id}: the text it marks changed since the proof was made; "
                               "nothing was applied")
    who = args.as_name or user_name()
    for c in sorted(chosen, key=lambda c: (c.article, c.part, c.paragraph, -c.start)):
        accept(issue, c, by=who, time=now_text()).apply(issue)
        print(f"applied {c.id}: {c.kind} at article {c.article} {c.part} {c.paragraph} {c.start}–{c.end}")
    store_for(args.document).save(issue, args.document)
    return 0


def _cmd_open(args: argparse.Namespace) -> int:
    if args.document:
        store_for(args.document).read(args.document)  # fail here, in the terminal, on a broken file
    if args.open_editor is None:
        raise CommandError("the editor is not available from here; run the layout command")
    if args.screenshot:
        _check_screenshot(Path(args.screenshot), args)
        if args.page is not None and args.document:
            # a page the issue lacks is an error, not page 1
            find_page(store_for(args.document).read(args.document), args.page)
        shot = {"path": args.screenshot, "force": args.force, "page": args.page, "zoom": args.zoom,
                "overlay": args.overlay, "select": [i for i in (args.select or "").split(",") if i]}
        return args.open_editor(args.document, shot)
    if args.page is not None and args.document and "page" in store_for(args.document).lock_kinds:
        return args.open_editor(args.document, None, args.page)  # a newsroom page, held while shown
    return args.open_editor(args.document, None)


def _check_screenshot(out: Path, args: argparse.Namespace) -> None:
    """Refuse a screenshot path that is not a .png name, or that would replace a file the
    program did not write as a picture (the document, its backup, a photo), by the exports' rules."""
    _check_output(out)
    if out.suffix.lower() != ".png":
        raise CommandError(f"{out}: give the screenshot a .png name")
    check_replaceable(out, args.force, kind="png", keep=document_files(args.document))


def _zoom(text: str) -> str:
    """An argparse type: fit, width, or a percentage such as 100."""
    if text in ("fit", "width"):
        return text
    try:
        value = float(text.rstrip("%"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r}: give fit, width or a percentage such as 100") from None
    if not 5 <= value <= 800:
        raise argparse.ArgumentTypeError(f"{text!r}: the zoom goes from 5 to 800 %")
    return str(value)


class _VersionAction(argparse.Action):
    """``--version``: print the versions of layout, Python, Qt and the libraries, then exit."""

    def __init__(self, option_strings: Sequence[str], dest: str,
                 qt_version: Callable[[], str] | None = None, **kwargs: object) -> None:
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS,
                         help="show the versions of layout, Python, PySide6, Qt, reportlab and Pillow")
        self.qt_version = qt_version

    def __call__(self, parser: argparse.ArgumentParser, namespace: argparse.Namespace,
                 values: object, option_string: str | None = None) -> None:
        print("\n".join(version_lines(self.qt_version)))
        parser.exit()


def _add_condition_arguments(parser: argparse.ArgumentParser) -> None:
    """--condition, --icc and --ink-limit: the paper and press the PDF is made for."""
    names = ", ".join(f"{n} ({c.identifier}, {c.ink_limit:.0f}%%)" for n, c in CONDITIONS.items())
    parser.add_argument("--condition", help=f"print condition: {names}; default {DEFAULT_CONDITION}")
    parser.add_argument("--icc", help="the plant's CMYK output profile, checked against --condition; "
                                      "without --condition it is a custom condition")
    parser.add_argument("--ink-limit", type=float,
                        help="total ink limit in percent (default: the condition's)")


def build_parser(qt_version: Callable[[], str] | None = None) -> argparse.ArgumentParser:
    """The argument parser with its subcommands; ``qt_version`` tells ``--version`` the Qt library's."""
    parser = argparse.ArgumentParser(prog="layout", description="Chinese newspaper layout.")
    parser.add_argument("--version", action=_VersionAction, qt_version=qt_version)
    sub = parser.add_subparsers(dest="command", required=True)

    new = sub.add_parser("new", help="a new, empty issue from a page template")
    new.add_argument("-o", "--output", required=True, help="document to write (*.layout.json)")
    new.add_argument("--template", default="broadsheet", choices=sorted(PAPER_SIZES))
    new.add_argument("--paper", default="新报纸", help="the paper's name")
    new.add_argument("--date", type=_iso_date, help="issue date, YYYY-MM-DD (default today)")
    new.add_argument("--pages", type=_positive, default=1, help="number of pages")
    new.add_argument("--force", action="store_true", help="replace an existing file (not a device or a pipe)")
    new.add_argument("--take-lock", action="store_true", help=TAKE_LOCK_HELP)
    new.set_defaults(func=_cmd_new, writes="output")

    export = sub.add_parser("export", help="export the issue as PDF, without a window")
    export.add_argument("document")
    export.add_argument("-o", "--output", required=True,
                        help="PDF file to write (press: a folder, one file a page)")
    export.add_argument("--profile", choices=sorted(PROFILES), default="screen",
                        help="screen (default), press (PDF/X-1a for the print shop) or proof (校样)")
    export.add_argument("--single", action="store_true", help="press: the whole issue in one file")
    export.add_argument("--name", default=DEFAULT_NAME,
                        help="press file names, e.g. {date:%%Y%%m%%d}-{page:02d}.pdf (the default)")
    _add_condition_arguments(export)
    export.add_argument("--min-ppi", type=float, default=RULES.min_ppi, help="preflight: lowest photo resolution")
    export.add_argument("--force", action="store_true",
                        help="export even when preflight finds errors, and replace a link or a file that is "
                             "not a PDF (never a device or a pipe)")
    export.add_argument("--as", dest="as_name", help="proof: who exports it, for the slug and the trail "
                                                     "(default $LAYOUT_USER or the login name)")
    export.add_argument("--against", metavar="PREVIOUS",
                        help="proof: mark what changed since a previous draft (its document file, or its proof PDF)")
    export.add_argument("--signed-only", action="store_true",
                        help="press: only the pages signed off (签版), as the signed files themselves")
    export.add_argument("-q", "--quiet", action="store_true", help="no progress lines")
    export.set_defaults(func=_cmd_export)

    package = sub.add_parser("package", help="collect document, photos, fonts and press PDFs for the print shop")
    package.add_argument("document")
    package.add_argument("-o", "--output", required=True, help="a new folder for the package")
    package.add_argument("--min-ppi", type=float, default=RULES.min_ppi, help="preflight: lowest photo resolution")
    _add_condition_arguments(package)
    package.add_argument("--force", action="store_true", help="package even when preflight finds errors")
    package.add_argument("--allow-outside", action="store_true",
                         help="also package photos whose path leaves the document's folder (regular files only)")
    package.add_argument("-q", "--quiet", action="store_true", help="no progress lines")
    package.set_defaults(func=_cmd_package)

    check = sub.add_parser("preflight", help="find what would go wrong at the print shop")
    check.add_argument("document")
    check.add_argument("--json", action="store_true", help="print JSON")
    check.add_argument("--min-ppi", type=float, default=RULES.min_ppi, help="lowest photo resolution (warning)")
    _add_condition_arguments(check)
    check.set_defaults(func=_cmd_preflight)

    info = sub.add_parser("info", help="pages, frames, articles and overset")
    info.add_argument("document")
    info.add_argument("--json", action="store_true", help="print JSON")
    info.set_defaults(func=_cmd_info)

    place = argparse.ArgumentParser(add_help=False)
    place.add_argument("document", help="the issue document (*.layout.json), saved in place")
    place.add_argument("--page", type=_positive, required=True, help="page number")
    place.add_argument("--columns", required=True, help="grid columns, e.g. 1-3")
    place.add_argument("--top", type=_millimetres, required=True,
                       help="mm from the top of the type area (snapped to the line grid)")
    place.add_argument("--height", type=_millimetres, help="mm (default: as much as the content needs)")
    place.add_argument("--force", action="store_true", help="place it even over frames already there")
    place.add_argument("--take-lock", action="store_true", help=TAKE_LOCK_HELP)

    imp = sub.add_parser("import-article", parents=[place],
                         help="import articles from a .txt or .docx file and place them")
    imp.add_argument("file", help="the article file (.txt as the newsroom sends it, or .docx)")
    imp.add_argument("--quotes", choices=("curly", "corner"), default="curly",
                     help="house style for straight quotes: “ ” or 「 」")
    imp.set_defaults(func=_cmd_import_article, writes="document")

    pair = sub.add_parser("add-photo-pair", parents=[place], help="place a before-and-after photo pair")
    pair.add_argument("before", help="the photo before (整治前)")
    pair.add_argument("after", help="the photo after (整治后)")
    pair.add_argument("--caption", default="", help="place, problem and what was done")
    pair.set_defaults(func=_cmd_add_photo_pair, writes="document")

    marks = sub.add_parser("corrections", help="read an editor's marks on a proof as corrections; apply them")
    marks.add_argument("document")
    marks.add_argument("proof", help="the proof PDF with the editor's comments")
    marks.add_argument("--json", action="store_true", help="print JSON")
    marks.add_argument("--apply", nargs="+", metavar="ID", help="apply these text corrections (delete, replace, "
                                                                "insert) and save the document")
    marks.add_argument("--accept", nargs="+", metavar="ID", help="mark these corrections accepted")
    marks.add_argument("--reject", nargs="+", metavar="ID", help="mark these corrections rejected")
    marks.add_argument("--reply", nargs=2, action="append", metavar=("ID", "TEXT"),
                       help="answer a correction (the next proof shows the reply in its thread)")
    marks.add_argument("--as", dest="as_name", help="who answers (default $LAYOUT_USER or the login name)")
    marks.add_argument("--take-lock", action="store_true", help=TAKE_LOCK_HELP)
    marks.set_defaults(func=_cmd_corrections, writes="document")

    sign = sub.add_parser("sign", help="签版: export a page's press PDF, sign it and record the sign-off")
    sign.add_argument("document", nargs="?", help="the issue document (the sign-off is saved in it)")
    sign.add_argument("--page", type=_positive, help="the page to sign off")
    sign.add_argument("--as", dest="as_name", required=True, help="who signs (the name on the sign-off)")
    sign.add_argument("--role", choices=ROLES, default=ROLES[0], help="值班编辑 (duty editor, the default) or 总编辑")
    sign.add_argument("--key", help="the signing key and certificate (PKCS#12, .p12); its password, if any, "
                                    "in $LAYOUT_KEY_PASSWORD")
    sign.add_argument("-o", "--output", help="the signed press PDF to write")
    sign.add_argument("--new-key", metavar="KEY.p12", help="make a self-signed key for --as NAME and exit")
    _add_condition_arguments(sign)
    sign.add_argument("--min-ppi", type=float, default=RULES.min_ppi, help="preflight: lowest photo resolution")
    sign.add_argument("--force", action="store_true",
                      help="sign although preflight finds errors; replace an existing key or a non-PDF file")
    sign.add_argument("--take-lock", action="store_true", help=TAKE_LOCK_HELP)
    sign.set_defaults(func=_cmd_sign, writes="document")

    open_ = sub.add_parser("open", help="open the editor")
    open_.add_argument("document", nargs="?")
    open_.add_argument("--screenshot", metavar="PNG", help="show the window offscreen, save it as PNG and exit")
    open_.add_argument("--page", type=_positive,
                       help="the page number to show (with --screenshot, or on a newsroom address: held while shown)")
    open_.add_argument("--zoom", type=_zoom, default="fit", help="with --screenshot: fit, width or a percentage")
    open_.add_argument("--overlay", action="store_true", help="with --screenshot: show the grid and frames")
    open_.add_argument("--select", help="with --screenshot: frame ids to show selected, comma-separated")
    open_.add_argument("--force", action="store_true",
                       help="with --screenshot: replace a link or a file that is not a PNG (never the document, "
                            "its backup, a device or a pipe)")
    open_.set_defaults(func=_cmd_open)
    add_newsroom_parsers(sub, _positive)
    return parser


def _one_line(message: Warning | str, category: type[Warning], filename: str, lineno: int,
              file: object = None, line: str | None = None) -> None:
    """A warning as one line on stderr, without the source line that raised it."""
    print(f"warning: {message}", file=sys.stderr)


def _quiet_library_warnings() -> None:
    """Warnings in one line; Pillow's own are told by the photo code with the photo's name."""
    warnings.showwarning = _one_line
    warnings.filterwarnings("ignore", category=UserWarning, module=r"PIL\.")


def _printable_names() -> None:
    """Let stdout and stderr print any file name: a byte of a name that is not UTF-8 (a
    folder named in another encoding) is shown as ``\\xff`` instead of ending the command."""
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(AttributeError, ValueError):
            stream.reconfigure(errors="backslashreplace")


def main(argv: Sequence[str] | None = None,
         open_editor: Callable[[str | None, dict | None], int] | None = None,
         qt_version: Callable[[], str] | None = None) -> int:
    """Run the command line; return the exit status. ``open_editor`` starts the GUI."""
    _printable_names()
    _quiet_library_warnings()
    args = build_parser(qt_version).parse_args(argv)
    args.open_editor = open_editor
    try:
        with _lock(args):
            return args.func(args)
    except (DocumentError, CommandError, FontError, OutputError, SigningError, ValueError) as exc:
        print(f"layout: error: {exc}", file=sys.stderr)
    except psycopg.Error as exc:
        print(f"layout: error: the newsroom database: {str(exc).strip().splitlines()[0]}", file=sys.stderr)
    except BrokenPipeError:
        raise  # the reader went away: the launcher ends quietly
    except OSError as exc:
        where = f"{exc.filename}: " if exc.filename else ""
        print(f"layout: error: {where}{exc.strerror or exc}", file=sys.stderr)
    except KeyboardInterrupt:
        print("layout: interrupted", file=sys.stderr)
    except Exception as exc:
        command = " ".join(sys.argv[1:] if argv is None else argv)
        print(f"layout: error: {args.command} failed with {crash_line(exc, write_report(exc, f'layout {command}'))}",
              file=sys.stderr)
        return EXIT_CRASH
    return EXIT_ERROR
