"""PERCENT against cn2an's sentence-rewrite cases (../shared/peers/cn2an_transform.jsonl)."""

from __future__ import annotations

from pathlib import Path

import pytest

from extract.evaluate.peers import read_cases
from extract.evaluate.peers.percent import SUITES, expected_share, run_transform
from extract.pipeline import extract_text

PEERS = Path(__file__).resolve().parents[2].parent / "shared" / "peers"
TRANSFORM = PEERS / "cn2an_transform.jsonl"

needs_peers = pytest.mark.skipif(not TRANSFORM.exists(), reason=f"peer cases not present ({TRANSFORM})")


def test_suite_is_registered() -> None:
    assert SUITES == {"cn2an_transform": run_transform}


@needs_peers
def test_every_in_scope_case_passes() -> None:
    result = run_transform(TRANSFORM)
    assert result.in_scope >= 30, result.as_dict()
    assert result.in_scope / (result.in_scope + len(result.excluded)) >= 0.70
    assert result.failed == [], result.as_dict()["failures"]
    assert all(reason for _, _, reason in result.excluded)
    assert len(result.passed) + len(result.excluded) == sum(1 for _ in read_cases(TRANSFORM))


@needs_peers
def test_excluded_cases_give_no_percent() -> None:
    """Out of scope for values, but still no false PERCENT (半斤, 切两半, 两岸关系 …)."""
    for case in read_cases(TRANSFORM):
        if expected_share(case) is None:
            found = extract_text(case["text"], None, labels=["PERCENT"])
            assert found == [], f"{case['id']}: {case['text']!r} gave {[m.text for m in found]}"
