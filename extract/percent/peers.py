"""PERCENT measured on peers' cases (``../shared/peers``; see extract/evaluate/peers.py).

``cn2an_transform``: cn2an rewrites whole sentences between Chinese and Arabic numerals
(今天股价上涨了百分之八 ↔ 今天股价上涨了8%). Its cases have no spans; the expected value of a
case that is about a share is read from the Arabic side of the pair (8% → 0.08, -3.8% →
-0.038, 1/2 → 0.5), and the case passes when newsx finds exactly one PERCENT in the input
sentence with that value (compared as the scorer does, at 6 decimals). Cases that rewrite no
percentage or share (dates, money, counts, temperatures, codes) are excluded with a reason.
"""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path
from typing import Callable

from extract.evaluate.peers import SuiteResult, read_cases
from extract.evaluate.values import values_equal
from extract.pipeline import extract_text

# The Arabic forms cn2an writes for a share: 8%, -3.8%, 1.57%, 1/2.
_ARABIC_PERCENT = re.compile(r"(?P<num>-?\d+(?:\.\d+)?)%")
_ARABIC_FRACTION = re.compile(r"(?<![\d/])(?P<a>\d+)/(?P<b>\d+)(?![\d/])")

# Why a case is out of scope, by what it rewrites (first match wins).
_OUT_OF_SCOPE: tuple[tuple[str, str], ...] = (
    ("电话", "digit-string rewrite (phone number), not a share"),
    ("编号", "digit-string rewrite (code), not a share"),
    ("个月", "duration rewrite (1-2个月), not a share"),
    ("℃", "temperature rewrite (摄氏度 ↔ ℃), not a share"),
    ("摄氏度", "temperature rewrite, not a share"),
    ("元", "money rewrite, not a share (MONEY)"),
    ("块钱", "money rewrite, not a share (MONEY)"),
    ("年", "date/year rewrite, not a share (DATE)"),
    ("月", "date rewrite, not a share (DATE)"),
    ("日", "date rewrite, not a share (DATE)"),
)


def expected_share(case: dict) -> Decimal | None:
    """The share a case is about, from the Arabic side of the rewrite; None if it has none."""
    arabic = case["expected_output"] if case.get("direction") == "cn2an" else case["text"]
    if m := _ARABIC_PERCENT.search(arabic):
        return Decimal(m["num"]) / 100
    if m := _ARABIC_FRACTION.search(arabic):
        return Decimal(m["a"]) / Decimal(m["b"])
    return None


def exclusion_reason(case: dict) -> str:
    both = case["text"] + case.get("expected_output", "")
    for marker, reason in _OUT_OF_SCOPE:
        if marker in both:
            return reason
    return "number rewrite without a percentage or share (counts, measures, words with 两/半)"


def run_transform(path: Path) -> SuiteResult:
    result = SuiteResult(name=path.stem)
    for case in read_cases(path):
        cid, text = case["id"], case["text"]
        want = expected_share(case)
        if want is None:
            result.excluded.append((cid, text, exclusion_reason(case)))
            continue
        found = extract_text(text, None, labels=["PERCENT"])
        if len(found) != 1:
            result.failed.append((cid, text, f"want one PERCENT ({want}), got {[m.text for m in found]}"))
            continue
        got = found[0].value.model_dump(mode="json")
        if values_equal("PERCENT", got, {"value": str(want)}):
            result.passed.append(cid)
        else:
            result.failed.append((cid, text, f"{found[0].text!r}: value {got['value']} != {want}"))
    return result


SUITES: dict[str, Callable[[Path], SuiteResult]] = {"cn2an_transform": run_transform}
