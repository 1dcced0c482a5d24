"""Correct or absent for MONEY and PERCENT, property-tested across surface forms (issue 17).

A value is generated, written in several independent surface forms by this module's own renderer
(never the parser's tables) — 1.5亿元 / 一亿五千万元 / 150000000元 / 150,000,000元; 百分之十三 /
13% / 13.0% / 13.00%; approximate ranges 十五六亿元 / 七百三四十欧元 / 百分之二三十 — put in a
sentence, and every form must give the one span over its whole surface and the same value.
"""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given, settings, strategies as st

from extract.pipeline import extract_text

_D = "零一二三四五六七八九"


def _section(k: int) -> str:
    """0 < k < 10000 in Chinese numerals, 零 for inner gaps (一千零五, 一千零五十, 一百一十)."""
    out, gap = "", False
    for unit, d in zip(("千", "百", "十", ""), (k // 1000, k // 100 % 10, k // 10 % 10, k % 10)):
        if d == 0:
            gap = bool(out)
            continue
        out += ("零" if gap else "") + _D[d] + unit
        gap = False
    return out


def chinese(n: int) -> str:
    """0 < n < 10^12 with 亿 and 万 (一亿五千万, 一亿零五万, 三万零五, 十二万)."""
    yi, rest = divmod(n, 10**8)
    wan, low = divmod(rest, 10**4)
    out = ""
    if yi:
        out += _section(yi) + "亿"
    if wan:
        out += ("零" if yi and wan < 1000 else "") + _section(wan) + "万"
    if low:
        out += ("零" if (yi or wan) and (low < 1000 or not wan) else "") + _section(low)
    return out[1:] if out.startswith("一十") else out


def _decimal(x: Decimal) -> str:
    return format(x.normalize(), "f")  # 1.50 → 1.5, 3E+1 → 30


def amount_forms(n: int) -> list[str]:
    """The number part of an amount: Arabic, with commas, 万/亿 with a decimal, all Chinese."""
    forms = [str(n), f"{n:,}", chinese(n)]
    if n % 10**6 == 0 and n >= 10**8:
        forms.append(_decimal(Decimal(n) / 10**8) + "亿")
    if n % 100 == 0 and 10**4 <= n < 10**8:
        forms.append(_decimal(Decimal(n) / 10**4) + "万")
    return forms


# Values with the zeros news writes (1.5亿, 3200万, 105万): a few significant digits times a power of ten.
_AMOUNTS = st.builds(lambda a, k: a * 10**k, st.integers(1, 9999), st.integers(0, 8)).filter(lambda n: n < 10**12)
_WRAP = st.sampled_from([("", ""), ("公司投资", "，"), ("项目总额", "。"), ("售价", "，较上月下降")])
_SUFFIX = st.sampled_from([("元", "CNY"), ("亿元", None), ("美元", "USD"), ("欧元", "EUR"), ("港元", "HKD")])


def _one(text: str, start: int, end: int, label: str):
    found = [m for m in extract_text(text, None, labels=[label]) if m.start < end and start < m.end]
    assert [(m.start, m.end) for m in found] == [(start, end)], (text, [(m.text, m.value) for m in found])
    return found[0].value


@settings(max_examples=150, deadline=None)
@given(_AMOUNTS, st.sampled_from([("元", "CNY"), ("美元", "USD"), ("欧元", "EUR"), ("港元", "HKD"), ("英镑", "GBP")]),
       _WRAP)
def test_every_amount_form_gives_the_same_value(n: int, currency, wrap) -> None:
    word, code = currency
    before, after = wrap
    for number in amount_forms(n):
        surface = number + word
        text = before + surface + after
        value = _one(text, len(before), len(before) + len(surface), "MONEY")
        assert (value.amount, value.currency, value.low) == (Decimal(n), code, None), (text, value)


@settings(max_examples=100, deadline=None)
@given(st.integers(1, 9999), st.sampled_from(["RMB", "CNY", "USD", "HKD", "EUR", "JPY"]), st.booleans(), _WRAP)
def test_codes_before_the_number(n: int, code: str, space: bool, wrap) -> None:
    before, after = wrap
    want = {"RMB": "CNY"}.get(code, code)
    for number in (str(n), f"{n:,}", f"{n}.5"):
        surface = code + (" " if space else "") + number
        text = before + surface + after
        value = _one(text, len(before), len(before) + len(surface), "MONEY")
        assert (value.amount, value.currency) == (Decimal(number.replace(",", "")), want), (text, value)


@settings(max_examples=150, deadline=None)
@given(st.integers(1, 9), st.integers(1, 8), st.sampled_from(["", "万", "亿"]),
       st.sampled_from([("元", "CNY"), ("卢布", "RUB"), ("欧元", "EUR"), ("英镑", "GBP"), ("美元", "USD")]),
       st.sampled_from(["tens", "hundreds", "units"]), _WRAP)
def test_approximate_ranges_read_whole(lead: int, d: int, scale: str, currency, form: str, wrap) -> None:
    """十五六亿元 → 15–16亿, 七百三四十欧元 → 730–740, 七八英镑 → 7–8: never a suffix (五六亿, 三四十, 八)."""
    word, code = currency
    before, after = wrap
    if form == "tens":  # 十五六 / 二十五六
        number = ("" if lead == 1 else _D[lead]) + "十" + _D[d] + _D[d + 1]
        low, high = 10 * lead + d, 10 * lead + d + 1
    elif form == "hundreds":  # 七百三四十
        number = _D[lead] + "百" + _D[d] + _D[d + 1] + "十"
        low, high = 100 * lead + 10 * d, 100 * lead + 10 * (d + 1)
    else:  # 七八
        number = _D[d] + _D[d + 1]
        low, high = d, d + 1
    factor = {"": 1, "万": 10**4, "亿": 10**8}[scale]
    surface = number + scale + word
    text = before + surface + after
    value = _one(text, len(before), len(before) + len(surface), "MONEY")
    assert (value.low, value.high, value.currency, value.qualifier.value) == (
        Decimal(low * factor), Decimal(high * factor), code, "approx"), (text, value)


def share_forms(x: Decimal) -> list[str]:
    """x in percent (13, 13.5): 13%, 13.0%, 13.00%, 百分之十三, 百分之十三点五, 负 forms apart."""
    whole, frac = divmod(x, 1)
    arabic = _decimal(x)
    tenths = "".join(_D[int(ch)] for ch in arabic.split(".")[1]) if "." in arabic else ""
    chinese_x = (chinese(int(whole)) if whole else "零") + (f"点{tenths}" if tenths else "")
    forms = [f"{arabic}%", f"{x:.2f}%", f"百分之{chinese_x}"]
    if not frac:
        forms.append(f"{arabic}.0%")
    return forms


_SHARES = st.builds(lambda a, b: Decimal(a) + Decimal(b) / 10, st.integers(0, 120), st.integers(0, 9)).filter(bool)
_SHARE_WRAP = st.sampled_from([("", ""), ("同比增长", "，"), ("占比", "。"), ("下降", "，主要因为")])


@settings(max_examples=150, deadline=None)
@given(_SHARES, st.booleans(), _SHARE_WRAP)
def test_every_share_form_gives_the_same_value(x: Decimal, negative: bool, wrap) -> None:
    before, after = wrap
    for surface in share_forms(x):
        if negative:
            surface = ("负" if surface.startswith("百") else "-") + surface
        text = before + surface + after
        value = _one(text, len(before), len(before) + len(surface), "PERCENT")
        assert value.value == (-x if negative else x) / 100, (text, value)


@settings(max_examples=100, deadline=None)
@given(st.integers(1, 50), st.integers(1, 50), _SHARE_WRAP)
def test_share_ranges_in_every_form(a: int, gap: int, wrap) -> None:
    before, after = wrap
    b = a + gap
    ca, cb = chinese(a), chinese(b)
    for surface in (f"{a}%-{b}%", f"{a}%至{b}%", f"{a}-{b}%", f"{a}～{b}%", f"百分之{ca}到百分之{cb}",
                    f"百分之{ca}至{cb}"):
        text = before + surface + after
        value = _one(text, len(before), len(before) + len(surface), "PERCENT")
        assert (value.low, value.high) == (Decimal(a) / 100, Decimal(b) / 100), (text, value)


@settings(max_examples=100, deadline=None)
@given(st.integers(1, 999), st.sampled_from([("千分之", "‰", 1000), ("万分之", None, 10000)]), _SHARE_WRAP)
def test_per_mille_forms(n: int, form, wrap) -> None:
    word, sign, den = form
    before, after = wrap
    surfaces = [word + chinese(n)] + ([f"{n}{sign}"] if sign else [])
    for surface in surfaces:
        text = before + surface + after
        value = _one(text, len(before), len(before) + len(surface), "PERCENT")
        assert value.value == Decimal(n) / den, (text, value)


@settings(max_examples=80, deadline=None)
@given(st.integers(1, 9), st.integers(0, 9), st.sampled_from(["simplified", "traditional"]), _SHARE_WRAP)
def test_cheng_and_points_in_both_scripts(d: int, tenth: int, script: str, wrap) -> None:
    """六点五成 → 0.65 (never 五成), 12.5個百分點 = 12.5个百分点, 兩成 = 两成."""
    before, after = wrap
    point, ge, dian = ("點", "個", "點") if script == "traditional" else ("点", "个", "点")
    digit = ("兩" if script == "traditional" else "两") if d == 2 else _D[d]
    cheng = f"{digit}{point}{_D[tenth]}成" if tenth else f"{digit}成"
    text = before + cheng + after
    value = _one(text, len(before), len(before) + len(cheng), "PERCENT")
    assert value.value == (Decimal(d) + Decimal(tenth) / 10) / 10, (text, value)
    pp = f"{d}.{tenth}5{ge}百分{dian}"
    text = before + pp + after
    value = _one(text, len(before), len(before) + len(pp), "PERCENT")
    assert (value.value, value.unit.value) == (Decimal(f"{d}.{tenth}5") / 100, "pp"), (text, value)


_SYMBOLS = [("￥", "CNY"), ("¥", "CNY"), ("$", "USD"), ("US$", "USD"), ("A$", "AUD"), ("HK$", "HKD"), ("NT$", "TWD"),
            ("S$", "SGD"), ("C$", "CAD"), ("₩", "KRW"), ("₹", "INR"), ("₽", "RUB"), ("€", "EUR"), ("£", "GBP")]


@settings(max_examples=150, deadline=None)
@given(st.integers(1, 99_999), st.integers(0, 99), st.sampled_from(_SYMBOLS), _WRAP)
def test_symbols_before_the_number(n: int, cents: int, symbol, wrap) -> None:
    """A$13.5 is AUD (never $13.5 USD); a comma after the amount (售价￥300，…) ends it."""
    sign, code = symbol
    before, after = wrap
    want = Decimal(n) + Decimal(cents) / 100
    for number in (str(n) if not cents else f"{n}.{cents:02d}", f"{n:,}" + (f".{cents:02d}" if cents else "")):
        surface = sign + number
        text = before + surface + after
        value = _one(text, len(before), len(before) + len(surface), "MONEY")
        assert (value.amount, value.currency) == (want, code), (text, value)


@settings(max_examples=150, deadline=None)
@given(st.integers(1, 99), st.integers(1, 9), st.integers(0, 9), _WRAP)
def test_spoken_yuan_forms(n: int, jiao: int, fen: int, wrap) -> None:
    """十块钱, 三块五 (3.5), 三块五毛 (3.5), 三元五角六分 (3.56): the same amount however it is said."""
    before, after = wrap
    whole = chinese(n)
    want = Decimal(n) + Decimal(jiao) / 10 + Decimal(fen) / 100
    forms = [f"{whole}元{_D[jiao]}角" + (f"{_D[fen]}分" if fen else ""), f"{n}元{jiao}角" + (f"{fen}分" if fen else "")]
    if not fen:
        forms += [f"{whole}块{_D[jiao]}", f"{whole}块{_D[jiao]}毛", f"{whole}块{_D[jiao]}毛钱"]
    for surface in forms:
        text = before + surface + after
        value = _one(text, len(before), len(before) + len(surface), "MONEY")
        assert (value.amount, value.currency) == (want, "CNY"), (text, value)
