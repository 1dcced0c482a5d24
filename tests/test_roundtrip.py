"""Document → extraction → JSONL → pydantic parse → the same objects; offsets index the original text."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from extract.evaluate import load_gold
from extract.pipeline import extract_document
from schemas.records import Document, ExtractedDocument

ROOT = Path(__file__).resolve().parent.parent
GOLD = load_gold(sorted((ROOT / "corpus" / "gold").glob("*.jsonl")))
SEED = (ROOT / "corpus" / "texts" / "seed" / "000_34d8ece5c389fe8a.txt").read_text(encoding="utf-8")

EXTRA = [
    Document(id="full-width", date=dt.date(2024, 1, 4), text="园区生产总值达到１２．３３万亿元，同比增长７．１１％，２０２３年１—９月。"),
    Document(id="layout", date=dt.date(2024, 1, 4), text="推动数字技术与实体经济深度融合，国家高新区着力推动人工智能、大\n\n数据产业营业收入超过13万亿元，占比超过四分之一。"),
    Document(id="seed-page", date=dt.date(2024, 1, 4), text=SEED),
]
DOCS = [Document(id=g.id, text=g.text, date=g.date) for g in GOLD] + EXTRA


@pytest.mark.parametrize("doc", DOCS, ids=[d.id for d in DOCS])
def test_round_trip_and_offsets(doc):
    ex = extract_document(doc)
    back = ExtractedDocument.model_validate_json(ex.model_dump_json())
    assert back == ex
    for m in back.spans:
        assert doc.text[m.start : m.end] == m.text
    assert ExtractedDocument.model_validate({**back.model_dump(mode="json"), "text": doc.text}).spans == back.spans


def test_full_width_values_are_read():
    ex = extract_document(EXTRA[0])
    got = {m.label.value: (m.text, m.value.model_dump(mode="json")) for m in ex.spans}
    assert got["MONEY"][0] == "１２．３３万亿元" and got["MONEY"][1]["amount"] == "12330000000000"
    assert got["PERCENT"][1]["value"] == "0.0711"
    assert got["DATE"][1]["value"] == "2023-01/2023-09"
