"""Pure functions: the pieces of a date expression → an ISO 8601 value (DateValue).

A side of an expression (the whole of ``2023年11月``, or one end of ``2021年至2023年``) becomes a
``Side``: its first and last ``Unit`` (a year, month, day, quarter or half-year; the two differ
for 上旬 or 前三季度) with the year left ``None`` where the text omits it. ``resolve`` fills the
missing years from the document date (GUIDELINE: the date nearest the document date for
months and days, the document's year for periods) and renders the value.

Numbers are read by the shared numeral parser; nothing here reads digits itself.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass, replace
from functools import lru_cache

from extract.numeral import NumeralError, parse_number

# Unit kinds, coarsest first.
YEAR, HALF, QUARTER, MONTH, DAY = "Y", "H", "Q", "M", "D"
LAST_DAY = -1


@dataclass(frozen=True, slots=True)
class Unit:
    """One calendar unit. ``year`` is None when the text leaves it out; ``month`` is None
    for a day whose month is left out (a bare 28日)."""

    kind: str
    year: int | None
    num: int = 0  # half (1–2), quarter (1–4) or month (1–12)
    day: int = 0  # LAST_DAY for "the last day of the month" (下旬 ends there)
    month_known: bool = True

    def day_of_month(self) -> int:
        assert self.year is not None
        return calendar.monthrange(self.year, self.num)[1] if self.day == LAST_DAY else self.day

    def first_day(self) -> dt.date:
        assert self.year is not None
        if self.kind == YEAR:
            return dt.date(self.year, 1, 1)
        if self.kind == HALF:
            return dt.date(self.year, 1 + 6 * (self.num - 1), 1)
        if self.kind == QUARTER:
            return dt.date(self.year, 1 + 3 * (self.num - 1), 1)
        if self.kind == MONTH:
            return dt.date(self.year, self.num, 1)
        return dt.date(self.year, self.num, self.day_of_month())

    def last_day(self) -> dt.date:
        assert self.year is not None
        if self.kind == DAY:
            return self.first_day()
        last_month = {YEAR: 12, HALF: 6 * self.num, QUARTER: 3 * self.num, MONTH: self.num}[self.kind]
        return dt.date(self.year, last_month, calendar.monthrange(self.year, last_month)[1])

    def iso(self) -> str:
        if self.kind == YEAR:
            return f"{self.year:04d}"
        if self.kind in (HALF, QUARTER):
            return f"{self.year:04d}-{self.kind}{self.num}"
        if self.kind == MONTH:
            return f"{self.year:04d}-{self.num:02d}"
        return f"{self.year:04d}-{self.num:02d}-{self.day_of_month():02d}"


@dataclass(frozen=True, slots=True)
class Side:
    lo: Unit
    hi: Unit
    period: bool = False  # a period of the year (一季度, 上半年, 年底): year-less → the document year


class Unresolvable(ValueError):
    """The expression names no valid date (31 April) or needs a document date it lacks."""


@lru_cache(maxsize=4096)
def number(text: str) -> int:
    """An integer of a date (year, month, day, count) through the shared numeral parser."""
    try:
        value = parse_number(text, "normal")
    except NumeralError as exc:
        raise Unresolvable(str(exc)) from None
    if value != value.to_integral_value():
        raise Unresolvable(f"{text!r} is not a whole number")
    return int(value)


def two_digit_year(text: str, ref: dt.date | None) -> int:
    """15年 → 2015, 98年 → 1998: the century that puts the year nearest the document year."""
    if ref is None:
        raise Unresolvable("a two-digit year needs the document date")
    yy = number(text)
    century = ref.year // 100 * 100
    return min((century - 100 + yy, century + yy, century + 100 + yy), key=lambda y: abs(y - ref.year))


def shift_month(year: int, month: int, by: int) -> tuple[int, int]:
    k = year * 12 + (month - 1) + by
    return k // 12, k % 12 + 1


def _with_year(unit: Unit, year: int) -> Unit:
    return replace(unit, year=year)


def _distance(unit: Unit, ref: dt.date) -> int:
    lo, hi = unit.first_day(), unit.last_day()
    if ref < lo:
        return (lo - ref).days
    if ref > hi:
        return (ref - hi).days
    return 0


def _valid(unit: Unit) -> bool:
    try:
        unit.first_day()
    except ValueError:
        return False
    return True


def _nearest(unit: Unit, ref: dt.date, past: bool = False) -> Unit:
    """Fill a year-less month or day (and the month of a bare day) with the candidate nearest
    the document date; with ``past`` (自4月以来, 截至12月28日) the nearest one not after it."""
    if not unit.month_known:
        options = [shift_month(ref.year, ref.month, k) for k in (-1, 0, 1)]
        cands = [replace(unit, year=y, num=m, month_known=True) for y, m in options]
    else:
        cands = [_with_year(unit, ref.year + k) for k in (-1, 0, 1)]
    cands = [c for c in cands if _valid(c)]
    if past and any(c.first_day() <= ref for c in cands):
        cands = [c for c in cands if c.first_day() <= ref]
    if not cands:
        raise Unresolvable("no valid date")
    return min(cands, key=lambda c: (_distance(c, ref), -c.first_day().toordinal()))


def combine(left: Side, right: Side | None) -> Side:
    """One side, or a range whose right end inherits the year / month its text leaves out."""
    if right is None:
        return left
    hi = right.hi
    anchor = left.hi
    if hi.year is None and anchor.year is not None:
        hi = replace(hi, year=anchor.year)
    if not hi.month_known:
        if anchor.kind not in (MONTH, DAY) or not anchor.month_known:
            raise Unresolvable("a day after a range separator needs a month before it")
        hi = replace(hi, num=anchor.num, month_known=True)
    lo = left.lo
    if lo.year is None and hi.year is not None:
        lo = replace(lo, year=hi.year)
    return Side(lo, hi, left.period or right.period)


@lru_cache(maxsize=8192)  # sides and dates are frozen: the same 2023年 resolves once per document date
def resolve(side: Side, ref: dt.date | None, past: bool = False) -> str:
    """Fill the missing years and render ``side`` as an ISO value (``A/B`` for a range)."""
    try:
        return _resolve(side, ref, past)
    except ValueError as exc:  # a calendar error (month 13, 30 February) in any step
        raise Unresolvable(str(exc)) from None


def _resolve(side: Side, ref: dt.date | None, past: bool) -> str:
    lo, hi = side.lo, side.hi
    if hi.year is None or lo.year is None or not hi.month_known or not lo.month_known:
        if ref is None:
            return _open(lo, hi)
        if side.period and hi.year is None:
            hi = _with_year(hi, ref.year)
        elif hi.year is None or not hi.month_known:
            hi = _nearest(hi, ref, past)
        if lo.year is None:
            lo = _with_year(lo, hi.year)
            if _valid(lo) and lo.first_day() > hi.first_day():
                lo = _with_year(lo, hi.year - 1)  # 12月28日至1月3日
        if not lo.month_known:
            lo = replace(lo, num=hi.num, month_known=True)
    if not (_valid(lo) and _valid(hi)):
        raise Unresolvable("no such date")
    if lo == hi:
        return lo.iso()
    if lo.first_day() > hi.first_day() or lo.last_day() > hi.last_day():
        raise Unresolvable("a range must run forwards")
    return f"{lo.iso()}/{hi.iso()}"


def dekad(year: int | None, month: int, first: int, last: int | None) -> Side:
    """上旬 / 中旬 / 下旬 → days 01–10 / 11–20 / 21–end of the month, as a range."""
    return Side(Unit(DAY, year, month, first), Unit(DAY, year, month, LAST_DAY if last is None else last))


OPEN_YEAR = 2000  # a leap year: stands in for the unknown year while a year-less date is checked


def _open(lo: Unit, hi: Unit) -> str:
    """A year-less date with no document date to resolve it, TIMEX3-style: 1月2日 → XXXX-01-02,
    28日 → XXXX-XX-28, 一季度 → XXXX-Q1, 1—9月 → XXXX-01/XXXX-09. Only the year (and the month of
    a bare day) may be unknown; a range must run forwards within one year."""
    if (lo.year is None) != (hi.year is None) or lo.month_known != hi.month_known:
        raise Unresolvable("a partly year-less range needs the document date")
    if lo.year is not None:
        raise Unresolvable("a bare day after a full date needs the document date")
    units = []
    for u in (lo, hi):
        probe = replace(u, year=OPEN_YEAR, num=u.num if u.month_known else 1, month_known=True)
        if not _valid(probe) or (u.day == LAST_DAY and u.num == 2):
            raise Unresolvable("no such date in any year")
        units.append(probe)
    if units[0].first_day() > units[1].first_day() or units[0].last_day() > units[1].last_day():
        raise Unresolvable("a year-less range must run forwards")

    def render(u: Unit, orig: Unit) -> str:
        iso = "XXXX" + u.iso()[4:]
        return iso if orig.month_known else iso[:5] + "XX" + iso[7:]

    a, b = render(units[0], lo), render(units[1], hi)
    return a if a == b else f"{a}/{b}"
