"""Issue 17, property-tested with this file's own renderer and arithmetic (not the extractor's
tables): a generated date written in several surface forms, a year carried across a comma, the
relative days, weekdays and fixed-day holidays — each must give the one whole span and the value
computed here, or the test fails (a shorter reading of a suffix would be a wrong span or value)."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings, strategies as st

from extract.pipeline import extract_text

_D = "〇一二三四五六七八九"


def cn_small(n: int) -> str:
    """1–31 in Chinese numerals: 三, 十, 十九, 二十, 三十一."""
    tens, ones = divmod(n, 10)
    return ("" if tens == 0 else ("十" if tens == 1 else _D[tens] + "十")) + (_D[ones] if ones else "")


def year_cn(y: int, zero: str) -> str:
    return "".join(zero if ch == "0" else _D[int(ch)] for ch in str(y))


def forms(d: dt.date) -> list[str]:
    y, m, day = d.year, d.month, d.day
    out = [f"{y}年{m}月{day}号", f"{year_cn(y, '零')}年{cn_small(m)}月{cn_small(day)}日",
           f"{year_cn(y, '〇')}年{cn_small(m)}月{cn_small(day)}号", f"{y} {m} {day}", f"{y} {m:02d} {day:02d}",
           f"{y}年{m:02d}月{day:02d}号"]
    if 1975 <= y <= 2073:
        out.append(f"{y % 100:02d}年{m}月{day}日")
    return out


def _only(text: str, start: int, end: int, ref: dt.date | None):
    found = [m for m in extract_text(text, ref, labels=["DATE"]) if m.start < end and start < m.end]
    assert [(m.start, m.end) for m in found] == [(start, end)], (text, [(m.text, m.value) for m in found])
    return found[0].value


REF = dt.date(2024, 1, 4)


@settings(max_examples=120, deadline=None)
@given(st.dates(dt.date(1950, 1, 1), dt.date(2099, 12, 31)), st.sampled_from(["", "该项目于", "据悉，"]),
       st.sampled_from(["，", "。"]), st.data())
def test_surface_forms_give_one_value(d: dt.date, before: str, after: str, data) -> None:
    surface = data.draw(st.sampled_from(forms(d)))
    value = _only(before + surface + after, len(before), len(before) + len(surface), REF)
    assert value.value == d.isoformat()


@settings(max_examples=80, deadline=None)
@given(st.dates(dt.date(1990, 1, 1), dt.date(2060, 12, 31)), st.booleans())
def test_year_carried_across_a_comma(d: dt.date, chinese: bool) -> None:
    year = year_cn(d.year, "零") if chinese else str(d.year)
    md = f"{cn_small(d.month)}月{cn_small(d.day)}号" if chinese else f"{d.month}月{d.day}日"
    text = f"我{year}年，{md}入职"
    start = text.index("，") + 1
    value = _only(text, start, start + len(md), REF)
    assert value.value == d.isoformat()


_REL_DAYS = [("大前天", -3), ("前天", -2), ("昨天", -1), ("今天", 0), ("明天", 1), ("后天", 2), ("大后天", 3)]


@settings(max_examples=80, deadline=None)
@given(st.dates(dt.date(2000, 1, 1), dt.date(2040, 12, 31)), st.sampled_from(_REL_DAYS))
def test_relative_days(ref: dt.date, word) -> None:
    text, k = word
    value = _only(text + "，公司发布公告", 0, len(text), ref)
    assert value.value == (ref + dt.timedelta(days=k)).isoformat()


@settings(max_examples=120, deadline=None)
@given(st.dates(dt.date(2000, 1, 1), dt.date(2040, 12, 31)), st.sampled_from([("", 0), ("上", -1), ("本", 0), ("下", 1)]),
       st.sampled_from(["周", "星期", "礼拜"]), st.integers(1, 7))
def test_weekdays_in_the_document_week(ref: dt.date, rel, word: str, weekday: int) -> None:
    prefix, shift = rel
    surface = prefix + word + "一二三四五六日"[weekday - 1]
    monday = ref - dt.timedelta(days=ref.weekday())
    want = monday + dt.timedelta(weeks=shift, days=weekday - 1)
    value = _only(surface + "，市政府召开会议", 0, len(surface), ref)
    assert value.value == want.isoformat()


@settings(max_examples=60, deadline=None)
@given(st.dates(dt.date(2000, 1, 1), dt.date(2040, 12, 31)), st.sampled_from([("上", -1), ("本", 0), ("下", 1)]))
def test_bare_weeks_are_iso_weeks(ref: dt.date, rel) -> None:
    prefix, shift = rel
    year, week, _ = (ref + dt.timedelta(weeks=shift)).isocalendar()
    value = _only(prefix + "周，市场交投活跃", 0, 2, ref)
    assert value.value == f"{year:04d}-W{week:02d}"


_FIXED = [("元旦", 1, 1), ("劳动节", 5, 1), ("国庆节", 10, 1), ("儿童节", 6, 1), ("教师节", 9, 10), ("圣诞节", 12, 25),
          ("妇女节", 3, 8)]


@settings(max_examples=60, deadline=None)
@given(st.integers(1990, 2060), st.sampled_from(_FIXED))
def test_fixed_day_holidays_with_their_year(year: int, holiday) -> None:
    name, month, day = holiday
    surface = f"{year}年{name}"
    value = _only(surface + "当天，全市举行活动", 0, len(surface), REF)
    assert value.value == dt.date(year, month, day).isoformat()
