"""PERCENT runs in linear time on adversarial input: 1 MB costs at most 20× what 100 KB costs."""

from __future__ import annotations

import time

import pytest

from extract.pipeline import extract_text

SMALL, LARGE = 100_000, 1_000_000
MAX_RATIO = 20

# Each unit is repeated to the wanted length: long runs of what the rules anchor on.
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
}


def _best_of_3(text: str) -> float:
    best = float("inf")
    for _ in range(3):
        t0 = time.perf_counter()
        extract_text(text, None, labels=["PERCENT"])
        best = min(best, time.perf_counter() - t0)
    return best


def _repeat(unit: str, n: int) -> str:
    return (unit * (n // len(unit) + 1))[:n]


@pytest.mark.slow
@pytest.mark.parametrize("name", list(ADVERSARIAL))
def test_linear(name: str) -> None:
    unit = ADVERSARIAL[name]
    small = _best_of_3(_repeat(unit, SMALL))
    large = _best_of_3(_repeat(unit, LARGE))
    ratio = large / max(small, 1e-9)
    assert ratio <= MAX_RATIO, f"{name}: 1 MB took {ratio:.1f}× the time of 100 KB"
