"""Sinks: files (jsonl, parquet) and databases (SQLite, DuckDB, PostgreSQL, and any sink
registered for a URL scheme: ``extract.sinks.registry``); ``open_sink`` opens the database a URL
names. What a database sink does: ``extract.sinks.base.Sink``; the rows it gets:
``extract.sinks.rows``."""

from __future__ import annotations

from typing import TYPE_CHECKING

from extract.sinks.registry import register_sink

if TYPE_CHECKING:  # pragma: no cover
    from extract.sinks.base import Sink

__all__ = ["open_sink", "register_sink"]


def open_sink(url: str, prefix: str = "") -> "Sink":
    """The sink registered for the URL's scheme (``sqlite:///path.sqlite``,
    ``duckdb:///path.duckdb``, ``postgresql://…[?schema=NAME]`` …), opened with the table prefix.
    ValueError: a bad prefix, an unknown scheme (naming the known ones) or a URL its sink refuses."""
    from extract.sinks import registry
    from extract.sinks.names import check_prefix, check_url

    check_prefix(prefix)
    check_url(url)
    return registry.factory(registry.scheme_of(url))(url, prefix)
