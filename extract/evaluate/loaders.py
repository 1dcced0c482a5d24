"""Loaders: gold files and prediction files into typed documents."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Iterable, Iterator, TypeVar

from pydantic import ValidationError

from schemas.records import ExtractedDocument, GoldDocument

M = TypeVar("M", GoldDocument, ExtractedDocument)


class GoldError(ValueError):
    """A gold or prediction file that does not follow ANNOTATION.md; the message names file and line."""


def json_lines(path: Path) -> Iterable[tuple[int, dict]]:
    """The JSON object of every non-blank line with its line number; a malformed line is a GoldError."""
    with path.open(encoding="utf-8-sig") as fh:
        for number, line in enumerate(fh, 1):
            if line.strip():
                try:
                    yield number, json.loads(line)
                except json.JSONDecodeError as exc:
                    raise GoldError(f"{path}:{number}: malformed JSON ({exc.msg})") from None


def _errors(exc: ValidationError) -> str:
    return "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors()[:5])


def _documents(paths: Iterable[str | Path], model: type[M]) -> Iterator[tuple[str, M]]:
    """Every line of the files validated as ``model``, with its place (file:line) for errors."""
    for p in map(Path, paths):
        for number, record in json_lines(p):
            try:
                yield f"{p}:{number}", model.model_validate(record)
            except ValidationError as exc:
                raise GoldError(f"{p}:{number}: {_errors(exc)}") from None


def load_gold(paths: Iterable[str | Path]) -> list[GoldDocument]:
    docs: list[GoldDocument] = []
    seen: dict[str, str] = {}
    for place, doc in _documents(paths, GoldDocument):
        if doc.id in seen:
            raise GoldError(f"{place}: document id {doc.id!r} already in {seen[doc.id]}")
        seen[doc.id] = place
        docs.append(doc)
    return docs


def load_predictions(paths: Iterable[str | Path]) -> dict[str, ExtractedDocument]:
    return {doc.id: doc for _, doc in _documents(paths, ExtractedDocument)}
