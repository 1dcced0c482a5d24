"""Peer suites for MONEY and the shared numeral parser (files in ../shared/peers).

Every case is passed, failed, or excluded with its reason. How the peers' conventions are mapped:

JioNLP money (``{num, case, definition}``):
- ``case`` → ISO 4217 through JIONLP_CASES (元 → CNY, 港元 → HKD, 新台币 → TWD …).
- ``num`` is printed with 2 decimals: our amount is compared rounded to 0.01.
- ``definition``: accurate ↔ exact; blur- ↔ under/at_most; blur+ ↔ over/at_least; blur with one
  number ↔ approx. blur with a range ``[a, b]`` ↔ our range low=a, high=b, or — where JioNLP
  spells a vague number as the range it implies (3000多 → [3000, 4000], 数十亿 → [10亿, 100亿]) —
  our reading of the stated magnitude: amount a, qualifier over (corpus/GUIDELINE.md).
- Spans: JioNLP's parsing cases are whole strings; we require exactly one MONEY mention and
  compare its value (a leading 约/近/不到/从 stays outside our span by ANNOTATION.md). Its
  extraction cases compare the set of spans exactly.

cn2an numbers: a case of ``min_mode`` strict/normal/smart must parse in each of its
``must_parse_in_modes`` to the value; texts with 元/圆 go through ``parse_yuan``; the 11
``expect_error`` cases must raise in their ``error_mode``; ``direct`` (digit-string
transliteration, 零一 → "01") is another task.

Duckling numbers (Numeral, Ordinal): the classifier 个/個 after a numeral and the ordinal 第 are
not part of the number we parse (stripped); Duckling money: ``$`` is Duckling's generic dollar
unit, i.e. 元 → CNY here, and the Hong Kong dollar for the Cantonese units 蚊/毫/仙/個; ``cent``
values are 1/100 of it; an interval ``to`` ↔ at_most,
``from`` ↔ at_least, both ↔ our range.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from pathlib import Path
from typing import Callable, Iterator

from extract.evaluate.peers import SuiteResult, in_scope, read_cases
from extract.numeral import NumeralError, parse_number, parse_yuan
from extract.pipeline import extract_text

LABEL = "MONEY"
JIONLP_CASES = {
    "元": "CNY", "港元": "HKD", "美元": "USD", "日元": "JPY", "新台币": "TWD", "泰铢": "THB",
    "卢布": "RUB", "欧元": "EUR", "澳元": "AUD", "韩元": "KRW", "英镑": "GBP",
}
_CENT = Decimal("0.01")

# (pattern, reason): the first that matches the case text excludes it.
JIONLP_EXCLUDED: list[tuple[re.Pattern, str]] = [
    (re.compile(r"\d[kKwW]"), "k/w thousand suffixes (15k, 30w) are chat shorthand, not news phrasing"),
    (re.compile(r"^[^元圆圓币幣镑布铢钱錢块塊]*$"),
     "no currency word: not MONEY by ANNOTATION.md (GDP超过4万亿 is a figure, not money)"),
    (re.compile(r"[块塊](?![钱錢角毛分\d一二三四五六七八九])"),
     "块 alone is also a measure word (几十万块砖); only 块钱 and 块+角/毛 read as money"),
]
CN2AN_DIRECT = "direct digit-string transliteration (零一 → '01') is not a number reading: out of scope"
DUCKLING_NUMBER_EXCLUDED: list[tuple[re.Pattern, str]] = [
    (re.compile(r"[對雙对双打]$"), "counting words 對/雙/打 (pair, dozen) are measure words, not numerals"),
    (re.compile(r"\d[KkMG]$"), "metric suffixes (100K, 1.2M, .0012G) are not Chinese news numerals"),
    (re.compile(r"[半又]|分之|份"),
     "halves and fractions (一半, 二分之一, Cantonese 十份十一, 一又十分一) are PERCENT's, not the numeral parser's"),
]
DUCKLING_MONEY_EXCLUDED: list[tuple[re.Pattern, str]] = [
    (re.compile(r"^[^港]*個半"),
     "個半 with no currency word is one and a half of anything (一個半月 cut short); Cantonese 個 is read "
     "as a dollar only before a digit or 毫 (個九, 三個一毫四) or after 港幣"),
    (re.compile(r"(?<!\.\d)(?<!\.\d\d)[块塊](?![钱錢角毛分零〇一二三四五六七八九\d])"),
     "块 after a whole number with nothing after it (7块) is also a measure word (7块屏幕); 三块五, 一块二, "
     "三块零四 and 3.04块 are read"),
    (re.compile(r"^[^元圆币幣块塊蚊毫仙個毛角]*$"), "a sum in 分 alone is ambiguous in news (五分 = five points/minutes)"),
]
# Cantonese units: Duckling's generic dollar and cent are the Hong Kong dollar here (七蚊, 两毫, 五仙).
_HK_UNITS = re.compile("[蚊毫仙個]")


def _excluded(text: str, table: list[tuple[re.Pattern, str]]) -> str | None:
    for pattern, reason in table:
        if pattern.search(text):
            return reason
    return None


def _in_scope(result: SuiteResult, path: Path, table: list[tuple[re.Pattern, str]],
              texts: Callable[[dict], list[str]] = lambda case: [case["text"]]) -> Iterator[dict]:
    """The cases of ``path`` in scope: excluded by the first reason of ``table`` that matches one
    of ``texts(case)``."""
    return in_scope(result, path, lambda case: next((r for t in texts(case) if (r := _excluded(t, table))), None))


def _one_money(text: str, check: Callable[..., str | None], want: dict) -> str | None:
    """None when ``text`` holds exactly one MONEY mention and ``check(value, want, text)`` passes."""
    found = _money(text)
    if len(found) != 1:
        return f"{len(found)} mentions: {[m.text for m in found]}"
    return check(found[0].value, want, text)


def _money(text: str, date: dt.date | None = None) -> list:
    return extract_text(text, date, labels=[LABEL])


def _cents(d: Decimal | None) -> Decimal | None:
    return None if d is None else Decimal(d).quantize(_CENT)


def jionlp_value_ok(got, want: dict, text: str = "") -> str | None:
    """None when our MoneyValue matches JioNLP's {num, case, definition}; else what differs."""
    currency = JIONLP_CASES.get(want["case"])
    if got.currency != currency:
        return f"currency {got.currency} != {want['case']} ({currency})"
    num, definition, q = want["num"], want["definition"], got.qualifier.value
    if isinstance(num, list):
        a, b = Decimal(num[0]).quantize(_CENT), Decimal(num[1]).quantize(_CENT)
        if got.low is not None:
            if (_cents(got.low), _cents(got.high)) != (a, b):
                return f"range {got.low}–{got.high} != {a}–{b}"
            return None
        if _cents(got.amount) == a and q == "over":
            return None  # 3000多 = "over 3000"; JioNLP spells it [3000, 4000]
        return f"amount {got.amount} ({q}) != range {a}–{b}"
    if _cents(got.amount) != Decimal(num).quantize(_CENT):
        return f"amount {got.amount} != {num}"
    allowed = {"accurate": {"exact"}, "blur": {"approx"}, "blur-": {"under", "at_most"},
               "blur+": {"over", "at_least"}}[definition]
    if q not in allowed:
        return f"qualifier {q} does not map to {definition}"
    return None


def _one_money_suite(name: str, table: list[tuple[re.Pattern, str]],
                     check: Callable[..., str | None]) -> Callable[[Path], SuiteResult]:
    """A suite whose cases are whole money strings: one MONEY mention, its value checked against
    the case's first expected value."""
    def run(path: Path) -> SuiteResult:
        result = SuiteResult(name)
        for case in _in_scope(result, path, table):
            text = case["text"]
            result.record(case["id"], text, _one_money(text, check, case["expected"][0]["value"]))
        return result
    return run


def run_jionlp_money_extraction(path: Path) -> SuiteResult:
    result = SuiteResult("jionlp_money_extraction")
    for case in _in_scope(result, path, JIONLP_EXCLUDED, lambda case: [e["text"] for e in case["expected"]]):
        want = {(e["start"], e["end"]) for e in case["expected"]}
        got = {(m.start, m.end) for m in _money(case["text"])}
        result.record(case["id"], case["text"], None if got == want else f"spans {sorted(got)} != {sorted(want)}")
    return result


def _cn2an_parse(text: str, mode: str) -> Decimal:
    if any(ch in text for ch in "元圆圓"):
        return parse_yuan(text, mode)
    return parse_number(text, mode)


def run_cn2an_number(path: Path) -> SuiteResult:
    result = SuiteResult("cn2an_number")
    for case in read_cases(path):
        text, cid = case["text"], case["id"]
        if case.get("expect_error"):
            try:
                value = _cn2an_parse(text, case["error_mode"])
            except NumeralError:
                result.passed.append(cid)
            else:
                result.failed.append((cid, text, f"accepted as {value} in {case['error_mode']} mode"))
            continue
        if case["min_mode"] == "direct":
            result.excluded.append((cid, text, CN2AN_DIRECT))
            continue
        want = Decimal(str(case["expected"][0]["value"]))
        problems = []
        for mode in case["must_parse_in_modes"]:
            try:
                value = _cn2an_parse(text, mode)
            except NumeralError as exc:
                problems.append(f"{mode}: {exc}")
                continue
            if value != want:
                problems.append(f"{mode}: {value} != {want}")
        result.record(cid, text, "; ".join(problems) or None)
    return result


def run_duckling_number(path: Path) -> SuiteResult:
    result = SuiteResult("duckling_number")
    for case in _in_scope(result, path, DUCKLING_NUMBER_EXCLUDED):
        text, cid = case["text"], case["id"]
        numeral = text.removeprefix("第").removesuffix("个").removesuffix("個")
        want = Decimal(str(case["expected"][0]["value"]))
        try:
            value = parse_number(numeral, "smart")
        except NumeralError as exc:
            result.failed.append((cid, text, str(exc)))
            continue
        result.record(cid, text, None if value == want else f"{value} != {want}")
    return result


def _duckling_money_ok(got, want: dict, text: str = "") -> str | None:
    generic = "HKD" if _HK_UNITS.search(text) else "CNY"

    def base(v: dict) -> tuple[Decimal, str]:
        amount = Decimal(str(v["value"]))
        if v["unit"] == "cent":
            return amount / 100, generic
        return amount, generic if v["unit"] == "$" else v["unit"]

    if want["type"] == "value":
        amount, currency = base(want)
        ok = got.amount == amount and got.currency == currency and got.qualifier.value == "exact"
        return None if ok else f"{got.amount} {got.currency} {got.qualifier.value} != {amount} {currency}"
    if "from" in want and "to" in want:
        (lo, cur), (hi, _) = base(want["from"]), base(want["to"])
        ok = got.low == lo and got.high == hi and got.currency == cur
        return None if ok else f"{got.low}–{got.high} {got.currency} != {lo}–{hi} {cur}"
    side, qualifier = ("to", "at_most") if "to" in want else ("from", "at_least")
    amount, currency = base(want[side])
    ok = got.amount == amount and got.currency == currency and got.qualifier.value == qualifier
    return None if ok else f"{got.amount} {got.currency} {got.qualifier.value} != {amount} {currency} {qualifier}"


SUITES: dict[str, Callable[[Path], SuiteResult]] = {
    "jionlp_money_parsing": _one_money_suite("jionlp_money_parsing", JIONLP_EXCLUDED, jionlp_value_ok),
    "jionlp_money_extraction": run_jionlp_money_extraction,
    "cn2an_number": run_cn2an_number,
    "duckling_number": run_duckling_number,
    "duckling_money": _one_money_suite("duckling_money", DUCKLING_MONEY_EXCLUDED, _duckling_money_ok),
}
