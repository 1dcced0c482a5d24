"""Parks the registry does not hold, labelled by reading (tests/park/unseen_parks.jsonl, see
UNSEEN_README.md): the patterns alone must find them. The registry is switched off."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from extract.base import Context
from extract.intake.clean import clean
from extract.park.rules import ParkExtractor
from extract.pipeline import resolve

DATA = Path(__file__).with_name("unseen_parks.jsonl")
CASES = [json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines() if line.strip()]


def _found(text: str) -> set[tuple[int, int]]:
    c = clean(text)
    kept = resolve(ParkExtractor(use_registry=False).find(c.text, Context()))
    return {c.to_original(k.start, k.end) for k in kept}


def test_the_set_is_large_enough():
    positives = [c for c in CASES if any(s["value"].get("id") is None for s in c["spans"])]
    assert len(positives) >= 60
    assert sum(s["value"].get("id") is None for c in CASES for s in c["spans"]) >= 70


def test_recall_on_unseen_parks_without_the_registry():
    hit = total = 0
    missed = []
    for case in CASES:
        found = _found(case["text"])
        for s in case["spans"]:
            if s["value"].get("id") is not None:
                continue  # a registry park in the same sentence: not what this set measures
            total += 1
            if (s["start"], s["end"]) in found:
                hit += 1
            else:
                missed.append(s["text"])
    recall = hit / total
    print(f"unseen-park recall {hit}/{total} = {recall:.3f}; missed: {missed}")
    assert recall >= 0.85, f"recall {recall:.3f} < 0.85; missed {missed}"


@pytest.mark.parametrize("case", [c for c in CASES if not c["spans"]], ids=lambda c: c["id"])
def test_negatives_name_no_park(case):
    assert _found(case["text"]) == set()
