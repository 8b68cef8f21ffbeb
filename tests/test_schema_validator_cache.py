"""The schema's compiled validator is made once, kept in the cache folder, and judges as fastjsonschema does."""

import json

import fastjsonschema
import pytest

from layout.store import validator
from layout.store.fileformat import schema


@pytest.fixture
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    return tmp_path / "layout" / "schema"


def _verdict(check, data) -> bool:
    try:
        check(data)
    except fastjsonschema.JsonSchemaException:
        return False
    return True


def test_validator_is_compiled_once_and_then_read_from_the_cache(cache, monkeypatch):
    validator.compiled_validator(schema())
    kept = list(cache.iterdir())
    assert len(kept) == 1 and kept[0].stat().st_size > 10_000
    monkeypatch.setattr(validator, "_compile", lambda _schema: pytest.fail("compiled again"))
    validator.compiled_validator(schema())


def test_damaged_cache_file_is_made_again(cache):
    validator.compiled_validator(schema())
    (kept,) = cache.iterdir()
    kept.write_bytes(b"\xe3not marshal")
    check = validator.compiled_validator(schema())
    assert not _verdict(check, {"format": "layout-issue"})
    assert kept.read_bytes() != b"\xe3not marshal"


def test_a_changed_schema_gets_its_own_validator(cache):
    validator.compiled_validator({"type": "object", "required": ["a"]})
    validator.compiled_validator({"type": "object", "required": ["b"]})
    assert len(list(cache.iterdir())) == 2


def test_cached_validator_judges_as_fastjsonschema(cache, sample_path):
    good = json.loads(sample_path.read_text("utf-8"))
    bad = json.loads(sample_path.read_text("utf-8"))
    bad["pages"][0]["frames"][0]["x"] = "left"
    reference = fastjsonschema.compile(schema(), use_formats=False)
    for _ in range(2):  # compiled, then read from the cache
        check = validator.compiled_validator(schema())
        assert _verdict(check, good) and _verdict(reference, good)
        assert not _verdict(check, bad) and not _verdict(reference, bad)


def test_unwritable_cache_still_validates(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    assert not _verdict(validator.compiled_validator(schema()), {"format": "layout-issue"})
