"""Flatten records into rows with typed value columns, derived from the value models.

Columns are ``<label>_<field>`` for every field of every value model (``money_amount``,
``percent_value``, ``date_value``, ``park_canonical`` …), so adding a label adds its columns
without touching a sink. Decimals stay exact: strings in SQLite, DuckDB, JSONL and Parquet,
``NUMERIC`` in PostgreSQL. The full value is kept as JSON too (``value_json``).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
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


def _is_bool(annotation: Any) -> bool:
    if annotation is bool:
        return True
    return any(_is_bool(a) for a in typing.get_args(annotation))


def value_fields() -> list[tuple[str, bool]]:
    """(column name, is a Decimal) for every field of every value model."""
    cols = []
    for label, model in VALUE_MODELS.items():
        for name, info in model.model_fields.items():
            cols.append((f"{label.value.lower()}_{name}", _is_decimal(info.annotation)))
    return cols


def _kinds() -> dict[str, str]:
    kinds = {}
    for label, model in VALUE_MODELS.items():
        for name, info in model.model_fields.items():
            col = f"{label.value.lower()}_{name}"
            kinds[col] = "decimal" if _is_decimal(info.annotation) else "bool" if _is_bool(info.annotation) else "text"
    return kinds


VALUE_KINDS = _kinds()  # column → decimal, bool or text


def value_columns(decimal_type: str = "TEXT", bool_type: str = "BOOLEAN") -> list[tuple[str, str]]:
    """(column name, SQL type) for every value field: Decimals as ``decimal_type``, booleans as
    ``bool_type``, the rest TEXT."""
    types = {"decimal": decimal_type, "bool": bool_type, "text": "TEXT"}
    return [(c, types[k]) for c, k in VALUE_KINDS.items()]


VALUE_COLUMNS = list(VALUE_KINDS)
DATE_RANGE_COLUMNS = ["date_start", "date_end"]  # the first and last day a DATE value covers (DATE type)
DECIMAL_COLUMNS = [c for c, k in VALUE_KINDS.items() if k == "decimal"]
BOOL_COLUMNS = {c for c, k in VALUE_KINDS.items() if k == "bool"}
MENTION_COLUMNS = MENTION_BASE + VALUE_COLUMNS + DATE_RANGE_COLUMNS
DOCUMENT_COLUMNS = ["id", "date", "source", "title", "text", "text_sha256", "meta_json", "fingerprint", "run_id"]
DOCUMENT_FIELDS = DOCUMENT_COLUMNS[:-1]  # a document tuple: the columns before run_id (set by the sink)
INT_COLUMNS = {"start", "end"}
_INDEX = {c: i for i, c in enumerate(MENTION_COLUMNS)}


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _plain(v: Any) -> Any:
    if isinstance(v, Decimal):
        return format(v, "f")
    return getattr(v, "value", v)  # enums


def document_tuple(doc: Document, config: str = "") -> tuple:
    """The values of ``DOCUMENT_FIELDS`` (everything but run_id). ``config`` names the
    extraction configuration (labels, version, registry: :func:`config_key`); the fingerprint
    covers it and everything the document gives, so a re-run skips a stored document only when
    nothing that shapes its rows has changed. Metadata that JSON cannot hold (NaN, Infinity)
    raises ValueError."""
    meta = json.dumps(doc.meta, ensure_ascii=False, sort_keys=True, allow_nan=False)
    date = doc.date.isoformat() if doc.date else None
    digest = text_hash(doc.text)
    fingerprint = hashlib.sha256(json.dumps([digest, date, doc.source, doc.title, meta, config],
                                            ensure_ascii=False).encode("utf-8")).hexdigest()
    return (doc.id, date, doc.source, doc.title, doc.text, digest, meta, fingerprint)


def config_key(labels: Any, version: str) -> str:
    """The extraction configuration a fingerprint covers: labels, newsx version, and the
    contents of every park registry in use (the shipped one and the user's ``--registry``)."""
    from extract.park.registry import REGISTRY_PATH, user_registries

    registries = []
    for path in (str(REGISTRY_PATH), *user_registries()):
        try:
            with open(path, "rb") as fh:
                registries.append(hashlib.sha256(fh.read()).hexdigest()[:16])
        except OSError:
            registries.append("unreadable")
    return json.dumps({"labels": sorted(labels) if labels else "all", "version": version,
                       "registries": registries}, sort_keys=True)


_ISO = re.compile(r"(\d{4})(?:-(?:(\d{2})(?:-(\d{2}))?|Q([1-4])|H([12])|W(\d{2})))?\Z")


def _bounds(part: str) -> tuple[dt.date, dt.date] | None:
    """First and last day of one ISO-like DATE value (YYYY, YYYY-MM, YYYY-MM-DD, YYYY-Qn,
    YYYY-Hn, YYYY-Www); None for anything else (XXXX …): absent, never guessed."""
    m = _ISO.match(part)
    if not m:
        return None
    year = int(m.group(1))
    month, day, quarter, half, week = (int(g) if g else None for g in m.groups()[1:])
    try:
        if week:
            start = dt.date.fromisocalendar(year, week, 1)
            return start, start + dt.timedelta(days=6)
        if day:
            d = dt.date(year, month, day)
            return d, d
        first, last = (month, month) if month else ((3 * quarter - 2, 3 * quarter) if quarter else
                                                     ((6 * half - 5, 6 * half) if half else (1, 12)))
        end = dt.date(year + (last == 12), last % 12 + 1, 1) - dt.timedelta(days=1)
        return dt.date(year, first, 1), end
    except ValueError:
        return None


def date_range(value: str | None) -> tuple[str | None, str | None]:
    """``date_start``/``date_end`` (ISO days) of a DATE value: ``2023-01/2023-09`` →
    (2023-01-01, 2023-09-30); one side unknown → both None."""
    if not value:
        return None, None
    parts = value.split("/")
    if len(parts) > 2:
        return None, None
    first, last = _bounds(parts[0]), _bounds(parts[-1])
    if first is None or last is None:
        return None, None
    return first[0].isoformat(), last[1].isoformat()


def mention_tuple(doc_id: str, m: Mention) -> tuple:
    """The values of ``MENTION_COLUMNS`` (compact: what crosses process boundaries)."""
    row: list[Any] = [None] * len(MENTION_COLUMNS)
    row[:7] = (doc_id, m.start, m.end, m.label.value, m.text, m.rule, m.value.model_dump_json())
    prefix = m.label.value.lower() + "_"
    value = m.value
    for name in type(value).model_fields:
        row[_INDEX[prefix + name]] = _plain(getattr(value, name))
    if m.label.value == "DATE":
        row[_INDEX["date_start"]], row[_INDEX["date_end"]] = date_range(getattr(value, "value", None))
    return tuple(row)


MAX_RAW = 65536  # characters of a rejected unit kept in the reject row


def safe_text(value: Any) -> Any:
    """A diagnostic string (a reject's raw line, reason or file name) every sink and file can
    store: lone surrogates and NUL written as escapes. Never applied to documents, which are
    stored exactly or rejected."""
    if not isinstance(value, str):
        return value
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        value = value.encode("utf-8", "backslashreplace").decode("utf-8")
    return value.replace("\x00", "\\x00")


def clean_reject(reject: dict) -> dict:
    out = {k: safe_text(v) for k, v in reject.items()}
    raw = out.get("raw") or ""
    if len(raw) > MAX_RAW:
        out["raw"] = raw[:MAX_RAW] + f"… ({len(raw) - MAX_RAW} more characters)"
    return out
