"""The names of China's administrative divisions, for the fact layer: a clause that opens with
one (郑州市…, 河南省…, 中原区…, 河南…) reports a place's figure, not a park's (FACTS.md: provinces
and cities are no subjects). Read from the PARK label's division table (extract/park/data)."""

from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=1)
def division_names() -> frozenset[str]:
    """Full names of every division (北京市, 东城区, 郑州市) and the short names of provinces and
    prefecture-level cities (河南, 郑州); county short names are left out (too many are words)."""
    from extract.park.registry import load_divisions

    out: set[str] = set()
    for d in load_divisions():
        out.add(d.name)
        if d.level in ("province", "prefecture", "city") and d.short and len(d.short) >= 2:
            out.add(d.short)
    return frozenset(out)
