"""The document file: round trips, the schema, clear errors, atomic saves, migrations."""

import json
from pathlib import Path

import jsonschema
import pytest

from layout.model import DocumentError
from layout.model.migrations import CURRENT_VERSION, MigrationError, migrate
from layout.model.templates import PAPER_SIZES, add_page, new_issue
from layout.store.fileformat import dumps, from_dict, load, save, schema, to_json_dict


def test_sample_round_trip_is_equal(sample_path, tmp_path):
    issue = load(sample_path)
    save(issue, tmp_path / "again.layout.json")
    again = load(tmp_path / "again.layout.json")
    assert again == issue
    assert dumps(again) == dumps(issue)


def test_sample_matches_schema(sample_path):
    jsonschema.validate(json.loads(sample_path.read_text("utf-8")), schema())


@pytest.mark.parametrize("template", sorted(PAPER_SIZES))
def test_new_issue_round_trips_and_validates(template):
    issue = new_issue(template, pages=3)
    data = to_json_dict(issue)
    jsonschema.validate(data, schema())
    assert from_dict(json.loads(json.dumps(data))) == issue


def _error(path: Path) -> str:
    with pytest.raises(DocumentError) as caught:
        load(path)
    message = str(caught.value)
    assert str(path) in message
    return message


def test_missing_file(tmp_path):
    assert "no such file" in _error(tmp_path / "nope.layout.json")


def test_truncated_file(sample_path, tmp_path):
    broken = tmp_path / "cut.layout.json"
    broken.write_bytes(sample_path.read_bytes()[:500])
    assert "truncated" in _error(broken)


def test_not_json(tmp_path):
    broken = tmp_path / "x.layout.json"
    broken.write_text("hello", "utf-8")
    assert "not valid JSON" in _error(broken)


def test_empty_file(tmp_path):
    broken = tmp_path / "x.layout.json"
    broken.write_text("", "utf-8")
    assert "empty" in _error(broken)


def test_other_json(tmp_path):
    broken = tmp_path / "x.layout.json"
    broken.write_text('{"hello": 1}', "utf-8")
    assert "not a layout document" in _error(broken)


def test_wrong_schema_names_the_place(sample_path, tmp_path):
    data = json.loads(sample_path.read_text("utf-8"))
    data["pages"][0]["frames"][3]["rect"] = [1, 2, 3]
    broken = tmp_path / "x.layout.json"
    broken.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    message = _error(broken)
    assert "pages[0].frames[3]" in message


def test_newer_version(sample_path, tmp_path):
    data = json.loads(sample_path.read_text("utf-8"))
    data["version"] = CURRENT_VERSION + 1
    newer = tmp_path / "x.layout.json"
    newer.write_text(json.dumps(data), "utf-8")
    assert "newer" in _error(newer)


def test_dangling_flow_reference(sample_path, tmp_path):
    data = json.loads(sample_path.read_text("utf-8"))
    data["articles"][0]["flow"] = ["no-such-frame"]
    broken = tmp_path / "x.layout.json"
    broken.write_text(json.dumps(data), "utf-8")
    assert "no-such-frame" in _error(broken)


def test_save_keeps_backup_and_leaves_no_temporary_files(sample_path, tmp_path):
    target = tmp_path / "doc.layout.json"
    issue = load(sample_path)
    save(issue, target)
    first = target.read_bytes()
    issue.paper = "另一张报纸"
    save(issue, target)
    assert (tmp_path / "doc.layout.json.bak").read_bytes() == first
    assert load(target).paper == "另一张报纸"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["doc.layout.json", "doc.layout.json.bak"]


def test_failed_save_keeps_the_old_file(sample_path, tmp_path, monkeypatch):
    target = tmp_path / "doc.layout.json"
    issue = load(sample_path)
    save(issue, target)
    before = target.read_bytes()

    def broken_replace(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr("layout.store.files.os.replace", broken_replace)
    with pytest.raises(OSError):
        save(issue, target)
    assert target.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_migrations_run_in_order(monkeypatch):
    steps = {1: lambda d: {**d, "a": 1}, 2: lambda d: {**d, "b": d["a"] + 1}}
    monkeypatch.setattr("layout.model.migrations.CURRENT_VERSION", 3)
    assert migrate({"version": 1}, steps) == {"version": 3, "a": 1, "b": 2}


def test_missing_migration_is_an_error(monkeypatch):
    monkeypatch.setattr("layout.model.migrations.CURRENT_VERSION", 2)
    with pytest.raises(MigrationError, match="no upgrade"):
        migrate({"version": 1}, {})


def test_migration_refuses_nonsense_versions():
    with pytest.raises(MigrationError):
        migrate({"version": "one"})


def test_templates_live_in_the_document_and_can_be_edited(tmp_path):
    issue = new_issue("tabloid", pages=2)
    assert issue.pages[0].template == "tabloid-front" and issue.pages[1].template == "tabloid"
    assert [f.id for f in issue.pages[1].frames] == ["p2-folio", "p2-head-rule"]
    issue.templates["tabloid"].grid.columns = 5
    save(issue, tmp_path / "t.layout.json")
    again = load(tmp_path / "t.layout.json")
    assert again.templates["tabloid"].grid.columns == 5
    page = add_page(again, "tabloid", section="体育")
    assert page.number == 3 and page.grid.columns == 5 and page.section == "体育"
    with pytest.raises(ValueError, match="no template"):
        add_page(again, "magazine")
