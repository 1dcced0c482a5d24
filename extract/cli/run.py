"""``newsx run``: the main job (database + JSONL/Parquet)."""

from __future__ import annotations

from pathlib import Path

import click

from extract.cli.options import DATE, INPUT, CONFIG, CONFIG_HELP, LABELS, pipeline_config, TablePrefix
from extract.cli.util import count_units, err as _err, info, progress_flag
from extract.progress import Progress


@click.command()
@click.argument("inputs", nargs=-1, required=True, type=INPUT)
@click.option("--db", "db_url", default="sqlite:///out/newsx.sqlite", show_default=True,
              help="Database URL: sqlite:///FILE, duckdb:///FILE or postgresql://…[?schema=NAME]; "
                   "'none' for files only.")
@click.option("--out", "out_dir", type=click.Path(file_okay=False), default="out", show_default=True,
              help="Folder for mentions.jsonl, rejects.jsonl, mentions.parquet, documents.parquet and facts.parquet.")
@click.option("--parquet/--no-parquet", default=None,
              help="Parquet beside the JSONL (default: when pyarrow is installed).")
@click.option("--date", type=DATE, help="Document date for inputs that carry none.")
@click.option("--labels", type=LABELS, default=None, help="Comma-separated labels to extract (default: all).")
@click.option("--config", "config_file", type=CONFIG, default=None, help=CONFIG_HELP)
@click.option("--table-prefix", type=TablePrefix(), default="", help="Prefix for the table names (letters, digits, _).")
@click.option("-j", "--workers", default=1, show_default=True, type=click.IntRange(0, 512),
              help="Extraction processes (0: one per CPU). The output is the same for any number.")
@click.option("--batch-size", default=200, show_default=True, type=click.IntRange(1, 100000),
              help="Documents per transaction (a killed run loses at most the batches in flight).")
@click.option("--progress/--no-progress", default=None, help="Progress bar on stderr (default: when a terminal).")
@click.option("--facts/--no-facts", default=True, show_default=True,
              help="Fact records (corpus/FACTS.md): a facts table, facts.parquet and \"facts\" in each JSONL line.")
def run(inputs, db_url, out_dir, parquet, date, labels, config_file, table_prefix, workers, batch_size, progress, facts):
    """The main job: extract INPUTS and load documents, mentions and facts into a database plus JSONL/Parquet.

    Re-running the same input adds no rows; a killed run, run again, resumes where it stopped.
    The summary goes to stderr (stdout stays empty).
    """
    from extract.batch import run as run_batch
    from extract.sinks.names import check_url, mask_url

    config = pipeline_config(config_file, labels)
    db = None if db_url.lower() == "none" else db_url
    try:  # the library's check before any work (scheme, ?schema= name): one error line, exit 1
        if db:
            check_url(db)
    except ValueError as exc:
        raise click.ClickException(f"--db: {exc}") from None
    from extract.parallel import WorkerDied
    from extract.sinks.sql import SchemaError

    bar = Progress(enabled=progress_flag(progress))
    if bar.enabled:
        bar.set_total(count_units(inputs))
    info("database: " + (mask_url(db) if db else "none") + f"; labels: {config.label_note()}; "
         f"workers: {workers or 'one per CPU'}")
    try:
        summary = run_batch(inputs, db_url=db, out_dir=Path(out_dir) if out_dir else None, date=date,
                            progress=bar, table_prefix=table_prefix,
                            batch_size=batch_size, workers=workers, labels=config, parquet=parquet, facts=facts)
    except KeyboardInterrupt:  # Ctrl-C: committed chunks stay, partial files are gone; run again to resume
        bar.close()
        click.echo("newsx: interrupted (what was loaded is kept: run again to resume)", err=True)
        raise click.exceptions.Exit(130) from None
    except (WorkerDied, ConnectionError, SchemaError) as exc:
        raise click.ClickException(str(exc)) from None
    _err(summary.text())
    if db:
        _err("database: " + mask_url(db))  # no password in logs (userinfo nor query)
    for path in summary.outputs:
        _err(f"output: {path}")
    if not summary.balanced():
        raise click.ClickException("document counts do not balance (a bug: please report it)")

