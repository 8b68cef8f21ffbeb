"""Fuzzing the loader and ``layout export`` with mutated copies of the sample: every
input is laid out or refused with the project's own one-line error, never a
traceback (exit 3) or another exception."""

from __future__ import annotations

import copy
import json
import math
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from layout.cli import EXIT_CRASH, main
from layout.engine.page import LayoutEngine
from layout.model import DocumentError
from layout.store.fileformat import from_dict
from tests.conftest import SAMPLE

HOSTILE = [math.nan, math.inf, -math.inf, 1e308, -1e308, 1e-308, 0, -5, 0.0, 1e9, 10**400, 2**63, -1, 1,
           "", "a" * 300, "小五", "9" * 400 + "pt", "-3mm", None, True, [], {}, [[[[]]]], [0, 0, 0, 0],
           [1e308, 0, 1, 1], {"text": 5}, "../../etc/passwd", "/proc/self/environ", "photos/road.jpg"]
# Values at the edges of what a newspaper may use: they pass the validator and reach the engine.
EDGES = [1, 1.0001, 1000, -0.5, 5, 0.001, 14000, 28.35, 50, 0.5, 20, 24, "1000pt", "1pt", "初号", "八号"]
BASE = json.loads(SAMPLE.read_text("utf-8"))


def _paths(data: Any, prefix: tuple = ()) -> list[tuple]:
    """Every place in the document that holds a value."""
    found = [prefix] if prefix else []
    if isinstance(data, dict):
        for key, value in data.items():
            found += _paths(value, prefix + (key,))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            found += _paths(value, prefix + (index,))
    return found


PATHS = _paths(BASE)


def _mutate(changes: list[tuple[int, Any]]) -> dict:
    data = copy.deepcopy(BASE)
    for place, value in changes:
        path = PATHS[place % len(PATHS)]
        node = data
        try:
            for part in path[:-1]:
                node = node[part]
            node[path[-1]] = value
        except (KeyError, IndexError, TypeError):
            continue
    return data


MUTATIONS = st.lists(st.tuples(st.integers(0, len(PATHS) - 1), st.sampled_from(HOSTILE + EDGES)),
                     min_size=1, max_size=3)


@pytest.mark.slow
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(changes=MUTATIONS)
def test_the_loader_lays_out_or_refuses_every_mutation(changes):
    data = _mutate(changes)
    try:
        issue = from_dict(json.loads(json.dumps(data)))
    except DocumentError as exc:
        assert "\n" not in str(exc)
        return
    issue.source = SAMPLE
    LayoutEngine().layout(issue)


@pytest.fixture(scope="module")
def fuzz_folder(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("fuzz")
    (folder / "photos").symlink_to(SAMPLE.parent / "photos")
    return folder


@pytest.mark.slow
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                  HealthCheck.function_scoped_fixture])
@given(changes=MUTATIONS)
def test_layout_export_of_every_mutation_is_a_pdf_or_one_line(changes, fuzz_folder, capsys):
    document = fuzz_folder / "fuzz.layout.json"
    document.write_text(json.dumps(_mutate(changes), ensure_ascii=False), "utf-8")
    status = main(["export", "-q", str(document), "-o", str(fuzz_folder / "out.pdf")])
    err = capsys.readouterr().err
    assert status != EXIT_CRASH, err
    if status:
        assert "Traceback" not in err and err.count("layout: error:") == 1, err


CHILD = """
import sys
from layout.cli import main
status = main(sys.argv[1:])
peak = next(int(line.split()[1]) for line in open("/proc/self/status") if line.startswith("VmHWM"))
print(f"peak_kb={peak}", file=sys.stderr)
sys.exit(status)
"""


@pytest.mark.slow
@settings(max_examples=4, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                 HealthCheck.function_scoped_fixture])
@given(changes=MUTATIONS)
def test_layout_export_in_a_process_of_its_own_ends_within_30_s_and_1_gb(changes, fuzz_folder):
    document = fuzz_folder / "child.layout.json"
    document.write_text(json.dumps(_mutate(changes), ensure_ascii=False), "utf-8")
    result = subprocess.run([sys.executable, "-c", CHILD, "export", "-q", str(document), "-o",
                             str(fuzz_folder / "child.pdf")], capture_output=True, text=True, timeout=30)
    lines = result.stderr.strip().splitlines()
    assert result.returncode in (0, 2) and "Traceback" not in result.stderr, result.stderr
    assert int(lines[-1].removeprefix("peak_kb=")) < 1024 * 1024
