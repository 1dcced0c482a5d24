"""``newsx spark``: the pipeline on a Spark cluster (``extract.spark``)."""

from __future__ import annotations

import click

from extract.cli.options import parse_date
from extract.spark import run_spark, session


@click.command("spark")
@click.argument("inputs", nargs=-1, required=True)
@click.argument("output")
@click.option("--master", default="local[*]", show_default=True, help="Spark master URL (local[N], spark://…, yarn, k8s://…).")
@click.option("--date", callback=parse_date, help="Document date for inputs that carry none.")
@click.option("--labels", default=None, help="Comma-separated labels to extract (default: all).")
@click.option("--partitions", type=click.IntRange(1), default=None, help="Minimum input partitions per JSONL file.")
@click.option("--conf", "conf", multiple=True, help="Extra Spark setting KEY=VALUE (repeatable).")
@click.option("--facts/--no-facts", default=True, show_default=True, help="Fact records under OUTPUT/facts (as newsx run).")
def spark_command(inputs, output, master, date, labels, partitions, conf, facts):
    """Run the pipeline on Spark: INPUTS (JSONL, .txt, folders; JSONL also hdfs://, s3a:// …) →
    Parquet under OUTPUT (documents/, mentions/, rejects/, facts/)."""
    pairs = []
    for item in conf:
        key, sep, value = item.partition("=")
        if not sep:
            raise click.BadParameter(f"{item!r} is not KEY=VALUE", param_hint="--conf")
        pairs.append((key, value))
    label_list = [x.strip().upper() for x in labels.split(",")] if labels else None
    spark = session(master, conf=pairs)
    try:
        counts = run_spark(spark, inputs, output, date=date, labels=label_list, partitions=partitions, facts=facts)
    finally:
        spark.stop()
    click.echo(f"documents: {counts['documents']}, rejects: {counts['rejects']}, mentions: {counts['mentions']}"
               + (f", facts: {counts['facts']}" if "facts" in counts else ""))
    click.echo(f"parquet: {output.rstrip('/')}/{{documents,mentions,rejects{',facts' if facts else ''}}}")
