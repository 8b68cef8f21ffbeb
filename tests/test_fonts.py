"""Fonts: metrics from the project's files, kept on disk between runs, fallback chains."""

import contextlib

import pytest

from layout.engine import fonts
from layout.engine.fonts import chain_for


def test_metrics_are_cached_on_disk_and_a_broken_cache_is_ignored(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    fonts.load_face.cache_clear()
    try:
        first = fonts.load_face("NotoSerifSC-Ext.ttf")
        (cached,) = (tmp_path / "layout" / "fonts").glob("NotoSerifSC-Ext-*.pickle")
        fonts.load_face.cache_clear()
        assert fonts.load_face("NotoSerifSC-Ext.ttf") == first
        cached.write_bytes(b"not a pickle")
        fonts.load_face.cache_clear()
        assert fonts.load_face("NotoSerifSC-Ext.ttf") == first
    finally:
        fonts.load_face.cache_clear()


def test_every_role_has_the_rare_character_fallback():
    for role in fonts.ROLE_FILES:
        chain = fonts.chain_for(role)
        assert chain.primary.name == fonts.ROLE_FILES[role][0]
        assert ord("𠮷") in chain.lookup and ord("堃") in chain.lookup
        face_index, advance = chain.lookup[ord("中")]
        assert face_index == 0 and advance == 1.0


def test_quotes_take_the_chinese_font():
    chain = fonts.chain_for("song")
    for quote in "“”‘’":
        assert chain.lookup[ord(quote)][0] == 0  # the Chinese Song face itself, full width


def _codec_points(codec: str) -> set[int]:
    """Every code point a two-byte sequence of a Chinese codec decodes to (Python's codecs)."""
    found = set()
    for lead in range(0x81, 0xFF):
        for trail in range(0x40, 0xFF):
            with contextlib.suppress(UnicodeDecodeError):
                found.update(map(ord, bytes([lead, trail]).decode(codec)))
    return found


NEWS_SYMBOLS = "㎡㎞㎏℃‰№①⑳⑴⒇⒈⒛㈠㈩ⅠⅫⅰⅹ★☆※→←↑↓"


@pytest.mark.parametrize("role", ["song", "song-bold", "hei", "hei-bold", "kai"])
def test_every_gb2312_and_gbk_character_is_in_the_fallback_chain(role):
    gb2312, gbk = _codec_points("gb2312"), _codec_points("gbk")
    assert (len(gb2312), len(gbk)) == (7445, 21791)
    lookup = chain_for(role).lookup
    assert sorted(chr(cp) for cp in gb2312 | gbk | set(map(ord, NEWS_SYMBOLS)) if cp not in lookup) == []


@pytest.mark.parametrize(("role", "face"), [("song", "NotoSerifSC-Regular.ttf"), ("hei", "NotoSansSC-Regular.ttf")])
def test_symbols_come_from_a_face_that_matches(role, face):
    chain = chain_for(role)
    for ch in "α Ж ǎ ü ㄅ か ≤ ★ Ⅱ ㈠ ㎡ ・":
        if ch != " ":
            assert chain.faces[chain.lookup[ord(ch)][0]].name == face, ch
