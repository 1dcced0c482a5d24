"""File outputs of the main job, written incrementally (memory stays flat in the input size).

``OUT/mentions.jsonl``   one line per document: {"id", "date", "spans": [...]} (``newsx extract`` format),
                         plus "facts": [...] when facts are extracted (``newsx extract --facts``)
``OUT/rejects.jsonl``    one line per rejected input unit: {"source", "line", "reason", "raw"}
``OUT/mentions.parquet`` one row per mention, the columns of the SQL ``mentions`` table (decimal128(38, 10)
                         amounts and values, date32 date_start/date_end)
``OUT/documents.parquet`` one row per document, the columns of the SQL ``documents`` table (no run_id)
``OUT/facts.parquet``    one row per fact, the columns of the SQL ``facts`` table (decimal128(38, 10)
                         amounts and fractions, date32 period_start/period_end); when facts are extracted

Each run rewrites them for its whole input. The Parquet files are written under a
``.partial`` name and renamed when complete (a Parquet file without its footer is unreadable);
a run that fails or is interrupted removes its ``.partial`` files.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any, Sequence

from extract.sinks.rows import (DECIMAL_SPEC, DOCUMENT_FIELDS, FACT_COLUMNS, FACT_KINDS, MENTION_COLUMNS, MENTION_KINDS,
                                DocumentRow, FactRow, MentionRow, RejectRow)

PARQUET_DOCUMENT_COLUMNS = DOCUMENT_FIELDS


_ARROW_KINDS = {"decimal": ("decimal128", DECIMAL_SPEC), "date": ("date32", ()), "int": ("int64", ()),
                "bool": ("bool_", ())}


def _kinds(columns: Sequence[str]) -> dict[str, str]:
    """column → kind for the ``facts`` or the ``mentions`` columns (anything else: text)."""
    return FACT_KINDS if list(columns) == FACT_COLUMNS else {c: MENTION_KINDS.get(c, "text") for c in columns}


def arrow_schema(columns: Sequence[str]) -> Any:
    """Arrow types of ``mentions``/``facts``/``documents`` columns: decimal128(38, 10), date32,
    int64, bool, the rest strings."""
    import pyarrow as pa

    def arrow(kind: str) -> Any:
        name, args = _ARROW_KINDS.get(kind, ("string", ()))
        return getattr(pa, name)(*args)

    return pa.schema([(c, arrow(k)) for c, k in _kinds(columns).items()])


def _cells(values: Sequence[Any], kind: str) -> list[Any]:
    """Row cells (exact decimal strings, ISO days) → the Python objects Arrow types them from."""
    import datetime as dt
    from decimal import Decimal

    if kind == "decimal":
        return [None if v is None else Decimal(v) for v in values]
    if kind == "date":
        return [None if v is None else dt.date.fromisoformat(v) for v in values]
    return list(values)


def typed_arrays(rows: Sequence[tuple], schema: Any, pool: Any = None) -> list[Any]:
    """Row tuples of ``schema``'s columns → typed Arrow arrays."""
    import pyarrow as pa

    kinds = _kinds(schema.names)
    return [pa.array(_cells(col, kinds[f.name]), type=f.type, memory_pool=pool)
            for col, f in zip(zip(*rows), schema)]


def arrow_table(rows: Sequence[tuple], columns: Sequence[str]) -> Any:
    import pyarrow as pa

    schema = arrow_schema(columns)
    return pa.Table.from_arrays(typed_arrays(rows, schema), schema=schema)


class _ParquetStream:
    """Turns each batch of row tuples into a compact Arrow batch at once, and writes a row group
    when ``rows`` rows or ``nbytes`` bytes are buffered (memory stays bounded)."""

    def __init__(self, path: Path, columns: Sequence[str], rows: int = 100_000, nbytes: int = 8 << 20):
        import pyarrow.parquet as pq

        self.path = path
        self.partial = path.with_name(path.name + ".partial")
        self.columns = list(columns)
        self.schema = arrow_schema(self.columns)
        import pyarrow as pa

        # The system allocator returns freed row groups to the OS; mimalloc keeps ~2× more resident.
        self.pool = pa.system_memory_pool()
        self.writer = pq.ParquetWriter(self.partial, self.schema, compression="zstd", memory_pool=self.pool)
        self.max_rows, self.max_bytes = rows, nbytes
        self.batches: list[Any] = []
        self.rows = self.nbytes = 0

    def add(self, rows: Sequence[tuple]) -> None:
        import pyarrow as pa

        if not rows:
            return
        arrays = typed_arrays(rows, self.schema, self.pool)
        batch = pa.RecordBatch.from_arrays(arrays, schema=self.schema)
        self.batches.append(batch)
        self.rows += batch.num_rows
        self.nbytes += batch.nbytes
        if self.rows >= self.max_rows or self.nbytes >= self.max_bytes:
            self.flush()

    def flush(self) -> None:
        import pyarrow as pa

        if self.batches:
            self.writer.write_table(pa.Table.from_batches(self.batches, schema=self.schema))
            self.batches.clear()
            self.rows = self.nbytes = 0

    def close(self, complete: bool) -> None:
        """Complete: flush, write the footer, rename. Otherwise (an error, Ctrl-C) remove the
        ``.partial`` file: a Parquet file without its footer is unreadable."""
        try:
            if complete:
                self.flush()
            self.writer.close()
        finally:
            if complete:
                os.replace(self.partial, self.path)
            else:
                self.partial.unlink(missing_ok=True)

class FileOutputs:
    def __init__(self, out_dir: Path, parquet: bool | None = None, facts: bool = False):
        """``parquet``: True requires pyarrow, None writes Parquet when pyarrow is installed;
        ``facts``: write facts.parquet too."""
        out_dir.mkdir(parents=True, exist_ok=True)
        self.out_dir = out_dir
        self.mentions = (out_dir / "mentions.jsonl").open("w", encoding="utf-8")
        self.rejects = (out_dir / "rejects.jsonl").open("w", encoding="utf-8")
        self.parquet_mentions = self.parquet_documents = self.parquet_facts = None
        self.note = ""
        if parquet is not False:
            try:
                import pyarrow  # noqa: F401
            except ImportError:
                if parquet:
                    raise SystemExit("Parquet output needs pyarrow: pip install 'newsx[db]'") from None
                self.note = "parquet: not written (pyarrow is not installed: pip install 'newsx[db]')"
            else:
                self.parquet_mentions = _ParquetStream(out_dir / "mentions.parquet", MENTION_COLUMNS)
                self.parquet_documents = _ParquetStream(out_dir / "documents.parquet", PARQUET_DOCUMENT_COLUMNS)
                if facts:
                    self.parquet_facts = _ParquetStream(out_dir / "facts.parquet", FACT_COLUMNS)

    def paths(self) -> list[Path]:
        names = ["mentions.jsonl", "rejects.jsonl"]
        if self.parquet_mentions:
            names += ["mentions.parquet", "documents.parquet"]
        if self.parquet_facts:
            names.append("facts.parquet")
        return [self.out_dir / n for n in names]

    def documents(self, jsonl_lines: Sequence[str], documents: Sequence[DocumentRow], mentions: Sequence[MentionRow],
                  facts: Sequence[FactRow] = ()) -> None:
        """A batch: JSONL lines and the typed rows of ``extract.sinks.rows``."""
        self.mentions.write("".join(line + "\n" for line in jsonl_lines))
        if self.parquet_mentions:
            self.parquet_mentions.add(mentions)
            self.parquet_documents.add(documents)
        if self.parquet_facts:
            self.parquet_facts.add(facts)

    def reject(self, reject: RejectRow) -> None:
        self.rejects.write(json.dumps(reject._asdict(), ensure_ascii=False) + "\n")

    def close(self, complete: bool = True) -> None:
        self.mentions.close()
        self.rejects.close()
        for stream in (self.parquet_mentions, self.parquet_documents, self.parquet_facts):
            if stream:
                stream.close(complete)

