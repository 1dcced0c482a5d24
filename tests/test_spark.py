"""The Spark job (local mode) on the shipped corpus equals the single-process output, row for row."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from extract.batch import run
from extract.sinks.rows import DOCUMENT_FIELDS, FACT_COLUMNS, MENTION_COLUMNS

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus" / "texts"


def test_extract_json_matches_pipeline():
    import datetime as dt

    from extract.pipeline import extract_text
    from extract.spark import extract_json

    text = "截至2023年12月29日，营收超过13万亿元，增长7.11%。"
    got = extract_json([text, None, text], ["2024-01-04", None, None])
    assert got[1] is None
    assert json.loads(got[0]) == [json.loads(m.model_dump_json()) for m in extract_text(text, dt.date(2024, 1, 4))]
    assert json.loads(got[2]) == [json.loads(m.model_dump_json()) for m in extract_text(text, None)]


def _rows(table, columns):
    return sorted(tuple(r[c] for c in columns) for r in table.to_pylist())


@pytest.mark.slow
def test_spark_local_equals_single_process(tmp_path):
    pytest.importorskip("pyspark")
    pq = pytest.importorskip("pyarrow.parquet")
    if not shutil.which("java") and not __import__("os").environ.get("JAVA_HOME"):
        pytest.skip("Spark needs a Java runtime")
    from extract.spark import run_spark, session

    from reliability.cases import FILE_CASES, LINE_CASES

    missing = tmp_path / "nope.jsonl"
    broken = tmp_path / "broken.jsonl"
    broken.write_text('{"id": "x", "text": "增长7.11%"}\n\n{"id": 1\n', encoding="utf-8")
    # every red-team line (invalid UTF-8, GBK, Big5, surrogates, NaN …) and file case: one intake
    poison = tmp_path / "poison.jsonl"
    poison.write_bytes(b"".join(c.line.replace(b'"id": "', f'"id": "{c.name}-'.encode(), 1) for c in LINE_CASES))
    files = tmp_path / "files"
    for case in FILE_CASES:
        (files / case.name).mkdir(parents=True)
        case.make(files / case.name)
    inputs = [str(CORPUS), str(broken), str(missing), str(poison), str(files)]

    single = run(inputs, db_url=None, out_dir=tmp_path / "single", parquet=True)
    spark = session("local[2]")
    try:
        counts = run_spark(spark, inputs, str(tmp_path / "spark"), partitions=3)
    finally:
        spark.stop()
    assert counts == {"documents": single.written, "rejects": single.rejects, "mentions": single.mentions,
                      "facts": single.facts}

    s_docs = pq.read_table(tmp_path / "single" / "documents.parquet")
    k_docs = pq.read_table(tmp_path / "spark" / "documents")
    assert _rows(k_docs, DOCUMENT_FIELDS) == _rows(s_docs, DOCUMENT_FIELDS)
    s_m = pq.read_table(tmp_path / "single" / "mentions.parquet")
    k_m = pq.read_table(tmp_path / "spark" / "mentions")
    assert k_m.num_rows == s_m.num_rows > 0
    assert _rows(k_m, MENTION_COLUMNS) == _rows(s_m, MENTION_COLUMNS)
    s_f = pq.read_table(tmp_path / "single" / "facts.parquet")
    k_f = pq.read_table(tmp_path / "spark" / "facts")
    assert k_f.num_rows == s_f.num_rows > 0 and k_f.schema.field("value_amount").type == s_f.schema.field("value_amount").type
    assert _rows(k_f, FACT_COLUMNS) == _rows(s_f, FACT_COLUMNS)
    single_rejects = [json.loads(x) for x in (tmp_path / "single" / "rejects.jsonl").read_text(encoding="utf-8").splitlines()]
    spark_rejects = pq.read_table(tmp_path / "spark" / "rejects").to_pylist()
    key = lambda r: (r["source"], r["line"] or 0)  # noqa: E731
    assert [(r["source"], r["line"], r["reason"], r["field"]) for r in sorted(spark_rejects, key=key)] == \
        [(r["source"], r["line"], r["reason"], r["field"]) for r in sorted(single_rejects, key=key)]
    assert single.rejects > 50 and single.balanced()
