"""Progress through rich on stderr: a bar with the total when known, the rate and the ETA; off
when stderr is not a terminal unless forced; nothing on stdout."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from extract.progress import Progress

ROOT = Path(__file__).resolve().parent.parent
SEED = str(ROOT / "corpus" / "gold" / "seed.jsonl")
ANSI = re.compile(r"\x1b\[[0-9;?]*[a-zA-Z]")


def _last_frame(raw: str) -> str:
    return ANSI.sub("", raw).replace("\r", "\n").strip().splitlines()[-1]


def test_forced_bar_shows_total_rate_and_eta():
    buf = io.StringIO()
    bar = Progress(enabled=True, stream=buf, total=4)
    for _ in range(4):
        bar.update(documents=1, mentions=3, chars=10)
    bar.update(rejects=1)
    bar.close()
    frame = _last_frame(buf.getvalue())
    assert re.search(r"5/4 documents [\d.]+/s 12 mentions, 1 rejects ETA", frame), frame
    assert (bar.documents, bar.mentions, bar.rejects, bar.chars) == (4, 12, 1, 40)


def test_off_when_not_a_terminal_and_counts_kept():
    buf = io.StringIO()
    bar = Progress(stream=buf)  # a StringIO is no terminal
    bar.update(documents=2, mentions=5)
    bar.close()
    assert not bar.enabled and buf.getvalue() == ""
    assert bar.line().startswith("2 documents (") and "5 mentions" in bar.line()


def test_completed_of_total_for_work_counted_elsewhere():
    buf = io.StringIO()
    with Progress(enabled=True, stream=buf, unit="tasks") as bar:
        bar.set_completed(3, 8)
        bar.set_completed(8)
    assert "8/8 tasks" in _last_frame(buf.getvalue())


def _newsx(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "extract.cli", *args], cwd=ROOT, capture_output=True, text=True, timeout=300)


def test_run_and_score_and_render_draw_on_stderr_only(tmp_path):
    r = _newsx("run", SEED, "--db", "none", "--out", str(tmp_path / "o"), "--progress")
    assert r.returncode == 0 and r.stdout == ""
    assert "1/1 documents" in ANSI.sub("", r.stderr) and "documents in: 1" in r.stderr
    r = _newsx("score", SEED, "--progress")
    assert r.returncode == 0 and "1/1 documents" in ANSI.sub("", r.stderr) and "\x1b" not in r.stdout
    r = _newsx("render", SEED, "-o", str(tmp_path / "r.html"), "--progress")
    assert r.returncode == 0 and r.stdout == "" and "1/1 documents" in ANSI.sub("", r.stderr)
    r = _newsx("run", SEED, "--db", "none", "--out", str(tmp_path / "o"), "--progress", "--quiet")
    assert (r.returncode, r.stdout, r.stderr) == (0, "", "")  # --quiet wins
    r = _newsx("run", SEED, "--db", "none", "--out", str(tmp_path / "o"))  # not a terminal: no bar
    assert "\x1b" not in r.stderr and "━" not in r.stderr


@pytest.mark.slow
def test_spark_shows_tasks_done_of_total(tmp_path):
    pytest.importorskip("pyspark", reason="pip install 'newsx[spark]'")
    if not shutil.which("java"):
        pytest.skip("no Java for Spark: apt-get install openjdk-17-jre-headless")
    r = _newsx("spark", SEED, str(tmp_path / "sp"), "--master", "local[2]", "--progress")
    assert r.returncode == 0 and r.stdout == "", r.stderr
    err = ANSI.sub("", r.stderr).replace("\r", "\n")
    done = [tuple(map(int, m)) for m in re.findall(r"(\d+)/(\d+) tasks", err)]
    assert done and done[-1][0] == done[-1][1] > 0  # the last frame: every task of the job done
    assert "documents: 1, rejects: 0" in err and "FutureWarning" not in err
