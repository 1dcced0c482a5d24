"""Every CLI error case as a user meets it (issue 18): one row per case — the command, its
arguments, the exit code, a regex for the error line — run through a real ``newsx`` process.

Exit 1 (an input that is not there, a database or URL the library refuses, a bad input file):
exactly one stderr line, ``newsx: error: …``. Exit 2 (a bad option or argument): click's usage
line, then one ``newsx: error: …`` line. Always: nothing on stdout, no traceback, no password.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEED = str(ROOT / "corpus" / "gold" / "seed.jsonl")
SECRET = "hunter2pw"

# (command, arguments, exit code, regex the error line must match). {tmp}: a per-test folder with
# bad.jsonl (malformed JSON), bad_registry.jsonl (a row that is no ParkEntry) and bad.json.
CASES = [
    # extract
    ("extract", ["{tmp}/missing.txt"], 1, r"^newsx: error: .*missing\.txt: no such file or folder$"),
    ("extract", [SEED, "{tmp}/missing.jsonl"], 1, r"missing\.jsonl: no such file or folder$"),
    ("extract", ["--labels", "FOO", SEED], 2, r"^newsx: error: Invalid value for '--labels': 'FOO' is not one of MONEY, PERCENT, DATE, PARK$"),
    ("extract", ["--labels", "park,,BAR", SEED], 2, r"'--labels': 'BAR' is not one of"),
    ("extract", ["--date", "2024-13-01", SEED], 2, r"^newsx: error: Invalid value for '--date': '2024-13-01' is not a date \(YYYY-MM-DD\)$"),
    ("extract", [], 2, r"^newsx: error: Missing argument 'INPUTS\.\.\.'\.$"),
    ("extract", [SEED, "--no-such-option"], 2, r"^newsx: error: No such option '--no-such-option'"),
    ("extract", [SEED, "--registry", "{tmp}/missing_registry.jsonl"], 1, r"missing_registry\.jsonl: no such file$"),
    ("extract", [SEED, "--registry", "{tmp}/bad_registry.jsonl"], 2, r"'--registry'.*bad_registry\.jsonl:1: bad ParkEntry row"),
    # run
    ("run", ["{tmp}/missing.txt", "--db", "none"], 1, r"^newsx: error: .*missing\.txt: no such file or folder$"),
    ("run", [SEED, "--db", f"mysql://admin:{SECRET}@db.example/news"], 1,
     r"^newsx: error: --db: unsupported database URL scheme 'mysql'"),
    ("run", [SEED, "--db", f"postgresql://admin:{SECRET}@127.0.0.1:1/news?schema=Bad-Name"], 1,
     r"^newsx: error: --db: invalid name 'Bad-Name'"),
    ("run", [SEED, "--db", f"postgresql://admin:{SECRET}@127.0.0.1:1/news?password={SECRET}", "--out", "{tmp}/o"], 1,
     r"^newsx: error: cannot connect to postgresql://admin:\*\*\*@127\.0\.0\.1:1/news\?password=\*\*\*: .*refused"),
    ("run", [SEED, "--table-prefix", "A-B"], 2, r"'--table-prefix': invalid name 'A-B' for a table prefix"),
    ("run", [SEED, "-j", "-1"], 2, r"'-j' / '--workers': -1 is not in the range 0<=x<=512"),
    ("run", [SEED, "--labels", "MONEY,FOO"], 2, r"'--labels': 'FOO' is not one of"),
    ("run", [SEED, "--date", "yesterday"], 2, r"'--date': 'yesterday' is not a date"),
    # score
    ("score", ["{tmp}/missing.jsonl"], 1, r"^newsx: error: .*missing\.jsonl: no such file$"),
    ("score", [SEED, "--pred", "{tmp}/missing_pred.jsonl"], 1, r"missing_pred\.jsonl: no such file$"),
    ("score", ["{tmp}/bad.jsonl"], 1, r"^newsx: error: .*bad\.jsonl:1: malformed JSON"),
    ("score", [SEED, "--labels", "AMOUNT"], 2, r"'--labels': 'AMOUNT' is not one of"),
    ("score", [SEED, "--pred", "{tmp}/bad.jsonl"], 1, r"^newsx: error: .*bad\.jsonl:1: malformed JSON"),
    # render
    ("render", ["{tmp}/missing.txt"], 1, r"^newsx: error: .*missing\.txt: no such file or folder$"),
    ("render", [SEED, "--gold", "{tmp}/missing_gold.jsonl"], 1, r"missing_gold\.jsonl: no such file$"),
    ("render", [SEED, "--gold", "{tmp}/bad.jsonl", "-o", "{tmp}/r.html"], 1, r"^newsx: error: .*bad\.jsonl:1: malformed JSON"),
    ("render", [SEED, "--date", "2024-02-30"], 2, r"'--date': '2024-02-30' is not a date"),
    # spark (every case fails before a Spark session starts)
    ("spark", ["{tmp}/missing.txt", "{tmp}/sp"], 1, r"^newsx: error: .*missing\.txt: no such file or folder$"),
    ("spark", [SEED, "{tmp}/sp", "--conf", "spark.executor.memory"], 2, r"'--conf': 'spark\.executor\.memory' is not KEY=VALUE"),
    ("spark", [SEED, "{tmp}/sp", "--labels", "FOO"], 2, r"'--labels': 'FOO' is not one of"),
    ("spark", [SEED], 2, r"^newsx: error: Missing argument 'INPUTS\.\.\.'\.$"),
    # split
    ("split", ["{tmp}/missing.txt"], 1, r"^newsx: error: .*missing\.txt: no such file or folder$"),
    ("split", [SEED, "--date", "2024/01/02"], 2, r"'--date': '2024/01/02' is not a date"),
    # gold
    ("gold check", ["{tmp}/missing.jsonl"], 1, r"^newsx: error: .*missing\.jsonl: no such file$"),
    ("gold check", ["{tmp}/bad.jsonl"], 1, r"^newsx: error: .*bad\.jsonl:1: malformed JSON"),
    ("gold check", ["{tmp}"], 1, r"^newsx: error: .*: is a folder, not a file$"),
    ("gold export", [SEED], 2, r"Missing option '--format'"),
    ("gold export", [SEED, "--format", "csv"], 2, r"'--format': 'csv' is not one of 'doccano', 'labelstudio'"),
    ("gold export", ["{tmp}/missing.jsonl", "--format", "labelstudio"], 1, r"missing\.jsonl: no such file$"),
    ("gold import", ["{tmp}/missing.json", "--format", "labelstudio"], 1, r"missing\.json: no such file$"),
    ("gold import", ["{tmp}/bad.json", "--format", "labelstudio"], 1, r"^newsx: error: .*bad\.json: malformed JSON"),
    ("gold import", [SEED, "--format", "labelstudio"], 1, r"^newsx: error: .*seed\.jsonl: .*Label Studio"),
    # peers
    ("peers", ["{tmp}/no_peers"], 1, r"^newsx: error: .*no_peers: no such folder$"),
    ("peers", [SEED], 1, r"is a file, not a folder$"),
    # the group
    ("nosuch", [], 2, r"^newsx: error: No such command 'nosuch'\.$"),
]


def newsx(*args: str, **kw) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "extract.cli", *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=300, **kw)


@pytest.fixture(scope="module")
def tmp(tmp_path_factory) -> Path:
    d = tmp_path_factory.mktemp("cli_errors")
    (d / "bad.jsonl").write_text('{"id": "x", "text": \n', encoding="utf-8")
    (d / "bad.json").write_text("[{", encoding="utf-8")
    (d / "bad_registry.jsonl").write_text('{"id": "x"}\n', encoding="utf-8")
    return d


def test_every_command_has_a_row():
    from extract.cli import LAZY_COMMANDS

    covered = {c.split()[0] for c, *_ in CASES}
    assert set(LAZY_COMMANDS) <= covered
    assert {"gold check", "gold export", "gold import"} <= {c for c, *_ in CASES}
    assert len(CASES) >= 25


@pytest.mark.parametrize("command,args,code,pattern", CASES,
                         ids=[f"{c}-{i}" for i, (c, *_) in enumerate(CASES)])
def test_error_case(tmp, command, args, code, pattern):
    if "postgresql://" in " ".join(args) and "schema=" not in " ".join(args):
        pytest.importorskip("psycopg", reason="pip install 'newsx[db]'")
    argv = [*command.split(), *(a.replace("{tmp}", str(tmp)) for a in args)]
    r = newsx(*argv)
    lines = r.stderr.splitlines()
    assert r.returncode == code, r.stderr
    assert r.stdout == "", r.stdout
    assert "Traceback" not in r.stderr and SECRET not in r.stderr
    if code == 2:
        assert len(lines) == 2, r.stderr
        assert lines[0].startswith(f"Usage: newsx {command.split()[0] if command != 'nosuch' else ''}"), lines[0]
        line = lines[1]
    else:
        assert len(lines) == 1, r.stderr
        line = lines[0]
    assert line.startswith("newsx: error: ") and re.search(pattern, line), line


def test_debug_shows_the_traceback(tmp):
    r = newsx("gold", "check", str(tmp / "bad.jsonl"), "--debug")
    assert r.returncode == 1 and "Traceback" in r.stderr
    assert r.stderr.splitlines()[-1].startswith("newsx: error: ")
    r = newsx("--debug", "gold", "check", str(tmp / "bad.jsonl"))
    assert r.returncode == 1 and "Traceback" in r.stderr


def test_quiet_and_verbose(tmp):
    out = tmp / "q.jsonl"
    r = newsx("extract", SEED, "-o", str(out), "--quiet")
    assert (r.returncode, r.stdout, r.stderr) == (0, "", "") and out.read_text(encoding="utf-8")
    r = newsx("-q", "gold", "check", SEED)
    assert (r.returncode, r.stdout, r.stderr) == (0, "", "")
    r = newsx("run", SEED, "--db", f"sqlite:///{tmp}/q.sqlite", "--out", str(tmp / "qo"), "--quiet")
    assert (r.returncode, r.stdout, r.stderr) == (0, "", ""), r.stderr
    r = newsx("run", SEED, "--db", f"sqlite:///{tmp}/q.sqlite", "--out", str(tmp / "qo"), "--verbose")
    assert r.returncode == 0 and r.stdout == ""
    assert "documents in: 1 = written 0 + skipped (already loaded) 1" in r.stderr
    assert "labels: all; workers: 1" in r.stderr  # the verbose note


def test_data_alone_on_stdout():
    r = newsx("extract", SEED)
    assert r.returncode == 0 and [json.loads(x)["id"] for x in r.stdout.splitlines()] == ["seed-000_34d8ece5c389fe8a"]
    assert "documents in: 1" in r.stderr
