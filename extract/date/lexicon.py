"""DATE tables and named regex fragments, composed by name.

Sources: GB/T 15835-2011 (numbers in Chinese publications: 2023年12月28日, 二〇二三年十二月),
GB/T 7408 / ISO 8601 (2023-12-28 and the values we emit), and the project guideline
(corpus/GUIDELINE.md, DATE) for the period conventions (年初 → 01, 年底 → 12, 上旬 → 01–10).

Every fragment is bounded: digit runs have fixed lengths, words are literals, and the only
repetition ({1,2}) is on one separator character. The rules compose these by name.
"""

from __future__ import annotations

from extract.numeral.lexicon import RANGE_SEP

# Characters ------------------------------------------------------------------------------
CN_DIGIT = "[〇零○Ｏ一二三四五六七八九]"  # positional digits of a year: 二〇二三
CN_1_9 = "[一二三四五六七八九]"

# Numbers of a date (validated by the numeral parser, not by the regex) ----------------------
YEAR4_ARABIC = r"(?:1[5-9]|20)\d{2}"
# 两千零五, 二千, 两千零二十三: a year of the 2000s written with 千 (colloquial, as news quotes it).
YEAR_QIAN = "(?:[两二]千(?:零[一二三四五六七八九]|零一十[一二三四五六七八九]?|零?[一二]十[一二三四五六七八九]?)?)"
YEAR4 = rf"(?:{YEAR4_ARABIC}|{CN_DIGIT}{{4}}|{YEAR_QIAN})"
YEAR2 = rf"(?:\d{{2}}|{CN_DIGIT}{{2}})"
MONTH_ARABIC = r"(?:1[0-2]|0?[1-9])"
MONTH_CN = rf"(?:十[一二]?|{CN_1_9})"
MONTH = rf"(?:{MONTH_ARABIC}|{MONTH_CN})"
DAY_ARABIC = r"(?:3[01]|[12]\d|0?[1-9])"
DAY_CN = rf"(?:三十一?|二十{CN_1_9}?|廿{CN_1_9}?|十{CN_1_9}?|{CN_1_9})"
DAY = rf"(?:{DAY_ARABIC}|{DAY_CN})"
QUARTER_NUM = "[一二三四1-4]"
COUNT_SMALL = "[一二两三四五六七八九十1-9]|十[一二]|1[01]"  # 前N个月 / 前N个季度

# Unit words ----------------------------------------------------------------------------
YEAR_WORD = "年(?!代|级|纪|龄|薪|均|华|货|轻|画|糕|夜)"  # 1990年代, 一二年级 … are not years
DAY_WORD = "[日号號]"
# A day written without 日 after its month (四月十三, 1月3至2月10) ends the phrase or a range side.
# Also before a verb of an event or a part of the day (他在10月22出生, 9月1开学, 3月5上午).
DAY_WORDLESS_END = (rf"(?=$|[，。、；;,!?！？\s）)]|{RANGE_SEP}"
                    r"|出生|生日|开始|开幕|开业|开学|举行|举办|召开|发布|上映|结束|上午|下午|中午|晚上|凌晨|早上|当天|左右|前后)")
# — – - ~ ～ 至 到 (the shared range separator); 起至 / 起到 of notices (自2020年5月26日起至5月29日止).
SEP = rf"(?:起至|起到|{RANGE_SEP})"

# Relative words, resolved against the document date (Context.date) ----------------------
RELATIVE_YEARS: dict[str, int] = {"今年": 0, "本年": 0, "去年": -1, "明年": 1, "下年": 1, "前年": -2,
                                  "大前年": -3, "后年": 2, "後年": 2, "大后年": 3, "大後年": 3}
RELATIVE_MONTHS: dict[str, int] = {
    "本月": 0, "上月": -1, "上个月": -1, "上一个月": -1, "下月": 1, "下个月": 1,
    "上個月": -1, "上一個月": -1, "下個月": 1,
}
RELATIVE_QUARTERS: dict[str, int] = {
    "本季度": 0, "上季度": -1, "上个季度": -1, "上一季度": -1, "上一个季度": -1, "下季度": 1, "下个季度": 1,
}
RELATIVE_DAYS: dict[str, int] = {
    "今天": 0, "今日": 0, "本日": 0, "昨天": -1, "昨日": -1, "前天": -2, "前日": -2, "明天": 1, "明日": 1,
    "后天": 2, "後天": 2, "大前天": -3, "大后天": 3, "大後天": 3,
}
# Two relative years or days named together (今明两年, 明后两天): the range of the two, each read
# against the document date like 今年 / 明天 alone. 今后两年 / 未来两天 count a window from now
# (no reading: GUIDELINE DATE).
PAIRED_YEARS: dict[str, tuple[int, int]] = {"今明": (0, 1), "明后": (1, 2), "去今": (-1, 0)}
PAIRED_DAYS: dict[str, tuple[int, int]] = {"今明": (0, 1), "明后": (1, 2), "昨今": (-1, 0)}
PAIRED_YEAR = rf"(?:{'|'.join(PAIRED_YEARS)})两年"
PAIRED_DAY = rf"(?:{'|'.join(PAIRED_DAYS)})两[天日]"
# 大前年 / 大后年 are read whole (never 前年 of 大前年: a wrong year); 后年 only after a clause start
# or a connective (在后年, 后年起), never as the tail of 此后 / 投产后 (投产后年实现销售收入); 大大前年 has
# no reading.
REL_YEAR = ("(?:今年|本年|去年|明年|下年|(?<!大)大前年|(?<!大)大[后後]年|(?<!大)前年"
            "|(?:^|(?<=[\\s，。、；：:,;！？!?（(“\"在于到至和与與及将將是从從自待等或今明去前]))[后後]年(?![均产產度龄齡薪轻輕]))")
REL_MONTH = "(?:本月|上一[个個]月|上[个個]月|上月|下[个個]月|下月)"
REL_QUARTER = "(?:本季度|上一个季度|上一季度|上个季度|上季度|下个季度|下季度)"
# 大前天 / 大后天 are read whole; 前天 / 后天 never right after 大 (大大后天 has no reading: absent).
REL_DAY = (
    "(?:(?<!大)大前天|(?<!大)大[后後]天|今天|今日|本日|昨天|昨日|(?<!大)前天|前日|明天|明日"
    "|(?<![先和与大])[后後]天(?![性的养习获形]))"
    "(?!头条|之星|之子|方舟|香)"
)

# Periods (GUIDELINE: 年初 → 01, 年底/年末 → 12, 月初/月底 → that month, 上旬 01–10 …) ------
YEAR_EDGE_MONTH: dict[str, int] = {"初": 1, "始": 1, "底": 12, "末": 12}  # 伊始 = 初
HALVES: dict[str, int] = {"上半年": 1, "下半年": 2}
DEKADS: dict[str, tuple[int, int | None]] = {"上旬": (1, 10), "中旬": (11, 20), "下旬": (21, None)}
# 初 / 底 / 末 that start another word: 初步, 初心, 初一 (lunar), 底线, 末端 …
EDGE_NOT_WORD = "(?![步心衷稿次级期中审赛选创一二三四五六七八九十线层部盘座价气牌薪色端尾位])"
YEAR_EDGE = rf"(?:伊始|初|底|末){EDGE_NOT_WORD}"
MONTH_EDGE = rf"月?(?:上旬|中旬|下旬|初|底|末){EDGE_NOT_WORD}"  # 12月月底

# Context words around a span (outside it) -------------------------------------------------
AS_OF_BEFORE = ("截至到", "截止到", "截至", "截止")
SINCE_AFTER = ("以来", "至今", "起")
SINCE_AFTER_NOT = ("起草", "起诉", "起步", "起伏", "起源", "起点", "起飞", "起跑", "起航", "起来", "起火", "起事")
APPROX_INSIDE = ("左右", "前后")  # trailing approximators are inside the span, as for MONEY

# Characters that cannot stand right before a date (the date would be part of another number
# or of an anaphoric / recurring phrase: 每年底, 当年底, 同年底, 第2023年, 3个月).
# 月 and / too: a date right after them is the unread tail of a longer one (1357年6月10日 must not
# fall back to 10日, 10/1/2018 not to 2018-…); absent is better than a shorter reading.
NOT_BEFORE = r"\dA-Za-z年月日号〇零○Ｏ一二三四五六七八九十百千万亿两几数第每个余多当同该那这次上/"
# Words before a year that make it a duration: 长达2000年, 近2000年.
DURATION_BEFORE = ("长达", "历时", "历经", "近", "逾", "约", "超过", "超", "满", "多达")  # not 达: 英伟达2024年
# A bare day (28日) followed by these is a count of days or another word: 3日内, 5日元, 28日均.
BARE_DAY_NOT_AFTER = "元|内|以内|之内|后|以后|之后|前|以前|之前|均|常|本|语|军|产|照|益|报|用|夜|期|游|间"
# 来 after a date means "since" (2023年来) unless it starts another word: 2023年来自, 来看.
SINCE_LAI_NOT = ("来自", "来看", "来说", "来讲", "来到", "来的", "来了", "来华", "来京")
DURATION_AFTER = ("历史", "之久", "的历史")
# Where a date may start (a superset of the rules' first characters; see rules.QUICK).
QUICK_FIRST = r"\d〇零○Ｏ一二三四五六七八九十廿两今本去明前上下昨年第首Qq后後大"
QUICK_START = (
    r"\d{4}[-/. ]\d|\d{8}|[\d〇零○Ｏ一二三四五六七八九十廿两]{1,4}(?:年|月|日|号|號|季)"
    r"|[\d一二三四五六七八九十]{1,4}(?:[-~～—–]{1,2}|至|到)[\d一二三四五六七八九十第]"
    r"|今年|本年|去年|明年|前年|[后後]年|大[前后後]年|本月|上一?[个個]?月|下[个個]?月|[今昨前明后後本][天日]|大[前后後]天|年[初底末伊]"
    r"|[两二]千"
    r"|[上下]半年|[第首前][一二三四两1-4季]|[Qq][1-4]|[本上下][一个]?[个季]|下年"
)

# Forms the main grammar leaves to a second, small pattern (GUIDELINE, merged decisions) -----
# A bare year without 年 is a DATE when it stands for the year (2025 vs 2026, 展望2026：,
# 2026级, 2035建成); not when a counter or unit follows (2025个, 2025万元) or it is part of a
# longer number, code or amount.
BARE_YEAR = r"(?:19[5-9]\d|20\d\d)"
BARE_YEAR_NOT_BEFORE = r"\d.,/\\\-−A-Za-z$¥￥#@_%第共约近超逾达~～+"
COUNTERS_AFTER = set(
    "个家项人名元万亿千百吨米度台辆户件次场所条份只张套座栋幢平亩斤克篇首部集款位号期届岁天时分秒多余种倍例"
    "批笔股片根支颗枚块箱年月日周季"
)
ENGLISH_MONTHS: dict[str, int] = {
    "January": 1, "February": 2, "March": 3, "April": 4, "May": 5, "June": 6, "July": 7, "August": 8,
    "September": 9, "October": 10, "November": 11, "December": 12,
    "Jan": 1, "Feb": 2, "Mar": 3, "Apr": 4, "Jun": 6, "Jul": 7, "Aug": 8, "Sep": 9, "Sept": 9, "Oct": 10,
    "Nov": 11, "Dec": 12,
}
FISCAL_YEAR = "财年"
YEAR_END_WORDS: dict[str, int] = {"岁末": 12, "岁初": 1}

# Era names before a year: 康熙20年9月 is no Gregorian date (and never 2020-09). 公元前 too.
ERA_BEFORE = (
    "公元前", "康熙", "雍正", "乾隆", "嘉庆", "道光", "咸丰", "同治", "光绪", "宣统", "顺治", "民国", "民國",
    "洪武", "永乐", "万历", "崇祯", "贞观", "开元", "明治", "大正", "昭和", "平成", "令和", "檀纪",
)
ERA_MAX = max(map(len, ERA_BEFORE))
# Bare Chinese-numeral days: 十九日, 三十号 (11–31 with 日; any with 号 before a clause end or a
# part of the day). 三日 / 一日 alone are counts too often (三日游, 一日三餐).
BARE_DAY_CN = "(?:三十一?|二十[一二三四五六七八九]?|廿[一二三四五六七八九]?|十[一二三四五六七八九])"
HAO_AFTER = "(?=上午|下午|晚上|晚间|凌晨|中午|早上|早晨|夜间|当天|当日|起|以来|$|[，。；！？,;!?）)])"
# A month alone is not read before a lunar day (五月初五) or a week of the month (3月第三周): those
# are calendar_words' readings, and 五月 / 3月 alone would be a shorter reading of the phrase.
MONTH_NOT_BEFORE = "初[一二三四五六七八九十1-9]|的?第[1-6一二三四五六][个個]?(?:周|週|星期|礼拜|禮拜)"
# A Gregorian date never starts right after a lunar marker (农历八月十五 is calendar_words').
NOT_AFTER_LUNAR = "(?<!农历)(?<!阴历)(?<!農曆)(?<!陰曆)(?<!農歷)(?<!闰)(?<!閏)"
# A weekday right before a date (the date may start there): 周六2013年4月8日, 星期一 3月4日.
WEEKDAY_BEFORE = "(?:周|星期|礼拜|禮拜)[一二三四五六日天]"
