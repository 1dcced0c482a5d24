"""The fact layer in linear time (the shared harness: 100 KB vs 1 MB of an adversarial unit,
mentions + facts), and no fact rather than a wrong one on input that is not prose."""

from __future__ import annotations

import datetime as dt
import functools

import pytest

from extract.facts import extract_facts, facts_of_text
from extract.pipeline import extract_text
from linear_time import assert_linear

UNITS = {
    # a 分别 list that never closes: every value waits for a zip that cannot happen
    "respectively": "合肥高新区营业收入、净利润、税收分别为12亿元、",
    # no sentence or clause punctuation at all
    "no-punctuation": "该区实现营业收入12亿元同比增长5%占全省30%截至2023年底拥有高新技术企业120家",
    # a statistics table flattened into text: indicators, periods and values in columns
    "table": "指标 2022年 2023年 营业收入 12亿元 15亿元 同比 5% 6% 高新技术企业 100家 120家 ",
    # anaphors with no antecedent, over and over
    "anaphors": "该区园区全区区内本区实现营业收入同比增长",
    # a subject, then a very long carried run of values
    "carried": "2023年，合肥高新区实现营业收入1.2万亿元，同比增长5%；",
}


@functools.lru_cache(maxsize=2)
def _mentions(text: str) -> list:
    return extract_text(text, None)


def _facts(text: str, labels) -> object:
    # the mention pipeline has its own linear-time test: here only the fact stage is timed
    mentions = _mentions(text)
    return extract_facts(text, mentions, None)


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(UNITS))
def test_fact_layer_is_linear(name: str) -> None:
    assert_linear(name, UNITS[name], None, stage=_facts)


def test_five_hundred_values_after_fenbie_with_four_indicators_give_no_fact():
    values = "、".join(f"{i + 1}亿元" for i in range(500))
    text = f"2023年，合肥高新区营业收入、净利润、税收、出口分别为{values}。"
    facts = facts_of_text(text, dt.date(2024, 1, 4))
    assert [f for f in facts if "respectively" in (f.rule or "")] == []
    assert all(f.value is None or f.value.start >= text.index("分别为") for f in facts) or facts == []


def test_a_flattened_table_gives_no_fact_with_a_wrong_period():
    text = "指标 2022年 2023年\n合肥高新区营业收入 12亿元 15亿元\n"
    for f in facts_of_text(text, dt.date(2024, 1, 4)):
        # whatever is emitted must not pair 15亿元 (the 2023 column) with 2022, or the reverse
        assert not (f.value and text[f.value.start:f.value.end] == "15亿元" and f.period and f.period.value == "2022")
        assert not (f.value and text[f.value.start:f.value.end] == "12亿元" and f.period and f.period.value == "2023")
