"""A private PostgreSQL server in a temporary folder, for the tests, the benchmark and a trial.

``initdb`` and ``postgres`` refuse to run as root, so when this process is root the
server runs as the unprivileged ``postgres`` user that Debian's package creates
(``runuser``). It listens only on a Unix socket inside its own folder, with trust
authentication for its one user: nothing outside the machine can reach it.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

SEARCH = ("/usr/lib/postgresql/*/bin",)
SERVER_USER = "postgres"


class ServerError(RuntimeError):
    """The private server could not be started (PostgreSQL missing, initdb failed...)."""


def postgres_bin() -> Path:
    """The folder holding initdb and pg_ctl (the newest Debian version, else PATH)."""
    found = sorted(Path("/").glob(SEARCH[0].lstrip("/")), key=lambda p: int(p.parent.name)
                   if p.parent.name.isdigit() else 0)
    if found:
        return found[-1]
    initdb = shutil.which("initdb")
    if initdb:
        return Path(initdb).parent
    raise ServerError("PostgreSQL is not installed (Debian: apt-get install postgresql)")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class PrivateServer:
    """A throw-away PostgreSQL: ``start()`` gives a database URL, ``stop()`` removes everything."""

    def __init__(self, folder: Path | None = None) -> None:
        self._own = folder is None
        self.folder = Path(folder or tempfile.mkdtemp(prefix="layout-pg-"))
        self.data = self.folder / "data"
        self.port = _free_port()
        self.bin = postgres_bin()
        self.running = False

    def _run(self, *argv: str) -> None:
        command = [str(self.bin / argv[0]), *argv[1:]]
        if os.geteuid() == 0:
            command = ["runuser", "-u", SERVER_USER, "--", *command]
        done = subprocess.run(command, capture_output=True, text=True, timeout=120)
        if done.returncode != 0:
            raise ServerError(f"{argv[0]} failed: {(done.stderr or done.stdout).strip()[-400:]}")

    def start(self) -> str:
        """Create the cluster (once) and start the server; the URL of its ``postgres`` database."""
        if not self.data.exists():
            if os.geteuid() == 0:
                shutil.chown(self.folder, SERVER_USER)
            os.chmod(self.folder, 0o755)
            self._run("initdb", "-D", str(self.data), "-A", "trust", "-U", "postgres", "-E", "UTF8",
                      "--locale=C.UTF-8", "--no-sync")
        self._run("pg_ctl", "-D", str(self.data), "-l", str(self.folder / "server.log"), "-w", "-o",
                  f"-k {self.folder} -p {self.port} -c listen_addresses='' -c fsync=off "
                  f"-c max_connections=200", "start")
        self.running = True
        return self.url()

    def url(self, database: str = "postgres") -> str:
        """A libpq URL of a database on this server (the socket folder is the host)."""
        return f"postgresql://postgres@/{database}?host={self.folder}&port={self.port}"

    def stop(self, mode: str = "fast") -> None:
        """Stop the server (``immediate`` is the database going away abruptly)."""
        if self.running:
            with contextlib.suppress(ServerError):
                self._run("pg_ctl", "-D", str(self.data), "-m", mode, "-w", "stop")
            self.running = False

    def close(self) -> None:
        """Stop the server and remove its folder (if this object made it)."""
        self.stop()
        if self._own:
            shutil.rmtree(self.folder, ignore_errors=True)

    def __enter__(self) -> PrivateServer:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
