"""PERCENT rules: one compiled pattern, one small named rule per alternative.

Each alternative of ``PATTERN`` is a named group; the rule of the same name turns its match
into a ``Candidate`` (or nothing). The rule name is recorded on the candidate
(``percent.number+%``, ``percent.成`` …), so an error points to the rule that made it.

Where the rule for 近三成 lives: ``_cheng`` (the span 三成) and ``extract.qualifier.leading``
(近 → under).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Callable, Iterable, Iterator

import re

from extract.base import Candidate, Context
from extract.numeral import NumeralError
from extract.numeral.variants import simplified
from extract.percent import normalize as nz
from extract.qualifier import after_mark, leading
from extract.percent.lexicon import (
    BASIS_POINTS,
    ADVERB_AFTER_BACHENG,
    CHENG,
    CHENG_BLOCKED_AFTER,
    CHENG_BLOCKED_BEFORE,
    CHENG_NEW_WORDS,
    CHENG_TAIL_BLOCKED,
    CN_DIGIT,
    CN_NUMBER,
    CN_SIGN,
    DENOMINATOR,
    HALF,
    HALF_BLOCKED_BEFORE,
    HALF_END,
    HALF_OVER_WORDS,
    LIST_JOINERS,
    NUMBER,
    NUMBER_START,
    PERCENT_SIGNS,
    SEP,
    SIGN,
    SLASH_CUE_AFTER,
    SLASH_CUE_BEFORE,
    SLASH_LIST_GAP,
    SLASH_LIST_JOINERS,
    SLASH_MAX_DENOMINATOR,
    SLASH_NOT_AFTER,
    SLASH_NOT_NEAR,
    TRAILING,
)
from schemas.records import PercentUnit, PercentValue, Qualifier

LABEL = "PERCENT"
_CN_RUN = f"{CN_NUMBER}{{1,10}}"
_NOT_AFTER_CN = f"(?<!{CN_NUMBER})"
_CN_DIGITS = CN_DIGIT[1:-1]

# 14.3%, −3.2%, 十三%, 95%以上, 5%—8%, 5-8%, 3‰.
_PCT = (
    rf"(?P<pct>{NUMBER_START}(?P<pct_sign>{SIGN}|{CN_SIGN})?(?:(?P<pct_lo>{NUMBER})|{_NOT_AFTER_CN}(?P<pct_lo_cn>[{_CN_DIGITS}十拾]{CN_NUMBER}{{0,7}}))"
    rf"(?:(?P<pct_lo_mark>[%‰])?{SEP}(?P<pct_hi>{NUMBER})(?=[%‰]))?"
    rf"(?P<pct_mark>[%‰])(?![0-9A-Fa-f]{{2}})(?P<pct_trail>{TRAILING})?)"
)
# 2.5个百分点, 两个百分点, 1到2个百分点, 1个多百分点, 0.5百分点.
_PP = (
    rf"(?P<pp>(?P<pp_sign>{CN_SIGN})?(?:{NUMBER_START}(?P<pp_lo>{NUMBER})|{_NOT_AFTER_CN}(?P<pp_lo_cn>{CN_NUMBER}{{1,8}}几?))"
    rf"(?:个?{SEP}(?P<pp_hi>{NUMBER}|{CN_NUMBER}{{1,8}}))?"
    rf"个?(?P<pp_more>多)?百分点(?P<pp_trail>{TRAILING})?)"
)
# 百分之十五, 百分之负三点八, 千分之三, 三分之一, 百分之五到八, 百分之五至百分之八.
_FRAC = (
    rf"(?P<frac>(?<![{_CN_DIGITS}十百千万零〇\d])(?P<fr_pre>{CN_SIGN})?(?P<fr_den>{DENOMINATOR})分之(?P<fr_sign>{CN_SIGN})?"
    rf"(?P<fr_lo>{_CN_RUN}几?|{NUMBER})"
    rf"(?:{SEP}(?:(?P=fr_den)分之)?(?P<fr_hi>{_CN_RUN}|{NUMBER}))?(?P<fr_trail>{TRAILING})?)"
)
# 三成, 三成半, 九成五, 3.5成, 三到五成, 七八成, 两成多, 九成以上.
_CHENG = (
    rf"(?P<cheng>(?<![{CHENG_BLOCKED_BEFORE}{_CN_DIGITS}十0-9A-Za-z_.点點负負−])"
    rf"(?P<ch_lo>[{_CN_DIGITS}十]{{1,2}}(?:[点點][{_CN_DIGITS}零])?|{NUMBER})(?:{SEP}(?P<ch_hi>[{_CN_DIGITS}十]{{1,2}}|{NUMBER}))?"
    rf"成(?![{CHENG_BLOCKED_AFTER}])(?P<ch_tail>半|[二三四五六七八九](?![{CHENG_TAIL_BLOCKED}]))?"
    rf"(?P<ch_more>[多余])?(?P<ch_trail>{TRAILING})?)"
)
# 一半, 一半以上 (not 另一半, 一大半).
_HALF = rf"(?P<half>(?<![{HALF_BLOCKED_BEFORE}])一半(?!一半|儿)(?P<hf_trail>{TRAILING})?)"
# 半数, 过半数 (span 半数), 半数以上.
_HALF_COUNT = rf"(?P<half_count>(?<![一大多])半数(?P<hc_trail>{TRAILING})?)"
# 过半, 超半 → span 半, qualifier over; not 再过半个月, 超过半年.
_HALF_OVER = rf"(?P<half_over>(?<=[{HALF_OVER_WORDS}])半(?={HALF_END}))"
# 1/3, 2/3 as shares (the cue is checked by the rule).
_SLASH = (
    r"(?P<slash>(?<![0-9A-Za-z_./:\-])(?P<sl_num>\d{1,3})/(?P<sl_den>\d{1,3})(?![0-9A-Za-z_./:%])"
    rf"(?P<sl_trail>{TRAILING})?)"
)

# Every match starts with a digit, a sign, a Chinese numeral or 半: a leading lookahead lets the
# engine reject all other positions at once. Stdlib ``re`` runs this pattern about twice as
# fast as ``regex`` (measured on the seed page; every lookbehind here is one character wide).
_FIRST = rf"(?=[0-9+−\-{CN_NUMBER[1:-1]}负負百千万半])"
# An item of a list before one 个百分点: the 15 of 分别提高15、22个百分点 (matched to the left).
LIST_ITEM = re.compile(rf"{NUMBER_START}(?P<item>{NUMBER})个?(?:{'|'.join(LIST_JOINERS)})\Z")
LIST_MAX_ITEMS = 6

PATTERN = re.compile(_FIRST + "(?:" + "|".join([_PCT, _PP, _FRAC, _CHENG, _HALF, _HALF_COUNT, _HALF_OVER, _SLASH]) + ")")


def _candidate(text: str, start: int, end: int, value: PercentValue, rule: str, priority: int = 0) -> Candidate:
    return Candidate(start, end, LABEL, value, rule, priority)


# --- rules ---------------------------------------------------------------------------------

def _word_before_cn(text: str, at: int, run: str) -> bool:
    """Is the Chinese numeral before % part of a word — an ordinal (第十三%) or one digit glued
    to a character (统一%, 唯一%)?"""
    before = text[at - 1] if at else ""
    return before == "第" or (len(run) == 1 and "\u4e00" <= before <= "\u9fff")


def _pct(m: re.Match, text: str, state: dict) -> Iterator[Candidate]:
    """percent.number+% — 14.3%, −3.2%, 十三%, 95%以上; percent.range+% — 5%—8%, 5-8%."""
    scale = PERCENT_SIGNS[m["pct_mark"]]
    lo_mark = m["pct_lo_mark"]
    if lo_mark and lo_mark != m["pct_mark"]:
        raise NumeralError("mixed % and ‰")
    cn = m["pct_lo_cn"]
    if cn and not m["pct_sign"] and _word_before_cn(text, m.start("pct_lo_cn"), cn):
        return
    lo, lo_inside = nz.number(m["pct_lo"] or cn)  # 14.3%, 十三%
    lo = nz.signed(lo, m["pct_sign"]) / scale
    start = m.start("pct")
    trail = m["pct_trail"]
    q = nz.qualifier(leading(text, start)[0], lo_inside, trail)
    if m["pct_hi"] is None:
        yield _candidate(text, start, m.end("pct"), nz.value(lo, qualifier=q), "percent.number+%")
        return
    hi = nz.number(m["pct_hi"])[0] / scale
    if hi > lo:
        yield _candidate(text, start, m.end("pct"), nz.value(lo, hi, qualifier=q), "percent.range+%")
        return
    # Not a range (2024-5%, 15%至10%): each side on its own, if it has its own % sign.
    if lo_mark:
        q_lo = nz.qualifier(leading(text, start)[0], lo_inside, None)
        lo_end = m.end("pct_lo") if m["pct_lo"] else m.end("pct_lo_cn")
        yield _candidate(text, start, lo_end + 1, nz.value(lo, qualifier=q_lo), "percent.number+%")
    hi_start = m.start("pct_hi")
    yield _candidate(text, hi_start, m.end("pct"),
                     nz.value(hi, qualifier=nz.qualifier(None, None, trail)), "percent.number+%")


def _pp(m: re.Match, text: str, state: dict) -> Iterator[Candidate]:
    """percent.百分点 — 2.5个百分点, 两个百分点, 1到2个百分点 (unit pp)."""
    raw = m["pp_lo"] or m["pp_lo_cn"]
    start = m.start("pp")
    hundred = PERCENT_SIGNS["%"]
    adjacent = nz.adjacent_digits(raw)
    if adjacent and m["pp_hi"] is None:  # 一两个百分点, 十五六个百分点
        if m["pp_sign"]:
            return  # 负一两个百分点: which end is negative is unread
        lo, hi = (x / hundred for x in adjacent)
        yield _candidate(text, start, m.end("pp"),
                         nz.value(lo, hi, qualifier=nz.qualifier(None, "approx", m["pp_trail"]), unit=PercentUnit.pp),
                         "percent.百分点")
        return
    lo, inside = nz.number(raw)
    hi = nz.number(m["pp_hi"])[0] / hundred if m["pp_hi"] else None
    if m["pp_sign"]:
        if hi is not None:
            return  # 负1到2个百分点: which end is negative is unread
        lo = -lo
    q = nz.qualifier(leading(text, start)[0], inside or m["pp_more"], m["pp_trail"])
    yield _candidate(text, start, m.end("pp"), nz.value(lo / hundred, hi, qualifier=q, unit=PercentUnit.pp),
                     "percent.百分点")
    if m["pp_lo"] and hi is None:
        yield from _pp_list(text, start)


def _pp_list(text: str, end: int) -> Iterator[Candidate]:
    """percent.百分点-list — the earlier items of 分别提高15、22个百分点 (15 → 0.15 pp)."""
    for _ in range(LIST_MAX_ITEMS):
        item = LIST_ITEM.search(text, max(0, end - 40), end)
        if item is None:
            return
        lo, inside = nz.number(item["item"])
        start = item.start("item")
        q = nz.qualifier(leading(text, start)[0], inside, None)
        yield _candidate(text, start, item.end() - 1, nz.value(lo / 100, qualifier=q, unit=PercentUnit.pp),
                         "percent.百分点-list")
        end = start


_NOT_AFTER_YI = frozenset("般样致些定直起切同律体道再旦向贯概味")


def _frac(m: re.Match, text: str, state: dict) -> Iterator[Candidate]:
    """percent.百分之 — 百分之十五, 千分之三; percent.分之 — 三分之一, 四分之一."""
    den_text = m["fr_den"]
    den = nz.denominator(den_text)
    lo_text = m["fr_lo"]
    end = m.end("frac")
    if lo_text.endswith("一") and end < len(text) and text[end] in _NOT_AFTER_YI and m["fr_hi"] is None:
        return  # 十分之一般 (= 十分 "very" + 一般)
    if m["fr_pre"] and m["fr_sign"]:
        return  # 负百分之负五: no reading
    adjacent = nz.adjacent_digits(lo_text) if m["fr_hi"] is None else None
    if adjacent:  # 百分之十五六, 百分之二三十: an approximate range
        if m["fr_pre"] or m["fr_sign"]:
            return  # 负百分之十五六: which end is negative is unread
        (lo, hi), inside = (x / den for x in adjacent), "approx"
    else:
        lo, inside = nz.number(lo_text)
        lo = nz.signed(lo, m["fr_sign"] or m["fr_pre"]) / den
        hi = nz.number(m["fr_hi"])[0] / den if m["fr_hi"] else None
    if hi is not None and (m["fr_pre"] or m["fr_sign"]):
        return  # 负百分之五到十: which end is negative is unread (never +5%–10%)
    start = m.start("frac")
    q = nz.qualifier(leading(text, start)[0], inside, m["fr_trail"])
    rule = "percent.百分之" if den_text in "百千万" else "percent.分之"
    yield _candidate(text, start, end, nz.value(lo, hi, qualifier=q), rule)


def _after_cheng(m: re.Match, text: str) -> str:
    """The three characters right after 成."""
    i = (m.end("ch_hi") if m["ch_hi"] else m.end("ch_lo")) + 1
    return text[i : i + 3]


def _not_a_share(m: re.Match, text: str) -> bool:
    """成 in a word that is no share: 他八成是… (probably), 一成不变, 其中一成员, 八成新."""
    lo_text, hi_text = m["ch_lo"], m["ch_hi"]
    end = m.end("cheng")
    if lo_text in ("八", "8") and hi_text is None and not m["ch_tail"] and end < len(text) \
            and text[end] in ADVERB_AFTER_BACHENG:
        return True  # 他八成是… (the adverb "probably")
    after_cheng = _after_cheng(m, text)
    if lo_text == "一" and hi_text is None and after_cheng.startswith(("不变", "员")) and not after_cheng.startswith("员工"):
        return True  # 一成不变 (an idiom), 其中一成员 (a member)
    return after_cheng.startswith("新") and not after_cheng.startswith(CHENG_NEW_WORDS)  # 八成新 (used goods)


def _cheng_bounds(m: re.Match) -> tuple[Decimal, Decimal | None, str | None] | None:
    """(low, high, inside qualifier) of 三成, 七八成, 三到五成, 三成半, 九成五; None: no reading."""
    lo_text, hi_text = m["ch_lo"], m["ch_hi"]
    inside = m["ch_more"]
    adjacent = nz.adjacent_digits(lo_text) if hi_text is None else None
    if adjacent:
        lo, hi = (x / CHENG for x in adjacent)
        inside = inside or "approx"
    else:
        lo = nz.number(lo_text)[0] / CHENG
        hi = nz.number(hi_text)[0] / CHENG if hi_text else None
    tail = m["ch_tail"]
    if tail:
        if hi is not None:
            return None  # 三到五成半: no reading
        lo += HALF / CHENG if tail == "半" else nz.number(tail)[0] / (CHENG * CHENG)
    if lo > 1 or (hi is not None and hi > 1):
        return None  # 15成 is no share
    return lo, hi, inside


def _cheng(m: re.Match, text: str, state: dict) -> Iterator[Candidate]:
    """percent.成 — 三成, 三成半, 九成五, 近三成 (span 三成), 七八成, 三到五成."""
    if _not_a_share(m, text):
        return
    bounds = _cheng_bounds(m)
    if bounds is None:
        return
    lo, hi, inside = bounds
    start, end = m.start("cheng"), m.end("cheng")
    q = nz.qualifier(leading(text, start)[0], inside, m["ch_trail"])
    yield _candidate(text, start, end, nz.value(lo, hi, qualifier=q), "percent.成")


def _half(m: re.Match, text: str, state: dict) -> Iterator[Candidate]:
    """percent.一半 — 一半, 近一半, 一半以上 (not 另一半)."""
    start = m.start("half")
    q = nz.qualifier(leading(text, start)[0], None, m["hf_trail"])
    yield _candidate(text, start, m.end("half"), nz.value(HALF, qualifier=q), "percent.一半")


def _half_count(m: re.Match, text: str, state: dict) -> Iterator[Candidate]:
    """percent.半数 — 半数, 过半数 (span 半数, over), 半数以上."""
    start = m.start("half_count")
    q = nz.qualifier(leading(text, start)[0], None, m["hc_trail"])
    yield _candidate(text, start, m.end("half_count"), nz.value(HALF, qualifier=q), "percent.半数")


def _half_over(m: re.Match, text: str, state: dict) -> Iterator[Candidate]:
    """percent.过半 — 过半 / 超半: span 半, value 0.5, qualifier over (过 stays outside)."""
    start = m.start("half_over")
    q = nz.qualifier(leading(text, start)[0] or "over", None, None)
    yield _candidate(text, start, m.end("half_over"), nz.value(HALF, qualifier=q), "percent.过半")


def _slash(m: re.Match, text: str, state: dict) -> Iterator[Candidate]:
    """percent.slash-share — 1/3, 2/3 where the text states a share (集聚全国1/3高新技术企业)."""
    num, den = int(m["sl_num"]), int(m["sl_den"])
    if not 0 < num < den <= SLASH_MAX_DENOMINATOR:
        return
    start, end = m.start("slash"), m.end("slash")
    before = text[start - 1] if start else ""
    after = text[m.end("sl_den") : m.end("sl_den") + 2]
    if (after and after[0] in SLASH_NOT_AFTER) or any(w in text[max(0, start - 6) : start] for w in SLASH_NOT_NEAR):
        return  # 1/2日, 第3/5页, 比分为3/5
    cued = (before != "" and before in SLASH_CUE_BEFORE) or bool(m["sl_trail"]) or after.startswith(SLASH_CUE_AFTER)
    if not cued and before and before in SLASH_LIST_JOINERS:
        cued = state.get("slash_end", -10**9) >= start - SLASH_LIST_GAP  # …1/3高新技术企业、2/3…
    if not cued:
        return
    state["slash_end"] = end
    q = nz.qualifier(leading(text, start)[0], None, m["sl_trail"])
    yield _candidate(text, start, end, nz.value(Decimal(num) / Decimal(den), qualifier=q), "percent.slash-share")


RULES: dict[str, Callable[[re.Match, str, dict], Iterable[Candidate]]] = {
    "pct": _pct, "pp": _pp, "frac": _frac, "cheng": _cheng, "half": _half,
    "half_count": _half_count, "half_over": _half_over, "slash": _slash,
}


_BASIS_POINTS = re.compile(BASIS_POINTS)


def _basis_points(text: str) -> Iterator[Candidate]:
    """percent.基点 — 25个基点 → 0.0025 pp; an explicit sign stays in the span and the value."""
    for m in _BASIS_POINTS.finditer(text):
        raw = m["bp"].replace("−", "-")
        q = nz.qualifier(leading(text, m.start())[0], None, None)
        yield _candidate(text, m.start(), m.end(), nz.value(Decimal(raw) / 10000, qualifier=q, unit=PercentUnit.pp),
                         "percent.基点")


def _after_marks(text: str, c: Candidate) -> Candidate:
    """A mark right after the span adjusts the qualifier (超过30%（含） → at_least)."""
    new = after_mark(text, c.end, c.value.qualifier.value)
    if new == c.value.qualifier.value:
        return c
    value = c.value.model_copy(update={"qualifier": Qualifier(new)})
    return Candidate(c.start, c.end, c.label, value, c.rule, c.priority)


# Every match holds one of these signs; a match starts at most _BEFORE characters before its
# sign and ends at most _AFTER after it. Scanning only the windows around signs gives the same
# matches as a full scan (lookbehinds still see the text before a window) at a fraction of it.
_SIGN = re.compile(r"[%‰成半/]|分之|百分点")
_BEFORE, _AFTER = 48, 16


def _scan(text: str) -> Iterator[re.Match]:
    lo = hi = -1
    windows = []
    for a in _SIGN.finditer(text):
        s, e = max(0, a.start() - _BEFORE), min(len(text), a.end() + _AFTER)
        if s <= hi:
            hi = max(hi, e)
        else:
            if hi >= 0:
                windows.append((lo, hi))
            lo, hi = s, e
    if hi >= 0:
        windows.append((lo, hi))
    last_end = 0
    for lo, hi in windows:
        for m in PATTERN.finditer(text, max(lo, last_end), hi):
            last_end = m.end()
            yield m


_MINUS = frozenset("-−－")
_SIGNED_ALREADY = frozenset("-−－+负負")


def _signed(text: str, c: Candidate) -> Candidate | None:
    """A minus right before a span that has no sign of its own is read, never dropped:
    增长率为-百分之五 → −5% (span with the sign), 降幅-三成 → −0.3; a signed range is unread (None).
    After a digit, a letter or % the dash is a range dash or a code, left to the rules (5%-8%)."""
    s = c.start
    if s == 0 or text[s - 1] not in _MINUS or text[s] in _SIGNED_ALREADY:
        return c
    before = text[s - 2 : s - 1]
    if before and (before.isdigit() or (before.isascii() and before.isalpha()) or before in "%‰."):
        return c
    if c.value.low is not None:
        return None
    value = c.value.model_copy(update={"value": -c.value.value})
    return Candidate(s - 1, c.end, c.label, value, c.rule + "+sign", c.priority)


class PercentExtractor:
    label = LABEL

    def find(self, text: str, context: Context) -> Iterator[Candidate]:
        text = simplified(text)  # 12.56個百分點: matched in simplified form, offsets unchanged
        state: dict = {}
        for m in _scan(text):
            try:
                for c in RULES[m.lastgroup](m, text, state):
                    signed = _signed(text, c)
                    if signed is not None:
                        yield _after_marks(text, signed)
            except ValueError:  # NumeralError, or a value the model rejects
                continue  # the pieces are not a percentage after all
        if "基点" in text or "bp" in text:
            yield from _basis_points(text)
