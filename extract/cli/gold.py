"""``newsx gold check|export|import``: gold data tools."""

from __future__ import annotations

import json
from pathlib import Path

import click

from extract.cli import NewsxGroup
from extract.cli.options import FILE, INPUT
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
@click.option("--texts", "texts", multiple=True, type=INPUT,
              help="The documents newsx extract read (.jsonl, .txt, folders; repeatable): the texts of "
                   "prediction FILES, joined by id.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, allow_dash=True), default="-")
def gold_export(files, fmt, texts, output):
    """Export gold FILES, or `newsx extract` output (pre-annotations), for doccano (JSONL) or Label
    Studio (JSON).

    Gold lines (with "text") become annotations; lines of `newsx extract` (no "text": give the
    documents with --texts) become Label Studio predictions with model_version "newsx VERSION"
    (doccano: labels to correct). Values go in each tool's metadata. The labelling config:
    `newsx gold config`.
    """
    from extract.evaluate import GoldError
    from extract.evaluate.formats import ImportError_, dumps_jsonl, to_doccano, to_label_studio

    try:
        gold, preds = _read_export_inputs(files, texts)
    except (GoldError, ImportError_) as exc:
        raise click.ClickException(str(exc)) from None
    if fmt == "doccano":
        text = dumps_jsonl(to_doccano([*gold, *preds]))
    else:
        try:
            text = json.dumps(to_label_studio(gold, preds), ensure_ascii=False, indent=1) + "\n"
        except ImportError_ as exc:
            raise click.ClickException(str(exc)) from None
    with click.open_file(output, "w", encoding="utf-8") as out:
        out.write(text)
    _err(f"exported {len(gold)} gold and {len(preds)} predicted document(s)" + ("" if output == "-" else f" to {output}"))


def _read_export_inputs(files, texts):
    """Gold documents (lines with "text") and predictions (newsx extract lines, texts from --texts)."""
    from extract.evaluate import load_gold
    from extract.evaluate.formats import with_texts

    gold, preds = [], []
    by_id: dict | None = None
    for f in files:
        lines = _json_lines(f)
        if all("text" in rec for _, rec in lines):
            gold += load_gold([f])
            continue
        if by_id is None:
            by_id = _documents(texts)
        preds += with_texts((rec for _, rec in lines), by_id, f)
    return gold, preds


def _json_lines(path):
    from extract.evaluate import GoldError

    out = []
    with open(path, encoding="utf-8-sig") as fh:
        for n, line in enumerate(fh, 1):
            if line.strip():
                try:
                    rec = json.loads(line)
                except json.JSONDecodeError as exc:
                    raise GoldError(f"{path}:{n}: malformed JSON ({exc.msg})") from None
                if not isinstance(rec, dict):
                    raise GoldError(f"{path}:{n}: not a JSON object")
                out.append((n, rec))
    return out


def _documents(texts) -> dict:
    from extract.intake.read import Reject, read_inputs

    docs = {}
    for item in read_inputs(texts):
        if isinstance(item, Reject):
            _err(f"rejected: {item}")
        else:
            docs[item.id] = item
    return docs


@gold.command("import")
@click.argument("source", type=FILE)
@click.option("--format", "fmt", type=click.Choice(["doccano", "labelstudio"]), required=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False, allow_dash=True), default="-")
def gold_import(source, fmt, output):
    """Import gold corrected in doccano (JSONL) or Label Studio (JSON export) back to newsx gold JSONL.

    Label Studio tasks nobody annotated are skipped (counted on stderr); a region's value is the
    JSON in its value box (or the value exported with it)."""
    from extract.evaluate.formats import ImportError_, from_doccano, read_label_studio

    raw = Path(source).read_text(encoding="utf-8-sig")
    skipped: list[str] = []
    try:
        if fmt == "doccano":
            docs = from_doccano((_loads(l, source, n) for n, l in enumerate(raw.splitlines(), 1) if l.strip()), source)
        else:
            docs, skipped = read_label_studio(_loads(raw, source), source)
    except ImportError_ as exc:
        raise click.ClickException(str(exc)) from None
    with click.open_file(output, "w", encoding="utf-8") as out:
        for d in docs:
            out.write(d.model_dump_json() + "\n")
    _err(f"imported {len(docs)} document(s), {sum(len(d.spans) for d in docs)} span(s)"
         + (f"; skipped {len(skipped)} task(s) nobody annotated" if skipped else ""))


def _loads(text: str, source: str, line: int | None = None):
    from extract.evaluate.formats import ImportError_

    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        where = f"{source}:{line}" if line else source
        raise ImportError_(f"{where}: malformed JSON ({exc.msg} at line {exc.lineno} column {exc.colno})") from None


@gold.command("config")
def gold_config():
    """Print the Label Studio labelling config for newsx tasks (paste it under Labeling Interface → Code)."""
    from extract.evaluate.formats import label_config

    click.echo(label_config(), nl=False)
