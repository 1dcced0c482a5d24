"""The qualifier table that MONEY and PERCENT share (ANNOTATION.md: "The same table serves
PERCENT"), with the project's additions from corpus/GUIDELINE.md.

Leading words stay outside the span; trailing words are inside it and decide over a leading
one (超过10亿元以上 → at_least). Marks right after the span adjust the qualifier.

This module is the one owner of the tables *and* of the regex fragments built from them
(``TRAILING_PATTERN``, ``INCLUSIVE_MARK``) and of the functions that read them (``leading``,
``trailing``, ``after_mark``): MONEY and PERCENT import these, never a copy (issue 15: MONEY had
its own trailing regex with （含）, PERCENT one without it, so 3亿元（含）以上 was at_least and
30%（含）以上 exact).
"""

from __future__ import annotations

LEADING: dict[str, str] = {
    # exact
    "达": "exact", "达到": "exact", "高达": "exact", "多达": "exact", "为": "exact", "共计": "exact",
    # over
    "超": "over", "超过": "over", "逾": "over", "突破": "over", "破": "over", "过": "over",
    "超出": "over", "高于": "over", "大于": "over",
    # under
    "近": "under", "接近": "under", "将近": "under", "不足": "under", "不到": "under",
    "低于": "under", "小于": "under", "跌破": "under", "逼近": "under",
    # approx
    "约": "approx", "约合": "approx", "大约": "approx", "约为": "approx", "约占": "approx", "大概": "approx",
    # at_least / at_most
    "至少": "at_least", "起码": "at_least", "起碼": "at_least", "至少为": "at_least", "至少是": "at_least", "不少于": "at_least", "不低于": "at_least",
    "不小于": "at_least", "低至": "at_least",
    "最多": "at_most", "至多": "at_most", "不超过": "at_most", "不超": "at_most", "未超过": "at_most",
    "不高于": "at_most", "不大于": "at_most", "封顶": "at_most",
    # symbols, also as Markdown escapes in tables (\>90%, \~$2,050)
    ">": "over", "\\>": "over", "＞": "over", "≥": "at_least", "<": "under", "\\<": "under", "≤": "at_most",
    "~": "approx", "\\~": "approx", "～": "approx", "≈": "approx",
}
# Words that end in a qualifier character but are none (通过3亿元 is not "over 3亿元").
NOT_QUALIFIERS = frozenset({
    "最近", "附近", "不过", "通过", "经过", "越过", "度过", "超过过", "难过", "只不过", "跨过", "错过",
    "节约", "制约", "签约", "合约", "条约", "预约", "违约", "履约", "特约", "契约", "简约", "邀约",
    "认为", "成为", "作为", "行为", "因为", "称为", "视为", "列为", "评为", "以为", "更为", "较为",
    "到达", "抵达", "传达", "下达", "表达", "直达", "发达", "送达", "通达",
    "打破", "击破", "攻破",
})
LEADING_MAX = max(map(len, [*LEADING, *NOT_QUALIFIERS]))

TRAILING: dict[str, str] = {
    "以上": "at_least", "以下": "at_most", "以内": "at_most", "以內": "at_most", "左右": "approx", "上下": "approx",
}
# （含） / (含) "inclusive": before a bound word it stays in the span (3亿元（含）以上, 30%（含）以上);
# between the two ends of a range it is part of the separator (1万(含)-5万元).
INCLUSIVE_MARK = r"[(（]含[)）]"
_BOUNDS = [w for w, q in TRAILING.items() if q in ("at_least", "at_most")]
_LOOSE = [w for w in TRAILING if w not in _BOUNDS]
# The trailing words as one regex fragment (no groups): （含）以上, 以下, 以内, 左右, 上下.
TRAILING_PATTERN = (
    f"(?:(?:{INCLUSIVE_MARK})?(?:{'|'.join(_BOUNDS)})" + "".join(f"|{w}" for w in _LOOSE) + ")"
)

# Marks right after a span (outside it): 超过30%（含） is at least 30%; 向29%-30%逼近 approaches
# from below; 站稳$4,000上方 is above it.
AFTER_MARKS: dict[str, dict[str, str]] = {
    "（含）": {"over": "at_least", "under": "at_most"},
    "(含)": {"over": "at_least", "under": "at_most"},
    "逼近": {"exact": "under"},
    "上方": {"exact": "over"},
}


def leading(text: str, start: int) -> tuple[str | None, int]:
    """The qualifier word that ends right before ``start`` (longest wins) and where it starts.
    Words in traditional characters are read through the same-length simplified view
    (約合, 超過, 不低於, 將近 are 约合, 超过, 不低于, 将近): a qualifier is never silently lost."""
    found = _leading(text, start)
    if found[0] is None and found[1] == start:
        window = text[max(0, start - LEADING_MAX) : start]
        if not window.isascii():
            from extract.numeral.variants import same_length_simplified  # lazy: numeral imports this module

            view = same_length_simplified(window)
            if view != window:
                q, at = _leading(view, len(view))
                return q, (start - len(view) + at) if q else start
    return found if found[1] >= 0 else (None, start)


def _leading(text: str, start: int) -> tuple[str | None, int]:
    """(qualifier, where it starts); (None, start) when there is none, (None, -1) when a word
    that is no qualifier (通过, 节约) ends there."""
    for n in range(min(LEADING_MAX, start), 0, -1):
        word = text[start - n : start]
        if word in NOT_QUALIFIERS:
            return None, -1
        if word in LEADING:
            return LEADING[word], start - n
    return None, start


def trailing(tail: str | None) -> str | None:
    """The qualifier of a trailing word matched by ``TRAILING_PATTERN`` (（含）以上 → at_least)."""
    if not tail:
        return None
    for word, q in TRAILING.items():
        if tail.endswith(word):
            return q
    return None


def after_mark(text: str, end: int, qualifier: str) -> str:
    """The qualifier as changed by a mark right after the span (or unchanged)."""
    for mark, change in AFTER_MARKS.items():
        if text.startswith(mark, end) or text.startswith(" " + mark, end):
            return change.get(qualifier, qualifier)
    return qualifier
