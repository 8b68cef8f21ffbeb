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


# A numbered item of a list or an outline: 一、 （一） 1. 1、 （1） ① 第一，
_NUMERAL = "[一二三四五六七八九十百零〇]+"
LIST_ITEM = re.compile(rf"^\s*(?:{_NUMERAL}、|[（(]{_NUMERAL}[）)]|\d{{1,3}}[.．、](?!\d)"
                       r"|[（(]\d{1,3}[）)]|[\u2460-\u2473\u2776-\u277f]|第[一二三四五六七八九十百]+[，,、：:])")


def is_list_item(text: str) -> bool:
    """A numbered item (一、 （一） 1. （1） ① 第一，): a paragraph or a subhead of its article."""
    return LIST_ITEM.match(text) is not None


def introduces(text: str) -> bool:
    """A paragraph that ends with a colon (如下： 征文要求：): what follows is its own paragraph."""
    return text.rstrip().endswith(("：", ":"))


def join_split_paragraphs(paragraphs: list[str]) -> list[str]:
    """Join a paragraph that stops mid-sentence with the one after it (国 / 务院); never one
    that introduces what follows (如下：) nor a numbered item to the one before."""
    joined: list[str] = []
    for paragraph in paragraphs:
        if (joined and not ends_sentence(joined[-1]) and len(joined[-1]) > 40 and not introduces(joined[-1])
                and not is_list_item(paragraph)):
            joined[-1] += paragraph
        else:
            joined.append(paragraph)
    return joined


HOUSE_QUOTES = {"curly": ("“”", "‘’"), "corner": ("「」", "『』")}
_APOSTROPHE = re.compile(r"(?<=[A-Za-z])'(?=[A-Za-z])")


def house_quotes(text: str, style: str = "curly") -> str:
    """Straight quotes as the house style has them: “ ” ‘ ’ (curly) or 「 」 『 』 (corner),
    opening and closing in turn; an apostrophe inside a Latin word stays."""
    double, single = HOUSE_QUOTES[style]
    out, open_double, open_single = [], False, False
    text = _APOSTROPHE.sub("\u2019", text)
    for ch in text:
        if ch == '"':
            out.append(double[1] if open_double else double[0])
            open_double = not open_double
        elif ch == "'":
            out.append(single[1] if open_single else single[0])
            open_single = not open_single
        else:
            out.append(ch)
    return "".join(out)


def drop_stray_spaces(text: str) -> str:
    """Spaces between two Chinese characters or marks go (name lists keep theirs: 记者 赵紫楠)."""
    return re.sub(rf"(?<={_CJK_CONTEXT}) (?={_CJK_CONTEXT})", _keep_name_space, text)


def _keep_name_space(match: re.Match[str]) -> str:
    before = match.string[max(0, match.start() - 3):match.start()]
    return " " if re.search(r"记者|通讯员|摄影|编辑|发布|第\d*", before) or before.endswith("期") else ""


def clean_line(text: str, quotes: str = "curly") -> str:
    """One line cleaned: trimmed, full-width punctuation, house quotes, no stray spaces."""
    text = text.strip().replace("\u00a0", " ")
    return house_quotes(full_width_punctuation(re.sub(r"[ \t]+", " ", text)), quotes)


def clean_paragraphs(text: str, quotes: str = "curly") -> list[str]:
    """Pasted text (from Word or a web page) as clean paragraphs: each line cleaned, empty
    lines dropped, paragraphs that stop mid-sentence joined with the next."""
    lines = [clean_line(line, quotes) for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    return join_split_paragraphs([drop_stray_spaces(line) for line in lines if line])
