"""MONEY runs in linear time on adversarial input: 1 MB takes at most 20× as long as 100 KB.

Asserts the ratio only (best of 3, time.perf_counter), never an absolute time.
"""

from __future__ import annotations

import pytest

from linear_time import assert_linear

UNITS = {
    "digits": "1234567890",
    "digits+yuan": "12345678901234567890元",
    "yiyiyi": "亿",
    "wanwan": "万",
    "separators": "1,234，567.89,",
    "yuanyuan": "元",
    "cn-digits+yuan": "一二三四五六七八九十百千万亿元",
    "ranges": "1亿—2亿至3亿~",
    "qualifiers": "超过约近余多几数上",
    "money-sentence": "超过3亿元以上，约合2000余万美元，人民币1万(含)-5万元，",
    "no-punctuation": "园区实现营业收入同比增长科技创新平台建设",
    "phone": "电话13812345678转",
    # issue 17: forms added for symbols before punctuation, codes, vague ranges and 块/毛
    "dollar-signs": "A$HK$NT$S$C$₩₹₽$",
    "symbol-commas": "￥300，$1.5亿，",
    "prefix-ranges": "$80-$100-$",
    "vague-digits": "十五六七八九十百三四十",
    "kuai-mao": "三块五毛钱块",
    "codes": "CNY 1.25USD",
    # issue 17, second pass: 角/毛 alone, 块 after a decimal, Hong Kong colloquial money, long
    # approximate-range runs and symbol runs
    "mao-jiao-alone": "两毛五两角五分2角5毛",
    "decimal-kuai": "3.04块3.5块以上",
    "hk-colloquial": "五蚊六毫至五蚊七毫八個九港幣三個一毫四",
    "hk-unit-runs": "蚊毫仙個",
    "hk-digit-runs": "一二三四五六七八九蚊",
    "long-vague-runs": "十五六",
    "won-runs": "₩",
    "inclusive-bounds": "3亿元（含）以上（含）-",
    "traditional-qualifiers": "超過約合新臺幣3億元將近",
}


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(UNITS))
def test_linear(name: str) -> None:
    assert_linear(name, UNITS[name], ["MONEY"])
