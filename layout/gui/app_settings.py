"""The editor's settings kept between runs (QSettings) that more than one module reads."""

from __future__ import annotations

import os

from PySide6.QtCore import QLocale, QSettings

LANGUAGE_SETTING = "language"  # "system" (the default), "zh_CN" or "en": View ▸ Language


def chosen_language() -> str:
    """The interface language: LAYOUT_LANG, else the one chosen in View ▸ Language, else the
    system's (a Chinese system gets the Chinese interface, any other English)."""
    chosen = os.environ.get("LAYOUT_LANG") or str(QSettings().value(LANGUAGE_SETTING, "system"))
    if chosen == "system":
        return "zh_CN" if QLocale.system().name().startswith("zh") else "en"
    return chosen
