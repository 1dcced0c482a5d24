"""Database sinks through DB-API: SQLite (default) and DuckDB; PostgreSQL in postgres.py.

Loads are idempotent and resumable: a document and its mentions are written in one
transaction; a document already stored with the same text hash is skipped, so re-running the
same input adds no rows and a killed run resumes where it stopped. SQL uses bound parameters
only; user-given names (table prefix) must match a strict pattern.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from typing import Any, Iterable, Sequence

from extract.sinks.rows import DOCUMENT_COLUMNS, MENTION_COLUMNS, VALUE_COLUMNS, document_row, mention_row
from schemas.records import Document, ExtractedDocument

NAME = re.compile(r"^[a-z_][a-z0-9_]{0,40}$")


def check_name(name: str) -> str:
    if not NAME.match(name):
        raise ValueError(f"invalid name {name!r}: use lower-case letters, digits and _ (max 41)")
    return name


def ddl(prefix: str = "", serial: str = "INTEGER PRIMARY KEY") -> list[str]:
    p = check_name(prefix + "x")[:-1] if prefix else ""
    value_cols = ",\n  ".join(f"{c} TEXT" for c in VALUE_COLUMNS)
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
  date TEXT,
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


class SqlSink:
    """A DB-API sink. ``paramstyle`` is 'qmark' (SQLite, DuckDB) or 'format' (psycopg)."""

    def __init__(self, conn: Any, prefix: str = "", paramstyle: str = "qmark", serial: str = "INTEGER PRIMARY KEY"):
        self.conn = conn
        self.p = check_name(prefix + "x")[:-1] if prefix else ""
        self.mark = "?" if paramstyle == "qmark" else "%s"
        cur = conn.cursor()
        for stmt in ddl(self.p, serial):
            cur.execute(stmt)
        conn.commit()
        self.run_id: int | None = None

    def _ph(self, n: int) -> str:
        return ", ".join([self.mark] * n)

    def start_run(self, inputs: Sequence[str], version: str) -> int:
        cur = self.conn.cursor()
        now = dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")  # a log time, not a reference date
        cur.execute(f"SELECT COALESCE(MAX(id), 0) + 1 FROM {self.p}runs")
        run_id = int(cur.fetchone()[0])
        cur.execute(
            f"INSERT INTO {self.p}runs (id, started, inputs, version) VALUES ({self._ph(4)})",
            (run_id, now, json.dumps(list(inputs), ensure_ascii=False), version),
        )
        self.conn.commit()
        self.run_id = run_id
        return run_id

    def known(self, ids: Iterable[str]) -> dict[str, str]:
        """Stored text hashes of these document ids."""
        ids = list(ids)
        out: dict[str, str] = {}
        cur = self.conn.cursor()
        for k in range(0, len(ids), 500):
            chunk = ids[k : k + 500]
            cur.execute(f"SELECT id, text_sha256 FROM {self.p}documents WHERE id IN ({self._ph(len(chunk))})", chunk)
            out.update({r[0]: r[1] for r in cur.fetchall()})
        return out

    def write(self, batch: Sequence[tuple[Document, ExtractedDocument]]) -> int:
        """Write documents and their mentions in one transaction; returns mentions written."""
        if not batch:
            return 0
        cur = self.conn.cursor()
        doc_rows = [document_row(doc, self.run_id) for doc, _ in batch]
        ids = [r["id"] for r in doc_rows]
        for k in range(0, len(ids), 500):
            chunk = ids[k : k + 500]
            cur.execute(f"DELETE FROM {self.p}mentions WHERE doc_id IN ({self._ph(len(chunk))})", chunk)
            cur.execute(f"DELETE FROM {self.p}documents WHERE id IN ({self._ph(len(chunk))})", chunk)
        cur.executemany(
            f"INSERT INTO {self.p}documents ({', '.join(DOCUMENT_COLUMNS)}) VALUES ({self._ph(len(DOCUMENT_COLUMNS))})",
            [tuple(r[c] for c in DOCUMENT_COLUMNS) for r in doc_rows],
        )
        mention_rows = [mention_row(ex.id, m) for _, ex in batch for m in ex.spans]
        if mention_rows:
            cur.executemany(
                f"INSERT INTO {self.p}mentions ({', '.join(map(_quote, MENTION_COLUMNS))}) "
                f"VALUES ({self._ph(len(MENTION_COLUMNS))})",
                [tuple(r[c] for c in MENTION_COLUMNS) for r in mention_rows],
            )
        self.conn.commit()
        return len(mention_rows)

    def write_rejects(self, rejects: Sequence[dict]) -> None:
        if not rejects:
            return
        cur = self.conn.cursor()
        cur.executemany(
            f"INSERT INTO {self.p}rejects (run_id, source, line, reason, raw) VALUES ({self._ph(5)})",
            [(self.run_id, r["source"], r["line"], r["reason"], r["raw"]) for r in rejects],
        )
        self.conn.commit()

    def finish_run(self, documents: int, mentions: int, rejects: int, skipped: int) -> None:
        cur = self.conn.cursor()
        now = dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")
        cur.execute(
            f"UPDATE {self.p}runs SET finished = {self.mark}, documents = {self.mark}, mentions = {self.mark}, "
            f"rejects = {self.mark}, skipped = {self.mark} WHERE id = {self.mark}",
            (now, documents, mentions, rejects, skipped, self.run_id),
        )
        self.conn.commit()

    def close(self) -> None:
        self.conn.close()


def open_sink(url: str, prefix: str = "") -> SqlSink:
    """``sqlite:///path.sqlite``, ``duckdb:///path.duckdb`` or ``postgresql://…``."""
    if url.startswith("sqlite:///"):
        import sqlite3

        path = Path(url[len("sqlite:///") :])
        path.parent.mkdir(parents=True, exist_ok=True)
        return SqlSink(sqlite3.connect(path), prefix)
    if url.startswith("duckdb:///"):
        try:
            import duckdb
        except ImportError:
            raise SystemExit("DuckDB output needs the db extra: pip install 'newsx[db]'") from None
        path = Path(url[len("duckdb:///") :])
        path.parent.mkdir(parents=True, exist_ok=True)
        return SqlSink(duckdb.connect(str(path)), prefix)
    if url.startswith(("postgresql://", "postgres://")):
        from extract.sinks.postgres import open_postgres

        return open_postgres(url, prefix)
    raise ValueError(f"unsupported database URL {url!r}: use sqlite:///…, duckdb:///… or postgresql://…")
