"""One parametrized test runs every label's examples file (see tests/examples_runner.py)."""

from __future__ import annotations

import pytest

from examples_runner import Example, discover
from extract.pipeline import extract_text
from extract.evaluate.values import values_equal

EXAMPLES = discover()


@pytest.mark.parametrize("ex", EXAMPLES, ids=[e.id for e in EXAMPLES])
def test_example(ex: Example) -> None:
    found = extract_text(ex.text, ex.date, labels=[ex.label])
    if ex.value is None:
        assert found == [], f"{ex.file}: expected no {ex.label} in {ex.text!r}, got {[m.text for m in found]}"
        return
    spans = [(m.start, m.end, m.text) for m in found]
    want = (ex.start, ex.end, ex.text[ex.start : ex.end])
    assert len(found) == 1 and spans[0] == want, f"{ex.file}: {ex.text!r}: want {want}, got {spans}"
    got = found[0].value.model_dump(mode="json")
    assert values_equal(ex.label, got, ex.value), f"{ex.file}: {ex.text!r}: value {got} != {ex.value}"
