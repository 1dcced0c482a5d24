"""The extractors, one line per label. Adding a label is one line here plus its folder."""

from __future__ import annotations

import importlib
from functools import lru_cache

from extract.base import Extractor

EXTRACTORS: dict[str, str] = {
    "MONEY": "extract.money.rules:MoneyExtractor",
    "PERCENT": "extract.percent.rules:PercentExtractor",
    "DATE": "extract.date.rules:DateExtractor",
    "PARK": "extract.park.rules:ParkExtractor",
}


@lru_cache(maxsize=None)
def get(label: str) -> Extractor:
    try:
        target = EXTRACTORS[label]
    except KeyError:
        raise KeyError(f"no extractor for label {label!r}; known: {', '.join(EXTRACTORS)}") from None
    module_name, _, attr = target.partition(":")
    return getattr(importlib.import_module(module_name), attr)()


def labels() -> list[str]:
    return list(EXTRACTORS)
