"""Fonts: metrics from the project's files, kept on disk between runs, fallback chains."""

from layout.engine import fonts


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
