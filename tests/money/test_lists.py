"""Amounts that share one currency word across a list (GUIDELINE, MONEY)."""

import datetime as dt

from extract.pipeline import extract_text


def _money(text):
    return [(m.text, m.value.model_dump(mode="json")["amount"]) for m in extract_text(text, dt.date(2026, 1, 27), labels=["MONEY"])]


def test_list_shares_the_last_currency():
    assert _money("产业规模分别达1.28万亿、1.18万亿、8200亿元。") == [
        ("1.28万亿", "1280000000000"), ("1.18万亿", "1180000000000"), ("8200亿元", "820000000000")]
    assert _money("分别投入5亿与数亿元。") == [("5亿", "500000000"), ("数亿元", "100000000")]


def test_plain_numbers_in_a_list_stay_numbers():
    assert _money("新建项目12、15个，投资8200亿元。") == [("8200亿元", "820000000000")]
