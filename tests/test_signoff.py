"""签版: `layout sign` output validates with pyHanko; a later change voids the sign-off."""

from __future__ import annotations

import dataclasses
import hashlib
import json

import pikepdf
import pytest

from layout.cli import main
from layout.export.signing import check_signature
from layout.store.fileformat import load, save


@pytest.fixture(scope="module")
def key(tmp_path_factory):
    path = tmp_path_factory.mktemp("key") / "zhao.p12"
    assert main(["sign", "--new-key", str(path), "--as", "赵紫楠"]) == 0
    return path


def _info(doc, capsys) -> dict:
    capsys.readouterr()
    assert main(["info", str(doc), "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def _page(doc) -> int:
    return load(doc).pages[0].number


def test_signed_press_page_validates_over_the_whole_file(sample_copy, key, tmp_path, capsys):
    out = tmp_path / "signed.pdf"
    number = _page(sample_copy)
    assert main(["sign", str(sample_copy), "--page", str(number), "--as", "赵紫楠", "--key", str(key),
                 "--role", "总编辑", "-o", str(out)]) == 0
    check = check_signature(out, trust=[key])
    assert check.intact and check.whole_file and check.trusted
    assert check.signer == "赵紫楠"
    with pikepdf.open(out) as pdf:  # still the press file: PDF/X keys and the output intent
        assert str(pdf.docinfo["/GTS_PDFXVersion"]) == "PDF/X-1:2001"
        assert "/OutputIntents" in pdf.Root
    [signoff] = _info(sample_copy, capsys)["signoffs"]
    assert signoff["page"] == number and signoff["by"] == "赵紫楠" and signoff["role"] == "总编辑"
    assert signoff["sha256"] == hashlib.sha256(out.read_bytes()).hexdigest()
    assert signoff["valid"] is True and signoff["time"]


def test_a_change_to_the_page_voids_the_sign_off(sample_copy, key, tmp_path, capsys):
    number = _page(sample_copy)
    assert main(["sign", str(sample_copy), "--page", str(number), "--as", "赵紫楠", "--key", str(key),
                 "-o", str(tmp_path / "signed.pdf")]) == 0
    issue = load(sample_copy)
    save(issue, sample_copy)  # saving alone changes nothing printed
    assert _info(sample_copy, capsys)["signoffs"][0]["valid"] is True
    article = issue.articles[0]
    first = article.paragraphs[0]
    article.paragraphs[0] = dataclasses.replace(first, text=first.text.replace("，", "、", 1))
    save(issue, sample_copy)
    data = _info(sample_copy, capsys)
    assert data["signoffs"][0]["valid"] is False
    assert main(["info", str(sample_copy)]) == 0
    assert "VOID" in capsys.readouterr().out
    main(["preflight", str(sample_copy)])
    assert "签版" in capsys.readouterr().out


def test_a_tampered_signed_file_does_not_validate(sample_copy, key, tmp_path):
    out = tmp_path / "signed.pdf"
    assert main(["sign", str(sample_copy), "--page", str(_page(sample_copy)), "--as", "赵紫楠", "--key", str(key),
                 "-o", str(out)]) == 0
    data = bytearray(out.read_bytes())
    at = data.index(b"/MediaBox")
    data[at + 12:at + 13] = b"9" if data[at + 12:at + 13] != b"9" else b"8"
    out.write_bytes(bytes(data))
    assert not check_signature(out, trust=[key]).intact


def test_signing_without_a_key_file_is_one_clear_line(sample_copy, tmp_path, capsys):
    assert main(["sign", str(sample_copy), "--page", str(_page(sample_copy)), "--as", "赵紫楠",
                 "--key", str(tmp_path / "none.p12"),
                 "-o", str(tmp_path / "s.pdf")]) == 2
    assert "no such key file" in capsys.readouterr().err
    assert load(sample_copy).signoffs == []


def test_signed_only_sends_the_signed_file_itself(sample_copy, key, tmp_path, capsys):
    out = tmp_path / "signed.pdf"
    number = _page(sample_copy)
    press = tmp_path / "press"
    assert main(["export", str(sample_copy), "--profile", "press", "--signed-only", "-o", str(press)]) == 2
    assert "nothing was sent" in capsys.readouterr().err
    assert main(["sign", str(sample_copy), "--page", str(number), "--as", "赵紫楠", "--key", str(key),
                 "-o", str(out)]) == 0
    assert main(["export", str(sample_copy), "--profile", "press", "--signed-only", "-o", str(press)]) == 0
    [sent] = press.iterdir()
    assert sent.read_bytes() == out.read_bytes()
    issue = load(sample_copy)
    issue.articles[0].headline.title += "！"
    save(issue, sample_copy)
    sent.unlink()
    assert main(["export", str(sample_copy), "--profile", "press", "--signed-only", "-o", str(press)]) == 2
    assert "changed since" in capsys.readouterr().err


def test_a_version_2_document_gets_an_empty_trail(sample_path):
    from layout.model.migrations import CURRENT_VERSION, migrate
    from layout.store.fileformat import from_dict, to_json_dict

    data = to_json_dict(load(sample_path))
    data["version"] = 2
    upgraded = migrate(data)
    assert upgraded["version"] == CURRENT_VERSION
    assert (upgraded["proofs"], upgraded["signoffs"], upgraded["corrections"]) == ([], [], [])
    assert from_dict(upgraded).signoffs == []
