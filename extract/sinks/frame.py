"""Typed pandas DataFrames of newsx output: ``read(db_url)`` (a database a run wrote) and
``to_frame(documents)`` (extracted documents in memory), with the same columns as the
``mentions`` table and exact types: Decimal objects for amounts and percentages (never float),
nullable Int64 offsets, nullable booleans, datetime64 for ``date_start``/``date_end``.
Needs pandas (the ``db`` extra)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any, Iterable

from extract.sinks.rows import BOOL_COLUMNS, DATE_RANGE_COLUMNS, DECIMAL_COLUMNS, FACT_KINDS, MENTION_COLUMNS, mention_row


def _pandas() -> Any:
    try:
        import pandas as pd
    except ImportError:
        raise SystemExit("DataFrames need pandas: pip install 'newsx[db]'") from None
    return pd


def typed(frame: Any) -> Any:
    """Give a frame of ``mentions`` columns its exact types (in place; returned)."""
    pd = _pandas()
    for col in frame.columns:
        if col in DECIMAL_COLUMNS:
            frame[col] = frame[col].map(lambda v: None if v is None or v != v else Decimal(str(v))).astype(object)
        elif col in BOOL_COLUMNS:
            frame[col] = frame[col].map(lambda v: None if v is None or v != v else bool(v)).astype("boolean")
        elif col in ("start", "end"):
            frame[col] = frame[col].astype("Int64")
        elif col in DATE_RANGE_COLUMNS:
            frame[col] = pd.to_datetime(frame[col].map(lambda v: None if v is None else str(v)), errors="coerce")
    return frame


def typed_facts(frame: Any) -> Any:
    """Give a frame of ``facts`` columns its exact types (in place; returned): Decimal objects,
    nullable Int64, datetime64 periods, parsed ``changes_json`` left as text."""
    pd = _pandas()
    for col in frame.columns:
        kind = FACT_KINDS.get(col)
        if kind == "decimal":
            frame[col] = frame[col].map(lambda v: None if v is None or v != v else Decimal(str(v))).astype(object)
        elif kind == "int":
            frame[col] = frame[col].astype("Int64")
        elif kind == "date":
            frame[col] = pd.to_datetime(frame[col].map(lambda v: None if v is None else str(v)), errors="coerce")
        elif kind == "json":  # PostgreSQL's JSONB arrives parsed: back to the text the other engines give
            import json

            frame[col] = frame[col].map(lambda v: v if v is None or isinstance(v, str) else json.dumps(v, ensure_ascii=False))
    return frame


def to_frame(documents: Iterable[Any]) -> Any:
    """Extracted documents (``schemas.records.ExtractedDocument``) → one typed row per mention."""
    pd = _pandas()
    rows = [mention_row(d.id, m) for d in documents for m in d.spans]
    return typed(pd.DataFrame(rows, columns=MENTION_COLUMNS))


def read(db_url: str, table: str = "mentions", prefix: str = "") -> Any:
    """A table of a database written by ``newsx run`` as a typed DataFrame
    (``sqlite:///…``, ``duckdb:///…``, ``postgresql://…[?schema=NAME]``)."""
    from extract.sinks.connect import connect
    from extract.sinks.names import check_name, qualifier, split_url

    pd = _pandas()
    check_name(table)
    conn = connect(db_url)
    schema = split_url(db_url)[1] if db_url.startswith(("postgresql://", "postgres://")) else None
    name = qualifier(prefix, schema) + table
    try:
        cur = conn.cursor()
        cur.execute(f"SELECT * FROM {name}")
        columns = [d[0] for d in cur.description]
        frame = pd.DataFrame(cur.fetchall(), columns=columns)
    finally:
        conn.close()
    if table == "mentions":
        return typed(frame)
    return typed_facts(frame) if table == "facts" else frame
