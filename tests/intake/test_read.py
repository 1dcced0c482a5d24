"""Bad input gives a clear message and loses nothing."""

from __future__ import annotations

import datetime as dt
import io
import json

from extract.intake.read import Reject, decode, read_inputs
from schemas.records import Document

import pytest

from extract.intake.read import InputError


def _items(tmp_path, *names):
    return list(read_inputs([str(tmp_path / n) for n in names]))


def test_utf8_bom_and_gbk_files_are_read(tmp_path):
    (tmp_path / "bom.txt").write_bytes("\ufeff国家高新区生产总值达到17.3万亿元".encode("utf-8"))
    (tmp_path / "gbk.txt").write_bytes("郑州高新区营业收入超过13万亿元".encode("gbk"))
    bom, gbk = _items(tmp_path, "bom.txt", "gbk.txt")
    assert isinstance(bom, Document) and bom.text.startswith("国家")
    assert isinstance(gbk, Document) and gbk.text == "郑州高新区营业收入超过13万亿元"


def test_invalid_utf8_names_file_and_byte_offset(tmp_path):
    data = "国家高新区".encode("utf-8") + b"\xff\xfe" + "园区".encode("utf-8")
    (tmp_path / "bad.txt").write_bytes(data)
    (item,) = _items(tmp_path, "bad.txt")
    assert isinstance(item, Reject)
    assert "bad.txt" in item.source and "byte offset 15" in item.reason
    with pytest.raises(InputError, match="offset 15"):
        decode(data, "bad.txt")


def test_empty_file_is_a_document_without_text(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (item,) = _items(tmp_path, "empty.txt")
    assert isinstance(item, Document) and item.text == ""


def test_broken_jsonl_line_is_rejected_and_the_rest_goes_on(tmp_path):
    lines = [json.dumps({"id": "a", "date": "2024-01-04", "text": "今年"}, ensure_ascii=False),
             '{"id": "b", "text": "broken',
             json.dumps({"text": "没有编号"}, ensure_ascii=False),
             json.dumps({"id": "d", "date": "2024-13-01", "text": "x"}),
             json.dumps({"id": "e", "text": "最后一行", "issuer": "省政府"}, ensure_ascii=False)]
    (tmp_path / "in.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = _items(tmp_path, "in.jsonl")
    assert len(items) == 5  # documents in = documents + rejects
    kinds = [type(i).__name__ for i in items]
    assert kinds == ["Document", "Reject", "Reject", "Reject", "Document"]
    assert items[1].line == 2 and "malformed JSON" in items[1].reason
    assert items[2].line == 3 and "no \"id\"" in items[2].reason
    assert items[3].line == 4 and "YYYY-MM-DD" in items[3].reason
    assert items[0].date == dt.date(2024, 1, 4)
    assert items[4].meta == {"issuer": "省政府"}


def test_folder_and_missing_path(tmp_path):
    (tmp_path / "d").mkdir()
    (tmp_path / "d" / "a.txt").write_text("一", encoding="utf-8")
    (tmp_path / "d" / "b.jsonl").write_text('{"id": "x", "text": "二"}\n', encoding="utf-8")
    (tmp_path / "d" / "c.md").write_text("ignored", encoding="utf-8")
    items = list(read_inputs([str(tmp_path / "d"), str(tmp_path / "nope.txt")]))
    assert [getattr(i, "id", None) for i in items[:2]] == ["a", "x"]
    assert isinstance(items[2], Reject) and "no such file" in items[2].reason


def test_stdin_jsonl():
    items = list(read_inputs(["-"], stdin=io.BytesIO('{"id": "s", "text": "截至2023年"}\n'.encode())))
    assert items[0].id == "s"


def test_sidecar_gives_the_date(tmp_path):
    (tmp_path / "p.txt").write_text("1月2日", encoding="utf-8")
    (tmp_path / "p.meta.json").write_text('{"date": "2024-01-04"}', encoding="utf-8")
    (item,) = _items(tmp_path, "p.txt")
    assert item.date == dt.date(2024, 1, 4)
