"""``newsx render``: an HTML page with every mention highlighted (``extract.render``)."""

from __future__ import annotations

import os
import subprocess
import tempfile
from pathlib import Path

import click

from extract.cli.options import DATE, FILE, INPUT, CONFIG, CONFIG_HELP, LABELS, pipeline_config
from extract.cli.util import count_units, err as _err, progress_flag


@click.command("render")
@click.argument("inputs", nargs=-1, required=True, type=INPUT)
@click.option("-o", "--output", type=click.Path(dir_okay=False, allow_dash=True), default="report.html",
              show_default=True, help="HTML file to write (- for stdout).")
@click.option("--gold", "gold_files", multiple=True, type=FILE,
              help="Gold JSONL (repeatable): misses and spurious mentions are marked.")
@click.option("--date", type=DATE, help="Document date (YYYY-MM-DD) for inputs that carry none.")
@click.option("--labels", type=LABELS, default=None, help="Comma-separated labels (default: all).")
@click.option("--config", "config_file", type=CONFIG, default=None, help=CONFIG_HELP)
@click.option("--title", default="newsx report", show_default=True, help="Page title.")
@click.option("--screenshot", type=click.Path(dir_okay=False), default=None,
              help="Also write a PNG of the page with headless Chromium.")
@click.option("--facts/--no-facts", default=True, show_default=True,
              help="A table of each document's facts under its text, each linked to its evidence.")
@click.option("--progress/--no-progress", default=None, help="Progress bar on stderr (default: when a terminal).")
def render_command(inputs, output, gold_files, date, labels, config_file, title, screenshot, facts, progress):
    """Write a self-contained HTML page with every mention of INPUTS highlighted.

    INPUTS are read as by `newsx extract` (.txt, folders, .jsonl, - for stdin). Hover a mention for
    its record; with --gold, documents are matched by id.
    """
    from extract.evaluate import GoldError
    from extract.progress import Progress
    from extract.render import build_pages, chromium, render_html

    label_list = pipeline_config(config_file, labels)
    bar = Progress(enabled=progress_flag(False if output == "-" and progress is None else progress))
    if bar.enabled:
        bar.set_total(count_units(inputs))
    try:
        with bar:
            pages = build_pages(inputs, gold_files=gold_files, date=date, labels=label_list,
                                on_reject=lambda r: _err(f"rejected: {r}"), progress=bar, facts=facts)
    except GoldError as exc:
        raise click.ClickException(str(exc)) from None
    page = render_html(pages, title=title, labels=label_list.active_labels())
    if output == "-":
        click.echo(page, nl=False)
    else:
        Path(output).write_text(page, encoding="utf-8")
        _err(f"wrote {output}: {len(pages)} document(s), {sum(len(p.mentions) for p in pages)} mention(s)")
    if screenshot:
        if output == "-":
            with tempfile.NamedTemporaryFile("w", suffix=".html", delete=False, encoding="utf-8") as f:
                f.write(page)
            source = f.name
        else:
            source = output
        try:
            chromium(source, screenshot=screenshot)
        except (FileNotFoundError, RuntimeError, subprocess.TimeoutExpired) as exc:
            raise click.ClickException(f"screenshot failed: {exc}") from None
        finally:
            if output == "-":
                os.unlink(source)
        _err(f"wrote {screenshot}")
