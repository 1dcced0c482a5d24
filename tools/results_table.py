"""Rewrite the README's results table from `newsx score --json` (never typed by hand).

The table shows the development gold (corpus/gold: the rules were written while reading it, so
its scores flatter) beside the held-out test splits (corpus/gold-test and corpus/gold-test2:
labelled before the extractor ran on them, never used to write a rule; test-2 is the newer one,
never consulted during development).

    newsx score corpus/gold/*.jsonl --json > dev.json
    newsx score corpus/gold-test/*.jsonl --json > test.json
    newsx score corpus/gold-test2/*.jsonl --json > test2.json
    python tools/results_table.py README.md dev.json test.json test2.json
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

START, END = "<!-- results:start -->", "<!-- results:end -->"
COLUMNS = ("strict P", "strict R", "strict F1", "partial F1", "value accuracy")


def _cells(r: dict) -> list[str]:
    s = r["strict"]
    va = "–" if r["value_accuracy"] is None else f"{r['value_accuracy']:.3f}"
    return [f"{s['precision']:.3f}", f"{s['recall']:.3f}", f"{s['f1']:.3f}", f"{r['partial']['f1']:.3f}", va]


def _rows(report: dict) -> list[tuple[str, dict]]:
    return [(k, v) for k, v in report["labels"].items() if v["gold"]] + [("overall", report["overall"])]


TEST_SPLITS = ("test", "test-2")


def render(dev: dict, test: dict | None = None, test2: dict | None = None) -> str:
    held = [(name, rep) for name, rep in zip(TEST_SPLITS, (test, test2)) if rep]
    folders = {"test": "corpus/gold-test", "test-2": "corpus/gold-test2"}
    said = ", ".join(f"`{folders[n]}` ({rep['documents']} documents, PARK only)" for n, rep in held)
    lines = [f"Measured by `make results`: the development gold `corpus/gold` ({dev['documents']} documents) "
             "and, where labelled, the held-out test splits" + (f" {said}" if said else "") + ".",
             "",
             "| label | split | gold spans | " + " | ".join(COLUMNS) + " |",
             "|---|---|---:|" + "---:|" * len(COLUMNS)]
    held_rows = [(name, dict(_rows(rep))) for name, rep in held]
    for label, r in _rows(dev):
        lines.append(f"| {label} | dev | {r['gold']} | " + " | ".join(_cells(r)) + " |")
        for name, rows in held_rows:
            t = rows.get(label) if label != "overall" else None
            if t is not None:
                lines.append(f"| {label} | {name} | {t['gold']} | " + " | ".join(_cells(t)) + " |")
    return "\n".join(lines)


def replace(readme: str, table: str) -> str:
    head, _, rest = readme.partition(START)
    _, _, tail = rest.partition(END)
    return f"{head}{START}\n{table}\n{END}{tail}"


def parse(readme: str) -> dict[tuple[str, str], dict]:
    """The figures the README states: {(label, split): {"gold": n, column: value}}."""
    _, _, rest = readme.partition(START)
    table, _, _ = rest.partition(END)
    out: dict[tuple[str, str], dict] = {}
    for line in table.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) != 3 + len(COLUMNS) or not re.fullmatch(r"\d+", cells[2]):
            continue
        row: dict = {"gold": int(cells[2])}
        for name, cell in zip(COLUMNS, cells[3:]):
            row[name] = None if cell == "–" else float(cell)
        out[(cells[0], cells[1])] = row
    return out


def figures(report: dict, split: str) -> dict[tuple[str, str], dict]:
    out = {}
    for label, r in _rows(report):
        if split != "dev" and label == "overall":
            continue
        cells = _cells(r)
        out[(label, split)] = {"gold": r["gold"], **{n: None if c == "–" else float(c) for n, c in zip(COLUMNS, cells)}}
    return out


def main(argv: list[str]) -> int:
    if len(argv) not in (2, 3, 4):
        sys.stderr.write("usage: results_table.py README.md dev.json [test.json [test2.json]]\n")
        return 2
    path = Path(argv[0])
    dev, test, test2 = (json.loads(Path(a).read_text(encoding="utf-8")) if a else None
                        for a in (argv[1:] + [None, None])[:3])
    text = path.read_text(encoding="utf-8")
    if START not in text:
        sys.stderr.write(f"{path} has no {START} marker\n")
        return 1
    path.write_text(replace(text, render(dev, test, test2)), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
