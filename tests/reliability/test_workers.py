"""Dying workers, Ctrl-C and kill -9 (issue 19, items 4 and 5), against real `newsx run`
processes: a killed worker is retried in a fresh process, a second death stops the run with one
clear line and a resumable state, SIGINT exits 130 without a traceback or a .partial file, and a
run killed at any point resumes with 0 documents lost and 0 duplicated. Every wait is bounded."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from extract.batch import run
from pg_server import postgres_server_url, postgres_url  # noqa: F401  (fixtures)
from reliability.test_poison import Db

ROOT = Path(__file__).resolve().parents[2]
TEXT = "截至2023年12月29日，苏州工业园区营收超过13万亿元，同比增长7.11%，近三成企业在1月2日签约。"
LIMIT = 240  # seconds any one process may take: a hang fails the test instead of blocking it


def _input(tmp: Path, n: int) -> Path:
    path = tmp / "in.jsonl"
    with path.open("w", encoding="utf-8") as fh:
        for i in range(n):
            fh.write(json.dumps({"id": f"d{i:05d}", "date": "2024-01-04", "text": f"第{i}篇。" + TEXT * (1 + i % 5)},
                                ensure_ascii=False) + "\n")
    return path


def _cmd(src: Path, url: str, out: Path, *extra: str) -> list[str]:
    return [sys.executable, "-m", "extract.cli", "run", str(src), "--db", url, "--out", str(out),
            "--batch-size", "20", "--no-progress", *extra]


def _children(pid: int) -> list[int]:
    try:
        return [int(x) for x in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []


def _wait_until(pred, limit: float = LIMIT) -> None:
    deadline = time.time() + limit
    while time.time() < deadline:
        if pred():
            return
        time.sleep(0.02)
    raise AssertionError("condition not reached in time")


def _count(db: Db) -> int:
    try:
        return db.query("SELECT COUNT(*) FROM documents")[0][0]
    except Exception:  # noqa: BLE001 — not created yet
        return 0


def _same_as_clean(db: Db, clean: Db) -> None:
    q = 'SELECT doc_id, start, "end", label, text FROM mentions ORDER BY doc_id, start, "end", label'
    assert [tuple(r) for r in db.query(q)] == [tuple(r) for r in clean.query(q)]
    assert db.query("SELECT COUNT(*) FROM documents")[0][0] == clean.query("SELECT COUNT(*) FROM documents")[0][0]


@pytest.fixture(params=["sqlite", "postgres"])
def db(request, tmp_path):
    if request.param == "sqlite":
        return Db("sqlite", f"sqlite:///{tmp_path}/w.sqlite")
    return Db("postgres", request.getfixturevalue("postgres_url"))


@pytest.fixture(scope="module")
def clean(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("clean")
    src = _input(tmp, 600)
    url = f"sqlite:///{tmp}/clean.sqlite"
    run([str(src)], db_url=url, out_dir=None)
    return src, Db("sqlite", url)


@pytest.fixture(scope="module")
def clean_long(tmp_path_factory):
    """An input long enough (4,000 documents) that a run is still going when the test's signal
    arrives, even on a fast machine; 600 documents took 2 s and once ended before Ctrl-C did."""
    tmp = tmp_path_factory.mktemp("clean_long")
    src = _input(tmp, 4000)
    url = f"sqlite:///{tmp}/clean.sqlite"
    run([str(src)], db_url=url, out_dir=None)
    return src, Db("sqlite", url)


def test_a_killed_worker_is_retried_and_the_run_completes(tmp_path, db, clean):
    src, ref = clean
    proc = subprocess.Popen(_cmd(src, db.url, tmp_path / "o", "-j", "2"), cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    _wait_until(lambda: _count(db) >= 40 and len(_children(proc.pid)) >= 2)
    os.kill(_children(proc.pid)[0], signal.SIGKILL)
    out, err = proc.communicate(timeout=LIMIT)
    assert proc.returncode == 0, err
    assert "documents in: 600 = written 600 + skipped (already loaded) 0 + rejects 0" in err and out == ""
    _same_as_clean(db, ref)


def test_a_worker_that_keeps_dying_stops_the_run_cleanly(tmp_path, db, clean):
    src, ref = clean
    proc = subprocess.Popen(_cmd(src, db.url, tmp_path / "o", "-j", "2"), cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    _wait_until(lambda: _count(db) >= 40 and len(_children(proc.pid)) >= 2)
    killed: set[int] = set()
    deadline = time.time() + LIMIT
    while proc.poll() is None and time.time() < deadline:  # kill every worker as it starts
        for pid in _children(proc.pid):
            if pid not in killed:
                try:
                    os.kill(pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
                killed.add(pid)
        time.sleep(0.01)
    out, err = proc.communicate(timeout=LIMIT)
    if proc.returncode == 0:  # the input ran out before a second death: nothing to stop
        pytest.skip("the run finished before the workers could be killed twice")
    assert proc.returncode == 1 and "Traceback" not in err
    assert err.strip().splitlines()[-1].startswith("newsx: error: a worker process died twice")
    assert 0 < _count(db) < 600
    done = subprocess.run(_cmd(src, db.url, tmp_path / "o2"), cwd=ROOT, capture_output=True, text=True, timeout=LIMIT)
    assert done.returncode == 0, done.stderr
    _same_as_clean(db, ref)


@pytest.mark.parametrize("workers", ["1", "2"])
def test_sigint_exits_130_without_traceback_or_partial_files(tmp_path, workers, clean_long):
    pytest.importorskip("pyarrow")
    src, ref = clean_long
    db = Db("sqlite", f"sqlite:///{tmp_path}/i.sqlite")
    out = tmp_path / "o"
    proc = subprocess.Popen(_cmd(src, db.url, out, "-j", workers, "--parquet"), cwd=ROOT, start_new_session=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    _wait_until(lambda: _count(db) >= 40)
    os.killpg(proc.pid, signal.SIGINT)  # what Ctrl-C does: the whole foreground group
    stdout, err = proc.communicate(timeout=LIMIT)
    assert proc.returncode == 130, err
    assert "Traceback" not in err and "KeyboardInterrupt" not in err
    assert err.strip().splitlines()[-1].startswith("newsx: interrupted")
    assert not list(out.glob("*.partial")) and not list(out.glob("*.parquet"))
    done = subprocess.run(_cmd(src, db.url, out), cwd=ROOT, capture_output=True, text=True, timeout=LIMIT)
    assert done.returncode == 0, done.stderr
    _same_as_clean(db, ref)


@pytest.mark.slow
@pytest.mark.parametrize("workers", ["1", "2"])
@pytest.mark.parametrize("point", [1, 60, 200, 380, 540])
def test_kill_9_at_any_point_loses_and_duplicates_nothing(tmp_path, db, clean, workers, point):
    src, ref = clean
    proc = subprocess.Popen(_cmd(src, db.url, tmp_path / "o", "-j", workers), cwd=ROOT, start_new_session=True,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _wait_until(lambda: _count(db) >= point or proc.poll() is not None)
    os.killpg(proc.pid, signal.SIGKILL)  # the parent and its workers, at once
    proc.wait(timeout=LIMIT)
    done = subprocess.run(_cmd(src, db.url, tmp_path / "o2"), cwd=ROOT, capture_output=True, text=True, timeout=LIMIT)
    assert done.returncode == 0, done.stderr
    assert "documents in: 600 = written" in done.stderr
    _same_as_clean(db, ref)
    ids = db.query("SELECT id, COUNT(*) FROM documents GROUP BY id HAVING COUNT(*) > 1")
    assert ids == []
