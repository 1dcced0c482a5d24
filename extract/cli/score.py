"""``newsx score``: predictions (or the extractor) against gold, mentions or facts."""

from __future__ import annotations

import json

import click

from extract.cli.options import FILE, LABELS
from extract.cli.util import info, progress_flag


@click.command()
@click.argument("files", nargs=-1, required=True, type=FILE)
@click.option("--pred", "pred_files", multiple=True, type=FILE,
              help="Prediction JSONL (repeatable). Without it the extractor runs on the gold texts.")
@click.option("--errors", is_flag=True, help="List every miss, spurious span, boundary and value error.")
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
@click.option("--labels", type=LABELS, default=None, help="Comma-separated labels to score (default: all).")
@click.option("--facts", "facts_gold", is_flag=True,
              help="FILES are fact gold (corpus/FACTS.md): strict-core and full-record P/R/F1, per slot, "
                   "safety counters, buckets.")
@click.option("--calendar-words/--gold-contract", default=False,
              help="Also read weekdays, weeks and holidays as DATE (the project gold predates them; "
                   "default: score under the gold's contract, GUIDELINE DATE).")
@click.option("--progress/--no-progress", default=None,
              help="Progress of the extractor over the gold texts on stderr (default: when a terminal).")
def score(files, pred_files, errors, as_json, labels, facts_gold, calendar_words, progress):
    """Score predictions against gold FILES (JSONL per ANNOTATION.md, or fact gold with --facts)."""
    if facts_gold:
        _score_facts(files, pred_files, errors, as_json, progress)
        return
    from extract.evaluate import GoldError, load_gold, load_predictions, predict, score as do_score
    from extract.evaluate.report import as_json as report_json, error_lines, table

    try:
        gold = load_gold(files)
        if pred_files:
            pred = load_predictions(pred_files)
        else:
            from extract.progress import Progress

            with Progress(enabled=progress_flag(progress), total=len(gold)) as bar:
                pred = predict(gold, options={"date_calendar_words": calendar_words}, progress=bar)
    except GoldError as exc:
        raise click.ClickException(str(exc)) from None
    if labels:
        keep = set(labels)
        gold = [g.model_copy(update={"spans": [m for m in g.spans if m.label.value in keep]}) for g in gold]
        pred = {k: v.model_copy(update={"spans": [m for m in v.spans if m.label.value in keep]}) for k, v in pred.items()}
    info(f"gold: {len(gold)} documents from {len(files)} file(s); predictions: "
         + (f"{len(pred)} documents from {len(pred_files)} file(s)" if pred_files else "the extractor"))
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


def _score_facts(files, pred_files, errors, as_json, progress=None) -> None:
    from extract.evaluate.facts import FactGoldError, load_fact_gold, load_fact_predictions, score_facts, table
    from extract.facts import extract_facts
    from extract.pipeline import extract_text

    try:
        gold = load_fact_gold(files)
        texts = {g.id: g.text for g in gold}
        pred = load_fact_predictions(pred_files, texts) if pred_files else {}
    except FactGoldError as exc:
        raise click.ClickException(str(exc)) from None
    if not pred_files:
        from extract.progress import Progress

        with Progress(enabled=progress_flag(progress), total=len(gold)) as bar:
            for g in gold:
                pred[g.id] = extract_facts(g.text, extract_text(g.text, g.date, doc_id=g.id), g.date)
                bar.update(documents=1, chars=len(g.text))
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

