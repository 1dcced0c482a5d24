"""The spaCy path (extract.load / extract.nlp) against the plain records path."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import pytest

spacy = pytest.importorskip("spacy")

import extract  # noqa: E402
from extract import nlp as xnlp  # noqa: E402
from extract import registry  # noqa: E402
from extract.pipeline import extract_document, extract_text  # noqa: E402
from schemas.records import Document, Label  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
GOLD_FILES = sorted((ROOT / "corpus" / "gold").glob("*.jsonl"))


LABELS = registry.labels()  # every label: a broken extractor must fail these tests, not be skipped


def gold_documents() -> list[Document]:
    docs = []
    for path in GOLD_FILES:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                r = json.loads(line)
                docs.append(Document(id=r["id"], text=r["text"], date=r.get("date")))
    return docs


GOLD = gold_documents()


def _segmenters() -> list[str]:
    segs = ["jieba"]
    try:
        import rjieba  # noqa: F401

        segs.insert(0, "rjieba")
    except ImportError:
        pass
    return segs


@pytest.fixture(scope="module")
def nlp():
    return extract.load(LABELS)


def _dump(mentions) -> list[dict]:
    return [m.model_dump(mode="json") for m in mentions]


def test_gold_set_is_there():
    assert GOLD_FILES and len(GOLD) >= 10
    assert "PARK" in LABELS


def test_load_is_a_blank_chinese_pipeline(nlp):
    assert nlp.lang == "zh"
    assert nlp.pipe_names == ["newsx"]
    assert nlp.config["nlp"]["tokenizer"]["@tokenizers"] == xnlp.TOKENIZER
    assert list(nlp.get_pipe("newsx").labels) == LABELS


@pytest.mark.parametrize("doc", GOLD, ids=[d.id for d in GOLD])
def test_spacy_path_equals_records_path_on_gold(nlp, doc):
    want = extract_text(doc.text, doc.date, labels=LABELS)
    got_doc = nlp(xnlp.make_doc(nlp, doc.text, doc.date))
    got = xnlp.mentions_from_doc(got_doc)
    assert _dump(got) == _dump(want)
    assert got == want
    # exact offsets on the Doc itself, never widened to token boundaries
    for span, m in zip(got_doc.spans[xnlp.SPANS_KEY], want):
        assert (span.start_char, span.end_char, span.label_) == (m.start, m.end, m.label.value)
        assert span.text == doc.text[m.start : m.end]
        assert span._.rule == m.rule and span._.value == m.value.model_dump(mode="json")
    assert got_doc.text == doc.text


def test_pipe_over_the_whole_gold_set_equals_records_path(nlp):
    got = list(xnlp.extract_documents(GOLD, nlp=nlp, batch_size=7))
    want = [extract_document(d, labels=LABELS) for d in GOLD]
    assert [g.model_dump(mode="json") for g in got] == [w.model_dump(mode="json") for w in want]


def test_ents_are_the_non_overlapping_mentions(nlp):
    doc = nlp(xnlp.make_doc(nlp, GOLD[0].text, GOLD[0].date))
    ents = list(doc.ents)
    assert ents, "the seed page has mentions"
    assert all(a.end <= b.start for a, b in zip(ents, ents[1:]))
    assert [(e.start_char, e.end_char, e.label_) for e in ents] == [
        (s.start_char, s.end_char, s.label_) for s in doc.spans["newsx"]
    ]
    assert {e.label_ for e in ents} <= {lab.value for lab in Label}


def test_gold_set_has_mentions_inside_jieba_tokens(nlp):
    """The equality test above covers the re-splitting: jieba crosses mention edges in the gold."""
    crossing = 0
    for d in GOLD:
        doc = nlp.make_doc(d.text)
        crossing += sum(doc.char_span(m.start, m.end) is None for m in extract_text(d.text, d.date, labels=LABELS))
    assert crossing > 0


def test_split_at_every_offset(nlp):
    # whatever jieba does, cutting at every character offset gives one token per character
    text = "肇庆高新区 近年来  积极抢抓 新型储能\n产业"
    doc = nlp.make_doc(text)
    cut = xnlp.split_at(doc, set(range(len(text) + 1)))
    assert cut.text == text
    assert all(len(t.text) == 1 or t.is_space for t in cut)
    for start in range(len(text)):
        for end in range(start + 1, len(text) + 1):
            if not text[start].isspace():
                assert cut.char_span(start, end) is not None, (start, end)


def test_split_keeps_context_user_data_and_span_groups(nlp):
    doc = xnlp.make_doc(nlp, "国家高新区总数达178家。", "2024-01-04")
    doc.spans["mine"] = [doc[0:1]]
    doc._context = ("ctx",)
    new = xnlp.split_at(doc, {1, 3})
    assert new._.newsx_date == dt.date(2024, 1, 4)
    assert new._context == ("ctx",)
    assert [(s.start_char, s.end_char) for s in new.spans["mine"]] == [(0, doc[0:1].end_char)]


def test_document_date_resolves_yearless_dates(nlp):
    text = "1月2日，园区召开大会。"
    for date in (dt.date(2024, 1, 4), dt.date(2021, 6, 1)):
        want = extract_text(text, date, labels=LABELS)
        got = xnlp.mentions_from_doc(nlp(xnlp.make_doc(nlp, text, date)))
        assert got == want


def test_newsx_date_extension():
    nlp = spacy.blank("zh")
    doc = nlp.make_doc("测试")
    assert doc._.newsx_date is None
    doc._.newsx_date = dt.date(2024, 1, 4)
    assert doc._.newsx_date == dt.date(2024, 1, 4)
    doc._.newsx_date = "2023-12-29"
    assert doc._.newsx_date == dt.date(2023, 12, 29)
    assert isinstance(doc.user_data["newsx_date"], str)  # serializable with Doc.to_bytes
    doc._.newsx_date = None
    assert doc._.newsx_date is None
    with pytest.raises(ValueError):
        doc._.newsx_date = "04/01/2024"
    with pytest.raises(TypeError):
        doc._.newsx_date = 20240104


def test_doc_bytes_round_trip_keeps_values(nlp):
    d = GOLD[0]
    doc = nlp(xnlp.make_doc(nlp, d.text, d.date))
    from spacy.tokens import Doc

    back = Doc(nlp.vocab).from_bytes(doc.to_bytes())
    assert back._.newsx_date == d.date
    assert xnlp.mentions_from_doc(back) == xnlp.mentions_from_doc(doc)


def test_default_labels_are_all_registered_and_serialize(tmp_path):
    nlp = xnlp.load()
    assert nlp.get_pipe("newsx").config_labels is None
    assert list(nlp.get_pipe("newsx").labels) == registry.labels()
    nlp.to_disk(tmp_path / "all")
    assert spacy.load(tmp_path / "all").get_pipe("newsx").config_labels is None


def test_to_disk_spacy_load_round_trip(nlp, tmp_path):
    nlp.to_disk(tmp_path / "pipeline")
    loaded = spacy.load(tmp_path / "pipeline")
    assert loaded.pipe_names == nlp.pipe_names
    assert list(loaded.get_pipe("newsx").labels) == LABELS
    for d in GOLD:
        a = nlp(xnlp.make_doc(nlp, d.text, d.date))
        b = loaded(xnlp.make_doc(loaded, d.text, d.date))
        assert [t.text for t in a] == [t.text for t in b]
        assert xnlp.mentions_from_doc(a) == xnlp.mentions_from_doc(b)


def test_initialize_is_harmless():
    nlp = extract.load(LABELS)
    nlp.initialize()
    assert nlp("肇庆高新区").ents


def test_from_config_rebuilds_the_pipeline(nlp):
    again = spacy.util.load_model_from_config(nlp.config, auto_fill=True)
    d = GOLD[1]
    assert xnlp.mentions_from_doc(again(xnlp.make_doc(again, d.text, d.date))) == extract_text(
        d.text, d.date, labels=LABELS
    )


def test_n_process_gives_the_same_results(nlp):
    docs = GOLD[:12]
    one = list(xnlp.extract_documents(docs, nlp=nlp, n_process=1))
    two = list(xnlp.extract_documents(docs, nlp=nlp, n_process=2, batch_size=3))
    assert [d.model_dump(mode="json") for d in two] == [d.model_dump(mode="json") for d in one]
    texts = [d.text for d in docs]
    plain = [xnlp.mentions_from_doc(doc) for doc in nlp.pipe(texts, n_process=2, batch_size=4)]
    assert plain == [extract_text(t, None, labels=LABELS) for t in texts]


@pytest.mark.parametrize("segmenter", _segmenters())
def test_park_names_are_user_words_and_segmenters_agree(segmenter):
    nlp = extract.load(LABELS, segmenter=segmenter)
    tokens = [t.text for t in nlp.make_doc("天津滨海高新区和中关村科技园区合作")]
    assert "天津滨海高新区" in tokens and "中关村科技园区" in tokens
    d = GOLD[0]
    assert xnlp.mentions_from_doc(nlp(xnlp.make_doc(nlp, d.text, d.date))) == extract_text(d.text, d.date, labels=LABELS)


def test_tokens_keep_text_and_whitespace(nlp):
    text = "hello world  ok\n\n国家高新区 17.3万亿元\t。 "
    doc = nlp.make_doc(text)
    assert doc.text == text
    assert "".join(t.text_with_ws for t in doc) == text


def test_the_process_wide_jieba_is_not_touched():
    from extract.segment import jieba_module

    jieba = jieba_module()
    jieba.dt.check_initialized()
    name = "天津滨海国家高新技术产业开发区"
    before = jieba.dt.FREQ.get(name)
    extract.load(LABELS, segmenter="jieba")
    assert jieba.dt.FREQ.get(name) == before


def test_unknown_label_and_segmenter_are_reported():
    with pytest.raises(ValueError, match="unknown labels"):
        extract.load(["NOPE"])
    with pytest.raises(ValueError, match="unknown segmenter"):
        extract.load(LABELS, segmenter="pkuseg")


def test_import_stays_light_and_stdout_clean(tmp_path):
    code = (
        "import sys, extract\n"
        "assert 'spacy' not in sys.modules and 'jieba' not in sys.modules\n"
        f"nlp = extract.load({LABELS!r}, segmenter='jieba')\n"
        "doc = nlp('截至2023年12月29日，肇庆高新区已落实研发经费补贴200余万元。')\n"
        "assert len(doc.ents) >= 1\n"
    )
    env = {"XDG_CACHE_HOME": str(tmp_path), "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)}
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, env=env)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == ""
    assert "Building prefix dict" not in proc.stderr and "Loading model" not in proc.stderr
    assert list(tmp_path.glob("newsx/*.cache")), "jieba's cache goes to $XDG_CACHE_HOME/newsx"


def test_throughput_reports_chars_per_second(nlp):
    r = xnlp.throughput([d.text for d in GOLD[:3]], nlp=nlp, repeat=1)
    assert r["documents"] == 3 and r["chars"] == sum(len(d.text) for d in GOLD[:3])
    assert r["chars_per_s"] > 0


FACT_TEXT = "2023年，苏州工业园区实现营业收入100.15亿元，同比增长10%。"


def test_doc_facts_are_the_fact_stage_of_the_mentions(nlp):
    from decimal import Decimal

    from extract.facts import extract_facts
    from schemas.facts import Fact

    date = dt.date(2024, 1, 5)
    doc = nlp(xnlp.make_doc(nlp, FACT_TEXT, date))
    facts = doc._.facts
    assert facts and all(isinstance(f, Fact) for f in facts)
    assert facts == extract_facts(FACT_TEXT, extract_text(FACT_TEXT, date, labels=LABELS), date)
    f = facts[0]  # known by reading
    assert (f.subject.canonical, f.indicator.id, f.period.value, f.value.amount) == \
        ("苏州工业园区", "operating_revenue", "2023", Decimal("10015000000"))
    assert doc.text[f.value.start:f.value.end] == "100.15亿元"
    # kept through Doc.to_bytes, and through nlp.pipe in worker processes
    from spacy.tokens import Doc

    assert Doc(nlp.vocab).from_bytes(doc.to_bytes())._.facts == facts
    piped = list(nlp.pipe([xnlp.make_doc(nlp, FACT_TEXT, date)], n_process=2))
    assert piped[0]._.facts == facts
    # none before the component runs, none when switched off, and the setting serializes
    assert nlp.make_doc(FACT_TEXT)._.facts == []
    off = xnlp.load(LABELS, facts=False)
    assert off(xnlp.make_doc(off, FACT_TEXT, date))._.facts == []
    assert off.get_pipe("newsx").facts is False
    assert spacy.util.load_model_from_config(off.config, auto_fill=True).get_pipe("newsx").facts is False
