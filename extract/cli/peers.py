"""``newsx peers``: other projects' test cases."""

from __future__ import annotations

import json
from pathlib import Path

import click

from extract.cli.options import FOLDER


@click.command()
@click.argument("directory", type=FOLDER, default="../shared/peers")
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output with every failure and exclusion.")
@click.option("--failures", is_flag=True, help="List failed and excluded cases.")
def peers(directory, as_json, failures):
    """Run other projects' test cases (../shared/peers) and print pass rates per suite."""
    from extract.evaluate.peers import run_all

    path = Path(directory)
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

