"""Regions of a text where no mention may be: URLs and document or standard numbers.

GUIDELINE: nothing inside a URL is labelled, and years inside document numbers
(国发〔2024〕18号, 公告2025年第172号, GB/T 15835-2011) are identifiers, not dates. The pipeline
drops every candidate that overlaps one of these regions, whatever its label.

Each kind of region is found from a literal sign (http, www., 号, a capital letter before a
digit) with ``str.find``; the pattern then runs only there, with a bounded window, so the scan
is linear and cheap on text that has none.
"""

from __future__ import annotations

import re

_URL = re.compile(r"(?:https?://|www\.)[^\s\u3000，。、；！？“”‘’（）()\[\]【】<>《》\"'|]{1,2000}")
_DOCUMENT_NUMBER = re.compile(r"(?:〔\d{4}〕\d{1,5}|(?<!\d)\d{4}年第?\d{1,5})号(?:文件)?")
# ISO 4217 codes before an amount (CNY 1.25, USD1.5) are currencies, not standard numbers.
_CURRENCY_CODES = "CNY|RMB|USD|HKD|EUR|GBP|JPY|AUD|CAD|SGD|KRW|TWD|CHF|INR|RUB|MOP|NZD|THB|MYR"
_STANDARD = re.compile(
    rf"\b(?!(?:{_CURRENCY_CODES})\s?\d)[A-Z]{{1,6}}(?:/[A-Z]{{1,6}})?\s?\d{{1,6}}(?:\s?[-—–.]{{1,3}}\s?\d{{2,4}}){{1,2}}(?![\d年])")
_STANDARD_SIGN = re.compile(r"[A-Z]\s?\d")


def _find_all(text: str, sign: str):
    i = text.find(sign)
    while i >= 0:
        yield i
        i = text.find(sign, i + 1)


def protected_spans(text: str) -> list[tuple[int, int]]:
    """Sorted, non-overlapping [start, end) regions."""
    regions: list[tuple[int, int]] = []
    for sign in ("http", "www."):
        for i in _find_all(text, sign):
            m = _URL.match(text, i, i + 2100)
            if m:
                regions.append(m.span())
    for i in _find_all(text, "号"):
        m = _DOCUMENT_NUMBER.search(text, max(0, i - 16), i + 3)
        if m and m.start() <= i < m.end():
            regions.append(m.span())
    if _STANDARD_SIGN.search(text):
        regions.extend(m.span() for m in _STANDARD.finditer(text))
    if not regions:
        return []
    regions.sort()
    merged = [regions[0]]
    for s, e in regions[1:]:
        if s < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(e, merged[-1][1]))
        else:
            merged.append((s, e))
    return merged
