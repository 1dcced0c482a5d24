"""The fact scorer on hand-built documents whose figures are computed by hand below."""

from __future__ import annotations

import json
import subprocess
import sys
from decimal import Decimal

import pytest

from extract.evaluate.facts import frac_equal, score_document, score_facts, FactScore
from schemas.facts import Fact, FactDocument

TEXT = "2023年，示范园区实现营业收入12亿元，同比增长8%；净利润3亿元。预计出口额5亿元。全区首次突破10亿元。"
#       0    5   8          16    20       26  30  33 34   38      45  49  52 53        62


def F(ind, fig, *, value=None, changes=(), modality="actual", subject="示范园区", kind="park", region=None,
      period="2023", tags=(), segment=None, share=None, rule=None):
    s = TEXT.index(fig)
    start_ind = TEXT.index(ind)
    d = {"subject": {"kind": kind, "canonical": subject, "region": region, "resolved_by": "explicit"},
         "segment": segment,
         "indicator": {"id": {"营业收入": "operating_revenue", "净利润": "net_profit", "出口额": "export"}.get(ind, "other"),
                       "text": ind, "start": start_ind, "end": start_ind + len(ind)},
         "period": {"value": period, "kind": "flow"} if period else None,
         "value": value if value is not None else {"label": "MONEY", "start": s, "end": s + len(fig),
                                                    "amount": str(_yuan(fig)), "currency": "CNY"},
         "changes": list(changes), "share": share, "modality": modality, "sentence": [0, len(TEXT)],
         "tags": list(tags), "rule": rule}
    return Fact.model_validate(d, context={"text": TEXT})


def _yuan(fig: str) -> int:
    return int(Decimal(fig.rstrip("亿元")) * 10**8)


CHG = {"basis": "yoy", "metric": "percent", "value": "0.08", "start": TEXT.index("8%"), "end": TEXT.index("8%") + 2}
GOLD = [
    F("营业收入", "12亿元", changes=[CHG]),
    F("净利润", "3亿元"),
    F("出口额", "5亿元", modality="forecast"),
]


def _score(pred, gold=GOLD) -> FactScore:
    out = FactScore()
    score_document(TEXT, pred, gold, out, "d")
    return out


def test_perfect():
    r = _score(GOLD)
    assert (r.strict.tp, r.strict.pred, r.strict.gold) == (3, 3, 3)
    assert r.full.f1 == 1.0 and r.value_pairs == 3
    assert r.slot_agreement() == {s: 1.0 for s in ("subject", "indicator", "period", "changes", "modality")}


def test_hand_computed_mixture():
    pred = [
        F("营业收入", "12亿元"),                      # strict yes, full no (change missing)
        F("净利润", "3亿元", period="2022"),          # strict no: period; value-matched
        F("出口额", "5亿元"),                         # strict yes; full no (modality); a target as actual
        F("全区", "10亿元"),                          # spurious, and a milestone as a value
    ]
    r = _score(pred)
    # strict: 2 of 4 predicted, 2 of 3 gold → P 0.5, R 2/3, F1 = 2·0.5·0.667/1.167 = 0.5714
    assert (r.strict.tp, r.strict.pred, r.strict.gold) == (2, 4, 3)
    assert r.strict.f1 == pytest.approx(4 / 7)
    # full: none → 0
    assert r.full.tp == 0
    # value pairs: 12亿元, 3亿元, 5亿元 (10亿元 has no gold) → period agrees 2/3, changes 2/3, modality 2/3
    assert r.value_pairs == 3
    agree = r.slot_agreement()
    assert agree["period"] == pytest.approx(2 / 3) and agree["changes"] == pytest.approx(2 / 3)
    assert agree["modality"] == pytest.approx(2 / 3) and agree["subject"] == 1.0
    assert (r.target_as_actual, r.milestone_as_value, r.scale_errors) == (1, 1, 0)
    # buckets: gold 出口额 is modality≠actual (matched), the others simple (1 of 2 matched)
    assert (r.buckets["modality≠actual"].tp, r.buckets["modality≠actual"].gold) == (1, 1)
    assert (r.buckets["simple"].tp, r.buckets["simple"].gold, r.buckets["simple"].pred) == (1, 2, 3)


def test_scale_error_is_counted():
    wrong = F("净利润", "3亿元", value={"label": "MONEY", "start": TEXT.index("3亿元"), "end": TEXT.index("3亿元") + 3,
                                       "amount": "30000000", "currency": "CNY"})
    r = _score([wrong])
    assert r.scale_errors == 1 and r.strict.tp == 0 and r.value_pairs == 1


def test_one_to_one():
    r = _score([GOLD[1], GOLD[1]])
    assert (r.strict.tp, r.strict.pred) == (1, 2)


def test_change_only_and_share_only_compare_their_figure():
    d = {"subject": {"kind": "park", "canonical": "示范园区"}, "indicator": {"id": "operating_revenue", "text": "营业收入",
         "start": 12, "end": 16}, "period": {"value": "2023"}, "changes": [CHG], "sentence": [0, len(TEXT)]}
    g = Fact.model_validate(d)
    p_ok = Fact.model_validate(d)
    p_bad = Fact.model_validate({**d, "changes": [{**CHG, "value": "0.09"}]})
    assert _score([p_ok], [g]).strict.tp == 1
    assert _score([p_bad], [g]).strict.tp == 0
    assert _score([p_ok], [g]).buckets["share/change-only"].tp == 1


@pytest.mark.parametrize("pred, gold, eq", [
    ("0.3333333333333333", "0.333333", True), ("0.143", "0.143", True), ("0.1431", "0.143", False),
    ("0.5", "0.50", True), ("0.6666666667", "0.666667", True),
])
def test_fractions(pred, gold, eq):
    assert frac_equal(Decimal(pred), Decimal(gold)) is eq


def test_group_region_is_part_of_the_subject():
    g = F("营业收入", "12亿元", kind="park_group", subject="国家高新区", region="全国")
    p = F("营业收入", "12亿元", kind="park_group", subject="国家高新区", region="江苏省")
    assert _score([p], [g]).strict.tp == 0 and _score([g], [g]).strict.tp == 1


def test_cli_json(tmp_path):
    doc = {"id": "d", "date": "2024-01-04", "text": TEXT, "facts": [json.loads(f.model_dump_json()) for f in GOLD]}
    gold = tmp_path / "g.jsonl"
    gold.write_text(json.dumps(doc, ensure_ascii=False) + "\n", encoding="utf-8")
    pred = tmp_path / "p.jsonl"
    pred.write_text(json.dumps({"id": "d", "facts": doc["facts"][:2]}, ensure_ascii=False) + "\n", encoding="utf-8")
    out = subprocess.run([sys.executable, "-m", "extract.cli", "score", "--facts", str(gold), "--pred", str(pred), "--json"],
                         capture_output=True, text=True, check=True).stdout
    data = json.loads(out)
    assert data["strict_core"]["tp"] == 2 and data["strict_core"]["recall"] == pytest.approx(0.6667, abs=1e-4)
    assert set(data["buckets"]) >= {"simple", "respectively", "qizhong", "modality≠actual"}
    text = subprocess.run([sys.executable, "-m", "extract.cli", "score", "--facts", str(gold)],
                          capture_output=True, text=True, check=True).stdout
    assert "strict core" in text and "per slot" in text and "safety" in text


@pytest.mark.parametrize("a, b", [("洋山特殊综保区", "洋山特殊综合保税区"), ("萧山高新区", "萧山高新技术产业开发区"),
                                  ("中国(上海)自由贸易试验区", "中国（上海）自由贸易试验区")])
def test_park_canonicals_compare_as_the_guideline_writes_them(a, b):
    from extract.evaluate.facts import canonical_key

    assert canonical_key(a) == canonical_key(b)
    assert canonical_key("萧山高新区") != canonical_key("滨江高新区")
