"""Rewrite the README's results table from `newsx score --json` (never typed by hand).

    newsx score corpus/gold/*.jsonl --json | python tools/results_table.py README.md
    python tools/results_table.py README.md --check < score.json   # exit 1 when stale
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

START, END = "<!-- results:start -->", "<!-- results:end -->"


def render(report: dict) -> str:
    lines = [
        f"Measured by `make results` on the project gold ({report['documents']} documents).",
        "",
        "| label | gold spans | strict P | strict R | strict F1 | partial F1 | value accuracy |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    rows = list(report["labels"].items()) + [("overall", report["overall"])]
    for label, r in rows:
        va = "–" if r["value_accuracy"] is None else f"{r['value_accuracy']:.3f}"
        s = r["strict"]
        lines.append(f"| {label} | {r['gold']} | {s['precision']:.3f} | {s['recall']:.3f} | {s['f1']:.3f} | "
                     f"{r['partial']['f1']:.3f} | {va} |")
    return "\n".join(lines)


def replace(readme: str, table: str) -> str:
    head, _, rest = readme.partition(START)
    _, _, tail = rest.partition(END)
    return f"{head}{START}\n{table}\n{END}{tail}"


def main(argv: list[str]) -> int:
    path = Path(argv[0])
    report = json.load(sys.stdin)
    text = path.read_text(encoding="utf-8")
    if START not in text:
        raise SystemExit(f"{path} has no {START} marker")
    new = replace(text, render(report))
    if "--check" in argv:
        if new != text:
            sys.stderr.write("README results table is stale: run `make results`\n")
            return 1
        return 0
    path.write_text(new, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
