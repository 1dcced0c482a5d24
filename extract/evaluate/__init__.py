"""Evaluation against gold: loaders, matching schemes, report (nervaluate's split)."""

from __future__ import annotations

from typing import Iterable, Mapping

from extract.evaluate.loaders import GoldError, load_gold, load_predictions
from extract.evaluate.matching import Counts, ErrorCase, Result, match_document
from schemas.records import ExtractedDocument, GoldDocument


def score(gold: Iterable[GoldDocument], pred: Mapping[str, ExtractedDocument]) -> Result:
    """Score predictions against gold. A gold document without predictions counts as empty."""
    result = Result()
    for doc in gold:
        predicted = pred.get(doc.id)
        spans = predicted.spans if predicted else []
        if doc.labels is not None:  # a document labelled for some labels only scores those
            spans = [m for m in spans if m.label in doc.labels]
        match_document(doc.id, doc.text, doc.spans, spans, result)
    return result


__all__ = ["Counts", "ErrorCase", "GoldError", "Result", "load_gold", "load_predictions", "match_document", "score"]
