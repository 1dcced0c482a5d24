"""The Fact record: offsets checked against the text, Decimals as strings, gold lines load."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from pydantic import ValidationError

from schemas.facts import Fact, FactDocument

TEXT = "2023年，示范园区实现营业收入12.5亿元，同比增长8.2%。"


def _fact(**over) -> dict:
    base = {
        "subject": {"kind": "park", "canonical": "示范园区", "start": 6, "end": 10, "resolved_by": "explicit"},
        "indicator": {"id": "operating_revenue", "text": "营业收入", "start": 12, "end": 16},
        "period": {"value": "2023", "kind": "flow", "start": 0, "end": 5},
        "value": {"label": "MONEY", "start": 16, "end": 22, "amount": "1250000000", "currency": "CNY"},
        "changes": [{"basis": "yoy", "metric": "percent", "value": "0.082", "start": 27, "end": 31}],
        "sentence": [0, 32],
        "rule": "fact.verb_value",
    }
    base.update(over)
    return base


def test_a_fact_round_trips_with_decimal_strings():
    f = Fact.model_validate(_fact(), context={"text": TEXT})
    data = json.loads(f.model_dump_json())
    assert data["value"]["amount"] == "1250000000"
    assert data["changes"][0]["value"] == "0.082"
    assert Fact.model_validate(data, context={"text": TEXT}) == f


@pytest.mark.parametrize(
    "over, why",
    [
        ({"indicator": {"id": "gdp", "text": "生产总值", "start": 12, "end": 16}}, "not the text there"),
        ({"value": {"label": "MONEY", "start": 16, "end": 22, "amount": "1"}}, "amount and currency"),
        ({"value": {"label": "COUNT", "start": 16, "end": 22, "amount": "3"}}, "amount and unit"),
        ({"value": {"label": "PERCENT", "start": 16, "end": 22}}, "needs value"),
        ({"value": None, "changes": []}, "needs a value, a change or a share"),
        ({"sentence": [0, 999]}, "runs past the text"),
        ({"subject": {"kind": "park", "canonical": "示范园区", "region": "全国"}}, "park_group"),
        ({"period": {"value": "2023年", "kind": "flow"}}, "pattern"),
    ],
)
def test_bad_facts_are_rejected(over, why):
    with pytest.raises(ValidationError, match=why):
        Fact.model_validate(_fact(**over), context={"text": TEXT})


def test_without_text_context_offsets_are_only_checked_for_order():
    Fact.model_validate(_fact(indicator={"id": "gdp", "text": "生产总值", "start": 12, "end": 16}))
    with pytest.raises(ValidationError):
        Fact.model_validate(_fact(indicator={"id": "gdp", "text": "生产总值", "start": 16, "end": 12}))


def test_dev_gold_lines_validate():
    root = Path(__file__).resolve().parents[2]
    try:
        lines = subprocess.run(["git", "show", "factdev:corpus/facts/dev.jsonl"], cwd=root, capture_output=True,
                               text=True, check=True).stdout.splitlines()
    except (subprocess.CalledProcessError, FileNotFoundError):
        path = root / "corpus/facts/dev.jsonl"
        if not path.exists():
            pytest.skip("no dev fact gold here")
        lines = path.read_text(encoding="utf-8").splitlines()
    docs = [FactDocument.model_validate(json.loads(x)) for x in lines if x.strip()]
    assert docs and sum(len(d.facts) for d in docs) > 0
