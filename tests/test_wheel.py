"""The built wheel works as a new user meets it: installed with the [spark] extra into a fresh
venv outside the checkout (cwd outside too, no checkout on sys.path), it extracts all four labels
from the command line, runs `newsx spark`, and `extract.load()` works from Python.

Slow (a wheel build and a venv with spaCy and PySpark): about two minutes, run by `make test`.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
# The files a wheel is built from; copied so that the build leaves nothing in the checkout.
SOURCES = ["pyproject.toml", "README.md", "NOTICE", "extract", "schemas"]
TEXT = "截至2023年12月29日，内江高新区已落实研发经费补贴200余万元，营业收入增长14.3%。"
LABELS = {"DATE", "MONEY", "PARK", "PERCENT"}

pytestmark = pytest.mark.slow


def _run(cmd: list[str], cwd: Path, env: dict[str, str], timeout: int = 900) -> subprocess.CompletedProcess:
    r = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout)
    assert r.returncode == 0, f"{' '.join(cmd)} exited {r.returncode}\n{r.stdout[-3000:]}\n{r.stderr[-3000:]}"
    return r


@pytest.fixture(scope="module")
def venv(tmp_path_factory) -> tuple[Path, Path, dict[str, str]]:
    """(venv bin folder, a work folder outside the checkout, the environment to run in)."""
    base = tmp_path_factory.mktemp("wheel")
    assert ROOT not in base.parents
    src = base / "src"
    src.mkdir()
    for name in SOURCES:
        p = ROOT / name
        if p.is_dir():
            shutil.copytree(p, src / name, ignore=shutil.ignore_patterns("__pycache__", "*.pyc", "*.egg-info"))
        elif p.exists():
            shutil.copy2(p, src / name)
    # Nothing of the checkout or the test venv leaks in: no PYTHONPATH, no VIRTUAL_ENV, and a PATH
    # without the test venv (so a Spark worker that ran `python3` from PATH would miss newsx).
    env = {k: v for k, v in os.environ.items() if k not in {"PYTHONPATH", "VIRTUAL_ENV", "PYSPARK_PYTHON",
                                                            "PYSPARK_DRIVER_PYTHON", "PYTHONHOME"}}
    test_bin = str(Path(sys.executable).parent)
    env["PATH"] = os.pathsep.join(p for p in env.get("PATH", "").split(os.pathsep) if p and p != test_bin)
    dist = base / "dist"
    _run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(dist), str(src)], base, env)
    wheels = list(dist.glob("newsx-*.whl"))
    assert len(wheels) == 1, wheels
    # The base interpreter, not this venv's: the new venv must not see the test venv's packages.
    base_python = getattr(sys, "_base_executable", sys.executable)
    _run([base_python, "-m", "venv", str(base / "venv")], base, env)
    bin_dir = base / "venv" / "bin"
    _run([str(bin_dir / "python"), "-m", "pip", "install", "-q", f"{wheels[0]}[spark]"], base, env)
    work = base / "work"
    work.mkdir()
    return bin_dir, work, env


def test_wheel_holds_the_package_data(venv):
    bin_dir, work, env = venv
    r = _run([str(bin_dir / "python"), "-c",
              "import extract, importlib.resources as r, sys; "
              "print(extract.__file__); print((r.files('extract.park') / 'data' / 'registry.jsonl').is_file()); "
              "print((r.files('extract.evaluate') / 'data' / 'labelstudio.xml').is_file()); "
              "print((r.files('extract.facts') / 'data' / 'lexicon.json').is_file())"],
             work, env)
    where, has_registry, has_config, has_lexicon = r.stdout.split()
    assert str(ROOT) not in where and "site-packages" in where
    assert has_registry == "True" and has_config == "True"
    assert has_lexicon == "True"  # the fact stage runs by default in run and spark


def test_cli_extracts_all_four_labels(venv):
    bin_dir, work, env = venv
    (work / "a.txt").write_text(TEXT, encoding="utf-8")
    r = _run([str(bin_dir / "newsx"), "extract", "a.txt", "--date", "2024-01-04"], work, env, timeout=300)
    rec = json.loads(r.stdout)
    assert {s["label"] for s in rec["spans"]} == LABELS
    assert {s["text"] for s in rec["spans"]} >= {"内江高新区", "200余万元", "14.3%", "2023年12月29日"}


def test_spacy_pipeline_from_python(venv):
    bin_dir, work, env = venv
    code = ("import extract, json; nlp = extract.load(); doc = nlp(" + json.dumps(TEXT, ensure_ascii=False) + "); "
            "print(json.dumps(sorted({s.label_ for s in doc.spans['newsx']})))")
    r = _run([str(bin_dir / "python"), "-c", code], work, env, timeout=300)
    assert set(json.loads(r.stdout)) == LABELS


def test_spark_job_from_the_venv(venv):
    if not shutil.which("java") and not os.environ.get("JAVA_HOME"):
        pytest.skip("Spark needs a Java runtime: apt-get install openjdk-17-jre-headless")
    bin_dir, work, env = venv
    docs = [{"id": f"d{i}", "date": "2024-01-04", "text": TEXT} for i in range(3)]
    (work / "in.jsonl").write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in docs), encoding="utf-8")
    r = _run([str(bin_dir / "newsx"), "spark", "in.jsonl", "out", "--master", "local[2]"], work, env, timeout=600)
    assert "documents: 3" in r.stdout + r.stderr
    check = ("import pyarrow.parquet as pq, json; t = pq.read_table('out/mentions'); "
             "print(json.dumps(sorted(set(t.column('label').to_pylist())), separators=(',', ':')), t.num_rows)")
    labels, rows = _run([str(bin_dir / "python"), "-c", check], work, env).stdout.split()
    assert set(json.loads(labels)) == LABELS and int(rows) == 3 * len(LABELS)
    check = ("import pyarrow.parquet as pq; t = pq.read_table('out/facts'); "
             "print(t.num_rows, sorted(set(t.column('subject_canonical').to_pylist()))[0])")
    n, subject = _run([str(bin_dir / "python"), "-c", check], work, env).stdout.split()
    assert int(n) >= 3 and subject.startswith("内江")  # 内江高新区 · operating revenue · +14.3%, per document


def test_spark_workers_run_the_venvs_python(venv):
    """Whatever python3 is first on PATH (a system one may even have jieba), workers run this venv's."""
    if not shutil.which("java") and not os.environ.get("JAVA_HOME"):
        pytest.skip("Spark needs a Java runtime: apt-get install openjdk-17-jre-headless")
    bin_dir, work, env = venv
    code = ("import sys; from extract.spark import session; s = session('local[1]'); "
            "print(s.sparkContext.parallelize([0], 1).map(lambda _: __import__('sys').executable).collect()[0]); s.stop()")
    r = _run([str(bin_dir / "python"), "-c", code], work, env, timeout=600)
    assert Path(r.stdout.split()[-1]).parent == bin_dir
    assert "Setting default log level" not in r.stderr and " WARN " not in r.stderr  # log4j quiet by default
