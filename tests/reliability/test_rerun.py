"""Reruns converge (issue 19, item 2): a document is skipped only when its fingerprint (text,
date, metadata, labels, version, registry) is unchanged; otherwise its rows are replaced; a
fixed line clears its old reject; an old database is migrated, never silently left old."""

from __future__ import annotations

import json
import sqlite3

import pytest

from extract.batch import run
from pg_server import postgres_server_url, postgres_url  # noqa: F401  (fixtures)
from reliability.test_poison import Db

TEXT = "今年1月2日，园区营收超过13万亿元，增长7.11%。"


@pytest.fixture(params=["sqlite", "postgres"])
def db(request, tmp_path):
    if request.param == "sqlite":
        return Db("sqlite", f"sqlite:///{tmp_path}/r.sqlite")
    return Db("postgres", request.getfixturevalue("postgres_url"))


def _write(path, rows):
    path.write_text("".join(r if isinstance(r, str) else json.dumps(r, ensure_ascii=False) + "\n" for r in rows),
                    encoding="utf-8")


def _labels(db):
    return {r[0]: r[1] for r in db.query("SELECT label, COUNT(*) FROM mentions GROUP BY label")}


def test_labels_subset_then_full_run_fills_every_label(tmp_path, db):
    src = tmp_path / "a.jsonl"
    _write(src, [{"id": f"d{i}", "date": "2024-01-04", "text": TEXT} for i in range(5)])
    s1 = run([str(src)], db_url=db.url, out_dir=None, labels=["MONEY"])
    assert set(_labels(db)) == {"MONEY"} and s1.written == 5
    s2 = run([str(src)], db_url=db.url, out_dir=None)
    assert s2.balanced() and (s2.written, s2.skipped) == (5, 0)
    full = run([str(src)], db_url=None, out_dir=None)
    assert _labels(db) == full.by_label and {"MONEY", "PERCENT", "DATE"} <= set(full.by_label)
    s3 = run([str(src)], db_url=db.url, out_dir=None)
    assert (s3.written, s3.skipped, s3.mentions) == (0, 5, 0) and s3.mentions_skipped == full.mentions


@pytest.mark.parametrize("change", [{"date": "2025-06-30"}, {"title": "新标题"}, {"source": "报社"}, {"extra": 1}])
def test_changed_date_or_metadata_replaces_the_rows(tmp_path, db, change):
    src = tmp_path / "a.jsonl"
    _write(src, [{"id": "a", "date": "2024-01-04", "text": TEXT}])
    run([str(src)], db_url=db.url, out_dir=None)
    before = db.query("SELECT date_value FROM mentions WHERE label = 'DATE' ORDER BY start")
    _write(src, [{"id": "a", "date": "2024-01-04", "text": TEXT, **change}])
    s = run([str(src)], db_url=db.url, out_dir=None)
    assert (s.written, s.skipped) == (1, 0)
    assert db.query("SELECT COUNT(*) FROM documents")[0][0] == 1
    after = db.query("SELECT date_value FROM mentions WHERE label = 'DATE' ORDER BY start")
    if "date" in change:  # 今年1月2日 resolved against the corrected date
        assert before != after and str(after[0][0]).startswith("2025-01-02")
    else:
        assert before == after
    meta = json.loads(db.query("SELECT meta_json FROM documents")[0][0]) if "extra" in change else None
    assert meta in (None, {"extra": 1})


def test_a_fixed_line_clears_its_reject(tmp_path, db):
    src = tmp_path / "a.jsonl"
    _write(src, [{"id": "a", "text": TEXT}, '{"id": "b", "text": \n'])
    s1 = run([str(src)], db_url=db.url, out_dir=None)
    assert s1.rejects == 1 and db.query("SELECT line FROM rejects")[0][0] == 2
    _write(src, [{"id": "a", "text": TEXT}, {"id": "b", "text": TEXT}])
    s2 = run([str(src)], db_url=db.url, out_dir=None)
    assert (s2.written, s2.skipped, s2.rejects) == (1, 1, 0)
    assert db.query("SELECT COUNT(*) FROM rejects")[0][0] == 0


LEGACY = [
    "CREATE TABLE runs (id {serial}, started TEXT NOT NULL, finished TEXT, inputs TEXT, documents INTEGER DEFAULT 0,"
    " mentions INTEGER DEFAULT 0, rejects INTEGER DEFAULT 0, skipped INTEGER DEFAULT 0, version TEXT)",
    "CREATE TABLE documents (id TEXT PRIMARY KEY, date {date}, source TEXT, title TEXT, text TEXT NOT NULL,"
    " text_sha256 TEXT NOT NULL, meta_json TEXT, run_id INTEGER)",
    "CREATE TABLE mentions (doc_id TEXT NOT NULL, start INTEGER NOT NULL, \"end\" INTEGER NOT NULL, label TEXT NOT NULL,"
    " text TEXT NOT NULL, rule TEXT, value_json TEXT NOT NULL, money_amount {dec}, PRIMARY KEY (doc_id, start, \"end\", label))",
    "CREATE TABLE rejects (run_id INTEGER, source TEXT, line INTEGER, reason TEXT, raw TEXT)",
    "INSERT INTO runs (id, started) VALUES (1, '2024-01-01')",
    "INSERT INTO documents VALUES ('old', NULL, NULL, NULL, 'x', 'h', '{{}}', 1)",
]


def test_a_database_made_before_versioning_is_migrated(tmp_path, db):
    kinds = {"sqlite": dict(serial="INTEGER PRIMARY KEY", date="TEXT", dec="TEXT"),
             "postgres": dict(serial="INTEGER PRIMARY KEY", date="DATE", dec="NUMERIC")}[db.kind]
    if db.kind == "sqlite":
        with sqlite3.connect(db.url[len("sqlite:///"):]) as conn:
            for stmt in LEGACY:
                conn.execute(stmt.format(**kinds))
    else:
        import psycopg

        with psycopg.connect(db.url) as conn:
            for stmt in LEGACY:
                conn.execute(stmt.format(**kinds))
    src = tmp_path / "a.jsonl"
    _write(src, [{"id": "a", "date": "2024-01-04", "text": TEXT}])
    s = run([str(src)], db_url=db.url, out_dir=None)
    assert s.written == 1
    assert db.query("SELECT MAX(version) FROM schema_version")[0][0] >= 2
    ids = [str(r[0]) for r in db.query("SELECT id FROM runs ORDER BY started")]
    assert ids[0] == "1" and len(ids[1]) == 36  # the old run kept, the new one a uuid
    assert db.query("SELECT COUNT(*) FROM mentions WHERE percent_value IS NOT NULL")[0][0] >= 1  # column added
    run([str(src)], db_url=db.url, out_dir=None)  # a migrated database opens again unchanged
    assert db.query("SELECT COUNT(*) FROM schema_version")[0][0] == 1


def test_a_newer_schema_is_refused(tmp_path):
    from extract.sinks.sql import SCHEMA_VERSION, SchemaError

    path = tmp_path / "n.sqlite"
    run([], db_url=f"sqlite:///{path}", out_dir=None)
    with sqlite3.connect(path) as conn:
        conn.execute("INSERT INTO schema_version VALUES (?, 'future')", (SCHEMA_VERSION + 1,))
    with pytest.raises(SchemaError, match="newer than this newsx"):
        run([], db_url=f"sqlite:///{path}", out_dir=None)


def test_parks_table_joins_park_mentions(tmp_path, db):
    from extract.park.registry import load_registry

    src = tmp_path / "p.jsonl"
    _write(src, [{"id": "p", "text": "中关村科技园区与苏州工业园区签约。"}])
    run([str(src)], db_url=db.url, out_dir=None)
    assert db.query("SELECT COUNT(*) FROM parks")[0][0] == len({e.id for e in load_registry()})
    rows = db.query("SELECT m.text, p.type, p.level FROM mentions m JOIN parks p ON p.id = m.park_id "
                    "WHERE m.label = 'PARK' ORDER BY m.start")
    assert rows and all(r[1] and r[2] for r in rows)
    run([str(src)], db_url=db.url, out_dir=None)  # refreshed, not doubled
    assert db.query("SELECT COUNT(*) FROM parks")[0][0] == len({e.id for e in load_registry()})
