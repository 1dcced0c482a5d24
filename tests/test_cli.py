"""The command line as a user meets it: help everywhere, data alone on stdout, bad input counted."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
COMMANDS = ["extract", "run", "score", "gold", "gold check", "gold export", "gold import", "gold config", "peers", "split", "render", "spark"]


def newsx(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "extract.cli", *args], cwd=ROOT, input=stdin,
                          capture_output=True, timeout=600)


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help(command):
    r = newsx(*command.split(), "--help")
    assert r.returncode == 0 and b"Usage:" in r.stdout and b"unavailable" not in r.stdout


def test_bad_inputs_are_counted_and_nothing_crashes(tmp_path):
    d = tmp_path / "in"
    d.mkdir()
    (d / "gbk.txt").write_bytes("郑州高新区营业收入超过13万亿元".encode("gbk"))
    (d / "bad_utf8.txt").write_bytes("国家高新区".encode() + b"\xff\xfe" + "园区".encode())
    (d / "empty.txt").write_bytes(b"")
    (d / "big.txt").write_text("园区营业收入增长7.11%，" * 1_400_000, encoding="utf-8")  # ~20 MB, one line
    (d / "docs.jsonl").write_text(
        json.dumps({"id": "a", "date": "2024-01-04", "text": "1月2日，内江高新区补贴200余万元"}, ensure_ascii=False) + "\n"
        + '{"id": "broken", "text": \n'
        + json.dumps({"text": "没有编号的文档"}, ensure_ascii=False) + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    r = newsx("extract", str(d), "-o", str(out))
    assert r.returncode == 0, r.stderr.decode()
    err = r.stderr.decode()
    assert "documents in: 7 = written 4 + rejects 3" in err
    assert "bad_utf8.txt" in err and "byte offset 15" in err
    assert "docs.jsonl:2" in err and "docs.jsonl:3" in err and 'no "id"' in err
    lines = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert {x["id"] for x in lines} == {"a", "big", "empty", "gbk"}
    rejects = [json.loads(x) for x in Path(str(out) + ".rejects.jsonl").read_text(encoding="utf-8").splitlines()]
    assert len(rejects) == 3
    big = next(x for x in lines if x["id"] == "big")
    assert len(big["spans"]) == 1_400_000


def test_stdin_to_stdout_carries_only_data():
    doc = {"id": "s", "date": "2024-01-04", "text": "截至2023年12月29日，肇庆高新区营收增长14.3%。"}
    r = newsx("extract", "-", stdin=(json.dumps(doc, ensure_ascii=False) + "\n").encode())
    assert r.returncode == 0
    lines = r.stdout.decode().splitlines()
    assert len(lines) == 1
    rec = json.loads(lines[0])
    assert {s["label"] for s in rec["spans"]} == {"DATE", "PARK", "PERCENT"}


def test_score_prints_the_table_and_json():
    gold = str(ROOT / "corpus" / "gold" / "seed.jsonl")
    r = newsx("score", gold)
    assert r.returncode == 0 and b"overall" in r.stdout and b"strict" in r.stdout
    data = json.loads(newsx("score", gold, "--json").stdout)
    assert set(data["labels"]) == {"DATE", "MONEY", "PARK", "PERCENT"}
