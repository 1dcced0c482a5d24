"""Sentences and paragraphs of a document, with offsets into the original text.

Paragraphs are the lines of the cleaned text (``clean`` joins the lines a page layout broke in
the middle of a sentence and keeps real paragraph breaks), so a sentence cut by the layout is
one sentence. A sentence ends after 。！？!? or …… (with the closing quotes and brackets that
follow them) or at the end of its paragraph. ；and ， only separate clauses inside a sentence
(the fact layer reads clauses itself). Linear in the length of the text.
"""
from __future__ import annotations

import bisect
from typing import NamedTuple

import regex

from extract.intake.clean import CleanText, clean

# The end of a sentence: a terminal mark (or an ellipsis) and the closing marks after it.
_END = regex.compile(r"(?:[。！？!?]+|…{1,2}|\.{3,6})[”’」』）)】》\"']{0,4}")


class Sentence(NamedTuple):
    """Sentence ``index`` (0-based in the document) of paragraph ``paragraph``, covering the
    original text ``[start, end)`` (surrounding white space excluded)."""

    index: int
    start: int
    end: int
    paragraph: int


def split(text: str, cleaned: CleanText | None = None) -> list[Sentence]:
    """The sentences of ``text`` in order; pass ``cleaned`` when the caller has it already."""
    c = cleaned if cleaned is not None else clean(text)
    t = c.text
    spans: list[tuple[int, int, int]] = []  # (start, end, paragraph) in the cleaned text, in order
    para, pos = 0, 0
    while pos <= len(t):
        nl = t.find("\n", pos)
        line_end = len(t) if nl < 0 else nl
        if t[pos:line_end].strip():
            start = pos
            for m in _END.finditer(t, pos, line_end):
                _add(spans, t, start, m.end(), para)
                start = m.end()
            _add(spans, t, start, line_end, para)
            para += 1
        if nl < 0:
            break
        pos = nl + 1
    return _to_original(c, spans)


def _add(spans: list[tuple[int, int, int]], t: str, start: int, end: int, para: int) -> None:
    """Keep ``t[start:end]`` without its surrounding white space, unless nothing is left."""
    while start < end and t[start].isspace():
        start += 1
    while end > start and t[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end, para))


def _to_original(c: CleanText, spans: list[tuple[int, int, int]]) -> list[Sentence]:
    """The sentences of cleaned ``spans`` (in text order) in original offsets: one forward walk
    over the offset map's runs, as ``CleanText.to_original`` maps a span (no bisect per span)."""
    starts, origins = c.starts, c.origins
    last = len(starts) - 1
    k = 0
    out: list[Sentence] = []
    for start, end, para in spans:
        while k < last and starts[k + 1] <= start:
            k += 1
        a = origins[k] + start - starts[k]
        j = k
        while j < last and starts[j + 1] <= end - 1:
            j += 1
        out.append(Sentence(len(out), a, origins[j] + end - 1 - starts[j] + 1, para))
    return out


class SentenceIndex:
    """Which sentence holds an original offset (bisect over the sentence starts)."""

    def __init__(self, sentences: list[Sentence]):
        self.sentences = sentences
        self._starts = [s.start for s in sentences]

    def at(self, offset: int) -> Sentence | None:
        """The sentence containing ``offset``, or the one just before it (offsets that fall in
        the white space between two sentences belong to the earlier one); None before the first."""
        k = bisect.bisect_right(self._starts, offset) - 1
        return self.sentences[k] if k >= 0 else None
