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
    out: list[Sentence] = []
    para, pos = 0, 0
    while pos <= len(t):
        nl = t.find("\n", pos)
        line_end = len(t) if nl < 0 else nl
        if t[pos:line_end].strip():
            start = pos
            for m in _END.finditer(t, pos, line_end):
                _add(out, c, start, m.end(), para)
                start = m.end()
            _add(out, c, start, line_end, para)
            para += 1
        if nl < 0:
            break
        pos = nl + 1
    return out


def _add(out: list[Sentence], c: CleanText, start: int, end: int, para: int) -> None:
    t = c.text
    while start < end and t[start].isspace():
        start += 1
    while end > start and t[end - 1].isspace():
        end -= 1
    if end > start:
        a, b = c.to_original(start, end)
        out.append(Sentence(len(out), a, b, para))


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
