"""``layout newsroom …``: set up a newsroom database, put issues in, list them, take copies out.

The other commands (export, preflight, info, import-article, add-photo-pair, open) take a
newsroom address where they take a document: the storage layer's ``store_for`` gives them
the newsroom's store.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from layout.model.assets import photo_places
from layout.model.document import Issue
from layout.store.fileformat import load, save
from layout.store.newsroom import photos, schema
from layout.store.newsroom.address import NewsroomError, parse
from layout.store.newsroom.store import STATES, IssueSession, Newsroom

STATE_NAMES = {**{k: k for k in STATES}, **{v: k for k, v in STATES.items()}}


def read_issue(text: str) -> Issue:
    """The issue at a newsroom address, read as one snapshot (nothing is held)."""
    with Newsroom(parse(text)) as newsroom:
        return IssueSession(newsroom).load()


def _cmd_init(args: argparse.Namespace) -> int:
    with Newsroom(parse(args.url), check=False) as newsroom:
        done = schema.migrate(newsroom.conn)
    print(f"newsroom schema version {schema.CURRENT}" + (f" (applied {done})" if done else " (already up to date)"))
    return 0


def _cmd_add(args: argparse.Namespace) -> int:
    issue = load(args.document)
    address = parse(args.url)
    with Newsroom(address) as newsroom:
        newsroom.add(issue)
    print(f"added {len(issue.pages)} pages and {len(issue.articles)} articles of {issue.paper} {issue.date}")
    print(address.with_issue(issue.date, issue.edition or None))
    return 0


def _issue_table(newsroom: Newsroom) -> dict:
    session = IssueSession(newsroom)
    holders = newsroom.holders(session.issue_id)
    rows = newsroom.conn.execute(
        "SELECT position, state, revision, updated_by, updated_at, body->>'number', body->>'section' "
        "FROM pages WHERE issue_id = %s ORDER BY position", (session.issue_id,)).fetchall()
    pages = []
    for position, state, revision, by, at, number, section in rows:
        holder = holders.get(("page", str(position)))
        pages.append({"page": int(number), "section": section, "state": state, "state_zh": STATES[state],
                      "revision": revision, "saved_by": by, "saved_at": at.isoformat(),
                      "held_by": str(holder) if holder else None})
    stories = [{"story": target, "held_by": str(h)} for (kind, target), h in sorted(holders.items())
               if kind == "story"]
    return {"issue": str(newsroom.address), "pages": pages, "stories_held": stories}


def _cmd_list(args: argparse.Namespace) -> int:
    address = parse(args.url)
    with Newsroom(address) as newsroom:
        data = _issue_table(newsroom) if address.issue else {"issues": newsroom.issues()}
    if args.json:
        print(json.dumps(data, ensure_ascii=False, indent=1))
    elif "issues" in data:
        for item in data["issues"]:
            print(f"{item['date']} {item['edition'] or '-'}  {item['paper']}  {item['pages']} pages, "
                  f"{item['articles']} articles")
        if not data["issues"]:
            print("no issues yet (layout newsroom add DOC URL)")
    else:
        for page in data["pages"]:
            held = f"  held by {page['held_by']}" if page["held_by"] else ""
            print(f"page {page['page']:>2} {page['section'] or '':<8} {page['state_zh']}  rev {page['revision']} "
                  f"saved by {page['saved_by']}{held}")
        for story in data["stories_held"]:
            print(f"story {story['story']} held by {story['held_by']}")
    return 0


def _cmd_get(args: argparse.Namespace) -> int:
    out = Path(args.output)
    if out.is_dir() or not out.parent.is_dir():
        raise NewsroomError(f"{out}: give a file name in a folder that exists")
    if out.exists() and not args.force:
        raise NewsroomError(f"{out} exists already (use --force to replace it)")
    issue = read_issue(args.url)
    copied = photos.copy_beside([p.image for p in photo_places(issue)], out)
    issue.source = out.resolve()  # its photo paths are the copies' paths beside the file (saving rebases none)
    issue.disk_digest = None
    save(issue, out)
    print(f"wrote {out} with {copied} photos in {out.parent / 'photos'}")
    return 0


def _cmd_state(args: argparse.Namespace) -> int:
    state = STATE_NAMES.get(args.state)
    if state is None:
        raise NewsroomError(f"a page's state is one of {', '.join(STATE_NAMES)}, not {args.state!r}")
    with Newsroom(parse(args.url)) as newsroom:
        session = IssueSession(newsroom)
        session.load()
        newsroom.set_state(session.issue_id, session.position(args.page), state)
    print(f"page {args.page}: {STATES[state]}")
    return 0


def _cmd_history(args: argparse.Namespace) -> int:
    with Newsroom(parse(args.url)) as newsroom:
        lines = newsroom.history(IssueSession(newsroom).issue_id, args.last)
    for line in reversed(lines):
        ops = "; ".join(line["operations"])
        print(f"{line['at'][:19]} {line['user']}@{line['host']} {line['action']} {line['kind']} {line['target']} "
              f"rev {line['revision']}" + (f": {ops}" if ops else ""))
    return 0


def add_parsers(sub: argparse._SubParsersAction, positive) -> None:
    """The ``newsroom`` command and its subcommands."""
    newsroom = sub.add_parser("newsroom", help="an issue in PostgreSQL for a whole desk (docs/newsroom.md)")
    commands = newsroom.add_subparsers(dest="newsroom_command", required=True)
    init = commands.add_parser("init", help="create or update the newsroom tables in a database")
    init.add_argument("url", help="postgresql://host/db (password in ~/.pgpass) or newsroom:NAME")
    init.set_defaults(func=_cmd_init)
    add = commands.add_parser("add", help="put a file issue (with its photos) into the newsroom")
    add.add_argument("document")
    add.add_argument("url")
    add.set_defaults(func=_cmd_add)
    listing = commands.add_parser("list", help="the issues; with ?issue=: its pages, states and holders")
    listing.add_argument("url")
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(func=_cmd_list)
    get = commands.add_parser("get", help="write a file copy of an issue (with photos) for work offline")
    get.add_argument("url")
    get.add_argument("-o", "--output", required=True)
    get.add_argument("--force", action="store_true", help="replace an existing file")
    get.set_defaults(func=_cmd_get)
    state = commands.add_parser("state", help="set a page's state: 排版中 待校 已校 已签 (layout proof proofed signed)")
    state.add_argument("url")
    state.add_argument("--page", type=positive, required=True)
    state.add_argument("state")
    state.set_defaults(func=_cmd_state)
    history = commands.add_parser("history", help="who changed what, newest last")
    history.add_argument("url")
    history.add_argument("--last", type=positive, default=30)
    history.set_defaults(func=_cmd_history)


