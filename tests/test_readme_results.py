"""The README's results are a floor: what `newsx score` measures now on the development gold and
on the held-out test split is never below what the README states (`make results` refreshes it),
and the gold behind each row has the size the README says."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))

import results_table  # noqa: E402

from extract.evaluate import load_gold, predict, score  # noqa: E402
from extract.evaluate.report import as_json  # noqa: E402

SPLITS = {"dev": ROOT / "corpus" / "gold", "test": ROOT / "corpus" / "gold-test", "test-2": ROOT / "corpus" / "gold-test2"}
STATED = results_table.parse((ROOT / "README.md").read_text(encoding="utf-8"))


def _measured(split: str) -> dict:
    gold = load_gold(sorted(SPLITS[split].glob("*.jsonl")))
    report = as_json(score(gold, predict(gold, options={"date_calendar_words": False})), len(gold))
    return results_table.figures(report, split)


@pytest.fixture(scope="module")
def measured() -> dict:
    return {k: v for split in SPLITS for k, v in _measured(split).items()}


def test_readme_states_dev_and_test():
    assert {s for _, s in STATED} == set(SPLITS)
    assert ("PARK", "test") in STATED and ("PARK", "test-2") in STATED and ("overall", "dev") in STATED


@pytest.mark.parametrize("row", sorted(STATED), ids=lambda r: f"{r[0]}-{r[1]}")
def test_readme_figure_is_a_floor(row, measured):
    stated, now = STATED[row], measured[row]
    assert now["gold"] == stated["gold"], f"{row}: the gold changed size; run `make results`"
    for column in results_table.COLUMNS:
        if stated[column] is not None:
            assert now[column] >= stated[column], f"{row} {column}: {now[column]} < README {stated[column]}"


FACT_ROW = re.compile(r"^\| (dev|test) \| (\d+) \| (\d+) \| \d+ \| ([\d.]+) \| ([\d.]+) \| ([\d.]+) \| ([\d.]+) \|$", re.M)


def test_readme_fact_figures_are_a_floor():
    """The facts table of the README (dev and test) is never above what `newsx score --facts`
    measures now, and its gold has the size it states."""
    from extract.evaluate.facts import load_fact_gold, score_facts
    from extract.facts import extract_facts
    from extract.pipeline import extract_text

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = readme[readme.index("<!-- facts:start -->"):readme.index("<!-- facts:end -->")]
    rows = FACT_ROW.findall(block)
    assert {r[0] for r in rows} == {"dev", "test"}
    for split, ndocs, nfacts, p, r, f1, full in rows:
        gold = load_fact_gold(sorted((ROOT / "corpus" / "facts").glob(f"{split}-*.jsonl")))
        pred = {g.id: extract_facts(g.text, extract_text(g.text, g.date, doc_id=g.id), g.date) for g in gold}
        result = score_facts(gold, pred)
        assert (len(gold), sum(len(g.facts) for g in gold)) == (int(ndocs), int(nfacts)), split
        got = (result.strict.p, result.strict.r, result.strict.f1, result.full.f1)
        for name, stated, now in zip(("P", "R", "F1", "full F1"), (p, r, f1, full), got):
            assert round(now, 3) >= float(stated), f"facts {split} strict {name}: {now:.3f} < README {stated}"
