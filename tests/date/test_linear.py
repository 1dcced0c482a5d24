"""DATE runs in linear time on adversarial input: 10× the text may cost at most 20× the time."""

from __future__ import annotations

import datetime as dt
import time

import pytest

from extract.pipeline import extract_text

REF = dt.date(2024, 1, 4)
_PROSE = "二〇二三年十二月二十八日国家统计局发布数据显示2023年1至11月全国规模以上工业企业实现利润总额同比下降4.4%今年前三季度"

ADVERSARIAL = {
    "digits": "1234567890",
    "years": "年",
    "months": "月",
    "dashes": "1-",
    "year_runs": "2023年",
    "cn_digits": "二〇二三",
    "month_day": "12月28日至",
    "dots": "2023.12.",
    "no_punctuation": _PROSE,
}


def _best(text: str) -> float:
    best = float("inf")
    for _ in range(3):
        t = time.perf_counter()
        extract_text(text, REF, labels=["DATE"])
        best = min(best, time.perf_counter() - t)
    return best


@pytest.mark.parametrize("name", list(ADVERSARIAL))
def test_linear(name: str) -> None:
    unit = ADVERSARIAL[name]
    small = (unit * (100_000 // len(unit) + 1))[:100_000]
    large = (unit * (1_000_000 // len(unit) + 1))[:1_000_000]
    ratio = _best(large) / _best(small)
    assert ratio <= 20, f"{name}: 1 MB took {ratio:.1f}× the time of 100 KB"
