"""Concurrent runs on one database (issue 19, item 5): 8 real `newsx run` processes started
together on one SQLite file and on one PostgreSQL database, several trials: 0 failures, every
run's counts balance, and the database holds each document once with a clean run's mentions."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import pytest

from extract.batch import run
from pg_server import postgres_server_url, postgres_url  # noqa: F401  (fixtures)
from reliability.test_poison import Db

ROOT = Path(__file__).resolve().parents[2]
TEXT = "截至2023年12月29日，苏州工业园区营收超过13万亿元，同比增长7.11%。"
RUNS, TRIALS = 8, 5


def _inputs(tmp: Path) -> list[Path]:
    """Overlapping inputs: every run shares half its documents with the others."""
    paths = []
    for k in range(RUNS):
        path = tmp / f"in{k}.jsonl"
        ids = [f"shared{i}" for i in range(20)] + [f"own{k}_{i}" for i in range(20)]
        path.write_text("".join(json.dumps({"id": i, "date": "2024-01-04", "text": f"{i}：" + TEXT}, ensure_ascii=False)
                                + "\n" for i in ids), encoding="utf-8")
        paths.append(path)
    return paths


@pytest.fixture(params=["sqlite", "postgres"])
def db_factory(request, tmp_path):
    if request.param == "sqlite":
        yield lambda trial: Db("sqlite", f"sqlite:///{tmp_path}/c{trial}.sqlite")
        return
    base = request.getfixturevalue("postgres_server_url")
    import psycopg
    import uuid

    made = []

    def make(trial):
        name = "c_" + uuid.uuid4().hex[:10]
        with psycopg.connect(base, autocommit=True) as conn:
            conn.execute(f"CREATE DATABASE {name}")
        made.append(name)
        return Db("postgres", base.rpartition("/")[0] + "/" + name)

    yield make
    with psycopg.connect(base, autocommit=True) as conn:
        for name in made:
            conn.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


@pytest.mark.slow
def test_eight_concurrent_runs_on_one_database(tmp_path, db_factory):
    paths = _inputs(tmp_path)
    ref_url = f"sqlite:///{tmp_path}/ref.sqlite"
    run([str(p) for p in paths], db_url=ref_url, out_dir=None)
    ref = Db("sqlite", ref_url)
    q = 'SELECT doc_id, start, "end", label, text FROM mentions ORDER BY doc_id, start, "end", label'
    failures = []
    for trial in range(TRIALS):
        db = db_factory(trial)
        procs = [subprocess.Popen([sys.executable, "-m", "extract.cli", "run", str(p), "--db", db.url, "--out",
                                   str(tmp_path / f"o{trial}_{k}"), "--no-progress", "--batch-size", "7"],
                                  cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
                 for k, p in enumerate(paths)]
        for proc in procs:
            out, err = proc.communicate(timeout=300)
            if proc.returncode != 0 or "documents in: 40 = " not in err or out:
                failures.append((trial, proc.returncode, err.strip().splitlines()[-1:] if err else out))
        assert db.query("SELECT COUNT(*) FROM documents")[0][0] == 20 + 20 * RUNS
        assert [tuple(r) for r in db.query(q)] == [tuple(r) for r in ref.query(q)]
        assert db.query("SELECT COUNT(DISTINCT id) FROM runs WHERE finished IS NOT NULL")[0][0] == RUNS
        assert db.query("SELECT COUNT(*) FROM schema_version")[0][0] == 1
    assert failures == []


def test_the_same_input_twice_moments_apart(tmp_path):
    """The issue's case: the second run started 0.3 s after the first used to crash on documents.id."""
    src = _inputs(tmp_path)[0]
    url = f"sqlite:///{tmp_path}/twice.sqlite"
    cmd = [sys.executable, "-m", "extract.cli", "run", str(src), "--db", url, "--no-progress", "--batch-size", "3"]
    first = subprocess.Popen(cmd + ["--out", str(tmp_path / "a")], cwd=ROOT, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True)
    time.sleep(0.3)
    second = subprocess.run(cmd + ["--out", str(tmp_path / "b")], cwd=ROOT, capture_output=True, text=True, timeout=300)
    out, err = first.communicate(timeout=300)
    assert first.returncode == 0 and second.returncode == 0, (err, second.stderr)
    assert Db("sqlite", url).query("SELECT COUNT(*) FROM documents")[0][0] == 40
