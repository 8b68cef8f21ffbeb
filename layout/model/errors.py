"""Errors raised while reading or checking a document."""

from __future__ import annotations

from pathlib import Path


class DocumentError(Exception):
    """A document that cannot be used, with the file and the problem named."""

    def __init__(self, path: str | Path | None, problem: str) -> None:
        self.path = None if path is None else Path(path)
        self.problem = problem
        super().__init__(str(self))

    def __str__(self) -> str:
        if self.path is None:
            return self.problem
        return f"{self.path}: {self.problem}"
