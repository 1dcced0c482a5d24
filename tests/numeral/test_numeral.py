"""The shared numeral parser, table-driven: (text, mode, expected value) and must-reject cases."""

from __future__ import annotations

from decimal import Decimal

import pytest

from extract.numeral import NumeralError, parse_number, parse_quantity, parse_subunits, parse_yuan
from extract.numeral.parse import approximate_range

D = Decimal

NUMBERS = [
    # Arabic, thousands separators (ASCII and full-width comma), decimals
    ("82,225.00", "strict", D("82225")),
    ("82，225.00", "strict", D("82225")),
    ("233,333,333,434.344", "strict", D("233333333434.344")),
    ("0.5", "strict", D("0.5")),
    (".77", "strict", D("0.77")),
    ("-10.1", "smart", D("-10.1")),
    ("负 1,200,000", "smart", D("-1200000")),
    # Chinese numerals
    ("十二", "strict", D(12)),
    ("一百零五", "strict", D(105)),
    ("两千三百亿", "strict", D(230000000000)),
    ("一千零一十", "strict", D(1010)),
    ("一万零一", "strict", D(10001)),
    ("十万零一", "strict", D(100001)),
    ("一亿五千万零六千三百五十五", "normal", D(150006355)),
    ("三万四千五百零七", "strict", D(34507)),
    ("一萬零卌", "strict", D(10040)),
    ("廿二", "strict", D(22)),
    ("零点零一", "strict", D("0.01")),
    ("负十一", "strict", D(-11)),
    # financial capitals and traditional forms
    ("壹仟贰佰", "strict", D(1200)),
    ("肆佰叁拾萬", "strict", D(4300000)),
    ("參萬肆仟伍佰陸拾柒", "strict", D(34567)),
    ("壹佰零肆萬", "strict", D(1040000)),
    # colloquial (normal)
    ("三万五", "normal", D(35000)),
    ("两千六", "normal", D(2600)),
    ("一百十一", "normal", D(111)),
    ("一七二零", "normal", D(1720)),
    # mixed Arabic and Chinese (smart)
    ("1.2万", "smart", D(12000)),
    ("3千万", "smart", D(30000000)),
    ("4.78万亿", "smart", D(4780000000000)),
    ("17.3万亿", "smart", D(17300000000000)),
    ("3千万亿", "smart", D(3000000000000000)),
    ("1万600", "smart", D(10600)),
    ("200亿零四千230", "smart", D(20000004230)),
    ("9佰", "smart", D(900)),
    ("零點77", "smart", D("0.77")),
]

REJECTED = [
    ("一一", "strict"),       # a real document writes 十一
    ("壹壹", "strict"),
    ("零点", "strict"),
    ("点一", "strict"),
    ("百十一", "strict"),
    ("十一十二", "strict"),   # two numbers
    ("十七十八", "strict"),
    ("10.1万零100", "smart"),
    ("10..1万", "smart"),
    ("一百二", "strict"),     # colloquial needs normal
    ("一百点123", "normal"),  # Arabic decimals after Chinese digits need smart
    ("万亿", "smart"),        # a bare scale needs bare_scale=True
    ("", "smart"),
    ("亿亿", "smart"),
    ("万万", "smart"),
]


@pytest.mark.parametrize("text,mode,want", NUMBERS, ids=[f"{t}-{m}" for t, m, _ in NUMBERS])
def test_parse_number(text: str, mode: str, want: Decimal) -> None:
    assert parse_number(text, mode) == want


@pytest.mark.parametrize("text,mode", REJECTED, ids=[f"{t or 'empty'}-{m}" for t, m in REJECTED])
def test_rejects(text: str, mode: str) -> None:
    with pytest.raises(NumeralError):
        parse_number(text, mode)


@pytest.mark.parametrize("text", ["一一", "二〇二三", "一二点三", "壹壹"])
def test_digit_runs_off(text: str) -> None:
    """Amounts never use positional digit runs, even in smart mode."""
    with pytest.raises(NumeralError):
        parse_number(text, "smart", digit_runs=False)


@pytest.mark.parametrize("text,want", [("一万零一", 10001), ("零点零零一", D("0.001")), ("3千万", 30000000)])
def test_digit_runs_off_keeps_numbers(text: str, want) -> None:
    assert parse_number(text, "smart", digit_runs=False) == D(want)


BARE = [("万亿", 10**12), ("亿", 10**8), ("千亿", 10**11), ("百亿", 10**10), ("万", 10**4), ("千万", 10**7)]


@pytest.mark.parametrize("text,want", BARE)
def test_bare_scale(text: str, want: int) -> None:
    assert parse_number(text, "smart", bare_scale=True) == D(want)


QUANTITIES = [
    # text, value, low, high, approx
    ("200余万", D(2000000), None, None, "over"),
    ("2000余万", D(20000000), None, None, "over"),
    ("三十多万", D(300000), None, None, "over"),
    ("十几万", D(100000), None, None, "over"),
    ("数十亿", D(1000000000), None, None, "over"),
    ("几十万", D(100000), None, None, "over"),
    ("上百亿", D(10000000000), None, None, "over"),
    ("二三十万", D(200000), D(200000), D(300000), "approx"),
    ("一两百", D(100), D(100), D(200), "approx"),
    ("八九亿", D(800000000), D(800000000), D(900000000), "approx"),
    ("17.3万亿", D(17300000000000), None, None, None),
]


@pytest.mark.parametrize("text,value,low,high,approx", QUANTITIES, ids=[q[0] for q in QUANTITIES])
def test_parse_quantity(text, value, low, high, approx) -> None:
    q = parse_quantity(text)
    assert (q.value, q.low, q.high, q.approx) == (value, low, high, approx)


def test_quantity_bare_scale() -> None:
    assert parse_quantity("万亿", bare_scale=True).value == D(10**12)


YUAN = [
    ("壹拾壹元整", D(11)),
    ("壹佰壹拾壹圆整", D(111)),
    ("壹拾壹元正", D(11)),
    ("壹拾壹元壹角", D("11.1")),
    ("壹拾壹元壹角壹分", D("11.11")),
    ("玖仟陆佰陆拾伍圆壹角捌分", D("9665.18")),
    ("壹佰捌拾壹圆柒角", D("181.7")),
    ("六十四万零一百四十三元一角七分", D("640143.17")),
    ("一元零五分", D("1.05")),
]


@pytest.mark.parametrize("text,want", YUAN, ids=[t for t, _ in YUAN])
def test_parse_yuan(text: str, want: Decimal) -> None:
    assert parse_yuan(text) == want


def test_parse_yuan_arabic() -> None:
    assert parse_yuan("123元1角1分", "smart") == D("123.11")


@pytest.mark.parametrize("text", ["元", "壹拾壹元壹分壹角", "壹拾壹元壹", "壹拾壹元壹角壹角"])
def test_parse_yuan_rejects(text: str) -> None:
    with pytest.raises(NumeralError):
        parse_yuan(text)


def test_subunits() -> None:
    assert parse_subunits("") == 0
    assert parse_subunits("三毛") == D("0.3")


@pytest.mark.parametrize(
    "text, want",
    [
        ("十五六", (D(15), D(16))),
        ("七百三四十", (D(730), D(740))),
        ("七八", (D(7), D(8))),
        ("二十五六万", (D(250000), D(260000))),
        ("两百五六十万", (D(2500000), D(2600000))),
        # not a range: no pair, a pair after a digit, a third digit after the pair, not neighbours
        ("十五", None),
        ("五六七", None),
        ("十五六七", None),
        ("五七", None),
        ("一百二三", None),
    ],
)
def test_approximate_range(text: str, want) -> None:
    """Issue 17: every character of the surface is read, or no range at all (五六七 is never 57–67)."""
    assert approximate_range(text) == want


@pytest.mark.parametrize("text, want", [("百二萬", D(1200000)), ("千一", D(1100)), ("萬九", D(19000)), ("百二", D(120))])
def test_colloquial_unsaid_one(text: str, want: Decimal) -> None:
    """The 一 unsaid before 百/千/万 in normal and smart mode; strict mode still rejects it."""
    assert parse_number(text, "normal") == parse_number(text, "smart") == want
    with pytest.raises(NumeralError):
        parse_number(text, "strict")
