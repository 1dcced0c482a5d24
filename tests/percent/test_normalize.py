"""Table-driven tests of the pure PERCENT normalizers and of spans inside sentences."""

from __future__ import annotations

from decimal import Decimal

import pytest

from extract.numeral import NumeralError
from extract.percent import normalize as nz
from extract.pipeline import extract_text
from extract.qualifier import leading
from schemas.records import Qualifier


@pytest.mark.parametrize("text,value,inside", [
    ("14.3", Decimal("14.3"), None), ("1,100", Decimal(1100), None), ("十五", Decimal(15), None),
    ("百", Decimal(100), None), ("一点五七", Decimal("1.57"), None), ("十几", Decimal(10), "over"),
])
def test_number(text, value, inside):
    assert nz.number(text) == (value, inside)


@pytest.mark.parametrize("text,want", [("七八", (7, 8)), ("两三", (2, 3)), ("三五", None), ("十", None)])
def test_adjacent_digits(text, want):
    got = nz.adjacent_digits(text)
    assert got == (None if want is None else tuple(Decimal(x) for x in want))


@pytest.mark.parametrize("text,want", [("百", 100), ("千", 1000), ("万", 10000), ("三", 3), ("十二", 12), ("5", 5)])
def test_denominator(text, want):
    assert nz.denominator(text) == want


@pytest.mark.parametrize("before,want", [
    ("超过", "over"), ("近", "under"), ("约", "approx"), ("不超过", "at_most"), ("不低于", "at_least"),
    ("最近", None), ("不过", None), ("增长", None), ("跌破", "under"),
])
def test_leading_qualifier(before, want):
    assert leading(before + "5%", len(before))[0] == want


def test_trailing_wins_over_leading():
    assert nz.qualifier("over", None, "以上") is Qualifier.at_least
    assert nz.qualifier("under", "over", None) is Qualifier.over


def test_backward_range_is_rejected():
    with pytest.raises(NumeralError):
        nz.value(Decimal("0.2"), Decimal("0.1"))


@pytest.mark.parametrize("text,spans", [
    ("同比增长5%，环比增长8%。", ["5%", "8%"]),
    ("2024-5%", ["5%"]),  # a date before the hyphen: no sign, no range
    ("下降15%至10%", ["15%", "10%"]),  # not a range (it runs backwards)
    ("分别提高15、22个百分点", ["15", "22个百分点"]),
    ("集聚全国1/3高新技术企业、2/3科创板上市企业", ["1/3", "2/3"]),
    ("近三成企业、过半数家庭", ["三成", "半数"]),
])
def test_spans_in_sentences(text, spans):
    assert [m.text for m in extract_text(text, None, labels=["PERCENT"])] == spans


def test_one_third_is_exact_to_six_places():
    (m,) = extract_text("占全国的1/3", None, labels=["PERCENT"])
    assert m.value.value.quantize(Decimal("0.000001")) == Decimal("0.333333")
