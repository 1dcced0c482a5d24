"""The pipeline: clean → run every registered extractor → map back → resolve overlaps → validate.

It knows no label by name: the labels come from ``extract.registry``.
"""

from __future__ import annotations

import bisect
import datetime as dt
from typing import Any, Iterable, Mapping, Sequence

from extract import registry
from extract.base import Candidate, Context
from extract.intake.clean import CleanText, clean
from extract.intake.protect import protected_spans
from schemas.records import Document, ExtractedDocument, Mention


def candidates(text: str, context: Context, labels: Sequence[str] | None = None) -> list[Candidate]:
    """All candidates of the chosen labels over an already cleaned text."""
    found: list[Candidate] = []
    for label in registry.labels() if labels is None else labels:
        found.extend(registry.get(label).find(text, context))
    return found


def unprotected(found: Iterable[Candidate], text: str) -> list[Candidate]:
    """Drop candidates inside URLs and document numbers (extract.intake.protect)."""
    found = list(found)
    regions = protected_spans(text) if found else []
    if not regions:
        return found
    starts = [s for s, _ in regions]
    keep = []
    for c in found:
        i = bisect.bisect_right(starts, c.start) - 1
        near = regions[max(i, 0) : i + 2]
        if not any(c.start < e and s < c.end for s, e in near):
            keep.append(c)
    return keep


def resolve(found: Iterable[Candidate]) -> list[Candidate]:
    """Keep a non-overlapping selection: longer spans first, then higher priority, then earlier."""
    ordered = sorted(found, key=lambda c: (-(c.end - c.start), -c.priority, c.start))
    taken: list[tuple[int, int]] = []
    kept: list[Candidate] = []
    for c in ordered:
        if any(c.start < e and s < c.end for s, e in _near(taken, c.start, c.end)):
            continue
        _insert(taken, (c.start, c.end))
        kept.append(c)
    kept.sort(key=lambda c: (c.start, c.end))
    return kept


def _near(taken: list[tuple[int, int]], start: int, end: int) -> list[tuple[int, int]]:
    """The kept spans that could overlap ``[start, end)``: kept spans are disjoint and at least
    as long as this one (longest first), so only the neighbours at its insertion point can."""
    i = bisect.bisect_left(taken, (start, -1))
    return taken[max(i - 1, 0) : i + 1]


def _insert(taken: list[tuple[int, int]], span: tuple[int, int]) -> None:
    bisect.insort(taken, span)


def to_mentions(cleaned: CleanText, kept: Iterable[Candidate]) -> list[Mention]:
    """Map candidates back to the original text and validate them as records."""
    out = []
    original = cleaned.original
    kept = list(kept)
    for c in kept:
        start, end = cleaned.to_original(c.start, c.end)
        out.append(
            Mention.model_validate(
                {"start": start, "end": end, "label": c.label, "text": original[start:end],
                 "value": c.value, "rule": c.rule},
                context={"text": original},
            )
        )
    out.sort(key=lambda m: (m.start, m.end))  # a lifted caption comes back to its place
    return out


def extract_text(
    text: str,
    date: dt.date | None = None,
    *,
    labels: Sequence[str] | None = None,
    doc_id: str | None = None,
    options: Mapping[str, Any] | None = None,
) -> list[Mention]:
    """Extract mentions from ``text``. ``date`` is the document date (never today's clock).
    ``options`` reach the extractors as ``Context.extras`` (e.g. ``date_calendar_words``)."""
    cleaned = clean(text)
    context = Context(date=date, doc_id=doc_id, extras=dict(options or {}))
    found = unprotected(candidates(cleaned.text, context, labels), cleaned.text)
    return to_mentions(cleaned, resolve(found))


def extract_document(document: Document, *, labels: Sequence[str] | None = None,
                     options: Mapping[str, Any] | None = None) -> ExtractedDocument:
    # the document's own places (source, title, issuer …) reach the extractors too (PARK context)
    about = {k: v for k, v in (("source", document.source), ("title", document.title),
                               *((k, document.meta.get(k)) for k in ("issuer", "publisher", "dateline", "place")))
             if isinstance(v, str) and v}
    if about:
        options = {**about, **(options or {})}
    spans = extract_text(document.text, document.date, labels=labels, doc_id=document.id, options=options)
    return ExtractedDocument(id=document.id, date=document.date, spans=spans)
