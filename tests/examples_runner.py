"""Discover and run every label's ``examples.json`` (Duckling-style corpus).

Format of ``extract/<label>/examples.json``::

    {"label": "MONEY", "date": "2024-01-04",
     "examples": [{"value": {...}, "texts": ["约⟦90亿元⟧", "⟦17.3万亿元⟧"], "date": "optional"}],
     "negatives": ["千亿级园区", {"text": "…", "date": "…"}]}

``⟦ ⟧`` mark the expected span inside a text; without them the whole text is the span. A
positive passes when the extractor of that label finds the marked span, with that value, and
nothing else of that label overlapping it (other mentions elsewhere in the text are context);
a negative passes when it finds none of that label. A file with ``"finder": "module:function"``
is for a value the fact layer reads (COUNT): the function ``(text, date) -> [(start, end, value)]``
replaces the pipeline, and values are compared as written.

Every text is our own sentence, not a copy of a corpus one: tests/test_examples_own.py rejects a
text sharing 14 consecutive characters with a corpus text.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OPEN, CLOSE = "⟦", "⟧"


@dataclass(frozen=True)
class Example:
    file: str
    label: str
    text: str
    start: int | None  # None for a negative
    end: int | None
    value: dict | None
    date: dt.date | None
    finder: str | None = None  # "module:function" for a value the fact layer reads (COUNT), not a label

    @property
    def id(self) -> str:
        kind = "neg" if self.value is None else "pos"
        return f"{self.label}:{kind}:{self.text[:30]}"


def _strip_marks(marked: str) -> tuple[str, int, int]:
    if OPEN in marked:
        start = marked.index(OPEN)
        end = marked.index(CLOSE) - 1
        return marked.replace(OPEN, "").replace(CLOSE, ""), start, end
    return marked, 0, len(marked)


def _date(s: str | None) -> dt.date | None:
    return dt.date.fromisoformat(s) if s else None


def discover() -> list[Example]:
    out: list[Example] = []
    for path in sorted((ROOT / "extract").glob("*/examples.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        label, default, finder = data["label"], data.get("date"), data.get("finder")
        rel = str(path.relative_to(ROOT))
        for group in data.get("examples", []):
            for marked in group["texts"]:
                text, start, end = _strip_marks(marked)
                out.append(Example(rel, label, text, start, end, group["value"], _date(group.get("date", default)), finder))
        for neg in data.get("negatives", []):
            text, d = (neg, default) if isinstance(neg, str) else (neg["text"], neg.get("date", default))
            out.append(Example(rel, label, text, None, None, None, _date(d), finder))
    return out
