"""Database sinks through DB-API: SQLite (default) and DuckDB; PostgreSQL in postgres.py; names
and URLs checked in names.py; ``extract.sinks.open_sink`` opens the one a URL names (the schemes
are registered in ``extract.sinks.registry``: :func:`open_sqlite`, :func:`open_duckdb`). Each
satisfies ``extract.sinks.base.Sink`` and stores the typed rows of ``extract.sinks.rows``.

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
                     Decimals are exact: DECIMAL(38,10) in DuckDB, NUMERIC in PostgreSQL, decimal text
                     in SQLite (``connect`` gives SQLite exact sum/total/avg/min/max that return
                     Decimal); date_start/date_end DATE where the engine has it.
``PREFIXfacts``      one row per fact (``newsx run --facts``, the default): doc_id, fact_no (its order
                     in the document), the columns of ``rows.FACT_COLUMNS`` derived from
                     ``schemas.facts.Fact`` (subject_canonical, park_id, indicator_id, period_value,
                     period_start/period_end, value_amount, changes_json …). Decimals DECIMAL(38,10)
                     in DuckDB, NUMERIC in PostgreSQL, text in SQLite; periods DATE where the engine
                     has it; changes_json JSONB in PostgreSQL. Primary key (doc_id, fact_no).
``PREFIXrejects``    input units that could not become documents: run_id, source, line, reason, raw;
                     one row per (source, line), refreshed by each run that sees it.

Loads are idempotent and resumable: each batch of documents and their mentions is written in
one transaction; a document already stored with the same text hash is skipped, so re-running
the same input adds no rows (only a ``runs`` row) and a killed run resumes where it stopped.
A document stored with a different text under the same id is replaced, mentions and facts included.
SQL uses bound parameters (or COPY) only; user-given names (table prefix, schema) must match
a strict pattern before they reach a statement.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from pathlib import Path
from typing import Any, Iterable, Sequence

from extract.sinks.names import check_prefix, qualifier
from extract.sinks.rows import (BOOL_COLUMNS, DATE_RANGE_COLUMNS, DECIMAL_COLUMNS, DOCUMENT_COLUMNS, FACT_COLUMNS,
                                DECIMAL_SPEC, INT_COLUMNS, MENTION_COLUMNS, DocumentRow, FactRow, MentionRow,
                                RejectRow, clean_reject, fact_columns, value_columns)

CHUNK = 500  # ids per IN (…) list: under every engine's parameter limit
MAX_ID = 256  # characters of a document id (a key: PostgreSQL's btree refuses rows over ~2.7 KB)
SCHEMA_VERSION = 5
REJECT_COLUMNS = ["run_id", "source", "line", "reason", "raw", "field"]


class SchemaError(RuntimeError):
    """A database whose schema this newsx cannot use (newer than it knows)."""


def ddl(prefix: str = "", *, decimal_type: str = "TEXT", date_type: str = "TEXT", bool_type: str = "BOOLEAN",
        schema: str | None = None, fact_types: tuple[str, str, str] = ("TEXT", "TEXT", "TEXT")) -> list[str]:
    """The current schema (version ``SCHEMA_VERSION``) for a new database. ``fact_types``: the
    SQL types of the ``facts`` table's decimal, date and JSON columns."""
    p = qualifier(prefix, schema)
    value_cols = ",\n  ".join(f"{c} {t}" for c, t in value_columns(decimal_type, bool_type)
                               + [(c, date_type) for c in DATE_RANGE_COLUMNS])
    return [
        f"""CREATE TABLE IF NOT EXISTS {p}schema_version (
  version INTEGER NOT NULL,
  applied TEXT NOT NULL
)""",
        RUNS_DDL.format(p=p),
        PARKS_DDL.format(p=p),
        f"""CREATE TABLE IF NOT EXISTS {p}documents (
  id TEXT PRIMARY KEY,
  date {date_type},
  source TEXT,
  title TEXT,
  text TEXT NOT NULL,
  text_sha256 TEXT NOT NULL,
  meta_json TEXT,
  fingerprint TEXT,
  run_id TEXT
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
        facts_ddl(p, *fact_types),
        f"""CREATE TABLE IF NOT EXISTS {p}rejects (
  run_id TEXT,
  source TEXT,
  line INTEGER,
  reason TEXT,
  raw TEXT,
  field TEXT
)""",
    ]


def facts_ddl(p: str, decimal_type: str, date_type: str, json_type: str) -> str:
    """The ``facts`` table (one row per fact of a document, ``fact_no`` its order there)."""
    cols = ",\n  ".join(f"{c} {t}" + (" NOT NULL" if c in ("doc_id", "fact_no") else "")
                        for c, t in fact_columns(decimal_type, date_type, json_type))
    return f"""CREATE TABLE IF NOT EXISTS {p}facts (
  {cols},
  PRIMARY KEY (doc_id, fact_no)
)"""


PARKS_DDL = """CREATE TABLE IF NOT EXISTS {p}parks (
  id TEXT PRIMARY KEY,
  canonical TEXT NOT NULL,
  type TEXT,
  level TEXT,
  province TEXT,
  city TEXT,
  code TEXT,
  parent TEXT,
  aliases TEXT
)"""
PARK_COLUMNS = ["id", "canonical", "type", "level", "province", "city", "code", "parent", "aliases"]


def park_rows() -> list[tuple]:
    """The park registries in use (the shipped one and the user's ``--registry`` files), one row
    per zone; a later registry's row replaces an earlier one with the same id."""
    from extract.park.registry import load_registry, user_registries

    rows: dict[str, tuple] = {}
    for entries in [load_registry()] + [load_registry(p) for p in user_registries()]:
        for e in entries:
            rows[e.id] = (e.id, e.canonical, getattr(e.type, "value", e.type), getattr(e.level, "value", e.level),
                          e.province, e.city, e.code, e.parent, json.dumps(list(e.aliases), ensure_ascii=False))
    return list(rows.values())


RUNS_DDL = """CREATE TABLE IF NOT EXISTS {p}runs (
  id TEXT PRIMARY KEY,
  started TEXT NOT NULL,
  finished TEXT,
  inputs TEXT,
  documents INTEGER DEFAULT 0,
  mentions INTEGER DEFAULT 0,
  rejects INTEGER DEFAULT 0,
  skipped INTEGER DEFAULT 0,
  version TEXT,
  facts INTEGER DEFAULT 0
)"""


def _quote(col: str) -> str:
    return f'"{col}"' if col == "end" else col


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")  # a log time, not a reference date


class SqlSink:
    """A DB-API sink. ``paramstyle`` is 'qmark' (SQLite, DuckDB) or 'format' (psycopg).

    The schema is versioned (``PREFIXschema_version``): a new database gets the current schema,
    an older one is migrated step by step under the engine's lock (never silently left old), a
    newer one is refused."""

    decimal_type = "TEXT"
    date_type = "TEXT"
    bool_type = "BOOLEAN"
    fact_types = ("TEXT", "TEXT", "TEXT")  # the facts table's decimal, date, JSON columns
    null_safe_eq = "IS NOT DISTINCT FROM"

    def __init__(self, conn: Any, prefix: str = "", paramstyle: str = "qmark", schema: str | None = None):
        self.conn = conn
        self.prefix, self.schema = check_prefix(prefix), schema
        self.p = qualifier(prefix, schema)
        self.mark = "?" if paramstyle == "qmark" else "%s"
        self.run_id: str | None = None
        self._create()

    # -- schema and migrations ------------------------------------------------------------------
    def _begin(self, lock: str = "write") -> None:
        """Open a transaction that holds this database's lock for ``lock`` (engine-specific)."""

    def _commit(self) -> None:
        self.conn.commit()

    def _table_exists(self, cur: Any, name: str) -> bool:
        cur.execute("SELECT COUNT(*) FROM information_schema.tables WHERE table_name = " + self.mark
                    + (f" AND table_schema = {self.mark}" if self.schema else ""),
                    (self.prefix + name, self.schema) if self.schema else (self.prefix + name,))
        return bool(cur.fetchone()[0])

    def version(self, cur: Any) -> int:
        """The schema version stored: 0 for an empty database, 1 for one made before versioning."""
        if self._table_exists(cur, "schema_version"):
            cur.execute(f"SELECT MAX(version) FROM {self.p}schema_version")
            return int(cur.fetchone()[0] or 0)
        return 1 if self._table_exists(cur, "documents") else 0

    def _create(self) -> None:
        cur = self.conn.cursor()
        self._begin("schema")
        try:
            found = self.version(cur)
            if found > SCHEMA_VERSION:
                raise SchemaError(f"the database schema is version {found}, newer than this newsx knows "
                                  f"({SCHEMA_VERSION}): upgrade newsx")
            if found == 0:
                for stmt in ddl(self.prefix, decimal_type=self.decimal_type, date_type=self.date_type,
                                bool_type=self.bool_type, schema=self.schema, fact_types=self.fact_types):
                    cur.execute(stmt)
            else:
                for version in range(found + 1, SCHEMA_VERSION + 1):
                    MIGRATIONS[version](self, cur)
                self._add_value_columns(cur)
            if found < SCHEMA_VERSION:
                cur.execute(f"INSERT INTO {self.p}schema_version (version, applied) VALUES ({self._ph(2)})",
                            (SCHEMA_VERSION, _now()))
            self._load_parks(cur)
            self._commit()
        except BaseException:
            self.conn.rollback()
            raise

    def _alter_type(self, cur: Any, table: str, column: str, sql_type: str) -> None:
        cur.execute(f"ALTER TABLE {self.p}{table} ALTER COLUMN {column} TYPE {sql_type}")

    def _columns(self, cur: Any, table: str) -> set[str]:
        cur.execute("SELECT column_name FROM information_schema.columns WHERE table_name = " + self.mark
                    + (f" AND table_schema = {self.mark}" if self.schema else ""),
                    (self.prefix + table, self.schema) if self.schema else (self.prefix + table,))
        return {r[0] for r in cur.fetchall()}

    def _add_value_columns(self, cur: Any) -> None:
        """A value model that gained a field (a new typed column): added to an existing
        ``mentions`` table (NULL for the rows stored before; their documents' fingerprints are
        cleared so the next run that sees them fills it)."""
        have = self._columns(cur, "mentions")
        wanted = value_columns(self.decimal_type, self.bool_type) + [(c, self.date_type) for c in DATE_RANGE_COLUMNS]
        missing = [(c, t) for c, t in wanted if c not in have]
        for column, sql_type in missing:
            cur.execute(f"ALTER TABLE {self.p}mentions ADD COLUMN {column} {sql_type}")
        if missing:
            cur.execute(f"UPDATE {self.p}documents SET fingerprint = NULL")

    def _migrate_2(self, cur: Any) -> None:
        """1 → 2: a fingerprint per document (reruns converge), the failing field of a reject,
        run ids as uuid text (concurrent runs cannot collide)."""
        p = self.p
        cur.execute(f"CREATE TABLE IF NOT EXISTS {p}schema_version (version INTEGER NOT NULL, applied TEXT NOT NULL)")
        cur.execute(f"ALTER TABLE {p}documents ADD COLUMN fingerprint TEXT")
        cur.execute(f"ALTER TABLE {p}rejects ADD COLUMN field TEXT")
        cur.execute(RUNS_DDL.format(p=p + "new_").replace("IF NOT EXISTS ", ""))
        cur.execute(f"INSERT INTO {p}new_runs (id, started, finished, inputs, documents, mentions, rejects, skipped, "
                    f"version) SELECT CAST(id AS TEXT), started, finished, inputs, documents, "
                    f"mentions, rejects, skipped, version FROM {p}runs")
        cur.execute(f"DROP TABLE {p}runs")
        cur.execute(f"ALTER TABLE {p}new_runs RENAME TO {self.prefix}runs")
        for table in ("documents", "rejects"):
            self._alter_type(cur, table, "run_id", "TEXT")

    def _migrate_3(self, cur: Any) -> None:
        """2 → 3: the ``parks`` table (the registry; join ``mentions.park_id = parks.id`` for a
        PARK mention's type, level, province, city)."""
        cur.execute(PARKS_DDL.format(p=self.p))

    def _migrate_4(self, cur: Any) -> None:
        """3 → 4: the ``facts`` table and the facts count of a run. The documents stored before
        have no facts: their fingerprints (which now cover whether facts are extracted) differ
        from a run's, so the next run that sees them rewrites them with their facts."""
        cur.execute(facts_ddl(self.p, *self.fact_types))
        if "facts" not in self._columns(cur, "runs"):  # a v1 database got it from _migrate_2's RUNS_DDL
            cur.execute(f"ALTER TABLE {self.p}runs ADD COLUMN facts INTEGER DEFAULT 0")

    def _migrate_5(self, cur: Any) -> None:
        """4 → 5: where the engine has the types and a column was made as text (DuckDB), the
        mentions' decimal columns become DECIMAL(38, 10) and ``date_start``/``date_end`` and
        ``documents.date`` DATE; the stored values are cast (a repeating fraction rounded to 10
        places, as new rows are). SQLite has no decimal type (exact text); PostgreSQL made them
        NUMERIC and DATE from the start."""
        if self.decimal_type == "TEXT" and self.date_type == "TEXT":
            return
        wanted = {"mentions": [(c, self.decimal_type) for c in DECIMAL_COLUMNS]
                  + [(c, self.date_type) for c in DATE_RANGE_COLUMNS],
                  "documents": [("date", self.date_type)]}
        for table, columns in wanted.items():
            cur.execute("SELECT column_name, data_type FROM information_schema.columns WHERE table_name = "
                        + self.mark + (f" AND table_schema = {self.mark}" if self.schema else ""),
                        (self.prefix + table, self.schema) if self.schema else (self.prefix + table,))
            have = {name: kind.upper() for name, kind in cur.fetchall()}
            for column, sql_type in columns:
                if have.get(column) in ("TEXT", "VARCHAR", "CHARACTER VARYING"):
                    cur.execute(f"ALTER TABLE {self.p}{table} ALTER {_quote(column)} TYPE {sql_type} "
                                f"USING CAST({_quote(column)} AS {sql_type})")

    def _load_parks(self, cur: Any) -> None:
        """Refresh ``parks`` from the registries in use (in the schema transaction)."""
        cur.execute(f"DELETE FROM {self.p}parks")
        rows = park_rows()
        if rows:
            cur.executemany(f"INSERT INTO {self.p}parks ({', '.join(PARK_COLUMNS)}) VALUES ({self._ph(len(PARK_COLUMNS))})",
                            rows)

    def _ph(self, n: int) -> str:
        return ", ".join([self.mark] * n)

    # -- runs ---------------------------------------------------------------------------------
    def start_run(self, inputs: Sequence[str], version: str) -> str:
        run_id = str(uuid.uuid4())  # never collides with a concurrent run's
        cur = self.conn.cursor()
        self._begin()
        cur.execute(
            f"INSERT INTO {self.p}runs (id, started, inputs, version) VALUES ({self._ph(4)})",
            (run_id, _now(), json.dumps(list(inputs), ensure_ascii=False), version),
        )
        self._commit()
        self.run_id = run_id
        return run_id

    def finish_run(self, documents: int, mentions: int, rejects: int, skipped: int, facts: int = 0) -> None:
        cur = self.conn.cursor()
        self._begin()
        cur.execute(
            f"UPDATE {self.p}runs SET finished = {self.mark}, documents = {self.mark}, mentions = {self.mark}, "
            f"rejects = {self.mark}, skipped = {self.mark}, facts = {self.mark} WHERE id = {self.mark}",
            (_now(), documents, mentions, rejects, skipped, facts, self.run_id),
        )
        self._commit()

    # -- documents ----------------------------------------------------------------------------
    def unstorable(self, document: DocumentRow) -> tuple[str, str] | None:
        """(why, field) when this engine cannot store the document exactly; None: it can.
        Checked before writing, so the chunk is never lost."""
        for key, value in zip(document._fields, document):
            if isinstance(value, str):
                try:
                    value.encode("utf-8")
                except UnicodeEncodeError as exc:
                    return f"the document {key} has a lone surrogate at {exc.start} (not Unicode text)", key
        if not isinstance(document.id, str) or not document.id or len(document.id) > MAX_ID:
            return f"the document id must be a string of 1 to {MAX_ID} characters", "id"
        return None

    def known(self, ids: Iterable[str]) -> dict[str, str]:
        """Stored fingerprints of these document ids (None for rows older than fingerprints)."""
        ids = list(ids)
        out: dict[str, str] = {}
        cur = self.conn.cursor()
        for k in range(0, len(ids), CHUNK):
            chunk = ids[k : k + CHUNK]
            cur.execute(f"SELECT id, fingerprint FROM {self.p}documents WHERE id IN ({self._ph(len(chunk))})", chunk)
            out.update({r[0]: r[1] for r in cur.fetchall()})
        self._end_read()
        return out

    def _end_read(self) -> None:
        """End the read transaction (no idle transaction between chunks)."""

    def _delete(self, cur: Any, ids: Sequence[str]) -> None:
        for k in range(0, len(ids), CHUNK):
            chunk = list(ids[k : k + CHUNK])
            cur.execute(f"DELETE FROM {self.p}mentions WHERE doc_id IN ({self._ph(len(chunk))})", chunk)
            cur.execute(f"DELETE FROM {self.p}facts WHERE doc_id IN ({self._ph(len(chunk))})", chunk)
            cur.execute(f"DELETE FROM {self.p}documents WHERE id IN ({self._ph(len(chunk))})", chunk)

    def _insert(self, cur: Any, table: str, columns: Sequence[str], rows: Sequence[tuple]) -> None:
        cur.executemany(
            f"INSERT INTO {self.p}{table} ({', '.join(map(_quote, columns))}) VALUES ({self._ph(len(columns))})",
            rows,
        )

    def write_rows(self, documents: Sequence[DocumentRow], mentions: Sequence[MentionRow], *,
                   facts: Sequence[FactRow] = (), rejects: Sequence[RejectRow] = (),
                   clear: Sequence[tuple[str, int | None]] = ()) -> int:
        """One transaction: replace the rows of ``documents`` (any stored row with their id is
        deleted first, mentions and facts included) with them, their ``mentions`` and their
        ``facts`` (each row the tuple of its table's columns, so it goes to the engine as it is);
        record ``rejects``, one row per (source, line); delete the old rejects of the ``clear``
        (source, line) origins (a line fixed since). Returns the mentions written."""
        if not (documents or rejects or clear):
            return 0
        rejects = [clean_reject(r) for r in rejects]
        run = (self.run_id,)
        cur = self.conn.cursor()
        self._begin()
        try:
            origins = [(r.source, r.line) for r in rejects] + list(clear)
            if origins:
                cur.executemany(f"DELETE FROM {self.p}rejects WHERE source = {self.mark} "
                                f"AND line {self.null_safe_eq} {self.mark}", origins)
            if documents:
                self._delete(cur, [d.id for d in documents])
                self._insert(cur, "documents", DOCUMENT_COLUMNS, [tuple(d) + run for d in documents])
            if mentions:
                self._insert(cur, "mentions", MENTION_COLUMNS, mentions)
            if facts:
                self._insert(cur, "facts", FACT_COLUMNS, facts)
            if rejects:
                cur.executemany(
                    f"INSERT INTO {self.p}rejects ({', '.join(REJECT_COLUMNS)}) VALUES ({self._ph(len(REJECT_COLUMNS))})",
                    [(self.run_id, *r) for r in rejects])
            self._commit()
        except BaseException:
            self.conn.rollback()
            raise
        return len(mentions)

    def write_rejects(self, rejects: Sequence[RejectRow]) -> None:
        """Record rejected units; one row per (source, line), so a re-run adds none."""
        self.write_rows([], [], rejects=rejects)

    def close(self) -> None:
        self.conn.close()


MIGRATIONS = {2: SqlSink._migrate_2, 3: SqlSink._migrate_3, 4: SqlSink._migrate_4, 5: SqlSink._migrate_5}


class SqliteSink(SqlSink):
    """SQLite in WAL mode. Concurrent runs on one file wait for each other's transactions (busy
    timeout) instead of failing; schema creation and writes take the write lock up front
    (``BEGIN IMMEDIATE``), so two runs never interleave a read-check-write."""

    null_safe_eq = "IS"  # null-safe in every SQLite version
    bool_type = "INTEGER"  # SQLite has no boolean: 0 / 1
    BUSY_TIMEOUT = 120.0  # seconds a run waits for another run's transaction

    def __init__(self, path: Path, prefix: str = ""):
        import sqlite3

        conn = sqlite3.connect(path, timeout=self.BUSY_TIMEOUT, isolation_level=None)  # transactions explicit
        conn.execute("PRAGMA journal_mode=WAL")  # readers (and a resumed run) never see half a batch
        conn.execute("PRAGMA synchronous=NORMAL")  # WAL + NORMAL: a killed process loses nothing committed
        super().__init__(conn, prefix)

    def _begin(self, lock: str = "write") -> None:
        self.conn.execute("BEGIN IMMEDIATE")

    def _commit(self) -> None:
        self.conn.execute("COMMIT")

    def _table_exists(self, cur: Any, name: str) -> bool:
        cur.execute("SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = ?", (self.prefix + name,))
        return bool(cur.fetchone()[0])

    def _alter_type(self, cur: Any, table: str, column: str, sql_type: str) -> None:
        """SQLite columns take any value: an INTEGER column stores uuid text as text."""

    def _columns(self, cur: Any, table: str) -> set[str]:
        cur.execute(f"PRAGMA table_info({self.prefix}{table})")
        return {r[1] for r in cur.fetchall()}


class DuckdbSink(SqlSink):
    """DuckDB: one writing process per file (DuckDB's own lock); concurrent runs need SQLite or
    PostgreSQL. Decimals are DECIMAL(38, 10), date ranges and periods DATE."""

    decimal_type = f"DECIMAL{DECIMAL_SPEC}".replace(" ", "")
    date_type = "DATE"
    fact_types = (decimal_type, "DATE", "TEXT")

    def _begin(self, lock: str = "write") -> None:
        self.conn.begin()  # DuckDB's Python API autocommits each statement otherwise

    def _alter_type(self, cur: Any, table: str, column: str, sql_type: str) -> None:
        cur.execute(f"ALTER TABLE {self.p}{table} ALTER {column} TYPE VARCHAR")

    def _insert(self, cur: Any, table: str, columns: Sequence[str], rows: Sequence[tuple]) -> None:
        try:
            import pyarrow as pa
        except ImportError:
            return super()._insert(cur, table, columns, rows)
        from extract.sinks.files import arrow_table

        data = arrow_table(rows, columns)
        self.conn.register("newsx_staging", data)
        try:
            cols = ", ".join(map(_quote, columns))
            self.conn.execute(f"INSERT INTO {self.p}{table} ({cols}) SELECT {cols} FROM newsx_staging")
        finally:
            self.conn.unregister("newsx_staging")


def open_sqlite(url: str, prefix: str = "") -> SqliteSink:
    """``sqlite:///PATH`` (registered in ``extract.sinks.registry``); the folder is made if missing."""
    path = Path(url[len("sqlite:///"):])
    path.parent.mkdir(parents=True, exist_ok=True)
    return SqliteSink(path, prefix)


def open_duckdb(url: str, prefix: str = "") -> DuckdbSink:
    """``duckdb:///PATH`` (registered in ``extract.sinks.registry``); needs the db extra."""
    try:
        import duckdb
    except ImportError:
        raise SystemExit("DuckDB output needs the db extra: pip install 'newsx[db]'") from None
    path = Path(url[len("duckdb:///"):])
    path.parent.mkdir(parents=True, exist_ok=True)
    return DuckdbSink(duckdb.connect(str(path)), prefix)
