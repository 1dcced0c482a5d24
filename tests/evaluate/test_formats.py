"""doccano and Label Studio round trips keep every span and value."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from extract.evaluate import load_gold
from extract.evaluate.formats import ImportError_, from_doccano, from_label_studio, to_doccano, to_label_studio

ROOT = Path(__file__).resolve().parents[2]
GOLD = sorted((ROOT / "corpus" / "gold").glob("*.jsonl"))


@pytest.fixture(scope="module")
def gold():
    return load_gold(GOLD)


def test_doccano_round_trip(gold):
    back = from_doccano(json.loads(json.dumps(to_doccano(gold), ensure_ascii=False)))
    assert back == gold


def test_label_studio_round_trip(gold):
    back = from_label_studio(json.loads(json.dumps(to_label_studio(gold), ensure_ascii=False)))
    assert back == gold


def test_span_added_in_the_tool_without_a_value_is_reported(gold):
    rec = to_doccano(gold[:1])[0]
    rec["label"].append([0, 2, "DATE"])
    with pytest.raises(ImportError_, match="no value yet"):
        from_doccano([rec], "edited.jsonl")


def test_cli_round_trip(tmp_path):
    cmd = [sys.executable, "-m", "extract.cli", "gold"]
    subprocess.run([*cmd, "export", "--format", "labelstudio", str(GOLD[0]), "-o", str(tmp_path / "ls.json")], cwd=ROOT, check=True)
    subprocess.run([*cmd, "import", "--format", "labelstudio", str(tmp_path / "ls.json"), "-o", str(tmp_path / "g.jsonl")],
                   cwd=ROOT, check=True)
    assert load_gold([tmp_path / "g.jsonl"]) == load_gold([GOLD[0]])
