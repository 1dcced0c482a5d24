"""Pure functions: surface pieces of a percentage → ``PercentValue``.

Numbers are read by the shared numeral parser (``extract.numeral``); this module only scales
them (÷100 for %, ÷10 for 成, numerator ÷ denominator for 三分之一 and 1/3) and decides the
qualifier. Every function raises ``NumeralError`` (a ``ValueError``) when the pieces are not
a percentage; the rules then drop the candidate.
"""

from __future__ import annotations

from decimal import Decimal

from extract.numeral import NumeralError, parse_number, parse_quantity
from extract.numeral.parse import approximate_range
from extract.numeral.lexicon import DIGITS, NEGATIVE_SIGNS, NEGATIVE_WORDS, SMALL_UNITS, ZEROS
from extract import qualifier as qualifiers
from extract.percent.lexicon import FRACTION_WORDS, INSIDE_APPROX
from schemas.records import PercentUnit, PercentValue, Qualifier

MINUS_SIGNS = NEGATIVE_SIGNS | NEGATIVE_WORDS


def number(text: str) -> tuple[Decimal, str | None]:
    """A number as written before %, 成 or 个百分点: 14.3, 1,100, 十五, 百 (= 一百), 十几.

    Returns the value and an inside qualifier (``over`` for 十几) or None.
    """
    s = text
    if s and s[0] in SMALL_UNITS and s[0] not in "十拾":
        s = "一" + s  # 百分之百 → 一百
    try:
        return parse_number(s, "smart"), None
    except NumeralError:
        q = parse_quantity(s, "smart")  # 十几 → 10, over
        if q.low is not None:
            raise NumeralError(f"not a single number: {text!r}") from None
        return q.value, q.approx


def adjacent_digits(text: str) -> tuple[Decimal, Decimal] | None:
    """七八 → (7, 8), 两三 → (2, 3), 十五六 → (15, 16), 二三十 → (20, 30), 七百三四十 → (730, 740): an
    approximate range written as one number, read by the shared parser
    (``extract.numeral.parse.approximate_range``); None for any other text."""
    if not text or not all(ch in DIGITS or ch in SMALL_UNITS for ch in text):
        return None
    return approximate_range(text, "smart")


def denominator(text: str) -> Decimal:
    """百 → 100, 千 → 1000, 三 → 3, 十二 → 12, 5 → 5 (the N of N分之M)."""
    if text in FRACTION_WORDS:
        return FRACTION_WORDS[text]
    value = parse_number(text, "normal" if not text.isdigit() else "smart")
    if value <= 0:
        raise NumeralError(f"denominator must be positive: {text!r}")
    return value


def signed(value: Decimal, sign: str | None) -> Decimal:
    return -value if sign and sign in MINUS_SIGNS else value


def qualifier(leading: str | None, inside: str | None, trailing: str | None) -> Qualifier:
    """Trailing words (inside the span) decide over leading ones (ANNOTATION: 超过10亿元以上)."""
    if trailing:
        return Qualifier(qualifiers.trailing(trailing))
    if inside:
        return Qualifier(INSIDE_APPROX.get(inside, inside))
    if leading:
        return Qualifier(leading)
    return Qualifier.exact


def value(
    low: Decimal,
    high: Decimal | None = None,
    *,
    qualifier: Qualifier = Qualifier.exact,
    unit: PercentUnit = PercentUnit.percent,
) -> PercentValue:
    """A share (already a fraction) or a range of shares. A range needs low < high."""
    if high is None or high == low:
        return PercentValue(value=low, qualifier=qualifier, unit=unit)
    if high < low:
        raise NumeralError(f"range runs backwards: {low} > {high}")
    return PercentValue(value=low, qualifier=qualifier, unit=unit, low=low, high=high)
