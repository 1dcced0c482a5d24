"""Read documents from .txt files, folders of them, JSONL files, or standard input.

Nothing is dropped silently: every input unit becomes either a `Document` or a `Reject` that
names the file (and line) and says what is wrong. Documents in = documents out + rejects.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Iterable, Iterator, Union

from pydantic import ValidationError

from schemas.records import Document

DOCUMENT_FIELDS = {"id", "text", "date", "source", "title"}


class InputError(ValueError):
    """An input file that cannot be read at all (undecodable, missing)."""


@dataclass(frozen=True, slots=True)
class Reject:
    """An input unit that could not become a document, with the reason."""

    source: str  # file name
    line: int | None  # 1-based line for JSONL, None for a whole file
    reason: str
    raw: str = ""

    def as_dict(self) -> dict:
        return {"source": self.source, "line": self.line, "reason": self.reason, "raw": self.raw}

    def __str__(self) -> str:
        where = f"{self.source}:{self.line}" if self.line is not None else self.source
        return f"{where}: {self.reason}"


Item = Union[Document, Reject]


def decode(data: bytes, name: str) -> str:
    """UTF-8 (with or without BOM), else GB18030/GBK. Raises InputError naming the byte offset."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as utf8_error:
        prefix = data[: utf8_error.start].decode("utf-8")
        # Valid three-byte UTF-8 (CJK) before the bad byte: a UTF-8 file with a corrupt byte.
        # GBK text rarely forms such sequences by accident (two-byte ones it does: 郑 = D6 A3).
        looks_utf8 = sum(ord(ch) >= 0x800 for ch in prefix) >= 2
        if not looks_utf8:
            try:
                return data.decode("gb18030")
            except UnicodeDecodeError as gb_error:
                raise InputError(
                    f"{name}: cannot decode as UTF-8 (bad byte at offset {utf8_error.start}) "
                    f"nor as GB18030 (bad byte at offset {gb_error.start})"
                ) from None
        raise InputError(
            f"{name}: invalid UTF-8 at byte offset {utf8_error.start} "
            f"(byte 0x{data[utf8_error.start]:02x}); the file is UTF-8 up to there"
        ) from None


def _date(value: object, where: str) -> dt.date | None:
    if value in (None, ""):
        return None
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value[:10])
        except ValueError:
            pass
    raise ValueError(f"{where}: date {value!r} is not YYYY-MM-DD")


def document_from_record(record: object, where: str, default_date: dt.date | None = None) -> Document:
    """Build a Document from one JSON object; raises ValueError with a clear message."""
    if not isinstance(record, dict):
        raise ValueError(f"{where}: expected a JSON object, got {type(record).__name__}")
    if "text" not in record or not isinstance(record["text"], str):
        raise ValueError(f"{where}: the document has no \"text\" string")
    doc_id = record.get("id")
    if doc_id in (None, ""):
        raise ValueError(f"{where}: the document has no \"id\"")
    date = _date(record.get("date"), where) or default_date
    meta = {k: v for k, v in record.items() if k not in DOCUMENT_FIELDS}
    try:
        return Document(
            id=str(doc_id), text=record["text"], date=date,
            source=record.get("source"), title=record.get("title"), meta=meta,
        )
    except ValidationError as exc:
        raise ValueError(f"{where}: {exc.errors()[0]['msg']}") from None


def read_jsonl(stream: Iterable[bytes], name: str, default_date: dt.date | None = None) -> Iterator[Item]:
    """Stream a JSONL file line by line (memory stays flat in the file's size)."""
    for number, raw in enumerate(stream, 1):
        if not raw.strip():
            continue
        try:
            line = decode(raw, f"{name}:{number}")
        except InputError as exc:
            yield Reject(name, number, str(exc).split(": ", 1)[-1], raw.decode("utf-8", "replace").rstrip("\n"))
            continue
        try:
            record = json.loads(line)
            yield document_from_record(record, f"{name}:{number}", default_date)
        except json.JSONDecodeError as exc:
            yield Reject(name, number, f"malformed JSON ({exc.msg} at column {exc.colno})", line.rstrip("\n"))
        except ValueError as exc:
            yield Reject(name, number, str(exc).split(": ", 1)[-1], line.rstrip("\n"))


def read_txt(path: Path, default_date: dt.date | None = None) -> Item:
    try:
        text = decode(path.read_bytes(), str(path))
    except InputError as exc:
        return Reject(str(path), None, str(exc).split(": ", 1)[-1])
    meta_path = path.with_suffix(".meta.json")  # optional sidecar: {"date", "source", "title"}
    meta: dict = {}
    if meta_path.exists():
        try:
            meta = json.loads(meta_path.read_text(encoding="utf-8"))
            date = _date(meta.get("date"), str(meta_path)) or default_date
        except ValueError as exc:
            return Reject(str(path), None, f"bad sidecar {meta_path.name}: {exc}")
    else:
        date = default_date
    return Document(id=path.stem, text=text, date=date, source=meta.get("source", str(path)), title=meta.get("title"))


def _files(path: Path) -> Iterator[Path]:
    if path.is_dir():
        for p in sorted(path.rglob("*")):
            if p.is_file() and p.suffix.lower() in {".txt", ".jsonl"}:
                yield p
    else:
        yield path


def read_inputs(
    inputs: Iterable[str], default_date: dt.date | None = None, stdin: BinaryIO | None = None
) -> Iterator[Item]:
    """Documents and rejects from every input: files, folders (recursively), or ``-`` (stdin JSONL)."""
    for spec in inputs:
        if spec == "-":
            yield from read_jsonl(stdin or sys.stdin.buffer, "<stdin>", default_date)
            continue
        path = Path(spec)
        if not path.exists():
            yield Reject(spec, None, "no such file or folder")
            continue
        for file in _files(path):
            if file.suffix.lower() == ".jsonl":
                with file.open("rb") as fh:
                    yield from read_jsonl(fh, str(file), default_date)
            else:
                yield read_txt(file, default_date)
