"""The DATE examples through the DATE extractor alone (tests/test_examples.py runs them with
every label once all extractors exist)."""

from __future__ import annotations

import pytest

from examples_runner import Example, discover
from extract.evaluate.values import values_equal
from extract.pipeline import extract_text

EXAMPLES = [e for e in discover() if e.label == "DATE"]


def test_enough_examples() -> None:
    assert len(EXAMPLES) >= 200
    assert sum(e.value is None for e in EXAMPLES) >= 30


@pytest.mark.parametrize("ex", EXAMPLES, ids=[e.id for e in EXAMPLES])
def test_date_example(ex: Example) -> None:
    found = extract_text(ex.text, ex.date, labels=["DATE"])
    if ex.value is None:
        assert found == [], f"expected no DATE in {ex.text!r}, got {[m.text for m in found]}"
        return
    spans = [(m.start, m.end, m.text) for m in found]
    want = (ex.start, ex.end, ex.text[ex.start : ex.end])
    assert len(found) == 1 and spans[0] == want, f"{ex.text!r}: want {want}, got {spans}"
    got = found[0].value.model_dump(mode="json")
    assert values_equal("DATE", got, ex.value), f"{ex.text!r}: value {got} != {ex.value}"
