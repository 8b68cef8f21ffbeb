"""An editor's marks on a proof, made with PyMuPDF as a reader would, come back as corrections."""

from __future__ import annotations

import json

import pymupdf
import pytest

from layout.cli import main
from layout.store.fileformat import load

AUTHOR = "王编辑"


def _unique_words(page: pymupdf.Page, issue, count: int) -> list[tuple[str, int, int, str]]:
    """``count`` (article, paragraph, start, word) of four characters, each found exactly once on the
    page, on one line, from different body paragraphs."""
    everything = "".join(p.text for a in issue.articles for p in a.paragraphs)
    found = []
    for article in issue.articles:
        for index, paragraph in enumerate(article.paragraphs):
            text = paragraph.text
            for start in range(6, len(text) - 4, 3):
                word = text[start:start + 4]
                if everything.count(word) != 1 or any(not ch.isalpha() for ch in word):
                    continue
                hits = page.search_for(word)
                if len(hits) == 1:
                    found.append((article.id, index, start, word))
                    break
            if len(found) == count:
                return found
    raise AssertionError("not enough unique words")


@pytest.fixture
def marked(sample_copy, tmp_path):
    """A proof of the sample marked in PyMuPDF: strike-out, replace, insertion, sticky note, highlight."""
    return mark_proof(sample_copy, tmp_path)


def mark_proof(sample_copy, tmp_path):
    """Export a proof of the document and mark it as a reader would; return the document, the marked
    PDF and the (article, paragraph, start, word) of the delete, replace, insert, note and highlight."""
    proof = tmp_path / "proof.pdf"
    assert main(["export", str(sample_copy), "--profile", "proof", "-o", str(proof), "-q"]) == 0
    issue = load(sample_copy)
    doc = pymupdf.open(proof)
    page = doc[0]
    words = _unique_words(page, issue, 5)
    rect = {w: page.search_for(w[3])[0] for w in words}
    delete, replace, insert, note, highlight = words
    a = page.add_strikeout_annot(rect[delete])
    a.set_info(title=AUTHOR, content="删去")
    a.update()
    strike = page.add_strikeout_annot(rect[replace])
    strike.set_info(title=AUTHOR)
    strike.update()
    caret = page.add_caret_annot(rect[replace].tr)
    caret.set_info(title=AUTHOR, content="替换文字")
    caret.update()
    doc.xref_set_key(strike.xref, "IRT", f"{caret.xref} 0 R")
    doc.xref_set_key(strike.xref, "RT", "/Group")
    r = rect[insert]
    at = r.x0 + (r.x1 - r.x0) / 2  # between the word's second and third characters
    caret2 = page.add_caret_annot(pymupdf.Point(at, (r.y0 + r.y1) / 2))  # its box starts 1 pt left, 20 wide
    shift = at - (caret2.rect.x0 + caret2.rect.width / 2)
    caret2.set_rect(caret2.rect + (shift, 0, shift, 0))  # centred on the insertion point, as readers draw it
    caret2.set_info(title=AUTHOR, content="新增")
    caret2.update()
    sticky = page.add_text_annot(rect[note].tl + (1, 1), "这一段请核实数字")
    sticky.set_info(title=AUTHOR)
    sticky.update()
    hl = page.add_highlight_annot(rect[highlight])
    hl.set_info(title=AUTHOR, content="用词再斟酌")
    hl.update()
    out = tmp_path / "marked.pdf"
    doc.save(out)
    return sample_copy, out, words


def test_marks_map_to_article_paragraph_and_characters(marked, capsys):
    document, pdf, (delete, replace, insert, note, highlight) = marked
    capsys.readouterr()
    assert main(["corrections", str(document), str(pdf), "--json"]) == 0
    found = json.loads(capsys.readouterr().out)
    by_kind = {c["kind"]: c for c in found}
    assert sorted(by_kind) == ["delete", "highlight", "insert", "note", "replace"]
    for kind, (article, paragraph, start, word) in (("delete", delete), ("replace", replace),
                                                    ("highlight", highlight)):
        c = by_kind[kind]
        assert (c["article"], c["paragraph"], c["start"], c["end"], c["text"]) == \
            (article, paragraph, start, start + 4, word), kind
        assert c["author"] == AUTHOR
    assert by_kind["replace"]["replacement"] == "替换文字"
    assert by_kind["delete"]["comment"] == "删去" and by_kind["highlight"]["comment"] == "用词再斟酌"
    ins = by_kind["insert"]
    assert (ins["article"], ins["paragraph"], ins["start"], ins["end"]) == (insert[0], insert[1], insert[2] + 2,
                                                                            insert[2] + 2)
    assert ins["replacement"] == "新增" and ins["text"] == ""
    n = by_kind["note"]
    assert (n["article"], n["paragraph"]) == (note[0], note[1]) and n["comment"] == "这一段请核实数字"
    assert abs(n["start"] - note[2]) <= 1


def test_apply_changes_exactly_the_replaced_and_inserted_characters(marked, capsys):
    document, pdf, (_, replace, insert, _, _) = marked
    before = load(document)
    capsys.readouterr()
    main(["corrections", str(document), str(pdf), "--json"])
    ids = {c["kind"]: c["id"] for c in json.loads(capsys.readouterr().out)}
    assert main(["corrections", str(document), str(pdf), "--apply", ids["replace"], ids["insert"]]) == 0
    after = load(document)
    expected = {(a.id, i): p.text for a in before.articles for i, p in enumerate(a.paragraphs)}
    article, index, start, word = replace
    text = expected[(article, index)]
    expected[(article, index)] = text[:start] + "替换文字" + text[start + 4:]
    article, index, start, word = insert
    text = expected[(article, index)]
    expected[(article, index)] = text[:start + 2] + "新增" + text[start + 2:]
    assert {(a.id, i): p.text for a in after.articles for i, p in enumerate(a.paragraphs)} == expected
    assert main(["corrections", str(document), str(pdf), "--apply", ids["replace"]]) == 2  # stale now


def test_the_next_proof_shows_the_replies_in_the_comments_threads(marked, tmp_path, capsys):
    document, pdf, _ = marked
    capsys.readouterr()
    main(["corrections", str(document), str(pdf), "--json"])
    ids = {c["kind"]: c["id"] for c in json.loads(capsys.readouterr().out)}
    assert main(["corrections", str(document), str(pdf), "--as", "设计 刘", "--reply", ids["note"], "已核实，数字无误",
                 "--reject", ids["highlight"], "--reply", ids["highlight"], "版面所限，保留原词"]) == 0
    assert main(["corrections", str(document), str(pdf), "--apply", ids["replace"]]) == 0
    proof = tmp_path / "draft2.pdf"
    assert main(["export", str(document), "--profile", "proof", "-o", str(proof), "-q"]) == 0
    doc = pymupdf.open(proof)
    annots = {a.xref: a for page in doc for a in page.annots()}
    replies = {a.info["content"]: annots.get(a.irt_xref) for a in annots.values() if a.irt_xref}
    assert replies["已核实，数字无误"].info["content"].endswith("这一段请核实数字")
    assert replies["已核实，数字无误"].info["title"] == AUTHOR
    assert replies["版面所限，保留原词"].info["content"].endswith("用词再斟酌")
    states = {a.info["content"]: doc.xref_get_key(a.xref, "State")[1] for a in annots.values() if a.irt_xref}
    assert states["未采纳"].strip("()") == "Rejected" and states["已采纳"].strip("()") == "Accepted"
    capsys.readouterr()
    assert main(["corrections", str(document), str(proof), "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == []  # the program's own notes are no new corrections


def test_free_text_and_ink_are_notes_on_the_characters_they_cover(sample_copy, tmp_path, capsys):
    proof = tmp_path / "proof.pdf"
    assert main(["export", str(sample_copy), "--profile", "proof", "-o", str(proof), "-q"]) == 0
    issue = load(sample_copy)
    doc = pymupdf.open(proof)
    page = doc[0]
    (article, paragraph, start, word), (article2, paragraph2, start2, word2) = _unique_words(page, issue, 2)
    r = page.search_for(word)[0]
    ink = page.add_ink_annot([[(r.x0 + 1, (r.y0 + r.y1) / 2), (r.x1 - 1, (r.y0 + r.y1) / 2)]])
    ink.set_info(title=AUTHOR, content="圈出")
    ink.update()
    r2 = page.search_for(word2)[0]
    free = page.add_freetext_annot(pymupdf.Rect(r2.x0, r2.y0 - 30, r2.x0 + 80, r2.y0 - 14), "语序调整")
    free.set_info(title=AUTHOR)
    free.update()
    out = tmp_path / "marked.pdf"
    doc.save(out)
    capsys.readouterr()
    assert main(["corrections", str(sample_copy), str(out), "--json"]) == 0
    ink_note, free_note = json.loads(capsys.readouterr().out)
    assert ink_note["kind"] == "note" and ink_note["comment"] == "圈出"
    assert (ink_note["article"], ink_note["paragraph"], ink_note["start"], ink_note["end"]) == \
        (article, paragraph, start, start + 4)
    assert free_note["kind"] == "note" and free_note["comment"] == "语序调整"


def test_a_pdf_that_is_no_proof_is_one_clear_line(sample_copy, tmp_path, capsys):
    other = pymupdf.open()
    other.new_page().insert_text((72, 72), "not a proof")
    other.save(tmp_path / "other.pdf")
    assert main(["corrections", str(sample_copy), str(tmp_path / "other.pdf")]) == 2
    assert "carries no anchors" in capsys.readouterr().err
