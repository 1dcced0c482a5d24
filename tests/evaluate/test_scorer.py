"""Hand-computed scorer cases: overlaps, nesting, duplicates, empty documents."""

from __future__ import annotations

import pytest

from extract.evaluate import score
from extract.evaluate.values import values_equal
from schemas.records import ExtractedDocument, GoldDocument, Mention

TEXT = "截至2023年11月，园区生产总值达到12.33万亿元，同比增长7.11%。"


def m(start, end, label, value):
    return Mention.model_validate({"start": start, "end": end, "label": label, "text": TEXT[start:end], "value": value})


D2023_11 = {"value": "2023-11", "qualifier": "as_of"}
MONEY = {"amount": "12330000000000", "currency": "CNY"}
PCT = {"value": "0.0711"}


def gold(*spans):
    return [GoldDocument(id="d", text=TEXT, spans=list(spans))]


def pred(*spans):
    return {"d": ExtractedDocument(id="d", spans=list(spans))}


def test_perfect():
    g = gold(m(2, 10, "DATE", D2023_11), m(20, 28, "MONEY", MONEY), m(33, 38, "PERCENT", PCT))
    r = score(g, pred(*g[0].spans))
    o = r.overall()
    assert (o.gold, o.pred, o.strict_tp, o.partial_tp, o.value_ok) == (3, 3, 3, 3, 3)
    assert o.strict() == (1.0, 1.0, 1.0)
    assert o.qualifier_accuracy() == 1.0


def test_boundary_error_counts_partial_not_strict():
    r = score(gold(m(20, 28, "MONEY", MONEY)), pred(m(20, 27, "MONEY", {"amount": "12330000000000", "currency": "CNY"})))
    c = r.by_label["MONEY"]
    assert (c.strict_tp, c.partial_tp) == (0, 1)
    assert c.strict() == (0.0, 0.0, 0.0)
    assert c.partial() == (1.0, 1.0, 1.0)
    assert [e.kind for e in r.errors] == ["boundary"]


def test_duplicates_are_spurious():
    span = m(33, 38, "PERCENT", PCT)
    r = score(gold(span), pred(span, span))
    c = r.by_label["PERCENT"]
    assert (c.gold, c.pred, c.strict_tp) == (1, 2, 1)
    p, rec, f = c.strict()
    assert (p, rec) == (0.5, 1.0) and f == pytest.approx(2 / 3)
    assert [e.kind for e in r.errors] == ["spurious"]


def test_nested_prediction_matches_once_partially():
    # gold 2023年11月 (2-10); predictions 2023年 (2-7) and 11月 (7-10) nested inside it
    r = score(gold(m(2, 10, "DATE", D2023_11)),
              pred(m(2, 7, "DATE", {"value": "2023"}), m(7, 10, "DATE", {"value": "2023-11"})))
    c = r.by_label["DATE"]
    assert (c.strict_tp, c.partial_tp, c.pred) == (0, 1, 2)
    assert sorted(e.kind for e in r.errors) == ["boundary", "spurious"]


def test_value_and_qualifier_errors_on_strict_matches():
    r = score(gold(m(2, 10, "DATE", D2023_11)), pred(m(2, 10, "DATE", {"value": "2023-11", "qualifier": "exact"})))
    c = r.by_label["DATE"]
    assert c.strict_tp == 1 and c.value_ok == 0 and c.qualifier_ok == 0 and c.qualifier_total == 1
    assert [e.kind for e in r.errors] == ["value"]


def test_label_mismatch_is_miss_plus_spurious():
    r = score(gold(m(33, 38, "PERCENT", PCT)), pred(m(33, 38, "MONEY", {"amount": "7.11", "currency": "CNY"})))
    assert r.by_label["PERCENT"].strict() == (0.0, 0.0, 0.0)
    assert sorted(e.kind for e in r.errors) == ["miss", "spurious"]


def test_empty_document_and_missing_prediction():
    r = score([GoldDocument(id="e", text="", spans=[])], {})
    assert r.overall().strict() == (1.0, 1.0, 1.0)
    r = score(gold(m(20, 28, "MONEY", MONEY)), {})
    assert r.overall().strict() == (0.0, 0.0, 0.0)


def test_value_comparison_rules():
    assert values_equal("MONEY", {"amount": "82225.00", "currency": "CNY"}, {"amount": "82225", "currency": "CNY"})
    assert values_equal("PERCENT", {"value": "0.3333333333"}, {"value": "0.333333"})
    assert not values_equal("PERCENT", {"value": "0.3334"}, {"value": "0.333333"})
    assert values_equal("PARK", {"canonical": "A", "level": "unknown"}, {"canonical": "A", "level": "national"})


def test_document_labelled_for_some_labels_scores_only_those():
    money = m(20, 28, "MONEY", MONEY)
    g = [GoldDocument(id="d", text=TEXT, labels=["MONEY"], spans=[money])]
    r = score(g, pred(m(2, 10, "DATE", D2023_11), money, m(33, 38, "PERCENT", PCT)))
    assert set(r.by_label) == {"MONEY"}
    o = r.overall()
    assert (o.gold, o.pred, o.strict_tp) == (1, 1, 1)
    # the same prediction against a document labelled for every label counts the others as spurious
    r = score([GoldDocument(id="d", text=TEXT, spans=[money])], pred(m(2, 10, "DATE", D2023_11), money))
    assert r.overall().pred == 2 and r.overall().strict_tp == 1
