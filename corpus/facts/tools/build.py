"""Build fact gold (corpus/facts/<split>.jsonl) from the hand-written sources in
corpus/facts/src/<split>/*.json — one file per document, written by reading the text.

Why a source form: a labeller writes what is read (surfaces and values), not character
offsets; this tool finds every surface inside the fact's sentence, computes the offsets and
validates each fact against the contract (schemas.facts). It never runs an extractor: values,
amounts, fractions and periods are exactly what the labeller wrote.

A source file: {"id", "date", "source", "publisher", "province", "title", "text", "facts": [F…]}
with each F:
  "at":     a piece of the text that fixes the fact's sentence (and disambiguates surfaces);
            it must occur once in the text, else give "at_n": k (the k-th occurrence, 0-based)
  "subj":   {"kind": "park|park_group", "canonical", "park_id"?, "region"?, "count"?,
             "by": "explicit|anaphor|carried|headline", "text": surface or null}
  "seg":    a segment or null
  "ind":    {"id", "text": surface, "scope"?: "规模以上|限额以上"}
  "period": {"value", "kind": "flow|stock", "text": surface or null (inherited)} or null
  "val":    {"label": "MONEY|PERCENT|COUNT", "text": surface, "amount"?, "currency"?, "value"?,
             "unit"?, "q"?: qualifier} or null
  "chg":    [{"basis", "metric", "value", "pb"?: nominal|real, "bench"?, "text": surface}]
  "share":  {"value", "of", "text": surface} or null
  "mod":    actual (default) | preliminary | forecast | target
  "tags":   ["respectively", "qizhong"] as they apply
A surface is looked up inside the anchor first, then in the fact's sentence (the occurrence
nearest the anchor); anaphors (该区, 园区 …) are the subject's "text" with "by": "anaphor".

    python corpus/facts/tools/build.py            # every split under src/
    python corpus/facts/tools/build.py dev        # one split
Exit 1 with file and fact number on the first problem of each file (all files are checked).
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
sys.path.insert(0, str(ROOT))

from extract.intake.sentences import split  # noqa: E402  (sentences only: no extractor runs)
from schemas.facts import Fact, FactDocument  # noqa: E402

SRC = HERE.parent / "src"
OUT = HERE.parent


class SourceError(ValueError):
    pass


def _occurrences(text: str, s: str, lo: int = 0, hi: int | None = None) -> list[int]:
    hi = len(text) if hi is None else hi
    out, i = [], text.find(s, lo, hi)
    while i >= 0 and i + len(s) <= hi:
        out.append(i)
        i = text.find(s, i + 1, hi)
    return out


def _anchor(text: str, f: dict) -> int:
    at = f.get("at")
    if not at:
        raise SourceError("no 'at' anchor")
    occ = _occurrences(text, at)
    if not occ:
        raise SourceError(f"anchor {at!r} is not in the text")
    n = f.get("at_n")
    if n is None:
        if len(occ) > 1:
            raise SourceError(f"anchor {at!r} occurs {len(occ)} times: give at_n")
        return occ[0]
    if not 0 <= n < len(occ):
        raise SourceError(f"anchor {at!r}: at_n {n} but {len(occ)} occurrences")
    return occ[n]


def _locate(text: str, surface: str, a0: int, a1: int, s0: int, s1: int, what: str) -> tuple[int, int]:
    inside = _occurrences(text, surface, a0, a1)
    if inside:
        return inside[0], inside[0] + len(surface)
    occ = _occurrences(text, surface, s0, s1)
    if not occ:
        raise SourceError(f"{what} {surface!r} is not in the fact's sentence {text[s0:s1][:40]!r}…")
    best = min(occ, key=lambda i: min(abs(i - a0), abs(i + len(surface) - a1)))
    return best, best + len(surface)


def build_fact(text: str, sentences, f: dict) -> dict:
    a0 = _anchor(text, f)
    a1 = a0 + len(f["at"])
    sent = next((s for s in sentences if s.start <= a0 < s.end), None)
    if sent is None:
        raise SourceError(f"anchor {f['at']!r} is outside every sentence")
    if a1 > sent.end:
        raise SourceError(f"anchor {f['at']!r} runs past its sentence")
    s0, s1 = sent.start, sent.end

    def loc(surface, what):
        return _locate(text, surface, a0, a1, s0, s1, what)

    unknown = set(f) - {"at", "at_n", "subj", "seg", "ind", "period", "val", "chg", "share", "mod", "tags", "note"}
    if unknown:
        raise SourceError(f"unknown keys {sorted(unknown)}")
    sj = dict(f["subj"])
    surf = sj.pop("text", None)
    subject = {"kind": sj.pop("kind"), "canonical": sj.pop("canonical"),
               "resolved_by": sj.pop("by", "explicit")}
    for k in ("park_id", "region", "count"):
        if sj.get(k) is not None:
            subject[k] = sj.pop(k)
        sj.pop(k, None)
    if sj:
        raise SourceError(f"subject: unknown keys {sorted(sj)}")
    if surf:
        subject["start"], subject["end"] = loc(surf, "subject")
    ind = f["ind"]
    i0, i1 = loc(ind["text"], "indicator")
    indicator = {"id": ind["id"], "text": ind["text"], "start": i0, "end": i1}
    if ind.get("scope"):
        indicator["scope"] = ind["scope"]
    out = {"subject": subject, "segment": f.get("seg"), "indicator": indicator,
           "modality": f.get("mod", "actual"), "sentence": [s0, s1], "tags": f.get("tags", [])}
    p = f.get("period")
    if p:
        period = {"value": p["value"], "kind": p.get("kind", "flow")}
        if p.get("text"):
            period["start"], period["end"] = loc(p["text"], "period")
        out["period"] = period
    v = f.get("val")
    if v:
        v0, v1 = loc(v["text"], "value")
        value = {"label": v["label"], "start": v0, "end": v1, "qualifier": v.get("q", "exact")}
        for k in ("amount", "currency", "value", "unit"):
            if v.get(k) is not None:
                value[k] = v[k]
        out["value"] = value
    changes = []
    for c in f.get("chg", []):
        c0, c1 = loc(c["text"], "change")
        changes.append({"basis": c["basis"], "metric": c["metric"], "value": c["value"],
                        "benchmark": c.get("bench"), "price_basis": c.get("pb"), "start": c0, "end": c1})
    out["changes"] = changes
    sh = f.get("share")
    if sh:
        h0, h1 = loc(sh["text"], "share")
        out["share"] = {"value": sh["value"], "of": sh.get("of"), "start": h0, "end": h1}
    Fact.model_validate(out, context={"text": text})
    return out


def build_doc(path: Path) -> dict:
    src = json.loads(path.read_text(encoding="utf-8"))
    text = src["text"]
    sentences = split(text)
    facts = []
    for n, f in enumerate(src.get("facts", []), 1):
        try:
            facts.append(build_fact(text, sentences, f))
        except (SourceError, KeyError, ValueError, TypeError) as exc:
            raise SourceError(f"{path.name}: fact {n} (at {f.get('at')!r}): {str(exc).splitlines()[0]}") from None
    doc = {k: v for k, v in src.items() if k != "facts"}
    doc["facts"] = facts
    FactDocument.model_validate(doc)
    return doc


def build_split(name: str) -> tuple[int, int, list[str]]:
    docs, errors = [], []
    for path in sorted((SRC / name).glob("*.json")):
        try:
            docs.append(build_doc(path))
        except (SourceError, json.JSONDecodeError, KeyError) as exc:
            errors.append(f"{name}/{exc}")
    if not errors:
        with open(OUT / f"{name}.jsonl", "w", encoding="utf-8") as fh:
            for d in docs:
                fh.write(json.dumps(d, ensure_ascii=False) + "\n")
    return len(docs), sum(len(d["facts"]) for d in docs), errors


def main(argv: list[str]) -> int:
    names = argv or sorted(p.name for p in SRC.iterdir() if p.is_dir())
    bad = False
    for name in names:
        ndocs, nfacts, errors = build_split(name)
        for e in errors:
            print(e, file=sys.stderr)
        bad = bad or bool(errors)
        print(f"{name}: {ndocs} documents, {nfacts} facts" + (" (NOT written: fix the errors)" if errors else ""),
              file=sys.stderr)
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
