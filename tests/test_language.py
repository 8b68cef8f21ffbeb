"""View ▸ Language: 中文 / English, or as the system (the default); kept for the next start."""

from __future__ import annotations

from PySide6.QtCore import QLocale, QSettings

from layout.gui.app_settings import LANGUAGE_SETTING, chosen_language
from tests.gui_helpers import action


def test_the_language_follows_the_system_unless_chosen(qtbot, window, tmp_path, monkeypatch):
    QSettings.setPath(QSettings.NativeFormat, QSettings.UserScope, str(tmp_path))
    QSettings.setPath(QSettings.IniFormat, QSettings.UserScope, str(tmp_path))
    monkeypatch.delenv("LAYOUT_LANG", raising=False)
    QSettings().remove(LANGUAGE_SETTING)
    try:
        monkeypatch.setattr(QLocale, "system", lambda: QLocale("zh_CN"))
        assert chosen_language() == "zh_CN"
        monkeypatch.setattr(QLocale, "system", lambda: QLocale("de_DE"))
        assert chosen_language() == "en"
        action(window, "English").trigger()
        assert QSettings().value(LANGUAGE_SETTING) == "en" and chosen_language() == "en"
        action(window, "中文").trigger()
        assert chosen_language() == "zh_CN"
        monkeypatch.setenv("LAYOUT_LANG", "en")
        assert chosen_language() == "en"
    finally:
        QSettings().remove(LANGUAGE_SETTING)
