"""Clean up text on import: Chinese punctuation, stray spaces, split paragraphs.

Half-width marks next to Chinese characters become their full-width forms
(the sample text has ``,`` and ``(`` where ``，`` and ``（`` belong), spaces
between two Chinese characters are removed except in name lists, and a
paragraph that the source split in the middle of a sentence is joined again.
"""

from __future__ import annotations

import re

_HAN = r"\u3400-\u9fff\uf900-\ufaff"
_CJK_CONTEXT = rf"[{_HAN}\u3000-\u303f\uff00-\uffef“”‘’]"
FULL_WIDTH = {",": "，", "(": "（", ")": "）", ":": "：", ";": "；", "?": "？", "!": "！"}
SENTENCE_END = "。！？…"
CLOSERS = "”’）」』》"

_HALF_AFTER_CJK = re.compile(rf"(?<={_CJK_CONTEXT})([,():;?!])")
_HALF_BEFORE_CJK = re.compile(rf"([,():;?!])(?={_CJK_CONTEXT})")


def full_width_punctuation(text: str) -> str:
    """Half-width , ( ) : ; ? ! touching a Chinese character become full width."""
    text = _HALF_AFTER_CJK.sub(lambda m: FULL_WIDTH[m.group(1)], text)
    return _HALF_BEFORE_CJK.sub(lambda m: FULL_WIDTH[m.group(1)], text)


def ends_sentence(text: str) -> bool:
    """True when the text ends a sentence (。！？… possibly inside closing marks)."""
    stripped = text.rstrip().rstrip(CLOSERS)
    return bool(stripped) and stripped[-1] in SENTENCE_END


def join_split_paragraphs(paragraphs: list[str]) -> list[str]:
    """Join a paragraph that stops mid-sentence with the one after it (国 / 务院)."""
    joined: list[str] = []
    for paragraph in paragraphs:
        if joined and not ends_sentence(joined[-1]) and len(joined[-1]) > 40:
            joined[-1] += paragraph
        else:
            joined.append(paragraph)
    return joined


def clean_line(text: str) -> str:
    """One line cleaned: trimmed, full-width punctuation, ideographic spaces kept."""
    text = text.strip().replace("\u00a0", " ")
    return full_width_punctuation(re.sub(r"[ \t]+", " ", text))
