"""What every label folder implements: an `Extractor` that yields `Candidate`s.

The pipeline (``extract.pipeline``) knows no label by name: it asks the registry
(``extract.registry``) for the extractors, runs each over the cleaned text, maps offsets back
to the original text, resolves overlaps and validates the records.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Iterable, Protocol, runtime_checkable

from pydantic import BaseModel


@dataclass(frozen=True, slots=True)
class Context:
    """What an extractor may know about the document besides its text."""

    date: dt.date | None = None  # the document date; resolves year-less dates. Never "today".
    doc_id: str | None = None
    extras: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Candidate:
    """A proposed mention in *cleaned-text* offsets, half-open ``[start, end)``.

    ``rule`` names the rule that produced it, for error analysis. ``priority`` breaks ties
    between overlapping candidates of equal length (higher wins).
    """

    start: int
    end: int
    label: str
    value: BaseModel
    rule: str
    priority: int = 0

    def __post_init__(self) -> None:
        if not 0 <= self.start < self.end:
            raise ValueError(f"bad candidate offsets {self.start}-{self.end} from rule {self.rule}")


@runtime_checkable
class Extractor(Protocol):
    label: str

    def find(self, text: str, context: Context) -> Iterable[Candidate]:
        """Yield candidates found in ``text`` (already cleaned: ASCII digits, joined lines)."""
        ...
