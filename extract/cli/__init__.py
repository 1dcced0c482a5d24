"""The command line: thin — parses arguments, calls the library. Data on stdout, everything else on stderr."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from extract.cli.options import parse_date

from extract.progress import Progress


def _err(msg: str) -> None:
    click.echo(msg, err=True)


# Commands that live beside the code they drive, loaded only when called (import cost stays low).
LAZY_COMMANDS: dict[str, str] = {
    "split": "extract.intake.pages:split_command",
    "render": "extract.render:render_command",
    "spark": "extract.spark:spark_command",
}


def _use_registry(ctx, param, value):  # a click callback: validate and use the user's park registries
    if value:
        from extract.park.registry import add_user_registry

        try:
            add_user_registry(*value)
        except (OSError, ValueError) as exc:
            raise click.BadParameter(str(exc).splitlines()[0]) from None


REGISTRY_COMMANDS = {"extract", "run", "render", "score"}


def _registry_option() -> click.Option:
    return click.Option(["--registry"], multiple=True, type=click.Path(exists=True, dir_okay=False),
                        expose_value=False, callback=_use_registry, is_eager=True,
                        help="Extra park registry (JSONL rows of schemas/registry.py ParkEntry), used beside "
                             "the shipped one; repeatable.")


class _LazyGroup(click.Group):
    def list_commands(self, ctx):
        return sorted([*super().list_commands(ctx), *LAZY_COMMANDS])

    def get_command(self, ctx, name):
        cmd = self._get_command(ctx, name)
        if cmd is not None and name in REGISTRY_COMMANDS and not any(p.name == "registry" for p in cmd.params):
            cmd.params.append(_registry_option())
        return cmd

    def _get_command(self, ctx, name):
        if name in LAZY_COMMANDS and name not in self.commands:
            import importlib

            module, _, attr = LAZY_COMMANDS[name].partition(":")
            try:
                return getattr(importlib.import_module(module), attr)
            except (ModuleNotFoundError, AttributeError) as exc:
                why = f"the {name!r} command is not available: {exc}"

                def unavailable() -> None:
                    raise click.ClickException(why)

                return click.Command(name, callback=unavailable, help=f"(unavailable: {exc})")
        return super().get_command(ctx, name)


@click.group(cls=_LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option("0.1.0", prog_name="newsx")
def main() -> None:
    """newsx — parks, money, percentages and dates from Chinese news, as validated records."""


@main.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False, allow_dash=True), default="-",
              help="JSONL output file (default: stdout).")
@click.option("--date", callback=parse_date, help="Document date (YYYY-MM-DD) for inputs that carry none.")
@click.option("--labels", default=None, help="Comma-separated labels to extract (default: all).")
@click.option("--rejects", type=click.Path(dir_okay=False), default=None,
              help="Where to write rejected input units (default: OUTPUT.rejects.jsonl, or stderr only).")
@click.option("--pages", is_flag=True,
              help="Inputs are newspaper pages: split each into articles and write one line per article "
                   "(id PAGE#N, page offsets, date from the article's dateline).")
@click.option("--progress/--no-progress", default=None, help="Progress bar on stderr (default: when a terminal).")
@click.option("--facts", "with_facts", is_flag=True,
              help='Also write "facts": [...] per line (corpus/FACTS.md): park, indicator, period, value, changes.')
def extract(inputs, output, date, labels, rejects, pages, progress, with_facts):
    """Extract mentions from INPUTS (.txt files, folders, .jsonl, or - for JSONL on stdin).

    Writes one JSON line per document: {"id", "date", "spans": [...]}.
    """
    from extract.intake.read import Reject, read_inputs
    from extract.pipeline import extract_document

    label_list = [x.strip().upper() for x in labels.split(",")] if labels else None
    to_stdout = output == "-"
    out = sys.stdout if to_stdout else open(output, "w", encoding="utf-8")
    rejects_path = rejects or (None if to_stdout else output + ".rejects.jsonl")
    rej = open(rejects_path, "w", encoding="utf-8") if rejects_path else None
    bar = Progress(enabled=(False if to_stdout and progress is None else progress))
    n_in = n_out = n_rej = 0
    try:
        for item in read_inputs(inputs, date):
            n_in += 1
            if isinstance(item, Reject):
                n_rej += 1
                _err(f"rejected: {item}")
                if rej:
                    rej.write(json.dumps(item.as_dict(), ensure_ascii=False) + "\n")
                bar.update(rejects=1)
                continue
            if pages:
                from extract.intake.pages import extract_page_documents

                results = [ex for _, ex in extract_page_documents(item, labels=label_list)]
            else:
                results = [extract_document(item, labels=label_list)]
            for ex in results:
                if with_facts:
                    out.write(_with_facts(ex, item) + "\n")
                else:
                    out.write(ex.model_dump_json(exclude={"text"}) + "\n")
            n_out += 1
            bar.update(documents=1, mentions=sum(len(ex.spans) for ex in results), chars=len(item.text))
    finally:
        bar.close()
        if not to_stdout:
            out.close()
        if rej:
            rej.close()
    _err(f"documents in: {n_in} = written {n_out} + rejects {n_rej}" + (f" (rejects in {rejects_path})" if rej and n_rej else ""))


def _with_facts(ex, item) -> str:
    """The output line of ``ex`` with its facts (offsets into the document text, as its spans)."""
    from extract.facts import extract_facts

    text = item.text  # a page article's spans index the page too
    line = json.loads(ex.model_dump_json(exclude={"text"}))
    line["facts"] = [json.loads(f.model_dump_json()) for f in extract_facts(text, ex.spans, ex.date)]
    return json.dumps(line, ensure_ascii=False)


@main.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("--db", "db_url", default="sqlite:///out/newsx.sqlite", show_default=True,
              help="Database URL: sqlite:///FILE, duckdb:///FILE or postgresql://…[?schema=NAME]; "
                   "'none' for files only.")
@click.option("--out", "out_dir", type=click.Path(file_okay=False), default="out", show_default=True,
              help="Folder for mentions.jsonl, rejects.jsonl, mentions.parquet and documents.parquet.")
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
def run(inputs, db_url, out_dir, parquet, date, labels, table_prefix, workers, batch_size, progress):
    """The main job: extract INPUTS and load documents and mentions into a database plus JSONL/Parquet.

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
                            batch_size=batch_size, workers=workers, labels=label_list, parquet=parquet)
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


@main.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False))
@click.option("--pred", "pred_files", multiple=True, type=click.Path(exists=True, dir_okay=False),
              help="Prediction JSONL (repeatable). Without it the extractor runs on the gold texts.")
@click.option("--errors", is_flag=True, help="List every miss, spurious span, boundary and value error.")
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
@click.option("--labels", default=None, help="Comma-separated labels to score (default: all).")
@click.option("--facts", "facts_gold", is_flag=True,
              help="FILES are fact gold (corpus/FACTS.md): strict-core and full-record P/R/F1, per slot, "
                   "safety counters, buckets.")
@click.option("--calendar-words/--gold-contract", default=False,
              help="Also read weekdays, weeks and holidays as DATE (the project gold predates them; "
                   "default: score under the gold's contract, GUIDELINE DATE).")
def score(files, pred_files, errors, as_json, labels, facts_gold, calendar_words):
    """Score predictions against gold FILES (JSONL per ANNOTATION.md, or fact gold with --facts)."""
    if facts_gold:
        _score_facts(files, pred_files, errors, as_json)
        return
    from extract.evaluate import GoldError, load_gold, load_predictions, predict, score as do_score
    from extract.evaluate.report import as_json as report_json, error_lines, table

    try:
        gold = load_gold(files)
        if pred_files:
            pred = load_predictions(pred_files)
        else:
            pred = predict(gold, options={"date_calendar_words": calendar_words})
    except GoldError as exc:
        raise click.ClickException(str(exc)) from None
    if labels:
        keep = {x.strip().upper() for x in labels.split(",")}
        gold = [g.model_copy(update={"spans": [m for m in g.spans if m.label.value in keep]}) for g in gold]
        pred = {k: v.model_copy(update={"spans": [m for m in v.spans if m.label.value in keep]}) for k, v in pred.items()}
    result = do_score(gold, pred)
    if as_json:
        data = report_json(result, len(gold))
        if errors:
            data["error_list"] = error_lines(result.errors).splitlines()
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        click.echo(table(result, len(gold)))
        if errors:
            click.echo("")
            click.echo(error_lines(result.errors))


def _score_facts(files, pred_files, errors, as_json) -> None:
    from extract.evaluate.facts import FactGoldError, load_fact_gold, score_facts, table
    from extract.facts import extract_facts
    from extract.pipeline import extract_text
    from schemas.facts import Fact

    try:
        gold = load_fact_gold(files)
    except FactGoldError as exc:
        raise click.ClickException(str(exc)) from None
    texts = {g.id: g.text for g in gold}
    if pred_files:
        pred: dict = {}
        for path in pred_files:
            with open(path, encoding="utf-8") as fh:
                for n, line in enumerate(fh, 1):
                    if not line.strip():
                        continue
                    try:
                        d = json.loads(line)
                        ctx = {"text": texts[d["id"]]} if d.get("id") in texts else None
                        pred[d["id"]] = [Fact.model_validate(f, context=ctx) for f in d.get("facts", [])]
                    except (ValueError, KeyError) as exc:
                        raise click.ClickException(f"{path}:{n}: {str(exc).splitlines()[0]}") from None
    else:
        pred = {g.id: extract_facts(g.text, extract_text(g.text, g.date, doc_id=g.id), g.date) for g in gold}
    result = score_facts(gold, pred)
    if as_json:
        data = result.as_dict()
        if errors:
            data["error_list"] = result.errors
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        click.echo(table(result))
        if errors:
            click.echo("")
            click.echo("\n".join(result.errors))


@main.group()
def gold() -> None:
    """Gold data tools: check, import and export."""


@gold.command("check")
@click.argument("files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False))
def gold_check(files):
    """Validate gold FILES: offsets, surfaces, overlaps, values. Exit 1 on the first bad file."""
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
        click.echo(f"ok  {f}: {len(docs)} documents, {spans} spans")
    labels = ", ".join(f"{k} {v}" for k, v in sorted(by_label.items()))
    click.echo(f"total: {total_docs} documents, {total_spans} spans ({labels})")


@gold.command("export")
@click.argument("files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False))
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
@click.argument("source", type=click.Path(exists=True, dir_okay=False))
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


@main.command()
@click.argument("directory", type=click.Path(file_okay=False), default="../shared/peers")
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output with every failure and exclusion.")
@click.option("--failures", is_flag=True, help="List failed and excluded cases.")
def peers(directory, as_json, failures):
    """Run other projects' test cases (../shared/peers) and print pass rates per suite."""
    from extract.evaluate.peers import run_all

    path = Path(directory)
    if not path.is_dir():
        _err(f"no peer folder at {path}: nothing to run")
        return
    results = run_all(path)
    if as_json:
        click.echo(json.dumps([r.as_dict() for r in results], ensure_ascii=False, indent=2))
        return
    click.echo(f"{'suite':<28} {'passed':>6} {'in scope':>8} {'rate':>7} {'excluded':>8}")
    for r in results:
        click.echo(f"{r.name:<28} {len(r.passed):>6} {r.in_scope:>8} {r.rate:>7.1%} {len(r.excluded):>8}")
    if failures:
        for r in results:
            for cid, text, why in r.failed:
                click.echo(f"FAIL    {r.name} {cid}: {text!r}: {why}")
            for cid, text, why in r.excluded:
                click.echo(f"EXCLUDE {r.name} {cid}: {text!r}: {why}")

