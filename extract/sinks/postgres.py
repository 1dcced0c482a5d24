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
from urllib.parse import parse_qsl, urlsplit

from extract.sinks.rows import DocumentRow
from extract.sinks.names import check_name, mask_url, split_url
from extract.sinks.sql import SqlSink, _quote


class PostgresSink(SqlSink):
    """Concurrent runs: schema creation and migrations run under a transaction-scoped advisory
    lock (two runs never race on ``CREATE TABLE``), and so does each chunk's write (two runs
    loading the same document one after the other, never into a unique-key violation)."""

    decimal_type = "NUMERIC"
    date_type = "DATE"
    fact_types = ("NUMERIC", "DATE", "JSONB")

    def __init__(self, conn: Any, prefix: str = "", schema: str | None = None):
        super().__init__(conn, prefix, paramstyle="format", schema=schema)

    def _begin(self, lock: str = "write") -> None:
        cur = self.conn.cursor()
        cur.execute("SELECT pg_advisory_xact_lock(hashtext(%s))", (f"newsx:{lock}:{self.p}",))

    def _create(self) -> None:
        if self.schema:
            self._begin("schema")
            self.conn.execute(f"CREATE SCHEMA IF NOT EXISTS {check_name(self.schema)}")
            self.conn.commit()
        super()._create()

    def _table_exists(self, cur: Any, name: str) -> bool:
        cur.execute("SELECT COUNT(*) FROM information_schema.tables WHERE table_name = %s "
                    "AND table_schema = COALESCE(%s, current_schema())", (self.prefix + name, self.schema))
        return bool(cur.fetchone()[0])

    def _columns(self, cur: Any, table: str) -> set[str]:
        cur.execute("SELECT column_name FROM information_schema.columns WHERE table_name = %s "
                    "AND table_schema = COALESCE(%s, current_schema())", (self.prefix + table, self.schema))
        return {r[0] for r in cur.fetchall()}

    def _alter_type(self, cur: Any, table: str, column: str, sql_type: str) -> None:
        cur.execute(f"ALTER TABLE {self.p}{table} ALTER COLUMN {column} TYPE {sql_type} USING {column}::text")

    def unstorable(self, document: DocumentRow) -> tuple[str, str] | None:
        for key, value in zip(document._fields, document):
            if isinstance(value, str) and "\x00" in value:
                return f"the document {key} contains U+0000 (NUL), which PostgreSQL text cannot store", key
        return super().unstorable(document)

    def known(self, ids: Iterable[str]) -> dict[str, str]:
        ids = list(ids)
        if not ids:
            return {}
        cur = self.conn.cursor()
        cur.execute(f"SELECT id, fingerprint FROM {self.p}documents WHERE id = ANY(%s)", (ids,))
        out = {r[0]: r[1] for r in cur.fetchall()}
        self.conn.commit()  # end the read transaction: no idle-in-transaction between batches
        return out

    def _delete(self, cur: Any, ids: Sequence[str]) -> None:
        if ids:
            cur.execute(f"DELETE FROM {self.p}mentions WHERE doc_id = ANY(%s)", (list(ids),))
            cur.execute(f"DELETE FROM {self.p}facts WHERE doc_id = ANY(%s)", (list(ids),))
            cur.execute(f"DELETE FROM {self.p}documents WHERE id = ANY(%s)", (list(ids),))

    def _insert(self, cur: Any, table: str, columns: Sequence[str], rows: Sequence[tuple]) -> None:
        cols = ", ".join(map(_quote, columns))
        with cur.copy(f"COPY {self.p}{table} ({cols}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)


def open_postgres(url: str, prefix: str = "") -> PostgresSink:
    """``postgresql://…`` and ``postgres://…`` (registered in ``extract.sinks.registry``).
    Connect; an unreachable server or a refused login is one ``ConnectionError`` line with
    the password masked (libpq's own message can quote the URL)."""
    try:
        import psycopg
    except ImportError:
        raise SystemExit("PostgreSQL output needs the db extra: pip install 'newsx[db]'") from None
    dsn, schema = split_url(url)
    try:
        conn = psycopg.connect(dsn, connect_timeout=30)
    except psycopg.Error as exc:
        first = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
        for secret in _secrets(url):
            first = first.replace(secret, "***")
        raise ConnectionError(f"cannot connect to {mask_url(url)}: {first}") from None
    return PostgresSink(conn, prefix, schema)


def _secrets(url: str) -> list[str]:
    from urllib.parse import unquote

    parts = urlsplit(url)
    found = [parts.password] if parts.password else []
    found += [v for k, v in parse_qsl(parts.query) if k.lower() in ("password", "pass", "pwd") and v]
    return [s for s in found + [unquote(s) for s in found] if s]
