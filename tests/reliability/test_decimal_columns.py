"""Typed decimals everywhere (issue 18, item 4): ``SELECT sum(money_amount) FROM mentions``
returns an exact decimal in SQLite, DuckDB and PostgreSQL alike; DuckDB, Parquet (and Spark,
tests/test_spark.py) type amounts DECIMAL(38, 10) and date ranges DATE; a DuckDB database of
schema 4 (text decimals) is migrated."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest

import extract
from extract.batch import run
from pg_server import postgres_server_url, postgres_url  # noqa: F401  (fixtures)

# 0.1 + 0.2 is where a float sum shows (0.30000000000000004); 三分之一 repeats
TEXT = ("2023年1—9月，园区新签约项目总投资0.1亿元，技改投入0.2亿元，另有一笔13.25万亿元的统计口径，"
        "利润增长三分之一。")


def _exact_money_sum(db_url: str) -> Decimal:
    """The sum written by reading every MONEY value back from its JSON (no SQL arithmetic)."""
    conn = extract.connect(db_url)
    try:
        rows = conn.execute("SELECT value_json FROM mentions WHERE label = 'MONEY'").fetchall()
    finally:
        conn.close()
    return sum((Decimal(json.loads(r[0])["amount"]) for r in rows), Decimal(0))


@pytest.fixture
def source(tmp_path):
    src = tmp_path / "a.jsonl"
    src.write_text(json.dumps({"id": "a", "date": "2024-01-04", "text": TEXT}, ensure_ascii=False) + "\n",
                   encoding="utf-8")
    return src


def test_sum_of_money_amount_is_an_exact_decimal_in_every_engine(tmp_path, source, postgres_url):
    pytest.importorskip("duckdb")
    urls = [f"sqlite:///{tmp_path}/a.sqlite", f"duckdb:///{tmp_path}/a.duckdb", postgres_url]
    sums = []
    for url in urls:
        run([str(source)], db_url=url, out_dir=None)
        conn = extract.connect(url)
        try:
            (total,), = conn.execute("SELECT sum(money_amount) FROM mentions").fetchall()
            amounts = [r[0] for r in conn.execute("SELECT money_amount FROM mentions WHERE label = 'MONEY'").fetchall()]
            (none,), = conn.execute("SELECT sum(money_amount) FROM mentions WHERE label = 'DATE'").fetchall()
        finally:
            conn.close()
        assert isinstance(total, Decimal), (url, type(total))
        assert all(isinstance(a, Decimal) for a in amounts) and len(amounts) == 3, (url, amounts)
        assert total == _exact_money_sum(url) == Decimal("13250030000000"), url
        assert none is None, url  # sum over no value is NULL, as in SQL
        sums.append(total)
    assert sums[0] == sums[1] == sums[2]


def test_sqlite_exact_aggregates_keep_sqlite_semantics(tmp_path):
    from extract.sinks.connect import sqlite_exact
    import sqlite3

    conn = sqlite_exact(sqlite3.connect(":memory:"))
    conn.execute("CREATE TABLE mentions (money_amount TEXT, percent_value TEXT, label TEXT)")
    conn.executemany("INSERT INTO mentions VALUES (?, ?, ?)", [("0.1", None, "a"), ("0.2", "0.5", "b"), (None, None, "c")])
    row = conn.execute("SELECT sum(money_amount), total(percent_value), avg(money_amount), count(money_amount), "
                       "sum(money_amount) AS s, max(label) FROM mentions").fetchone()
    assert row == (Decimal("0.3"), Decimal("0.5"), Decimal("0.15"), 2, "0.3", "c")
    # over no row at all Python's sqlite3 never creates the aggregate: NULL (SQLite's total gives 0.0)
    assert conn.execute("SELECT sum(money_amount), total(money_amount) FROM mentions WHERE 0").fetchone() == (None, None)


def test_duckdb_and_parquet_type_the_mention_columns(tmp_path, source):
    duckdb = pytest.importorskip("duckdb")
    pq = pytest.importorskip("pyarrow.parquet")
    import pyarrow as pa

    run([str(source)], db_url=f"duckdb:///{tmp_path}/a.duckdb", out_dir=str(tmp_path / "out"))
    with duckdb.connect(str(tmp_path / "a.duckdb"), read_only=True) as conn:
        types = dict(conn.execute("SELECT column_name, data_type FROM information_schema.columns "
                                  "WHERE table_name = 'mentions'").fetchall())
        value = conn.execute("SELECT percent_value FROM mentions WHERE label = 'PERCENT'").fetchone()[0]
    assert types["money_amount"] == types["percent_value"] == "DECIMAL(38,10)"
    assert types["date_start"] == types["date_end"] == "DATE"
    assert value == Decimal("0.3333333333")  # 三分之一, rounded to the column's 10 places
    schema = pq.read_schema(tmp_path / "out" / "mentions.parquet")
    assert schema.field("money_amount").type == pa.decimal128(38, 10)
    assert schema.field("date_start").type == pa.date32()
    table = pq.read_table(tmp_path / "out" / "mentions.parquet")
    money = [v for v in table.column("money_amount").to_pylist() if v is not None]
    assert sum(money, Decimal(0)) == Decimal("13250030000000")


def test_a_schema_4_duckdb_database_is_migrated_to_typed_columns(tmp_path, source):
    duckdb = pytest.importorskip("duckdb")
    from extract.sinks.rows import DECIMAL_SPEC
    from extract.sinks.sql import ddl

    path = tmp_path / "old.duckdb"
    decimal = f"DECIMAL{DECIMAL_SPEC}".replace(" ", "")
    with duckdb.connect(str(path)) as conn:  # what newsx of schema 4 made: text decimals and dates
        for stmt in ddl(fact_types=(decimal, "DATE", "TEXT")):
            conn.execute(stmt)
        conn.execute("INSERT INTO schema_version (version, applied) VALUES (4, '2026-01-01')")
        conn.execute("INSERT INTO documents (id, date, text, text_sha256) VALUES ('old', '2024-01-04', 'x', 'h')")
        conn.execute("INSERT INTO mentions (doc_id, start, \"end\", label, text, value_json, percent_value, date_start) "
                     "VALUES ('old', 0, 1, 'PERCENT', 'x', '{}', '0.3333333333333333333333333333', '2024-01-01')")
        assert conn.execute("SELECT data_type FROM information_schema.columns WHERE table_name = 'mentions' "
                            "AND column_name = 'money_amount'").fetchone()[0] == "VARCHAR"
    run([str(source)], db_url=f"duckdb:///{path}", out_dir=None)
    with duckdb.connect(str(path), read_only=True) as conn:
        types = dict(conn.execute("SELECT column_name, data_type FROM information_schema.columns "
                                  "WHERE table_name IN ('mentions', 'documents')").fetchall())
        old = conn.execute("SELECT percent_value, date_start FROM mentions WHERE doc_id = 'old'").fetchone()
        version = conn.execute("SELECT MAX(version) FROM schema_version").fetchone()[0]
    assert types["money_amount"] == decimal and types["date_start"] == "DATE" and types["date"] == "DATE"
    assert str(old[0]) == "0.3333333333" and str(old[1]) == "2024-01-01"
    assert version == 5
