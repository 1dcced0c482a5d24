"""MONEY rules: one compiled pattern anchored on a currency word, then small named readings.

Rules (the ``rule`` of each Candidate):
- ``money.number+currency``      3亿元, 1.2万美元, 200余万元, 3.14港幣, 人民币3亿元, 3亿元人民币
- ``money.number+yuan+jiao+fen`` 123元1角1分, 玖仟陆佰陆拾伍圆壹角捌分, 十块三毛
- ``money.bare-scale``           超万亿元 → 万亿元 (a scale word alone, only after a qualifier)
- ``money.range``                3亿—5亿元, 100万至200万元, 1万元--5万元, 十八至三十万日元
- ``money.vague-range``          二三十万元, 八九亿韩元 (adjacent digits: a range, approx)
- ``money.prefix+number``        人民币3.14, US$5, 港幣3.14 (a currency before, none after)

A leading qualifier word (约, 超过, 近 …) stays outside the span and sets the qualifier; a
trailing one (左右, 以上 …) is inside the span and decides. Not MONEY: figures with no currency
(GDP超过4万亿), size classes (千亿级, 百亿元级), 元 inside another word (3元素, 元宇宙).
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Iterator

import regex

from extract.base import Candidate, Context
from extract.qualifier import after_mark, trailing as trailing_qualifier
from extract.qualifier import leading as leading_qualifier
from schemas.records import Qualifier
from extract.money import lexicon as L
from extract.money.normalize import (
    MAX_AMOUNT,
    currency_of,
    is_single_cn_digit,
    money_value,
    plus,
    range_ends,
    read_quantity,
    sub_units,
)
from extract.numeral import NumeralError, Quantity
from extract.numeral.lexicon import CN_CHARS, DIGITS, RANGE_SEP, ZEROS

LABEL = "MONEY"

_AMOUNT = (
    f"(?:(?P<pre>{L.PREFIX_CURRENCY})[ \u00a0]?)?"
    f"(?P<q1>{L.QTY_RUN})"
    f"(?:(?P<c1>{L.SUFFIX_CURRENCY})?(?P<jf1>{L.KUAI_JIAO}|{L.SUB_UNIT_RUN})(?P<sep>{L.RANGE_SEP})"
    f"(?:(?P<pre2>{L.PREFIX_CURRENCY})[ \u00a0]?)?(?P<q2>{L.QTY_RUN}))?"
    f"(?P<cur>{L.SUFFIX_CURRENCY})"
    f"(?P<jf>{L.KUAI_JIAO}|{L.SUB_UNIT_RUN})"
    f"[钱錢]?"
    f"(?P<after>{L.AFTER_YUAN})?"
    f"(?P<tail>{L.TRAILING}|{L.CLOSER})?"
)
_PREFIX_ONLY = f"(?P<ppre>{L.PREFIX_CURRENCY})[ \u00a0]?(?P<pq>{L.QTY_RUN})"
MONEY_PATTERN = regex.compile(f"{_AMOUNT}|{_PREFIX_ONLY}")
# Every match holds a currency word: find those first with a plain literal alternation (the
# stdlib engine scans it at hundreds of M chars/s), then try the full pattern only from the
# start of the run of money characters that ends at the anchor.
ANCHOR = re.compile("|".join(map(re.escape, sorted(L.ANCHOR_WORDS, key=len, reverse=True))))
_BACK = L.BACK_CHARS
_BACK_LIMIT = 130  # the longest match (a range with prefixes) has fewer characters before its last currency
_AHEAD = 320  # a window reaches twice the longest match past its anchor
_HAN = regex.compile(r"\p{Han}")
_CN_NUMERAL = frozenset(CN_CHARS)
_ASCII_ALNUM = regex.compile(r"[0-9A-Za-z.]")


# money.jiao-fen — an amount of 角 / 分 alone, said with 钱: 五毛钱 → 0.5, 八分钱 → 0.08.
_JIAO_FEN = re.compile(rf"(?<![0-9{CN_CHARS}点點.])(?P<n>{L.SUB_DIGIT})(?P<u>[毛角分])[钱錢]")


def _jiao_fen(text: str) -> Iterator[Candidate]:
    for m in _JIAO_FEN.finditer(text):
        try:
            amount = sub_units(m.group("n") + m.group("u"))
        except NumeralError:
            continue
        if amount:
            leading, _ = leading_qualifier(text, m.start())
            yield Candidate(m.start(), m.end(), LABEL, money_value(Quantity(amount), currency="CNY", leading=leading,
                                                                   tail=None), "money.jiao-fen")


# money.jiao-alone — 角/毛 with nothing Chinese after: 两毛五 → 0.25, 两角五分 → 0.25, 2角, 5毛, 两毛.
_D = f"[0-9{''.join(k for k in DIGITS if k not in ZEROS)}]"
_JIAO_ALONE = re.compile(
    rf"(?<![{L.JIAO_ALONE_BEFORE_BLOCKED}])(?P<j>{_D})[毛角](?:(?P<f>{_D})分?)?(?![钱錢\u3400-\u9fff])"
)


def _digit(ch: str) -> Decimal:
    return Decimal(DIGITS[ch] if ch in DIGITS else int(ch))


def _jiao_alone(text: str) -> Iterator[Candidate]:
    for m in _JIAO_ALONE.finditer(text):
        j, f = m.group("j"), m.group("f")
        if f is None and not (j.isdigit() or j in "两兩"):
            continue  # 三毛 (a pen name), 八角 (a spice)
        amount = _digit(j) / 10 + (_digit(f) / 100 if f else 0)
        leading, _ = leading_qualifier(text, m.start())
        yield Candidate(m.start(), m.end(), LABEL, money_value(Quantity(amount), currency="CNY", leading=leading,
                                                               tail=None), "money.jiao-alone")


# money.hk-colloquial — Hong Kong spoken money: 七蚊 (HK$7), 三蚊零四 (3.04), 五蚊六毫至五蚊七毫八,
# 两毫 (0.2), 五仙 (0.05), 港幣三個一毫四 (3.14), 個九 (1.9). What may follow depends on the last
# character read (``_hk_end_ok``): no amount may go on unread.
_HK_N = rf"(?:[0-9]{{1,6}}(?:\.[0-9]{{1,2}})?|[{CN_CHARS}]{{1,8}})"
_HK_SUB = rf"(?:[{''.join(sorted(ZEROS))}]{_D}仙?|{_D}毫(?:{_D}仙?)?|{_D}|半)"
_HK_ONE = rf"(?:{_HK_N}?[{L.HK_DOLLAR_UNITS}]{_HK_SUB}?|{_D}毫(?:{_D}仙?)?|{_HK_N}仙)"
_HK = regex.compile(
    rf"(?P<pre>{'|'.join(map(regex.escape, L.HK_PREFIXES))})?(?<![0-9.{CN_CHARS}蚊個毫仙])(?P<a>{_HK_ONE})"
    rf"(?:{RANGE_SEP}(?P<b>{_HK_ONE}))?(?P<tail>{L.TRAILING})?"
)
_HAN_CHAR = regex.compile(r"\p{Han}")
_GOES_ON = frozenset("0123456789." + CN_CHARS + "蚊個毫仙")


def _hk_end_ok(text: str, m: regex.Match) -> bool:
    """Nothing after the amount may continue it: after 蚊 no numeral (七蚊一程 is unread) and no
    蚊子/蚊帐; after 毫/仙/半 or a bare digit after 蚊/個 (七蚊一, 個九) no Chinese character at all
    (两毫米, 五仙观, 七蚊一程); after 零四 or 七毫八 anything but a numeral (五蚊七毫八不等)."""
    nxt = text[m.end() : m.end() + 1]
    if not nxt or m.group("tail"):
        return nxt not in _GOES_ON
    if nxt in _GOES_ON:
        return False
    amount = m.group("b") or m.group("a")
    if amount[-1] == "蚊":
        return nxt not in L.HK_MOSQUITO_AFTER
    closed = len(amount) >= 2 and (amount[-2] == "毫" or amount[-2] in ZEROS)  # 七毫八, 零四
    return closed or _HAN_CHAR.match(nxt) is None


def _hk_sub(rest: str) -> Decimal:
    """What follows 蚊/個: 半 → 0.5, 零四 → 0.04, 六毫 → 0.6, 七毫八(仙) → 0.78, 五 → 0.5."""
    rest = rest.removesuffix("仙")
    if not rest:
        return Decimal(0)
    if rest == "半":
        return Decimal("0.5")
    if rest[0] in ZEROS:
        return _digit(rest[1]) / 100
    if len(rest) == 1:
        return _digit(rest) / 10
    return _digit(rest[0]) / 10 + (_digit(rest[2]) / 100 if len(rest) > 2 else 0)


def _hk_amount(s: str, prefixed: bool) -> Decimal:
    """One Hong Kong colloquial amount; NumeralError when it is none."""
    k = next((i for i, ch in enumerate(s) if ch in L.HK_DOLLAR_UNITS), -1)
    if k < 0:
        if "毫" in s:
            return _hk_sub(s)
        cents = read_quantity(s[:-1]).value  # N仙
        if s[:-1] in L.HK_CENT_BLOCKED or not 0 < cents < 100:
            raise NumeralError(f"not a cent amount: {s!r}")
        return cents / 100
    head, unit, rest = s[:k], s[k], s[k + 1 :]
    if unit == "個" and (not rest or (rest == "半" and not prefixed)):
        raise NumeralError(f"個 alone is a classifier: {s!r}")  # 五個, 一個半 (one and a half of anything)
    if not head and unit != "個":
        raise NumeralError(f"蚊 needs a number: {s!r}")
    dollars = read_quantity(head).value if head else Decimal(1)  # 個九 = 一個九
    return dollars + _hk_sub(rest)


def _hk_colloquial(text: str) -> Iterator[Candidate]:
    for m in _HK.finditer(text):
        if not _hk_end_ok(text, m):
            continue
        prefixed = m.group("pre") is not None
        start = m.start()
        if not prefixed and m.group("a")[0] == "個" and start > 0 and text[start - 1] in L.HK_GE_BLOCKED_BEFORE:
            continue  # 這個九: "this nine"
        try:
            low = _hk_amount(m.group("a"), prefixed)
            high = _hk_amount(m.group("b"), prefixed) if m.group("b") else None
        except NumeralError:
            continue
        if high is not None and high <= low:
            continue
        leading, _ = leading_qualifier(text, start)
        value = money_value(Quantity(low), currency=L.HK_CURRENCY, leading=leading, tail=m.group("tail"),
                            high=Quantity(high) if high is not None else None)
        yield Candidate(start, m.end(), LABEL, value, "money.hk-colloquial")


class MoneyExtractor:
    label = LABEL

    def find(self, text: str, context: Context) -> Iterator[Candidate]:
        if "钱" in text or "錢" in text:
            yield from _jiao_fen(text)
        if "毛" in text or "角" in text:
            yield from _jiao_alone(text)
        if any(ch in text for ch in "蚊毫仙個"):
            yield from _hk_colloquial(text)
        for m in _matches(text):
            found = _read_prefix_only(text, m) if m.group("ppre") is not None else _read_amount(text, m)
            if found is not None:
                found = _signed(text, found)
            if found is not None:
                found = _after_span(text, found)
                yield from _shared_currency_list(text, found)
                yield found


# A minus after a digit or a Chinese numeral is a range dash (3-5亿元), after a Latin letter part
# of a code; anywhere else (start, space, punctuation, any other Chinese character) a sign.
_DASH_AFTER = frozenset("0123456789.%‰" + CN_CHARS)


def _signed(text: str, c: Candidate) -> Candidate | None:
    """money.signed — an explicit minus before the amount is in the span: -18.40亿元 (a loss),
    净利润为-3亿元; it is never dropped: a signed range or a minus after a Latin letter (A-3亿元)
    gives nothing (None)."""
    s = c.start
    if s < 1 or text[s - 1] not in "-−－":
        return c
    before = text[s - 2] if s >= 2 else ""
    if before in _DASH_AFTER:
        return c
    if (before.isascii() and before.isalpha()) or c.value.low is not None:
        return None
    value = c.value.model_copy(update={"amount": -c.value.amount})
    return Candidate(s - 1, c.end, c.label, value, c.rule + "+sign", c.priority)


def _after_span(text: str, c: Candidate) -> Candidate:
    """A + right after the amount (¥15,000+) is in the span and means over; marks after the span
    (（含）, 逼近, 上方) adjust the qualifier (extract.qualifier)."""
    value, end = c.value, c.end
    if text.startswith("+", end) and not text[end + 1 : end + 2].isdigit():
        value, end = value.model_copy(update={"qualifier": Qualifier.over}), end + 1
    new = after_mark(text, end, value.qualifier.value)
    if new != value.qualifier.value:
        value = value.model_copy(update={"qualifier": Qualifier(new)})
    return c if (value is c.value and end == c.end) else Candidate(c.start, end, c.label, value, c.rule, c.priority)


_LIST_ITEM = regex.compile(rf"({L.QTY_CHAR}{{1,20}}?[万亿千百]{{1,2}})(、|与|和|及)$")


def _shared_currency_list(text: str, c: Candidate) -> Iterator[Candidate]:
    """money.shared-currency — amounts listed before the one that carries the currency share it
    (分别达1.28万亿、1.18万亿、8200亿元; 分别投入5亿与数亿元). Each listed amount needs a scale
    word (万/亿), so plain numbers in a list stay numbers. At most five items back."""
    if c.value.low is not None or not text[c.start : c.start + 1].strip():
        return
    end, found = c.start, []
    for _ in range(5):
        m = _LIST_ITEM.search(text, max(0, end - 24), end)
        if m is None:
            break
        try:
            q = read_quantity(m.group(1))
        except NumeralError:
            break
        start = m.start(1)
        leading, _ = leading_qualifier(text, start)
        found.append(Candidate(start, m.end(1), LABEL, money_value(q, currency=c.value.currency, leading=leading, tail=None),
                               "money.shared-currency"))
        end = start
    yield from reversed(found)


def _matches(text: str) -> Iterator[regex.Match]:
    """The matches of MONEY_PATTERN that a left-to-right scan would find, non-overlapping,
    tried only near currency words. Linear: a start position is tried at most once (an attempt
    that failed fails for any later anchor too, as every window reaches far past the longest
    match), and the walk back from an anchor stops at the last position already tried."""
    tried = 0  # every start before this has been tried (or lies inside a match)
    for a in ANCHOR.finditer(text):
        c = a.start()
        if c < tried:
            continue
        w, floor = c, max(tried, c - _BACK_LIMIT)
        while w > floor and text[w - 1] in _BACK:
            w -= 1
        endpos = min(len(text), c + _AHEAD)
        tried = c + 1
        for s in range(w, c + 1):
            m = MONEY_PATTERN.match(text, s, endpos)
            if m is not None:
                tried = m.end()
                yield m
                break


_SEPARATORS = frozenset(",，.")


def _inside_arabic(run: str, i: int) -> bool:
    """``run[i:]`` would start inside an Arabic number: a digit right before it, or a separator
    with a digit before that (12,345,67 → not 67; 3..5 → not 5)."""
    if i == 0 or not run[i].isdigit():
        return False
    k = i - 1
    while k >= 0 and run[k] in _SEPARATORS:
        k -= 1
    return k >= 0 and run[k].isascii() and run[k].isdigit()


def _read_run(
    text: str, run: str, run_start: int, tail: str | None = None
) -> tuple[Quantity, int, str | None, bool] | None:
    """Read a quantity run, dropping leading characters that belong to the words before it
    (结余10.56亿 → 10.56亿, 统一1000 → 1000). Returns (quantity, start, leading qualifier,
    bare scale) or None. A bare scale word is an amount after a qualifier that is not exact
    (超万亿元, 近百亿元) or before a trailing qualifier (万元左右, GUIDELINE: 亿元以上项目 and
    百元以下价位 state a threshold); 达到万亿元规模 is a size class."""
    vague_tail = trailing_qualifier(tail) is not None
    for i in range(len(run)):
        start = run_start + i
        piece = run[i:]
        if i > 0 and run[i - 1] in _CN_NUMERAL and piece[0] in _CN_NUMERAL and not (i == 1 and run[0] in ZEROS):
            return None  # never a shorter reading of a Chinese numeral (十五六亿 is not 五六亿; 找零十块 is 十块)
        if _inside_arabic(run, i):
            return None  # nor of an Arabic one (1,2345元 is not 2345元; 1.2.3亿元 is not 2.3亿元)
        if piece[0] in ",，." or (piece[0] in ZEROS and piece[1:2] not in ("点", "點", ".")):
            continue  # 找零十块 is 十块: a leading 零 belongs to the word before
        leading, _ = leading_qualifier(text, start)
        try:
            quantity = read_quantity(piece)
        except NumeralError:
            pass
        else:
            if quantity.value >= MAX_AMOUNT:
                return None
            return quantity, start, leading, False
        if leading not in (None, "exact") or vague_tail:
            try:
                return read_quantity(piece, bare_scale=True), start, leading, True
            except NumeralError:
                pass
    return None


def _end_of(text: str, m: regex.Match, q_text: str) -> int | None:
    """Where the span ends: drop a closer 整/正 that starts another word (3元正在), and reject
    size classes (百亿元级)."""
    end = m.end()
    tail = m.group("tail")
    if tail in ("整", "正"):
        financial = any(ch in L.FINANCIAL for ch in q_text)
        if not financial and end < len(text) and _HAN.match(text, end):
            end -= 1
    if text[end : end + 1] == L.SIZE_CLASS_AFTER:
        return None
    return end


def _read_amount(text: str, m: regex.Match) -> Candidate | None:
    end = _end_of(text, m, m.group("q1") + (m.group("q2") or ""))
    if end is None:
        return None
    tail = text[m.start("tail") : end] if m.group("tail") else None
    if m.group("q2") is not None:
        found = _read_range(text, m, end, tail)
        if found is not None:
            return found
        # not a range after all: the amount after the separator alone
        return _single(text, m, "q2", "pre2", end, tail)
    return _single(text, m, "q1", "pre", end, tail)


def _letter_before(text: str, start: int, prefix: str | None) -> bool:
    """A symbol prefix glued to a Latin letter (A$ in an unknown code, X¥): its currency is unread."""
    return bool(prefix) and not prefix[0].isalpha() and start > 0 and text[start - 1].isascii() \
        and text[start - 1].isalpha()


_ACRONYM_BEFORE = regex.compile(r"(?<![A-Za-z0-9])(?:" + "|".join(L.ACRONYMS) + r")\Z")


def _glued(text: str, pos: int) -> bool:
    """Is the number at ``pos`` part of a longer number or a code (A3, iPhone15, AB12, 1.5)? An
    indicator's acronym right before it (lexicon ACRONYMS) is a word, not a code: GDP3112亿元."""
    if pos == 0 or not _ASCII_ALNUM.match(text, pos - 1):
        return False
    return not (text[pos - 1].isalpha() and _ACRONYM_BEFORE.search(text, max(0, pos - 6), pos))


def _single(text: str, m: regex.Match, q: str, pre: str, end: int, tail: str | None) -> Candidate | None:
    run, run_start = m.group(q), m.start(q)
    if _letter_before(text, m.start(pre), m.group(pre)):
        return None
    if m.group(pre) is None and _glued(text, run_start):
        return None  # inside a longer number or a code
    read = _read_run(text, run, run_start, tail)
    if read is None:
        return None
    quantity, start, leading, bare = read
    cur, jf = m.group("cur"), m.group("jf")
    if (
        is_single_cn_digit(text[start : m.start("cur")])
        and cur in L.YUAN_UNITS_PLAIN
        and not jf
        and not m.group("tail")
        and (_HAN.match(text, m.end("cur")) is not None or text[m.end("cur") : m.end("cur") + 1] in ("、", "等"))
        and text[m.end("cur") : m.end("cur") + 1] not in ("钱", "錢")
    ):
        return None  # 三元愿意, 扶持三元、麦福劳 (companies), 一元化, 二元结构: words, not amounts
    prefix = m.group(pre) if start == run_start else None
    span_start = m.start(pre) if prefix else start
    if prefix:  # the qualifier stands before the currency word: 超过人民币3亿元, 约合新台币3亿元
        leading, _ = leading_qualifier(text, span_start)
    value = money_value(
        plus(quantity, sub_units(jf)),
        currency=currency_of(prefix, cur, m.group("after")),
        leading=leading,
        tail=tail,
    )
    if bare:
        rule = "money.bare-scale"
    elif jf:
        rule = "money.number+yuan+jiao+fen"
    elif quantity.low is not None:
        rule = "money.vague-range"
    else:
        rule = "money.number+currency"
    return Candidate(span_start, end, LABEL, value, rule)


def _read_range(text: str, m: regex.Match, end: int, tail: str | None) -> Candidate | None:
    run1, run1_start = m.group("q1"), m.start("q1")
    if _letter_before(text, m.start("pre"), m.group("pre")):
        return None
    if m.group("pre") is None and _glued(text, run1_start):
        return None
    for i in range(len(run1)):
        piece = run1[i:]
        if piece[0] in ",，.":
            continue
        if i > 0 and run1[i - 1] in _CN_NUMERAL and piece[0] in _CN_NUMERAL:
            return None
        if _inside_arabic(run1, i):
            return None
        try:
            low, high = range_ends(piece, m.group("q2"))
        except NumeralError:
            continue
        if high.value >= MAX_AMOUNT:
            return None
        low = plus(low, sub_units(m.group("jf1")))
        high = plus(high, sub_units(m.group("jf")))
        if low.value > high.value:
            return None
        start = run1_start + i
        prefix = m.group("pre") if i == 0 else None
        leading, _ = leading_qualifier(text, start if prefix is None else m.start("pre"))
        currency = currency_of(prefix or m.group("pre2"), m.group("cur"), m.group("after"))
        value = money_value(low, currency=currency, leading=leading, tail=tail, high=high)
        span_start = m.start("pre") if prefix else start
        return Candidate(span_start, end, LABEL, value, "money.range")
    return None


def _prefix_blocked(text: str, m: regex.Match, prefix: str, run: str) -> bool:
    """Is a currency before the number no money prefix here: inside a Latin word, a symbol before
    no digit, or a unit of something else right after the number?"""
    if prefix[0].isascii() and prefix[0].isalpha() and m.start() > 0 and text[m.start() - 1].isascii() \
            and text[m.start() - 1].isalpha():
        return True  # part of a longer Latin word
    if not any("0" <= ch <= "9" for ch in run) and prefix in L.SYMBOL_PREFIXES:
        return True
    # the number runs to the end of the quantity: a unit of something else after it is no money
    after = text[m.end() : m.end() + 1]
    return bool(after and after in L.PREFIX_ONLY_BLOCKED_AFTER)


def _prefix_range(text: str, m: regex.Match, end: int, low: Quantity, currency, leading) -> Candidate | None:
    """$80-$100: a second number of the same currency (or none written) and larger makes one range."""
    r = _PREFIX_RANGE.match(text, end)
    if r is None or (r.group("pre2") is not None and currency_of(r.group("pre2"), None, None) != currency):
        return None
    q2 = r.group("q2").rstrip(L.RUN_TRAILING_SEPARATORS)
    try:
        high = read_quantity(q2)
    except NumeralError:
        return None
    if not low.value < high.value < MAX_AMOUNT:
        return None
    value = money_value(low, currency=currency, leading=leading, tail=None, high=high)
    return Candidate(m.start(), r.start("q2") + len(q2), LABEL, value, "money.range")


def _read_prefix_only(text: str, m: regex.Match) -> Candidate | None:
    """人民币3.14, US$5, 港幣3.14: a currency before the number and none after."""
    prefix, run = m.group("ppre"), m.group("pq")
    if _letter_before(text, m.start("ppre"), prefix):
        return None  # A$ / X$: not the US dollar, and no currency we know
    trim = len(run) - len(run.rstrip("上数几" + L.RUN_TRAILING_SEPARATORS))  # 售价￥300，较… ends at 300  # $4,000上方: 上 belongs to 上方, not to the number
    run = run[: len(run) - trim] if trim < len(run) else run
    if _prefix_blocked(text, m, prefix, run):
        return None
    try:
        quantity = read_quantity(run)
    except NumeralError:
        return None
    if quantity.value >= MAX_AMOUNT or run[-1] in ",，.":
        return None
    leading, _ = leading_qualifier(text, m.start())
    end = m.end() - trim
    t = _TRAILING.match(text, end)
    tail = t.group() if t else None
    end = t.end() if t else end
    currency = currency_of(prefix, None, None)
    ranged = _prefix_range(text, m, end, quantity, currency, leading) if tail is None else None
    if ranged is not None:
        return ranged
    value = money_value(quantity, currency=currency, leading=leading, tail=tail)
    return Candidate(m.start(), end, LABEL, value, "money.prefix+number")


_TRAILING = regex.compile(L.TRAILING)
_PREFIX_RANGE = regex.compile(rf"{L.RANGE_SEP}(?P<pre2>{L.PREFIX_CURRENCY})?[ \u00a0]?(?P<q2>[0-9][0-9.,]{{0,20}})(?![0-9A-Za-z])")
