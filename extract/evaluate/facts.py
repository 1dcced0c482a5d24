"""Scoring facts against fact gold, as corpus/FACTS.md "Scoring" says.

- strict core: subject (kind + canonical, region for groups), indicator id (text for ``other``),
  scope, segment, period value and value (MONEY amount + currency, PERCENT fraction, COUNT amount
  + unit) all equal; a change-only fact compares its first change (basis, metric, value), a
  share-only fact its share value. One-to-one matching per document, then summed.
- full record: strict core + every change (basis, metric, value) + share value + modality.
- per slot: over the pairs matched by value (same figure span), the share of equal subject,
  indicator, period, changes and modality.
- safety counters: scale or currency errors among value-matched pairs; forecasts or targets
  emitted as actual; milestones or thresholds emitted as values (read from the text around the
  predicted figure, independently of the extractor's rules).
- strict core per bucket (gold fields and the gold-only tags; a prediction's bucket from its own
  fields and rule name).

Fractions are equal within 1e-9, or, when the gold wrote six or more decimals (1/3 as 0.333333),
when the prediction rounded to those decimals equals the gold.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Callable, Iterable, Sequence

import regex

from extract.evaluate.loaders import GoldError, json_lines
from schemas.facts import Fact, FactDocument

BUCKETS = ("simple", "respectively", "qizhong", "anaphora/carried", "group/segment", "share/change-only",
           "modality≠actual")
SLOTS = ("subject", "indicator", "period", "changes", "modality")
_TOL = Decimal("1e-9")
_MILESTONE_BEFORE = regex.compile(r"(?:首次|首破|迈上|跨越|跃上|站上|跨上|迈入)[^，。；,;]{0,3}$")
_THRESHOLD_AFTER = regex.compile(r"^(?:以上|以下)的?[^\s，。；、,;）)”]")


class FactGoldError(ValueError):
    """A fact gold file that cannot be read (file and line in the message)."""


def _fact_lines(paths: Iterable[str | Path]) -> Iterable[tuple[str, dict]]:
    """Every JSON line of the files with its place (file:line); a malformed line is a FactGoldError."""
    for path in map(Path, paths):
        try:
            for n, record in json_lines(path):
                yield f"{path}:{n}", record
        except GoldError as exc:
            raise FactGoldError(str(exc)) from None


def load_fact_gold(paths: Iterable[str | Path]) -> list[FactDocument]:
    docs: list[FactDocument] = []
    for place, record in _fact_lines(paths):
        try:
            docs.append(FactDocument.model_validate(record))
        except ValueError as exc:
            raise FactGoldError(f"{place}: {str(exc).splitlines()[0]}") from None
    return docs


def load_fact_predictions(paths: Iterable[str | Path], texts: dict[str, str]) -> dict[str, list[Fact]]:
    """The facts of prediction files (``newsx extract --facts`` lines) by document id; a fact of a
    document in ``texts`` is validated against that text (its evidence must be there)."""
    pred: dict[str, list[Fact]] = {}
    for place, record in _fact_lines(paths):
        try:
            ctx = {"text": texts[record["id"]]} if record.get("id") in texts else None
            pred[record["id"]] = [Fact.model_validate(f, context=ctx) for f in record.get("facts", [])]
        except (ValueError, KeyError) as exc:
            raise FactGoldError(f"{place}: {str(exc).splitlines()[0]}") from None
    return pred


# -- equality ----------------------------------------------------------------------------------

def frac_equal(pred: Decimal | None, gold: Decimal | None) -> bool:
    if pred is None or gold is None:
        return pred is None and gold is None
    if abs(pred - gold) <= _TOL:
        return True
    places = -gold.normalize().as_tuple().exponent
    if places >= 6:  # a repeating fraction the gold wrote rounded (1/3 → 0.333333)
        return pred.quantize(Decimal(1).scaleb(-places)) == gold.normalize()
    return False


_WIDTH = str.maketrans("()", "（）")


def canonical_key(name: str) -> str:
    """A park's canonical name compared as the guideline writes it (corpus/GUIDELINE.md, PARK
    canonical): parentheses full-width as in the official names, and the abbreviated park word
    at the end expanded (洋山特殊综保区 = 洋山特殊综合保税区, 萧山高新区 = 萧山高新技术产业开发区)."""
    from extract.park.normalize import expand

    return expand(name.translate(_WIDTH))


def _subject_key(f: Fact) -> tuple:
    s = f.subject
    group = s.kind.value == "park_group"
    return (s.kind.value, s.canonical if group else canonical_key(s.canonical), s.region if group else None)


def _indicator_key(f: Fact) -> tuple:
    i = f.indicator
    return (i.id, i.text if i.id == "other" else None, i.scope.value if i.scope else None, f.segment)


def _period_key(f: Fact) -> str | None:
    return f.period.value if f.period else None


def _change_equal(p, g) -> bool:
    return p.basis == g.basis and p.metric == g.metric and frac_equal(p.value, g.value)


def value_equal(p: Fact, g: Fact) -> bool:
    """The value slot of the strict core (or the first change / the share when there is none)."""
    if g.value is None or p.value is None:
        if (g.value is None) != (p.value is None):
            return False
        if g.changes or p.changes:
            return bool(g.changes and p.changes) and _change_equal(p.changes[0], g.changes[0])
        return g.share is not None and p.share is not None and frac_equal(p.share.value, g.share.value)
    a, b = p.value, g.value
    if a.label != b.label:
        return False
    if b.label.value == "MONEY":
        return a.amount == b.amount and a.currency == b.currency
    if b.label.value == "PERCENT":
        return frac_equal(a.value, b.value)
    return a.amount == b.amount and a.unit == b.unit


def strict_equal(p: Fact, g: Fact) -> bool:
    return (_subject_key(p) == _subject_key(g) and _indicator_key(p) == _indicator_key(g)
            and _period_key(p) == _period_key(g) and value_equal(p, g))


def changes_equal(p: Fact, g: Fact) -> bool:
    if len(p.changes) != len(g.changes):
        return False
    left = list(p.changes)
    for c in g.changes:
        k = next((i for i, x in enumerate(left) if _change_equal(x, c)), None)
        if k is None:
            return False
        left.pop(k)
    return True


def full_equal(p: Fact, g: Fact) -> bool:
    share_ok = (p.share is None and g.share is None) or (
        p.share is not None and g.share is not None and frac_equal(p.share.value, g.share.value))
    return strict_equal(p, g) and changes_equal(p, g) and share_ok and p.modality == g.modality


def figure_span(f: Fact) -> tuple[int, int] | None:
    """The span of the figure the fact is about: its value, else its first change, else its share."""
    if f.value is not None:
        return (f.value.start, f.value.end)
    if f.changes:
        return (f.changes[0].start, f.changes[0].end)
    if f.share is not None:
        return (f.share.start, f.share.end)
    return None


# -- buckets -----------------------------------------------------------------------------------

def buckets_of(f: Fact, *, gold: bool) -> set[str]:
    out: set[str] = set()
    rule = f.rule or ""
    if ("respectively" in f.tags) if gold else rule.startswith("fact.respectively"):
        out.add("respectively")
    if ("qizhong" in f.tags) if gold else rule.endswith(".qizhong"):
        out.add("qizhong")
    if f.subject.resolved_by.value != "explicit":
        out.add("anaphora/carried")
    if f.subject.kind.value == "park_group" or f.segment:
        out.add("group/segment")
    if f.value is None:
        out.add("share/change-only")
    if f.modality.value != "actual":
        out.add("modality≠actual")
    if not out:
        out.add("simple")
    return out


# -- matching ----------------------------------------------------------------------------------

def match(pred: Sequence[Fact], gold: Sequence[Fact], eq: Callable[[Fact, Fact], bool]) -> list[tuple[int, int]]:
    """One-to-one pairs (pred index, gold index), gold in order, first equal prediction."""
    used: set[int] = set()
    pairs = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            if pi not in used and eq(p, g):
                used.add(pi)
                pairs.append((pi, gi))
                break
    return pairs


@dataclass
class PRF:
    tp: int = 0
    pred: int = 0
    gold: int = 0

    @property
    def p(self) -> float:
        return self.tp / self.pred if self.pred else 0.0

    @property
    def r(self) -> float:
        return self.tp / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        return 2 * self.p * self.r / (self.p + self.r) if self.p + self.r else 0.0

    def as_dict(self) -> dict:
        return {"tp": self.tp, "pred": self.pred, "gold": self.gold,
                "precision": round(self.p, 4), "recall": round(self.r, 4), "f1": round(self.f1, 4)}


@dataclass
class FactScore:
    documents: int = 0
    strict: PRF = field(default_factory=PRF)
    full: PRF = field(default_factory=PRF)
    value_pairs: int = 0
    slots: dict[str, int] = field(default_factory=lambda: {s: 0 for s in SLOTS})
    scale_errors: int = 0
    target_as_actual: int = 0
    milestone_as_value: int = 0
    buckets: dict[str, PRF] = field(default_factory=lambda: {b: PRF() for b in BUCKETS})
    errors: list[str] = field(default_factory=list)

    def slot_agreement(self) -> dict[str, float]:
        return {s: (n / self.value_pairs if self.value_pairs else 0.0) for s, n in self.slots.items()}

    def as_dict(self) -> dict:
        n = self.strict.pred
        return {
            "documents": self.documents,
            "strict_core": self.strict.as_dict(),
            "full_record": self.full.as_dict(),
            "per_slot": {"pairs": self.value_pairs, **{k: round(v, 4) for k, v in self.slot_agreement().items()}},
            "safety": {
                "predicted": n,
                "scale_or_currency_errors": self.scale_errors,
                "targets_as_actual": self.target_as_actual,
                "milestones_as_values": self.milestone_as_value,
                "rates": {k: round(v / n, 4) if n else 0.0 for k, v in (
                    ("scale_or_currency_errors", self.scale_errors), ("targets_as_actual", self.target_as_actual),
                    ("milestones_as_values", self.milestone_as_value))},
            },
            "buckets": {b: prf.as_dict() for b, prf in self.buckets.items()},
        }


def _scale_error(p: Fact, g: Fact) -> bool:
    a, b = p.value, g.value
    if a is None or b is None or a.label != b.label:
        return False
    if b.label.value == "MONEY":
        return a.amount != b.amount or a.currency != b.currency
    if b.label.value == "PERCENT":
        return not frac_equal(a.value, b.value)
    return a.amount != b.amount


def _milestone(text: str, p: Fact) -> bool:
    if p.value is None:
        return False
    before = text[max(0, p.value.start - 8): p.value.start]
    after = text[p.value.end: p.value.end + 4]
    ends_with = text[p.value.start:p.value.end].endswith(("以上", "以下"))
    return bool(_MILESTONE_BEFORE.search(before) or _THRESHOLD_AFTER.match(after)
                or (ends_with and after[:1] and after[:1] not in "，。；、,;）)”\n"))


def score_document(text: str, pred: Sequence[Fact], gold: Sequence[Fact], into: FactScore, doc_id: str = "") -> None:
    gold = [g for g in gold if g.subject.kind.value in ("park", "park_group")]
    pred = [p for p in pred if p.subject.kind.value in ("park", "park_group")]
    into.documents += 1
    strict = match(pred, gold, strict_equal)
    full = match(pred, gold, full_equal)
    for prf, pairs in ((into.strict, strict), (into.full, full)):
        prf.tp += len(pairs)
        prf.pred += len(pred)
        prf.gold += len(gold)
    # buckets: gold by its fields and tags, predictions by theirs
    matched_gold = {gi: pi for pi, gi in strict}
    matched_pred = {pi for pi, _ in strict}
    for gi, g in enumerate(gold):
        for b in buckets_of(g, gold=True):
            into.buckets[b].gold += 1
            if gi in matched_gold:
                into.buckets[b].tp += 1
    for pi, p in enumerate(pred):
        if pi in matched_pred:
            gi = next(g for q, g in strict if q == pi)
            bs = buckets_of(gold[gi], gold=True)
        else:
            bs = buckets_of(p, gold=False)
        for b in bs:
            into.buckets[b].pred += 1
    # value-matched pairs: the same figure span
    by_span = match(pred, gold, lambda p, g: figure_span(p) is not None and figure_span(p) == figure_span(g)
                    and (p.value is None) == (g.value is None))
    for pi, gi in by_span:
        p, g = pred[pi], gold[gi]
        into.value_pairs += 1
        into.slots["subject"] += _subject_key(p) == _subject_key(g)
        into.slots["indicator"] += _indicator_key(p) == _indicator_key(g)
        into.slots["period"] += _period_key(p) == _period_key(g)
        into.slots["changes"] += changes_equal(p, g)
        into.slots["modality"] += p.modality == g.modality
        into.scale_errors += _scale_error(p, g)
        into.target_as_actual += g.modality.value in ("forecast", "target") and p.modality.value == "actual"
    into.milestone_as_value += sum(_milestone(text, p) for p in pred)
    for pi, p in enumerate(pred):
        if pi not in matched_pred:
            into.errors.append(f"{doc_id}\tspurious\t{_brief(text, p)}")
    for gi, g in enumerate(gold):
        if gi not in matched_gold:
            into.errors.append(f"{doc_id}\tmissed\t{_brief(text, g)}")


def _brief(text: str, f: Fact) -> str:
    span = figure_span(f)
    fig = text[span[0]:span[1]] if span else ""
    per = f.period.value if f.period else "-"
    seg = f"/{f.segment}" if f.segment else ""
    ind = f.indicator.id + (f":{f.indicator.text}" if f.indicator.id == "other" else "")
    return f"{f.subject.canonical}{seg} · {ind} · {per} · {fig}" + (f" · {f.rule}" if f.rule else "")


def score_facts(gold_docs: Sequence[FactDocument], predicted: dict[str, list[Fact]]) -> FactScore:
    out = FactScore()
    for d in gold_docs:
        score_document(d.text, predicted.get(d.id, []), d.facts, out, d.id)
    return out


def table(result: FactScore) -> str:
    d = result.as_dict()
    lines = [f"facts: {d['documents']} documents, {result.strict.gold} gold facts, {result.strict.pred} predicted", "",
             "| score | tp | pred | gold | P | R | F1 |", "|---|---:|---:|---:|---:|---:|---:|"]
    for name, prf in (("strict core", result.strict), ("full record", result.full)):
        lines.append(f"| {name} | {prf.tp} | {prf.pred} | {prf.gold} | {prf.p:.3f} | {prf.r:.3f} | {prf.f1:.3f} |")
    lines += ["", f"per slot (over {result.value_pairs} value-matched pairs): "
              + ", ".join(f"{k} {v:.3f}" for k, v in result.slot_agreement().items())]
    s = d["safety"]
    lines.append(f"safety: scale/currency errors {s['scale_or_currency_errors']}, targets as actual "
                 f"{s['targets_as_actual']}, milestones/thresholds as values {s['milestones_as_values']} "
                 f"(of {s['predicted']} predicted)")
    lines += ["", "| bucket (strict core) | tp | pred | gold | P | R | F1 |", "|---|---:|---:|---:|---:|---:|---:|"]
    for b, prf in result.buckets.items():
        lines.append(f"| {b} | {prf.tp} | {prf.pred} | {prf.gold} | {prf.p:.3f} | {prf.r:.3f} | {prf.f1:.3f} |")
    return "\n".join(lines)
