"""Currency words, qualifier tables and named regex fragments for MONEY, composed by name.

Sources: ISO 4217 (currency codes); ANNOTATION.md and corpus/GUIDELINE.md (MONEY: span,
qualifier table, not-MONEY cases); the numeral characters come from the shared numeral lexicon
(GB/T 15835). Every quantifier is bounded ({1,40} and smaller), so each start position costs a
bounded amount of work: linear time on adversarial input.
"""

from __future__ import annotations

import regex

from extract.numeral.lexicon import CN_CHARS, DIGITS, RANGE_SEP, YUAN_UNITS, ZEROS

# --- currencies (ISO 4217) --------------------------------------------------------------------
# Written after the number: 5亿美元, 3.14港幣, 3亿元人民币. Plain 元 / 圆 is the renminbi.
SUFFIX_CURRENCIES: dict[str, str] = {
    "元": "CNY", "圆": "CNY", "圓": "CNY", "块钱": "CNY", "塊錢": "CNY",
    "人民币": "CNY", "人民幣": "CNY",
    "美元": "USD", "美金": "USD", "美圆": "USD", "美圓": "USD",
    "港元": "HKD", "港币": "HKD", "港幣": "HKD",
    "欧元": "EUR", "歐元": "EUR",
    "日元": "JPY", "日圆": "JPY", "日圓": "JPY", "日币": "JPY", "日幣": "JPY",
    "英镑": "GBP", "英鎊": "GBP",
    "卢布": "RUB", "盧布": "RUB",
    "韩元": "KRW", "韓元": "KRW",
    "澳元": "AUD", "澳币": "AUD", "澳幣": "AUD",
    "加元": "CAD", "加币": "CAD", "加幣": "CAD",
    "新加坡元": "SGD", "新元": "SGD",
    "新台币": "TWD", "新臺幣": "TWD", "新台幣": "TWD", "台币": "TWD", "台幣": "TWD",
    "澳门元": "MOP", "澳门币": "MOP", "澳門幣": "MOP",
    "瑞士法郎": "CHF", "瑞郎": "CHF",
    "泰铢": "THB", "泰銖": "THB",
    "越南盾": "VND",
    "印度卢比": "INR", "卢比": "INR",
    "林吉特": "MYR", "马来西亚林吉特": "MYR",
    "印尼盾": "IDR",
    "菲律宾比索": "PHP",
    "新西兰元": "NZD", "纽元": "NZD",
    "巴西雷亚尔": "BRL", "雷亚尔": "BRL",
    "南非兰特": "ZAR", "兰特": "ZAR",
    "土耳其里拉": "TRY", "里拉": "TRY",
    "沙特里亚尔": "SAR", "迪拉姆": "AED",
    "瑞典克朗": "SEK", "挪威克朗": "NOK", "丹麦克朗": "DKK",
    "坚戈": "KZT", "哈萨克斯坦坚戈": "KZT",
}
# A second currency word after 元 names the currency (3亿元人民币, 三万元欧元, 9000元日币).
AFTER_YUAN_CURRENCIES: dict[str, str] = {
    k: v for k, v in SUFFIX_CURRENCIES.items() if k not in YUAN_UNITS and not k.startswith(("元", "块", "塊"))
}
# Written before the number: 人民币3亿元, 港币两千九百六十元, US$5, ￥300. A prefix decides the
# currency over a plain 元 after the number (新台币177.1亿元 → TWD).
PREFIX_CURRENCIES: dict[str, str] = {
    "人民币": "CNY", "人民幣": "CNY", "RMB": "CNY", "CNY": "CNY", "￥": "CNY", "¥": "CNY",
    "港币": "HKD", "港幣": "HKD", "港元": "HKD", "HK$": "HKD", "HKD": "HKD",
    "新台币": "TWD", "新臺幣": "TWD", "新台幣": "TWD", "台币": "TWD", "台幣": "TWD", "NT$": "TWD",
    "美元": "USD", "US$": "USD", "USD": "USD", "$": "USD",
    "欧元": "EUR", "EUR": "EUR", "€": "EUR",
    "英镑": "GBP", "GBP": "GBP", "£": "GBP",
    "日元": "JPY", "JPY": "JPY",
    "澳门币": "MOP", "澳门元": "MOP", "MOP": "MOP", "MOP$": "MOP",
    # Dollar signs of other currencies: A$13.5 is Australian, never US$ (ISO 4217 codes too).
    "A$": "AUD", "AU$": "AUD", "AUD": "AUD", "澳元": "AUD",
    "C$": "CAD", "CA$": "CAD", "CAD": "CAD", "加元": "CAD",
    "S$": "SGD", "SGD": "SGD", "NZ$": "NZD", "NZD": "NZD", "TWD": "TWD",
    "₩": "KRW", "￦": "KRW", "KRW": "KRW", "韩元": "KRW",
    "₹": "INR", "INR": "INR", "₽": "RUB", "RUB": "RUB", "CHF": "CHF", "THB": "THB", "MYR": "MYR",
}
DEFAULT_CURRENCY = "CNY"

# --- qualifiers: the table MONEY and PERCENT share (extract/qualifier.py) ---------------------
from extract.qualifier import TRAILING as TRAILING_QUALIFIERS  # noqa: E402,F401
from extract.qualifier import TRAILING_PATTERN as TRAILING  # noqa: E402,F401

# --- characters -------------------------------------------------------------------------------
_digits = "".join(DIGITS)
_zeros = "".join(sorted(ZEROS))
# A run of characters that can make up one quantity before a currency (the parser validates
# it): Arabic and Chinese numerals, separators, 余/多/几/数/上 markers, 个 of 两个亿.
QTY_CHAR = f"[0-9.,，{CN_CHARS}点點余多几数上个]"
QTY_RUN = f"{QTY_CHAR}{{1,40}}"
# One digit of a 角/分 sub-unit: 壹角, 1角, 三毛.
SUB_DIGIT = f"[0-9{_digits}]"
# 123元1角1分, 壹拾壹元壹角, 一元零五分; not 10元5分钟 (a sub-unit ends the word).
SUB_UNIT_RUN = (
    f"(?:(?:{SUB_DIGIT}[角毛](?:[{_zeros}]?{SUB_DIGIT}分)?|[{_zeros}]?{SUB_DIGIT}分)"
    r"(?=[钱錢整正]|\P{Han}|$))?"
)


def _alternation(words) -> str:
    """Longest first, so 美元 is tried before 元 and 超过 before 超."""
    return "(?:" + "|".join(regex.escape(w) for w in sorted(words, key=len, reverse=True)) + ")"


# 元 starting another word is no money: 3元素, 元宇宙, 元旦, 元首, 元器件, 元老.
YUAN_BLOCKED_AFTER = "素宇旦首件器老帅气代朝宵凶勋帝婴祖认"
# A range between two amounts (3亿—5亿元, 100万至200万元, 1万(含)-5万元, 5.6到5.78元): the shared
# RANGE_SEP of extract.numeral.lexicon.
# The plain yuan units: 元 and 圆, and 块 only where it is surely money (十块钱, 十块三毛).
# 块 alone is a classifier (十块屏幕); it is money before 钱, a sub-unit (十块三毛) or one digit
# that ends the amount (三块五 = 3.5, the spoken 角).
KUAI_DIGIT_END = r"(?=[钱錢，。、；;,.！？!?）)\s—–~～-]|至|到|以上|以下|左右|$)"
# 块 after a decimal with one or two places is money too (3.04块以上, 2.5块): no count of pieces
# has cents.
KUAI_AFTER_DECIMAL = r"(?<=[0-9]\.[0-9]{1,2})[块塊](?=以上|以下|以内|左右|上下|[^\p{Han}]|$)"
YUAN = (
    f"(?:[元圆圓](?![{YUAN_BLOCKED_AFTER}])"
    f"|[块塊](?={SUB_DIGIT}[角毛分]|[钱錢]|[{_zeros}]?{SUB_DIGIT}(?:[角毛]{SUB_DIGIT})?{KUAI_DIGIT_END})"
    f"|{KUAI_AFTER_DECIMAL})"
)
# After 块 a single digit is the 角: 三块五 → 3.5.
# 三块零四 → 3.04 (零 then the 分); 五块七毛八 → 5.78 (the 分 unsaid after 毛).
KUAI_JIAO = (f"(?:(?<=[块塊])(?:[{_zeros}]{SUB_DIGIT}|{SUB_DIGIT}(?:[角毛]{SUB_DIGIT})?){KUAI_DIGIT_END})")
NAMED_CURRENCY = _alternation(k for k in SUFFIX_CURRENCIES if k not in YUAN_UNITS)
SUFFIX_CURRENCY = f"(?:{NAMED_CURRENCY}|{YUAN})"
AFTER_YUAN = _alternation(AFTER_YUAN_CURRENCIES)
PREFIX_CURRENCY = _alternation(PREFIX_CURRENCIES)
CLOSER = "[整正]"
# After a prefix-only amount (人民币3.14, US$5) no unit of something else may follow.
PREFIX_ONLY_BLOCKED_AFTER = "年月日天个%‰倍岁时分秒号期次家项条名人位辆台套元圆块個蚊毫仙"
# A bare scale word (万亿元) is an amount only after a qualifier (超万亿元, 近百亿元); a size
# class is not (千亿级园区, 百亿元级产业, 万元GDP).
SIZE_CLASS_AFTER = "级"
# Characters of the financial (大写) digits: 整/正 after them close the amount (壹仟玖佰圆整).
FINANCIAL = frozenset("壹贰貳叁參叄肆伍陆陸柒捌玖拾佰仟")
# The plain yuan words (三元 alone is more often a name than an amount).
YUAN_UNITS_PLAIN = frozenset("元圆圓")
# Prefixes that are symbols or codes: the number after them must have Arabic digits.
SYMBOL_PREFIXES = frozenset(k for k in PREFIX_CURRENCIES if k.isascii() or k in "￥¥€£₩￦₹₽")
# Separators that may end a quantity run but never the amount (售价￥300，较上月…).
RUN_TRAILING_SEPARATORS = ",，."
# --- 角/毛 alone, and Hong Kong colloquial money ----------------------------------------------
# 两毛五, 两角五分, 2角, 5毛, 两毛: a sum of 角/毛 with nothing Chinese after it (五毛党, 三角形,
# 八角 are words). A bare Chinese digit + 毛/角 is read only for 两 (三毛 is a pen name, 八角 a
# spice); with a second digit (三毛五) the amount is unmistakable.
JIAO_ALONE_BEFORE_BLOCKED = "0-9.点點块塊元圆圓蚊個第" + CN_CHARS
HK_DOLLAR_UNITS = "蚊個"  # 七蚊 (HK$7), 三個一毫四 (HK$3.14); 毫 = 角, 仙 = cent
HK_CURRENCY = "HKD"
# After 蚊 these start another word (蚊子, 蚊帐): no money.
HK_MOSQUITO_AFTER = "子虫蟲香帐帳蝇蠅"
HK_PREFIXES = tuple(k for k, v in PREFIX_CURRENCIES.items() if v == HK_CURRENCY)  # 港幣, HK$, HKD …
# 八仙 (the Eight Immortals), 七仙女: a bare 八/七 before 仙 is no cent amount.
HK_CENT_BLOCKED = ("八", "七")
# 個 as a dollar is Cantonese; these before it make 這個九 "this nine", not HK$1.9.
HK_GE_BLOCKED_BEFORE = "這这那哪每某幾几各整"

# Anchors: every MONEY match holds one of these words.
ANCHOR_WORDS = frozenset(SUFFIX_CURRENCIES) | frozenset(PREFIX_CURRENCIES) | YUAN_UNITS
# Characters a match can hold before its last currency word (scanned back from an anchor).
BACK_CHARS = frozenset(
    "0123456789.,，点點余多几数上个—–-~～至到(（含)） \u00a0" + CN_CHARS + "".join(ANCHOR_WORDS)
)

# Indicators' acronyms a figure is written right after in headlines (GDP3112亿元): words, not codes.
ACRONYMS = ("GDP", "GNP", "GRP", "FDI", "ODI", "IPO")
