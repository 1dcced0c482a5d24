"""Typed DataFrames (issue 18, item 4): extract.read(db_url) and extract.to_frame() give Decimal
amounts (never float), nullable integers and booleans, datetime64 date ranges — and the same
rows from SQLite, DuckDB, PostgreSQL and memory."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest

import extract
from extract.batch import run
from pg_server import postgres_server_url, postgres_url  # noqa: F401  (fixtures)

TEXT = "截至2023年12月29日，2023年1—9月营收超过13.25万亿元，增长7.11%，中关村科技园区签约0.1元。"


def test_frames_are_typed_and_agree(tmp_path, postgres_url):
    pd = pytest.importorskip("pandas")
    pytest.importorskip("duckdb")
    src = tmp_path / "a.jsonl"
    src.write_text(json.dumps({"id": "a", "date": "2024-01-04", "text": TEXT}, ensure_ascii=False) + "\n",
                   encoding="utf-8")
    urls = [f"sqlite:///{tmp_path}/a.sqlite", f"duckdb:///{tmp_path}/a.duckdb", postgres_url]
    for url in urls:
        run([str(src)], db_url=url, out_dir=None)
    from extract.intake.read import read_inputs
    from extract.pipeline import extract_document

    memory = extract.to_frame([extract_document(d) for d in read_inputs([str(src)])])
    frames = [extract.read(url) for url in urls] + [memory]
    key = ["doc_id", "start", "end", "label"]
    for frame in frames:
        money = frame[frame.label == "MONEY"]
        assert all(isinstance(v, Decimal) for v in money.money_amount)
        assert Decimal("13250000000000") in set(money.money_amount) and Decimal("0.1") in set(money.money_amount)
        assert sum(money.money_amount, Decimal(0)) == Decimal("13250000000000.1")  # exact, no float
        assert str(frame["start"].dtype) == "Int64" and str(frame["date_resolved"].dtype) == "boolean"
        assert pd.api.types.is_datetime64_any_dtype(frame["date_start"])
        rng = frame[frame.date_value == "2023-01/2023-09"]
        assert rng.date_start.iloc[0] == pd.Timestamp("2023-01-01") and rng.date_end.iloc[0] == pd.Timestamp("2023-09-30")
    cols = ["doc_id", "start", "end", "label", "text", "money_amount", "percent_value", "date_value", "date_start",
            "date_end", "park_id"]
    want = memory[cols].sort_values(key).reset_index(drop=True)
    for frame in frames[:-1]:
        pd.testing.assert_frame_equal(frame[cols].sort_values(key).reset_index(drop=True), want, check_dtype=False)
