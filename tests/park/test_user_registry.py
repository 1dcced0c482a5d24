"""Users extend the park registry without touching the package: ParkExtractor(registry=…),
extract.load(registry=…) and --registry on extract/run/render/score (validated, same schema)."""
from __future__ import annotations

import datetime as dt
import json

import pytest
from click.testing import CliRunner

from extract.base import Context
from extract.cli import main
from extract.park.registry import ENV_VAR
from extract.park.rules import ParkExtractor

ROW = {"id": "other-33-a1b2c3", "canonical": "青溪智造产业园", "aliases": ["青溪园"], "type": "other",
       "level": "other", "province": "浙江省", "city": "湖州市", "source": "user test"}
TEXT = "青溪园今年新增企业二十家。"


@pytest.fixture
def extra(tmp_path, monkeypatch):
    monkeypatch.setenv(ENV_VAR, "")  # restored after the test: --registry sets it for the workers
    path = tmp_path / "extra.jsonl"
    path.write_text(json.dumps(ROW, ensure_ascii=False) + "\n", encoding="utf-8")
    return path


def test_extractor_option(extra):
    assert not list(ParkExtractor().find(TEXT, Context()))
    [c] = list(ParkExtractor(registry=extra).find(TEXT, Context()))
    assert (c.start, c.end, c.value.canonical, c.value.id) == (0, 3, "青溪智造产业园", ROW["id"])


def test_bad_row_fails_with_file_and_line(tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "x"}\n', encoding="utf-8")
    with pytest.raises(ValueError, match=r"bad.jsonl:1: bad ParkEntry row"):
        ParkExtractor(registry=bad)


def test_cli_extract(extra, tmp_path):
    doc = tmp_path / "d.jsonl"
    doc.write_text(json.dumps({"id": "d1", "date": "2024-01-04", "text": TEXT}, ensure_ascii=False) + "\n")
    out = CliRunner().invoke(main, ["extract", str(doc), "--labels", "PARK", "--registry", str(extra)])
    assert out.exit_code == 0, out.output
    spans = json.loads(out.stdout.splitlines()[0])["spans"]
    assert [s["value"]["id"] for s in spans] == [ROW["id"]]


def test_cli_rejects_invalid_registry(tmp_path, monkeypatch):
    monkeypatch.setenv(ENV_VAR, "")
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "x"}\n', encoding="utf-8")
    doc = tmp_path / "d.txt"
    doc.write_text(TEXT, encoding="utf-8")
    out = CliRunner().invoke(main, ["extract", str(doc), "--registry", str(bad)])
    assert out.exit_code == 2 and "bad ParkEntry row" in out.output


@pytest.mark.parametrize("command", ["extract", "run", "render", "score"])
def test_every_command_has_the_option(command):
    out = CliRunner().invoke(main, [command, "--help"])
    assert out.exit_code == 0 and "--registry" in out.output


def test_spacy_load(extra):
    import extract

    nlp = extract.load(labels=["PARK"], registry=str(extra))
    doc = nlp(TEXT)
    assert [(s.text, s._.value["id"]) for s in doc.spans["newsx"]] == [("青溪园", ROW["id"])]
