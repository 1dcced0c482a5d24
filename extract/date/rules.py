"""DATE recognition: one compiled pattern of named forms, read into ``Side``s by small rules.

Forms, tried in this order at each position (each one bounded, so the scan is linear):

- ``date.range``: two points joined by a separator (2021年至2023年, 2023年12月28日至30日,
  2023-05-26至2023-05-29), a bare start (2023年1—9月, 1-10月, 2021—2023年, 4月12-19日) or a
  quarter range (一至三季度);
- ``date.numeric``: 2023-12-28, 2023/12/28, 2023.12.28, 20231228, 2023-12, 2022 11 23;
- ``date.ymd``: [year] month [day | 上旬 | 初 | 底], with the year absolute (2023年, 二〇二三年,
  15年) or relative (今年, 去年 …), or a relative month (本月, 上月);
- ``date.period``: [year] + a period of the year (一季度, 上半年, 年底, 前三季度, 前十个月);
- ``date.year``: a year alone;
- ``date.day``: a bare day (28日) → the full date nearest the document date;
- ``date.relative_day``: 昨天, 昨日, 今天 …

Around the span (outside it): 截至 / 截止 before → ``as_of``; 以来 / 来 / 至今 / 起 after →
``since``. A trailing 左右 / 前后 is inside the span → ``approx``. Nothing inside 《》 is a date.

Every rule name a DATE candidate can carry, made from the records (``forms.FORMS``: one reader a
surface form, tried in this order for each side of a match; ``RANGE_RULES``; ``forms.EXTRA_FORMS``;
the calendar words of ``extract.date.calendar_words``):
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace as dc_replace
from functools import lru_cache
from typing import Iterable, Iterator

import re

import regex

from extract.base import Candidate, Context
from extract.date import calendar_words
from extract.date import lexicon as L
from extract.date.forms import EXTRA_FORMS, FORMS, extra_form, read_side, rule_list, side_groups
from extract.date.normalize import (
    DAY,
    MONTH,
    YEAR,
    Side,
    Unit,
    Unresolvable,
    combine,
    number,
    resolve,
)
from schemas.records import DateQualifier, DateValue

LABEL = "DATE"


# The grammar, composed by name. ``s`` is the side suffix: "a" (left / only) or "b" (right). ---

def _year(s: str) -> str:
    return (rf"(?:(?P<y{s}>{L.YEAR4}){L.YEAR_WORD}度?|(?P<yy{s}>{L.YEAR2}){L.YEAR_WORD}"
            rf"|(?P<ry{s}>{L.REL_YEAR}))")


def _month(s: str) -> str:
    return rf"(?:(?P<m{s}>{L.MONTH})月份?|(?P<rm{s}>{L.REL_MONTH})份?)"


def _day(s: str) -> str:
    # Used only right after a month or a range separator, so a day without 日 is safe there.
    return rf"(?P<d{s}>{L.DAY})(?:{L.DAY_WORD}|{L.DAY_WORDLESS_END})"


_HALVES = "|".join(L.HALVES)  # 上半年|下半年


def _period(s: str, after_year: bool) -> str:
    edge = rf"(?P<ye{s}>年?{L.YEAR_EDGE})" if after_year else rf"(?P<ye{s}>年{L.YEAR_EDGE})"
    months = (rf"|前(?P<nm{s}>{L.COUNT_SMALL})个?月|后(?P<lm{s}>{L.COUNT_SMALL})个?月"
              rf"|第(?P<om{s}>{L.COUNT_SMALL})个月|首(?P<fm{s}>月)") if after_year else ""
    return (
        rf"(?:{edge}|(?P<h{s}>{_HALVES})"
        rf"|第?(?P<q{s}>{L.QUARTER_NUM})(?:季度)?{L.SEP}第?(?P<q2{s}>{L.QUARTER_NUM})季度"
        rf"|第?(?P<q{s}>{L.QUARTER_NUM})季度(?P<qe{s}>初|末)?"
        rf"|(?P<qf{s}>首)季度|[Qq](?P<q{s}>[1-4])(?![0-9A-Za-z])(?:季度)?"
        rf"|前(?P<nq{s}>[一二两三1-3])个?季度|(?P<rq{s}>{L.REL_QUARTER})(?P<rqe{s}>初|末)?{months})"
    )


def _numeric(s: str) -> str:
    return (
        rf"(?:(?P<cd{s}>(?:19|20)\d{{2}}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01]))(?!\d)"
        # 2022 11 23: one space between the three parts, all three written (a year and a month
        # alone with a space are two numbers)
        rf"|(?P<sy{s}>{L.YEAR4_ARABIC}) (?P<sm{s}>{L.MONTH_ARABIC}) (?P<sd{s}>{L.DAY_ARABIC})(?=$|[，。、；;,!?！？）):：]| (?!\d))"
        rf"|(?P<ny{s}>{L.YEAR4_ARABIC})(?P<ns{s}>[-/.])(?P<nm{s}>{L.MONTH_ARABIC})"
        rf"(?:(?P=ns{s})(?P<nd{s}>{L.DAY_ARABIC})|(?!(?P=ns{s})\d|[-/.]\d{{1,2}}(?!\d)))(?![\d万亿元%‰/]|\.\d))"
    )


def _point(s: str) -> str:
    """A single point (one side of a range, or a whole expression)."""
    return (
        rf"(?:{_numeric(s)}"
        rf"|{_year(s)}?{_month(s)}(?:{_day(s)}|(?P<me{s}>{L.MONTH_EDGE}))?(?!{L.MONTH_NOT_BEFORE})"
        rf"|{_year(s)}{_period(s, True)}"
        rf"|{_period(s, False)}"
        rf"|{_year(s)}"
        rf"|(?P<bd{s}>{L.DAY_ARABIC}|{L.BARE_DAY_CN})日(?!{L.BARE_DAY_NOT_AFTER})"
        rf"|(?P<bd{s}>{L.DAY_ARABIC}|{L.DAY_CN})[号號]{L.HAO_AFTER}"
        rf"|(?P<rd{s}>{L.REL_DAY}))"
    )


def _range() -> str:
    return (
        rf"(?P<A>(?P<y_a>{L.YEAR4_ARABIC})){L.SEP}(?P<yearend>{L.YEAR4_ARABIC}){L.YEAR_WORD}"
        rf"|(?<![月日号])(?P<A>{_year('a')}?(?P<bma>{L.MONTH})){L.SEP}(?P<monthend>{L.MONTH})月份?"
        rf"|(?<![月日号])(?P<A>{_year('a')}?{_month('a')}(?P<bdda>{L.DAY})){L.SEP}(?P<dayend>{L.DAY}){L.DAY_WORD}"
        rf"|(?P<A>{_numeric('a')}){L.SEP}(?P<yearend>{L.YEAR4_ARABIC})(?![\d.年/-])"
        rf"|(?P<A>{_point('a')}){L.SEP}(?:{_point('b')}|{_day('b')})"
    )


def _pattern() -> regex.Pattern:
    # A date may start right after a weekday (周六 2013年04月08日, the space cleaned away): the
    # weekday rule (calendar_words) checks the two agree.
    # Nor right after 农历 / 闰: a lunar date is calendar_words' (never 15 August for 农历八月十五).
    start = rf"(?:(?<![{L.NOT_BEFORE}])|(?<={L.WEEKDAY_BEFORE}))(?<!\d\.){L.NOT_AFTER_LUNAR}"
    body = rf"{start}(?:{_range()}|(?P<A>{_point('a')}))(?P<approx>左右|前后)?"
    # The bare start year of 2021—2023年 is read as side "a"'s year (y_a → ya).
    body = body.replace("(?P<y_a>", "(?P<ya>")
    return regex.compile(body)


PATTERN = _pattern()
# Group names by number (a name used in several forms is one group in ``regex``).
_GROUP_NAMES = [name for name, _ in sorted(PATTERN.groupindex.items(), key=lambda kv: kv[1])]
# Where PATTERN may start: a cheap superset of its first few characters, scanned by the
# standard-library engine (fast on text without dates). PATTERN runs only at these places.
QUICK = re.compile(rf"(?=[{L.QUICK_FIRST}])(?:{L.QUICK_START})")
_TITLE = regex.compile(r"《[^《》\n]{0,120}》")


# Reading a match into Sides: extract.date.forms (one reader per form) -------------------------

def _qualifier(text: str, start: int, end: int, approx: bool) -> DateQualifier:
    before = text[max(0, start - 3) : start]
    if before.endswith(L.AS_OF_BEFORE):
        return DateQualifier.as_of
    after = text[end : end + 3]
    if after.startswith("为止"):
        return DateQualifier.as_of
    if after.startswith(L.SINCE_AFTER) and not after.startswith(L.SINCE_AFTER_NOT):
        return DateQualifier.since
    if after.startswith("来") and not after.startswith(L.SINCE_LAI_NOT):
        return DateQualifier.since
    return DateQualifier.approx if approx else DateQualifier.exact


def _is_duration(text: str, start: int, end: int, g: dict) -> bool:
    """长达2000年, 2000年历史: a bare year that counts years instead of naming one."""
    return text[max(0, start - 2) : start].endswith(L.DURATION_BEFORE) or text.startswith(L.DURATION_AFTER, end)


_MAX_DATE = 64  # no date expression is longer; a bound keeps every match attempt O(1)


def _matches(text: str) -> Iterator[regex.Match]:
    """PATTERN's leftmost non-overlapping matches, tried only where QUICK says one may start."""
    pos = 0
    search, match = QUICK.search, PATTERN.match
    while True:
        q = search(text, pos)
        if q is None:
            return
        m = match(text, q.start(), q.start() + _MAX_DATE)  # endpos keeps each attempt bounded
        if m is None:
            pos = q.start() + 1  # a date may still start inside this hit
            continue
        yield m
        pos = m.end()


@lru_cache(maxsize=4096)
def _value(value: str, qualifier: DateQualifier) -> DateValue:
    # frozen: one instance per value is shared; XXXX marks a year no document date resolved
    return DateValue(value=value, qualifier=qualifier, resolved="X" not in value)


# The second pattern: bare years and their ranges, halves and quarters written after a bare
# year, English month names, fiscal years, 岁末, 前N个月 and paired relative years and days (今明两年). Candidates overlap the main
# ones freely; the pipeline keeps the longest.
_MONTH_NAMES = "|".join(sorted(L.ENGLISH_MONTHS, key=len, reverse=True))
EXTRA = regex.compile(
    rf"(?<![{L.BARE_YEAR_NOT_BEFORE}])(?<!\d:)(?P<y1>{L.BARE_YEAR})"
    rf"(?:(?P<fy>{L.FISCAL_YEAR})|年(?P<ye>{'|'.join(L.YEAR_END_WORDS)})|\s?(?P<hq>[Hh][12]|[Qq][1-4])(?![0-9A-Za-z])"
    rf"|\s?[-–—~～至到/]\s?(?P<y2>{L.BARE_YEAR})(?![\d.年/-])|(?![\d.,%‰]|[-/.]\d))"
    rf"|(?<![A-Za-z])(?P<en>{_MONTH_NAMES})\.?\s(?P<y3>{L.BARE_YEAR})(?!\d)"
    rf"|(?<![A-Za-z0-9])[Qq](?P<q3>[1-4])\s(?P<y4>{L.BARE_YEAR})(?!\d)"
    rf"|(?<![\d年])前(?P<nm>[1-9]|1[01]|[一二两三四五六七八九十]|十[一])个月"
    rf"|(?P<tn>{L.PAIRED_YEAR})|(?P<td>{L.PAIRED_DAY})"
)
# Where EXTRA may start (stdlib re, scanned once): a year, a month name, Q1 2025, 前N个月, 今明两年 / 明后两天.
# The leading lookahead gives the engine a first-character set to skip by (3× faster scan).
_EXTRA_QUICK = re.compile(
    r"(?=[12A-Z前今明去昨Qq])(?:(?:19[5-9]|20\d)\d(?!\d)|[A-Z][a-z]{2,8}\.? (?=(?:19|20)\d\d)|[Qq][1-4] (?=(?:19|20)\d\d)"
    rf"|前[0-9一二两三四五六七八九十]{{1,2}}个月|{L.PAIRED_YEAR}|{L.PAIRED_DAY})"
)


# The rules that are not one side's form (the docstring lists them from here).
RANGE_RULES: tuple[tuple[str, str], ...] = (
    ("date.range", "two points joined by a separator (2021年至2023年, 2023年12月28日至30日), a bare "
                   "start (2023年1—9月, 1-10月, 2021—2023年, 4月12-19日) or a quarter range (一至三季度)"),
    ("<rule>+weekday", "a full date of any rule with the weekday that names it, one span "
                       "(周六2013年4月6日, 4月8日周一)"),
)
CALENDAR_RULES: tuple[tuple[str, str], ...] = tuple(
    (name, "see extract.date.calendar_words") for name in calendar_words.RULE_NAMES)


def _extra_matches(text: str) -> Iterator[regex.Match]:
    end = 0
    for q in _EXTRA_QUICK.finditer(text):
        if q.start() < end or (q.start() > 0 and text[q.start() - 1].isdigit()):
            continue
        m = EXTRA.match(text, q.start(), q.start() + _MAX_DATE)
        if m is not None:
            end = m.end()
            yield m


def _extra(text: str, ref: dt.date | None) -> Iterator[Candidate]:
    for m in _extra_matches(text):
        g = m.groupdict()
        start, end = m.span()
        form = extra_form(g)
        try:
            value = form.read(g, text, start, end, ref)
        except (Unresolvable, ValueError):
            continue
        if value is None:
            continue
        q = form.qualifier if form.qualifier is not None else _qualifier(text, start, end, False)
        yield Candidate(start, end, LABEL, _value(value, q), form.rule, priority=form.priority)


# The option (Context.extras) that turns weekdays, weeks and holidays off: the project gold was
# labelled before they were DATE (GUIDELINE), so ``newsx score`` scores it with them off.
CALENDAR_WORDS = "date_calendar_words"
_ISO_DAY = regex.compile(r"\d{4}-\d{2}-\d{2}")
_OPEN_BEFORE = "（("


def _day_of(c: Candidate) -> dt.date | None:
    v = c.value.value
    return dt.date.fromisoformat(v) if _ISO_DAY.fullmatch(v) else None


def _with_calendar_words(text: str, ref: dt.date | None, main: list[Candidate],
                         titles: list[tuple[int, int]]) -> list[Candidate]:
    """Add weekdays, weeks and holidays (calendar_words); a plain weekday next to a full date
    must name that date's weekday: then the two are one span (周六2013年4月6日, 4月8日周一) or
    the date alone (4月8日（周一）); if they disagree neither is read."""
    if not calendar_words.ANCHOR.search(text):
        return main
    dates = _Dates(main)
    added: list[Candidate] = []
    words = sorted([*calendar_words.find(text, ref), *calendar_words.find_lunar(text, ref),
                    *calendar_words.find_month_weeks(text, ref)], key=lambda w: w[:2])
    spans = outside_titles((Candidate(s, e, LABEL, _value("2000", DateQualifier.exact), r) for s, e, _, r, _ in words),
                           titles)
    keep = {(c.start, c.end) for c in spans}
    for s, e, value, rule, wd in words:
        if (s, e) not in keep:
            continue
        if wd is not None and _weekday_beside_date(text, s, e, wd, dates):
            continue
        if rule == "date.lunar" and _lunar_restates_date(text, s, dates):
            continue
        if value is None:
            continue
        added.append(Candidate(s, e, LABEL, _value(value, _qualifier(text, s, e, False)), rule, priority=1))
    return [c for c in dates.out.values() if c is not None] + added


class _Dates:
    """The main candidates by start and by end, and what becomes of each (None: not read)."""

    def __init__(self, main: list[Candidate]) -> None:
        self.main = main
        self.by_start = {c.start: i for i, c in enumerate(main)}
        self.by_end = {c.end: i for i, c in enumerate(main)}
        self.out: dict[int, Candidate | None] = dict(enumerate(main))


def _weekday_beside_date(text: str, s: int, e: int, wd: int, dates: _Dates) -> bool:
    """A weekday [s, e) right after or before a full date: joined to it when they name the same
    day, neither read when they do not. False when no full date is beside it."""
    main, by_start, by_end, out = dates.main, dates.by_start, dates.by_end, dates.out
    gap = len(text[e : e + 3]) - len(text[e : e + 3].lstrip("，, \u3000"))
    j = by_start.get(e + gap)
    gap_before = text[s - 1 : s] if s else ""
    k = by_end.get(s) if s in by_end else by_end.get(s - 1) if gap_before and (
        gap_before.isspace() or gap_before in _OPEN_BEFORE) else None
    near = j if j is not None and _day_of(main[j]) else k if k is not None and _day_of(main[k]) else None
    if near is None:
        return False
    c = main[near]
    day = _day_of(c)
    if out.get(near) is None:
        return True
    if day.isoweekday() != wd:
        out[near] = None  # two different days named: no reading
    elif near == j:
        out[near] = Candidate(s, c.end, LABEL, c.value, c.rule + "+weekday", c.priority)
    elif c.end == s:
        out[near] = Candidate(c.start, e, LABEL, c.value, c.rule + "+weekday", c.priority)
    return True


def _lunar_restates_date(text: str, s: int, dates: _Dates) -> bool:
    """2025年1月20日（腊月二十一）: the lunar date restates the date before it. It is resolved
    against that date; agreeing, the date alone is read; disagreeing, neither. False when no
    full date is right before the bracket."""
    if not (s and text[s - 1] in _OPEN_BEFORE and (k := dates.by_end.get(s - 1)) is not None):
        return False
    day = _day_of(dates.main[k])
    if day is None:
        return False
    again = calendar_words.lunar_at(text, s, day)
    if again is None or again != day.isoformat():
        dates.out[k] = None
    return True


def outside_titles(found: Iterable[Candidate], titles: list[tuple[int, int]]) -> Iterator[Candidate]:
    """The candidates (in increasing start order) that overlap no 《title》 span (sorted, disjoint).
    One walk over both lists: linear, however many titles and years the text holds."""
    t = 0
    for c in found:
        while t < len(titles) and titles[t][1] <= c.start:
            t += 1
        if t < len(titles) and titles[t][0] < c.end:
            continue
        yield c


class DateExtractor:
    label = LABEL

    def find(self, text: str, context: Context) -> Iterable[Candidate]:
        titles = [m.span() for m in _TITLE.finditer(text)] if "《" in text else []
        main = list(self._find(text, context.date))
        if context.extras.get(CALENDAR_WORDS, True):
            main = _with_calendar_words(text, context.date, main, titles)
        return [*main, *outside_titles(_extra(text, context.date), titles)]

    def _find(self, text: str, ref: dt.date | None) -> Iterator[Candidate]:
        titles = [m.span() for m in _TITLE.finditer(text)] if "《" in text else []
        t = 0
        for m in _matches(text):
            start, end = m.span()
            while t < len(titles) and titles[t][1] <= start:
                t += 1
            if t < len(titles) and titles[t][0] < end:
                continue  # inside a 《title》
            found = self._read(text, m, ref)
            if found is not None:
                yield found

    def _read(self, text: str, m: regex.Match, ref: dt.date | None) -> Candidate | None:
        g = {name: v for name, v in zip(_GROUP_NAMES, m.groups()) if v}
        start, end = m.span()
        if text[max(0, start - L.ERA_MAX) : start].endswith(L.ERA_BEFORE):
            return None  # 康熙20年9月: a reign year, not 2020
        qualifier = _qualifier(text, start, end, False)
        # 自4月以来 / 截至4月: not next April. But 1月1日起 (from 1 January) may lie ahead.
        past = qualifier is DateQualifier.as_of or (qualifier is DateQualifier.since and not text.startswith("起", end))
        bare_end = g.get("yearend") or g.get("monthend") or g.get("dayend")
        is_range = bool(bare_end or _has_side(g, "b"))
        try:
            left, rule = read_side(g, "a", ref)
            if g.get("yearend"):
                u = Unit(YEAR, number(g["yearend"]))
                right: Side | None = Side(u, u)
            elif g.get("monthend"):
                u = Unit(MONTH, None, number(g["monthend"]))
                right = Side(u, u)
            elif g.get("dayend"):
                u = Unit(DAY, None, 0, number(g["dayend"]), month_known=False)
                right = Side(u, u)
            elif is_range:
                right, _ = read_side(g, "b", ref)
            else:
                right = None
            if right is not None:
                _check_order(left, right)
                rule = "date.range"
            value = resolve(_sentence_year(text, start, combine(left, right)), ref, past=past)
        except Unresolvable:
            if not is_range or ref is None:
                return None  # without a document date a half-read range is no reading at all
            # An unreadable right end: keep the left point alone (2023年12月 至 …).
            a_start, a_end = m.span("A")
            try:
                left, rule = read_side(g, "a", ref)
                value = resolve(left, ref, past=past)
            except Unresolvable:
                return None
            if bare_end:
                return None  # a bare start (1 of 1-10月) is no date by itself
            start, end = a_start, a_end
        if rule == "date.year" and _is_duration(text, start, end, g):
            return None
        approx = bool(g.get("approx")) and end == m.end()
        return Candidate(start, end, LABEL, _value(value, _qualifier(text, start, end, approx)), rule, priority=1)


_YEAR_IN_SENTENCE = regex.compile(rf"(?<![\d〇零○Ｏ一二三四五六七八九])((?:19|20)\d{{2}}|{L.CN_DIGIT}{{4}}|{L.YEAR_QIAN})年(?!代)")
_SENTENCE_END = regex.compile(r"[。！？!?\n]")


def _sentence_year(text: str, start: int, side: Side) -> Side:
    """GUIDELINE: a year named earlier in the same sentence gives a year-less date its year
    (2025年的开篇…亚冬会（2月7日-2月14日） → 2025), instead of the nearest-date rule."""
    if side.hi.year is not None or side.period or not side.hi.month_known:
        return side
    lo_bound = max(0, start - 80)
    ends = [m.end() for m in _SENTENCE_END.finditer(text, lo_bound, start)]
    window_start = ends[-1] if ends else lo_bound
    years = _YEAR_IN_SENTENCE.findall(text, window_start, start)
    if not years:
        return side
    try:
        y = number(years[-1])
    except Unresolvable:
        return side
    lo = side.lo if side.lo.year is not None else dc_replace(side.lo, year=y)
    return dc_replace(side, lo=lo, hi=dc_replace(side.hi, year=y))


# A match is a range when one of its side-"b" groups that select a form matched (from FORMS).
_SIDE_B = side_groups("b", PATTERN.groupindex)


def _has_side(g: dict, s: str) -> bool:
    return not _SIDE_B.isdisjoint(g)  # g holds only the groups that matched


def _check_order(left: Side, right: Side) -> None:
    """The right end of a range cannot be coarser-and-yearless in a way that loses its anchor
    (2023年12月至30日 reads, 28日至2024年 does not)."""
    if right.hi.year is not None and left.lo.year is None and right.hi.kind == DAY and not right.hi.month_known:
        raise Unresolvable("cannot anchor the range")


if __doc__ is not None:  # python -OO drops docstrings
    __doc__ += rule_list(FORMS + EXTRA_FORMS, RANGE_RULES + CALENDAR_RULES)
