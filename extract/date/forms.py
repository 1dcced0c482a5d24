"""DATE surface forms as named records: one small reader per form of ``rules.PATTERN``.

A ``Form`` says which named group of the pattern selects it (``key``, without the side suffix
"a" / "b"), the rule name it reports and the reader that turns the match's groups into a
``Side``. ``read_side`` tries the forms in list order, the first whose group matched wins; the
set of side-"b" groups that make a match a range (``SIDE_B``) is derived from the same list. A
new form is one reader and one line of ``FORMS``.

Readers take ``(g, s, ref, year)``: the matched groups (only those that matched), the side
suffix, the document date and — for the forms that follow a year (``after_year``) — the year
read from ``y`` / ``yy`` / ``ry`` (``None`` when none was written). They raise ``Unresolvable``
when the text cannot be read.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Callable

from extract.date import lexicon as L
from extract.date.normalize import (
    DAY,
    HALF,
    MONTH,
    QUARTER,
    YEAR,
    Side,
    Unit,
    Unresolvable,
    dekad,
    number,
    shift_month,
    two_digit_year,
)
from schemas.records import DateQualifier

Reader = Callable[[dict, str, "dt.date | None", "int | None"], Side]


@dataclass(frozen=True, slots=True)
class Form:
    key: str          # the named group (without side suffix) whose match selects this form
    rule: str         # the rule name recorded on the candidate
    read: Reader
    after_year: bool  # read after the year groups (the year is passed in)
    example: str      # the shape it reads, in words and a sample


def _point(u: Unit, period: bool = False) -> Side:
    return Side(u, u, period=period) if period else Side(u, u)


# Forms that stand alone (no year group before them) ---------------------------------------------

def _compact(g: dict, s: str, ref: dt.date | None, year: int | None) -> Side:
    t = g[f"cd{s}"]
    return _point(Unit(DAY, number(t[:4]), number(t[4:6]), number(t[6:8])))


def _spaced(g: dict, s: str, ref: dt.date | None, year: int | None) -> Side:
    return _point(Unit(DAY, number(g[f"sy{s}"]), number(g[f"sm{s}"]), number(g[f"sd{s}"])))


def _separated(g: dict, s: str, ref: dt.date | None, year: int | None) -> Side:
    y, m = number(g[f"ny{s}"]), number(g[f"nm{s}"])
    if g.get(f"nd{s}"):
        return _point(Unit(DAY, y, m, number(g[f"nd{s}"])))
    if g[f"ns{s}"] == "." and len(g[f"nm{s}"]) != 2:
        raise Unresolvable("2023.5 is a decimal, not a month")
    return _point(Unit(MONTH, y, m))


def _relative_day(g: dict, s: str, ref: dt.date | None, year: int | None) -> Side:
    if ref is None:
        raise Unresolvable("a relative day needs the document date")
    d = ref + dt.timedelta(days=L.RELATIVE_DAYS[g[f"rd{s}"]])
    return _point(Unit(DAY, d.year, d.month, d.day))


def _bare_day(g: dict, s: str, ref: dt.date | None, year: int | None) -> Side:
    return _point(Unit(DAY, None, 0, number(g[f"bd{s}"]), month_known=False))


# The year written before a month or a period -----------------------------------------------------

def year_of(g: dict, s: str, ref: dt.date | None) -> int | None:
    if g.get(f"y{s}"):
        return number(g[f"y{s}"])
    if g.get(f"yy{s}"):
        return two_digit_year(g[f"yy{s}"], ref)
    if g.get(f"ry{s}"):
        if ref is None:
            if L.RELATIVE_YEARS[g[f"ry{s}"]] == 0:
                return None  # 今年 without a document date: the same unknown year (XXXX)
            raise Unresolvable("a relative year needs the document date")
        return ref.year + L.RELATIVE_YEARS[g[f"ry{s}"]]
    return None


# [year] month [day | 上旬 | 初 | 底] ------------------------------------------------------------------

def _in_month(g: dict, s: str, year: int | None, month: int) -> Side:
    if not 1 <= month <= 12:
        raise Unresolvable("no such month")
    day_text = g.get(f"d{s}") or g.get(f"bdd{s}")
    if day_text:
        return _point(Unit(DAY, year, month, number(day_text)))
    edge = (g.get(f"me{s}") or "").lstrip("月")
    if edge in L.DEKADS:
        first, last = L.DEKADS[edge]
        return dekad(year, month, first, last)
    return _point(Unit(MONTH, year, month))


def _relative_month(g: dict, s: str, ref: dt.date | None, year: int | None) -> Side:
    if ref is None:
        raise Unresolvable("a relative month needs the document date")
    year, month = shift_month(ref.year, ref.month, L.RELATIVE_MONTHS[g[f"rm{s}"]])
    return _in_month(g, s, year, month)


def _month(g: dict, s: str, ref: dt.date | None, year: int | None) -> Side:
    return _in_month(g, s, year, number(g[f"m{s}"]))


def _range_start_month(g: dict, s: str, ref: dt.date | None, year: int | None) -> Side:
    return _in_month(g, s, year, number(g[f"bm{s}"]))


def _day_after_separator(g: dict, s: str, ref: dt.date | None, year: int | None) -> Side:
    # the right end of 12月9日至十五号: a day with no month of its own
    return _point(Unit(DAY, year, 0, number(g[f"d{s}"]), month_known=False))


# [year] + a period of the year ---------------------------------------------------------------------

def _year_edge(g: dict, s: str, ref: dt.date | None, year: int | None) -> Side:
    return _point(Unit(MONTH, year, L.YEAR_EDGE_MONTH[g[f"ye{s}"][-1]]), period=True)


def _half(g: dict, s: str, ref: dt.date | None, year: int | None) -> Side:
    return _point(Unit(HALF, year, L.HALVES[g[f"h{s}"]]), period=True)


def _quarter_range(g: dict, s: str, ref: dt.date | None, year: int | None) -> Side:
    lo, hi = number(g[f"q{s}"]), number(g[f"q2{s}"])
    return Side(Unit(QUARTER, year, lo), Unit(QUARTER, year, hi), period=True)


def _quarter_edge(year: int | None, q: int, edge: str | None) -> Unit:
    """一季度末 → March, 四季度初 → October; no edge: the quarter."""
    if edge:
        return Unit(MONTH, year, 3 * q if edge == "末" else 3 * q - 2)
    return Unit(QUARTER, year, q)


def _quarter(g: dict, s: str, ref: dt.date | None, year: int | None) -> Side:
    return _point(_quarter_edge(year, number(g[f"q{s}"]), g.get(f"qe{s}")), period=True)


def _first_quarter(g: dict, s: str, ref: dt.date | None, year: int | None) -> Side:
    return _point(Unit(QUARTER, year, 1), period=True)


def _first_quarters(g: dict, s: str, ref: dt.date | None, year: int | None) -> Side:
    n = number(g[f"nq{s}"])
    return Side(Unit(QUARTER, year, 1), Unit(QUARTER, year, n), period=True)


def _relative_quarter(g: dict, s: str, ref: dt.date | None, year: int | None) -> Side:
    if ref is None:
        raise Unresolvable("a relative quarter needs the document date")
    k = ref.year * 4 + (ref.month - 1) // 3 + L.RELATIVE_QUARTERS[g[f"rq{s}"]]
    return _point(_quarter_edge(k // 4, k % 4 + 1, g.get(f"rqe{s}")))


def _month_count(key: str, lo_hi: Callable[[int], tuple[int, int]]) -> Reader:
    def read(g: dict, s: str, ref: dt.date | None, year: int | None) -> Side:
        n = number(g[f"{key}{s}"])
        if not 1 <= n <= 12:
            raise Unresolvable("no such month count")
        lo, hi = lo_hi(n)
        return Side(Unit(MONTH, year, lo), Unit(MONTH, year, hi), period=True)
    read.__name__ = f"_month_count_{key}"
    return read


def _first_month(g: dict, s: str, ref: dt.date | None, year: int | None) -> Side:
    return _point(Unit(MONTH, year, 1), period=True)


# A year alone --------------------------------------------------------------------------------------

def _year_alone(g: dict, s: str, ref: dt.date | None, year: int | None) -> Side:
    if year is None:
        raise Unresolvable("nothing to read")
    if g.get(f"yy{s}"):
        raise Unresolvable("a two-digit year alone (24年) is a duration, not a date")
    return _point(Unit(YEAR, year))


NUMERIC, RELATIVE_DAY, DAY_RULE, YMD, PERIOD, YEAR_RULE = (
    "date.numeric", "date.relative_day", "date.day", "date.ymd", "date.period", "date.year")

# In the order they are tried: the first form whose group matched reads the side.
FORMS: tuple[Form, ...] = (
    Form("cd", NUMERIC, _compact, False, "a compact numeric date: 20231228"),
    Form("sy", NUMERIC, _spaced, False, "year month day with one space between: 2022 11 23"),
    Form("ny", NUMERIC, _separated, False, "year-month[-day] with - / or .: 2023-12-28, 2023/12, 2023.12.28"),
    Form("rd", RELATIVE_DAY, _relative_day, False, "a relative day: 昨天, 昨日, 今天"),
    Form("bd", DAY_RULE, _bare_day, False, "a bare day: 28日, 十五号 (the full date nearest the document date)"),
    Form("rm", YMD, _relative_month, True, "a relative month [day | edge]: 本月, 上月底"),
    Form("m", YMD, _month, True, "[year] month [day | 上旬 | 初 | 底]: 2023年12月28日, 今年3月, 5月上旬"),
    Form("bm", YMD, _range_start_month, True, "the start month of a month range: the 1 of 2023年1—9月"),
    Form("d", YMD, _day_after_separator, True, "a day with no month after a range separator: the 十五号 of 12月9日至十五号"),
    Form("ye", PERIOD, _year_edge, True, "a year's edge: 年底, 年初, 2023年末"),
    Form("h", PERIOD, _half, True, "a half: 上半年, 2023年下半年"),
    Form("q2", PERIOD, _quarter_range, True, "a quarter range: 一至三季度, 二三季度"),
    Form("q", PERIOD, _quarter, True, "a quarter [初 | 末]: 三季度, 第四季度, Q3, 一季度末"),
    Form("qf", PERIOD, _first_quarter, True, "the first quarter: 首季度"),
    Form("nq", PERIOD, _first_quarters, True, "the first N quarters: 前三季度"),
    Form("rq", PERIOD, _relative_quarter, True, "a relative quarter [初 | 末]: 本季度, 上季度末"),
    Form("nm", PERIOD, _month_count("nm", lambda n: (1, n)), True, "the first N months: 2023年前10个月"),
    Form("lm", PERIOD, _month_count("lm", lambda n: (13 - n, 12)), True, "the last N months: 2023年后3个月"),
    Form("om", PERIOD, _month_count("om", lambda n: (n, n)), True, "the Nth month: 2023年第3个月"),
    Form("fm", PERIOD, _first_month, True, "the first month: 2023年首月"),
    Form("y", YEAR_RULE, _year_alone, True, "a four-digit year alone: 2023年, 二〇二三年"),
    Form("yy", YEAR_RULE, _year_alone, True, "a two-digit year alone is no date (24年 is a duration)"),
    Form("ry", YEAR_RULE, _year_alone, True, "a relative year alone: 今年, 去年, 明年"),
)

RULE_NAMES: tuple[str, ...] = tuple(dict.fromkeys(f.rule for f in FORMS))
_UNREAD = object()


def read_side(g: dict, s: str, ref: dt.date | None) -> tuple[Side, str]:
    """The side ``s`` of a match, and the name of the rule that read it."""
    year = _UNREAD
    for form in FORMS:
        if form.after_year and year is _UNREAD:
            year = year_of(g, s, ref)  # read once, before the first form that follows a year
        if g.get(f"{form.key}{s}"):
            return form.read(g, s, ref, None if year is _UNREAD else year), form.rule
    raise Unresolvable("nothing to read")


def side_groups(s: str, pattern_groups) -> frozenset[str]:
    """The groups of side ``s`` that select a form (those ``pattern_groups`` has)."""
    return frozenset(k for f in FORMS if (k := f"{f.key}{s}") in pattern_groups)



# The second pattern (rules.EXTRA): bare years and what is written around them ----------------------
# A reader takes (g, text, start, end, ref) — all of EXTRA's groups, the text, the match's span
# and the document date — and returns the value, or None when the match is no date.

ExtraReader = Callable[[dict, str, int, int, "dt.date | None"], "str | None"]


@dataclass(frozen=True, slots=True)
class ExtraForm:
    key: str          # the group of EXTRA whose match selects this form
    rule: str
    read: ExtraReader
    example: str
    qualifier: DateQualifier | None = None  # fixed; None: read around the span (截至 …, 以来 …)
    priority: int = 0


def _fiscal_year(g: dict, text: str, start: int, end: int, ref: dt.date | None) -> str | None:
    return str(int(g["y1"]))


def _year_end_word(g: dict, text: str, start: int, end: int, ref: dt.date | None) -> str | None:
    return f"{int(g['y1'])}-{L.YEAR_END_WORDS[g['ye']]:02d}"


def _bare_year_period(g: dict, text: str, start: int, end: int, ref: dt.date | None) -> str | None:
    return f"{int(g['y1'])}-{g['hq'].upper()}"


def _bare_year_range(g: dict, text: str, start: int, end: int, ref: dt.date | None) -> str | None:
    y, y2 = int(g["y1"]), int(g["y2"])
    return f"{y}/{y2}" if y < y2 <= y + 50 else None


def _bare_year(g: dict, text: str, start: int, end: int, ref: dt.date | None) -> str | None:
    nxt = text[end : end + 1]
    if nxt in L.COUNTERS_AFTER or (nxt.isascii() and nxt.isalpha()) or text.startswith(("年", "月"), end):
        return None  # 2023个, 2023km, 2023年 (the main pattern's)
    return str(int(g["y1"]))


def _english_month(g: dict, text: str, start: int, end: int, ref: dt.date | None) -> str | None:
    return f"{g['y3']}-{L.ENGLISH_MONTHS[g['en']]:02d}"


def _quarter_year(g: dict, text: str, start: int, end: int, ref: dt.date | None) -> str | None:
    return f"{g['y4']}-Q{g['q3']}"


def _first_months(g: dict, text: str, start: int, end: int, ref: dt.date | None) -> str | None:
    # 前11个月 as a calendar window: at a clause start or after 在/今年 (补缴后，前3个月发生的…
    # counts months from an event instead)
    before, after = text[max(0, start - 2) : start], text[end : end + 1]
    if ref is None or not (after in "，," or before.endswith(("在", "今年", "年")) or start == 0):
        return None
    n = number(g["nm"])
    year = ref.year if n < ref.month else ref.year - 1
    return f"{year}-01/{year}-{n:02d}"


def _paired_years(g: dict, text: str, start: int, end: int, ref: dt.date | None) -> str | None:
    if ref is None:
        return None
    first, second = L.PAIRED_YEARS[g["tn"][:2]]
    return f"{ref.year + first}/{ref.year + second}"


def _paired_days(g: dict, text: str, start: int, end: int, ref: dt.date | None) -> str | None:
    if ref is None:
        return None
    first, second = (ref + dt.timedelta(days=k) for k in L.PAIRED_DAYS[g["td"][:2]])
    return f"{first.isoformat()}/{second.isoformat()}"


# In the order they are tried (fy, ye, hq and y2 come with y1, so before it).
EXTRA_FORMS: tuple[ExtraForm, ...] = (
    ExtraForm("fy", "date.fiscal_year", _fiscal_year, "a fiscal year: 2023财年 → the year, approx",
              DateQualifier.approx, 1),
    ExtraForm("ye", "date.year_end_word", _year_end_word, "a year and a year-end word: 2023年岁末, 2024年岁初"),
    ExtraForm("hq", "date.bare_year+period", _bare_year_period, "a half or a quarter after a bare year: 2024 H1, 2023Q3"),
    ExtraForm("y2", "date.bare_year_range", _bare_year_range, "two bare years: 2021-2023, 2021至2025"),
    ExtraForm("y1", "date.bare_year", _bare_year, "a year written without 年: 2023 (not 2023个, 2023.5, 2023%)"),
    ExtraForm("en", "date.english_month", _english_month, "an English month name and a year: March 2024, Jan. 2023"),
    ExtraForm("q3", "date.quarter_year", _quarter_year, "a quarter before a year: Q1 2025"),
    ExtraForm("nm", "date.first_months", _first_months, "前N个月 as a calendar window of the document's year: 前11个月"),
    ExtraForm("tn", "date.paired_years", _paired_years, "two relative years: 今明两年, 明后两年, 去今两年 → their range"),
    ExtraForm("td", "date.paired_days", _paired_days, "two relative days: 今明两天, 明后两日, 昨今两天 → their range"),
)


def extra_form(g: dict) -> ExtraForm:
    """The form of an EXTRA match (its groups ``g``): the first whose group matched."""
    return next((f for f in EXTRA_FORMS if g[f.key]), EXTRA_FORMS[-1])

def rule_list(forms: tuple[Form | ExtraForm, ...], more: tuple[tuple[str, str], ...]) -> str:
    """The rule list of the module docstring: one line a form, then ``more`` (name, what)."""
    lines = [f"- ``{f.rule}`` ({f.key}): {f.example}" for f in forms]
    lines += [f"- ``{name}``: {what}" for name, what in more]
    return "\n".join(lines) + "\n"
