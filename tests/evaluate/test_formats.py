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


# -- Label Studio: newsx output as pre-annotations, an annotated export back as gold ---------------

DOCS = [
    {"id": "a", "date": "2024-01-04", "title": "内江", "text": "截至2023年12月29日，内江高新区已落实研发经费补贴200余万元，营业收入增长14.3%。"},
    {"id": "b", "date": "2024-01-04", "text": "𠀀𠀁肇庆高新区营收增长7.11%。"},  # characters outside the BMP: UTF-16 offsets
    {"id": "c", "date": "2024-01-04", "text": "郑州高新区营业收入超过13万亿元。"},
]


def _cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "extract.cli", *args], cwd=ROOT, capture_output=True, text=True, timeout=300)


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    """`newsx extract` output of DOCS and its Label Studio export."""
    d = tmp_path_factory.mktemp("ls")
    docs = d / "docs.jsonl"
    docs.write_text("".join(json.dumps(x, ensure_ascii=False) + "\n" for x in DOCS), encoding="utf-8")
    r = _cli("extract", str(docs), "-o", str(d / "pred.jsonl"))
    assert r.returncode == 0, r.stderr
    r = _cli("gold", "export", str(d / "pred.jsonl"), "--format", "labelstudio", "--texts", str(docs), "-o", str(d / "ls.json"))
    assert r.returncode == 0, r.stderr
    assert "exported 0 gold and 3 predicted document(s)" in r.stderr
    return d, json.loads((d / "ls.json").read_text(encoding="utf-8"))


def test_newsx_output_exports_as_predictions(exported):
    d, tasks = exported
    from extract.evaluate.formats import model_version

    assert model_version() == "newsx " + __import__("importlib.metadata").metadata.version("newsx")
    assert [t["data"]["id"] for t in tasks] == ["a", "b", "c"] and tasks[0]["data"]["title"] == "内江"
    for t in tasks:
        assert "annotations" not in t
        (p,) = t["predictions"]
        assert p["model_version"] == model_version()
        labels = [r for r in p["result"] if r["type"] == "labels"]
        assert labels and all(r["from_name"] == "label" and r["to_name"] == "text" for r in labels)
    # Label Studio counts UTF-16 units: after two astral characters every offset is 2 further on
    b = next(t for t in tasks if t["data"]["id"] == "b")
    park = next(r for r in b["predictions"][0]["result"] if r["type"] == "labels" and r["value"]["labels"] == ["PARK"])
    text = b["data"]["text"]
    assert park["value"]["text"] == "肇庆高新区"
    assert text.encode("utf-16-le")[2 * park["value"]["start"]: 2 * park["value"]["end"]].decode("utf-16-le") == "肇庆高新区"


def test_without_texts_the_export_says_what_is_missing(exported):
    d, _ = exported
    r = _cli("gold", "export", str(d / "pred.jsonl"), "--format", "labelstudio")
    assert r.returncode == 1 and r.stdout == ""
    assert r.stderr.strip() == (f"newsx: error: {d / 'pred.jsonl'}:1: no text for document 'a': newsx extract output "
                                "has none, give the documents it came from with --texts")


def test_annotated_export_imports_as_gold(exported, tmp_path):
    """What a labeller does in Label Studio: accept the predictions of a, correct one value and
    delete one span of c, add a span with its value; b stays unannotated (skipped)."""
    _, tasks = exported
    tasks = json.loads(json.dumps(tasks))
    by_id = {t["data"]["id"]: t for t in tasks}
    for n, t in enumerate(tasks, 1):
        t["id"] = n  # what Label Studio adds on import
    a, c = by_id["a"], by_id["c"]
    a["annotations"] = [{"id": 1, "result": a["predictions"][0]["result"], "was_cancelled": False,
                         "updated_at": "2026-01-02T10:00:00Z"},
                        {"id": 2, "result": [], "was_cancelled": True}]
    result = json.loads(json.dumps(c["predictions"][0]["result"]))
    money = next(r for r in result if r["type"] == "labels" and r["value"]["labels"] == ["MONEY"])
    box = next(r for r in result if r["type"] == "textarea" and r["id"] == money["id"])
    value = json.loads(box["value"]["text"][0])
    value["qualifier"] = "exact"
    box["value"]["text"] = [json.dumps(value, ensure_ascii=False)]  # corrected in the value box
    money.pop("meta")  # the tool may not keep a region's meta: the box is what counts
    park = next(r for r in result if r["type"] == "labels" and r["value"]["labels"] == ["PARK"])
    result = [r for r in result if r["id"] != park["id"]]  # deleted
    text = c["data"]["text"]
    result += [{"id": "new1", "from_name": "label", "to_name": "text", "type": "labels",
                "value": {"start": 0, "end": 5, "text": text[:5], "labels": ["PARK"]}},
               {"id": "new1", "from_name": "value", "to_name": "text", "type": "textarea",
                "value": {"start": 0, "end": 5, "text": [json.dumps(park["meta"]["newsx_value"], ensure_ascii=False)]}}]
    c["annotations"] = [{"id": 3, "result": result}]
    src = tmp_path / "annotated.json"
    src.write_text(json.dumps(tasks, ensure_ascii=False), encoding="utf-8")
    r = _cli("gold", "import", str(src), "--format", "labelstudio", "-o", str(tmp_path / "g.jsonl"))
    assert r.returncode == 0, r.stderr
    assert "imported 2 document(s)" in r.stderr and "skipped 1 task(s) nobody annotated" in r.stderr
    gold = {g.id: g for g in load_gold([tmp_path / "g.jsonl"])}
    assert set(gold) == {"a", "c"}
    pred = {json.loads(x)["id"]: json.loads(x) for x in (exported[0] / "pred.jsonl").read_text(encoding="utf-8").splitlines()}
    got_a = [(m.start, m.end, m.label.value, m.value.model_dump(mode="json")) for m in gold["a"].spans]
    want_a = sorted((m["start"], m["end"], m["label"], m["value"]) for m in pred["a"]["spans"])
    assert got_a == want_a and gold["a"].title == "内江"
    c_spans = {m.label.value: m for m in gold["c"].spans}
    assert c_spans["MONEY"].value.qualifier.value == "exact"
    assert c_spans["PARK"].start == 0 and c_spans["PARK"].text == text[:5]
    # and back out: the imported gold exports and imports unchanged
    back = from_label_studio(json.loads(json.dumps(to_label_studio(list(gold.values())))))
    assert back == list(gold.values())


def test_a_region_without_a_value_is_reported(exported):
    _, tasks = exported
    t = json.loads(json.dumps(tasks[0]))
    t["annotations"] = [{"result": [{"id": "x", "from_name": "label", "to_name": "text", "type": "labels",
                                     "value": {"start": 0, "end": 2, "text": "截至", "labels": ["DATE"]}}]}]
    t["predictions"] = []
    with pytest.raises(ImportError_, match=r"1 span\(s\) have no value yet.*DATE '截至'@0-2"):
        from_label_studio([t], "ls.json")


def test_not_a_label_studio_export_is_one_error(tmp_path):
    with pytest.raises(ImportError_, match="not a Label Studio JSON export"):
        from_label_studio({"text": "x"}, "x.json")


def test_the_labelling_config_is_a_package_file():
    from importlib.resources import files

    from extract.evaluate.formats import label_config

    config = label_config()
    assert (files("extract.evaluate") / "data" / "labelstudio.xml").read_text(encoding="utf-8") == config
    import xml.etree.ElementTree as ET

    root = ET.fromstring(config)
    assert {e.get("value") for e in root.iter("Label")} == {"PARK", "MONEY", "PERCENT", "DATE"}
    assert {(e.tag, e.get("name")) for e in root.iter() if e.get("toName") == "text"} == {("Labels", "label"), ("TextArea", "value")}
    r = _cli("gold", "config")
    assert r.returncode == 0 and r.stdout == config
