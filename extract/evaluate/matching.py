"""Matching schemes: strict (same start, end, label) and partial (overlap, same label).

Both are one-to-one: a gold span is matched by at most one predicted span and vice versa, so
duplicated predictions count as spurious.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Sequence

from extract.evaluate.values import values_equal
from schemas.records import Mention

QUALIFIED = {"MONEY", "PERCENT", "DATE"}


@dataclass
class Counts:
    gold: int = 0
    pred: int = 0
    strict_tp: int = 0
    partial_tp: int = 0
    value_ok: int = 0
    qualifier_total: int = 0
    qualifier_ok: int = 0

    def add(self, other: "Counts") -> None:
        for k in self.__dataclass_fields__:
            setattr(self, k, getattr(self, k) + getattr(other, k))

    @staticmethod
    def _prf(tp: int, gold: int, pred: int) -> tuple[float, float, float]:
        p = tp / pred if pred else (1.0 if not gold else 0.0)
        r = tp / gold if gold else (1.0 if not pred else 0.0)
        f = 2 * p * r / (p + r) if p + r else 0.0
        return p, r, f

    def strict(self) -> tuple[float, float, float]:
        return self._prf(self.strict_tp, self.gold, self.pred)

    def partial(self) -> tuple[float, float, float]:
        return self._prf(self.partial_tp, self.gold, self.pred)

    def value_accuracy(self) -> float | None:
        return self.value_ok / self.strict_tp if self.strict_tp else None

    def qualifier_accuracy(self) -> float | None:
        return self.qualifier_ok / self.qualifier_total if self.qualifier_total else None


@dataclass
class ErrorCase:
    kind: str  # miss | spurious | boundary | value
    doc_id: str
    label: str
    gold: Mention | None
    pred: Mention | None
    context: str


@dataclass
class Result:
    by_label: dict[str, Counts] = field(default_factory=lambda: defaultdict(Counts))
    errors: list[ErrorCase] = field(default_factory=list)

    def overall(self) -> Counts:
        total = Counts()
        for c in self.by_label.values():
            total.add(c)
        return total


def _context(text: str | None, start: int, end: int, width: int = 15) -> str:
    if text is None:
        return ""
    left = text[max(0, start - width) : start].replace("\n", " ")
    right = text[end : end + width].replace("\n", " ")
    return f"{left}【{text[start:end]}】{right}"


def _overlap(a: Mention, b: Mention) -> int:
    return max(0, min(a.end, b.end) - max(a.start, b.start))


def strict_pairs(gold: Sequence[Mention], pred: Sequence[Mention]) -> list[tuple[int, int]]:
    """The strict matches, one-to-one: (gold index, predicted index) of the same start, end and
    label; each gold span takes the first predicted span not yet taken, so a duplicate is spurious."""
    free_pred = list(range(len(pred)))
    pairs: list[tuple[int, int]] = []
    for gi, gm in enumerate(gold):
        for k, pi in enumerate(free_pred):
            if pred[pi].key() == gm.key():
                pairs.append((gi, pi))
                free_pred.pop(k)
                break
    return pairs


def match_document(
    doc_id: str, text: str | None, gold: Sequence[Mention], pred: Sequence[Mention], result: Result
) -> None:
    labels = {m.label.value for m in gold} | {m.label.value for m in pred}
    for label in sorted(labels):
        g = [m for m in gold if m.label.value == label]
        p = [m for m in pred if m.label.value == label]
        c = result.by_label[label]
        c.gold += len(g)
        c.pred += len(p)
        pairs_strict = strict_pairs(g, p)
        c.strict_tp += len(pairs_strict)
        for gi, pi in pairs_strict:
            gv = g[gi].value.model_dump(mode="json")
            pv = p[pi].value.model_dump(mode="json")
            if values_equal(label, pv, gv):
                c.value_ok += 1
            else:
                result.errors.append(ErrorCase("value", doc_id, label, g[gi], p[pi], _context(text, g[gi].start, g[gi].end)))
            if label in QUALIFIED:
                c.qualifier_total += 1
                c.qualifier_ok += gv.get("qualifier") == pv.get("qualifier")
        # partial, one-to-one by largest overlap
        pairs = sorted(
            ((_overlap(gm, pm), gi, pi) for gi, gm in enumerate(g) for pi, pm in enumerate(p) if _overlap(gm, pm) > 0),
            key=lambda t: (-t[0], t[1], t[2]),
        )
        used_g: set[int] = set()
        used_p: set[int] = set()
        for _, gi, pi in pairs:
            if gi in used_g or pi in used_p:
                continue
            used_g.add(gi)
            used_p.add(pi)
            if (g[gi].start, g[gi].end) != (p[pi].start, p[pi].end):
                result.errors.append(ErrorCase("boundary", doc_id, label, g[gi], p[pi], _context(text, g[gi].start, g[gi].end)))
        c.partial_tp += len(used_g)
        for gi, gm in enumerate(g):
            if gi not in used_g:
                result.errors.append(ErrorCase("miss", doc_id, label, gm, None, _context(text, gm.start, gm.end)))
        for pi, pm in enumerate(p):
            if pi not in used_p:
                result.errors.append(ErrorCase("spurious", doc_id, label, None, pm, _context(text, pm.start, pm.end)))
