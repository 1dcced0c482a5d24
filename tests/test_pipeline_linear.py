"""The whole pipeline (all four labels, cleaning, URL protection, overlap resolution) in linear time."""

from __future__ import annotations

import pytest

from linear_time import assert_linear

UNITS = {
    "digits": "1234567890",
    "yi-wan": "亿亿亿万万",
    "mixed-news": "截至2023年12月29日，内江高新区已落实研发经费补贴200余万元，同比增长20.7%，近三成",
    "layout-breaks": "国家高新区着力推动人工智能、大\n\n",
    "urls": "https://example.com/2025/12/31/20251231/",
    "no-punctuation": "园区实现营业收入同比增长科技创新平台建设",
}


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(UNITS))
def test_linear(name: str) -> None:
    assert_linear(name, UNITS[name], None)
