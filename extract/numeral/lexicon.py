"""Numeral characters and named regex fragments, composed by name (never by slicing).

Sources: GB/T 15835 (numbers in Chinese publications) for the ordinary and financial
(大写) digits; traditional variants (萬 億 兩 貳 參 陸) as they occur in reposted text.
"""

from __future__ import annotations

from decimal import Decimal

from extract.qualifier import INCLUSIVE_MARK

DIGITS: dict[str, int] = {
    "零": 0, "〇": 0, "○": 0, "Ｏ": 0,
    "一": 1, "壹": 1, "幺": 1,
    "二": 2, "两": 2, "兩": 2, "贰": 2, "貳": 2,
    "三": 3, "叁": 3, "參": 3, "叄": 3,
    "四": 4, "肆": 4,
    "五": 5, "伍": 5,
    "六": 6, "陆": 6, "陸": 6,
    "七": 7, "柒": 7,
    "八": 8, "捌": 8,
    "九": 9, "玖": 9,
}
ZEROS = frozenset("零〇○Ｏ")
# 廿 卅 卌 are read as 二十 三十 四十.
TENS_SHORTHAND: dict[str, str] = {"廿": "二十", "卅": "三十", "卌": "四十"}
SMALL_UNITS: dict[str, int] = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
BIG_UNITS: dict[str, int] = {"万": 10**4, "萬": 10**4, "亿": 10**8, "億": 10**8}
POINTS = frozenset("点點")
NEGATIVE_SIGNS = frozenset("负負-−－")
# A minus written as a word (零下13% = −13%, as 零下4℃ is below zero).
NEGATIVE_WORDS = frozenset({"零下"})

# Vague markers inside a quantity: 200余万, 十几万, 数十亿, 上百亿, 三十多万.
APPROX_INSIDE = frozenset("余多几数上来")

_cn = "".join(DIGITS) + "".join(TENS_SHORTHAND) + "".join(SMALL_UNITS) + "".join(BIG_UNITS)
CN_CHARS = _cn  # every Chinese character that can be part of a numeral (for character classes)

# Money sub-units after 元/圆/块 (GB/T 15835 and the 大写 cheque convention): 壹拾壹元壹角壹分,
# 123元1角1分, 十块三毛 (毛 is the spoken 角). 整/正 close an amount with no smaller unit.
YUAN_UNITS = frozenset("元圆圓块塊")
SUB_UNITS: dict[str, Decimal] = {"角": Decimal("0.1"), "毛": Decimal("0.1"), "分": Decimal("0.01")}
CLOSERS = frozenset("整正")

# Named fragments -----------------------------------------------------------------------
# The one range separator of every label (MONEY, PERCENT, DATE): 3亿—5亿元, 1万元--5万元, 5%～8%,
# 1—9月; an inclusive mark (含) may stand before it (1万(含)-5万元, extract.qualifier).
RANGE_SEP = rf"(?:{INCLUSIVE_MARK})?(?:—{{1,2}}|–{{1,2}}|－|-{{1,2}}|~|～|至|到)"

SCALE_VALUES: dict[str, Decimal] = {
    **{k: Decimal(v) for k, v in SMALL_UNITS.items()},
    **{k: Decimal(v) for k, v in BIG_UNITS.items()},
}
