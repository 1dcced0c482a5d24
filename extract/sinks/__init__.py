"""Sinks: files (jsonl, parquet) and databases (SQLite, DuckDB, PostgreSQL); ``open_sink`` opens
the database a URL names."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from extract.sinks.sql import SqlSink


def open_sink(url: str, prefix: str = "") -> "SqlSink":
    """``sqlite:///path.sqlite``, ``duckdb:///path.duckdb`` or ``postgresql://…[?schema=NAME]``."""
    from extract.sinks.names import check_prefix, check_url
    from extract.sinks.sql import DuckdbSink, SqliteSink

    check_prefix(prefix)
    check_url(url)
    if url.startswith("sqlite:///"):
        path = Path(url[len("sqlite:///") :])
        path.parent.mkdir(parents=True, exist_ok=True)
        return SqliteSink(path, prefix)
    if url.startswith("duckdb:///"):
        try:
            import duckdb
        except ImportError:
            raise SystemExit("DuckDB output needs the db extra: pip install 'newsx[db]'") from None
        path = Path(url[len("duckdb:///") :])
        path.parent.mkdir(parents=True, exist_ok=True)
        return DuckdbSink(duckdb.connect(str(path)), prefix)
    from extract.sinks.postgres import open_postgres

    return open_postgres(url, prefix)
