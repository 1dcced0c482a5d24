"""extract/qualifier.py is the one owner of the qualifier tables, the regex fragments built from
them and the functions that read them; MONEY and PERCENT use the same ones (issue 15/17)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from extract import qualifier
from extract.money import lexicon as money_lexicon
from extract.numeral import lexicon as numeral_lexicon
from extract.percent import lexicon as percent_lexicon
from extract.pipeline import extract_text

ROOT = Path(__file__).resolve().parents[1] / "extract"


def test_labels_share_the_fragments() -> None:
    assert money_lexicon.TRAILING is qualifier.TRAILING_PATTERN
    assert percent_lexicon.TRAILING is qualifier.TRAILING_PATTERN
    assert percent_lexicon.SEP is numeral_lexicon.RANGE_SEP
    assert "含" in qualifier.TRAILING_PATTERN and "含" in numeral_lexicon.RANGE_SEP


@pytest.mark.parametrize("name", ["RANGE_SEP", "TRAILING_PATTERN", "INCLUSIVE_MARK"])
def test_defined_once(name: str) -> None:
    where = [p for p in ROOT.rglob("*.py") if re.search(rf"^{name}\s*=", p.read_text(encoding="utf-8"), re.M)]
    assert len(where) == 1, where


def test_one_leading_function() -> None:
    defs = [p for p in ROOT.rglob("*.py") if re.search(r"^def leading(_qualifier)?\(", p.read_text(encoding="utf-8"), re.M)]
    assert [p.name for p in defs] == ["qualifier.py"]


@pytest.mark.parametrize(
    "text, label, qualifier_value",
    [
        ("投资3亿元（含）以上的项目", "MONEY", "at_least"),
        ("占比30%（含）以上的企业", "PERCENT", "at_least"),
        ("增幅5%(含)以下", "PERCENT", "at_most"),
        ("售价$300（含）以上", "MONEY", "at_least"),
        ("降幅两个百分点（含）以内", "PERCENT", "at_most"),
        ("比重三成（含）以上", "PERCENT", "at_least"),
    ],
)
def test_inclusive_bound_same_for_both(text: str, label: str, qualifier_value: str) -> None:
    found = [m for m in extract_text(text, None, labels=[label])]
    assert len(found) == 1, found
    assert found[0].text.endswith(("以上", "以下", "以内"))
    assert found[0].value.qualifier.value == qualifier_value


@pytest.mark.parametrize(
    "text, label, qualifier_value",
    [
        ("工程造價約合新臺幣3億元，", "MONEY", "approx"),
        ("項目投資超過人民幣3億元。", "MONEY", "over"),
        ("市佔率超過30%。", "PERCENT", "over"),
        ("出席率不低於三成，", "PERCENT", "at_least"),
        ("將近三成的受訪者", "PERCENT", "under"),
        ("通過3億元的預算", "MONEY", "exact"),  # 通過 is no qualifier in either script
    ],
)
def test_traditional_qualifier_words(text: str, label: str, qualifier_value: str) -> None:
    """A qualifier written in traditional characters is read, never silently lost (issue 17)."""
    found = extract_text(text, None, labels=[label])
    assert len(found) == 1 and found[0].value.qualifier.value == qualifier_value, found
