"""One parametrized test runs every label's examples file (see tests/examples_runner.py)."""

from __future__ import annotations

import importlib

import pytest

from examples_runner import Example, discover
from extract.pipeline import extract_text
from extract.evaluate.values import values_equal

EXAMPLES = discover()


@pytest.mark.parametrize("ex", EXAMPLES, ids=[e.id for e in EXAMPLES])
def test_example(ex: Example) -> None:
    if ex.finder:
        _finder_example(ex)
        return
    found = extract_text(ex.text, ex.date, labels=[ex.label])
    if ex.value is None:
        assert found == [], f"{ex.file}: expected no {ex.label} in {ex.text!r}, got {[m.text for m in found]}"
        return
    # The marked span is found exactly, and nothing else of this label overlaps it; other
    # mentions elsewhere in the text (the year that gives 2月7日 its year) are context.
    spans = [(m.start, m.end, m.text) for m in found]
    want = (ex.start, ex.end, ex.text[ex.start : ex.end])
    overlapping = [m for m in found if m.start < ex.end and ex.start < m.end]
    assert [(m.start, m.end, m.text) for m in overlapping] == [want], f"{ex.file}: {ex.text!r}: want {want}, got {spans}"
    got = overlapping[0].value.model_dump(mode="json")
    assert values_equal(ex.label, got, ex.value), f"{ex.file}: {ex.text!r}: value {got} != {ex.value}"


def _finder_example(ex: Example) -> None:
    module, _, name = ex.finder.partition(":")
    found = getattr(importlib.import_module(module), name)(ex.text, ex.date)
    if ex.value is None:
        assert found == [], f"{ex.file}: expected no {ex.label} in {ex.text!r}, got {found}"
        return
    overlapping = [f for f in found if f[0] < ex.end and ex.start < f[1]]
    assert [(s, e) for s, e, _ in overlapping] == [(ex.start, ex.end)], f"{ex.file}: {ex.text!r}: got {found}"
    assert overlapping[0][2] == ex.value, f"{ex.file}: {ex.text!r}: value {overlapping[0][2]} != {ex.value}"


# What the issues ask of each examples file (positives and negatives written from news phrasing).
MINIMUM = {"MONEY": 150, "PERCENT": 120, "DATE": 200, "PARK": 40, "COUNT": 20}


@pytest.mark.parametrize("label", sorted(MINIMUM))
def test_enough_examples(label: str) -> None:
    mine = [e for e in EXAMPLES if e.label == label]
    assert len(mine) >= MINIMUM[label]
    assert sum(e.value is None for e in mine) >= 10
