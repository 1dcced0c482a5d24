"""The report: a table per label and overall, an error listing, and a JSON form for machines."""

from __future__ import annotations

from typing import Any

from extract.evaluate.matching import Counts, ErrorCase, Result


def _fmt(x: float | None) -> str:
    return "  -  " if x is None else f"{x:.3f}"


def row(counts: Counts) -> dict[str, Any]:
    sp, sr, sf = counts.strict()
    pp, pr, pf = counts.partial()
    return {
        "gold": counts.gold, "pred": counts.pred, "strict_tp": counts.strict_tp, "partial_tp": counts.partial_tp,
        "strict": {"precision": round(sp, 4), "recall": round(sr, 4), "f1": round(sf, 4)},
        "partial": {"precision": round(pp, 4), "recall": round(pr, 4), "f1": round(pf, 4)},
        "value_accuracy": None if counts.value_accuracy() is None else round(counts.value_accuracy(), 4),
        "value_ok": counts.value_ok,
        "qualifier_accuracy": None if counts.qualifier_accuracy() is None else round(counts.qualifier_accuracy(), 4),
        "qualifier_ok": counts.qualifier_ok, "qualifier_total": counts.qualifier_total,
    }


def as_json(result: Result, documents: int) -> dict[str, Any]:
    return {
        "documents": documents,
        "labels": {label: row(result.by_label[label]) for label in sorted(result.by_label)},
        "overall": row(result.overall()),
        "errors": {kind: sum(e.kind == kind for e in result.errors) for kind in ("miss", "spurious", "boundary", "value")},
    }


def table(result: Result, documents: int) -> str:
    head = (f"{'label':<8} {'gold':>5} {'pred':>5} | {'strict P':>8} {'R':>6} {'F1':>6} | "
            f"{'partial P':>9} {'R':>6} {'F1':>6} | {'value acc':>9} {'qual acc':>8}")
    lines = [f"documents: {documents}", head, "-" * len(head)]
    items = [(label, result.by_label[label]) for label in sorted(result.by_label)] + [("overall", result.overall())]
    for label, c in items:
        sp, sr, sf = c.strict()
        pp, pr, pf = c.partial()
        va = c.value_accuracy()
        qa = c.qualifier_accuracy()
        lines.append(
            f"{label:<8} {c.gold:>5} {c.pred:>5} | {sp:>8.3f} {sr:>6.3f} {sf:>6.3f} | {pp:>9.3f} {pr:>6.3f} {pf:>6.3f} | "
            f"{_fmt(va):>9} {_fmt(qa):>8}"
        )
        lines.append(
            f"{'':<8} {'':>5} {'':>5} | strict tp {c.strict_tp}, partial tp {c.partial_tp}, value ok {c.value_ok}/{c.strict_tp}"
            + (f", qualifier ok {c.qualifier_ok}/{c.qualifier_total}" if c.qualifier_total else "")
        )
    return "\n".join(lines)


def _value(m) -> str:
    return m.value.model_dump_json() if m is not None else ""


def error_lines(errors: list[ErrorCase]) -> str:
    out = []
    for e in sorted(errors, key=lambda e: (e.kind, e.label, e.doc_id, (e.gold or e.pred).start)):
        span = e.gold or e.pred
        where = f"{e.doc_id}@{span.start}"
        if e.kind == "miss":
            out.append(f"MISS     {e.label:<7} {where}: {e.context}  gold={_value(e.gold)}")
        elif e.kind == "spurious":
            out.append(f"SPURIOUS {e.label:<7} {where}: {e.context}  pred={_value(e.pred)} rule={e.pred.rule}")
        elif e.kind == "boundary":
            out.append(f"BOUNDARY {e.label:<7} {where}: gold {e.gold.text!r} pred {e.pred.text!r} ({e.pred.rule})  {e.context}")
        else:
            out.append(f"VALUE    {e.label:<7} {where}: {e.context}  gold={_value(e.gold)} pred={_value(e.pred)} ({e.pred.rule})")
    return "\n".join(out)
