"""When are two normalized values the same? One definition for the scorer and the tests.

- Decimal fields compare as numbers (``"82225.00" == "82225"``).
- PERCENT values compare rounded to 6 decimal places (1/3 cannot be written exactly;
  corpus/GUIDELINE.md).
- PARK values compare by ``canonical`` only: that is the park's identity; level, province and
  city are reported by the scorer as attribute accuracy, and the registry ``id`` is not gold.
- A key absent from ``want`` is not compared (examples may give a partial value).
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any, Mapping

_DECIMAL_KEYS = {"amount", "low", "high"}
_PERCENT_PLACES = Decimal("0.000001")


def _num(v: Any) -> Decimal | None:
    if v is None:
        return None
    try:
        return Decimal(str(v))
    except InvalidOperation:
        return None


def _same_field(label: str, key: str, got: Any, want: Any) -> bool:
    if key in _DECIMAL_KEYS or (label == "PERCENT" and key == "value"):
        g, w = _num(got), _num(want)
        if g is None or w is None:
            return g is None and w is None and got == want
        if label == "PERCENT":
            return g.quantize(_PERCENT_PLACES) == w.quantize(_PERCENT_PLACES)
        return g == w
    return got == want


def values_equal(label: str, got: Mapping[str, Any], want: Mapping[str, Any]) -> bool:
    label = getattr(label, "value", label)
    keys = ["canonical"] if label == "PARK" else [k for k in want]
    return all(_same_field(label, k, got.get(k), want.get(k)) for k in keys if k in want)
