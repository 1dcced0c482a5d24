"""newsx as a spaCy pipeline: ``extract.load()`` → a blank Chinese ``Language`` whose tokenizer is
jieba (the park registry loaded as a user dictionary) and whose one component, ``newsx``, runs the
records pipeline (``extract.pipeline.extract_text``) on ``doc.text``.

What a processed ``Doc`` holds:

- ``doc.spans["newsx"]``: every mention of the records path, as a labelled ``Span``;
- ``doc.ents``: the same mentions (the pipeline already resolves overlaps across labels, so they are
  a non-overlapping selection); entities a previous component set are kept where they do not
  overlap a newsx mention;
- ``span._.value``: the normalized value as the value model's JSON dict
  (``{"amount": "17300000000000", "currency": "CNY", ...}``); ``span._.rule``: the rule's name;
- ``doc._.newsx_date``: the document date (a ``datetime.date``, default None), read by the
  component to resolve year-less dates. Set it before the component runs — ``make_doc(nlp, text,
  date)`` does — since the date is never taken from today's clock. It is stored as an ISO string
  in ``doc.user_data``, so docs with a date survive ``Doc.to_bytes`` and ``nlp.pipe(n_process=…)``.
- ``doc._.facts``: the fact records of the document (a list of ``schemas.facts.Fact``: park,
  indicator, period, value, changes; corpus/FACTS.md), from the fact stage run on the mentions
  (``extract.facts.extract_facts``, as ``newsx extract --facts``); ``[]`` before the component
  runs or with ``config={"facts": False}``. Stored as JSON dicts in ``doc.user_data``, so they
  survive ``Doc.to_bytes`` and ``nlp.pipe(n_process=…)`` too.

Offsets are exact: where a jieba token crosses a mention boundary (园区生产总值达到|12.33万亿元 …)
the component returns a new ``Doc`` whose tokens are the jieba tokens split further at mention
boundaries (same text, same whitespace), so every mention is an exact token span and
``span.start_char``/``span.end_char`` are the record's offsets. A mention is never widened.
``mentions_from_doc(doc)`` gives the records back.

The tokenizer is registered as ``newsx.zh_tokenizer.v1`` and the component as the factory
``newsx``; both are spaCy registry entries (and package entry points), so ``nlp.to_disk(path)`` →
``spacy.load(path)`` rebuilds the same pipeline. The segmenter is ``rjieba`` (jieba-rs: jieba's
algorithm and dictionary, ~40× faster) when installed, else the ``jieba`` package; both get the
registry's canonical names and aliases as user words with jieba's default frequency
(``add_word(name)`` → ``suggest_freq``), on a private dictionary: the process-wide jieba that
the park rules consult is never modified.

spaCy is imported on first use of this module only: ``import extract`` stays light.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from typing import Any, Callable, Dict, Iterable, Iterator, List, Optional, Sequence

import spacy
from spacy.attrs import IDX, LENGTH, SPACY
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import DummyTokenizer, filter_spans, registry as spacy_registry

from extract.pipeline import extract_text
from schemas.records import Document, ExtractedDocument, Mention

SPANS_KEY = "newsx"
FACTORY = "newsx"
TOKENIZER = "newsx.zh_tokenizer.v1"
SEGMENTERS = ("rjieba", "jieba")
_DATE_KEY = "newsx_date"  # doc.user_data key of the ISO document date
_FACTS_KEY = "newsx_facts"  # doc.user_data key of the facts (JSON dicts)

__all__ = [
    "FACTORY",
    "SPANS_KEY",
    "TOKENIZER",
    "NewsxComponent",
    "NewsxTokenizer",
    "extract_documents",
    "load",
    "make_doc",
    "mentions_from_doc",
]


# ---------------------------------------------------------------------------------------------
# Extensions


def _get_date(doc: Doc) -> dt.date | None:
    value = doc.user_data.get(_DATE_KEY)
    return dt.date.fromisoformat(value) if value else None


def _set_date(doc: Doc, value: dt.date | str | None) -> None:
    if value is None:
        doc.user_data.pop(_DATE_KEY, None)
        return
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, str):
        value = dt.date.fromisoformat(value)  # validates
    if not isinstance(value, dt.date):
        raise TypeError(f"doc._.newsx_date takes a datetime.date or an ISO string, not {type(value).__name__}")
    doc.user_data[_DATE_KEY] = value.isoformat()


def _get_facts(doc: Doc) -> list:
    from schemas.facts import Fact

    return [Fact.model_validate(f) for f in doc.user_data.get(_FACTS_KEY) or ()]


def _set_facts(doc: Doc, value: Sequence[Any] | None) -> None:
    from schemas.facts import Fact

    facts = [f if isinstance(f, Fact) else Fact.model_validate(f) for f in value or ()]
    doc.user_data[_FACTS_KEY] = [f.model_dump(mode="json") for f in facts]


def _register_extensions() -> None:
    if not Doc.has_extension("newsx_date"):
        Doc.set_extension("newsx_date", getter=_get_date, setter=_set_date)
    if not Doc.has_extension("facts"):
        Doc.set_extension("facts", getter=_get_facts, setter=_set_facts)
    for name in ("value", "rule"):
        if not Span.has_extension(name):
            Span.set_extension(name, default=None)


_register_extensions()


# ---------------------------------------------------------------------------------------------
# Segmenters: one function holds the optional imports, with a helpful error.


def _import_segmenter(name: str):
    if name == "rjieba":
        try:
            import rjieba
        except ImportError:
            raise ImportError(
                "the newsx spaCy tokenizer was configured with segmenter='rjieba', which is not "
                "installed: pip install 'newsx[nlp]' (or rjieba), or load with segmenter='jieba'"
            ) from None
        return rjieba
    if name == "jieba":
        from extract.segment import jieba_module  # log level and cache folder set there

        return jieba_module()
    raise ValueError(f"unknown segmenter {name!r}; choose one of {', '.join(SEGMENTERS)}")


def default_segmenter() -> str:
    """``rjieba`` when it is installed, else ``jieba``."""
    try:
        _import_segmenter("rjieba")
    except ImportError:
        return "jieba"
    return "rjieba"


def park_user_words() -> list[str]:
    """The user dictionary: every canonical name and alias of the shipped park registry."""
    from extract.park.registry import load_registry

    words: dict[str, None] = {}
    for park in load_registry():
        for name in (park.canonical, *park.aliases):
            name = name.strip()
            if name:
                words[name] = None
    return list(words)


@lru_cache(maxsize=None)
def _cutter(segmenter: str, hmm: bool, user_dict: str | None) -> Callable[[str], list[str]]:
    """A function text → words (concatenating to text), on a private dictionary."""
    words = park_user_words() if user_dict == "parks" else []
    if user_dict not in (None, "parks"):
        raise ValueError(f"unknown user_dict {user_dict!r}; use 'parks' or null")
    module = _import_segmenter(segmenter)
    if segmenter == "rjieba":
        seg = module.Jieba()
        for w in words:
            seg.add_word(w, None, None)
        cut = seg.cut
        return lambda text: cut(text, hmm)
    from extract.segment import cache_dir

    seg = module.Tokenizer()
    seg.tmp_dir = str(cache_dir())
    seg.cache_file = "jieba.newsx.cache"
    for w in words:
        seg.add_word(w)
    return lambda text: seg.lcut(text, HMM=hmm)


class NewsxTokenizer(DummyTokenizer):
    """jieba segmentation (rjieba or jieba) with the park registry as user words."""

    def __init__(self, vocab, segmenter: str = "rjieba", hmm: bool = True, user_dict: str | None = "parks"):
        self.vocab = vocab
        self.segmenter = segmenter
        self.hmm = hmm
        self.user_dict = user_dict
        self._cut = _cutter(segmenter, hmm, user_dict)

    def __call__(self, text: str) -> Doc:
        words, spaces = _words_and_spaces([w for w in self._cut(text) if w], text)
        return Doc(self.vocab, words=words, spaces=spaces)

    def initialize(self, get_examples=None, *, nlp=None, pkuseg_model: Optional[str] = None,
                   pkuseg_user_dict: Optional[str] = "default") -> None:
        """Nothing to learn. The pkuseg settings of spaCy's Chinese [initialize.tokenizer] block
        are accepted and ignored."""
        return None

    def __reduce__(self):  # picklable for nlp.pipe(n_process=…) under "spawn"
        return (NewsxTokenizer, (self.vocab, self.segmenter, self.hmm, self.user_dict))


def _words_and_spaces(words: list[str], text: str) -> tuple[list[str], list[bool]]:
    """spaCy's convention: one space after a word is the word's trailing whitespace."""
    if "".join(words) != text:  # not expected from jieba; spaCy's aligner handles the general case
        return spacy.util.get_words_and_spaces(words, text)
    if " " not in text:
        return words, [False] * len(words)
    out: list[str] = []
    spaces: list[bool] = []
    for w in words:
        if w == " " and out and not spaces[-1] and not out[-1].isspace():
            spaces[-1] = True
        else:
            out.append(w)
            spaces.append(False)
    return out, spaces


@spacy_registry.tokenizers(TOKENIZER)
def create_tokenizer(segmenter: str = "rjieba", hmm: bool = True, user_dict: Optional[str] = "parks"):
    """spaCy config: ``[nlp.tokenizer] @tokenizers = "newsx.zh_tokenizer.v1"``."""

    def make(nlp: Language) -> NewsxTokenizer:
        return NewsxTokenizer(nlp.vocab, segmenter=segmenter, hmm=hmm, user_dict=user_dict)

    return make


# ---------------------------------------------------------------------------------------------
# The component


class NewsxComponent:
    """Runs the records pipeline on ``doc.text`` and writes the mentions onto the Doc."""

    def __init__(self, nlp: Language, name: str = FACTORY, labels: Sequence[str] | None = None,
                 facts: bool = True, config: dict | None = None):
        from extract.config import PipelineConfig

        self.name = name
        self.facts = bool(facts)
        self.config_labels = list(labels) if labels is not None else None  # None: the config's
        self.config_dict = dict(config) if config else None
        self.config = PipelineConfig.of(self.config_dict, labels=self.config_labels)  # raises on unknown labels

    @property
    def labels(self) -> tuple[str, ...]:
        """The labels this component extracts (spaCy lists them in the pipeline's meta)."""
        return self.config.active_labels()

    def __call__(self, doc: Doc) -> Doc:
        text = doc.text
        date = doc._.newsx_date
        mentions = extract_text(text, date, labels=self.config)
        doc = annotate(doc, mentions, text)
        if self.facts:
            from extract.facts import extract_facts

            doc._.facts = extract_facts(text, mentions, date)
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        for doc in docs:
            yield self(doc)

    def __reduce__(self):
        return (_rebuild_component, (self.name, self.config_labels, self.facts, self.config_dict))


def _rebuild_component(name: str, labels: list[str] | None, facts: bool = True,
                       config: dict | None = None) -> "NewsxComponent":
    return NewsxComponent(None, name, labels, facts, config)  # type: ignore[arg-type]


@Language.factory(
    FACTORY,
    default_config={"labels": None, "facts": True, "config": None},
    assigns=["doc.ents", "doc.spans", "span._.value", "span._.rule", "doc._.facts"],
)
def make_newsx(nlp: Language, name: str, labels: Optional[List[str]], facts: bool,
               config: Optional[Dict[str, Any]]) -> NewsxComponent:
    """``nlp.add_pipe("newsx", config={"labels": ["PARK", "MONEY"], "facts": True})``; labels null =
    the config's (all registered); facts: set ``doc._.facts``; config: an ``extract.config``
    pipeline config as a dict (per-label options, precedence), null = the defaults."""
    return NewsxComponent(nlp, name, labels, facts, config)


def annotate(doc: Doc, mentions: Sequence[Mention], text: str | None = None) -> Doc:
    """Write ``mentions`` (offsets into ``doc.text``; pass ``text`` if you have it) onto ``doc`` —
    onto a re-split copy when a mention edge falls inside a token. Returns the Doc that carries them."""
    spans = [doc.char_span(m.start, m.end, label=m.label.value) for m in mentions]
    if any(s is None for s in spans):
        doc = split_at(doc, {b for m in mentions for b in (m.start, m.end)}, text)
        spans = [doc.char_span(m.start, m.end, label=m.label.value) for m in mentions]
    for span, m in zip(spans, mentions):
        if span is None:  # split_at guarantees alignment: this is a bug, never widen instead
            raise RuntimeError(f"mention {m.text!r} at {m.start}-{m.end} is not a token span after splitting")
        span._.value = m.value.model_dump(mode="json")
        span._.rule = m.rule
    doc.spans[SPANS_KEY] = spans
    ents = filter_spans(spans)
    old = doc.ents
    if old:
        taken = [(s.start, s.end) for s in ents]
        ents += [e for e in old if not any(e.start < b and a < e.end for a, b in taken)]
    doc.set_ents(sorted(ents, key=lambda s: s.start), default="outside")
    return doc


def split_at(doc: Doc, cuts: set[int], text: str | None = None) -> Doc:
    """A new Doc with the same text whose tokens are ``doc``'s split at the character offsets
    ``cuts``. User data (dates, extension values), span groups, entities and the ``nlp.pipe``
    context are carried over; token attributes set by earlier components are not (put ``newsx``
    first)."""
    if text is None:
        text = doc.text
    words: list[str] = []
    spaces: list[bool] = []
    inner = sorted(cuts)
    k, n = 0, len(inner)
    for start, length, space in doc.to_array([IDX, LENGTH, SPACY]).tolist():
        end = start + length
        while k < n and inner[k] <= start:
            k += 1
        pos = start
        while k < n and inner[k] < end:
            words.append(text[pos : inner[k]])
            spaces.append(False)
            pos = inner[k]
            k += 1
        words.append(text[pos:end])
        if space and end in cuts:  # a mention starts on the trailing space: make it a token
            spaces.append(False)
            words.append(text[end])
            spaces.append(False)
        else:
            spaces.append(bool(space))
    new = Doc(doc.vocab, words=words, spaces=spaces, user_data=dict(doc.user_data))
    new._context = doc._context  # nlp.pipe(as_tuples=True) keeps its context on the Doc
    for key, group in doc.spans.items():
        new.spans[key] = [new.char_span(s.start_char, s.end_char, label=s.label_, kb_id=s.kb_id_) for s in group]
    old = doc.ents
    if old:
        new.set_ents([new.char_span(e.start_char, e.end_char, label=e.label_, kb_id=e.kb_id_) for e in old])
    return new


def mentions_from_doc(doc: Doc) -> list[Mention]:
    """The records of ``doc.spans["newsx"]`` (validated; a span's text is the Doc's text there)."""
    return [
        Mention.model_validate(
            {"start": s.start_char, "end": s.end_char, "label": s.label_, "text": s.text,
             "value": s._.value, "rule": s._.rule}
        )
        for s in doc.spans.get(SPANS_KEY, [])
    ]


# ---------------------------------------------------------------------------------------------
# Entry points


def load(
    labels: Sequence[str] | None = None,
    *,
    segmenter: str | None = None,
    hmm: bool = True,
    user_dict: str | None = "parks",
    registry: str | Sequence[str] | None = None,
    facts: bool = True,
    config: "PipelineConfig | dict | str | None" = None,
) -> Language:
    """A blank Chinese pipeline: jieba tokenizer (``segmenter`` "rjieba" or "jieba"; default: rjieba
    when installed) with the park registry as user words, then the ``newsx`` component.
    ``registry``: extra park registry files (ParkEntry JSONL) used beside the shipped one;
    ``facts``: the component sets ``doc._.facts``; ``config``: a pipeline config (``extract.config``:
    a ``PipelineConfig``, a dict or a TOML/JSON file), ``labels`` replacing its labels."""
    if registry:
        from extract.park.registry import add_user_registry

        add_user_registry(*([registry] if isinstance(registry, (str, bytes)) or hasattr(registry, "__fspath__") else registry))
    seg = segmenter or default_segmenter()
    _import_segmenter(seg)  # fail now, with the helpful message
    nlp = spacy.blank(
        "zh",
        config={"nlp": {"tokenizer": {"@tokenizers": TOKENIZER, "segmenter": seg, "hmm": hmm, "user_dict": user_dict}}},
    )
    if config is not None:
        from extract.config import PipelineConfig

        config = PipelineConfig.of(config).model_dump(mode="json")
    nlp.add_pipe(FACTORY, config={"labels": list(labels) if labels is not None else None, "facts": facts,
                                  "config": config})
    return nlp


def make_doc(nlp: Language, text: str, date: dt.date | str | None = None) -> Doc:
    """The tokenized Doc of ``text`` with its document date set, ready for ``nlp(doc)`` / ``nlp.pipe``."""
    doc = nlp.make_doc(text)
    doc._.newsx_date = date
    return doc


def extract_documents(
    documents: Iterable[Document],
    *,
    nlp: Language | None = None,
    labels: Sequence[str] | None = None,
    n_process: int = 1,
    batch_size: int = 64,
) -> Iterator[ExtractedDocument]:
    """The spaCy path's ``extract_document`` over many documents: ``nlp.pipe`` with the dates set,
    records back from each Doc. This is what ``make bench`` times for the spaCy path."""
    if nlp is None:
        nlp = load(labels, facts=False)  # records only: no fact stage to pay for

    def docs_and_ids() -> Iterator[tuple[Doc, tuple[str, dt.date | None]]]:
        for d in documents:
            yield make_doc(nlp, d.text, d.date), (d.id, d.date)

    for doc, (doc_id, date) in nlp.pipe(docs_and_ids(), as_tuples=True, n_process=n_process, batch_size=batch_size):
        yield ExtractedDocument(id=doc_id, date=date, spans=mentions_from_doc(doc))


def throughput(
    texts: Sequence[str],
    *,
    nlp: Language | None = None,
    labels: Sequence[str] | None = None,
    n_process: int = 1,
    batch_size: int = 64,
    repeat: int = 3,
) -> dict[str, Any]:
    """Characters per second of the spaCy path (``nlp.pipe`` + records back) over ``texts``,
    best of ``repeat``; the pipeline is loaded (and warmed up) outside the timing."""
    import time

    nlp = nlp or load(labels)
    docs = [Document(id=str(i), text=t) for i, t in enumerate(texts)]
    for _ in extract_documents(docs[:1], nlp=nlp):  # warm-up: dictionaries, registry, regexes
        pass
    chars = sum(len(t) for t in texts)
    best = float("inf")
    for _ in range(max(1, repeat)):
        t0 = time.perf_counter()
        n = sum(1 for _ in extract_documents(docs, nlp=nlp, n_process=n_process, batch_size=batch_size))
        best = min(best, time.perf_counter() - t0)
    return {"documents": n, "chars": chars, "seconds": best, "chars_per_s": chars / best if best else float("inf"),
            "segmenter": nlp.tokenizer.segmenter if isinstance(nlp.tokenizer, NewsxTokenizer) else None,
            "n_process": n_process}
