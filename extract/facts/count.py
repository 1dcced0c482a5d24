"""COUNT values for facts: a number read by the shared numeral parser and its measure word
(56家, 23个项目 → 23个, 1.2万家, 215户, 500余家, 5家以上).

COUNT is not a mention label (mention gold has none): the fact layer reads it over the original
text, between the mentions the extractors found. Every repetition is bounded; one pass.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

import regex

from extract.numeral.parse import NumeralError, parse_quantity
from extract.qualifier import LEADING, LEADING_MAX, NOT_QUALIFIERS

UNITS = "家个项件人户名座条次所台套支位款批处宗栋艘架种"
_FULL_CHARS = "０１２３４５６７８９．"
_FULL = str.maketrans(_FULL_CHARS, "0123456789.")
_CN = "零〇一二两三四五六七八九十百千万"
# A number: Arabic (1.2, 1,200, 3万) or Chinese with a unit (三十, 一百二十; a bare 一 is an article).
_NUMBER = (
    r"(?:\d{1,3}(?:,\d{3})+|\d{1,12})(?:\.\d{1,8})?[余多]?[万亿]?[余多]?"
    rf"|[{_CN}]{{0,8}}[十百千万][{_CN}]{{0,8}}[余多]?"
)
# The stdlib engine with a first-character lookahead scans this pattern ~1.6× faster than `regex`
# (the same matches: it uses no `regex`-only syntax).
_COUNT = re.compile(rf"(?=[\d{_CN}])(?:(?P<num>{_NUMBER})(?P<unit>人次|[{UNITS}])(?P<tail>以上|以下)?)")
# Measure words that are really part of another word: 个月, 个百分点, 个工作日, 项目 is fine.
_NOT_AFTER = {"个": ("月", "百分点", "工作日", "小时", "季度", "年"), "名": ("列", "单"), "次": ("数",),
              "条": ("例",), "种": ("类",), "批": ("次",), "人": ("民",), "位": ("于",), "支": ("持", "出", "撑")}
_BEFORE_BAD = regex.compile(r"(?:第|连续|前|近|每|逐|top|TOP)$")


@dataclass(frozen=True, slots=True)
class Count:
    start: int
    end: int
    amount: Decimal
    unit: str
    qualifier: str
    rule: str


def find_counts(text: str, taken: list[tuple[int, int]] | None = None) -> list[Count]:
    """Every COUNT of ``text`` that does not overlap ``taken`` (sorted mention spans)."""
    t = text.translate(_FULL) if any(c in text for c in _FULL_CHARS) else text  # translate is slow
    spans = sorted(taken or [])
    out: list[Count] = []
    k = 0
    for m in _COUNT.finditer(t):
        s, e = m.span()
        while k < len(spans) and spans[k][1] <= s:
            k += 1
        if (k < len(spans) and spans[k][0] < e) or not _is_count(t, m):
            continue
        count = _count(t, m)
        if count is not None:
            out.append(count)
    return out


def _is_count(t: str, m: re.Match) -> bool:
    """Is the match a number of its own and its measure word a word of its own? Not the tail of a
    longer number, not 个月/个百分点, not 第/前/连续/每 N (an ordinal, a top N, a run, a rate); 近 N is."""
    s = m.start()
    if s > 0 and (t[s - 1].isdigit() or t[s - 1] in ".," or t[s - 1] in _CN):
        return False
    unit = m["unit"]
    nxt = t[m.end("unit"): m.end("unit") + 3]
    if any(nxt.startswith(w) for w in _NOT_AFTER.get(unit, ())):
        return False
    before = t[max(0, s - 3): s]
    return not _BEFORE_BAD.search(before) or before.endswith("近")


def _count(t: str, m: re.Match) -> Count | None:
    """The Count of a match: its number parsed, its qualifier from the word before (约, 超过 …) or
    after (以上, 以下); None for a number that does not parse, a range or nothing (零家)."""
    try:
        q = parse_quantity(m["num"].replace(",", ""), "smart")
    except NumeralError:
        return None
    if q.value <= 0 or q.low is not None:
        return None
    qualifier = _leading(t, m.start()) or q.approx or "exact"
    if m["tail"]:
        qualifier = "at_least" if m["tail"] == "以上" else "at_most"
    amount = q.value.normalize()
    amount = amount.quantize(Decimal(1)) if amount == amount.to_integral() else amount
    return Count(m.start(), m.end(), amount, m["unit"], qualifier, "count.number+measure")


def _leading(t: str, s: int) -> str | None:
    """The qualifier word ending right before ``s`` (the shared table), longest first."""
    for n in range(min(LEADING_MAX, s), 0, -1):
        w = t[s - n: s]
        if w in NOT_QUALIFIERS:
            return None
        if w in LEADING:
            q = LEADING[w]
            return None if q == "exact" else q
    return None


def find_mentions(text: str, date=None) -> list[tuple[int, int, dict]]:
    """``(start, end, value)`` of every COUNT, for the examples runner."""
    return [(c.start, c.end, {"amount": format(c.amount, "f"), "unit": c.unit, "qualifier": c.qualifier})
            for c in find_counts(text)]
