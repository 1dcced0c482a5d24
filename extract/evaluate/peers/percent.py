"""PERCENT, MONEY and the numeral parser measured on cn2an's sentence rewrites (``../shared/peers``;
see extract/evaluate/peers.py).

``cn2an_transform``: cn2an rewrites whole sentences between Chinese and Arabic numerals
(今天股价上涨了百分之八 ↔ 今天股价上涨了8%). Its cases have no spans. Each case is checked by
what it rewrites, first match wins:

- a share: the expected value is read from the Arabic side (8% → 0.08, -3.8% → -0.038, 1/2 →
  0.5); newsx must find exactly one PERCENT in the input sentence with that value (compared as
  the scorer does, at 6 decimals);
- money (元, 块钱): exactly one MONEY in the input with the amount of the Arabic side;
- other numbers (counts, dates, temperatures, 两千米): the Chinese numerals of the Chinese side,
  in order, read by the shared parser (``parse_number``, smart mode) must equal the Arabic
  numbers of the other side, one for one;
- no number on either side (大陆, 两岸关系, 半岛 left alone): newsx must find no MONEY or
  PERCENT in it.

Excluded, with the reason: digit-string transliteration (``direct``, 零零三 → 003, another task
than reading a number), 半 as a number (半斤 → 0.5斤: a half is PERCENT's share word, never a
numeral of the parser) and 零下 as a sign (零下四摄氏度 → -4℃: a temperature word).
"""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path
from typing import Callable

from extract.evaluate.peers import SuiteResult, in_scope
from extract.evaluate.values import values_equal
from extract.numeral import NumeralError, parse_number
from extract.numeral.lexicon import CN_CHARS
from extract.pipeline import extract_text

# The Arabic forms cn2an writes for a share: 8%, -3.8%, 1.57%, 1/2.
_ARABIC_PERCENT = re.compile(r"(?P<num>-?\d+(?:\.\d+)?)%")
_ARABIC_FRACTION = re.compile(r"(?<![\d/])(?P<a>\d+)/(?P<b>\d+)(?![\d/])")

# Why a case is out of scope (first match wins).
_OUT_OF_SCOPE: tuple[tuple[Callable[[dict], bool], str], ...] = (
    (lambda c: bool(c.get("direct")),
     "digit-string transliteration (零零三 → 003, 012 → 零一二) is not a number reading"),
    (lambda c: "半" in c["text"] and "半" not in c["expected_output"],
     "半 rewritten as 0.5 (半斤 → 0.5斤): a half is PERCENT's share word, not a numeral"),
    (lambda c: "零下" in c["text"] + c["expected_output"],
     "零下 (below zero) rewritten as a minus sign: a temperature word, not a numeral"),
)
_MONEY_WORDS = ("元", "块钱")
# A number on the Chinese side: Chinese numerals, possibly after Arabic digits (2.5亿, 6500万).
_CN_NUMBER = re.compile(rf"[0-9.]*[{CN_CHARS}点]+|[0-9]+(?:\.[0-9]+)?")
_AR_NUMBER = re.compile(r"(?:(?<![0-9])-)?[0-9]+(?:\.[0-9]+)?")  # 1-2个月: a range, not 1 and -2


def expected_share(case: dict) -> Decimal | None:
    """The share a case is about, from the Arabic side of the rewrite; None if it has none."""
    arabic = _arabic_side(case)
    if m := _ARABIC_PERCENT.search(arabic):
        return Decimal(m["num"]) / 100
    if m := _ARABIC_FRACTION.search(arabic):
        return Decimal(m["a"]) / Decimal(m["b"])
    return None


def _arabic_side(case: dict) -> str:
    return case["expected_output"] if case.get("direction") == "cn2an" else case["text"]


def _chinese_side(case: dict) -> str:
    return case["text"] if case.get("direction") == "cn2an" else case["expected_output"]


def exclusion_reason(case: dict) -> str | None:
    for test, reason in _OUT_OF_SCOPE:
        if test(case):
            return reason
    return None


def _numbers_ok(case: dict) -> str | None:
    """None when the Chinese side's numerals read (one for one) as the Arabic side's numbers."""
    chinese = [m.group() for m in _CN_NUMBER.finditer(_chinese_side(case))]
    arabic = [Decimal(m.group()) for m in _AR_NUMBER.finditer(_arabic_side(case))]
    # A numeral character left alone on both sides is a word (两岸关系 → 两岸关系), not a number.
    if not arabic:
        found = extract_text(case["text"], None, labels=["MONEY", "PERCENT"])
        return None if not found else f"no number, but found {[m.text for m in found]}"
    if len(chinese) != len(arabic):
        return f"numerals {chinese} vs numbers {arabic}"
    for cn, want in zip(chinese, arabic):
        try:
            got = parse_number(cn, "smart")
        except NumeralError as exc:
            return str(exc)
        if got != want:
            return f"{cn!r}: {got} != {want}"
    return None


def _money_ok(case: dict) -> str | None:
    want = next((Decimal(m.group()) for m in _AR_NUMBER.finditer(_arabic_side(case))), None)
    found = extract_text(case["text"], None, labels=["MONEY"])
    if len(found) != 1:
        return f"want one MONEY ({want}), got {[m.text for m in found]}"
    if found[0].value.amount != want:
        return f"{found[0].text!r}: amount {found[0].value.amount} != {want}"
    return None


def _share_ok(case: dict, want: Decimal) -> str | None:
    found = extract_text(case["text"], None, labels=["PERCENT"])
    if len(found) != 1:
        return f"want one PERCENT ({want}), got {[m.text for m in found]}"
    got = found[0].value.model_dump(mode="json")
    if values_equal("PERCENT", got, {"value": str(want)}):
        return None
    return f"{found[0].text!r}: value {got['value']} != {want}"


def run_transform(path: Path) -> SuiteResult:
    result = SuiteResult(name=path.stem)
    for case in in_scope(result, path, exclusion_reason):
        cid, text = case["id"], case["text"]
        want = expected_share(case)
        if want is not None:
            why = _share_ok(case, want)
        elif any(w in case["text"] + case["expected_output"] for w in _MONEY_WORDS):
            why = _money_ok(case)
        else:
            why = _numbers_ok(case)
        result.record(cid, text, why)
    return result


SUITES: dict[str, Callable[[Path], SuiteResult]] = {"cn2an_transform": run_transform}
