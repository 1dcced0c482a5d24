"""A DB-API connection to a database ``newsx run`` wrote, with exact decimals in every engine.

``connect("duckdb:///out.duckdb")`` and ``connect("postgresql://…")`` are the engines' own
connections: their DECIMAL(38, 10) and NUMERIC columns already come back as ``Decimal``, and
``SELECT sum(money_amount) FROM mentions`` is an exact decimal sum.

SQLite has no decimal type: newsx stores decimals as exact decimal text, and SQLite's own
``sum``/``total``/``avg`` would read that text as binary floats (``0.1 + 0.2`` is not ``0.3``).
The SQLite connection made here replaces those three aggregates by exact ones (Python's
``decimal``, the precision of the default context) and turns the values of the decimal columns —
and of expressions whose result column is named after one, such as ``sum(money_amount)`` — into
``Decimal`` objects. Over no row at all both ``sum`` and ``total`` give NULL (Python's sqlite3
never creates the aggregate; SQLite's own ``total`` gives 0.0). A column renamed with ``AS`` arrives as the exact decimal text; SQLite's
``min``/``max`` compare that text as text (use DuckDB or PostgreSQL for them).
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from typing import Any

from extract.sinks.rows import DECIMAL_COLUMNS

_COLUMN = r"(?:\w+\.)?(?:" + "|".join(map(re.escape, DECIMAL_COLUMNS)) + r")"
# a decimal column itself, or sum/total/avg over one (min/max compare text in SQLite: not Decimal)
_DECIMAL_NAME = re.compile(rf"(?i)\s*(?:{_COLUMN}|(?:sum|total|avg)\s*\(\s*(?:distinct\s+)?{_COLUMN}\s*\))\s*\Z")


def _number(value: Any) -> Decimal | None:
    """A cell as SQLite's arithmetic reads it, but exact: NULL skipped, text that is not a number
    counts as 0 (as in SQLite)."""
    if value is None:
        return None
    if isinstance(value, float):
        return Decimal(repr(value))
    try:
        return Decimal(value if isinstance(value, str) else str(value))
    except InvalidOperation:
        return Decimal(0)


class _Sum:
    """``sum(x)``: NULL when every value is NULL (as SQLite's)."""

    empty: str | None = None

    def __init__(self) -> None:
        self.total: Decimal | None = None
        self.count = 0

    def step(self, value: Any) -> None:
        number = _number(value)
        if number is not None:
            self.total = number if self.total is None else self.total + number
            self.count += 1

    def finalize(self) -> str | None:
        return self.empty if self.total is None else format(self.total, "f")


class _Total(_Sum):
    """``total(x)``: 0 when every value is NULL (as SQLite's)."""

    empty = "0"


class _Avg(_Sum):
    def finalize(self) -> str | None:
        return None if self.total is None else format(self.total / self.count, "f")


def _decimal_rows(cursor: Any, row: tuple) -> tuple:
    names = [d[0] for d in cursor.description]
    return tuple(Decimal(v) if isinstance(v, str) and _DECIMAL_NAME.match(name) else v
                 for name, v in zip(names, row))


def sqlite_exact(conn: Any) -> Any:
    """Give a sqlite3 connection exact ``sum``/``total``/``avg`` and Decimal decimal columns."""
    conn.create_aggregate("sum", 1, _Sum)
    conn.create_aggregate("total", 1, _Total)
    conn.create_aggregate("avg", 1, _Avg)
    conn.row_factory = _decimal_rows
    return conn


def connect(db_url: str, read_only: bool = True) -> Any:
    """A DB-API connection to ``sqlite:///…``, ``duckdb:///…`` or ``postgresql://…[?schema=NAME]``
    (the schema becomes the search path). ``read_only``: SQLite and DuckDB files opened read-only."""
    from extract.sinks.names import check_name, check_url

    check_url(db_url)
    if not db_url.startswith(("sqlite:///", "duckdb:///", "postgresql://", "postgres://")):
        raise ValueError(f"connect reads SQLite, DuckDB and PostgreSQL databases, not {db_url.split('://')[0][:20]!r}")
    if db_url.startswith("sqlite:///"):
        import sqlite3

        path = db_url[len("sqlite:///"):]
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True) if read_only else sqlite3.connect(path)
        return sqlite_exact(conn)
    if db_url.startswith("duckdb:///"):
        import duckdb

        return duckdb.connect(db_url[len("duckdb:///"):], read_only=read_only)
    import psycopg

    from extract.sinks.names import split_url

    dsn, schema = split_url(db_url)
    conn = psycopg.connect(dsn)
    if schema:
        conn.execute(f"SET search_path TO {check_name(schema)}")
    return conn
