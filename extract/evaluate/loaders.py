"""Loaders: gold files and prediction files into typed documents."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Iterable

from pydantic import ValidationError

from schemas.records import ExtractedDocument, GoldDocument


class GoldError(ValueError):
    """A gold or prediction file that does not follow ANNOTATION.md; the message names file and line."""


def _lines(path: Path) -> Iterable[tuple[int, dict]]:
    with path.open(encoding="utf-8-sig") as fh:
        for number, line in enumerate(fh, 1):
            if line.strip():
                try:
                    yield number, json.loads(line)
                except json.JSONDecodeError as exc:
                    raise GoldError(f"{path}:{number}: malformed JSON ({exc.msg})") from None


def _errors(exc: ValidationError) -> str:
    return "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors()[:5])


def load_gold(paths: Iterable[str | Path]) -> list[GoldDocument]:
    docs: list[GoldDocument] = []
    seen: dict[str, str] = {}
    for p in map(Path, paths):
        for number, record in _lines(p):
            try:
                doc = GoldDocument.model_validate(record)
            except ValidationError as exc:
                raise GoldError(f"{p}:{number}: {_errors(exc)}") from None
            if doc.id in seen:
                raise GoldError(f"{p}:{number}: document id {doc.id!r} already in {seen[doc.id]}")
            seen[doc.id] = f"{p}:{number}"
            docs.append(doc)
    return docs


def load_predictions(paths: Iterable[str | Path]) -> dict[str, ExtractedDocument]:
    out: dict[str, ExtractedDocument] = {}
    for p in map(Path, paths):
        for number, record in _lines(p):
            try:
                doc = ExtractedDocument.model_validate(record)
            except ValidationError as exc:
                raise GoldError(f"{p}:{number}: {_errors(exc)}") from None
            out[doc.id] = doc
    return out
