"""PARK pattern rules are records: every ``park.pattern.*`` name the code can emit is one of
``PATTERN_RULES`` (named once, with the surface it reads), and every rule reads at least one
example of extract/park/examples.json."""

from __future__ import annotations

import ast
import re
from functools import lru_cache
from pathlib import Path

import pytest

from examples_runner import discover
from extract.park import rules
from extract.pipeline import extract_text

_NAME = re.compile(r"park\.pattern\.[a-z_+]+")
NAMES = [r.name for r in rules.PATTERN_RULES]


def _names_in_source() -> set[str]:
    out = set()
    for path in Path(rules.__file__).resolve().parent.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and _NAME.fullmatch(node.value):
                out.add(node.value)
    return out


@lru_cache(maxsize=1)
def _emitted_by_examples() -> frozenset[str]:
    out = set()
    for ex in discover():
        if ex.label == "PARK" and ex.value is not None:
            out |= {m.rule for m in extract_text(ex.text, ex.date, labels=["PARK"])}
    return frozenset(out)


def test_every_pattern_rule_name_is_a_record():
    assert len(NAMES) == len(set(NAMES))
    assert _names_in_source() == set(NAMES)
    assert all(r.reads for r in rules.PATTERN_RULES)


@pytest.mark.parametrize("name", NAMES)
def test_every_pattern_rule_reads_an_example(name):
    # a pattern name found in the registry is recorded as name→registry (or .undecided …)
    assert any(rule == name or rule.startswith(name + "→") or rule.startswith(name + ".")
               for rule in _emitted_by_examples())
