"""Pure functions: the surface pieces of a MONEY match → a MoneyValue.

Numbers are read only through the shared numeral parser (extract.numeral). Amounts are exact
Decimals in the currency's base unit, normalized (17.3万亿 → 17300000000000, 1.50 → 1.5).
"""

from __future__ import annotations

from decimal import Decimal, localcontext

from extract import qualifier as qualifiers

from extract.money.lexicon import (
    AFTER_YUAN_CURRENCIES,
    DEFAULT_CURRENCY,
    PREFIX_CURRENCIES,
    SUFFIX_CURRENCIES,
)
from extract.numeral import NumeralError, Quantity, parse_quantity, parse_subunits
from extract.numeral.lexicon import BIG_UNITS, DIGITS, SCALE_VALUES, SMALL_UNITS, YUAN_UNITS, ZEROS
from schemas.records import MoneyValue

MODE = "smart"  # Arabic mixed with Chinese units (1.2万, 3千万); positional 一一 is still rejected
_BIG = "".join(BIG_UNITS)
_UNITS = "".join(SMALL_UNITS) + _BIG


# Above this an "amount" is a run of digit garbage (a code, a table cell), not money.
MAX_AMOUNT = Decimal(10) ** 20


def clean_number(s: Decimal) -> Decimal:
    """Normalize without exponent: 1.50 → 1.5, 3E+8 → 300000000 (exact: wide precision)."""
    with localcontext() as ctx:
        ctx.prec = 80
        d = s.normalize()
        return d.quantize(Decimal(1)) if d == d.to_integral_value() else d




def read_quantity(run: str, *, bare_scale: bool = False) -> Quantity:
    """One quantity before a currency: 3.5亿, 200余万, 两个亿, 上百亿, 万亿 (bare_scale)."""
    s = run.replace("，", ",")
    if "个" in s:
        s = s.replace("个亿", "亿").replace("个万", "万")
        if "个" in s:
            raise NumeralError(f"not a quantity: {run!r} (个 only in 两个亿)")
    return parse_quantity(s, MODE, bare_scale=bare_scale, digit_runs=False)


def _trailing_big(run: str) -> str:
    """The scale words at the end of a quantity: 三十万 → 万, 3千万亿 → 万亿, 九百亿 → 亿."""
    k = len(run)
    while k > 0 and run[k - 1] in _BIG:
        k -= 1
    return run[k:]


_FAR_BELOW = 1000  # a low end a thousandth of the high end or less is no end of the same range


def range_ends(run1: str, run2: str) -> tuple[Quantity, Quantity]:
    """Both ends of a range. A low end without a scale word takes the high end's:
    十八至三十万 → 18万–30万, 2——3万 → 2万–3万, 两到三仟 → 2000–3000, 八到九百亿 → 8亿–900亿
    (JioNLP's reading), unless that would put it above the high end (8500到3万 → 8500–30000) —
    and a low end that is then far below the high end (2023-3亿元: a year and an amount) makes
    no range at all (NumeralError)."""
    low, high = read_quantity(run1), read_quantity(run2)
    if not any(ch in _BIG for ch in run1):
        big = _trailing_big(run2)
        if big:
            scaled = low.value * _scale(big)
            if scaled <= high.value:
                return Quantity(scaled), high
            if low.value * _FAR_BELOW < high.value:
                raise NumeralError(f"{run1} and {run2} are no two ends of one range")
        elif run2 and run2[-1] in SMALL_UNITS and not any(ch in _UNITS for ch in run1):
            scaled = low.value * SCALE_VALUES[run2[-1]]
            if scaled <= high.value:
                return Quantity(scaled), high
    return low, high


def _scale(words: str) -> Decimal:
    out = Decimal(1)
    for ch in words:
        out *= SCALE_VALUES[ch]
    return out


def sub_units(jf: str | None) -> Decimal:
    """角/分 after the yuan; one digit alone after 块 is the 角 left unsaid (三块五 → 0.5)."""
    def digit(ch: str) -> Decimal:
        return Decimal(DIGITS[ch] if ch in DIGITS else int(ch))

    if jf and len(jf) == 1 and (jf in DIGITS or "0" <= jf <= "9"):
        return digit(jf) / 10
    if jf and len(jf) == 2 and jf[0] in ZEROS:  # 三块零四: the 分
        return digit(jf[1]) / 100
    if jf and len(jf) == 3 and jf[1] in "角毛" and jf[2] not in "分":  # 五块七毛八: the 分 unsaid
        return digit(jf[0]) / 10 + digit(jf[2]) / 100
    return parse_subunits(jf) if jf else Decimal(0)


def currency_of(prefix: str | None, suffix: str | None, after: str | None) -> str:
    """A prefix (人民币3亿元, 新台币177.1亿元) or a currency after 元 (三万元欧元) decides
    over the unit after the number; plain 元 is the renminbi."""
    if prefix:
        return PREFIX_CURRENCIES[prefix]
    if after:
        return AFTER_YUAN_CURRENCIES[after]
    if suffix and suffix not in YUAN_UNITS and suffix[0] not in "块塊":
        return SUFFIX_CURRENCIES[suffix]
    return DEFAULT_CURRENCY


def money_value(
    amount: Quantity,
    *,
    currency: str,
    leading: str | None,
    tail: str | None,
    high: Quantity | None = None,
) -> MoneyValue:
    """Build the value. Qualifier: a trailing word (inside the span) decides, then a marker
    inside the number (200余万 → over), then a leading word, else exact."""
    qualifier = qualifiers.trailing(tail) or (amount.approx if high is None else None) or leading or "exact"
    if high is not None:
        lo, hi = amount.value, high.value
        return MoneyValue(amount=clean_number(lo), currency=currency, qualifier=qualifier,
                          low=clean_number(lo), high=clean_number(hi))
    if amount.low is not None and amount.high is not None:  # 二三十万, 八九亿: a range, approx
        return MoneyValue(amount=clean_number(amount.low), currency=currency, qualifier=qualifier,
                          low=clean_number(amount.low), high=clean_number(amount.high))
    return MoneyValue(amount=clean_number(amount.value), currency=currency, qualifier=qualifier)


def plus(q: Quantity, extra: Decimal) -> Quantity:
    """A quantity with its 角/分 added (123元1角1分 → 123.11)."""
    return q if not extra else Quantity(q.value + extra, approx=q.approx)


def is_single_cn_digit(run: str) -> bool:
    """三元, 一元 alone: more often a word (三元 a company, 一元化, 二元结构) than an amount."""
    return len(run) == 1 and run in DIGITS
