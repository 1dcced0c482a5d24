"""Traditional characters read for matching only: a same-length simplified view of a text.

Hong Kong and Taiwan sources write 12.56個百分點, 負百分之三, 兩成; the rules are written in
simplified characters. ``simplified(text)`` maps each character through OpenCC (``t2s``) and
keeps a character whose mapping is not one character, so every offset of the view is an offset
of the text: spans found in the view are cut from the original text, values read from the view.
The conversion runs only when the text holds one of the traditional characters a rule reads.
"""

from __future__ import annotations

import re
from functools import lru_cache

# Traditional characters that change a reading (numerals, 个/点, signs, units, range words).
TRADITIONAL_HINT = re.compile("[個點負萬億兩參陸貳叄拾佰仟圓幣臺週來約餘幾數為與計達]")


@lru_cache(maxsize=1)
def _converter():
    import opencc

    return opencc.OpenCC("t2s")


@lru_cache(maxsize=65536)
def _char(ch: str) -> str:
    out = _converter().convert(ch)
    return out if len(out) == 1 else ch


def simplified(text: str) -> str:
    """``text`` with traditional characters mapped to simplified, same length (see module doc)."""
    return _same_length(text) if TRADITIONAL_HINT.search(text) else text


def same_length_simplified(text: str) -> str:
    """OpenCC t2s of ``text`` with its length kept, always (no trigger): for short windows such as
    the qualifier word before a mention (extract.qualifier.leading)."""
    return _same_length(text)


def _same_length(text: str) -> str:
    """OpenCC t2s of ``text``; character by character where a phrase changes the length."""
    whole = _converter().convert(text)
    if len(whole) == len(text):
        return whole
    return "".join(_char(ch) if ord(ch) > 0x2E7F else ch for ch in text)


# Characters that only traditional writing uses, among the commonest in news about zones (區 國
# 開 發 經 濟 …): one of them is enough to read the whole text through the simplified view.
TRADITIONAL_TEXT = re.compile(
    "[區國開發經濟產業園與為個們時會來對這說學實現營營務場處進長門問間題無點東車書買賣動員當義關係"
    "範號頭總體從優億萬聯審廠倉價資費貿額規劃廣際樣質電網絡級區縣鄉鎮線圖標準積極氣構術計劃認證協調"
    "創設辦設備環舉譜項單續歲勞稅險轉傳層讓專歷屆]")


def simplified_view(text: str) -> str:
    """``text`` read in simplified characters, same length, whenever it is written in traditional
    ones (Hong Kong and Taiwan pages: 國家高新區, 營業收入): for rules that match words (park
    names, indicators). Unlike :func:`simplified` it is not limited to numeral characters."""
    return _same_length(text) if TRADITIONAL_TEXT.search(text) else text
