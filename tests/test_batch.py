"""The main job (`newsx run`): counts balance, loads are idempotent, a killed run resumes, workers
change nothing, values and texts round-trip exactly — against SQLite, DuckDB and PostgreSQL.

Label-agnostic: expectations come from the pipeline itself, never from a given label's rules.
"""

from __future__ import annotations

import json
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from extract.batch import DocumentResult, RejectResult, process_chunk, read_units, chunked, run
from extract.intake.read import Reject, read_inputs
from extract.pipeline import extract_document
from extract.sinks.rows import MENTION_COLUMNS, mention_row
from pg_server import postgres_server_url, postgres_url  # noqa: F401  (fixtures)

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "corpus" / "texts" / "seed" / "000_34d8ece5c389fe8a.txt"
NASTY = "引号\"'\\反斜杠\\N\t控制\x01\x1f\x7f字符😀 emoji，\r\n营收超过13万亿元，增长7.11%。 \\. end"


def _docs(n: int, tmp: Path, broken_every: int = 0, name: str = "in.jsonl") -> Path:
    text = SEED.read_text(encoding="utf-8")
    path = tmp / name
    with path.open("w", encoding="utf-8") as fh:
        for i in range(n):
            if broken_every and i % broken_every == broken_every - 1:
                fh.write('{"id": "broken", "text": \n')
                continue
            fh.write(json.dumps({"id": f"d{i:05d}", "date": "2024-01-04", "text": text[: 400 + (i % 7) * 300]},
                                ensure_ascii=False) + "\n")
    return path


# -- backends ----------------------------------------------------------------------------------

class Backend:
    def __init__(self, kind: str, url: str):
        self.kind, self.url = kind, url

    def query(self, sql: str) -> list[tuple]:
        if self.kind == "sqlite":
            with sqlite3.connect(self.url[len("sqlite:///"):]) as conn:
                return conn.execute(sql).fetchall()
        import psycopg

        with psycopg.connect(self.url) as conn:
            return conn.execute(sql).fetchall()

    def counts(self) -> tuple[int, int]:
        return (self.query("SELECT COUNT(*) FROM documents")[0][0], self.query("SELECT COUNT(*) FROM mentions")[0][0])

    def exists(self) -> bool:
        try:
            self.counts()
            return True
        except Exception:  # noqa: BLE001 — not created yet
            return False


@pytest.fixture(params=["sqlite", "postgres"])
def backend(request, tmp_path):
    if request.param == "sqlite":
        return Backend("sqlite", f"sqlite:///{tmp_path}/x.sqlite")
    return Backend("postgres", request.getfixturevalue("postgres_url"))


# -- counts, idempotency, resume ---------------------------------------------------------------

def test_counts_balance_and_rerun_adds_nothing(tmp_path, backend):
    src = _docs(60, tmp_path, broken_every=20)
    s1 = run([str(src)], db_url=backend.url, out_dir=tmp_path / "out")
    assert s1.balanced() and (s1.documents_in, s1.written, s1.rejects) == (60, 57, 3)
    first = backend.counts()
    assert first[0] == 57 and first[1] == s1.mentions
    rejects_first = backend.query("SELECT COUNT(*) FROM rejects")[0][0]
    s2 = run([str(src)], db_url=backend.url, out_dir=tmp_path / "out2")
    assert s2.balanced() and s2.skipped == 57 and s2.written == 0 and s2.rejects == 3
    assert backend.counts() == first
    assert backend.query("SELECT COUNT(*) FROM rejects")[0][0] == rejects_first == 3
    assert backend.query("SELECT COUNT(*) FROM runs WHERE finished IS NOT NULL")[0][0] == 2
    rejects = (tmp_path / "out" / "rejects.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(rejects) == 3 and json.loads(rejects[0])["line"] == 20
    # the JSONL of a re-run is the whole input again, byte for byte
    assert (tmp_path / "out" / "mentions.jsonl").read_bytes() == (tmp_path / "out2" / "mentions.jsonl").read_bytes()


def test_changed_text_replaces_document_and_mentions(tmp_path, backend):
    src = tmp_path / "a.jsonl"
    src.write_text(json.dumps({"id": "a", "date": "2024-01-04", "text": "营收超过13万亿元，增长7.11%。"},
                              ensure_ascii=False) + "\n", encoding="utf-8")
    run([str(src)], db_url=backend.url, out_dir=None)
    src.write_text(json.dumps({"id": "a", "date": "2024-01-04", "text": "没有数字。"}, ensure_ascii=False) + "\n",
                   encoding="utf-8")
    s = run([str(src)], db_url=backend.url, out_dir=None)
    assert s.written == 1 and backend.counts() == (1, s.mentions)
    assert backend.query("SELECT text FROM documents")[0][0] == "没有数字。"


@pytest.mark.slow
def test_killed_run_resumes_without_duplicates_or_loss(tmp_path, backend):
    src = _docs(3000, tmp_path)
    clean_db = tmp_path / "clean.sqlite"
    run([str(src)], db_url=f"sqlite:///{clean_db}", out_dir=None)
    expected = Backend("sqlite", f"sqlite:///{clean_db}").counts()
    cmd = [sys.executable, "-m", "extract.cli", "run", str(src), "--db", backend.url, "--out", str(tmp_path / "o"),
           "--batch-size", "50"]
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 120
    while time.time() < deadline and proc.poll() is None:
        time.sleep(0.05)
        if backend.exists() and backend.counts()[0] >= 200:
            break
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    partial = backend.counts()[0]
    assert 0 < partial < 3000, "the run should have been killed midway"
    assert backend.query("SELECT COUNT(*) FROM runs WHERE finished IS NULL")[0][0] == 1
    done = subprocess.run(cmd, cwd=ROOT, check=True, capture_output=True, text=True)
    assert backend.counts() == expected
    assert f"skipped (already loaded) {partial} " in done.stderr and not done.stdout
    # no document lost its mentions in the kill: every stored mention set equals a clean run's
    got = backend.query('SELECT doc_id, start, "end", label FROM mentions ORDER BY doc_id, start, "end", label')
    want = Backend("sqlite", f"sqlite:///{clean_db}").query(
        'SELECT doc_id, start, "end", label FROM mentions ORDER BY doc_id, start, "end", label')
    assert [tuple(r) for r in got] == [tuple(r) for r in want]


# -- exact values and texts ----------------------------------------------------------------------

def test_typed_columns_and_exact_text_round_trip(tmp_path, backend):
    src = tmp_path / "n.jsonl"
    src.write_text(json.dumps({"id": "n", "date": "2024-01-04", "text": NASTY, "title": "t\\\"'", "x": [1, "😀"]},
                              ensure_ascii=False) + "\n", encoding="utf-8")
    run([str(src)], db_url=backend.url, out_dir=None)
    text, title, meta = backend.query("SELECT text, title, meta_json FROM documents WHERE id = 'n'")[0]
    assert text == NASTY and text.encode("utf-8") == NASTY.encode("utf-8")
    assert title == "t\\\"'" and json.loads(meta) == {"x": [1, "😀"]}
    # every mention's typed columns hold what the pipeline produced (Decimals exact)
    doc = next(d for d in read_inputs([str(src)]) if not isinstance(d, Reject))
    want = sorted(mention_row("n", m) for m in extract_document(doc).spans)
    cols = ", ".join('"end"' if c == "end" else c for c in MENTION_COLUMNS)
    got = sorted(tuple(None if v is None else (format(v, "f") if hasattr(v, "as_tuple") else
                                               v.isoformat() if hasattr(v, "isoformat") else v) for v in r)
                 for r in backend.query(f"SELECT {cols} FROM mentions"))
    assert got == want
    for row in got:
        assert NASTY[row[1]:row[2]] == row[4]


def test_duckdb_sink(tmp_path):
    duckdb = pytest.importorskip("duckdb")
    src = _docs(10, tmp_path)
    db = tmp_path / "x.duckdb"
    s = run([str(src)], db_url=f"duckdb:///{db}", out_dir=None)
    assert s.balanced() and s.written == 10
    s2 = run([str(src)], db_url=f"duckdb:///{db}", out_dir=None)
    assert s2.skipped == 10
    conn = duckdb.connect(str(db))
    assert conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0] == 10
    assert conn.execute("SELECT COUNT(*) FROM mentions").fetchone()[0] == s.mentions
    conn.close()


def test_unsafe_names_are_refused(tmp_path):
    with pytest.raises(ValueError, match="invalid name"):
        run([str(_docs(1, tmp_path))], db_url=f"sqlite:///{tmp_path}/y.sqlite", out_dir=None,
            table_prefix="x; DROP TABLE documents; --")
    with pytest.raises(ValueError, match="invalid name"):
        run([str(_docs(1, tmp_path))], db_url="postgresql://nobody@127.0.0.1:1/x?schema=a;drop", out_dir=None)
    with pytest.raises(ValueError, match="unsupported database URL"):
        run([str(_docs(1, tmp_path))], db_url="mysql://x", out_dir=None)


def test_table_prefix(tmp_path):
    db = tmp_path / "p.sqlite"
    s = run([str(_docs(5, tmp_path))], db_url=f"sqlite:///{db}", out_dir=None, table_prefix="news_")
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT COUNT(*) FROM news_documents").fetchone()[0] == s.written == 5


def test_duplicate_ids_in_one_input(tmp_path):
    src = tmp_path / "d.jsonl"
    rows = [{"id": "a", "text": "增长7.11%"}, {"id": "a", "text": "增长7.11%"}, {"id": "a", "text": "另一篇"}]
    src.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    s = run([str(src)], db_url=f"sqlite:///{tmp_path}/d.sqlite", out_dir=tmp_path / "o")
    assert s.balanced() and (s.written, s.skipped, s.rejects) == (1, 1, 1)
    reject = json.loads((tmp_path / "o" / "rejects.jsonl").read_text(encoding="utf-8"))
    assert reject["line"] == 3 and "duplicate id" in reject["reason"]


# -- files, workers, streaming ---------------------------------------------------------------------

def test_units_give_what_read_inputs_gives(tmp_path):
    src = _docs(30, tmp_path, broken_every=7)
    (tmp_path / "blank.jsonl").write_text('\n{"id": "z", "text": "x"}\n\n[1]\n', encoding="utf-8")
    inputs = [str(tmp_path), str(ROOT / "corpus" / "texts" / "seed"), str(tmp_path / "missing")]
    expected = list(read_inputs(inputs))
    got = [r for chunk in chunked(read_units(inputs), 4) for r in process_chunk(chunk)]
    assert len(got) == len(expected)
    for item, res in zip(expected, got):
        if isinstance(item, Reject):
            assert isinstance(res, RejectResult) and res.reject._asdict() == item.as_dict()
        else:
            assert isinstance(res, DocumentResult) and res.document.id == item.id and res.document.text == item.text
    assert src.exists()


def test_workers_give_identical_output(tmp_path):
    src = _docs(120, tmp_path, broken_every=25)
    outs = {}
    for n in (1, 2):
        db = tmp_path / f"w{n}.sqlite"
        s = run([str(src), str(ROOT / "corpus" / "texts" / "seed")], db_url=f"sqlite:///{db}",
                out_dir=tmp_path / f"o{n}", workers=n, batch_size=7)
        with sqlite3.connect(db) as conn:
            rows = conn.execute(f"SELECT {', '.join(chr(34) + c + chr(34) for c in MENTION_COLUMNS)} FROM mentions "
                                'ORDER BY doc_id, start').fetchall()
            docs = conn.execute("SELECT id, text, text_sha256, meta_json FROM documents ORDER BY id").fetchall()
            facts = conn.execute("SELECT * FROM facts ORDER BY doc_id, fact_no").fetchall()
        assert facts and s.facts == len(facts)
        outs[n] = (s.documents_in, s.written, s.rejects, s.mentions, s.by_label, rows, docs, facts,
                   (tmp_path / f"o{n}" / "mentions.jsonl").read_bytes(),
                   (tmp_path / f"o{n}" / "rejects.jsonl").read_bytes())
    assert outs[1] == outs[2]


def test_parquet_output_matches_database(tmp_path):
    pq = pytest.importorskip("pyarrow.parquet")
    src = _docs(40, tmp_path)
    db = tmp_path / "x.sqlite"
    s = run([str(src)], db_url=f"sqlite:///{db}", out_dir=tmp_path / "o", batch_size=9)
    mentions = pq.read_table(tmp_path / "o" / "mentions.parquet")
    documents = pq.read_table(tmp_path / "o" / "documents.parquet")
    assert mentions.column_names == MENTION_COLUMNS
    assert mentions.num_rows == s.mentions and documents.num_rows == 40
    facts = pq.read_table(tmp_path / "o" / "facts.parquet")
    with sqlite3.connect(db) as conn:
        stored = conn.execute("SELECT doc_id, fact_no, value_amount, period_start FROM facts ORDER BY doc_id, fact_no").fetchall()
    assert facts.num_rows == s.facts == len(stored) > 0
    got = sorted((r["doc_id"], r["fact_no"], None if r["value_amount"] is None else format(r["value_amount"].normalize(), "f"),
                  None if r["period_start"] is None else r["period_start"].isoformat()) for r in facts.to_pylist())
    assert got == [(a, b, None if c is None else format(__import__("decimal").Decimal(c).normalize(), "f"), d)
                   for a, b, c, d in stored]
    with sqlite3.connect(db) as conn:
        texts = dict(conn.execute("SELECT id, text FROM documents").fetchall())
    assert dict(zip(documents.column("id").to_pylist(), documents.column("text").to_pylist())) == texts
    assert not list((tmp_path / "o").glob("*.partial"))


def test_cli_run_prints_summary(tmp_path):
    src = _docs(5, tmp_path)
    done = subprocess.run([sys.executable, "-m", "extract.cli", "run", str(src), "--db", f"sqlite:///{tmp_path}/c.sqlite",
                           "--out", str(tmp_path / "o"), "-j", "2", "--no-progress"],
                          cwd=ROOT, capture_output=True, text=True, check=True)
    assert "documents in: 5 = written 5 + skipped (already loaded) 0 + rejects 0" in done.stderr and not done.stdout
    bad = subprocess.run([sys.executable, "-m", "extract.cli", "run", str(src), "--table-prefix", "A-B"],
                         cwd=ROOT, capture_output=True, text=True)
    assert bad.returncode == 2 and "invalid name" in bad.stderr


def test_a_document_that_fails_validation_is_a_reject(tmp_path, monkeypatch):
    import extract.batch as batch

    real = batch.process_document

    def flaky(doc, labels=None, config="", facts=False):
        if doc.id == "bad":
            raise ValueError("mention 'x' at 1-2 is not the document text there\nmore detail")
        return real(doc, labels, config, facts=facts)

    monkeypatch.setattr(batch, "process_document", flaky)
    src = tmp_path / "v.jsonl"
    src.write_text('{"id": "ok", "text": "增长7.11%"}\n{"id": "bad", "text": "x"}\n', encoding="utf-8")
    s = run([str(src)], db_url=f"sqlite:///{tmp_path}/v.sqlite", out_dir=None)
    assert s.balanced() and (s.written, s.rejects) == (1, 1)
    assert s.reject_reasons == [f"{src}:2: extraction failed: ValueError: mention 'x' at 1-2 is not the document text there"]


# -- facts -----------------------------------------------------------------------------------------
# Two facts known by reading: 苏州工业园区 and 中关村科技园区 (both in the registry), operating
# revenue, the year 2023, 100.15亿元 (+10% yoy) and 8.5亿元 (−2.5% yoy).

FACT_TEXT = "2023年，苏州工业园区实现营业收入100.15亿元，同比增长10%；中关村科技园区实现营业收入8.5亿元，同比下降2.5%。"
SUZHOU = {"doc_id": "f", "fact_no": 0, "sentence_start": 0, "sentence_end": len(FACT_TEXT),
          "subject_kind": "park", "subject_canonical": "苏州工业园区", "park_id": "etdz-32-da3252",
          "subject_region": None, "subject_count": None, "subject_start": 6, "subject_end": 12, "resolved_by": "explicit",
          "segment": None, "indicator_id": "operating_revenue", "indicator_text": "营业收入", "indicator_start": 14,
          "indicator_end": 18, "scope": None, "period_value": "2023", "period_kind": "flow",
          "period_mention_start": 0, "period_mention_end": 5, "period_start": "2023-01-01", "period_end": "2023-12-31",
          "value_label": "MONEY", "value_start": 18, "value_end": 26, "value_amount": "10015000000",
          "value_currency": "CNY", "value_fraction": None, "value_unit": None, "value_qualifier": "exact",
          "share_value": None, "share_of": None, "share_start": None, "share_end": None, "modality": "actual",
          "rule": "fact.verb_value"}
FACT_SUM = __import__("decimal").Decimal("10865000000")  # 100.15亿元 + 8.5亿元


def _fact_src(tmp_path: Path, text: str = FACT_TEXT, doc_id: str = "f") -> Path:
    src = tmp_path / f"{doc_id}.jsonl"
    src.write_text(json.dumps({"id": doc_id, "date": "2024-01-05", "text": text}, ensure_ascii=False) + "\n",
                   encoding="utf-8")
    return src


def _plain(v):
    """A value read back from an engine, as the fact tuples hold it (exact decimal text, ISO days)."""
    from decimal import Decimal

    if isinstance(v, Decimal):
        return format(v.normalize(), "f")
    return v.isoformat() if hasattr(v, "isoformat") else v


def _check_facts(rows: list[dict], total) -> None:
    from decimal import Decimal

    assert [r["fact_no"] for r in rows] == [0, 1]
    got = {k: _plain(v) for k, v in rows[0].items() if k in SUZHOU}
    assert got == SUZHOU
    changes = rows[0]["changes_json"]
    changes = json.loads(changes) if isinstance(changes, str) else changes
    assert [(c["basis"], c["metric"], c["value"]) for c in changes] == [("yoy", "percent", "0.1")]
    assert rows[1]["subject_canonical"] == "中关村科技园区" and _plain(rows[1]["value_amount"]) == "850000000"
    assert isinstance(total, Decimal) and total == FACT_SUM


def _dicts(cur) -> list[dict]:
    cols = [d[0] for d in cur.description]
    return [dict(zip(cols, r)) for r in cur.fetchall()]


JOIN = ("SELECT f.subject_canonical, p.canonical, p.level, p.province FROM facts f JOIN parks p ON f.park_id = p.id "
        "ORDER BY f.fact_no")


def test_facts_in_sqlite_and_parquet(tmp_path):
    from decimal import Decimal

    pq = pytest.importorskip("pyarrow.parquet")
    import pyarrow.compute as pc

    db = tmp_path / "f.sqlite"
    s = run([str(_fact_src(tmp_path))], db_url=f"sqlite:///{db}", out_dir=tmp_path / "o")
    assert s.balanced() and s.facts == 2 and "facts: 2 written" in s.text()
    with sqlite3.connect(db) as conn:
        rows = _dicts(conn.execute("SELECT * FROM facts ORDER BY fact_no"))
        # SQLite has no decimal type: amounts are exact decimal text (its own sum() would be a float)
        assert conn.execute("SELECT typeof(value_amount) FROM facts").fetchall() == [("text",), ("text",)]
        total = sum(Decimal(r["value_amount"]) for r in rows)
        _check_facts(rows, total)
        assert conn.execute(JOIN).fetchall() == [("苏州工业园区", "苏州工业园区", "national", "江苏省"),
                                                ("中关村科技园区", "中关村科技园区", "national", "北京市")]
        assert conn.execute("SELECT facts FROM runs").fetchone()[0] == 2
    import extract

    frame = extract.read(f"sqlite:///{db}", "facts")  # typed in Python: the sum SQLite cannot do
    assert frame.value_amount.sum() == FACT_SUM and isinstance(frame.value_amount.sum(), Decimal)
    assert str(frame.fact_no.dtype) == "Int64" and str(frame.period_start.dtype).startswith("datetime64")
    table = pq.read_table(tmp_path / "o" / "facts.parquet")
    assert str(table.schema.field("value_amount").type) == "decimal128(38, 10)"
    assert str(table.schema.field("period_start").type) == "date32[day]"
    _check_facts(table.to_pylist(), pc.sum(table["value_amount"]).as_py())
    line = json.loads((tmp_path / "o" / "mentions.jsonl").read_text(encoding="utf-8"))
    assert [f["value"]["amount"] for f in line["facts"]] == ["10015000000", "850000000"]


def test_facts_in_duckdb(tmp_path):
    duckdb = pytest.importorskip("duckdb")
    db = tmp_path / "f.duckdb"
    s = run([str(_fact_src(tmp_path))], db_url=f"duckdb:///{db}", out_dir=None)
    assert s.facts == 2
    conn = duckdb.connect(str(db))
    try:
        rows = _dicts(conn.execute("SELECT * FROM facts ORDER BY fact_no"))
        total = conn.execute("SELECT sum(value_amount) FROM facts").fetchone()[0]
        _check_facts(rows, total)
        assert conn.execute("SELECT typeof(value_amount), typeof(period_end) FROM facts LIMIT 1").fetchone() == \
            ("DECIMAL(38,10)", "DATE")
        assert [r[:3] for r in conn.execute(JOIN).fetchall()] == [("苏州工业园区", "苏州工业园区", "national"),
                                                                 ("中关村科技园区", "中关村科技园区", "national")]
    finally:
        conn.close()


def test_facts_in_postgres(tmp_path, postgres_url):
    import psycopg

    s = run([str(_fact_src(tmp_path))], db_url=postgres_url, out_dir=None)
    assert s.facts == 2
    with psycopg.connect(postgres_url) as conn:
        rows = _dicts(conn.execute("SELECT * FROM facts ORDER BY fact_no"))
        total = conn.execute("SELECT sum(value_amount) FROM facts").fetchone()[0]
        _check_facts(rows, total)
        types = dict(conn.execute("SELECT column_name, data_type FROM information_schema.columns "
                                  "WHERE table_name = 'facts'").fetchall())
        assert (types["value_amount"], types["period_start"], types["changes_json"]) == ("numeric", "date", "jsonb")
        assert conn.execute("SELECT changes_json->0->>'basis' FROM facts WHERE fact_no = 0").fetchone()[0] == "yoy"
        assert [r[:3] for r in conn.execute(JOIN).fetchall()] == [("苏州工业园区", "苏州工业园区", "national"),
                                                                 ("中关村科技园区", "中关村科技园区", "national")]


def test_facts_reruns_converge(tmp_path, backend):
    src = _fact_src(tmp_path)
    s1 = run([str(src)], db_url=backend.url, out_dir=tmp_path / "o1", facts=False)
    assert s1.facts is None and "facts:" not in s1.text()
    assert backend.query("SELECT COUNT(*) FROM facts")[0][0] == 0
    assert "facts" not in json.loads((tmp_path / "o1" / "mentions.jsonl").read_text(encoding="utf-8"))
    assert not (tmp_path / "o1" / "facts.parquet").exists()
    s2 = run([str(src)], db_url=backend.url, out_dir=None)  # with facts: the document is rewritten
    assert (s2.written, s2.skipped, s2.facts) == (1, 0, 2)
    assert backend.query("SELECT COUNT(*) FROM facts")[0][0] == 2
    s3 = run([str(src)], db_url=backend.url, out_dir=None)
    assert (s3.written, s3.skipped, s3.facts, s3.facts_skipped) == (0, 1, 0, 2)
    # a changed text replaces the facts with the document
    _fact_src(tmp_path, "2022年，苏州工业园区实现营业收入90亿元。")
    s4 = run([str(src)], db_url=backend.url, out_dir=None)
    assert (s4.written, s4.facts) == (1, 1)
    assert [tuple(r) for r in backend.query("SELECT fact_no, period_value FROM facts")] == [(0, "2022")]
    s5 = run([str(src)], db_url=backend.url, out_dir=None, facts=False)  # and --no-facts removes them
    assert s5.written == 1 and backend.query("SELECT COUNT(*) FROM facts")[0][0] == 0


def test_a_value_the_columns_cannot_hold_is_a_reject(tmp_path):
    # 1.1234567890123456789亿元 = 112345678.90123456789 yuan: 11 decimal places, more than
    # DECIMAL(38, 10) holds; the document is a reject (never a rounded amount), the run goes on —
    # in every engine alike (SQLite's text could hold it, DuckDB's and Parquet's decimals not),
    # with facts or without (the MONEY mention's own column is DECIMAL(38, 10) too)
    bad = _fact_src(tmp_path, "2023年，苏州工业园区实现营业收入1.1234567890123456789亿元。", "bad")
    s = run([str(_fact_src(tmp_path)), str(bad)], db_url=f"sqlite:///{tmp_path}/r.sqlite", out_dir=None)
    assert s.balanced() and (s.documents_in, s.written, s.rejects, s.facts) == (2, 1, 1, 2)
    assert "does not fit DECIMAL(38, 10)" in s.reject_reasons[0]
    s = run([str(bad)], db_url=f"sqlite:///{tmp_path}/r2.sqlite", out_dir=None, facts=False)
    assert s.balanced() and (s.written, s.rejects) == (0, 1)
    assert "MONEY mention at" in s.reject_reasons[0] and "money_amount" in s.reject_reasons[0]


def test_a_repeating_fraction_is_rounded_to_the_column(tmp_path):
    # 三分之一 is 0.3333333333333333333333333333 in the fact (the Decimal context's 28 digits, already
    # rounded): stored to the column's 10 places, the JSONL keeping the fact's own value
    src = _fact_src(tmp_path, "2023年，苏州工业园区营业收入占全市的三分之一。", "third")
    s = run([str(src)], db_url=f"sqlite:///{tmp_path}/t.sqlite", out_dir=tmp_path / "o")
    assert (s.written, s.facts) == (1, 1)
    with sqlite3.connect(tmp_path / "t.sqlite") as conn:
        assert conn.execute("SELECT share_value, share_of FROM facts").fetchall() == [("0.3333333333", "全市")]
    line = json.loads((tmp_path / "o" / "mentions.jsonl").read_text(encoding="utf-8"))
    assert line["facts"][0]["share"]["value"] == "0.3333333333333333333333333333"


@pytest.mark.parametrize("engine", ["sqlite", "duckdb"])
def test_a_v3_database_is_migrated_to_the_current_schema(tmp_path, engine):
    """A v3 file (before facts: no facts table, no runs.facts) gains both (v4), and its stored
    documents are rewritten with their facts by the next run; later steps (v5: typed mention
    columns) follow in the same migration."""
    from extract.sinks.sql import SCHEMA_VERSION, ddl

    assert SCHEMA_VERSION >= 4
    path = tmp_path / f"v3.{engine}"
    v3 = [s.replace("  version TEXT,\n  facts INTEGER DEFAULT 0\n", "  version TEXT\n") for s in ddl()
          if "facts (" not in s]
    if engine == "sqlite":
        conn = sqlite3.connect(path)
    else:
        duckdb = pytest.importorskip("duckdb")
        conn = duckdb.connect(str(path))
    for stmt in v3:
        conn.execute(stmt)
    conn.execute("INSERT INTO schema_version VALUES (3, '2026-01-01')")
    conn.execute("INSERT INTO runs (id, started, version) VALUES ('old', '2026-01-01', '0.1.0')")
    conn.commit()
    conn.close()
    url = f"{engine}:///{path}"
    s1 = run([str(_fact_src(tmp_path))], db_url=url, out_dir=None, facts=False)  # migrates, no facts yet
    assert s1.written == 1
    s2 = run([str(_fact_src(tmp_path))], db_url=url, out_dir=None)
    assert (s2.written, s2.facts) == (1, 2)
    if engine == "sqlite":
        conn = sqlite3.connect(path)
    else:
        conn = duckdb.connect(str(path))
    try:
        assert conn.execute("SELECT version FROM schema_version ORDER BY version").fetchall() == [(3,), (SCHEMA_VERSION,)]
        assert conn.execute("SELECT COUNT(*) FROM facts").fetchone()[0] == 2
        assert conn.execute("SELECT facts FROM runs WHERE id = 'old'").fetchone()[0] in (0, None)
        assert sorted(r[0] for r in conn.execute("SELECT facts FROM runs WHERE id <> 'old'").fetchall()) == [0, 2]
    finally:
        conn.close()
