"""Any string of date characters is read without an error, with or without a document date."""

from __future__ import annotations

import datetime as dt
import random

from extract.pipeline import extract_text

_CHARS = "0123456789年月日号季度上下半旬初底末今去明前本第首Q至到-—~./一二三四五六七八九十〇廿个以来截至，《》左右"


def test_random_date_like_strings() -> None:
    rng = random.Random(7)
    for _ in range(3000):
        s = "".join(rng.choice(_CHARS) for _ in range(rng.randint(1, 25)))
        for ref in (dt.date(2024, 1, 4), dt.date(2024, 2, 29), None):
            for m in extract_text(s, ref, labels=["DATE"]):
                assert s[m.start : m.end] == m.text


def test_no_document_date_keeps_year_less_dates_unresolved() -> None:
    """Without a document date: relative words give nothing; year-less dates are kept with the
    year unknown (TIMEX3 XXXX, resolved false) instead of vanishing."""
    text = "今年以来，12月28日，28日，一季度，上月，昨日，下周三，2023年12月28日"
    found = [(m.text, m.value.value, m.value.resolved) for m in extract_text(text, None, labels=["DATE"])]
    assert found == [
        ("12月28日", "XXXX-12-28", False), ("28日", "XXXX-XX-28", False), ("一季度", "XXXX-Q1", False),
        ("2023年12月28日", "2023-12-28", True),
    ]
