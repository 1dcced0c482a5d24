"""The README's results table is what `newsx score --json` measures now (make results)."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))

import results_table  # noqa: E402

from extract.evaluate import load_gold, score  # noqa: E402
from extract.evaluate.report import as_json  # noqa: E402
from extract.pipeline import extract_document  # noqa: E402
from schemas.records import Document  # noqa: E402


def test_readme_results_table_is_current():
    gold = load_gold(sorted((ROOT / "corpus" / "gold").glob("*.jsonl")))
    pred = {g.id: extract_document(Document(id=g.id, text=g.text, date=g.date)) for g in gold}
    report = as_json(score(gold, pred), len(gold))
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert results_table.replace(readme, results_table.render(report)) == readme, "run `make results`"
