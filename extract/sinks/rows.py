"""Flatten records into rows with typed value columns, derived from the value models.

Columns are ``<label>_<field>`` for every field of every value model (``money_amount``,
``percent_value``, ``date_value``, ``park_canonical`` …), so adding a label adds its columns
without touching a sink. Decimals are exact decimals in every engine that has the type —
DECIMAL(38, 10) (``DECIMAL_SPEC``) in DuckDB, Parquet and Spark, ``NUMERIC`` in PostgreSQL —
and exact decimal text in SQLite (which has no decimal type; ``extract.sinks.connect`` gives
it exact aggregates). The full value is kept as JSON too (``value_json``).

**Typed rows.** What crosses from a batch worker to the parent and on into a sink is a typed
row per table: :class:`DocumentRow`, :class:`MentionRow`, :class:`FactRow`, :class:`RejectRow`
(read ``row.text_sha256``, not ``row[5]``). They are ``NamedTuple`` classes, not dataclasses,
for speed: a NamedTuple *is* the tuple of its table's columns, in the DDL's order, so
``executemany``, PostgreSQL's ``COPY``, Arrow and Spark take it as it is, where a dataclass needs
a conversion per row at every sink; it is immutable and picklable, and on this machine a
``frozen=True, slots=True`` dataclass of the 27 mention columns took about 2× as long to build
and to pickle and 4× to unpickle as the NamedTuple (a worker sends one per mention). A row is
built from a finished list with ``_row`` (``tuple.__new__``: no Python-level ``__new__`` per
row); ``extract.batch.DocumentResult`` sends its rows between processes as plain tuples and
types them again on arrival.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import json
import typing
from decimal import Decimal
from typing import Any, NamedTuple

from schemas.records import VALUE_MODELS, Document, Mention

MENTION_BASE = ["doc_id", "start", "end", "label", "text", "rule", "value_json"]
DECIMAL_SPEC = (38, 10)  # precision, scale of every decimal column wherever the engine has a decimal type


def _is_decimal(annotation: Any) -> bool:
    if annotation is Decimal:
        return True
    return any(_is_decimal(a) for a in typing.get_args(annotation))


def _is_bool(annotation: Any) -> bool:
    if annotation is bool:
        return True
    return any(_is_bool(a) for a in typing.get_args(annotation))


def value_fields() -> list[tuple[str, bool]]:
    """(column name, is a Decimal) for every field of every value model."""
    cols = []
    for label, model in VALUE_MODELS.items():
        for name, info in model.model_fields.items():
            cols.append((f"{label.value.lower()}_{name}", _is_decimal(info.annotation)))
    return cols


def _kinds() -> dict[str, str]:
    kinds = {}
    for label, model in VALUE_MODELS.items():
        for name, info in model.model_fields.items():
            col = f"{label.value.lower()}_{name}"
            kinds[col] = "decimal" if _is_decimal(info.annotation) else "bool" if _is_bool(info.annotation) else "text"
    return kinds


VALUE_KINDS = _kinds()  # column → decimal, bool or text


def value_columns(decimal_type: str = "TEXT", bool_type: str = "BOOLEAN") -> list[tuple[str, str]]:
    """(column name, SQL type) for every value field: Decimals as ``decimal_type``, booleans as
    ``bool_type``, the rest TEXT."""
    types = {"decimal": decimal_type, "bool": bool_type, "text": "TEXT"}
    return [(c, types[k]) for c, k in VALUE_KINDS.items()]


VALUE_COLUMNS = list(VALUE_KINDS)
DATE_RANGE_COLUMNS = ["date_start", "date_end"]  # the first and last day a DATE value covers (DATE type)
DECIMAL_COLUMNS = [c for c, k in VALUE_KINDS.items() if k == "decimal"]
BOOL_COLUMNS = {c for c, k in VALUE_KINDS.items() if k == "bool"}
MENTION_COLUMNS = MENTION_BASE + VALUE_COLUMNS + DATE_RANGE_COLUMNS


class DocumentRow(NamedTuple):
    """One ``documents`` row, the columns of ``DOCUMENT_FIELDS`` (run_id is the sink's)."""

    id: str
    date: str | None  # ISO day
    source: str | None
    title: str | None
    text: str  # byte-identical to the input
    text_sha256: str
    meta_json: str
    fingerprint: str  # what a re-run compares (:func:`document_row`)


DOCUMENT_FIELDS = list(DocumentRow._fields)  # the documents columns before run_id (set by the sink)
DOCUMENT_COLUMNS = DOCUMENT_FIELDS + ["run_id"]
INT_COLUMNS = {"start", "end"}


class RejectRow(NamedTuple):
    """One input unit that could not become a document: ``REJECT_FIELDS`` (run_id is the sink's)."""

    source: str
    line: int | None  # 1-based JSONL line; None for a whole file
    reason: str
    raw: str = ""
    field: str | None = None  # the field that failed (id, text, date, meta.KEY …), when one did

    @classmethod
    def of(cls, reject: Any) -> "RejectRow":
        """From ``extract.intake.read.Reject`` (or any object with the same attributes)."""
        return cls(reject.source, reject.line, reject.reason, reject.raw, reject.field)


REJECT_FIELDS = list(RejectRow._fields)  # the rejects columns before run_id
_row = tuple.__new__  # _row(MentionRow, values): a typed row from a finished list, at C speed
MENTION_KINDS = {c: "int" if c in INT_COLUMNS else "date" if c in DATE_RANGE_COLUMNS else VALUE_KINDS.get(c, "text")
                 for c in MENTION_COLUMNS}  # column → int, decimal, bool, date or text
_INDEX = {c: i for i, c in enumerate(MENTION_COLUMNS)}
# One ``mentions`` row: the fields are ``MENTION_COLUMNS`` (derived from the value models, so a
# label's new value field is a new field here too): ``row.doc_id``, ``row.money_amount`` …
MentionRow = NamedTuple("MentionRow", [(c, Any) for c in MENTION_COLUMNS])


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _plain(v: Any) -> Any:
    if isinstance(v, Decimal):
        return format(v, "f")
    return getattr(v, "value", v)  # enums


def document_row(doc: Document, config: str = "") -> DocumentRow:
    """The ``documents`` row of a document (everything but run_id). ``config`` names the
    extraction configuration (labels, version, registry: :func:`config_key`); the fingerprint
    covers it and everything the document gives, so a re-run skips a stored document only when
    nothing that shapes its rows has changed. Metadata that JSON cannot hold (NaN, Infinity)
    raises ValueError."""
    meta = json.dumps(doc.meta, ensure_ascii=False, sort_keys=True, allow_nan=False)
    date = doc.date.isoformat() if doc.date else None
    digest = text_hash(doc.text)
    fingerprint = hashlib.sha256(json.dumps([digest, date, doc.source, doc.title, meta, config],
                                            ensure_ascii=False).encode("utf-8")).hexdigest()
    return DocumentRow(doc.id, date, doc.source, doc.title, doc.text, digest, meta, fingerprint)


def config_key(labels: Any, version: str, facts: bool = False) -> str:
    """The extraction configuration a fingerprint covers: labels, newsx version, whether facts
    are extracted (a run with facts after one without rewrites the documents, and the reverse
    removes their facts), and the contents of every park registry in use (the shipped one and
    the user's ``--registry``)."""
    from extract.park.registry import REGISTRY_PATH, user_registries

    registries = []
    for path in (str(REGISTRY_PATH), *user_registries()):
        try:
            with open(path, "rb") as fh:
                registries.append(hashlib.sha256(fh.read()).hexdigest()[:16])
        except OSError:
            registries.append("unreadable")
    from extract.config import as_config

    config = as_config(labels)
    key = {"labels": sorted(config.labels) if config.labels else "all", "version": version,
           "registries": registries, "facts": bool(facts)}
    for name in ("options", "precedence", "extras"):  # a config beyond the labels is part of it too
        if getattr(config, name):
            key[name] = config.model_dump(mode="json")[name]
    return json.dumps(key, sort_keys=True)


_ISO = re.compile(r"(\d{4})(?:-(?:(\d{2})(?:-(\d{2}))?|Q([1-4])|H([12])|W(\d{2})))?\Z")


def _bounds(part: str) -> tuple[dt.date, dt.date] | None:
    """First and last day of one ISO-like DATE value (YYYY, YYYY-MM, YYYY-MM-DD, YYYY-Qn,
    YYYY-Hn, YYYY-Www); None for anything else (XXXX …): absent, never guessed."""
    m = _ISO.match(part)
    if not m:
        return None
    year = int(m.group(1))
    month, day, quarter, half, week = (int(g) if g else None for g in m.groups()[1:])
    try:
        if week:
            start = dt.date.fromisocalendar(year, week, 1)
            return start, start + dt.timedelta(days=6)
        if day:
            d = dt.date(year, month, day)
            return d, d
        first, last = (month, month) if month else ((3 * quarter - 2, 3 * quarter) if quarter else
                                                     ((6 * half - 5, 6 * half) if half else (1, 12)))
        end = dt.date(year + (last == 12), last % 12 + 1, 1) - dt.timedelta(days=1)
        return dt.date(year, first, 1), end
    except ValueError:
        return None


def date_range(value: str | None) -> tuple[str | None, str | None]:
    """``date_start``/``date_end`` (ISO days) of a DATE value: ``2023-01/2023-09`` →
    (2023-01-01, 2023-09-30); one side unknown → both None."""
    if not value:
        return None, None
    parts = value.split("/")
    if len(parts) > 2:
        return None, None
    first, last = _bounds(parts[0]), _bounds(parts[-1])
    if first is None or last is None:
        return None, None
    return first[0].isoformat(), last[1].isoformat()


def mention_row(doc_id: str, m: Mention) -> MentionRow:
    """The ``mentions`` row of a mention (``MENTION_COLUMNS``): decimals as
    exact strings for a DECIMAL(38, 10) column (:func:`exact_decimal`; a value it cannot hold
    raises ValueError), ``date_start``/``date_end`` as ISO days."""
    row: list[Any] = [None] * len(MENTION_COLUMNS)
    row[:7] = (doc_id, m.start, m.end, m.label.value, m.text, m.rule, m.value.model_dump_json())
    prefix = m.label.value.lower() + "_"
    value = m.value
    for name in type(value).model_fields:
        cell = getattr(value, name)
        row[_INDEX[prefix + name]] = (exact_decimal(cell, f"{m.label.value} mention at {m.start}: {prefix + name}")
                                      if isinstance(cell, Decimal) else _plain(cell))
    if m.label.value == "DATE":
        row[_INDEX["date_start"]], row[_INDEX["date_end"]] = date_range(getattr(value, "value", None))
    return _row(MentionRow, row)


MAX_RAW = 65536  # characters of a rejected unit kept in the reject row


def safe_text(value: Any) -> Any:
    """A diagnostic string (a reject's raw line, reason or file name) every sink and file can
    store: lone surrogates and NUL written as escapes. Never applied to documents, which are
    stored exactly or rejected."""
    if not isinstance(value, str):
        return value
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        value = value.encode("utf-8", "backslashreplace").decode("utf-8")
    return value.replace("\x00", "\\x00")


def clean_reject(reject: RejectRow) -> RejectRow:
    """The reject with every text storable (:func:`safe_text`) and ``raw`` cut at ``MAX_RAW``."""
    source, line, reason, raw, field = (safe_text(v) for v in reject)
    raw = raw or ""
    if len(raw) > MAX_RAW:
        raw = raw[:MAX_RAW] + f"… ({len(raw) - MAX_RAW} more characters)"
    return RejectRow(source, line, reason, raw, field)


# -- facts ---------------------------------------------------------------------------------------
# One row per fact (schemas.facts.Fact), its columns derived from the model: ``<part>_<field>``
# for the fields of each part (subject, indicator, period, value, share), the top-level scalars
# as they are, lists as ``<name>_json``; a few renamed where the plain name reads better
# (park_id, resolved_by, scope, value_fraction, period_mention_*: ``period_start``/``period_end``
# are the DATE range of the period, like mentions' date_start/date_end).

_FACT_RENAME = {("subject", "park_id"): "park_id", ("subject", "resolved_by"): "resolved_by",
                ("indicator", "scope"): "scope", ("value", "value"): "value_fraction",
                ("period", "start"): "period_mention_start", ("period", "end"): "period_mention_end"}
_FACT_SKIP = {"tags"}  # gold only


def _is_int(annotation: Any) -> bool:
    if annotation is int:
        return True
    return any(_is_int(a) for a in typing.get_args(annotation))


def _kind(annotation: Any) -> str:
    return "decimal" if _is_decimal(annotation) else "int" if _is_int(annotation) else "text"


def _part_model(annotation: Any) -> Any:
    """The pydantic model of a part field (``Subject``, ``Period | None`` …), else None."""
    from pydantic import BaseModel

    for a in (annotation, *typing.get_args(annotation)):
        if isinstance(a, type) and issubclass(a, BaseModel):
            return a
    return None


def _fact_layout() -> tuple[list[tuple[str, str, tuple[str, ...]]], dict[str, str]]:
    """[(column, kind, path into the fact's dump)], column → kind (decimal, int, date, json, text)."""
    from schemas.facts import Fact

    layout: list[tuple[str, str, tuple[str, ...]]] = [("doc_id", "text", ()), ("fact_no", "int", ()),
                                                       ("sentence_start", "int", ("sentence", "0")),
                                                       ("sentence_end", "int", ("sentence", "1"))]
    for name, info in Fact.model_fields.items():
        if name in _FACT_SKIP or name == "sentence":
            continue
        part = _part_model(info.annotation)
        if typing.get_origin(info.annotation) is list:
            layout.append((f"{name}_json", "json", (name,)))
        elif part is not None:
            for sub, sub_info in part.model_fields.items():
                layout.append((_FACT_RENAME.get((name, sub), f"{name}_{sub}"), _kind(sub_info.annotation), (name, sub)))
            if name == "period":
                layout += [("period_start", "date", ()), ("period_end", "date", ())]
        else:
            layout.append((name, _kind(info.annotation), (name,)))
    return layout, {c: k for c, k, _ in layout}


_FACT_LAYOUT, FACT_KINDS = _fact_layout()
FACT_COLUMNS = list(FACT_KINDS)
# One ``facts`` row: the fields are ``FACT_COLUMNS`` (derived from ``schemas.facts.Fact``).
FactRow = NamedTuple("FactRow", [(c, Any) for c in FACT_COLUMNS])


def fact_columns(decimal_type: str, date_type: str, json_type: str = "TEXT") -> list[tuple[str, str]]:
    """(column name, SQL type) of the ``facts`` table for an engine."""
    types = {"decimal": decimal_type, "date": date_type, "json": json_type, "int": "INTEGER", "text": "TEXT"}
    return [(c, types[k]) for c, k in FACT_KINDS.items()]


def _fits(value: Decimal) -> bool:
    """Exact in DECIMAL(38, 10): at most 10 fractional and 28 integer digits."""
    precision, scale = DECIMAL_SPEC
    sign, digits, exponent = value.normalize().as_tuple()
    if not isinstance(exponent, int):
        return False  # NaN, Infinity
    return -exponent <= scale and len(digits) + exponent <= precision - scale


def exact_decimal(value: Decimal, where: str) -> str:
    """A decimal for a DECIMAL(38, 10) column, exact. A repeating fraction (三分之一: as many
    significant digits as the Decimal context holds, so already rounded there) is rounded to the
    column's 10 places; any other value the column cannot hold exactly raises ValueError naming
    ``where`` (the document becomes a reject, never a silently rounded row)."""
    import decimal

    if not _fits(value):
        digits = value.as_tuple().digits
        if len(digits) >= decimal.getcontext().prec and value.is_finite():
            value = value.quantize(Decimal(1).scaleb(-DECIMAL_SPEC[1]), rounding=decimal.ROUND_HALF_EVEN)
        if not _fits(value):
            raise ValueError(f"{where} {value} does not fit DECIMAL{DECIMAL_SPEC}")
    return format(value, "f")


def fact_row(doc_id: str, fact_no: int, fact: Any) -> FactRow:
    """The ``facts`` row of one fact (``schemas.facts.Fact``, ``FACT_COLUMNS``): decimals as exact
    strings (see :func:`exact_decimal`), dates as ISO days, lists as JSON. A written value that
    DECIMAL(38, 10) cannot hold exactly raises ValueError (the document becomes a reject, never
    a silently rounded row)."""
    row: list[Any] = []
    for column, kind, path in _FACT_LAYOUT:
        if column == "doc_id":
            row.append(doc_id)
            continue
        if column == "fact_no":
            row.append(fact_no)
            continue
        if kind == "date":
            period = fact.period
            bounds = date_range(period.value if period else None)
            row.append(bounds[0] if column == "period_start" else bounds[1])
            continue
        value: Any = fact
        for step in path:
            if value is None:
                break
            value = value[int(step)] if isinstance(value, tuple) else getattr(value, step)
        if kind == "json":
            value = "[" + ",".join(v.model_dump_json() for v in value) + "]" if value else None
        elif kind == "decimal" and value is not None:
            value = exact_decimal(value, f"fact {fact_no}: {column}")
        else:
            value = _plain(value)
        row.append(value)
    return _row(FactRow, row)
