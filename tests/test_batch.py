"""The main job against SQLite and DuckDB: counts balance, loads are idempotent, a killed run resumes."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from extract.batch import run

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "corpus" / "texts" / "seed" / "000_34d8ece5c389fe8a.txt"


def _docs(n: int, tmp: Path, broken_every: int = 0) -> Path:
    text = SEED.read_text(encoding="utf-8")
    path = tmp / "in.jsonl"
    with path.open("w", encoding="utf-8") as fh:
        for i in range(n):
            if broken_every and i % broken_every == broken_every - 1:
                fh.write('{"id": "broken", "text": \n')
                continue
            fh.write(json.dumps({"id": f"d{i:05d}", "date": "2024-01-04", "text": text[: 400 + (i % 7) * 300]},
                                ensure_ascii=False) + "\n")
    return path


def _counts(db: Path) -> tuple[int, int]:
    with sqlite3.connect(db) as conn:
        return (conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0],
                conn.execute("SELECT COUNT(*) FROM mentions").fetchone()[0])


def test_counts_balance_and_rerun_adds_nothing(tmp_path):
    src = _docs(60, tmp_path, broken_every=20)
    db = tmp_path / "x.sqlite"
    s1 = run([str(src)], db_url=f"sqlite:///{db}", out_dir=tmp_path / "out")
    assert s1.balanced() and (s1.documents_in, s1.written, s1.rejects) == (60, 57, 3)
    first = _counts(db)
    assert first[0] == 57 and first[1] > 0
    s2 = run([str(src)], db_url=f"sqlite:///{db}", out_dir=tmp_path / "out2")
    assert s2.balanced() and s2.skipped == 57 and s2.written == 0
    assert _counts(db) == first
    rejects = (tmp_path / "out" / "rejects.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(rejects) == 3 and json.loads(rejects[0])["line"] == 20


def test_typed_columns_and_exact_text_round_trip(tmp_path):
    nasty = "引号\"'\\反斜杠\t控制\x01\x1f字符😀 emoji，营收超过13万亿元，增长7.11%。"
    src = tmp_path / "n.jsonl"
    src.write_text(json.dumps({"id": "n", "date": "2024-01-04", "text": nasty}, ensure_ascii=False) + "\n", encoding="utf-8")
    db = tmp_path / "n.sqlite"
    run([str(src)], db_url=f"sqlite:///{db}", out_dir=None)
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT text FROM documents WHERE id='n'").fetchone()[0] == nasty
        rows = conn.execute('SELECT label, text, money_amount, percent_value FROM mentions ORDER BY start').fetchall()
    labels = {r[0]: r for r in rows}
    assert labels["MONEY"][2] == "13000000000000"
    assert labels["PERCENT"][3] == "0.0711"


def test_duckdb_sink(tmp_path):
    duckdb = pytest.importorskip("duckdb")
    src = _docs(10, tmp_path)
    db = tmp_path / "x.duckdb"
    s = run([str(src)], db_url=f"duckdb:///{db}", out_dir=None)
    assert s.balanced() and s.written == 10
    run([str(src)], db_url=f"duckdb:///{db}", out_dir=None)
    conn = duckdb.connect(str(db))
    assert conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0] == 10
    conn.close()


def test_unsafe_table_prefix_is_refused(tmp_path):
    with pytest.raises(ValueError, match="invalid name"):
        run([str(_docs(1, tmp_path))], db_url=f"sqlite:///{tmp_path}/y.sqlite", out_dir=None,
            table_prefix="x; DROP TABLE documents; --")


@pytest.mark.slow
def test_killed_run_resumes_without_duplicates_or_loss(tmp_path):
    src = _docs(3000, tmp_path)
    db = tmp_path / "k.sqlite"
    clean_db = tmp_path / "clean.sqlite"
    run([str(src)], db_url=f"sqlite:///{clean_db}", out_dir=None)
    expected = _counts(clean_db)
    cmd = [sys.executable, "-m", "extract.cli", "run", str(src), "--db", f"sqlite:///{db}", "--out", str(tmp_path / "o"), "--batch-size", "50"]
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 120
    while time.time() < deadline:
        time.sleep(0.05)
        if db.exists():
            try:
                if _counts(db)[0] >= 200:
                    break
            except sqlite3.OperationalError:
                pass
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    partial = _counts(db)[0]
    assert 0 < partial < 3000, "the run should have been killed midway"
    subprocess.run(cmd, cwd=ROOT, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    assert _counts(db) == expected
