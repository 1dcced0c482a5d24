"""PostgreSQL sink through psycopg 3: COPY for the bulk rows, bound parameters for the rest.

URL: any libpq URI (``postgresql://user:pw@host:port/db?sslmode=…``) plus an optional
``schema=NAME`` query parameter (created if missing; checked against the strict name pattern,
as is the table prefix). Decimal value columns are NUMERIC (exact), ``documents.date`` is DATE;
the schema is otherwise the one documented in ``extract.sinks.sql``.

PostgreSQL cannot store U+0000 in text: such a document is reported as a reject, never
altered (the text must read back byte-identical).
"""

from __future__ import annotations

from typing import Any, Iterable, Sequence
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from extract.sinks.rows import DOCUMENT_FIELDS
from extract.sinks.sql import SqlSink, _quote, check_name


def split_url(url: str) -> tuple[str, str | None]:
    """The libpq URL without our ``schema`` parameter, and that schema (checked), if any."""
    parts = urlsplit(url)
    query = parse_qsl(parts.query, keep_blank_values=True)
    schema = None
    kept = []
    for key, value in query:
        if key == "schema":
            schema = check_name(value)
        else:
            kept.append((key, value))
    return urlunsplit(parts._replace(query=urlencode(kept))), schema


class PostgresSink(SqlSink):
    decimal_type = "NUMERIC"
    date_type = "DATE"

    def __init__(self, conn: Any, prefix: str = "", schema: str | None = None):
        if schema:
            conn.execute(f"CREATE SCHEMA IF NOT EXISTS {check_name(schema)}")
            conn.commit()
        super().__init__(conn, prefix, paramstyle="format", schema=schema)

    def unstorable(self, document: tuple) -> str | None:
        for key, value in zip(DOCUMENT_FIELDS, document):
            if isinstance(value, str) and "\x00" in value:
                return f"the document {key} contains U+0000 (NUL), which PostgreSQL text cannot store"
        return None

    def known(self, ids: Iterable[str]) -> dict[str, str]:
        ids = list(ids)
        if not ids:
            return {}
        cur = self.conn.cursor()
        cur.execute(f"SELECT id, text_sha256 FROM {self.p}documents WHERE id = ANY(%s)", (ids,))
        out = {r[0]: r[1] for r in cur.fetchall()}
        self.conn.commit()  # end the read transaction: no idle-in-transaction between batches
        return out

    def _delete(self, cur: Any, ids: Sequence[str]) -> None:
        if ids:
            cur.execute(f"DELETE FROM {self.p}mentions WHERE doc_id = ANY(%s)", (list(ids),))
            cur.execute(f"DELETE FROM {self.p}documents WHERE id = ANY(%s)", (list(ids),))

    def _insert(self, cur: Any, table: str, columns: Sequence[str], rows: Sequence[tuple]) -> None:
        cols = ", ".join(map(_quote, columns))
        with cur.copy(f"COPY {self.p}{table} ({cols}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)


def open_postgres(url: str, prefix: str = "") -> PostgresSink:
    try:
        import psycopg
    except ImportError:
        raise SystemExit("PostgreSQL output needs the db extra: pip install 'newsx[db]'") from None
    dsn, schema = split_url(url)
    return PostgresSink(psycopg.connect(dsn), prefix, schema)
