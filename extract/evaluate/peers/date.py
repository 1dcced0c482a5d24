"""DATE measured on other projects' own cases (``../shared/peers``; see its README).

The peers test the parse of a whole string. We run the pipeline on the text with the case's
reference date and compare the one DATE mention covering the text (a leading 从 / 自 and a
trailing 止 are connectives outside our spans), by the calendar interval it denotes: our ISO
value ``2023`` is the days 2023-01-01 … 2023-12-31, which is what JioNLP writes as
``['2023-01-01 00:00:00', '2023-12-31 23:59:59']`` and Duckling as a year-grain value.

Scope (decided from the case alone, never from our output): calendar expressions of day
granularity or coarser — years, months, days, quarters, halves, ranges of them, periods such
as 上旬 or 一季度末, weekdays and weeks (ISO weeks, weeks of a month), the holidays and solar terms
of calendar_words.HOLIDAYS, lunar dates marked as such. A date followed only by a clock time
(2019年6月28日下午3:00) is measured by its date part, against the day the peer's value lies in
(ANNOTATION keeps the clock outside the span). A case naming its own four-digit year is run
with no document date when the peer's time base is partial or its clock. Everything else is
excluded with its reason: clock times alone, holidays of other calendars, seasons, decades and
centuries (not DATE by ANNOTATION), rolling windows and offsets from "now" (三天后, 近30天,
年底前), weeks counted in a year, recurring times, anaphoric words (上年, 这一年, 当月: like 当年 /
同年 in ANNOTATION), Cantonese colloquialisms, peer cases whose reference time is the peer's
clock or a partial date (and whose text needs it), and disputed conventions (JioNLP's 年底 =
Nov 1–Dec 31 and 月初 = days 1–5, where GUIDELINE maps them to the month; year-less dates,
weekdays and holidays resolved into the future where GUIDELINE takes the nearest one or the
document's week; M/D/Y slash dates; 小寒 / 大寒 of the solar-term year). Durations that JioNLP
parses as time deltas (三天, 90日) are in scope as negatives: they must give no DATE.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Callable

from extract.evaluate.peers import SuiteResult, read_cases
from extract.pipeline import extract_text

LABEL = "DATE"
DURATION_REFERENCE = dt.date(2021, 6, 14)  # JioNLP's usual time base; durations need none

# GUIDELINE's holidays (calendar_words.HOLIDAYS, the one table), as the whole case text (a year
# before and 节 / 假期 words allowed).
def _our_holiday() -> re.Pattern:
    from extract.date.calendar_words import HOLIDAYS, PERIOD_WORDS, SOLAR_TERMS, TERMS_ALONE
    from extract.date.lexicon import RELATIVE_YEARS

    def alt(words) -> str:
        return "|".join(sorted(words, key=len, reverse=True))

    alone = alt(k for k in HOLIDAYS if k not in SOLAR_TERMS or k in TERMS_ALONE)
    year = rf"(?:(?:19|20)\d\d年|{alt(RELATIVE_YEARS)})"
    return re.compile(rf"^(?:{year}(?:{alt(HOLIDAYS)})|{year}?(?:{alone}))(?:{alt(PERIOD_WORDS)})?$")


_OUR_HOLIDAY = _our_holiday()
_ANY_HOLIDAY = re.compile(
    r"节|節|除夕|元旦|国庆|國慶|春节|暑假|寒假|冬至|大寒|小寒|芒种|新年|回归|回歸|纪念日|紀念日|权益日|"
    r"權益日|三一五|受难|受難|斋|齋|赎罪|贖罪|灰日|聖|圣|地球一小时|地球一小時|服务日|服務日|新正")


class _NotOurHoliday:
    """A holiday word that is not in GUIDELINE's table (or not alone in the case)."""

    @staticmethod
    def search(text: str):
        return None if _OUR_HOLIDAY.match(text) else _ANY_HOLIDAY.search(text)


_NOT_OUR_HOLIDAY = _NotOurHoliday()

# Exclusion rules: (reason, pattern on the case text), first match wins.
_TEXT_EXCLUSIONS: list[tuple[str, re.Pattern]] = [
    ("a lunar month-day without 农历 (八月十五): the peer reads it lunar, GUIDELINE as written (Gregorian)",
     re.compile(r"(?<![农阴历正腊冬])[一二三四五六七八九十]月十五$")),
    ("Cantonese lunar-style day (廿號 of 今個月廿號)", re.compile(r"廿[號号]")),
    ("a day written 廿N without 农历 (九月廿二): the peer reads it lunar, GUIDELINE as written (Gregorian)",
     re.compile(r"^(?!.*(?:农历|阴历|正月|腊月|冬月)).*[一二三四五六七八九十\d]月廿")),
    ("holiday, festival or solar term outside GUIDELINE's table (calendar_words.HOLIDAYS)",
     _NOT_OUR_HOLIDAY),
    ("a weekday counted in a month or a range of weekdays (十月第一个星期一, 上周三到这周二)", re.compile(
        r"第.{1,3}(?:周|週|星期|礼拜|禮拜)[一二三四五六日天]|(?:周|週|星期|礼拜|禮拜).{1,3}(?:到|至|-|~).{0,2}(?:周|週|星期|礼拜|禮拜)")),
    ("disputed convention: the peer's weekend runs from Friday evening (GUIDELINE: 本周末 = Saturday and "
     "Sunday; a bare 周末 is habitual)", re.compile(r"周末|週末")),
    ("week of a month the peer numbers otherwise, or stacked week words (第2周 alone, 上上周)", re.compile(
        r"(?<![月的份])第.{1,2}[周週]|^当月第|[上下]{2}[个個]?(?:周|週|星期|礼拜)|[周週]年|[周週]岁|(?<![上下])一周|这一[周週]|這一[周週]|[这這]一(?:礼拜|禮拜)|[这這]个礼拜")),
    ("season", re.compile(r"[春夏秋冬][季天]?$|[春夏秋冬]季")),
    ("decade or century (not DATE by ANNOTATION)", re.compile(r"世纪|年代")),
    ("clock time or part of a day", re.compile(
        r"[点點時时分秒:：]|早上|早晨|上午|中午|下午|晚上|今晚|昨晚|当晚|夜|午|黎明|白天|凌晨|傍晚|pm|PM|am|CET")),
    ("rolling window or offset from now (三天后, 近30天, 前两年)", re.compile(
        r"未来|过去|今后|再过|^过|^近|最近|^前[两二三四五六七八九十\d]|^[上下后後][两二三四五六七八九十兩]|"
        r"[\d一二三四五六七八九十两兩半多几个個]+[年月天日周週小时分秒季度钟鐘个個]+(?:半)?(?:以|之)?[前后後内]|"
        r"以来$|个月以来|前$|之前$|以前$|后$|後$|以后$|之后$|之後$|起$|至今$|现在|^现在|到今天")),
    ("anaphoric (上年, 这一年, 当月: like 当年 / 同年 in ANNOTATION)", re.compile(
        r"^上年|上一年|这一年|這一年|^当月|^同月|次年|上年末")),
    ("全天 / 全年 name no calendar period (GUIDELINE: 全年 is not DATE)", re.compile(r"^全[天年]$")),
    ("bare two-digit year (24年 reads as a duration in news; GUIDELINE: 5年 is not DATE)",
     re.compile(r"^(?:\d{2}|[〇零○一二三四五六七八九]{2})年$")),
    ("enumerated days (a list of dates, not one expression)",
     re.compile(r"(?<!周|週|期|拜)[号日號][，、,]|(?:周|週|星期|礼拜|禮拜)[一二三四五六日天][、]")),
    ("Cantonese colloquial", re.compile(r"尋日|聽日|後日|今個|而家|宜家|依家")),
    ("M/D/Y slash date (Chinese news writes Y/M/D; M/D reads as a share)",
     re.compile(r"^\d{1,2}/\d{1,2}(?:/\d{2,4})?(?:[号號日]|$)")),
    ("disputed convention: peer puts 小寒 / 大寒 of a year in the solar-term year from 立春 (2017年大寒 → "
     "January 2018); GUIDELINE: the term in the Gregorian year written", re.compile(r"年[小大]寒$")),
    ("disputed convention: peer puts 除夕 / 大年三十 of a year at the end of that lunar year (2023年大年三十 → "
     "2024-02-09); GUIDELINE: the eve before that Gregorian year's 春节", re.compile(r"\d年(?:除夕|大年三十)")),
    ("mixed separators in a numeric date (1994.01-19; GUIDELINE reads one separator only)",
     re.compile(r"^\d{4}\.\d{1,2}-\d{1,2}$|^\d{4}-\d{1,2}[/.]\d{1,2}$|^\d{4}/\d{1,2}[-.]\d{1,2}$")),
    ("ordinal day counted from now or from a year's start (第三天, 2025年第一天)", re.compile(r"第.{1,3}[天日]")),
    ("recurring (每年, 每月)", re.compile(r"^每")),
    ("stacked relative words (上上个月, 下下个季度, 大大后天)", re.compile(r"上上|下下|大大")),
    ("a week counted in a year (21年第一个礼拜, 今年第三十七个星期): the peer's week numbering is its own",
     re.compile(r"年第.{1,4}[个個]?(?:周|週|星期|礼拜|禮拜)$")),
    ("days counted inside a month (上月最后五天): a window, not a calendar unit", re.compile(r"最后.{1,3}[天日]|最後.{1,3}[天日]")),
    ("year-less numeric month-day (09-01, 6·30): reads as a score, a code or an event name in news",
     re.compile(r"^\d{1,2}[-·]\d{1,2}$")),
]
_STUTTER = re.compile(r"((?:\d{1,2}|[一二三四五六七八九十]{1,2})月)\1")
_FUZZY_WORDS = re.compile(r"年底|年末|年初|伊始|月初|月底|月末|初$|末期|前期|末$")


def _interval(value: str) -> tuple[dt.date, dt.date]:
    """The days an ISO value of ours denotes (first, last)."""
    from extract.date.normalize import DAY, HALF, MONTH, QUARTER, YEAR, Unit

    def unit(part: str) -> Unit:
        if "-W" in part:  # an ISO week: Monday … Sunday
            monday = dt.date.fromisocalendar(int(part[:4]), int(part[6:8]), 1)
            return Unit(DAY, monday.year, monday.month, monday.day), Unit(
                DAY, *(lambda d: (d.year, d.month, d.day))(monday + dt.timedelta(days=6)))
        if len(part) == 4:
            return Unit(YEAR, int(part))
        y, rest = int(part[:4]), part[5:]
        if rest[0] in "QH":
            return Unit(QUARTER if rest[0] == "Q" else HALF, y, int(rest[1]))
        if len(rest) == 2:
            return Unit(MONTH, y, int(rest))
        return Unit(DAY, y, int(rest[:2]), int(rest[3:5]))

    lo, _, hi = value.partition("/")
    a, b = unit(lo), unit(hi or lo)
    a = a[0] if isinstance(a, tuple) else a
    b = b[1] if isinstance(b, tuple) else b
    return a.first_day(), b.last_day()


def _core(text: str) -> tuple[int, int]:
    """The part of a peer's string our span should cover (connectives 从 / 自 / 止 left out)."""
    start, end = 0, len(text)
    while start < end and text[start] in "从自 ":
        start += 1
    while end > start and text[end - 1] in "止 。":
        end -= 1
    return start, end


def _mentions(text: str, ref: dt.date | None) -> list:
    return [m for m in extract_text(text, ref, labels=[LABEL]) if m.label.value == LABEL]


# Words after a time expression that carry no time (1季度中国经营状况: the peer parses the string,
# the span is assumed): no digit, numeral or time word.
_NO_TIME_TAIL = re.compile(r"[^\d〇零○一二三四五六七八九十百千两年月日号號天周週季度旬初底末时時点點分秒前后後内來来起至到期间]+")


def _check_whole(result: SuiteResult, cid: str, text: str, ref: dt.date | None, want: tuple[dt.date, dt.date],
                 end: int | None = None) -> None:
    """One DATE mention over the text (or over ``text[:end]``, the date before a clock time),
    denoting the days ``want``."""
    found = _mentions(text, ref)
    start, core_end = _core(text[:end] if end is not None else text)
    end = core_end
    covering = [m for m in found if m.start <= start and m.end >= end]
    if not covering and len(found) == 1 and found[0].start <= start and _NO_TIME_TAIL.fullmatch(text[found[0].end:end]):
        covering = found
    if len(found) != 1 or not covering:
        result.failed.append((cid, text, f"want one DATE over the text, got {[(m.text, m.value.value) for m in found]}"))
        return
    got = _interval(covering[0].value.value)
    result.record(cid, text, None if got == want else
                  f"value {covering[0].value.value} = {got[0]}…{got[1]}, peer {want[0]}…{want[1]}")


def _check_none(result: SuiteResult, cid: str, text: str, ref: dt.date | None) -> None:
    found = _mentions(text, ref)
    result.record(cid, text, f"expected no DATE, got {[(m.text, m.value.value) for m in found]}" if found else None)


# A clock time or a part of the day ending the case (2019年6月28日下午3:00, 二月十五号早上): ANNOTATION
# keeps it outside the DATE span (5日下午2时 → 5日), so the date before it is measured, by its day.
_CN_NUM = "[\\d一二三四五六七八九十两兩零〇]"
_CLOCK_TAIL = re.compile(
    rf"\s*(?:早上|早晨|上午|中午|下午|晚上|凌晨|傍晚|夜里|夜間|夜间|晚间|晚間)?\s*"
    rf"(?:{_CN_NUM}{{1,3}}(?:[:：]\d{{2}}(?:[:：]\d{{2}})?|[点點时時](?:{_CN_NUM}{{1,3}}分?|半|整|[1一二三]刻)?(?:钟|鐘)?))?"
    r"(?:许|左右)?")
_DATE_HEAD = re.compile(r"(?:[年月日号號天]|(?:周|週|星期|礼拜|禮拜)[一二三四五六日天])$")
_PART_OF_DAY = re.compile(r"早上|早晨|上午|中午|下午|晚上|凌晨|傍晚|夜里|夜間|夜间|晚间|晚間|[点點时時:：]")


def _date_before_clock(text: str) -> int | None:
    """Where the clock part of ``text`` starts when the text is a date then only a clock time."""
    for i in range(1, len(text)):
        tail = text[i:]
        if _PART_OF_DAY.match(tail.lstrip()) or re.match(r"\s*" + _CN_NUM, tail):
            head = text[:i].rstrip()
            if (_CLOCK_TAIL.fullmatch(tail) and _PART_OF_DAY.search(tail) and _DATE_HEAD.search(head)
                    and not (head[-1].isdigit() and tail[:1].isdigit())):
                return i if _text_exclusion(head) is None else None
    return None


_WEEKDAY_IN = re.compile(r"(?:周|週|星期|礼拜|禮拜)([一二三四五六日天])")


def _weekday_disagrees(text: str, lo: dt.date, hi: dt.date) -> bool:
    """A plain weekday written next to a date the peer puts on another weekday (6月1日周六 → a
    Tuesday in 2021): GUIDELINE gives such a text no reading at all."""
    m = _WEEKDAY_IN.search(text)
    return bool(m and lo == hi and re.search(r"[日号號]", text) and lo.isoweekday() != _WEEKDAY_NUM[m.group(1)]
                and not re.match(r"^(上|下|本|这|這|今)", text))


def _text_exclusion(text: str) -> str | None:
    for reason, pattern in _TEXT_EXCLUSIONS:
        if pattern.search(text):
            return reason
    return None


def _nearest_year_differs(text: str, ref: dt.date, lo: dt.date, hi: dt.date) -> bool:
    """Does the peer put a year-less month/day further from the reference than the same
    month/day in the neighbouring year (or, for a bare day, month) would be?"""
    if re.search(r"(?:19|20)\d\d(?:\d{4})?(?!\d)|\d{2,4}年|[〇零○一二三四五六七八九]{2,4}年|今年|去年|明年|前年|本月|上.?月|下.?月|季度", text):
        return False
    if re.fullmatch(r"\d{1,2}[日号]", text) and lo == hi:  # a bare day (30日): the neighbouring months
        def month_shift(d: dt.date, k: int) -> dt.date | None:
            m = d.year * 12 + d.month - 1 + k
            try:
                return d.replace(year=m // 12, month=m % 12 + 1)
            except ValueError:
                return None
        near = [x for k in (-1, 1) if (x := month_shift(lo, k)) is not None]
        return any(abs((x - ref).days) < abs((lo - ref).days) for x in near)

    def dist(a: dt.date, b: dt.date) -> int:
        return 0 if a <= ref <= b else min(abs((a - ref).days), abs((b - ref).days))

    def shifted(d: dt.date, years: int) -> dt.date:
        try:
            return d.replace(year=d.year + years)
        except ValueError:
            return d.replace(year=d.year + years, day=28)

    here = dist(lo, hi)
    return any(dist(shifted(lo, k), shifted(hi, k)) < here for k in (-1, 1))


# JioNLP time parsing ---------------------------------------------------------------------------

# A case that names its own four-digit year first and no relative word needs no reference: it is
# run with no document date (so nothing of it may be resolved from one).
_ABSOLUTE = re.compile(r"^[从自]?(?:(?:19|20)\d\d|[〇零○一二三四五六七八九]{4})(?:年|[-/.]\d)")
_RELATIVE = re.compile(r"今|去|明|前|后|後|[上下](?!旬)|本|近|来|[^\d]\d{2}年|[至到—-][〇零○一二三四五六七八九]{2}年")


_YEAR_ONLY_RELATIVE = re.compile(
    r"^(?:今年|去年|明年|前年|后年|大前年|大后年)(?=\d|[一二三四五六七八九十]|正月|腊月|元旦|春节|国庆|中秋|端午|清明|劳动节|七夕|重阳)")


def _jio_ref(case: dict) -> tuple[dt.date | None, str | None]:
    raw = case.get("reference_datetime")
    if raw is None:
        return None, None
    if raw.startswith("partial:"):
        import json

        base = json.loads(raw[len("partial:"):])
        if {"year", "month", "day"} <= set(base):  # a whole date (the clock part is not ours)
            return dt.date(base["year"], base["month"], base["day"]), None
        text = case.get("text", "")
        if "year" in base and _YEAR_ONLY_RELATIVE.match(text) and not _RELATIVE.search(text, 2):
            # 去年3月3号 / 去年春节 need only the base's year: any day of it gives one value
            return dt.date(base["year"], 1, 1), None
        return None, "peer gives a partial time base (a year only): no document date to pass"
    if raw.startswith("NOW"):
        return None, "peer's reference is its test-run clock"
    return dt.date.fromisoformat(raw[:10]), None


def _jio_bounds(value) -> tuple[dt.datetime, dt.datetime] | None:
    if not isinstance(value, list) or len(value) != 2 or not all(isinstance(v, str) for v in value):
        return None
    if "inf" in value[0] or "inf" in value[1]:
        return None
    return dt.datetime.fromisoformat(value[0]), dt.datetime.fromisoformat(value[1])


def _text_reason(text: str) -> tuple[str | None, object]:
    """(why the text is out of scope, or None; the date before a clock time when the text is a
    date followed by a clock, measured by that date)."""
    reason = _text_exclusion(text)
    clock = _date_before_clock(text) if reason == _CLOCK else None
    if reason and clock is None:
        return (_CLOCK_ALONE if reason == _CLOCK else reason), None
    return None, clock


def run_jionlp_parsing(path: Path) -> SuiteResult:
    result = SuiteResult("jionlp_time_parsing")
    for case in read_cases(path):
        why = _jio_case(result, case)
        if why:
            result.excluded.append((case["id"], case["text"], why))
    return result


def _jio_case(result: SuiteResult, case: dict) -> str | None:
    """Check one JioNLP case against DATE; the reason it is out of scope, or None once checked."""
    cid, text = case["id"], case["text"]
    exp = case["expected"][0] if case["expected"] else None
    if exp is None:
        return "peer expects nothing"
    kind = exp.get("type")
    if kind == "time_delta":
        _check_none(result, cid, text, DURATION_REFERENCE)  # a duration is not a DATE
        return None
    if kind == "time_period":
        return "recurring (每年, 每周): no single calendar date"
    ref, why = _jio_ref(case)
    if why and _ABSOLUTE.match(text) and not _RELATIVE.search(text):
        why = None  # the text names its own year: measured with no document date at all
    if why:
        return why
    group = case.get("group") or ""
    if ("节日" in group or "节气" in group) and not _OUR_HOLIDAY.match(text):
        return "holiday, festival or solar term"
    reason, clock = _text_reason(text)
    if reason:
        return reason
    bounds = _jio_bounds(exp.get("value"))
    if bounds is None:
        return "open-ended interval (…以前 / …之后)"
    if clock is not None:
        return _jio_clock_case(result, cid, text, ref, bounds, clock)
    return _jio_day_case(result, cid, text, ref, bounds)


def _jio_clock_case(result: SuiteResult, cid: str, text: str, ref: dt.date | None,
                    bounds: tuple[dt.datetime, dt.datetime], clock: int) -> str | None:
    """A date followed by a clock time: the date before the clock is the DATE to check."""
    lo, hi = bounds
    if lo.date() != hi.date():
        return "a clock-time range across days (the date ends are not one DATE)"
    day = lo.date()
    if _weekday_disagrees(text[:clock], day, day):
        return _WEEKDAY_CONFLICT
    if ref is not None and _nearest_year_differs(text[:clock], ref, day, day):
        return _NOT_NEAREST
    _check_whole(result, cid, text, ref, (day, day), end=clock)
    return None


def _jio_day_case(result: SuiteResult, cid: str, text: str, ref: dt.date | None,
                  bounds: tuple[dt.datetime, dt.datetime]) -> str | None:
    """A span of whole days: checked unless a disputed convention or the nearest-year rule differs."""
    lo, hi = bounds
    if lo.time() != dt.time(0, 0) or hi.time() != dt.time(23, 59, 59):
        return "finer than a day, or ending at the reference time"
    want = (lo.date(), hi.date())
    if _FUZZY_WORDS.search(text) and not _is_calendar_unit(*want):
        return ("disputed convention: JioNLP's 年底 = Nov 1–Dec 31, 年初 = Jan–Feb, "
                "月初 = days 1–5, 月底 = 25–end; GUIDELINE maps each to its month")
    why = _calendar_convention(text, ref, want) if ref is not None else None
    if why:
        return why
    if ref is not None and _nearest_year_differs(text, ref, *want):
        return _NOT_NEAREST
    _check_whole(result, cid, text, ref, want)
    return None

_CLOCK = "clock time or part of a day"
_WEEKDAY_CONFLICT = "the weekday written disagrees with the peer's date (GUIDELINE: two days named, no reading)"
_CLOCK_ALONE = "clock time or part of a day with no date before it, or a clock range (not DATE by ANNOTATION)"
_NOT_NEAREST = ("disputed convention: peer resolves a year-less date away from the nearest one (GUIDELINE takes "
                "the date nearest the document date)")


def _is_calendar_unit(lo: dt.date, hi: dt.date) -> bool:
    """One whole month (or one day): what GUIDELINE's period words map to."""
    nxt = hi + dt.timedelta(days=1)
    return lo == hi or (lo.day == 1 and nxt.day == 1 and (lo.year, lo.month) == (hi.year, hi.month))


# JioNLP time extraction ------------------------------------------------------------------------

def run_jionlp_extraction(path: Path) -> SuiteResult:
    """Negatives must give no DATE. Positives (spans only, no reference time) are run with
    JioNLP's usual time base and pass when our DATE spans equal the peer's."""
    result = SuiteResult("jionlp_time_extraction")
    for case in read_cases(path):
        cid, text, expected = case["id"], case["text"], case["expected"]
        if not expected:
            _check_none(result, cid, text, DURATION_REFERENCE)
            continue
        if _STUTTER.search(text):
            result.excluded.append((cid, text, "spoken repetition (六月六月中旬): the peer marks only the last copy"))
            continue
        reason = next((r for e in expected if (r := _text_exclusion(e["text"]))), None)
        if reason:
            result.excluded.append((cid, text, reason))
            continue
        found = _mentions(text, DURATION_REFERENCE)
        got = sorted((m.start, m.end) for m in found)
        want = sorted((e["start"], e["end"]) for e in expected)
        result.record(cid, text, None if got == want else
                      f"spans {[(m.text) for m in found]} != peer {[e['text'] for e in expected]}")
    return result


# Duckling ---------------------------------------------------------------------------------------

_GRAIN_OK = {"year", "quarter", "month", "week", "day"}


def _duckling_iso_interval(value: dict) -> tuple[dt.date, dt.date] | None:
    if value.get("type") != "value" or value.get("grain") not in _GRAIN_OK:
        return None
    start = dt.date.fromisoformat(value["value"][:10])
    grain = value["grain"]
    if grain == "day":
        return start, start
    if grain == "week":
        return start, start + dt.timedelta(days=6)
    months = {"month": 1, "quarter": 3, "year": 12}[grain]
    k = start.year * 12 + start.month - 1 + months
    return start, dt.date(k // 12, k % 12 + 1, 1) - dt.timedelta(days=1)


def _duckling_day(value: dict) -> dt.date | None:
    """The one day a clock-grain value or interval lies in (None for one across days)."""
    if value.get("type") == "value" and value.get("grain") in ("hour", "minute", "second"):
        return dt.date.fromisoformat(value["value"][:10])
    if value.get("type") == "interval" and "from" in value and "to" in value:
        lo = dt.datetime.fromisoformat(value["from"]["value"])
        hi = dt.datetime.fromisoformat(value["to"]["value"]) - dt.timedelta(seconds=1)  # Duckling's end is exclusive
        return lo.date() if lo.date() == hi.date() else None
    return None


def run_duckling(path: Path) -> SuiteResult:
    result = SuiteResult("duckling_datetime")
    for case in read_cases(path):
        cid, text = case["id"], case["text"]
        exp = case["expected"][0]
        value = exp["value"]
        if "holidayBeta" in value and not _OUR_HOLIDAY.match(text):
            result.excluded.append((cid, text, "holiday, festival or solar term outside GUIDELINE's table (calendar_words.HOLIDAYS)"))
            continue
        reason, clock = _text_reason(text)
        if reason:
            result.excluded.append((cid, text, reason))
            continue
        day = _duckling_day(value) if clock is not None else None
        if day is not None:
            ref = dt.date.fromisoformat(case["reference_datetime"][:10])
            why = _calendar_convention(text[:clock], ref, (day, day))
            if why:
                result.excluded.append((cid, text, why))
                continue
            _check_whole(result, cid, text, ref, (day, day), end=clock)
            continue
        if clock is not None:
            result.excluded.append((cid, text, _CLOCK_ALONE))
            continue
        if value.get("type") == "interval":
            grains = {value.get("from", {}).get("grain"), value.get("to", {}).get("grain")}
            why = ("clock time or part of a day" if grains & {"hour", "minute", "second"}
                   else "rolling window relative to now (前两个月, 下三天)")
            result.excluded.append((cid, text, why))
            continue
        want = _duckling_iso_interval(value)
        if want is None:
            result.excluded.append((cid, text, "clock time or part of a day"))
            continue
        ref = dt.date.fromisoformat(case["reference_datetime"][:10])
        why = _calendar_convention(text, ref, want)
        if why:
            result.excluded.append((cid, text, why))
            continue
        _check_whole(result, cid, text, ref, want)
    return result


_WEEKDAY_CASE = re.compile(r"^(上|下|本|这|這|今)?(?:周|週|星期|礼拜|禮拜){1,2}([一二三四五六日天])$")
_WEEKDAY_NUM = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "日": 7, "天": 7}


def _calendar_convention(text: str, ref: dt.date, want: tuple[dt.date, dt.date]) -> str | None:
    """Peers take the *next* such weekday or holiday; GUIDELINE takes the weekday of the document
    date's week and the holiday nearest the document date. Decided from the case and the
    convention alone (the date each convention names), never from our output."""
    m = _WEEKDAY_CASE.match(text)
    if m:
        shift = {"上": -7, "下": 7}.get(m.group(1) or "", 0)
        ours = ref - dt.timedelta(days=ref.isoweekday() - 1) + dt.timedelta(days=_WEEKDAY_NUM[m.group(2)] - 1 + shift)
        if (ours, ours) != want:
            return "disputed convention: peer takes the next such weekday (GUIDELINE: the one in the document's week)"
    h = _OUR_HOLIDAY.match(text)
    if h and not re.match(r"^(?:19|20)\d\d年", text):
        from extract.date.calendar_words import HOLIDAYS, holiday_day

        name = next((k for k in sorted(HOLIDAYS, key=len, reverse=True) if k in text), None)
        if name is not None:
            days = [d for y in (ref.year - 1, ref.year, ref.year + 1) if (d := holiday_day(name, y))]
            nearest = min(days, key=lambda d: abs((d - ref).days)) if days else None
            if nearest is not None and not (want[0] <= nearest <= want[1]) and not re.search(r"期间|假期|长假|黄金周", text):
                return "disputed convention: peer takes the next such holiday (GUIDELINE: the nearest one)"
    return None


SUITES: dict[str, Callable[[Path], SuiteResult]] = {
    "jionlp_time_parsing": run_jionlp_parsing,
    "jionlp_time_extraction": run_jionlp_extraction,
    "duckling_datetime": run_duckling,
}
