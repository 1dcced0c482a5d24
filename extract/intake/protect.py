"""Regions of a text where no mention may be: URLs and document or standard numbers.

GUIDELINE: nothing inside a URL is labelled, and years inside document numbers
(国发〔2024〕18号, 公告2025年第172号, GB/T 15835-2011) are identifiers, not dates. The pipeline
drops every candidate that overlaps one of these regions, whatever its label.
"""

from __future__ import annotations

import re

_URL = r"(?:https?://|www\.)[^\s\u3000，。、；！？“”‘’（）()\[\]【】<>《》\"'|]{1,2000}"
_DOCUMENT_NUMBER = (
    r"〔\d{4}〕\d{1,5}号"
    r"|(?<!\d)\d{4}年第?\d{1,5}号(?:文件)?"
    r"|\b[A-Z]{1,6}(?:/[A-Z]{1,6})?\s?\d{1,6}(?:\s?[-—–.]{1,3}\s?\d{2,4}){1,2}(?![\d年])"
)
PROTECTED = re.compile(f"{_URL}|{_DOCUMENT_NUMBER}")  # stdlib re: plain classes, fast scans
_QUICK = re.compile(r"https?://|www\.|〔|\d号|[A-Z]\s?\d")


def protected_spans(text: str) -> list[tuple[int, int]]:
    """Sorted, non-overlapping [start, end) regions (linear: each pattern is bounded)."""
    if not _QUICK.search(text):
        return []
    return [m.span() for m in PROTECTED.finditer(text)]
