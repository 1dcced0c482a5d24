"""``newsx split``: newspaper pages → articles (``extract.intake.pages``)."""

from __future__ import annotations

import datetime as dt
from typing import Iterable

import click

from extract.cli.options import DATE, INPUT
from extract.cli.util import err as _err
from extract.intake.pages import repaired_text, split_page


@click.command("split")
@click.argument("inputs", nargs=-1, required=True, type=INPUT)
@click.option("--date", type=DATE, help="Page date (YYYY-MM-DD) for pages that carry none.")
@click.option("--text", "with_text", is_flag=True, help="Add each article's repaired text as \"text\".")
def split_command(inputs: Iterable[str], date: dt.date | None, with_text: bool) -> None:
    """Split newspaper pages (INPUTS: .txt, folders, .jsonl, or -) into articles, one JSON line each."""
    import json

    from extract.intake.read import Reject, read_inputs

    pages = articles = rejects = 0
    for item in read_inputs(inputs, date):
        if isinstance(item, Reject):
            rejects += 1
            _err(f"rejected: {item}")
            continue
        pages += 1
        for article in split_page(item):
            articles += 1
            data = article.model_dump(mode="json")
            if with_text:
                data["text"] = repaired_text(item.text, article)
            click.echo(json.dumps(data, ensure_ascii=False))
    _err(f"pages: {pages}, articles: {articles}, rejects: {rejects}")
