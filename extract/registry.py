"""The extractors, one line per label. Adding a label is one line here plus its folder."""

from __future__ import annotations

import importlib
import json
from functools import lru_cache
from typing import Any, Mapping

from extract.base import Extractor

EXTRACTORS: dict[str, str] = {
    "MONEY": "extract.money.rules:MoneyExtractor",
    "PERCENT": "extract.percent.rules:PercentExtractor",
    "DATE": "extract.date.rules:DateExtractor",
    "PARK": "extract.park.rules:ParkExtractor",
}


def get(label: str) -> Extractor:
    """The label's extractor with its default options (built once)."""
    return build(label)


def build(label: str, options: Mapping[str, Any] | None = None) -> Extractor:
    """The label's extractor built with ``options`` (its constructor's keywords; see
    ``extract.config``). One instance per label and options."""
    return _build(label, json.dumps(dict(options or {}), sort_keys=True))


@lru_cache(maxsize=None)
def _build(label: str, options_json: str) -> Extractor:
    if label not in EXTRACTORS:
        raise KeyError(f"no extractor for label {label!r}; known: {', '.join(EXTRACTORS)}")
    options = json.loads(options_json)
    check_options(label, options)
    return _class(label)(**options)


def check_options(label: str, options: Mapping[str, Any]) -> None:
    """Raise ValueError naming the label when ``options`` has a name its extractor does not take."""
    import inspect

    known = [n for n in inspect.signature(_class(label)).parameters if n != "self"]
    unknown = sorted(set(options) - set(known))
    if unknown:
        raise ValueError(f"{label}: unknown options {unknown}; the extractor takes {', '.join(known) or 'none'}")


def _class(label: str) -> type:
    module_name, _, attr = EXTRACTORS[label].partition(":")
    return getattr(importlib.import_module(module_name), attr)


def labels() -> list[str]:
    return list(EXTRACTORS)
