"""One pipeline config (extract/config.py) for Python, the CLI, spaCy and batch workers: labels,
per-label options, the precedence table; bad configs are one clear error."""

from __future__ import annotations

import datetime as dt
import json
import pickle
import subprocess
import sys
from pathlib import Path

import pytest

from extract.base import Candidate
from extract.config import ConfigError, PipelineConfig
from extract.pipeline import Pipeline, extract_text, resolve

ROOT = Path(__file__).resolve().parent.parent
# our own sentence: 光谷 is a park only through the registry (layer 1); the patterns alone miss it
BRAND = "光谷的企业去年新增投资12亿元。"
NO_REGISTRY = {"labels": ["PARK", "MONEY"], "options": {"PARK": {"use_registry": False}}}


def _texts(mentions) -> list[str]:
    return [m.text for m in mentions]


def test_options_reach_the_extractor():
    assert _texts(extract_text(BRAND, labels=["PARK", "MONEY"])) == ["光谷", "12亿元"]
    assert _texts(extract_text(BRAND, labels=PipelineConfig.of(NO_REGISTRY))) == ["12亿元"]


def test_labels_replace_the_configs():
    config = PipelineConfig.of(NO_REGISTRY, labels=["MONEY"])
    assert config.active_labels() == ("MONEY",) and config.options == NO_REGISTRY["options"]
    assert PipelineConfig().active_labels() == ("MONEY", "PERCENT", "DATE", "PARK")


def test_config_from_toml_and_json(tmp_path):
    toml = tmp_path / "newsx.toml"
    toml.write_text('labels = ["PARK", "MONEY"]\n[options.PARK]\nuse_registry = false\n', encoding="utf-8")
    js = tmp_path / "newsx.json"
    js.write_text(json.dumps(NO_REGISTRY), encoding="utf-8")
    assert PipelineConfig.from_file(toml) == PipelineConfig.from_file(js) == PipelineConfig.of(NO_REGISTRY)
    assert PipelineConfig.of(str(toml)).key() == PipelineConfig.of(NO_REGISTRY).key()


@pytest.mark.parametrize("data, message", [
    ({"labels": ["PARKS"]}, "unknown labels ['PARKS']"),
    ({"options": {"PARK": {"use_registy": False}}}, "PARK: unknown options ['use_registy']"),
    ({"options": {"CITY": {}}}, "options for unknown labels ['CITY']"),
    ({"labels": ["PARK", "MONEY"], "precedence": ["PARK"]}, "precedence leaves out ['MONEY']"),
    ({"precedence": ["PARK", "PARK"]}, "named twice"),
    ({"label": ["PARK"]}, "label: Extra inputs are not permitted"),
])
def test_bad_configs_are_one_clear_error(data, message):
    with pytest.raises(ConfigError, match=None) as err:
        PipelineConfig.of(data)
    assert message in str(err.value) and "\n" not in str(err.value)


def test_unreadable_config_files(tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text("labels = [PARK", encoding="utf-8")
    with pytest.raises(ConfigError, match="is not valid TOML"):
        PipelineConfig.from_file(bad)
    with pytest.raises(ConfigError, match="cannot read config"):
        PipelineConfig.from_file(tmp_path / "missing.toml")


def test_precedence_decides_an_equal_length_tie():
    value = extract_text("5元")[0].value  # any record value: resolve looks at spans and labels only
    money = Candidate(0, 4, "MONEY", value, "money.test", priority=0)
    other = Candidate(0, 4, "PARK", value, "park.test", priority=5)
    longer = Candidate(0, 5, "PARK", value, "park.longer")
    assert resolve([other, money]) == [money]  # registry order: MONEY before PARK, whatever the priority
    park_first = PipelineConfig.of({"precedence": ["PARK", "MONEY", "PERCENT", "DATE"]}).rank()
    assert resolve([money, other], park_first) == [other]
    assert resolve([money, other, longer], park_first) == [longer]  # the longer span always wins


def test_a_pipeline_is_built_once_per_config_and_pickles():
    config = PipelineConfig.of(NO_REGISTRY)
    again = pickle.loads(pickle.dumps(config))  # what batch workers and Spark executors receive
    assert again == config and again.key() == config.key()
    assert _texts(Pipeline(again).extract_text(BRAND, dt.date(2024, 1, 2))) == ["12亿元"]


def test_spacy_takes_the_same_config():
    import extract

    nlp = extract.load(config=NO_REGISTRY)
    assert nlp.get_pipe("newsx").labels == ("PARK", "MONEY")
    assert [e.text for e in nlp(BRAND).ents] == ["12亿元"]
    assert nlp.config["components"]["newsx"]["config"]["options"] == NO_REGISTRY["options"]


def _newsx(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "extract.cli", *args], cwd=ROOT, capture_output=True,
                          text=True, input=stdin, timeout=300)


def test_cli_config(tmp_path):
    cfg = tmp_path / "newsx.toml"
    cfg.write_text('labels = ["PARK", "MONEY"]\n[options.PARK]\nuse_registry = false\n', encoding="utf-8")
    doc = json.dumps({"id": "a", "date": "2024-01-02", "text": BRAND}, ensure_ascii=False) + "\n"
    r = _newsx("extract", "-", "--config", str(cfg), stdin=doc)
    assert r.returncode == 0, r.stderr
    assert [s["text"] for s in json.loads(r.stdout)["spans"]] == ["12亿元"]
    r = _newsx("extract", "-", "--config", str(cfg), "--labels", "PARK", stdin=doc)
    assert r.returncode == 0 and json.loads(r.stdout)["spans"] == []
    cfg.write_text('labels = ["PARKS"]\n', encoding="utf-8")
    r = _newsx("extract", "-", "--config", str(cfg), stdin=doc)
    assert r.returncode == 2 and r.stdout == "" and "unknown labels ['PARKS']" in r.stderr
    assert len(r.stderr.strip().splitlines()) <= 3  # click's usage line, hint and the one error


def test_batch_workers_use_the_config(tmp_path):
    from extract.batch import run

    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps({"id": f"d{i}", "date": "2024-01-02", "text": BRAND}, ensure_ascii=False) + "\n"
                           for i in range(6)), encoding="utf-8")
    summary = run([str(src)], db_url=f"sqlite:///{tmp_path}/c.sqlite", out_dir=tmp_path / "o", workers=2,
                  labels=PipelineConfig.of(NO_REGISTRY), facts=False, batch_size=2)
    assert (summary.documents_in, summary.written, summary.by_label) == (6, 6, {"MONEY": 6})
    lines = (tmp_path / "o" / "mentions.jsonl").read_text(encoding="utf-8").splitlines()
    assert [[s["text"] for s in json.loads(x)["spans"]] for x in lines] == [["12亿元"]] * 6


def test_spark_executors_use_the_config():
    from extract.spark import extract_partition, pandas_udf  # noqa: F401 (the UDF closes over it too)

    line = json.dumps({"id": "s", "date": "2024-01-02", "text": BRAND}, ensure_ascii=False).encode()
    config = pickle.loads(pickle.dumps(PipelineConfig.of(NO_REGISTRY)))  # as an executor receives it
    (kind, doc, mentions, reject, facts), = extract_partition([("line", "in.jsonl", 1, line)], labels=config)
    from extract.sinks.rows import MENTION_KINDS

    text = list(MENTION_KINDS).index("text")
    assert kind == "doc" and reject is None and [m[text] for m in mentions] == ["12亿元"]
