"""Flatten records into rows with typed value columns, derived from the value models.

Columns are ``<label>_<field>`` for every field of every value model (``money_amount``,
``percent_value``, ``date_value``, ``park_canonical`` …), so adding a label adds its columns
without touching a sink. Decimals stay exact: strings in SQLite, DuckDB, JSONL and Parquet,
``NUMERIC`` in PostgreSQL. The full value is kept as JSON too (``value_json``).
"""

from __future__ import annotations

import hashlib
import json
import typing
from decimal import Decimal
from typing import Any

from schemas.records import VALUE_MODELS, Document, Mention

MENTION_BASE = ["doc_id", "start", "end", "label", "text", "rule", "value_json"]


def _is_decimal(annotation: Any) -> bool:
    if annotation is Decimal:
        return True
    return any(_is_decimal(a) for a in typing.get_args(annotation))


def value_fields() -> list[tuple[str, bool]]:
    """(column name, is a Decimal) for every field of every value model."""
    cols = []
    for label, model in VALUE_MODELS.items():
        for name, info in model.model_fields.items():
            cols.append((f"{label.value.lower()}_{name}", _is_decimal(info.annotation)))
    return cols


def value_columns(decimal_type: str = "TEXT") -> list[tuple[str, str]]:
    """(column name, SQL type) for every value field; Decimals as ``decimal_type``, the rest TEXT."""
    return [(c, decimal_type if is_dec else "TEXT") for c, is_dec in value_fields()]


VALUE_COLUMNS = [c for c, _ in value_columns()]
DECIMAL_COLUMNS = [c for c, is_dec in value_fields() if is_dec]
MENTION_COLUMNS = MENTION_BASE + VALUE_COLUMNS
DOCUMENT_COLUMNS = ["id", "date", "source", "title", "text", "text_sha256", "meta_json", "run_id"]
DOCUMENT_FIELDS = DOCUMENT_COLUMNS[:-1]  # a document tuple: the columns before run_id (set by the sink)
INT_COLUMNS = {"start", "end", "run_id"}
_INDEX = {c: i for i, c in enumerate(MENTION_COLUMNS)}


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _plain(v: Any) -> Any:
    if isinstance(v, Decimal):
        return format(v, "f")
    return getattr(v, "value", v)  # enums


def document_tuple(doc: Document) -> tuple:
    """The values of ``DOCUMENT_FIELDS`` (everything but run_id)."""
    return (doc.id, doc.date.isoformat() if doc.date else None, doc.source, doc.title, doc.text,
            text_hash(doc.text), json.dumps(doc.meta, ensure_ascii=False, sort_keys=True))


def mention_tuple(doc_id: str, m: Mention) -> tuple:
    """The values of ``MENTION_COLUMNS`` (compact: what crosses process boundaries)."""
    row: list[Any] = [None] * len(MENTION_COLUMNS)
    row[:7] = (doc_id, m.start, m.end, m.label.value, m.text, m.rule, m.value.model_dump_json())
    prefix = m.label.value.lower() + "_"
    value = m.value
    for name in type(value).model_fields:
        row[_INDEX[prefix + name]] = _plain(getattr(value, name))
    return tuple(row)
