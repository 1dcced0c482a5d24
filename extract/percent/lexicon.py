"""Percent words, qualifier tables and named regex fragments, composed by name.

Sources: ANNOTATION.md (PERCENT, and the qualifier table it shares with MONEY) and the project
copy corpus/GUIDELINE.md; the digit and unit characters come from the shared numeral lexicon
(GB/T 15835). Every quantifier is bounded, so each pattern does a bounded amount of work per
start position (linear time on adversarial input).
"""

from __future__ import annotations

from decimal import Decimal

from extract.numeral.lexicon import DIGITS, NEGATIVE_SIGNS, NEGATIVE_WORDS, RANGE_SEP, SMALL_UNITS, ZEROS

# --- qualifiers: the table MONEY and PERCENT share (extract/qualifier.py) ---------------------
from extract.qualifier import TRAILING as TRAILING_QUALIFIERS  # noqa: E402,F401
from extract.qualifier import TRAILING_PATTERN as TRAILING  # noqa: E402,F401

# Basis points: 25个基点, 2.54个基点, -50 bps (GUIDELINE: PERCENT with unit pp, 1 bp = 0.0001).
BASIS_POINTS = r"(?<![0-9A-Za-z_.])(?P<bp>[-−+]?\d{1,6}(?:\.\d{1,4})?)\s?(?:个)?(?:基点|bps\b|bp\b)"

# Trailing words stay inside the span.
INSIDE_APPROX: dict[str, str] = {"多": "over", "余": "over"}  # 三成多, 1个多百分点

# --- scales ---------------------------------------------------------------------------------
PERCENT_SIGNS: dict[str, Decimal] = {"%": Decimal(100), "‰": Decimal(1000)}
FRACTION_WORDS: dict[str, Decimal] = {"百": Decimal(100), "千": Decimal(1000), "万": Decimal(10000)}
CHENG = Decimal(10)  # 三成 = 3/10
HALF = Decimal("0.5")

# --- characters -----------------------------------------------------------------------------
_digits = "".join(k for k in DIGITS if k not in ZEROS and DIGITS[k] < 10)  # 一二两三 …, 壹贰 …
_zeros = "".join(sorted(ZEROS))
_signs = "".join(sorted(NEGATIVE_SIGNS - {"-", "－", "−"}))  # 负 負 (the ASCII minus is SIGN)
CN_DIGIT = f"[{_digits}]"
# A Chinese numeral below 10^4, with a decimal point: 十五, 一点五, 九十九点九, 一百.
CN_NUMBER = f"[{_digits}{_zeros}{''.join(SMALL_UNITS)}点點]"

# --- named fragments ------------------------------------------------------------------------
SIGN = r"[-−+]"
# Arabic number, bounded (every repeat has a limit, for linear time): 14.3, 1,100, 0.05.
NUMBER = r"(?:\d{1,3}(?:,\d{3}){1,4}|\d{1,12})(?:\.\d{1,8})?"
# Not inside a longer number, a code or a URL (…/2023, v1.5, x=12%20).
NUMBER_START = r"(?<![0-9A-Za-z_./=&#%\\-])(?<!\d,)"
SEP = RANGE_SEP
CN_SIGN = "(?:[" + _signs + "]|" + "|".join(sorted(NEGATIVE_WORDS)) + ")"  # 负, 負, 零下
# 百分之十五, 千分之三, 万分之五, 三分之一, 5分之1 (the denominator and its parser value).
DENOMINATOR = f"(?:[{_digits}十]{{1,3}}|[百千万]|\\d{{1,3}})"

# --- 成 -------------------------------------------------------------------------------------
# A numeral before 成 must not end another word: 统一成, 这一成果, 唯一, 第一.
CHENG_BLOCKED_BEFORE = "统唯第之同划合专单逐万归整无不这那每哪任其某另齐均"
# 成 starting another word: 五成熟, 三五成群, 成立, 成果 … (not 年/员/品: 近三成年轻人,
# 三成员工, 近三成品牌 are shares).
CHENG_BLOCKED_AFTER = "熟群立果绩效型像功本"
# 八成新 is a condition grade, but 七成新增贷款 is a share: 新 blocks unless one of these follows.
CHENG_NEW_WORDS = ("新增", "新建", "新开", "新注", "新设", "新签", "新能", "新兴", "新型", "新上")
# Words after a trailing digit of 九成五 that show it is no part of the share (三成五年).
CHENG_TAIL_BLOCKED = "年月日天个次项家种倍位名"
# 八成 as the adverb "probably" (他八成是…) is not a share.
ADVERB_AFTER_BACHENG = "是会要不就也能又得"

# --- 一半 / 半数 / 过半 ------------------------------------------------------------------------
HALF_BLOCKED_BEFORE = "另前后大多半"  # 另一半 (a partner), 一半一半
HALF_OVER_WORDS = "过超逾"  # 过半 → span 半, qualifier over (the leading word stays outside)
# After 过半 only a clause end or 的 (再过半个月, 超过半年 are durations).
HALF_END = r"(?:[，。、；：！？,;:!?)）」』”\"\s]|的|$)"

# --- 1/3 as a share -------------------------------------------------------------------------
# A slash fraction is a share only with a share cue next to it (集聚全国1/3高新技术企业,
# 概率是1/2, 缩短1/3, 2/3的科创板上市企业). Dates (12/28, 2023/12/29) and scores have none.
SLASH_CUE_BEFORE = (
    "占约近超逾达是为的仅足到过少减降短高国省市县区球界业量数有剩余"
)
SLASH_CUE_AFTER = ("以上", "以下", "左右", "的", "强", "多", "还")
SLASH_MAX_DENOMINATOR = 100
SLASH_NOT_AFTER = "日号月期页版场局节届"  # 1/2日, 3/5页
SLASH_NOT_NEAR = ("比分", "得分", "战绩", "页", "第", "日期", "时间")
# A list before one shared unit: 分别提高15、22个百分点 (15 is a share in pp too).
LIST_JOINERS = ("、", "和", "与", "及", "或")

# A list of shares: 1/3高新技术企业、2/3科创板上市企业 (the second inherits the first's cue).
SLASH_LIST_JOINERS = "、和及与，,"
SLASH_LIST_GAP = 30
