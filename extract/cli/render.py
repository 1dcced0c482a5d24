"""``newsx render``: an HTML page with every mention highlighted (``extract.render``)."""

from __future__ import annotations

import os
import subprocess
import tempfile
from pathlib import Path

import click

from extract.cli.options import parse_date
from extract.render import build_pages, chromium, render_html


@click.command("render")
@click.argument("inputs", nargs=-1, required=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False, allow_dash=True), default="report.html",
              show_default=True, help="HTML file to write (- for stdout).")
@click.option("--gold", "gold_files", multiple=True, type=click.Path(exists=True, dir_okay=False),
              help="Gold JSONL (repeatable): misses and spurious mentions are marked.")
@click.option("--date", callback=parse_date, help="Document date (YYYY-MM-DD) for inputs that carry none.")
@click.option("--labels", default=None, help="Comma-separated labels (default: all).")
@click.option("--title", default="newsx report", show_default=True, help="Page title.")
@click.option("--screenshot", type=click.Path(dir_okay=False), default=None,
              help="Also write a PNG of the page with headless Chromium.")
@click.option("--facts/--no-facts", default=True, show_default=True,
              help="A table of each document's facts under its text, each linked to its evidence.")
def render_command(inputs, output, gold_files, date, labels, title, screenshot, facts):
    """Write a self-contained HTML page with every mention of INPUTS highlighted.

    INPUTS are read as by `newsx extract` (.txt, folders, .jsonl, - for stdin). Hover a mention for
    its record; with --gold, documents are matched by id.
    """
    from extract.evaluate import GoldError

    label_list = [x.strip().upper() for x in labels.split(",")] if labels else None
    try:
        pages = build_pages(inputs, gold_files=gold_files, date=date, labels=label_list,
                            on_reject=lambda r: click.echo(f"rejected: {r}", err=True), facts=facts)
    except GoldError as exc:
        raise click.ClickException(str(exc)) from None
    page = render_html(pages, title=title, labels=label_list)
    if output == "-":
        click.echo(page, nl=False)
    else:
        Path(output).write_text(page, encoding="utf-8")
        click.echo(f"wrote {output}: {len(pages)} document(s), {sum(len(p.mentions) for p in pages)} mention(s)", err=True)
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
        click.echo(f"wrote {screenshot}", err=True)
