"""Rewrite the README's results table from `newsx score --json` (never typed by hand).

The table shows the development gold (corpus/gold: the rules were written while reading it, so
its scores flatter) beside the held-out test split (corpus/gold-test: labelled before the
extractor ran on it, never used to write a rule).

    newsx score corpus/gold/*.jsonl --json > dev.json
    newsx score corpus/gold-test/*.jsonl --json > test.json
    python tools/results_table.py README.md dev.json test.json
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


def render(dev: dict, test: dict | None = None) -> str:
    lines = [f"Measured by `make results`: the development gold `corpus/gold` ({dev['documents']} documents) "
             "and, where labelled, the held-out test split `corpus/gold-test`"
             + (f" ({test['documents']} documents, PARK only)" if test else "") + ".",
             "",
             "| label | split | gold spans | " + " | ".join(COLUMNS) + " |",
             "|---|---|---:|" + "---:|" * len(COLUMNS)]
    test_rows = dict(_rows(test)) if test else {}
    for label, r in _rows(dev):
        lines.append(f"| {label} | dev | {r['gold']} | " + " | ".join(_cells(r)) + " |")
        t = test_rows.get(label) if label != "overall" else None
        if t is not None:
            lines.append(f"| {label} | test | {t['gold']} | " + " | ".join(_cells(t)) + " |")
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
        if split == "test" and label == "overall":
            continue
        cells = _cells(r)
        out[(label, split)] = {"gold": r["gold"], **{n: None if c == "–" else float(c) for n, c in zip(COLUMNS, cells)}}
    return out


def main(argv: list[str]) -> int:
    if len(argv) not in (2, 3):
        sys.stderr.write("usage: results_table.py README.md dev.json [test.json]\n")
        return 2
    path = Path(argv[0])
    dev = json.loads(Path(argv[1]).read_text(encoding="utf-8"))
    test = json.loads(Path(argv[2]).read_text(encoding="utf-8")) if len(argv) == 3 else None
    text = path.read_text(encoding="utf-8")
    if START not in text:
        sys.stderr.write(f"{path} has no {START} marker\n")
        return 1
    path.write_text(replace(text, render(dev, test)), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
