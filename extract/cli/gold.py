"""``newsx gold check|export|import``: gold data tools."""

from __future__ import annotations

import json
from pathlib import Path

import click

from extract.cli import NewsxGroup
from extract.cli.options import FILE
from extract.cli.util import err as _err


@click.group(cls=NewsxGroup)
def gold() -> None:
    """Gold data tools: check, import and export."""


@gold.command("check")
@click.argument("files", nargs=-1, required=True, type=FILE)
def gold_check(files):
    """Validate gold FILES: offsets, surfaces, overlaps, values. Exit 1 on the first bad file.

    The report goes to stderr (stdout stays empty)."""
    from extract.evaluate import GoldError, load_gold

    total_docs = total_spans = 0
    by_label: dict[str, int] = {}
    for f in files:
        try:
            docs = load_gold([f])
        except GoldError as exc:
            raise click.ClickException(str(exc)) from None
        spans = sum(len(d.spans) for d in docs)
        for d in docs:
            for m in d.spans:
                by_label[m.label.value] = by_label.get(m.label.value, 0) + 1
        total_docs += len(docs)
        total_spans += spans
        _err(f"ok  {f}: {len(docs)} documents, {spans} spans")
    labels = ", ".join(f"{k} {v}" for k, v in sorted(by_label.items()))
    _err(f"total: {total_docs} documents, {total_spans} spans ({labels})")


@gold.command("export")
@click.argument("files", nargs=-1, required=True, type=FILE)
@click.option("--format", "fmt", type=click.Choice(["doccano", "labelstudio"]), required=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False, allow_dash=True), default="-")
def gold_export(files, fmt, output):
    """Export gold FILES for doccano (JSONL) or Label Studio (JSON); values go in metadata."""
    from extract.evaluate import GoldError, load_gold
    from extract.evaluate.formats import dumps_jsonl, to_doccano, to_label_studio

    try:
        docs = load_gold(files)
    except GoldError as exc:
        raise click.ClickException(str(exc)) from None
    text = dumps_jsonl(to_doccano(docs)) if fmt == "doccano" else json.dumps(to_label_studio(docs), ensure_ascii=False, indent=1)
    click.open_file(output, "w", encoding="utf-8").write(text)


@gold.command("import")
@click.argument("source", type=FILE)
@click.option("--format", "fmt", type=click.Choice(["doccano", "labelstudio"]), required=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False, allow_dash=True), default="-")
def gold_import(source, fmt, output):
    """Import gold corrected in doccano (JSONL) or Label Studio (JSON export) back to newsx gold JSONL."""
    from extract.evaluate.formats import ImportError_, from_doccano, from_label_studio

    raw = Path(source).read_text(encoding="utf-8-sig")
    try:
        if fmt == "doccano":
            docs = from_doccano((json.loads(l) for l in raw.splitlines() if l.strip()), source)
        else:
            docs = from_label_studio(json.loads(raw), source)
    except (ImportError_, ValueError, KeyError) as exc:
        raise click.ClickException(f"{source}: {exc}") from None
    out = click.open_file(output, "w", encoding="utf-8")
    for d in docs:
        out.write(d.model_dump_json() + "\n")

