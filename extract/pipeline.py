"""The pipeline: clean → run every registered extractor → map back → resolve overlaps → validate.

It knows no label by name: the labels come from ``extract.registry``, and which labels run, with
which options, and which wins a tie comes from one ``extract.config.PipelineConfig``.
:class:`Pipeline` is built from a config; the module's functions take a list of labels or a
config and use the (cached) pipeline of that config.
"""

from __future__ import annotations

import bisect
import datetime as dt
from typing import Any, Iterable, Mapping, Sequence

from extract import registry
from extract.base import Candidate, Context
from extract.config import PipelineConfig, as_config
from extract.intake.clean import CleanText, clean
from extract.intake.protect import protected_spans
from schemas.records import Document, ExtractedDocument, Mention


Labels = Sequence[str] | PipelineConfig | None  # a list of labels, or a whole config


class Pipeline:
    """The extractors of a config, built once, and the steps that run them."""

    def __init__(self, config: PipelineConfig | None = None) -> None:
        self.config = config or PipelineConfig()
        self.extractors = [registry.build(label, self.config.options.get(label))
                           for label in self.config.active_labels()]
        self.rank = self.config.rank()

    def candidates(self, text: str, context: Context) -> list[Candidate]:
        """All candidates of the config's labels over an already cleaned text."""
        found: list[Candidate] = []
        for extractor in self.extractors:
            found.extend(extractor.find(text, context))
        return found

    def extract_text(self, text: str, date: dt.date | None = None, *, doc_id: str | None = None,
                     options: Mapping[str, Any] | None = None) -> list[Mention]:
        """Mentions of ``text``; ``date`` is the document date (never today's clock); ``options``
        reach the extractors as ``Context.extras`` beside the config's."""
        cleaned = clean(text)
        extras = {**self.config.extras, **(options or {})}
        context = Context(date=date, doc_id=doc_id, extras=extras)
        found = unprotected(self.candidates(cleaned.text, context), cleaned.text)
        return to_mentions(cleaned, resolve(found, self.rank))


def pipeline(labels: Labels = None) -> Pipeline:
    """The pipeline of a config (or of a list of labels), built once per config."""
    if isinstance(labels, PipelineConfig):
        return _pipeline(labels.key(), lambda: labels)
    names = None if labels is None else tuple(labels)
    return _pipeline(names, lambda: as_config(names))


_PIPELINES: dict[Any, Pipeline] = {}


def _pipeline(key: Any, config) -> Pipeline:
    built = _PIPELINES.get(key)
    if built is None:
        built = _PIPELINES[key] = Pipeline(config())
    return built


def candidates(text: str, context: Context, labels: Labels = None) -> list[Candidate]:
    """All candidates of the chosen labels over an already cleaned text."""
    return pipeline(labels).candidates(text, context)


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


def resolve(found: Iterable[Candidate], rank: Mapping[str, int] | None = None) -> list[Candidate]:
    """Keep a non-overlapping selection: longer spans first, then the label earlier in the
    precedence table (``rank``, from the config; default: the registry's order), then the rule's
    higher priority, then earlier."""
    rank = rank if rank is not None else PipelineConfig().rank()
    ordered = sorted(found, key=lambda c: (-(c.end - c.start), rank.get(c.label, len(rank)), -c.priority, c.start))
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
    labels: Labels = None,
    doc_id: str | None = None,
    options: Mapping[str, Any] | None = None,
) -> list[Mention]:
    """Extract mentions from ``text``. ``date`` is the document date (never today's clock).
    ``labels``: the labels, or a ``PipelineConfig``. ``options`` reach the extractors as
    ``Context.extras`` (e.g. ``date_calendar_words``)."""
    return pipeline(labels).extract_text(text, date, doc_id=doc_id, options=options)


def extract_document(document: Document, *, labels: Labels = None,
                     options: Mapping[str, Any] | None = None) -> ExtractedDocument:
    # the document's own places (source, title, issuer …) reach the extractors too (PARK context)
    about = {k: v for k, v in (("source", document.source), ("title", document.title),
                               *((k, document.meta.get(k)) for k in ("issuer", "publisher", "dateline", "place")))
             if isinstance(v, str) and v}
    if about:
        options = {**about, **(options or {})}
    spans = extract_text(document.text, document.date, labels=labels, doc_id=document.id, options=options)
    return ExtractedDocument(id=document.id, date=document.date, spans=spans)
