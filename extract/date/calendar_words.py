"""DATE words that name a day or a week through the calendar instead of numbers.

- ``date.weekday``  周三, 星期五, 上周一, 下周二, 本周日 → the day in the document date's ISO week
  (上 / 下 one week before / after); a weekday next to a full date must agree with it
  (周六 2013年04月08日 names two different days: no reading at all).
- ``date.week``     上周, 本周, 下周, 上个星期 → the ISO week (``2024-W01``).
- ``date.holiday``  元旦, 春节, 元宵节, 清明节, 五一 / 劳动节, 端午节, 中秋节, 国庆节, the fixed-day
  observances (妇女节, 儿童节, 教师节, 圣诞节 …) and 七夕 / 重阳节 / 除夕 → the day
  (lunar dates through ``lunardate``, 清明 through the solar-term table of ``chinese_calendar``),
  in the year written before it (2026年春节) or the occurrence nearest the document date.
- ``date.holiday_period``  春节期间, 国庆假期, 五一小长假 … → the official days off
  (``chinese_calendar``'s State Council table) as a range; a year the table does not know gives
  nothing (never the festival day in place of the period).

- ``date.lunar``  农历八月十五, 正月初一, 腊月初八, 五月初五, 大年初三, 2023年农历十月, 农历闰二月 →
  the Gregorian day (or the run of days of a lunar month) through ``lunardate``: a lunar date is
  one only when the text says so (农历 / 阴历, 正月 / 腊月 / 冬月, a day written 初N); the
  Gregorian rules never read it (no 八月十五 of 农历八月十五 as 15 August). The written year is the
  lunar year; without one, the occurrence nearest the document date.

- ``date.weekend``  本周末 / 上周末 / 下周末 → that week's Saturday and Sunday, as a range (a bare
  周末 is habitual: not read).
- ``date.month_week``  3月第三周, 本月第2周 → the ISO week of the month's Nth Monday; with a weekday
  after it (3月第三周的周五) that day.

Words are read only where the text around them says they are calendar words: a weekday or a
holiday followed by another word (周一鸣, 五一路, 中秋月饼, 上周期) is a name or another word.
Everything here needs the document date, except fixed-date holidays (元旦 → XXXX-01-01).
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from typing import Iterator

from extract.date.lexicon import REL_YEAR, RELATIVE_YEARS
from extract.date.normalize import number

# The rule names this module gives its readings (the module docstring describes each).
RULE_NAMES = ("date.weekday", "date.week", "date.holiday", "date.holiday_period", "date.lunar", "date.weekend",
              "date.month_week")

# --- tables --------------------------------------------------------------------------------
WEEKDAYS: dict[str, int] = {
    "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "日": 7, "天": 7,
    "1": 1, "2": 2, "3": 3, "4": 4, "5": 5, "6": 6, "7": 7,
}
WEEK_SHIFT: dict[str, int] = {
    "": 0, "本": 0, "这": 0, "這": 0, "今": 0, "上": -1, "上个": -1, "上個": -1, "上一": -1,
    "下": 1, "下个": 1, "下個": 1, "下一": 1,
}
# Holidays: (kind, month, day); kind "solar" is a fixed Gregorian day, "lunar" a day of the
# Chinese calendar, "term" a solar term. ``official`` is chinese_calendar's holiday name.
HOLIDAYS: dict[str, tuple[str, int, int, str | None]] = {
    "元旦": ("solar", 1, 1, "New Year's Day"),
    "春节": ("lunar", 1, 1, "Spring Festival"), "春節": ("lunar", 1, 1, "Spring Festival"),
    "元宵节": ("lunar", 1, 15, None), "元宵節": ("lunar", 1, 15, None),
    "清明": ("term", 4, 0, "Tomb-sweeping Day"), "清明节": ("term", 4, 0, "Tomb-sweeping Day"),
    "清明節": ("term", 4, 0, "Tomb-sweeping Day"),
    "五一": ("solar", 5, 1, "Labour Day"), "劳动节": ("solar", 5, 1, "Labour Day"),
    "勞動節": ("solar", 5, 1, "Labour Day"), "五一劳动节": ("solar", 5, 1, "Labour Day"),
    "端午": ("lunar", 5, 5, "Dragon Boat Festival"), "端午节": ("lunar", 5, 5, "Dragon Boat Festival"),
    "端午節": ("lunar", 5, 5, "Dragon Boat Festival"),
    "中秋": ("lunar", 8, 15, "Mid-autumn Festival"), "中秋节": ("lunar", 8, 15, "Mid-autumn Festival"),
    "中秋節": ("lunar", 8, 15, "Mid-autumn Festival"),
    "国庆": ("solar", 10, 1, "National Day"), "国庆节": ("solar", 10, 1, "National Day"),
    "國慶": ("solar", 10, 1, "National Day"), "國慶節": ("solar", 10, 1, "National Day"),
    "国庆節": ("solar", 10, 1, "National Day"), "國慶节": ("solar", 10, 1, "National Day"),
    # issue 17, second part: the fixed-day observances and the lunar festivals news dates events
    # by (no official days off: their periods give nothing)
    "元旦节": ("solar", 1, 1, "New Year's Day"), "元旦節": ("solar", 1, 1, "New Year's Day"),
    "阳历新年": ("solar", 1, 1, "New Year's Day"), "陽曆新年": ("solar", 1, 1, "New Year's Day"),
    "情人节": ("solar", 2, 14, None), "情人節": ("solar", 2, 14, None),
    "妇女节": ("solar", 3, 8, None), "婦女節": ("solar", 3, 8, None), "三八妇女节": ("solar", 3, 8, None),
    "国际妇女节": ("solar", 3, 8, None), "植树节": ("solar", 3, 12, None), "植樹節": ("solar", 3, 12, None),
    "消费者权益日": ("solar", 3, 15, None), "国际消费者权益日": ("solar", 3, 15, None),
    "愚人节": ("solar", 4, 1, None), "愚人節": ("solar", 4, 1, None),
    "青年节": ("solar", 5, 4, None), "五四青年节": ("solar", 5, 4, None), "青年節": ("solar", 5, 4, None),
    "五一国际劳动节": ("solar", 5, 1, "Labour Day"), "国际劳动节": ("solar", 5, 1, "Labour Day"),
    "儿童节": ("solar", 6, 1, None), "兒童節": ("solar", 6, 1, None), "六一儿童节": ("solar", 6, 1, None),
    "国际儿童节": ("solar", 6, 1, None), "建党节": ("solar", 7, 1, None), "建黨節": ("solar", 7, 1, None),
    "建军节": ("solar", 8, 1, None), "建軍節": ("solar", 8, 1, None), "八一建军节": ("solar", 8, 1, None),
    "八一建軍節": ("solar", 8, 1, None), "教师节": ("solar", 9, 10, None), "教師節": ("solar", 9, 10, None),
    "万圣节": ("solar", 10, 31, None), "萬聖節": ("solar", 10, 31, None),
    "平安夜": ("solar", 12, 24, None), "圣诞节": ("solar", 12, 25, None), "聖誕節": ("solar", 12, 25, None),
    "圣诞": ("solar", 12, 25, None), "聖誕": ("solar", 12, 25, None),
    "农历新年": ("lunar", 1, 1, "Spring Festival"), "農曆新年": ("lunar", 1, 1, "Spring Festival"),
    "七夕": ("lunar", 7, 7, None), "七夕节": ("lunar", 7, 7, None), "七夕節": ("lunar", 7, 7, None),
    "重阳节": ("lunar", 9, 9, None), "重陽節": ("lunar", 9, 9, None),
    "除夕": ("eve", 1, 1, None),  # the last day of the lunar year: the day before 春节
    "大年三十": ("eve", 1, 1, None),  # 除夕, whether the twelfth month has 29 or 30 days
}
# The other solar terms (chinese_calendar's table, 1900–2100), by the Gregorian month they fall in.
# The solstices, equinoxes and 立X are read alone; the rest are weather words too (大雪, 小满,
# 霜降): read only with their year before them (2024年大雪).
SOLAR_TERMS: dict[str, int] = {
    "小寒": 1, "大寒": 1, "立春": 2, "雨水": 2, "惊蛰": 3, "春分": 3, "谷雨": 4, "立夏": 5, "小满": 5,
    "芒种": 6, "夏至": 6, "小暑": 7, "大暑": 7, "立秋": 8, "处暑": 8, "白露": 9, "秋分": 9, "寒露": 10,
    "霜降": 10, "立冬": 11, "小雪": 11, "大雪": 12, "冬至": 12,
}
TERMS_ALONE = frozenset({"立春", "立夏", "立秋", "立冬", "春分", "夏至", "秋分", "冬至"})
HOLIDAYS.update({name: ("term", month, 0, None) for name, month in SOLAR_TERMS.items()})
PERIOD_WORDS = ("小长假", "长假", "假期", "期间", "黄金周", "假日", "長假", "期間", "黃金週")

# --- the grammar -----------------------------------------------------------------------------
_WEEK_WORD = "(?:周|週|星期|礼拜|禮拜)"
# Before a week word: a count (两周, 一星期), 每 (recurring), or 上上 / 下下 (read as nothing).
_NOT_BEFORE_WEEK = "每一二两三四五六七八九十几数个個多半第隔"
# After a bare week (上周, 本周): another word (上周期, 本周年, 周边).
_WEEK_NOT_AFTER = "期年岁歲边邊围圍全到密转轉刊报報长長知游旋折济濟末"
# After a weekday: what a calendar weekday is followed by in news (a part of the day, a verb of
# publishing, a connective, punctuation). Anything else is a name (周一鸣) or another word.
_WEEKDAY_AFTER = (
    r"(?=$|[\s\d，。、；：！？,.;:!?）)」』”\"]|二〇|二零|一九|上午|下午|中午|晚|早|凌晨|夜|傍晚|白天|当天|當天|开盘|開盘|收盘|收盤"
    r"|盘|發|发布|公布|表示|宣布|召开|召開|举行|舉行|开|開|以来|起|前|后|後|和|与|與|及|或|的|是|将|將|在|再|"
    r"也|还|還|又|就|即|会|會|称|稱|共|对|對|出|继续|繼續|最|大|小|美|欧|亚|港|A股|市|的|凌)"
)
_HOLIDAY_AFTER = (
    r"(?=$|[\s，。、；：！？,.;:!?）)」』”\"]|节|節|前|后|後|前夕|当天|當天|当日|之际|之際|以来|起|至|到|和|与|與|及"
    r"|或|的|是|将|將|在|期间|假期|长假|小长假|黄金周|假日|当晚|晚|夜|上午|下午|前后|过后|過後|临近|臨近|刚|剛)"
)
_HOLIDAY_NAMES = "|".join(sorted(HOLIDAYS, key=len, reverse=True))
_PERIOD = "|".join(PERIOD_WORDS)
PATTERN = re.compile(
    rf"(?P<week>(?<![{_NOT_BEFORE_WEEK}])(?P<stack>上上|下下)?(?P<rel>上一|下一|上个|上個|下个|下個|上|下|本|这|這|今)?"
    rf"(?:(?<=[上下本这這个個一今]){_WEEK_WORD}(?={_WEEK_WORD}[一二三四五六日天]))?"  # 下周周六, 本周星期三
    rf"{_WEEK_WORD}(?P<wd>[一二三四五六日天]|[1-7](?!\d))?)"
    rf"|(?P<hol>(?P<hy>(?:19|20)\d\d年|[〇零○一二三四五六七八九]{{4}}年|{REL_YEAR})?(?P<h>{_HOLIDAY_NAMES})(?P<hp>{_PERIOD})?)"
)
_LUNAR_TAG = "农历|阴历|農曆|陰曆|農歷"
_LUNAR_DAY = ("初[一二三四五六七八九十]|初10|初[1-9]|十[一二三四五六七八九]|二十[一二三四五六七八九]?|廿[一二三四五六七八九]?"
              "|三十|[12]\\d|30|[1-9]")
_LUNAR_END = "[日号號]?(?![\\d一二三四五六七八九十日号號])"
LUNAR = re.compile(
    rf"(?P<tag0>{_LUNAR_TAG})?(?:(?P<ly>(?:19|20)\d\d|[〇零○一二三四五六七八九]{{4}})年|(?P<ry>{REL_YEAR}))?"
    rf"(?P<tag>{_LUNAR_TAG})?(?P<leap>闰|閏)?"
    rf"(?:(?P<lm>正|腊|臘|冬|十[一二]|[一二三四五六七八九十]|1[0-2]|[1-9])月"
    rf"(?:(?P<ld>{_LUNAR_DAY}){_LUNAR_END}|(?![初廿一二三四五六七八九十日号號]|\d{{1,2}}(?!\d)))"
    rf"|(?P<dn>大年)(?P<dd>初[一二三四五六七八九十]){_LUNAR_END})"
)
LUNAR_ANCHOR = re.compile(rf"{_LUNAR_TAG}|正月|腊月|臘月|冬月|月初[一二三四五六七八九十1-9]|大年初")
_LUNAR_MONTH = {"正": 1, "冬": 11, "腊": 12, "臘": 12}
ANCHOR = re.compile(rf"{_WEEK_WORD}|{_HOLIDAY_NAMES}|{LUNAR_ANCHOR.pattern}")
_RANGE_AFTER = re.compile(rf"(?:至|到|—|-|~|～){_WEEK_WORD}")


def _monday(ref: dt.date, weeks: int) -> dt.date:
    return ref - dt.timedelta(days=ref.isoweekday() - 1) + dt.timedelta(weeks=weeks)


def iso_week(day: dt.date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year:04d}-W{week:02d}"


@lru_cache(maxsize=512)
def holiday_day(name: str, year: int) -> dt.date | None:
    """The day of a holiday in a Gregorian year (None where no table reaches)."""
    kind, month, day, _ = HOLIDAYS[name]
    if kind == "solar":
        return dt.date(year, month, day)
    if kind == "eve":
        spring = holiday_day("春节", year)
        return spring - dt.timedelta(days=1) if spring is not None else None
    if kind == "lunar":
        from lunardate import LunarDate

        try:
            return LunarDate(year, month, day).to_solar_date()
        except ValueError:
            return None
    import chinese_calendar

    term = name.rstrip("节節")
    try:
        terms = chinese_calendar.get_solar_terms(dt.date(year, month, 1), dt.date(year, month, 28))
    except Exception:  # outside the package's table (1900–2100)
        return None
    return next((d for d, t in terms if t == term), None)


@lru_cache(maxsize=512)
def holiday_period(name: str, year: int) -> tuple[dt.date, dt.date] | None:
    """The official days off for a holiday (State Council notice, as tabled by chinese_calendar):
    the run of days of that holiday around its day, or None where the table is silent."""
    official = HOLIDAYS[name][3]
    day = holiday_day(name, year)
    if official is None or day is None:
        return None
    from chinese_calendar.constants import holidays

    days = {d for d, h in holidays.items() if d.year in (year - 1, year, year + 1) and str(h) == official}
    if not days:
        return None
    near = [d for d in days if abs((d - day).days) <= 10]
    if not near:
        return None
    # the run of days off around the statutory day nearest the festival day: statutory days of
    # any holiday (国庆 and 中秋 share one break in 2023 and 2025) and the weekends joined to them
    import chinese_calendar

    def off(d: dt.date) -> bool:
        try:
            return chinese_calendar.is_holiday(d)
        except NotImplementedError:  # past the table's last year
            return False

    pivot = min(near, key=lambda d: abs((d - day).days))
    lo = hi = pivot
    for _ in range(15):
        if not off(lo - dt.timedelta(days=1)):
            break
        lo -= dt.timedelta(days=1)
    for _ in range(15):
        if not off(hi + dt.timedelta(days=1)):
            break
        hi += dt.timedelta(days=1)
    return lo, hi


def _nearest_year(name: str, ref: dt.date) -> int | None:
    best = None
    for y in (ref.year - 1, ref.year, ref.year + 1):
        d = holiday_day(name, y)
        if d is not None and (best is None or abs((d - ref).days) < abs((best[1] - ref).days)):
            best = (y, d)
    return best[0] if best else None


def anchored(text: str, anchor: re.Pattern, pattern: re.Pattern, back: int, *, after_digit: bool = True,
             whole_anchor: bool = False) -> Iterator[re.Match]:
    """The matches of ``pattern``, found through ``anchor`` (a short word every match holds, cheap
    to scan for): at each anchor, the leftmost match starting at most ``back`` characters before
    it that reaches into it (past its end with ``whole_anchor``), not right after a digit unless
    ``after_digit``. In text order, never overlapping; linear (``back`` tries per anchor)."""
    pos = 0
    for a in anchor.finditer(text):
        if a.start() < pos:
            continue
        reach = a.end() if whole_anchor else a.start() + 1
        for s in range(max(pos, a.start() - back), a.start() + 1):
            m = pattern.match(text, s)
            if m is not None and m.end() >= reach and (after_digit or s == 0 or not text[s - 1].isdigit()):
                pos = m.end()
                yield m
                break


def find(text: str, ref: dt.date | None) -> Iterator[tuple[int, int, str | None, str, int | None]]:
    """(start, end, value, rule, weekday) for every calendar word; ``weekday`` (1–7) is set for a
    plain weekday, which the caller checks against a full date next to it. ``value`` is None for
    a weekday without a document date (it only serves that check)."""
    skip_to = 0
    for m in anchored(text, ANCHOR, PATTERN, 6):
        if m.start() < skip_to:
            continue
        if m.group("wd") is not None and (r := _RANGE_AFTER.match(text, m.end())) is not None:
            skip_to = r.end()  # 周一至周五: the working week, recurring; neither end is a date
            continue
        if m.group("week") is not None:
            found = _week(text, m, ref)
        else:
            found = _holiday(text, m, ref)
        if found is not None:
            yield found


_WEEKEND_NOT = ("期", "版", "端", "尾")  # 周末期 …: another word


def _week(text: str, m: re.Match, ref: dt.date | None):
    start, end = m.span()
    rel, wd = m.group("rel") or "", m.group("wd")
    if m.group("stack"):
        return None
    if wd is None:
        if ref is None:
            return None
        after = text[end : end + 1]
        if rel and after == "末" and m.group(0)[-1] in "周週" and not text.startswith(_WEEKEND_NOT, end + 1):
            # 本周末 / 上周末 / 下周末: that week's Saturday and Sunday
            saturday = _monday(ref, WEEK_SHIFT[rel]) + dt.timedelta(days=5)
            value = f"{saturday.isoformat()}/{(saturday + dt.timedelta(days=1)).isoformat()}"
            return start, end + 1, value, "date.weekend", None
        if not rel or (after and after in _WEEK_NOT_AFTER + "一二三四五六七八九十"):
            return None
        return start, end, iso_week(_monday(ref, WEEK_SHIFT[rel])), "date.week", None
    if wd == "日" and text.startswith("均", end):
        return None  # 周日均 (a weekly daily average)
    if not re.match(_WEEKDAY_AFTER, text[end : end + 4]):
        return None
    if start > 0 and text[start - 1] in "“「『\"《":
        return None  # “星期天的早晨”: a name in quotes
    plain = WEEKDAYS[wd] if not rel else None
    if ref is None:  # no value, but the caller still checks it against a date next to it
        return (start, end, None, "date.weekday", plain) if plain else None
    day = _monday(ref, WEEK_SHIFT[rel]) + dt.timedelta(days=WEEKDAYS[wd] - 1)
    return start, end, day.isoformat(), "date.weekday", plain


def _holiday(text: str, m: re.Match, ref: dt.date | None):
    start, end = m.span()
    name, period, year_text = m.group("h"), m.group("hp"), m.group("hy")
    if not period and not re.match(_HOLIDAY_AFTER, text[end : end + 3]):
        return None
    if start > 0 and text[start - 1] in "“「『\"":
        return None
    if name in SOLAR_TERMS and name not in TERMS_ALONE and not year_text:
        return None  # 大雪 alone is the weather
    if year_text in RELATIVE_YEARS:  # 去年春节, 明年国庆: the year from the document date
        if ref is None:
            return None
        year = ref.year + RELATIVE_YEARS[year_text]
    else:
        year = number(year_text[:-1]) if year_text else (_nearest_year(name, ref) if ref is not None else None)
    if period:
        if period == "黄金周" and name not in ("国庆", "国庆节", "國慶", "五一", "春节"):
            return None
        if year is None:
            return None
        span = holiday_period(name, year)
        if span is None:
            return None  # no official table for that year: nothing (never the festival day instead)
        return start, end, f"{span[0].isoformat()}/{span[1].isoformat()}", "date.holiday_period", None
    if year is None:
        kind, month, day, _ = HOLIDAYS[name]
        if kind != "solar":
            return None
        return start, end, f"XXXX-{month:02d}-{day:02d}", "date.holiday", None
    d = holiday_day(name, year)
    if d is None:
        return None
    return start, end, d.isoformat(), "date.holiday", None


# --- lunar dates -------------------------------------------------------------------------------

def _lunar_day_number(text: str) -> int:
    if text.startswith("初"):
        return 10 if text == "初十" else number(text[1:])  # 初五, 初8
    if text.startswith("廿"):
        return 20 + (number(text[1:]) if len(text) > 1 else 0)
    return number(text)


def _lunar_solar(year: int, month: int, day: int | None, leap: bool) -> tuple[dt.date, dt.date] | None:
    """The Gregorian days of a lunar day (or of a whole lunar month when ``day`` is None)."""
    from lunardate import LunarDate

    try:
        if day is not None:
            d = LunarDate(year, month, day, leap).to_solar_date()
            return d, d
        first = LunarDate(year, month, 1, leap).to_solar_date()
        last = first
        for k in (30, 29):
            try:
                last = LunarDate(year, month, k, leap).to_solar_date()
                break
            except ValueError:
                continue
        return first, last
    except ValueError:
        return None


def find_lunar(text: str, ref: dt.date | None) -> Iterator[tuple[int, int, str | None, str, int | None]]:
    """(start, end, value, "date.lunar", None) for the lunar dates of ``text`` (see the module doc)."""
    for m in anchored(text, LUNAR_ANCHOR, LUNAR, 8, after_digit=False):
        found = _lunar(m, ref)
        if found is not None:
            yield found


def lunar_at(text: str, start: int, ref: dt.date) -> str | None:
    """The value of the lunar date starting at ``start``, resolved against ``ref``."""
    m = LUNAR.match(text, start)
    found = _lunar(m, ref) if m is not None else None
    return found[2] if found is not None else None


def _lunar(m: re.Match, ref: dt.date | None):
    lm, ld, tag = m.group("lm"), m.group("ld"), m.group("tag") or m.group("tag0")
    if m.group("dn"):
        month, day = 1, _lunar_day_number(m.group("dd"))
    else:
        marked = tag or lm in _LUNAR_MONTH or (ld or "").startswith("初")  # 九月廿二 alone is Gregorian
        if not marked:
            return None  # 八月十五 alone: the Gregorian rules' (or nobody's)
        month = _LUNAR_MONTH.get(lm) or number(lm)
        day = _lunar_day_number(ld) if ld else None
    if not 1 <= month <= 12 or (day is not None and not 1 <= day <= 30):
        return None
    leap = bool(m.group("leap"))
    if m.group("ly"):
        span = _lunar_solar(number(m.group("ly")), month, day, leap)
    elif m.group("ry"):
        if ref is None:
            return None
        span = _lunar_solar(ref.year + RELATIVE_YEARS[m.group("ry")], month, day, leap)
    elif ref is None:
        return None  # a lunar date without its year has no Gregorian day to give
    else:
        options = [x for y in (ref.year - 1, ref.year, ref.year + 1) if (x := _lunar_solar(y, month, day, leap))]
        def distance(x):
            return 0 if x[0] <= ref <= x[1] else min(abs((x[0] - ref).days), abs((x[1] - ref).days))
        span = min(options, key=distance) if options else None
    if span is None:
        return None
    value = span[0].isoformat() if span[0] == span[1] else f"{span[0].isoformat()}/{span[1].isoformat()}"
    return m.start(), m.end(), value, "date.lunar", None


# --- weeks of a month ----------------------------------------------------------------------------
# ``date.month_week``: 3月第三周, 2023年三月的第二周, 本月第2周 → the ISO week whose Monday is the
# Nth Monday of that month (the first week of a month starts on its first Monday).
_REL_MONTHS = {"本月": 0, "这个月": 0, "這個月": 0, "上月": -1, "上个月": -1, "上個月": -1, "下月": 1, "下个月": 1, "下個月": 1}
MONTH_WEEK = re.compile(
    rf"(?:(?:(?P<wy>(?:19|20)\d\d|[〇零○一二三四五六七八九]{{4}})年|(?P<wry>{REL_YEAR}))?"
    r"(?P<wm>1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])月份?|(?P<wrm>本月|这个月|這個月|上个月|上個月|上月|下个月|下個月|下月))"
    rf"的?第(?P<wn>[1-5一二三四五])[个個]?{_WEEK_WORD}(?:的?{_WEEK_WORD}(?P<wwd>[一二三四五六日天]))?"
    r"(?![一二三四五六日天1-7])"
)
MONTH_WEEK_ANCHOR = re.compile(rf"月份?的?第[1-5一二三四五][个個]?{_WEEK_WORD}")


def _nth_monday(year: int, month: int, n: int) -> dt.date | None:
    first = dt.date(year, month, 1)
    monday = first + dt.timedelta(days=(7 - first.weekday()) % 7 + 7 * (n - 1))
    return monday if monday.month == month else None


def find_month_weeks(text: str, ref: dt.date | None) -> Iterator[tuple[int, int, str | None, str, int | None]]:
    for m in anchored(text, MONTH_WEEK_ANCHOR, MONTH_WEEK, 8, after_digit=False, whole_anchor=True):
        n = number(m.group("wn"))
        if m.group("wrm"):
            if ref is None:
                continue
            k = ref.year * 12 + ref.month - 1 + _REL_MONTHS[m.group("wrm")]
            year, month = k // 12, k % 12 + 1
        else:
            month = number(m.group("wm"))
            if not 1 <= month <= 12:
                continue
            if m.group("wy"):
                year = number(m.group("wy"))
            elif m.group("wry"):
                if ref is None:
                    continue
                year = ref.year + RELATIVE_YEARS[m.group("wry")]
            elif ref is None:
                continue
            else:  # the month nearest the document date (as for a year-less month)
                year = min((ref.year - 1, ref.year, ref.year + 1),
                           key=lambda y: abs((y * 12 + month) - (ref.year * 12 + ref.month)))
        monday = _nth_monday(year, month, n)
        if monday is not None and m.group("wwd"):  # 3月第三周周一: that day
            day = monday + dt.timedelta(days=WEEKDAYS[m.group("wwd")] - 1)
            yield m.start(), m.end(), day.isoformat(), "date.month_week", None
        elif monday is not None:
            yield m.start(), m.end(), iso_week(monday), "date.month_week", None
