"""PERCENT runs in linear time on adversarial input: 1 MB costs at most 20× what 100 KB costs."""

from __future__ import annotations

import pytest

from linear_time import assert_linear

ADVERSARIAL = {
    "digits": "1234567890",
    "percent_signs": "%",
    "cheng": "成",
    "fen_zhi": "分之",
    "slashes": "1/",
    "bai_fen_zhi": "百分之",
    "many_matches": "1%",
    "signs_and_ranges": "5-",
    "thousands": "1,111",
    "decimals": "1.",
    "cn_digits_cheng": "三三三成",
    "halves": "一半",
    "ban": "半",
    "points": "个百分点",
    "cn_numerals": "一二三四五六七八九十百千",
    "no_punctuation": "国家高新区生产总值同比名义增长",
    "full_width": "１４．３％",
    # issue 17: decimal 成, negative 百分之, traditional characters
    "decimal_cheng": "六点五点六成",
    "negative_fractions": "负負百分之负",
    "traditional": "12.56個百分點負",
    # issue 17, second pass: approximate ranges and inclusive bounds
    "vague_ranges": "百分之十五六十五六个百分点",
    "long_vague_digits": "十五六",
    "inclusive_bounds": "30%（含）以上（含）",
}


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(ADVERSARIAL))
def test_linear(name: str) -> None:
    assert_linear(name, ADVERSARIAL[name], ["PERCENT"])
