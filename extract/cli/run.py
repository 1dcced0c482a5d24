"""``newsx run``: the main job (database + JSONL/Parquet)."""

from __future__ import annotations

from pathlib import Path

import click

from extract.cli.options import parse_date
from extract.cli.util import err as _err
from extract.progress import Progress


@click.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("--db", "db_url", default="sqlite:///out/newsx.sqlite", show_default=True,
              help="Database URL: sqlite:///FILE, duckdb:///FILE or postgresql://…[?schema=NAME]; "
                   "'none' for files only.")
@click.option("--out", "out_dir", type=click.Path(file_okay=False), default="out", show_default=True,
              help="Folder for mentions.jsonl, rejects.jsonl, mentions.parquet, documents.parquet and facts.parquet.")
@click.option("--parquet/--no-parquet", default=None,
              help="Parquet beside the JSONL (default: when pyarrow is installed).")
@click.option("--date", callback=parse_date, help="Document date for inputs that carry none.")
@click.option("--labels", default=None, help="Comma-separated labels to extract (default: all).")
@click.option("--table-prefix", default="", help="Prefix for the table names (letters, digits, _).")
@click.option("-j", "--workers", default=1, show_default=True, type=click.IntRange(0, 512),
              help="Extraction processes (0: one per CPU). The output is the same for any number.")
@click.option("--batch-size", default=200, show_default=True, type=click.IntRange(1, 100000),
              help="Documents per transaction (a killed run loses at most the batches in flight).")
@click.option("--progress/--no-progress", default=None, help="Progress bar on stderr (default: when a terminal).")
@click.option("--facts/--no-facts", default=True, show_default=True,
              help="Fact records (corpus/FACTS.md): a facts table, facts.parquet and \"facts\" in each JSONL line.")
def run(inputs, db_url, out_dir, parquet, date, labels, table_prefix, workers, batch_size, progress, facts):
    """The main job: extract INPUTS and load documents, mentions and facts into a database plus JSONL/Parquet.

    Re-running the same input adds no rows; a killed run, run again, resumes where it stopped.
    """
    from extract.batch import run as run_batch
    from extract.sinks.sql import check_prefix, check_url

    label_list = [x.strip().upper() for x in labels.split(",")] if labels else None
    db = None if db_url.lower() == "none" else db_url
    try:
        check_prefix(table_prefix)
        if db:
            check_url(db)
    except ValueError as exc:
        raise click.BadParameter(str(exc)) from None
    from extract.parallel import WorkerDied
    from extract.sinks.sql import SchemaError, mask_url

    try:
        summary = run_batch(inputs, db_url=db, out_dir=Path(out_dir) if out_dir else None, date=date,
                            progress=Progress(enabled=progress), table_prefix=table_prefix,
                            batch_size=batch_size, workers=workers, labels=label_list, parquet=parquet, facts=facts)
    except KeyboardInterrupt:  # Ctrl-C: committed chunks stay, partial files are gone; run again to resume
        _err("newsx: interrupted (what was loaded is kept: run again to resume)")
        raise click.exceptions.Exit(130) from None
    except (WorkerDied, ConnectionError, SchemaError) as exc:
        raise click.ClickException(str(exc)) from None
    click.echo(summary.text())
    if db:
        click.echo("database: " + mask_url(db))  # no password in logs (userinfo nor query)
    for path in summary.outputs:
        click.echo(f"output: {path}")
    if not summary.balanced():
        raise click.ClickException("document counts do not balance (a bug: please report it)")

