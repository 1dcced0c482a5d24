"""DATE on the peers' own cases (../shared/peers): the thresholds of the DATE issue.

Skips cleanly when the peer data is absent. Every case is passed, failed, or excluded with a
reason (extract/evaluate/peers/date.py lists the scope)."""

from __future__ import annotations

from pathlib import Path

import pytest

from extract.evaluate.peers.date import SUITES

PEERS = Path(__file__).resolve().parents[3] / "shared" / "peers"


def _run(name: str):
    path = PEERS / f"{name}.jsonl"
    if not path.exists():
        pytest.skip(f"{path} is absent")
    result = SUITES[name](path)
    for case in result.excluded:
        assert case[2], f"exclusion without a reason: {case}"
    return result


def test_jionlp_parsing_day_or_coarser() -> None:
    r = _run("jionlp_time_parsing")
    assert r.in_scope >= 140, f"scope shrank to {r.in_scope} cases"
    assert r.rate >= 0.97, f"{len(r.passed)}/{r.in_scope}: {r.failed}"


def test_jionlp_extraction_negatives_give_nothing() -> None:
    r = _run("jionlp_time_extraction")
    path = PEERS / "jionlp_time_extraction.jsonl"
    from extract.evaluate.peers import read_cases

    negatives = {c["id"] for c in read_cases(path) if not c["expected"]}
    assert len(negatives) == 17
    failed = [f for f in r.failed if f[0] in negatives]
    assert not failed, failed
    assert negatives <= set(r.passed)
    assert r.in_scope >= 25 and r.rate >= 0.97, f"{len(r.passed)}/{r.in_scope}: {r.failed}"


def test_duckling_day_or_coarser() -> None:
    r = _run("duckling_datetime")
    assert r.in_scope >= 150, f"scope shrank to {r.in_scope} cases"
    assert r.rate >= 0.97, f"{len(r.passed)}/{r.in_scope}: {r.failed}"
