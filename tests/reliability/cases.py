"""The red-team cases of issue 19 as data: each is an input that must become documents or
rejects — never a crash, never a silent loss. Shared by the poison tests and the Spark/`run`
intake comparison."""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

OK_TEXT = "截至2023年12月29日，营收超过13万亿元，增长7.11%。"


def _j(**fields) -> bytes:
    return (json.dumps({"text": OK_TEXT, **fields}, ensure_ascii=False) + "\n").encode("utf-8")


def _jr(raw: str) -> bytes:  # a hand-written line (escapes as the JSON text says)
    return (raw + "\n").encode("utf-8")


def _nested(depth: int) -> bytes:
    return _jr('{"id": "deep", "text": "x", "m": ' + "[" * depth + "]" * depth + "}")


@dataclass(frozen=True)
class LineCase:
    """One JSONL line between two good documents. ``outcome``: "written" or the reject's field
    (``"-"``: a reject without a field); ``postgres``: the outcome there, when it differs."""

    name: str
    line: bytes
    outcome: str
    postgres: str | None = None


LINE_CASES = [
    LineCase("surrogate_title", _jr('{"id": "s", "text": "增长7%", "title": "ab\\ud800"}'), "title"),
    LineCase("surrogate_meta", _jr('{"id": "s", "text": "增长7%", "author": "\\udc00x"}'), "meta.author"),
    LineCase("surrogate_meta_key", _jr('{"id": "s", "text": "增长7%", "a\\ud800": 1}'), "meta key"),
    LineCase("surrogate_nested_meta", _jr('{"id": "s", "text": "7%", "m": {"k": ["\\ud83d"]}}'), "meta.m.k[0]"),
    LineCase("surrogate_text", _jr('{"id": "s", "text": "增长\\ud800 7%"}'), "text"),
    LineCase("surrogate_id", _jr('{"id": "a\\udfff", "text": "7%"}'), "id"),
    LineCase("surrogate_source", _jr('{"id": "s", "text": "7%", "source": "\\ud800"}'), "source"),
    LineCase("surrogate_pair_ok", _jr('{"id": "s", "text": "笑\\ud83d\\ude00 7%"}'), "written"),
    LineCase("nested_1000", _nested(1000), "meta"),
    LineCase("nested_100000", _nested(100_000), "meta"),
    LineCase("nested_65", _nested(65), "meta"),
    LineCase("nested_10_ok", _nested(10), "written"),
    LineCase("nan_meta", _jr('{"id": "s", "text": "7%", "score": NaN}'), "-"),
    LineCase("infinity_meta", _jr('{"id": "s", "text": "7%", "score": Infinity}'), "-"),
    LineCase("minus_infinity_meta", _jr('{"id": "s", "text": "7%", "score": -Infinity}'), "-"),
    LineCase("raw_nul_in_rejected_line", b'{"id": "n", "text": \x00 }\n', "-"),
    LineCase("raw_nul_and_bad_utf8", b'{"id": "n", \x00\xff "text": "x"}\n', "encoding"),
    LineCase("escaped_nul_in_text", _jr('{"id": "s", "text": "a\\u0000b 7%"}'), "written", postgres="text"),
    LineCase("escaped_nul_in_title", _jr('{"id": "s", "text": "7%", "title": "a\\u0000"}'), "written",
             postgres="title"),
    LineCase("escaped_nul_in_meta", _jr('{"id": "s", "text": "7%", "m": "a\\u0000"}'), "written"),  # JSON keeps \u0000
    LineCase("nul_in_id", _jr('{"id": "a\\u0000b", "text": "7%"}'), "id"),
    LineCase("id_10kb", _j(id="x" * 10_000), "id"),
    LineCase("id_256_ok", _j(id="x" * 256), "written"),
    LineCase("id_object", _j(id={"a": 1}), "id"),
    LineCase("id_array", _j(id=[1]), "id"),
    LineCase("id_true", _j(id=True), "id"),
    LineCase("id_float", _j(id=1.5), "id"),
    LineCase("id_null", _j(id=None), "id"),
    LineCase("id_empty", _j(id=""), "id"),
    LineCase("id_missing", _j(), "id"),
    LineCase("id_integer_ok", _j(id=7), "written"),
    LineCase("date_garbage_suffix", _j(id="s", date="2024-01-04garbage"), "date"),
    LineCase("date_number", _j(id="s", date=20240104), "date"),
    LineCase("date_impossible", _j(id="s", date="2024-02-30"), "date"),
    LineCase("date_datetime_ok", _j(id="s", date="2024-01-04T08:00:00+08:00"), "written"),
    LineCase("title_number", _j(id="s", title=5), "title"),
    LineCase("title_object", _j(id="s", title={"a": 1}), "title"),
    LineCase("source_list", _j(id="s", source=["a"]), "source"),
    LineCase("text_missing", _jr('{"id": "s"}'), "text"),
    LineCase("text_number", _jr('{"id": "s", "text": 5}'), "text"),
    LineCase("text_null", _jr('{"id": "s", "text": null}'), "text"),
    LineCase("top_level_array", _jr('[{"id": "s", "text": "x"}]'), "-"),
    LineCase("top_level_string", _jr('"hello"'), "-"),
    LineCase("top_level_number", _jr("42"), "-"),
    LineCase("malformed_json", _jr('{"id": "s", "text": '), "-"),
    LineCase("trailing_garbage", _jr('{"id": "s", "text": "x"} x'), "-"),
    LineCase("invalid_utf8", b'{"id": "s", "text": "\xe5\xa2\x9e\xe9\x95\xbf\xff"}\n', "encoding"),
    LineCase("gbk_line_ok", ('{"id": "g", "text": "郑州营收13万亿元"}\n').encode("gbk"), "written"),
    LineCase("big5_line_ok", ('{"id": "b", "text": "新臺幣3.5億元的投資計畫已經完成"}\n').encode("big5"), "written"),
    LineCase("line_1mb_ok", _j(id="big", text="营收超过13万亿元。" * 100_000), "written"),
    LineCase("empty_text_ok", _jr('{"id": "e", "text": ""}'), "written"),
    LineCase("control_chars_ok", _j(id="c", text="a\x01\x1f\x7f\u2028\u2029\ufeff 7%"), "written"),
    LineCase("bom_line_ok", b"\xef\xbb\xbf" + _j(id="bom"), "written"),
    LineCase("crlf_line_ok", _j(id="crlf").rstrip(b"\n") + b"\r\n", "written"),
    LineCase("duplicate_keys_ok", _jr('{"id": "a", "id": "dk", "text": "7%"}'), "written"),
]


@dataclass(frozen=True)
class FileCase:
    """One input file (made by ``make(folder) -> path``) beside a good one; ``outcome`` as for
    :class:`LineCase`; ``text``: the text a written document must have."""

    name: str
    make: Callable[[Path], Path]
    outcome: str
    text: str | None = None


def _txt(name: str, data: bytes, sidecar: bytes | None = None) -> Callable[[Path], Path]:
    def make(folder: Path) -> Path:
        path = folder / name
        path.write_bytes(data)
        if sidecar is not None:
            path.with_suffix(".meta.json").write_bytes(sidecar)
        return path
    return make


def _symlink(name: str, target: str) -> Callable[[Path], Path]:
    def make(folder: Path) -> Path:
        path = folder / name
        os.symlink(target if target != "SELF" else path, path)
        return path
    return make


def _fifo(folder: Path) -> Path:
    path = folder / "pipe.txt"
    os.mkfifo(path)
    return path


def _looping_folder(folder: Path) -> Path:
    sub = folder / "loop"
    sub.mkdir()
    os.symlink(sub, sub / "again")
    (sub / "in.txt").write_text("增长7%", encoding="utf-8")
    return sub


BIG5 = "臺灣經濟部宣布新臺幣3.5億元的投資計畫，產業園區營收成長百分之十二。"
OK = OK_TEXT.encode("utf-8")

FILE_CASES = [
    FileCase("sidecar_array", _txt("a.txt", OK, b"[1, 2]"), "sidecar"),
    FileCase("sidecar_string", _txt("a.txt", OK, b'"x"'), "sidecar"),
    FileCase("sidecar_source_number", _txt("a.txt", OK, b'{"source": 5}'), "source"),
    FileCase("sidecar_title_object", _txt("a.txt", OK, b'{"title": {"a": 1}}'), "title"),
    FileCase("sidecar_bad_date", _txt("a.txt", OK, b'{"date": "2024-13-01"}'), "date"),
    FileCase("sidecar_malformed", _txt("a.txt", OK, b'{"date": '), "sidecar"),
    FileCase("sidecar_nan", _txt("a.txt", OK, b'{"source": "s", "x": NaN}'), "sidecar"),
    FileCase("sidecar_not_utf8", _txt("a.txt", OK, b'{"title": "\xff"}'), "sidecar"),
    FileCase("sidecar_surrogate_title", _txt("a.txt", OK, b'{"title": "\\ud800"}'), "title"),
    FileCase("sidecar_deep", _txt("a.txt", OK, b'{"x": ' + b"[" * 100_000 + b"]" * 100_000 + b"}"), "sidecar"),
    FileCase("sidecar_ok", _txt("a.txt", OK, b'{"date": "2024-01-04", "source": "s", "title": "t"}'), "written",
             OK_TEXT),
    FileCase("big5_file", _txt("big5.txt", BIG5.encode("big5")), "written", BIG5),
    FileCase("gbk_file", _txt("gbk.txt", "郑州高新区营业收入超过13万亿元".encode("gbk")), "written",
             "郑州高新区营业收入超过13万亿元"),
    FileCase("utf16_file", _txt("u16.txt", "营收超过13万亿元".encode("utf-16")), "encoding"),
    FileCase("binary_file", _txt("bin.txt", bytes(range(256)) * 4), "encoding"),
    FileCase("unreadable_file", _symlink("mem.txt", "/proc/self/mem"), "file"),
    FileCase("dangling_symlink", _symlink("gone.txt", "/nonexistent/newsx/gone.txt"), "path"),
    FileCase("self_looping_symlink", _symlink("self.txt", "SELF"), "path"),
    FileCase("fifo", _fifo, "path"),
    FileCase("looping_folder", _looping_folder, "path"),
]
