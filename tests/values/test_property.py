"""Correct or absent, property-tested: a date, an amount or a share is generated as a value, written
in every supported surface form by an independent renderer (not the parser's tables), put in a
sentence, and the extracted value must be the generator's — the one span over the whole surface.
A shorter reading of a suffix (10日 of 1357年6月10日) would fail here as a wrong value or span."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from hypothesis import given, settings, strategies as st

from extract.pipeline import extract_text

REF = dt.date(2024, 1, 4)
_D = "零一二三四五六七八九"
_POSITIONAL = {"〇": "〇一二三四五六七八九", "零": "零一二三四五六七八九"}


def cn(n: int) -> str:
    """An integer below 10^8 in ordinary Chinese numerals (一万零五, 十二, 三千零二十)."""
    def section(k: int) -> str:
        out, zero = "", False
        for unit, d in zip("千百十 ", (k // 1000, k // 100 % 10, k // 10 % 10, k % 10)):
            if d == 0:
                zero = bool(out)
                continue
            out += ("零" if zero else "") + _D[d] + unit.strip()
            zero = False
        return out

    if n == 0:
        return "零"
    high, low = divmod(n, 10000)
    text = section(n) if not high else section(high) + "万" + (("零" if low < 1000 else "") + section(low) if low else "")
    return text[1:] if text.startswith("一十") else text


def positional(year: int, zero: str) -> str:
    return "".join(_POSITIONAL[zero][int(ch)] for ch in str(year))


def date_forms(d: dt.date) -> list[str]:
    y, m, day = d.year, d.month, d.day
    forms = [f"{y}年{m}月{day}日", f"{y}年{m}月{day}号", f"{y}年{m:02d}月{day:02d}日",
             f"{positional(y, '〇')}年{cn(m)}月{cn(day)}日", f"{positional(y, '零')}年{cn(m)}月{cn(day)}号",
             f"{y}-{m:02d}-{day:02d}", f"{y}/{m}/{day}", f"{y}.{m:02d}.{day:02d}", f"{y}{m:02d}{day:02d}"]
    if 1975 <= y <= 2073:
        forms.append(f"{y % 100:02d}年{m}月{day}日")  # the century nearest the document date
    if 2000 <= y <= 2009:
        forms.append(f"两千{'零' + _D[y - 2000] if y > 2000 else ''}年{cn(m)}月{cn(day)}号")
    return forms


_BEFORE = st.sampled_from(["", "据悉，", "该项目于", "会议定在", "截至"])
_AFTER = st.sampled_from(["", "，", "。", "正式开工", "发布数据"])


def _one(text: str, start: int, end: int, label: str, ref: dt.date | None = REF):
    found = [m for m in extract_text(text, ref, labels=[label]) if m.start < end and start < m.end]
    assert [(m.start, m.end) for m in found] == [(start, end)], (text, [(m.text, m.value) for m in found])
    return found[0].value


@settings(max_examples=150, deadline=None)
@given(st.dates(dt.date(1950, 1, 1), dt.date(2099, 12, 31)), _BEFORE, _AFTER, st.data())
def test_dates_read_whole(d: dt.date, before: str, after: str, data) -> None:
    surface = data.draw(st.sampled_from(date_forms(d)))
    text = before + surface + after
    value = _one(text, len(before), len(before) + len(surface), "DATE")
    assert value.value == d.isoformat(), (text, value)


@settings(max_examples=100, deadline=None)
@given(st.dates(dt.date(2000, 1, 1), dt.date(2030, 12, 31)), st.data())
def test_year_less_dates_without_document_date_stay_unresolved(d: dt.date, data) -> None:
    surface = data.draw(st.sampled_from([f"{d.month}月{d.day}日", f"{cn(d.month)}月{cn(d.day)}日"]))
    value = _one(surface + "，", 0, len(surface), "DATE", ref=None)
    assert (value.value, value.resolved) == (f"XXXX-{d.month:02d}-{d.day:02d}", False)


_CURRENCIES = [("{}元", "CNY"), ("人民币{}元", "CNY"), ("{}美元", "USD"), ("US${}", "USD"), ("${}", "USD"),
               ("HK${}", "HKD"), ("A${}", "AUD"), ("{}港元", "HKD"), ("{}欧元", "EUR"), ("CNY {}", "CNY"),
               ("￥{}", "CNY"), ("₩{}", "KRW"), ("{}美圆", "USD")]


@settings(max_examples=200, deadline=None)
@given(st.integers(1, 99_999_999), st.sampled_from(_CURRENCIES), st.sampled_from(["arabic", "wan", "cn", "comma"]),
       st.sampled_from(["", "公司投资", "售价"]), st.sampled_from(["", "，", "。"]))
def test_amounts_read_whole(n: int, currency, form: str, before: str, after: str) -> None:
    pattern, code = currency
    symbol = not pattern.startswith("{}") or pattern.endswith("}")
    if form == "cn" and not symbol:
        number = cn(n)
    elif form == "wan" and n % 100 == 0 and n >= 10000:
        wan = format(Decimal(n) / 10000, "f")
        number = (wan.rstrip("0").rstrip(".") if "." in wan else wan) + "万"  # 100000 → 10万, not 1万
    elif form == "comma":
        number = f"{n:,}"
    else:
        number = str(n)
    surface = pattern.format(number)
    if pattern == "{}元" and len(number) == 1 and not after:
        after = "。"  # 三元 right before a word is a name (三元愿意), by design
    text = before + surface + after
    value = _one(text, len(before), len(before) + len(surface), "MONEY")
    assert (value.amount, value.currency, value.low) == (Decimal(n), code, None), (text, value)


@settings(max_examples=200, deadline=None)
@given(st.integers(1, 99), st.integers(0, 9), st.sampled_from(["pct", "cn", "pp", "neg", "cheng", "trad"]),
       st.sampled_from(["", "同比增长", "占比"]), st.sampled_from(["", "，", "。"]))
def test_shares_read_whole(whole: int, tenth: int, form: str, before: str, after: str) -> None:
    x = Decimal(whole) + Decimal(tenth) / 10
    arabic = format(x.normalize(), "f")
    cn_x = cn(whole) + (f"点{_D[tenth]}" if tenth else "")
    want, unit = x / 100, "percent"
    if form == "pct":
        surface = f"{arabic}%"
    elif form == "cn":
        surface = f"百分之{cn_x}"
    elif form == "neg":
        surface, want = f"负百分之{cn_x}", -x / 100
    elif form == "pp":
        surface, unit = f"{arabic}个百分点", "pp"
    elif form == "trad":
        surface, unit = f"{arabic}個百分點", "pp"
    else:
        digit = whole % 9 + 1
        surface = f"{_D[digit]}点{_D[tenth]}成" if tenth else f"{_D[digit]}成"
        want = (Decimal(digit) + Decimal(tenth) / 10) / 10
    text = before + surface + after
    value = _one(text, len(before), len(before) + len(surface), "PERCENT")
    assert (value.value, value.unit.value) == (want, unit), (text, value)
