"""newsx on Apache Spark: the same pipeline, beyond one machine.

As functions, for your own Spark jobs:

- :func:`extract_partition` — for ``rdd.mapPartitions``: input *units* (as made by
  :func:`extract.batch.read_units`: ``("line", source, number, raw bytes)`` or ``("txt", path)``)
  → result rows (``RESULT_SCHEMA``: kind, doc, mentions, reject, facts), exactly what ``newsx run``
  computes for them (``extract.batch.process_chunk`` does the work in both).
- :func:`extract_json` / :func:`pandas_udf` — a column of texts (and optionally of ISO dates)
  → a column of JSON arrays of mentions (the ``spans`` of ``newsx extract``). ``pandas_udf()``
  wraps it as a Spark pandas UDF (needs pandas and pyarrow on the executors).

As a job: ``newsx spark INPUT... OUTPUT [--master local[*]]`` writes ``OUTPUT/documents``,
``OUTPUT/mentions``, ``OUTPUT/rejects`` and ``OUTPUT/facts`` (unless ``--no-facts``) as Parquet (DECIMAL(38,10)
amounts and values, DATE date ranges and periods, as the Parquet files of ``newsx run``), with the columns of the SQL tables
(``extract.sinks.rows``), equal as sets of rows to what ``newsx run`` writes for the same input.

Inputs: JSONL files are read by Spark (``textFile``: any Hadoop filesystem, split across
executors, line numbers kept); ``.txt`` files are read on the executors by path, so they must be
on a filesystem every executor sees (local mode: any). Differences from ``newsx run``: no
database, so no "already loaded" skipping and no duplicate-id check across the input; JSONL
lines are decoded as UTF-8 by Hadoop (an undecodable byte becomes U+FFFD, not a reject).
Executors need newsx installed (the driver's interpreter is used in local mode).
"""

from __future__ import annotations

import datetime as dt
import functools
import os
import sys
from typing import Any, Iterable, Iterator, Sequence

import click


from extract.batch import DocumentResult, chunked, process_chunk, stream_units, warm
from extract.pipeline import Labels
from extract.version import VERSION
from extract.intake.read import walk
from extract.sinks.rows import (DECIMAL_SPEC, DOCUMENT_FIELDS, FACT_KINDS, MENTION_KINDS, REJECT_FIELDS,
                                clean_reject, config_key)


_SPARK_TYPES = {"int": "BIGINT", "bool": "BOOLEAN", "decimal": "DECIMAL({},{})".format(*DECIMAL_SPEC), "date": "DATE"}


def _struct(kinds: dict[str, str]) -> str:
    return "STRUCT<" + ", ".join(f"`{c}`: {_SPARK_TYPES.get(k, 'STRING')}" for c, k in kinds.items()) + ">"


DOCUMENT_SCHEMA = _struct({c: "text" for c in DOCUMENT_FIELDS})
MENTION_SCHEMA = _struct(MENTION_KINDS)
REJECT_SCHEMA = _struct({c: "int" if c == "line" else "text" for c in REJECT_FIELDS})
FACT_SCHEMA = _struct(FACT_KINDS)
RESULT_SCHEMA = (f"kind STRING, doc {DOCUMENT_SCHEMA}, mentions ARRAY<{MENTION_SCHEMA}>, "
                 f"reject {REJECT_SCHEMA}, facts ARRAY<{FACT_SCHEMA}>")


def _spark_row(row: tuple, kinds: Iterable[str]) -> tuple:
    """A mention or fact tuple (exact decimal strings, ISO days) with Decimal and date objects
    for Spark's DECIMAL and DATE fields."""
    from decimal import Decimal

    out = []
    for value, kind in zip(row, kinds, strict=True):
        if value is not None and kind == "decimal":
            value = Decimal(value)
        elif value is not None and kind == "date":
            value = dt.date.fromisoformat(value)
        out.append(value)
    return tuple(out)


# -- the functions ------------------------------------------------------------------------------

def extract_partition(units: Iterable[Any], default_date: dt.date | None = None,
                      labels: Labels = None, chunk: int = 64, facts: bool = True) -> Iterator[tuple]:
    """``mapPartitions`` body: units → ``RESULT_SCHEMA`` tuples, in order."""
    warm(labels, facts)
    config = config_key(labels, VERSION, facts=facts)
    for part in chunked((_unit(u) for u in units), chunk):
        for res in process_chunk(part, default_date, labels, config, facts):
            if isinstance(res, DocumentResult):
                yield ("doc", tuple(res.document), [_spark_row(m, MENTION_KINDS.values()) for m in res.mentions],
                       None, [_spark_row(f, FACT_KINDS.values()) for f in res.facts])
            else:
                yield ("reject", None, None, tuple(clean_reject(res.reject)), None)


def _unit(u: Any) -> tuple:
    u = tuple(u)
    if u[0] == "line":  # raw bytes may arrive as a bytearray
        return ("line", u[1], u[2], bytes(u[3]))
    return u


def extract_json(texts: Iterable[str | None], dates: Iterable[Any] | None = None,
                 labels: Labels = None) -> list[str | None]:
    """Texts (and ISO dates or dates, or None) → JSON arrays of mentions, one per text."""
    from extract.pipeline import extract_text

    out: list[str | None] = []
    texts = list(texts)
    dates = list(dates) if dates is not None else [None] * len(texts)
    for text, date in zip(texts, dates, strict=True):
        if text is None:
            out.append(None)
            continue
        if isinstance(date, str):
            date = dt.date.fromisoformat(date[:10]) if date else None
        elif isinstance(date, dt.datetime):
            date = date.date()
        elif date is not None and not isinstance(date, dt.date):  # pandas NaT / NaN
            date = None
        spans = extract_text(text, date, labels=labels)
        out.append("[" + ",".join(m.model_dump_json() for m in spans) + "]")
    return out


def pandas_udf(labels: Labels = None):
    """A Spark pandas UDF ``(text[, date]) -> string`` (JSON array of mentions)::

        df.withColumn("mentions", extract.spark.pandas_udf()("text", "date"))
    """
    import pandas as pd
    from pyspark.sql.functions import pandas_udf as spark_pandas_udf

    @spark_pandas_udf("string")
    def newsx_mentions(texts: pd.Series, dates: pd.Series) -> pd.Series:
        return pd.Series(extract_json(texts.tolist(), dates.tolist(), labels), index=texts.index)

    return newsx_mentions


# -- the job ------------------------------------------------------------------------------------

def _is_local(spec: str) -> bool:
    return "://" not in spec or spec.startswith("file://")


def units_rdd(sc: Any, inputs: Sequence[str], partitions: int | None = None) -> Any:
    """An RDD of the units ``newsx run`` makes of ``inputs`` (:func:`extract.intake.read.walk`
    and the same line splitter): local paths and folders, or Hadoop URIs of JSONL files. JSONL
    files are read as bytes (``binaryFiles``), never decoded by Hadoop, so an invalid UTF-8 or
    GBK line is rejected or decoded exactly as ``newsx run`` does; each file's lines are then
    spread over ``partitions`` (default: the cluster's parallelism)."""
    rdds = []
    local_units: list[tuple] = []
    for spec in inputs:
        if not _is_local(spec):
            rdds.append(_jsonl_rdd(sc, spec, None, partitions))
            continue
        path = spec[len("file://"):] if spec.startswith("file://") else spec
        for kind, item in walk([path]):
            if kind == "jsonl":
                rdds.append(_jsonl_rdd(sc, "file://" + str(item.resolve()), str(item), partitions))
            elif kind == "txt":
                local_units.append(("txt", str(item)))
            elif kind == "reject":
                r = item
                local_units.append(("reject-unit", r.source, r.line, r.reason, r.raw, r.field))
    if local_units:
        rdds.append(sc.parallelize(local_units, max(1, min(len(local_units), partitions or sc.defaultParallelism))))
    if not rdds:
        return sc.emptyRDD()
    return sc.union(rdds).map(_fix_unit)


def _jsonl_rdd(sc: Any, uri: str, name: str | None, partitions: int | None) -> Any:
    """``name``: the source name of the lines (what ``newsx run`` calls the file); None: the
    URI of each file Hadoop lists."""
    import io

    files = sc.binaryFiles(uri)
    lines = files.flatMap(lambda kv: stream_units(io.BytesIO(kv[1]), name or kv[0]))
    return lines.repartition(partitions or sc.defaultParallelism)


def _fix_unit(unit: tuple) -> tuple:
    if unit[0] == "reject-unit":
        from extract.intake.read import Reject

        return ("reject", Reject(*unit[1:]))
    return unit


def run_spark(spark: Any, inputs: Sequence[str], output: str, *, date: dt.date | None = None,
              labels: Labels = None, partitions: int | None = None,
              facts: bool = True) -> dict[str, int]:
    """Extract ``inputs`` with ``spark`` and write Parquet under ``output``; returns counts
    (``facts`` among them when facts are extracted)."""
    from pyspark import StorageLevel

    from extract.config import as_config

    sc = spark.sparkContext
    units = units_rdd(sc, inputs, partitions)
    fn = functools.partial(extract_partition, default_date=date, labels=as_config(labels),
                           facts=facts)
    result = spark.createDataFrame(units.mapPartitions(fn), RESULT_SCHEMA).persist(StorageLevel.MEMORY_AND_DISK)
    try:
        docs = result.where("kind = 'doc'")
        out = output.rstrip("/")
        docs.select("doc.*").write.mode("overwrite").parquet(f"{out}/documents")
        docs.selectExpr("explode(mentions) AS m").select("m.*").write.mode("overwrite").parquet(f"{out}/mentions")
        result.where("kind = 'reject'").select("reject.*").write.mode("overwrite").parquet(f"{out}/rejects")
        if facts:
            docs.selectExpr("explode(facts) AS f").select("f.*").write.mode("overwrite").parquet(f"{out}/facts")
            n_facts = docs.selectExpr("size(facts) AS n").groupBy().sum("n").collect()[0][0] or 0
        counts = {r["kind"]: r["n"] for r in result.groupBy("kind").count().withColumnRenamed("count", "n").collect()}
        mentions = docs.selectExpr("size(mentions) AS n").groupBy().sum("n").collect()[0][0] or 0
    finally:
        result.unpersist()
    found = {"documents": counts.get("doc", 0), "rejects": counts.get("reject", 0), "mentions": int(mentions)}
    if facts:
        found["facts"] = int(n_facts)
    return found


def session(master: str = "local[*]", app: str = "newsx", conf: Sequence[tuple[str, str]] = (),
            quiet: bool = True) -> Any:
    """A SparkSession whose Python workers run this interpreter (``sys.executable``: the venv that has
    newsx), with Spark's log4j output cut to errors unless ``quiet=False``.

    PySpark 4 starts local workers with ``PYSPARK_PYTHON`` (else ``python3`` from PATH, which may
    be any Python) and does not honour ``spark.pyspark.python`` given to the builder alone, so both
    are set; a ``PYSPARK_PYTHON`` already in the environment (a cluster's own) is kept.
    """
    try:
        from pyspark.sql import SparkSession
    except ImportError:
        raise click.ClickException("the Spark job needs PySpark: pip install 'newsx[spark]'") from None
    python = os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)
    builder = (SparkSession.builder.master(master).appName(app)
               .config("spark.ui.showConsoleProgress", "false")
               .config("spark.pyspark.python", python)
               .config("spark.pyspark.driver.python", sys.executable))
    if quiet:
        from importlib.resources import as_file, files

        # A file in the installed package (a zip install would need extracting: as_file does it).
        with as_file(files("extract") / "spark-log4j2.properties") as props:
            option = f"-Dlog4j2.configurationFile=file:{props}"
        builder = builder.config("spark.driver.extraJavaOptions", option).config("spark.executor.extraJavaOptions", option)
    for key, value in conf:
        builder = builder.config(key, value)
    spark = builder.getOrCreate()
    if quiet:
        spark.sparkContext.setLogLevel("ERROR")
    return spark


__all__ = ["RESULT_SCHEMA", "extract_json", "extract_partition", "pandas_udf", "run_spark", "session", "units_rdd"]
