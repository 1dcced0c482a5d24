"""Read documents from .txt files, folders of them, JSONL files, or standard input.

Nothing is dropped silently: every input unit becomes either a `Document` or a `Reject` that
names the file (and line) and says what is wrong. Documents in = documents out + rejects.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import os
import stat
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO, Iterable, Iterator, Union

from pydantic import ValidationError

from schemas.records import Document

DOCUMENT_FIELDS = {"id", "text", "date", "source", "title"}
MAX_ID = 256  # characters: an id is a key (PostgreSQL's btree refuses rows over ~2.7 KB)
MAX_DEPTH = 64  # nesting of metadata objects and arrays


class InputError(ValueError):
    """An input file that cannot be read at all (undecodable, missing)."""


@dataclass(frozen=True, slots=True)
class Reject:
    """An input unit that could not become a document, with the reason."""

    source: str  # file name
    line: int | None  # 1-based line for JSONL, None for a whole file
    reason: str
    raw: str = ""
    field: str | None = None  # the field that failed (id, text, date, title, meta.x …), when one did

    def as_dict(self) -> dict:
        return {"source": self.source, "line": self.line, "reason": self.reason, "raw": self.raw,
                "field": self.field}

    def __str__(self) -> str:
        where = f"{self.source}:{self.line}" if self.line is not None else self.source
        return f"{where}: {self.reason}"


Item = Union[Document, Reject]


def decode(data: bytes, name: str) -> str:
    """UTF-8 (with or without BOM), else GB18030/GBK or Big5 — told apart by charset-normalizer
    when both decode (Big5 bytes mostly decode as GB18030 too, as mojibake). Raises InputError
    naming the byte offset."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as utf8_error:
        prefix = data[: utf8_error.start].decode("utf-8")
        # Valid three-byte UTF-8 (CJK) before the bad byte: a UTF-8 file with a corrupt byte.
        # GBK text rarely forms such sequences by accident (two-byte ones it does: 郑 = D6 A3).
        looks_utf8 = sum(ord(ch) >= 0x800 for ch in prefix) >= 2
        if looks_utf8:
            raise InputError(
                f"{name}: invalid UTF-8 at byte offset {utf8_error.start} "
                f"(byte 0x{data[utf8_error.start]:02x}); the file is UTF-8 up to there"
            ) from None
        utf8_at = utf8_error.start
    return _decode_chinese(data, name, utf8_at)


def _strict(data: bytes, encoding: str) -> tuple[str | None, int | None]:
    try:
        return data.decode(encoding), None
    except UnicodeDecodeError as exc:
        return None, exc.start


def _decode_chinese(data: bytes, name: str, utf8_at: int) -> str:
    gb, gb_at = _strict(data, "gb18030")
    big5, big5_at = _strict(data, "cp950")  # Big5 with the Microsoft extensions (what Big5 files use)
    if gb is not None and big5 is None:
        return gb
    guess = _guess(data)
    if big5 is not None and (gb is None or guess == "big5"):
        return big5
    if gb is not None:
        return gb
    if guess == "big5":
        raise InputError(f"{name}: looks like Big5 but cannot be decoded as Big5 (bad byte at offset {big5_at})")
    raise InputError(f"{name}: cannot decode as UTF-8 (bad byte at offset {utf8_at}) nor as GB18030 "
                     f"(bad byte at offset {gb_at}) nor as Big5 (bad byte at offset {big5_at})")


def _guess(data: bytes) -> str | None:
    """'big5' or 'gb18030': which of the two charset-normalizer finds more coherent."""
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # pragma: no cover - a dependency
        return None
    best = from_bytes(data, cp_isolation=["gb18030", "big5"]).best()
    if best is None:
        return None
    return "big5" if best.encoding in ("big5", "cp950", "big5hkscs") else "gb18030"


def _date(value: object, where: str) -> dt.date | None:
    """YYYY-MM-DD, or an ISO date-time (its date); anything else is an error, never a guess."""
    if value in (None, ""):
        return None
    if isinstance(value, str):
        try:
            if len(value) == 10:
                return dt.date.fromisoformat(value)
            if len(value) > 10 and value[10] in "T ":
                return dt.datetime.fromisoformat(value).date()
        except ValueError:
            pass
    raise FieldError("date", f"{where}: date {str(value)[:40]!r} is not YYYY-MM-DD")


class FieldError(ValueError):
    """A record whose ``field`` cannot be stored as given."""

    def __init__(self, field: str, message: str):
        super().__init__(message)
        self.field = field


def _depth_ok(value: Any) -> bool:
    """Nesting of at most MAX_DEPTH containers (checked without recursion)."""
    stack = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, (dict, list)):
            if depth > MAX_DEPTH:
                return False
            stack.extend((v, depth + 1) for v in (item.values() if isinstance(item, dict) else item))
    return True


def check_string(field: str, value: str, where: str) -> None:
    """Text every sink can store exactly: valid Unicode (no lone surrogates)."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise FieldError(field, f"{where}: {field} has a lone surrogate U+{ord(value[exc.start]):04X} "
                                f"at {exc.start} (not Unicode text)") from None


def _check_meta(meta: Any, where: str) -> None:
    stack = [("meta", meta)]
    while stack:
        path, item = stack.pop()
        if isinstance(item, str):
            check_string(path, item, where)
        elif isinstance(item, float) and not math.isfinite(item):
            raise FieldError(path, f"{where}: {path} is {item!r}, which JSON cannot represent")
        elif isinstance(item, dict):
            for k, v in item.items():
                check_string(f"{path} key", k, where)
                stack.append((f"{path}.{k}", v))
        elif isinstance(item, list):
            stack.extend((f"{path}[{i}]", v) for i, v in enumerate(item))


def _doc_id(value: object, where: str) -> str:
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        raise FieldError("id", f"{where}: the \"id\" must be a string or an integer, got {type(value).__name__}")
    doc_id = str(value)
    if not doc_id:
        raise FieldError("id", f"{where}: the document has no \"id\"")
    if len(doc_id) > MAX_ID:
        raise FieldError("id", f"{where}: the \"id\" has {len(doc_id)} characters (at most {MAX_ID})")
    check_string("id", doc_id, where)
    if "\x00" in doc_id:
        raise FieldError("id", f"{where}: the \"id\" contains U+0000 (NUL)")
    return doc_id


def _optional_str(record: dict, key: str, where: str) -> str | None:
    value = record.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        raise FieldError(key, f"{where}: \"{key}\" must be a string, got {type(value).__name__}")
    check_string(key, value, where)
    return value


def document_from_record(record: object, where: str, default_date: dt.date | None = None) -> Document:
    """Build a Document from one JSON object; raises ValueError (a FieldError naming the field
    when one is at fault) with a clear message."""
    if not isinstance(record, dict):
        raise ValueError(f"{where}: expected a JSON object, got {type(record).__name__}")
    if "text" not in record or not isinstance(record["text"], str):
        raise FieldError("text", f"{where}: the document has no \"text\" string")
    if "id" not in record or record["id"] in (None, ""):
        raise FieldError("id", f"{where}: the document has no \"id\"")
    doc_id = _doc_id(record["id"], where)
    check_string("text", record["text"], where)
    date = _date(record.get("date"), where) or default_date
    source, title = _optional_str(record, "source", where), _optional_str(record, "title", where)
    meta = {k: v for k, v in record.items() if k not in DOCUMENT_FIELDS}
    if not _depth_ok(meta):
        raise FieldError("meta", f"{where}: metadata nested deeper than {MAX_DEPTH} levels")
    _check_meta(meta, where)
    try:
        return Document(id=doc_id, text=record["text"], date=date, source=source, title=title, meta=meta)
    except ValidationError as exc:
        err = exc.errors()[0]
        raise FieldError(".".join(map(str, err["loc"])) or "document", f"{where}: {err['msg']}") from None


def _no_constants(name: str) -> Any:
    raise ValueError(f"{name} is not JSON")


def read_jsonl(stream: Iterable[bytes], name: str, default_date: dt.date | None = None) -> Iterator[Item]:
    """Stream a JSONL file line by line (memory stays flat in the file's size)."""
    for number, raw in enumerate(stream, 1):
        if not raw.strip():
            continue
        yield parse_line(raw, name, number, default_date)


def _raw(text: str) -> str:
    return text.rstrip("\n")


def parse_line(raw: bytes, name: str, number: int, default_date: dt.date | None = None) -> Item:
    """One JSONL line → a Document or a Reject (never an exception)."""
    where = f"{name}:{number}"
    try:
        line = decode(raw, where)
    except InputError as exc:
        return Reject(name, number, str(exc).split(": ", 1)[-1], _raw(raw.decode("utf-8", "replace")), "encoding")
    try:
        record = json.loads(line, parse_constant=_no_constants)
        return document_from_record(record, where, default_date)
    except json.JSONDecodeError as exc:
        return Reject(name, number, f"malformed JSON ({exc.msg} at column {exc.colno})", _raw(line))
    except RecursionError:
        return Reject(name, number, "JSON nested too deeply", _raw(line), "meta")
    except FieldError as exc:
        return Reject(name, number, str(exc).split(": ", 1)[-1], _raw(line), exc.field)
    except ValueError as exc:
        return Reject(name, number, str(exc).split(": ", 1)[-1], _raw(line))


def read_txt(path: Path, default_date: dt.date | None = None) -> Item:
    """A .txt file (and its optional ``NAME.meta.json`` sidecar) → a Document or a Reject."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        return Reject(str(path), None, f"cannot read the file: {exc.strerror or exc}", "", "file")
    try:
        text = decode(data, str(path))
    except InputError as exc:
        return Reject(str(path), None, str(exc).split(": ", 1)[-1], "", "encoding")
    meta_path = path.with_suffix(".meta.json")  # optional sidecar: {"date", "source", "title"}
    meta: Any = {}
    where = str(meta_path)
    try:
        if meta_path.exists():
            meta = json.loads(meta_path.read_text(encoding="utf-8"), parse_constant=_no_constants)
            if not isinstance(meta, dict):
                raise FieldError("sidecar", f"{where}: expected a JSON object, got {type(meta).__name__}")
        date = _date(meta.get("date"), where) or default_date
        source = _optional_str(meta, "source", where)
        title = _optional_str(meta, "title", where)
        check_string("text", text, str(path))
        return Document(id=path.stem, text=text, date=date, source=source or str(path), title=title)
    except FieldError as exc:
        return Reject(str(path), None, f"bad sidecar {meta_path.name}: {str(exc).split(': ', 1)[-1]}", "", exc.field)
    except (OSError, ValueError, RecursionError) as exc:  # unreadable or malformed sidecar
        why = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc) or type(exc).__name__
        return Reject(str(path), None, f"bad sidecar {meta_path.name}: {why}", "", "sidecar")


# -- walking the inputs --------------------------------------------------------------------------

SUFFIXES = {".txt", ".jsonl"}


def walk(inputs: Iterable[str]) -> Iterator[tuple[str, Any]]:
    """Every input file, in order: ``("jsonl", path)``, ``("txt", path)``, ``("stdin", "-")`` or
    ``("reject", Reject)`` for what cannot be read — a missing path, an unreadable folder, a
    broken or looping symbolic link, something that is not a regular file. Folders are walked
    recursively in sorted order, following symbolic links to folders once (a loop is reported).
    Nothing is skipped silently, except files whose suffix is neither .txt nor .jsonl."""
    for spec in inputs:
        if spec == "-":
            yield ("stdin", spec)
            continue
        path = Path(spec)
        if not os.path.lexists(path):
            yield ("reject", Reject(spec, None, "no such file or folder", "", "path"))
            continue
        try:
            is_dir = path.is_dir()
        except OSError as exc:
            yield ("reject", Reject(spec, None, _link_reason(path, exc), "", "path"))
            continue
        if is_dir:
            yield from _walk_dir(path, {os.path.realpath(path)})
        else:
            yield _file_unit(path, explicit=True)


def _link_reason(path: Path, exc: OSError | None = None) -> str:
    if path.is_symlink():
        try:
            target = os.readlink(path)
        except OSError:
            target = "?"
        try:
            os.stat(path)
        except OSError as err:
            if err.errno == 40:  # ELOOP
                return f"symbolic link loop ({target})"
            return f"broken symbolic link (to {target})"
    return f"cannot read: {exc.strerror if exc and exc.strerror else exc}"


def _file_unit(path: Path, explicit: bool = False) -> tuple[str, Any]:
    try:
        mode = os.stat(path).st_mode
    except OSError as exc:
        return ("reject", Reject(str(path), None, _link_reason(path, exc), "", "path"))
    if not stat.S_ISREG(mode):
        return ("reject", Reject(str(path), None, "not a regular file", "", "path"))
    if path.suffix.lower() == ".jsonl":
        return ("jsonl", path)
    return ("txt", path)


def _walk_dir(folder: Path, seen: set[str]) -> Iterator[tuple[str, Any]]:
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError as exc:
        yield ("reject", Reject(str(folder), None, f"cannot read the folder: {exc.strerror or exc}", "", "path"))
        return
    for entry in entries:
        path = Path(entry.path)
        name = entry.name.lower()
        try:
            is_dir = entry.is_dir()  # follows links
        except OSError:
            is_dir = False
        if is_dir:
            real = os.path.realpath(path)
            if real in seen:
                yield ("reject", Reject(str(path), None, f"symbolic link loop (to {real})", "", "path"))
                continue
            yield from _walk_dir(path, seen | {real})
            continue
        if not any(name.endswith(suffix) for suffix in SUFFIXES) or name.endswith(".meta.json"):
            continue
        yield _file_unit(path)


def _files(path: Path) -> Iterator[Path]:
    """The readable input files under ``path`` (what :func:`walk` yields as files)."""
    for kind, item in walk([str(path)]):
        if kind in ("jsonl", "txt"):
            yield item


def read_inputs(
    inputs: Iterable[str], default_date: dt.date | None = None, stdin: BinaryIO | None = None
) -> Iterator[Item]:
    """Documents and rejects from every input: files, folders (recursively), or ``-`` (stdin JSONL)."""
    for kind, item in walk(inputs):
        if kind == "stdin":
            yield from read_jsonl(stdin or sys.stdin.buffer, "<stdin>", default_date)
        elif kind == "reject":
            yield item
        elif kind == "jsonl":
            try:
                fh = item.open("rb")
            except OSError as exc:
                yield Reject(str(item), None, f"cannot read the file: {exc.strerror or exc}", "", "file")
                continue
            with fh:
                try:
                    yield from read_jsonl(fh, str(item), default_date)
                except OSError as exc:
                    yield Reject(str(item), None, f"cannot read the file: {exc.strerror or exc}", "", "file")
        else:
            yield read_txt(item, default_date)
