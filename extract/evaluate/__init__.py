"""Evaluation against gold: loaders, matching schemes, report (nervaluate's split)."""

from __future__ import annotations

from typing import Any, Iterable, Mapping, Sequence

from extract.evaluate.loaders import GoldError, load_gold, load_predictions
from extract.evaluate.matching import Counts, ErrorCase, Result, match_document
from schemas.records import Document, ExtractedDocument, GoldDocument

# What the extractor may know of a gold document besides its text and date: the metadata a user's
# JSONL carries too (PARK reads the places in them). Labelling fields (province, labels) are not passed.
_METADATA = ("issuer", "publisher")


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


def predict(gold: Iterable[GoldDocument], *, options: Mapping[str, Any] | None = None,
            labels: Sequence[str] | None = None, progress: Any = None) -> dict[str, ExtractedDocument]:
    """Run the extractor on the gold texts as `newsx extract` runs on a user's JSONL line (text,
    date, source, title and metadata) — the one way the CLI, the README figures and their test
    predict gold. ``progress``: an :class:`extract.progress.Progress`, updated per document."""
    from extract.pipeline import extract_document  # the pipeline stays above evaluate's matching

    out: dict[str, ExtractedDocument] = {}
    for g in gold:
        meta = {k: getattr(g, k) for k in _METADATA if getattr(g, k)}
        doc = Document(id=g.id, text=g.text, date=g.date, source=g.source, title=g.title, meta=meta)
        out[g.id] = extract_document(doc, labels=labels, options=options)
        if progress is not None:
            progress.update(documents=1, mentions=len(out[g.id].spans), chars=len(g.text))
    return out


__all__ = ["Counts", "ErrorCase", "GoldError", "Result", "load_gold", "load_predictions", "match_document", "predict", "score"]
