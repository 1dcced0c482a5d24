"""A poison input is a reject, never a crash (issue 19, item 1 and 3): every red-team case, one
row each, between good documents, against SQLite and a real PostgreSQL server. Every row asserts
documents in = written + skipped + rejects, that the good neighbours were written, and what
became of the case (written, or a reject naming the field that failed). Each case runs twice:
the second run must converge (nothing new written, the same rejects, no duplicate rows)."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from extract.batch import run
from pg_server import postgres_server_url, postgres_url  # noqa: F401  (fixtures)
from reliability.cases import FILE_CASES, LINE_CASES, OK_TEXT, FileCase, LineCase


class Db:
    def __init__(self, kind: str, url: str):
        self.kind, self.url = kind, url

    def query(self, sql: str) -> list[tuple]:
        if self.kind == "sqlite":
            with sqlite3.connect(self.url[len("sqlite:///"):]) as conn:
                return conn.execute(sql).fetchall()
        import psycopg

        with psycopg.connect(self.url) as conn:
            return conn.execute(sql).fetchall()


@pytest.fixture(params=["sqlite", "postgres"])
def db(request, tmp_path):
    if request.param == "sqlite":
        return Db("sqlite", f"sqlite:///{tmp_path}/r.sqlite")
    return Db("postgres", request.getfixturevalue("postgres_url"))


def _good(n: int) -> bytes:
    return (json.dumps({"id": f"good{n}", "text": OK_TEXT, "date": "2024-01-04"}, ensure_ascii=False) + "\n").encode()


def _check(summary, db: Db, out: Path, good_ids: set[str]) -> tuple[list[dict], set[str]]:
    assert summary.documents_in == summary.written + summary.skipped + summary.rejects
    assert summary.balanced()
    stored = {r[0] for r in db.query("SELECT id FROM documents")}
    assert good_ids <= stored
    rejects = [json.loads(x) for x in (out / "rejects.jsonl").read_text(encoding="utf-8").splitlines()]
    assert db.query("SELECT COUNT(*) FROM rejects")[0][0] == len(rejects) == summary.rejects
    # every line of the files and every row of the database is valid UTF-8 JSON / text
    (out / "mentions.jsonl").read_text(encoding="utf-8")
    return rejects, stored


@pytest.mark.parametrize("case", LINE_CASES, ids=[c.name for c in LINE_CASES])
def test_poison_line(case: LineCase, db: Db, tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_bytes(_good(1) + case.line + _good(2))
    want = case.postgres if db.kind == "postgres" and case.postgres else case.outcome
    for attempt in range(2):
        out = tmp_path / f"out{attempt}"
        s = run([str(src)], db_url=db.url, out_dir=out, batch_size=3)
        assert s.documents_in == 3
        rejects, stored = _check(s, db, out, {"good1", "good2"})
        if want == "written":
            assert s.rejects == 0 and len(stored) == 3
            assert (s.written, s.skipped) == ((3, 0) if attempt == 0 else (0, 3))
        else:
            assert s.rejects == 1 and len(stored) == 2, rejects
            assert rejects[0]["line"] == 2 and rejects[0]["source"] == str(src)
            assert rejects[0]["field"] == (None if want == "-" else want), rejects[0]
            assert rejects[0]["reason"]
            assert "\x00" not in json.dumps(rejects[0], ensure_ascii=False)
            row = db.query("SELECT line, field FROM rejects")[0]
            assert tuple(row) == (2, None if want == "-" else want)
    assert db.query("SELECT COUNT(*) FROM runs WHERE finished IS NOT NULL")[0][0] == 2


@pytest.mark.parametrize("case", FILE_CASES, ids=[c.name for c in FILE_CASES])
def test_poison_file(case: FileCase, db: Db, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "0good.txt").write_text(OK_TEXT, encoding="utf-8")
    made = case.make(folder)
    for attempt in range(2):
        out = tmp_path / f"out{attempt}"
        s = run([str(folder)], db_url=db.url, out_dir=out, date=None)
        rejects, stored = _check(s, db, out, {"0good"})
        if case.outcome == "written":
            assert s.rejects == 0
            text = db.query(f"SELECT text FROM documents WHERE id = '{made.stem}'")[0][0]
            assert text == case.text  # the exact text, never mojibake
        else:
            assert s.rejects >= 1, case.name
            assert any(r["field"] == case.outcome for r in rejects), rejects
            assert all(r["reason"] for r in rejects)


def test_explicit_broken_inputs_are_rejects(tmp_path):
    """Paths given on the command line: missing, dangling, looping — each one reject."""
    import os

    os.symlink(tmp_path / "nowhere.txt", tmp_path / "dangling.txt")
    os.symlink(tmp_path / "loop.txt", tmp_path / "loop.txt")
    good = tmp_path / "good.txt"
    good.write_text(OK_TEXT, encoding="utf-8")
    inputs = [str(good), str(tmp_path / "missing.jsonl"), str(tmp_path / "dangling.txt"), str(tmp_path / "loop.txt")]
    s = run(inputs, db_url=f"sqlite:///{tmp_path}/e.sqlite", out_dir=tmp_path / "o")
    assert s.balanced() and (s.documents_in, s.written, s.rejects) == (4, 1, 3)
    reasons = [json.loads(x)["reason"] for x in (tmp_path / "o" / "rejects.jsonl").read_text().splitlines()]
    assert reasons[0] == "no such file or folder"
    assert reasons[1].startswith("broken symbolic link") and reasons[2].startswith("symbolic link loop")


def test_big5_is_read_as_big5_not_mojibake(tmp_path):
    from extract.intake.read import decode

    for text in ("新臺幣3.5億元", "臺灣經濟部宣布新臺幣3.5億元的投資計畫，產業園區營收成長百分之十二。"):
        assert decode(text.encode("big5"), "x") == text
    for text in ("郑州高新区营业收入超过13万亿元", "国家高新区生产总值达到17.3万亿元，同比增长7.11%"):
        assert decode(text.encode("gbk"), "x") == text


def test_unreadable_folder_is_a_reject(tmp_path):
    """A folder this process may not list (chmod 000). Root may list anything: as root the
    check runs without the capabilities that allow it (setpriv drops CAP_DAC_OVERRIDE)."""
    import os
    import shutil
    import subprocess
    import sys
    import tempfile

    root = Path(tempfile.mkdtemp(prefix="newsx-perm-"))
    try:
        os.chmod(root, 0o755)
        (root / "a.txt").write_text(OK_TEXT, encoding="utf-8")
        locked = root / "locked"
        locked.mkdir()
        (locked / "b.txt").write_text(OK_TEXT, encoding="utf-8")
        os.chmod(locked, 0o000)
        code = ("import sys; from extract.intake.read import walk; "
                "print([(k, str(getattr(i, 'reason', i))) for k, i in walk([sys.argv[1]])])")
        cmd = [sys.executable, "-c", code, str(root)]
        if os.geteuid() == 0:
            setpriv = shutil.which("setpriv")
            if not setpriv:
                pytest.skip("running as root needs setpriv (apt-get install util-linux) to drop CAP_DAC_OVERRIDE")
            caps = "-dac_override,-dac_read_search"
            cmd = [setpriv, f"--inh-caps={caps}", f"--bounding-set={caps}"] + cmd
        done = subprocess.run(cmd, capture_output=True, text=True, cwd=Path(__file__).resolve().parents[2])
        assert done.returncode == 0, done.stderr
        units = eval(done.stdout)  # noqa: S307 — our own repr of a list of str pairs
        assert units[0] == ("txt", str(root / "a.txt"))
        assert units[1][0] == "reject" and "cannot read the folder" in units[1][1]
    finally:
        os.chmod(root / "locked", 0o755)
        shutil.rmtree(root, ignore_errors=True)
