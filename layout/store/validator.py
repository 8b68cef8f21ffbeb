"""The file format's schema compiled to Python once, and kept compiled in the cache folder.

fastjsonschema turns the schema into some 300,000 characters of Python; generating and
compiling that on every open cost a quarter of a second and 16 MB. The compiled code is
kept (marshalled, like a ``.pyc``) in ``$XDG_CACHE_HOME/layout/schema``, named by a hash of
the schema, fastjsonschema's version and the Python that compiled it, so a changed schema
or an upgrade makes a new one; a damaged or unreadable file is made again."""

from __future__ import annotations

import copy
import hashlib
import json
import marshal
import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import fastjsonschema

from layout.store.cachefolder import cache_root
from layout.store.files import write_atomic

Validator = Callable[[Any], Any]


def compiled_validator(schema: dict[str, Any]) -> Validator:
    """A function that raises ``fastjsonschema.JsonSchemaException`` for data not matching
    ``schema``, from the cache folder when it was compiled before."""
    path = _cached_path(schema)
    found = _read(path)
    if found is None:
        found = _compile(schema)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            write_atomic(path, marshal.dumps(found))
        except (OSError, ValueError):
            pass  # the cache only saves time; a read-only home still validates
    name, code = found
    namespace: dict[str, Any] = {}
    exec(code, namespace)  # noqa: S102 - code that fastjsonschema generated from our own schema
    return namespace[name]


def _cached_path(schema: dict[str, Any]) -> Path:
    key = hashlib.sha256("\0".join((
        json.dumps(schema, sort_keys=True), fastjsonschema.VERSION, sys.version, sys.implementation.cache_tag or "",
    )).encode("utf-8")).hexdigest()[:32]
    return cache_root() / "schema" / f"document-{key}.marshal"


def _compile(schema: dict[str, Any]) -> tuple[str, Any]:
    """The name of the validating function and the compiled module that defines it (the
    generated code defines the schema's own function first, then those it refers to)."""
    source = fastjsonschema.compile_to_code(copy.deepcopy(schema), use_formats=False)  # it marks what it read
    name = re.search(r"^def (\w+)\(", source, re.MULTILINE)
    if name is None:
        raise fastjsonschema.JsonSchemaDefinitionException("no validating function in the generated code")
    return name.group(1), compile(source, "<layout document schema>", "exec")


def _read(path: Path) -> tuple[str, Any] | None:
    """The cached (name, code), or None when there is none or it is damaged."""
    try:
        found = marshal.loads(path.read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        return None
    if (isinstance(found, tuple) and len(found) == 2 and isinstance(found[0], str)
            and type(found[1]) is type(_read.__code__)):
        return found
    return None
