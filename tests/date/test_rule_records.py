"""DATE rules are records: every rule name the code can emit is registered, listed in the rules
module's docstring and produced by at least one example of extract/date/examples.json; every
surface form (``forms.FORMS``, ``forms.EXTRA_FORMS``) reads at least one example."""

from __future__ import annotations

import ast
import re
from functools import lru_cache
from pathlib import Path

import pytest

from examples_runner import discover
from extract.date import calendar_words, forms, rules
from extract.pipeline import extract_text

DATE_DIR = Path(rules.__file__).resolve().parent
_NAME = re.compile(r"date\.[a-z_]+(?:\+[a-z_]+)?")
WEEKDAY = "+weekday"  # the suffix a full date takes with the weekday beside it

REGISTERED = (
    {f.rule for f in forms.FORMS + forms.EXTRA_FORMS}
    | {name for name, _ in rules.RANGE_RULES if name.startswith("date.")}
    | set(calendar_words.RULE_NAMES)
)


def _examples():
    return [e for e in discover() if e.label == "DATE"]


@lru_cache(maxsize=1)
def _emitted_by_examples() -> frozenset[str]:
    out = set()
    for ex in _examples():
        if ex.value is not None:
            out |= {m.rule for m in extract_text(ex.text, ex.date, labels=["DATE"])}
    return frozenset(out)


def _names_in_source() -> set[str]:
    """Every string literal in extract/date/ that is a rule name."""
    out = set()
    for path in DATE_DIR.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and _NAME.fullmatch(node.value):
                out.add(node.value)
    return out


def test_every_rule_name_in_the_code_is_registered():
    assert _names_in_source() - REGISTERED == set()


@pytest.mark.parametrize("name", sorted(REGISTERED))
def test_every_registered_rule_is_documented(name):
    assert f"``{name}``" in rules.__doc__


@pytest.mark.parametrize("name", sorted(REGISTERED))
def test_every_registered_rule_has_an_example(name):
    assert name in _emitted_by_examples(), f"no example in extract/date/examples.json yields {name}"


def test_every_emitted_rule_is_registered():
    assert {r.removesuffix(WEEKDAY) for r in _emitted_by_examples()} <= REGISTERED


def _form_read(g: dict, s: str) -> forms.Form | None:
    """The form ``forms.read_side`` picks for side ``s`` (the first whose group matched)."""
    return next((f for f in forms.FORMS if g.get(f"{f.key}{s}")), None)


def test_every_form_reads_an_example():
    """Positives and negatives alike (24年 alone is no date: its form is met by a negative)."""
    met = set()
    for ex in _examples():
        for m in rules._matches(ex.text):
            g = {k: v for k, v in m.groupdict().items() if v}
            for s in "ab":
                form = _form_read(g, s)
                if form is not None:
                    met.add(form.key)
    assert [f.key for f in forms.FORMS if f.key not in met] == []


def test_every_extra_form_reads_an_example():
    met = {forms.extra_form(m.groupdict()).key for ex in _examples() for m in rules._extra_matches(ex.text)}
    assert [f.key for f in forms.EXTRA_FORMS if f.key not in met] == []


def test_forms_name_groups_of_the_pattern():
    groups = rules.PATTERN.groupindex
    assert [f.key for f in forms.FORMS if f"{f.key}a" not in groups] == []
    assert len({f.key for f in forms.FORMS}) == len(forms.FORMS)
    # A match is a range when a side-"b" group of a form matched: the set comes from FORMS.
    assert rules._SIDE_B == {f"{f.key}b" for f in forms.FORMS} & set(groups)
    assert [f.key for f in forms.EXTRA_FORMS if f.key not in rules.EXTRA.groupindex] == []
