"""The fact layer: a stage after the extractors turning a document's mentions into `Fact`
records (who, what indicator, which period, how much, how it changed). See corpus/FACTS.md."""

from __future__ import annotations

import datetime as dt

from extract.facts.engine import extract_facts
from schemas.facts import Fact


def facts_of_text(text: str, date: dt.date | None = None) -> list[Fact]:
    """Run the mention pipeline on ``text`` and then the fact stage."""
    from extract.pipeline import extract_text

    return extract_facts(text, extract_text(text, date), date)


__all__ = ["extract_facts", "facts_of_text", "Fact"]
