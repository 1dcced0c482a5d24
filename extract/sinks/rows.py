"""Flatten records into rows with typed value columns, derived from the value models.

Columns are ``<label>_<field>`` for every field of every value model (``money_amount``,
``percent_value``, ``date_value``, ``park_canonical`` …), so adding a label adds its columns
without touching a sink. Decimals stay strings (exact); the full value is kept as JSON too.
"""

from __future__ import annotations

import hashlib
import json
from decimal import Decimal
from typing import Any

from schemas.records import VALUE_MODELS, Document, Mention

MENTION_BASE = ["doc_id", "start", "end", "label", "text", "rule", "value_json"]


def value_columns() -> list[tuple[str, str]]:
    """(column name, SQL type) for every value field; Decimals and dates as TEXT."""
    cols = []
    for label, model in VALUE_MODELS.items():
        for name in model.model_fields:
            cols.append((f"{label.value.lower()}_{name}", "TEXT"))
    return cols


VALUE_COLUMNS = [c for c, _ in value_columns()]
MENTION_COLUMNS = MENTION_BASE + VALUE_COLUMNS
DOCUMENT_COLUMNS = ["id", "date", "source", "title", "text", "text_sha256", "meta_json", "run_id"]


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def document_row(doc: Document, run_id: int | None) -> dict[str, Any]:
    return {
        "id": doc.id, "date": doc.date.isoformat() if doc.date else None, "source": doc.source,
        "title": doc.title, "text": doc.text, "text_sha256": text_hash(doc.text),
        "meta_json": json.dumps(doc.meta, ensure_ascii=False, sort_keys=True), "run_id": run_id,
    }


def _plain(v: Any) -> Any:
    if isinstance(v, Decimal):
        return format(v, "f")
    return getattr(v, "value", v)  # enums


def mention_row(doc_id: str, m: Mention) -> dict[str, Any]:
    row: dict[str, Any] = {c: None for c in MENTION_COLUMNS}
    row.update(doc_id=doc_id, start=m.start, end=m.end, label=m.label.value, text=m.text, rule=m.rule,
               value_json=m.value.model_dump_json())
    prefix = m.label.value.lower()
    for name in type(m.value).model_fields:
        row[f"{prefix}_{name}"] = _plain(getattr(m.value, name))
    return row
