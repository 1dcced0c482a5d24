"""PostgreSQL specifics: a schema from the URL, NUMERIC value columns, NUL refused as a reject.
(Idempotency, kill-and-resume and the byte-identical round trip run against PostgreSQL in
test_batch.py.) A throwaway server is started by the fixture; skips only without a server binary."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest

from extract.batch import run
from extract.sinks.names import split_url
from pg_server import postgres_server_url, postgres_url  # noqa: F401  (fixtures)


def _src(tmp_path, rows):
    path = tmp_path / "p.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return str(path)


def test_split_url_checks_the_schema():
    assert split_url("postgresql://u@h:5/db?schema=news&sslmode=disable") == ("postgresql://u@h:5/db?sslmode=disable", "news")
    assert split_url("postgresql://u@h/db") == ("postgresql://u@h/db", None)
    for bad in ("Bad", "a-b", "x;drop", "1x", ""):
        with pytest.raises(ValueError, match="invalid name"):
            split_url(f"postgresql://u@h/db?schema={bad}")


def test_schema_prefix_and_numeric_columns(tmp_path, postgres_url):
    import psycopg

    src = _src(tmp_path, [{"id": "a", "date": "2024-01-04", "text": "营收超过13万亿元，增长7.11%，2023年1—9月。"}])
    s = run([src], db_url=postgres_url + "?schema=newsx", out_dir=None, table_prefix="t_")
    assert s.written == 1
    with psycopg.connect(postgres_url) as conn:
        assert conn.execute("SELECT COUNT(*) FROM newsx.t_documents").fetchone()[0] == 1
        types = dict(conn.execute(
            "SELECT column_name, data_type FROM information_schema.columns "
            "WHERE table_schema = 'newsx' AND table_name = 't_mentions'").fetchall())
        assert types["money_amount"] == types["percent_value"] == "numeric"
        assert types["start"] == "integer" and types["label"] == "text"
        assert types["date_start"] == types["date_end"] == "date" and types["date_resolved"] == "boolean"
        start, end = conn.execute("SELECT date_start, date_end FROM newsx.t_mentions WHERE date_value = '2023-01/2023-09'"
                                  ).fetchone()
        assert (start.isoformat(), end.isoformat()) == ("2023-01-01", "2023-09-30")
        for (value,) in conn.execute("SELECT money_amount FROM newsx.t_mentions WHERE money_amount IS NOT NULL"):
            assert isinstance(value, Decimal)
        date = conn.execute("SELECT date FROM newsx.t_documents").fetchone()[0]
        assert date.isoformat() == "2024-01-04"


def test_nul_in_text_is_a_reject_not_a_failure(tmp_path, postgres_url):
    import psycopg

    src = _src(tmp_path, [{"id": "ok", "text": "增长7.11%"}, {"id": "nul", "text": "a\x00b"}])
    missing = str(tmp_path / "missing.jsonl")
    for _ in range(2):  # a re-run refreshes the reject rows instead of adding to them
        s = run([src, missing], db_url=postgres_url, out_dir=tmp_path / "o")
        assert s.balanced() and (s.rejects, s.written + s.skipped) == (2, 1)
    first = json.loads((tmp_path / "o" / "rejects.jsonl").read_text(encoding="utf-8").splitlines()[0])
    assert first["line"] == 2 and "U+0000" in first["reason"]
    with psycopg.connect(postgres_url) as conn:
        rows = conn.execute("SELECT source, line FROM rejects ORDER BY line").fetchall()
    assert [r[1] for r in rows] == [2, None]


def test_workers_load_postgres(tmp_path, postgres_url):
    import psycopg

    rows = [{"id": f"d{i}", "date": "2024-01-04", "text": f"第{i}篇：营收超过{i}万元，增长{i}.5%。"} for i in range(300)]
    s = run([_src(tmp_path, rows)], db_url=postgres_url, out_dir=None, workers=2, batch_size=16)
    assert s.written == 300
    with psycopg.connect(postgres_url) as conn:
        assert conn.execute("SELECT COUNT(*) FROM mentions").fetchone()[0] == s.mentions
