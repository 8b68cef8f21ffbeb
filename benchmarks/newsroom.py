"""A desk on one issue in the newsroom store: 8 designers and 4 editors for 60 s; prints one JSON object.

Run: .venv/bin/python benchmarks/newsroom.py [URL] [--seconds N]
Without URL a private PostgreSQL is started in a temporary folder (as the tests do); with
one, a database the user may create tables in (a fresh one: the issue is added to it).

- The issue: 24 copies of the sample page (benchmarks/scale.py's issue), its photos included.
- Designer k (a process of its own) holds pages k, k+8 and k+16 as an open editor would,
  and every 0.5-2 s moves a frame on one of them (layout.edit's move) and saves.
- Editor k takes a random story, appends a paragraph (layout.edit's set_story), saves and
  lets the story go, every 0.5-2 s; two editors may want the same story, and then the
  second is refused with the holder named (counted as refused_held, a right refusal).
- Every process listens (LISTEN/NOTIFY) and takes colleagues' saves into its open copy.

Numbers:
- lost_updates: saves that are not in the database at the end (a designer's last rectangle of
  each frame it moved, every paragraph an editor appended). Goal 0.
- save_p95_ms: a save (what changed found, held, written in one transaction with the revision
  checks), 95th percentile. Goal <= 100.
- seen_by_others_p95_ms: from a save's commit to another process having it in its open
  copy, 95th percentile over every save and every other process. Goal <= 1000.
- refused_wrongly: edits refused although nobody held what they touched (a revision
  conflict on a row nobody held). Goal 0.
- save_alone_p95_ms: the same save by one process alone on the issue before the desk starts,
  and save_p95_ratio_to_alone: how much twelve processes on this machine's cores slow it.
The machine's load average is printed too: these machines are shared and noisy.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psycopg

sys.path.insert(0, str(Path(__file__).resolve().parent))

from scale import make_issue  # noqa: E402 (the 24-page issue of the scale benchmark)

from layout.edit import operations as ops  # noqa: E402
from layout.model.document import Paragraph  # noqa: E402
from layout.store.fileformat import load  # noqa: E402
from layout.store.newsroom import schema  # noqa: E402
from layout.store.newsroom.address import parse  # noqa: E402
from layout.store.newsroom.privateserver import PrivateServer  # noqa: E402
from layout.store.newsroom.store import ConflictError, HeldError, IssueSession, Listener, Newsroom  # noqa: E402

DESIGNERS, EDITORS, PAGES = 8, 4, 24


def p95(values: list[float]) -> float | None:
    """The 95th percentile (None for no values)."""
    if not values:
        return None
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


# -- a worker process -------------------------------------------------------------------------------
class Worker:
    """One designer or editor: an open copy of the issue, its listener, and what it saved."""

    def __init__(self, role: str, index: int, address: str) -> None:
        os.environ["LAYOUT_USER"] = f"{role}{index}"
        self.role, self.index = role, index
        self.random = random.Random(f"{role}{index}")
        self.session = IssueSession(Newsroom(parse(address)))
        self.issue = self.session.load()
        self.listener = Listener(parse(address), self.session.newsroom.conn.info.backend_pid)
        self.saves: list[dict] = []  # kind, target, revision, committed (wall clock), ms
        self.seen: list[dict] = []  # kind, target, revision, at (wall clock)
        self.refused_held = self.refused_wrongly = 0
        self.rects: dict[str, list[float]] = {}  # designer: last saved rectangle of each frame
        self.markers: list[tuple[str, str]] = []  # editor: (story, text) of each saved paragraph
        if role == "designer":
            self.pages = [index + DESIGNERS * k for k in range(PAGES // DESIGNERS)]
            for position in self.pages:
                self.session.hold_page(position)

    def listen(self, seconds: float) -> None:
        """Take colleagues' saves into the open copy for ``seconds``."""
        deadline = time.monotonic() + seconds
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                return
            notices = [n for n in self.listener.poll(min(left, 0.05)) if n.get("kind") in ("page", "story")]
            if notices:
                self.session.take_changes(self.issue, notices)
                at = time.time()
                self.seen += [{"kind": n["kind"], "target": n["target"], "revision": n["revision"], "at": at}
                              for n in notices]

    def edit(self) -> None:
        """One real edit and its save."""
        if self.role == "designer":
            self._move_frame()
        else:
            self._write_story()

    def _move_frame(self) -> None:
        position = self.random.choice(self.pages)
        frame = self.random.choice([f for f in self.issue.pages[position].frames if not f.locked])
        dx = self.random.choice((-1.5, 1.5))
        ops.move_frames(self.issue, [frame.id], dx, 0).apply(self.issue)
        if self._save(["move"]):
            r = self.issue.pages[position].frame(frame.id).rect
            self.rects[frame.id] = [r.x, r.y, r.w, r.h]

    def _write_story(self) -> None:
        article = self.random.choice(self.issue.articles)
        try:
            self.session.hold_story(article.id, self.issue)  # and its newest text
        except HeldError:
            self.refused_held += 1
            return
        article = self.issue.article(article.id)
        text = f"{self.role}{self.index} 第{len(self.markers) + 1}次补充。"
        paragraphs = [*article.paragraphs, Paragraph(text)]
        ops.set_story(self.issue, article.id, paragraphs=paragraphs).apply(self.issue)
        if self._save(["text"]):
            self.markers.append((article.id, text))
        self.session.newsroom.let_go(self.session.issue_id, "story", article.id)

    def _save(self, operations: list[str]) -> bool:
        start = time.perf_counter()
        try:
            changes = self.session.save(self.issue, operations)
        except HeldError:
            self.refused_held += 1
            self.issue = self.session.load()
            return False
        except ConflictError:
            self.refused_wrongly += 1
            self.issue = self.session.load()
            return False
        committed = time.time()
        ms = (time.perf_counter() - start) * 1000
        for position in changes.pages:
            self.saves.append({"kind": "page", "target": str(position),
                               "revision": self.session.pages[position].revision, "committed": committed, "ms": ms})
        for story in changes.articles:
            self.saves.append({"kind": "story", "target": story,
                               "revision": self.session.articles[story].revision, "committed": committed, "ms": ms})
        return True

    def run(self, seconds: float) -> dict:
        """Edit every 0.5-2 s for ``seconds``; what happened, for the parent."""
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            self.listen(min(self.random.uniform(0.5, 2.0), max(0.0, end - time.monotonic())))
            if time.monotonic() < end:
                self.edit()
        self.listen(1.5)  # the last saves of the others arrive
        return {"role": self.role, "index": self.index, "saves": self.saves, "seen": self.seen,
                "refused_held": self.refused_held, "refused_wrongly": self.refused_wrongly,
                "rects": self.rects, "markers": self.markers}


# -- the parent ------------------------------------------------------------------------------------
def prepare(url: str, folder: Path) -> str:
    """A fresh newsroom database with the 24-page issue; its address."""
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("DROP DATABASE IF EXISTS layout_bench WITH (FORCE)")
        conn.execute("CREATE DATABASE layout_bench")
    parts = url.split("?", 1)
    bench = parts[0].rsplit("/", 1)[0] + "/layout_bench" + ("?" + parts[1] if len(parts) > 1 else "")
    with psycopg.connect(bench, autocommit=True) as conn:
        schema.migrate(conn)
    issue = load(make_issue(folder))
    with Newsroom(parse(bench)) as newsroom:
        newsroom.add(issue)
    return parse(bench).with_issue(issue.date, issue.edition or None).shown


def solo_saves(address: str, count: int = 40) -> list[float]:
    """Save times of one designer alone on the issue (the same edit), for the ratio."""
    session = IssueSession(Newsroom(parse(address)))
    issue = session.load()
    times = []
    for k in range(count):
        frame = issue.pages[k % PAGES].frames[0]
        ops.move_frames(issue, [frame.id], 1.5 if k % 2 else -1.5, 0).apply(issue)
        start = time.perf_counter()
        session.save(issue, ["move"])
        times.append((time.perf_counter() - start) * 1000)
    session.newsroom.close()
    return times


def lost(address: str, results: list[dict]) -> int:
    """Saves missing from the database at the end."""
    final = IssueSession(Newsroom(parse(address))).load()
    missing = 0
    for result in results:
        for frame_id, rect in result["rects"].items():
            found = final.find_frame(frame_id)
            now = found[1].rect if found else None
            if now is None or [now.x, now.y, now.w, now.h] != rect:
                missing += 1
        for story, text in result["markers"]:
            article = final.article(story)
            if article is None or text not in [p.text for p in article.paragraphs]:
                missing += 1
    return missing


def seen_latencies(results: list[dict]) -> list[float]:
    """For every save and every other process: ms from the commit to the other having it."""
    commits = {}
    for result in results:
        for save in result["saves"]:
            commits[(save["kind"], save["target"], save["revision"])] = (save["committed"], result["index"],
                                                                         result["role"])
    latencies = []
    for result in results:
        for note in result["seen"]:
            key = (note["kind"], note["target"], note["revision"])
            if key in commits and commits[key][1:] != (result["index"], result["role"]):
                latencies.append(max(0.0, (note["at"] - commits[key][0]) * 1000))
    return latencies


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("url", nargs="?", help="a PostgreSQL URL (password in ~/.pgpass); none: a private server")
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--designers", type=int, default=DESIGNERS, help="fewer, to see what the machine's cores cost")
    parser.add_argument("--editors", type=int, default=EDITORS)
    parser.add_argument("--worker", nargs=3, metavar=("ROLE", "INDEX", "ADDRESS"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        role, index, address = args.worker
        print(json.dumps(Worker(role, int(index), address).run(args.seconds)))
        return 0
    server = None if args.url else PrivateServer()
    url = args.url or server.start()
    try:
        with tempfile.TemporaryDirectory() as folder:
            address = prepare(url, Path(folder))
            alone = solo_saves(address)
            roles = [("designer", k) for k in range(args.designers)] + [("editor", k) for k in range(args.editors)]
            workers = [subprocess.Popen([sys.executable, __file__, "--seconds", str(args.seconds), "--worker", role,
                                         str(k), address], stdout=subprocess.PIPE, text=True) for role, k in roles]
            results = [json.loads(w.communicate()[0]) for w in workers]
            saves = [s["ms"] for r in results for s in r["saves"]]
            seen = seen_latencies(results)
            report = {
                "designers": args.designers, "editors": args.editors, "pages": PAGES, "seconds": args.seconds,
                "saves": len({(r["role"], r["index"], s["committed"]) for r in results for s in r["saves"]}),
                "rows_saved": len(saves),
                "lost_updates": lost(address, results),
                "save_p95_ms": round(p95(saves), 1) if saves else None,
                "save_median_ms": round(statistics.median(saves), 1) if saves else None,
                "save_alone_p95_ms": round(p95(alone), 1),
                "save_p95_ratio_to_alone": round(p95(saves) / p95(alone), 1) if saves else None,
                "seen_by_others_p95_ms": round(p95(seen), 1) if seen else None,
                "seen_by_others_count": len(seen),
                "refused_wrongly": sum(r["refused_wrongly"] for r in results),
                "refused_held": sum(r["refused_held"] for r in results),
                "load_average": [round(x, 2) for x in os.getloadavg()],
                "server": "private (temporary folder)" if server else "given URL",
            }
    finally:
        if server is not None:
            server.close()
    print(json.dumps(report))
    return 0


if __name__ == "__main__":
    sys.exit(main())
