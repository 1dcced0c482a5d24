"""Database sinks through DB-API: SQLite (default) and DuckDB; PostgreSQL in postgres.py.

Schema (created by the tool, ``CREATE TABLE IF NOT EXISTS``; ``PREFIX`` from ``--table-prefix``,
and for PostgreSQL an optional ``?schema=NAME`` in the URL):

``PREFIXruns``       one row per invocation: id, started, finished (NULL: killed or failed),
                     inputs (JSON list), documents, mentions, rejects, skipped, version.
``PREFIXdocuments``  id (primary key), date, source, title, text (byte-identical to the input),
                     text_sha256, meta_json (other input fields), run_id (the run that wrote it).
``PREFIXmentions``   doc_id, start, "end" (half-open, str offsets into the text), label, text,
                     rule, value_json (the full value), then one typed column per value field:
                     money_amount, money_currency, money_qualifier, money_low, money_high,
                     percent_value, …, date_value, date_qualifier, park_canonical, park_level, …
                     (NULL for the other labels). Primary key (doc_id, start, "end", label).
                     Decimals are exact: TEXT in SQLite and DuckDB, NUMERIC in PostgreSQL.
``PREFIXrejects``    input units that could not become documents: run_id, source, line, reason, raw;
                     one row per (source, line), refreshed by each run that sees it.

Loads are idempotent and resumable: each batch of documents and their mentions is written in
one transaction; a document already stored with the same text hash is skipped, so re-running
the same input adds no rows (only a ``runs`` row) and a killed run resumes where it stopped.
A document stored with a different text under the same id is replaced, mentions included.
SQL uses bound parameters (or COPY) only; user-given names (table prefix, schema) must match
a strict pattern before they reach a statement.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from typing import Any, Iterable, Sequence

from extract.sinks.rows import DOCUMENT_COLUMNS, INT_COLUMNS, MENTION_COLUMNS, value_columns

NAME = re.compile(r"^[a-z_][a-z0-9_]{0,40}$")
CHUNK = 500  # ids per IN (…) list: under every engine's parameter limit


def check_name(name: str) -> str:
    if not isinstance(name, str) or not NAME.match(name):
        raise ValueError(f"invalid name {name!r}: use lower-case letters, digits and _ (max 41)")
    return name


def check_prefix(prefix: str) -> str:
    """A table prefix: empty, or what a strict name may start with (``news_``)."""
    if prefix and not (isinstance(prefix, str) and NAME.match(prefix + "x")):
        raise ValueError(f"invalid name {prefix!r} for a table prefix: use lower-case letters, digits and _ "
                         "(max 40), starting with a letter or _")
    return prefix or ""


def qualifier(prefix: str = "", schema: str | None = None) -> str:
    """What goes before a table's base name: ``schema.prefix`` — both checked."""
    return (f"{check_name(schema)}." if schema else "") + check_prefix(prefix)


def ddl(prefix: str = "", serial: str = "INTEGER PRIMARY KEY", *, decimal_type: str = "TEXT",
        date_type: str = "TEXT", schema: str | None = None) -> list[str]:
    p = qualifier(prefix, schema)
    value_cols = ",\n  ".join(f"{c} {t}" for c, t in value_columns(decimal_type))
    return [
        f"""CREATE TABLE IF NOT EXISTS {p}runs (
  id {serial},
  started TEXT NOT NULL,
  finished TEXT,
  inputs TEXT,
  documents INTEGER DEFAULT 0,
  mentions INTEGER DEFAULT 0,
  rejects INTEGER DEFAULT 0,
  skipped INTEGER DEFAULT 0,
  version TEXT
)""",
        f"""CREATE TABLE IF NOT EXISTS {p}documents (
  id TEXT PRIMARY KEY,
  date {date_type},
  source TEXT,
  title TEXT,
  text TEXT NOT NULL,
  text_sha256 TEXT NOT NULL,
  meta_json TEXT,
  run_id INTEGER
)""",
        f"""CREATE TABLE IF NOT EXISTS {p}mentions (
  doc_id TEXT NOT NULL,
  start INTEGER NOT NULL,
  "end" INTEGER NOT NULL,
  label TEXT NOT NULL,
  text TEXT NOT NULL,
  rule TEXT,
  value_json TEXT NOT NULL,
  {value_cols},
  PRIMARY KEY (doc_id, start, "end", label)
)""",
        f"""CREATE TABLE IF NOT EXISTS {p}rejects (
  run_id INTEGER,
  source TEXT,
  line INTEGER,
  reason TEXT,
  raw TEXT
)""",
    ]


def _quote(col: str) -> str:
    return f'"{col}"' if col == "end" else col


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")  # a log time, not a reference date


class SqlSink:
    """A DB-API sink. ``paramstyle`` is 'qmark' (SQLite, DuckDB) or 'format' (psycopg)."""

    decimal_type = "TEXT"
    date_type = "TEXT"
    null_safe_eq = "IS NOT DISTINCT FROM"

    def __init__(self, conn: Any, prefix: str = "", paramstyle: str = "qmark",
                 serial: str = "INTEGER PRIMARY KEY", schema: str | None = None):
        self.conn = conn
        self.p = qualifier(prefix, schema)
        self.mark = "?" if paramstyle == "qmark" else "%s"
        self.run_id: int | None = None
        self._create(prefix, serial, schema)

    def _create(self, prefix: str, serial: str, schema: str | None) -> None:
        cur = self.conn.cursor()
        for stmt in ddl(prefix, serial, decimal_type=self.decimal_type, date_type=self.date_type, schema=schema):
            cur.execute(stmt)
        self.conn.commit()

    def _ph(self, n: int) -> str:
        return ", ".join([self.mark] * n)

    # -- runs ---------------------------------------------------------------------------------
    def start_run(self, inputs: Sequence[str], version: str) -> int:
        cur = self.conn.cursor()
        cur.execute(f"SELECT COALESCE(MAX(id), 0) + 1 FROM {self.p}runs")
        run_id = int(cur.fetchone()[0])
        cur.execute(
            f"INSERT INTO {self.p}runs (id, started, inputs, version) VALUES ({self._ph(4)})",
            (run_id, _now(), json.dumps(list(inputs), ensure_ascii=False), version),
        )
        self.conn.commit()
        self.run_id = run_id
        return run_id

    def finish_run(self, documents: int, mentions: int, rejects: int, skipped: int) -> None:
        cur = self.conn.cursor()
        cur.execute(
            f"UPDATE {self.p}runs SET finished = {self.mark}, documents = {self.mark}, mentions = {self.mark}, "
            f"rejects = {self.mark}, skipped = {self.mark} WHERE id = {self.mark}",
            (_now(), documents, mentions, rejects, skipped, self.run_id),
        )
        self.conn.commit()

    # -- documents ----------------------------------------------------------------------------
    def unstorable(self, document: tuple) -> str | None:
        """Why this engine cannot store the document (a ``rows.DOCUMENT_FIELDS`` tuple) exactly;
        None: it can."""
        return None

    def known(self, ids: Iterable[str]) -> dict[str, str]:
        """Stored text hashes of these document ids."""
        ids = list(ids)
        out: dict[str, str] = {}
        cur = self.conn.cursor()
        for k in range(0, len(ids), CHUNK):
            chunk = ids[k : k + CHUNK]
            cur.execute(f"SELECT id, text_sha256 FROM {self.p}documents WHERE id IN ({self._ph(len(chunk))})", chunk)
            out.update({r[0]: r[1] for r in cur.fetchall()})
        return out

    def _delete(self, cur: Any, ids: Sequence[str]) -> None:
        for k in range(0, len(ids), CHUNK):
            chunk = list(ids[k : k + CHUNK])
            cur.execute(f"DELETE FROM {self.p}mentions WHERE doc_id IN ({self._ph(len(chunk))})", chunk)
            cur.execute(f"DELETE FROM {self.p}documents WHERE id IN ({self._ph(len(chunk))})", chunk)

    def _begin(self) -> None:
        """Open a transaction (DB-API drivers open one implicitly before the first write)."""

    def _insert(self, cur: Any, table: str, columns: Sequence[str], rows: Sequence[tuple]) -> None:
        cur.executemany(
            f"INSERT INTO {self.p}{table} ({', '.join(map(_quote, columns))}) VALUES ({self._ph(len(columns))})",
            rows,
        )

    def write_rows(self, documents: Sequence[tuple], mentions: Sequence[tuple],
                   replace: Sequence[str] | None = None) -> int:
        """Write documents (tuples of ``rows.DOCUMENT_FIELDS``) and their mentions (tuples of
        ``rows.MENTION_COLUMNS``) in one transaction; returns the mentions written.

        ``replace``: ids that may already be stored (their old rows are deleted first);
        None means every id in ``documents``.
        """
        if not documents:
            return 0
        run = (self.run_id,)
        cur = self.conn.cursor()
        self._begin()
        try:
            self._delete(cur, [d[0] for d in documents] if replace is None else replace)
            self._insert(cur, "documents", DOCUMENT_COLUMNS, [d + run for d in documents])
            if mentions:
                self._insert(cur, "mentions", MENTION_COLUMNS, mentions)
            self.conn.commit()
        except BaseException:
            self.conn.rollback()
            raise
        return len(mentions)

    # -- rejects ------------------------------------------------------------------------------
    def write_rejects(self, rejects: Sequence[dict]) -> None:
        """Record rejected units; one row per (source, line), so a re-run adds none."""
        if not rejects:
            return
        cur = self.conn.cursor()
        self._begin()
        cur.executemany(
            f"DELETE FROM {self.p}rejects WHERE source = {self.mark} AND line {self.null_safe_eq} {self.mark}",
            [(r["source"], r["line"]) for r in rejects],
        )
        cur.executemany(
            f"INSERT INTO {self.p}rejects (run_id, source, line, reason, raw) VALUES ({self._ph(5)})",
            [(self.run_id, r["source"], r["line"], r["reason"], r["raw"]) for r in rejects],
        )
        self.conn.commit()

    def close(self) -> None:
        self.conn.close()


class SqliteSink(SqlSink):
    null_safe_eq = "IS"  # null-safe in every SQLite version

    def __init__(self, path: Path, prefix: str = ""):
        import sqlite3

        conn = sqlite3.connect(path)
        conn.execute("PRAGMA journal_mode=WAL")  # readers (and a resumed run) never see half a batch
        conn.execute("PRAGMA synchronous=NORMAL")  # WAL + NORMAL: a killed process loses nothing committed
        super().__init__(conn, prefix)


class DuckdbSink(SqlSink):
    def _begin(self) -> None:
        self.conn.begin()  # DuckDB's Python API autocommits each statement otherwise

    def _insert(self, cur: Any, table: str, columns: Sequence[str], rows: Sequence[tuple]) -> None:
        try:
            import pyarrow as pa
        except ImportError:
            return super()._insert(cur, table, columns, rows)
        data = pa.table({c: pa.array(col, type=pa.int64() if c in INT_COLUMNS else pa.string())
                         for c, col in zip(columns, zip(*rows))})
        self.conn.register("newsx_staging", data)
        try:
            cols = ", ".join(map(_quote, columns))
            self.conn.execute(f"INSERT INTO {self.p}{table} ({cols}) SELECT {cols} FROM newsx_staging")
        finally:
            self.conn.unregister("newsx_staging")


SCHEMES = ("sqlite:///", "duckdb:///", "postgresql://", "postgres://")


def check_url(url: str) -> str:
    """Raise ValueError for a URL no sink understands (before any work starts)."""
    if not url.startswith(SCHEMES):
        raise ValueError(f"unsupported database URL {url!r}: use sqlite:///…, duckdb:///… or postgresql://…")
    if url.startswith(("postgresql://", "postgres://")):
        from extract.sinks.postgres import split_url

        split_url(url)  # checks the schema name
    return url


def open_sink(url: str, prefix: str = "") -> SqlSink:
    """``sqlite:///path.sqlite``, ``duckdb:///path.duckdb`` or ``postgresql://…[?schema=NAME]``."""
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
    if url.startswith(("postgresql://", "postgres://")):
        from extract.sinks.postgres import open_postgres

        return open_postgres(url, prefix)
    raise ValueError(f"unsupported database URL {url!r}: use sqlite:///…, duckdb:///… or postgresql://…")
