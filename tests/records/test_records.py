from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal

import pytest
from pydantic import ValidationError

from schemas import export
from schemas.records import Document, ExtractedDocument, GoldDocument, Mention, MoneyValue, PercentValue


def test_exported_json_schemas_are_fresh():
    assert export.stale() == [], "run: python -m schemas.export"


def money(start=0, end=5, text="3亿元", **value):
    return {"start": start, "end": end, "label": "MONEY", "text": text,
            "value": {"amount": "300000000", "currency": "CNY", **value}}


def test_money_amount_is_decimal_and_serializes_as_string():
    m = Mention.model_validate(money(0, 3))
    assert isinstance(m.value.amount, Decimal)
    dumped = json.loads(m.model_dump_json())
    assert dumped["value"]["amount"] == "300000000"
    assert Mention.model_validate_json(m.model_dump_json()) == m


def test_value_type_follows_label():
    with pytest.raises(ValidationError):
        Mention.model_validate({"start": 0, "end": 3, "label": "DATE", "text": "3亿元",
                                "value": {"amount": "1", "currency": "CNY"}})


def test_mention_text_must_be_the_document_text():
    with pytest.raises(ValidationError, match="is not the document text"):
        Mention.model_validate(money(0, 3), context={"text": "近3亿元"})
    Mention.model_validate(money(1, 4), context={"text": "近3亿元"})
    with pytest.raises(ValidationError, match="the text there"):
        ExtractedDocument(id="d", text="近3亿元", spans=[Mention.model_validate(money(0, 3))])


def test_range_needs_both_ends_and_amount_is_low():
    MoneyValue(amount=Decimal(3), currency="CNY", low=Decimal(3), high=Decimal(5))
    with pytest.raises(ValidationError):
        MoneyValue(amount=Decimal(3), currency="CNY", low=Decimal(3))
    with pytest.raises(ValidationError):
        PercentValue(value=Decimal("0.1"), low=Decimal("0.2"), high=Decimal("0.3"))


def test_bad_enums_and_currency_rejected():
    with pytest.raises(ValidationError):
        MoneyValue(amount=Decimal(1), currency="yuan")
    with pytest.raises(ValidationError):
        Mention.model_validate(money(0, 3, qualifier="roughly"))


def test_gold_rejects_overlaps():
    text = "3亿元3亿元"
    with pytest.raises(ValidationError, match="overlap"):
        GoldDocument(id="g", text=text, spans=[Mention.model_validate(money(0, 3)),
                                              Mention.model_validate({**money(1, 4), "text": "亿元3"})])


def test_document_keeps_meta_and_date():
    d = Document(id="x", text="t", date=dt.date(2024, 1, 4), meta={"issuer": "省政府"})
    assert Document.model_validate_json(d.model_dump_json()) == d
