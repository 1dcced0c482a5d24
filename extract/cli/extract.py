"""``newsx extract``: documents → JSONL of mentions (and facts) on stdout or a file."""

from __future__ import annotations

import json
import sys

import click

from extract.cli.options import DATE, INPUT, CONFIG, CONFIG_HELP, LABELS, pipeline_config
from extract.cli.util import err as _err, info, progress_flag
from extract.progress import Progress


@click.command()
@click.argument("inputs", nargs=-1, required=True, type=INPUT)
@click.option("-o", "--output", type=click.Path(dir_okay=False, allow_dash=True), default="-",
              help="JSONL output file (default: stdout).")
@click.option("--date", type=DATE, help="Document date (YYYY-MM-DD) for inputs that carry none.")
@click.option("--labels", type=LABELS, default=None, help="Comma-separated labels to extract (default: all).")
@click.option("--config", "config_file", type=CONFIG, default=None, help=CONFIG_HELP)
@click.option("--rejects", type=click.Path(dir_okay=False), default=None,
              help="Where to write rejected input units (default: OUTPUT.rejects.jsonl, or stderr only).")
@click.option("--pages", is_flag=True,
              help="Inputs are newspaper pages: split each into articles and write one line per article "
                   "(id PAGE#N, page offsets, date from the article's dateline).")
@click.option("--progress/--no-progress", default=None, help="Progress bar on stderr (default: when a terminal).")
@click.option("--facts", "with_facts", is_flag=True,
              help='Also write "facts": [...] per line (corpus/FACTS.md): park, indicator, period, value, changes.')
def extract(inputs, output, date, labels, config_file, rejects, pages, progress, with_facts):
    """Extract mentions from INPUTS (.txt files, folders, .jsonl, or - for JSONL on stdin).

    Writes one JSON line per document: {"id", "date", "spans": [...]}.
    """
    from extract.intake.read import Reject, read_inputs
    from extract.pipeline import extract_document

    label_list = pipeline_config(config_file, labels)
    to_stdout = output == "-"
    out = sys.stdout if to_stdout else open(output, "w", encoding="utf-8")
    rejects_path = rejects or (None if to_stdout else output + ".rejects.jsonl")
    rej = open(rejects_path, "w", encoding="utf-8") if rejects_path else None
    bar = Progress(enabled=progress_flag(False if to_stdout and progress is None else progress))
    info(f"labels: {label_list.label_note()}; output: {'stdout' if to_stdout else output}"
         + (f"; rejects: {rejects_path}" if rejects_path else ""))
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
                from extract.articles import extract_page_documents

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

