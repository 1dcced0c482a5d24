"""One parser for every number: Arabic, Chinese, 大写, mixed, with 万/亿 scales — exact Decimals.

Modes (after cn2an, whose cases we measure against):
- ``strict``: well-formed Chinese numerals (一百零五, 两千三百亿, 壹仟贰佰) and plain Arabic
  numbers. A bare run of digits such as 一一 is rejected: a real document would write 十一.
- ``normal``: also positional digit runs (一七二零 = 1720, for years and codes) and colloquial
  abbreviations (三万五 = 35000, 一百二 = 120, 一百十一 = 111, 百二 = 120, 千一 = 1100, 萬九 = 19000).
- ``smart``: also Arabic digits mixed with Chinese units (1.2万, 3千万, 1万600, 4.78万亿).

Everything is linear in the input length: each function scans its string a bounded number
of times, and recursion only descends from 亿 to 万 to the section below 万.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Callable

from extract.numeral.lexicon import (
    APPROX_INSIDE,
    BIG_UNITS,
    CLOSERS,
    DIGITS,
    NEGATIVE_SIGNS,
    POINTS,
    SMALL_UNITS,
    SUB_UNITS,
    TENS_SHORTHAND,
    YUAN_UNITS,
    ZEROS,
)

MODES = ("strict", "normal", "smart")
_ARABIC_FULL = re.compile(r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|\.\d+")
_ARABIC_AT = re.compile(r"\d+(?:\.\d+)?")
_YI = "亿億"
_WAN = "万萬"
_LEAD_UNITS = "百佰千仟万萬"  # may open a colloquial number with 一 unsaid (十 always may)


class NumeralError(ValueError):
    """The string is not a number (in the requested mode)."""


def _fail(s: str, why: str) -> NumeralError:
    return NumeralError(f"not a number: {s!r} ({why})")


def parse_number(
    text: str, mode: str = "smart", *, bare_scale: bool = False, digit_runs: bool = True
) -> Decimal:
    """Parse ``text`` (the whole string) as one number.

    ``bare_scale`` accepts a scale word with no digits (万亿 → 10^12, 亿 → 10^8, 千亿 → 10^11, 百 → 100),
    as in 超万亿元, 近百亿元.
    ``digit_runs=False`` rejects positional runs of Chinese digits (一一, 二〇二三) before the
    point even in normal/smart mode: an amount of money is never written that way.
    Raises NumeralError when the string is not a number in that mode.
    """
    if mode not in MODES:
        raise ValueError(f"mode must be one of {MODES}, got {mode!r}")
    s = text.strip().replace("，", ",").replace("．", ".")
    negative = False
    if s and s[0] in NEGATIVE_SIGNS:
        negative, s = True, s[1:].lstrip()
    if not s:
        raise _fail(text, "empty")
    for short, full in TENS_SHORTHAND.items():
        s = s.replace(short, full)
    if not digit_runs and _has_digit_run(s):
        raise _fail(text, "a run of bare Chinese digits is not an amount")
    if bare_scale and (s[0] in _YI + _WAN or (s[0] in SMALL_UNITS and (len(s) == 1 or s[1] in _YI + _WAN))):
        s = "一" + s
    elif mode != "strict" and len(s) > 1 and s[0] in _LEAD_UNITS and s[1] in DIGITS and s[1] not in ZEROS:
        s = "一" + s  # colloquial 百二 (120), 千一 (1100), 萬九 (19000), 百二萬: the 一 unsaid
    value = _parse_big(s, mode, text)
    return -value if negative else value


def _has_digit_run(s: str) -> bool:
    """Two Chinese digits in a row before any point (零 may precede a digit: 一万零一)."""
    for a, b in zip(s, s[1:]):
        if a in POINTS or a == ".":
            return False
        if a in DIGITS and b in DIGITS and not (a in ZEROS and b not in ZEROS):
            return True
    return False


def _split_last(s: str, units: str) -> int:
    return max(s.rfind(u) for u in units)


def _parse_big(s: str, mode: str, orig: str) -> Decimal:
    """Numbers with 亿 and 万 (万亿 = 万 × 亿 falls out of the recursion)."""
    return _parse_scaled(s, _YI, "亿", 10**8, _parse_wan, mode, orig)


def _parse_wan(s: str, mode: str, orig: str) -> Decimal:
    return _parse_scaled(s, _WAN, "万", 10**4, _parse_section, mode, orig)


def _parse_scaled(s: str, units: str, word: str, scale: int, below: Callable[[str, str, str], Decimal],
                  mode: str, orig: str) -> Decimal:
    """``high`` + the last unit word + ``low``: ``high`` (read by ``below``) times ``scale``, plus
    ``low``; without the unit word the whole of ``s`` is read by ``below``."""
    i = _split_last(s, units)
    if i < 0:
        return below(s, mode, orig)
    high, low = s[:i], s[i + 1 :]
    if not high or any(u in high for u in units):
        raise _fail(orig, f"{word} needs a number before it, once")
    return below(high, mode, orig) * scale + _parse_low(low, high, scale, mode, orig)


def _parse_low(low: str, high: str, unit: int, mode: str, orig: str) -> Decimal:
    """The part after 亿 or 万: 一亿零一, 三万五 (colloquial), 1万600 (smart)."""
    if not low:
        return Decimal(0)
    if "." in high or any(p in high for p in POINTS):
        raise _fail(orig, "a decimal before a scale word cannot be followed by more digits")
    had_zero = low[0] in ZEROS
    rest = low.lstrip("".join(ZEROS))
    if not rest:
        raise _fail(orig, "trailing 零")
    if had_zero and rest[0] in SMALL_UNITS:
        rest = "一" + rest  # 一万零百一十一 (cn2an accepts it in strict mode)
    if len(rest) == 1 and rest in DIGITS and not had_zero:
        if mode == "strict":
            raise _fail(orig, "colloquial 三万五 needs normal mode")
        return Decimal(DIGITS[rest]) * unit / 10
    value = _parse_wan(rest, mode, orig) if unit > 10**4 else _parse_section(rest, mode, orig)
    if value >= unit:
        raise _fail(orig, "the part after a scale word is too large")
    return value


def _parse_section(s: str, mode: str, orig: str) -> Decimal:
    """A number below the big scales: 一千零一十, 壹佰捌拾壹, 1720, 一七二零, 3千, 四千230."""
    if not s:
        raise _fail(orig, "missing digits")
    if _ARABIC_FULL.fullmatch(s):
        return Decimal(s.replace(",", ""))
    if "," in s:
        raise _fail(orig, "misplaced separator")
    point = next((k for k, ch in enumerate(s) if ch in POINTS or ch == "."), -1)
    if point >= 0:
        whole, frac = s[:point], s[point + 1 :]
        if not whole or not frac:
            raise _fail(orig, "a point needs digits on both sides")
        if frac.isdigit():
            if mode != "smart":
                raise _fail(orig, "Arabic decimals after Chinese digits need smart mode")
            digits = frac
        elif all(ch in DIGITS for ch in frac):
            digits = "".join(str(DIGITS[ch]) for ch in frac)
        else:
            raise _fail(orig, "the part after the point must be digits")
        return _parse_section(whole, mode, orig) + Decimal("0." + digits)
    if all(ch in DIGITS for ch in s):
        if len(s) == 1:
            return Decimal(DIGITS[s])
        if mode == "strict":
            raise _fail(orig, "a run of bare digits (一一) is not a number in strict mode")
        return Decimal("".join(str(DIGITS[ch]) for ch in s))
    return _parse_units(s, mode, orig)


def _parse_units(s: str, mode: str, orig: str) -> Decimal:
    """A numeral of digits and small units (一千零十, 一百二, smart mode: 3千5百) → its value."""
    reader = _UnitReader(mode, orig)
    k = 0
    while k < len(s):
        ch = s[k]
        if ch.isdigit():
            k = reader.arabic(s, k)
            continue
        if ch in ZEROS:
            reader.zero()
        elif ch in DIGITS:
            reader.digit(ch)
        elif ch in SMALL_UNITS:
            reader.unit(ch)
        else:
            raise _fail(orig, f"unexpected {ch!r}")
        k += 1
    return reader.finish()


class _UnitReader:
    """The state of :func:`_parse_units` — one method per kind of character."""

    __slots__ = ("mode", "orig", "total", "pending", "pending_arabic", "last_unit", "after_zero")

    def __init__(self, mode: str, orig: str) -> None:
        self.mode, self.orig = mode, orig
        self.total = Decimal(0)
        self.pending: Decimal | None = None
        self.pending_arabic = False
        self.last_unit: int | None = None
        self.after_zero = False

    def arabic(self, s: str, k: int) -> int:
        if self.mode != "smart":
            raise _fail(self.orig, "Arabic digits mixed with Chinese need smart mode")
        m = _ARABIC_AT.match(s, k)
        assert m is not None
        if self.pending is not None:
            raise _fail(self.orig, "two numbers in a row")
        self.pending, self.pending_arabic = Decimal(m.group()), True
        return m.end()

    def zero(self) -> None:
        if self.pending is not None:
            raise _fail(self.orig, "零 after a digit")
        self.after_zero = True

    def digit(self, ch: str) -> None:
        if self.pending is not None:
            raise _fail(self.orig, "two digits in a row")
        self.pending, self.pending_arabic = Decimal(DIGITS[ch]), False

    def unit(self, ch: str) -> None:
        unit = SMALL_UNITS[ch]
        if self.last_unit is not None and unit >= self.last_unit:
            raise _fail(self.orig, "units must decrease (十一十二 is two numbers)")
        pending = self.pending
        if pending is None:
            if (unit == 10 and self.last_unit is None) or self.after_zero:
                pending = Decimal(1)  # 十一, 一千零十, 一万零百一十一
            elif unit == 10 and self.mode != "strict":
                pending = Decimal(1)  # 一百十一 (normal)
            else:
                raise _fail(self.orig, f"{ch} needs a digit before it")
        self.total += pending * unit
        self.last_unit, self.pending, self.after_zero = unit, None, False

    def finish(self) -> Decimal:
        pending, last_unit = self.pending, self.last_unit
        if pending is None:
            if self.after_zero:
                raise _fail(self.orig, "trailing 零")
            return self.total
        if last_unit is None or self.after_zero or last_unit == 10 or self.pending_arabic:
            if self.pending_arabic and last_unit is not None and pending >= last_unit:
                raise _fail(self.orig, "the number after a unit is too large")
            return self.total + pending
        if self.mode == "strict":
            raise _fail(self.orig, "colloquial 一百二 needs normal mode")
        return self.total + pending * last_unit / 10  # 一百二 = 120, 两千六 = 2600


# Quantities: numbers with vague markers and ranges, as they stand before a unit --------------

@dataclass(frozen=True, slots=True)
class Quantity:
    """A parsed quantity. ``value`` is the low end of a range. ``approx`` is a qualifier word
    from the shared table (``over`` for 余/多/几/数/上, ``approx`` for 一两百-style ranges)."""

    value: Decimal
    low: Decimal | None = None
    high: Decimal | None = None
    approx: str | None = None


_SMALL_UNIT_CHARS = "".join(SMALL_UNITS)
_ALL_UNIT_CHARS = _SMALL_UNIT_CHARS + "".join(BIG_UNITS)
_VAGUE_LEAD = {"数": None, "几": None, "上": None}


def parse_quantity(
    text: str, mode: str = "smart", *, bare_scale: bool = False, digit_runs: bool = True
) -> Quantity:
    """Parse a quantity such as 200余万, 2000余万, 三十多万, 十几万, 数十亿, 上百亿, 二三十万,
    一两百, 17.3万亿 or 万亿 (with ``bare_scale``). Raises NumeralError otherwise.
    ``digit_runs`` as in :func:`parse_number` (the 二三十万 range form is always read)."""
    s = text.strip()
    if not s:
        raise _fail(text, "empty")
    # Approximate ranges written as one number, two neighbouring digits at one place:
    # 二三十万 (20–30万), 一两百 (100–200), 十五六亿 (15–16亿), 七百三四十 (730–740), 七八 (7–8).
    vague = approximate_range(s, mode)
    if vague is not None:
        low, high = vague
        return Quantity(low, low, high, "approx")
    # A vague head: 数十亿, 几十万, 上百亿, 几百 → the stated order of magnitude, over.
    if s[0] in _VAGUE_LEAD and len(s) >= 2 and s[1] in _ALL_UNIT_CHARS:
        return Quantity(parse_number("一" + s[1:], mode), approx="over")
    # An inside marker: 200余万, 三十多万, 十几万, 10余 → the number without it, over.
    for k, ch in enumerate(s):
        if ch in APPROX_INSIDE and k > 0:
            head, tail = s[:k], s[k + 1 :]
            if ch == "几":
                head += "一" if head[-1] in _SMALL_UNIT_CHARS else ""
            if tail and any(c not in BIG_UNITS and c not in SMALL_UNITS for c in tail):
                raise _fail(text, "only a scale word may follow 余/多/几")
            if ch == "几" and not head[-1] in _SMALL_UNIT_CHARS + "一":
                raise _fail(text, "几 follows a unit (十几, 几十)")
            base = parse_number(head.rstrip("一") if ch == "几" else head, mode)
            scale = parse_number(tail, mode, bare_scale=True) if tail else Decimal(1)
            return Quantity(base * scale, approx="over")
    return Quantity(parse_number(s, mode, bare_scale=bare_scale, digit_runs=digit_runs))


def approximate_range(s: str, mode: str = "smart") -> tuple[Decimal, Decimal] | None:
    """十五六 → (15, 16), 七百三四十 → (730, 740), 二三十万 → (20万, 30万), 七八 → (7, 8): one pair
    of neighbouring digits (the second one more) after a unit word or at the start, the rest a
    number in which either digit stands. None when ``s`` is no such form."""
    for k in range(len(s) - 1):
        a, b = s[k], s[k + 1]
        if a in DIGITS and b in DIGITS and a not in ZEROS and b not in ZEROS:
            if DIGITS[b] != DIGITS[a] + 1 or (k > 0 and s[k - 1] not in _ALL_UNIT_CHARS):
                return None
            head, rest = s[:k], s[k + 2 :]
            if not all(ch in DIGITS or ch in _ALL_UNIT_CHARS for ch in head + rest):
                return None
            if rest and rest[0] not in _ALL_UNIT_CHARS:
                return None  # 五六七: a third digit after the pair is no range (never 57–67)
            if head and not rest and head[-1] not in "十拾":
                return None  # 一百二三 would be 120–130 only by the colloquial reading: not read
            try:
                return parse_number(head + a + rest, mode), parse_number(head + b + rest, mode)
            except NumeralError:
                return None
    return None


# Amounts in 元/角/分: 壹拾壹元壹角壹分, 玖仟陆佰陆拾伍圆壹角捌分, 123元1角1分, 壹拾壹元整 ------------

def parse_subunits(text: str) -> Decimal:
    """The part after 元: 壹角壹分 → 0.11, 1角1分, 三毛, 零五分 → 0.05; empty → 0.
    Each of 角 (毛) and 分 at most once, in that order, with one digit before it."""
    total = Decimal(0)
    last: Decimal | None = None
    k = 0
    while k < len(text):
        ch = text[k]
        if ch in ZEROS and k + 1 < len(text) and text[k + 1] not in SUB_UNITS:
            k += 1  # 一元零五分
            continue
        if ch in DIGITS:
            digit = DIGITS[ch]
        elif "0" <= ch <= "9":
            digit = int(ch)
        else:
            raise _fail(text, f"unexpected {ch!r} after 元")
        if k + 1 >= len(text) or text[k + 1] not in SUB_UNITS:
            raise _fail(text, "a digit after 元 needs 角 or 分")
        unit = SUB_UNITS[text[k + 1]]
        if last is not None and unit >= last:
            raise _fail(text, "角 comes before 分, each once")
        total += digit * unit
        last = unit
        k += 2
    return total


def parse_yuan(text: str, mode: str = "strict", *, digit_runs: bool = True) -> Decimal:
    """A whole amount written with 元/圆 and optional 角/分 and 整/正: 壹拾壹元壹角 → 11.1,
    壹佰壹拾壹圆整 → 111, 六十四万零一百四十三元一角七分 → 640143.17."""
    s = text.strip()
    if s and s[-1] in CLOSERS:
        s = s[:-1]
    k = next((i for i, ch in enumerate(s) if ch in YUAN_UNITS), -1)
    if k <= 0:
        raise _fail(text, "no number before 元")
    return parse_number(s[:k], mode, digit_runs=digit_runs) + parse_subunits(s[k + 1 :])
