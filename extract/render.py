"""A self-contained HTML report a person reads: every mention highlighted by label, its normalized
value beside it (and in full on hover), the park's canonical name — and, given gold, the misses
and spurious mentions marked in their own colours.

The page has no external resources (inline CSS, one small inline script that counts the
highlights into ``<html data-newsx-rendered=…>`` so a headless browser's dumped DOM shows that it
ran). Chinese needs a CJK font on the reader's machine; the page names the usual ones
(Noto Sans CJK SC, Source Han Sans SC, PingFang SC, Microsoft YaHei, WenQuanYi).

Markup contract (the tests and any tooling rely on it):

- a predicted mention: ``<mark data-newsx="mention" data-label=… data-start=… data-end=…
  data-status="match|spurious|value|nogold">`` — ``value`` means the right span with a wrong
  value; ``nogold`` when no gold was given for the document;
- a missed gold mention: one or more ``<span data-newsx="miss" data-miss-id=…>`` pieces (a miss
  that crosses a predicted mention is cut into pieces at its edges) and one
  ``<span data-newsx="miss-tag">`` after its last piece;
- a fact's evidence (its value's span; a change-only fact: its first change; a share-only fact:
  its share): one ``<span data-newsx="evidence" data-evidence=K>`` per piece of text it covers
  (inside the mention's ``mark`` where a mention has those offsets), the first piece carrying
  ``id="newsx-evN-K"`` (document N of the page);
- the facts of a document, under its text: ``<table data-newsx="facts">`` with one
  ``<tr data-newsx="fact" data-rule=…>`` per fact (subject, indicator, period, value, changes,
  modality), its value cell linking ``href="#newsx-evN-K"`` to the evidence.

``newsx render`` (``render_command``) drives it; ``render_html`` is the library function and
``screenshot`` the headless-Chromium helper.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import os
import shutil
import subprocess
import tempfile
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any, Iterable, Sequence



from schemas.records import Document, Mention

_BASIS = {"yoy": "同比", "mom": "环比", "vs_prior_period": "比上期", "vs_year_end": "比年初",
          "two_year_avg": "两年平均", "vs_benchmark": "比"}

CJK_FONTS = (
    '"Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "Source Han Sans CN", "PingFang SC", '
    '"Hiragino Sans GB", "Microsoft YaHei", "WenQuanYi Micro Hei", "Noto Serif CJK SC", sans-serif'
)
LABEL_COLOURS: dict[str, str] = {
    "MONEY": "#ffd98a",
    "PERCENT": "#a8ebc9",
    "DATE": "#aed8ff",
    "PARK": "#dcc2ff",
}
_SPARE_COLOURS = ("#f7c6c7", "#c7e9f7", "#e2f7c7", "#f7e3c7", "#d1c7f7")
MISS_COLOUR = "#ff7a00"
SPURIOUS_COLOUR = "#e5484d"
VALUE_COLOUR = "#b8860b"
_QUALIFIER_SIGNS = {"approx": "≈", "over": ">", "at_least": "≥", "under": "<", "at_most": "≤",
                    "as_of": "≤", "since": "≥"}

CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome")


@dataclass
class Page:
    """One document of the report: its mentions and, when known, its gold mentions."""

    document: Document
    mentions: list[Mention]
    gold: list[Mention] | None = None
    facts: list[Any] | None = None  # schemas.facts.Fact; None: facts not extracted (no table)
    status: dict[int, str] = field(default_factory=dict, init=False)  # mention index -> status
    misses: list[Mention] = field(default_factory=list, init=False)

    def __post_init__(self) -> None:
        self.mentions = sorted(self.mentions, key=lambda m: (m.start, m.end))
        if self.gold is None:
            self.status = {i: "nogold" for i in range(len(self.mentions))}
            return
        from extract.evaluate.matching import strict_pairs
        from extract.evaluate.values import values_equal

        matched_gold: set[int] = set()
        self.status = {i: "spurious" for i in range(len(self.mentions))}
        for gi, i in strict_pairs(self.gold, self.mentions):  # the scorer's own strict matching
            m, g = self.mentions[i], self.gold[gi]
            matched_gold.add(gi)
            same = values_equal(m.label.value, m.value.model_dump(mode="json"), g.value.model_dump(mode="json"))
            self.status[i] = "match" if same else "value"
        self.misses = sorted((g for gi, g in enumerate(self.gold) if gi not in matched_gold), key=lambda g: g.start)

    def counts(self) -> dict[str, int]:
        out = {"mentions": len(self.mentions)}
        if self.gold is not None:
            values = list(self.status.values())
            out.update(gold=len(self.gold), match=values.count("match"), value=values.count("value"),
                       spurious=values.count("spurious"), miss=len(self.misses))
        return out


# ---------------------------------------------------------------------------------------------
# Values as short text


def _dec(s: Any) -> Decimal | None:
    try:
        return Decimal(str(s)) if s is not None else None
    except InvalidOperation:
        return None


def _amount(s: Any) -> str:
    d = _dec(s)
    if d is None:
        return str(s)
    text = f"{d:,f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def _percent(s: Any) -> str:
    d = _dec(s)
    if d is None:
        return str(s)
    p = (d * 100).quantize(Decimal("0.0001")).normalize()
    return f"{p:f}%"


def _points(s: Any) -> str:
    d = _dec(s)
    return str(s) if d is None else f"{(d * 100).normalize():f} pp"


def short_value(m: Mention) -> str:
    """What is shown beside the mention: the normalized value in a few characters."""
    v = m.value.model_dump(mode="json")
    label = m.label.value
    sign = _QUALIFIER_SIGNS.get(str(v.get("qualifier")), "")
    if label == "MONEY":
        core = f"{_amount(v['low'])}–{_amount(v['high'])}" if v.get("low") is not None else _amount(v["amount"])
        return f"{sign}{core} {v['currency']}"
    if label == "PERCENT":
        fmt = _points if v.get("unit") == "pp" else _percent
        core = f"{fmt(v['low'])}–{fmt(v['high'])}" if v.get("low") is not None else fmt(v["value"])
        return f"{sign}{core}"
    if label == "DATE":
        return f"{sign}{v['value']}"
    if label == "PARK":
        return str(v.get("canonical"))
    return json.dumps(v, ensure_ascii=False)


def hover_text(m: Mention, status: str | None = None, gold: Mention | None = None) -> str:
    """The full record on hover: label, value JSON, rule (and the gold value of a value error)."""
    parts = [f"{m.label.value}  {m.text}", json.dumps(m.value.model_dump(mode="json"), ensure_ascii=False)]
    if m.rule:
        parts.append(f"rule: {m.rule}")
    if status == "spurious":
        parts.append("SPURIOUS: not in gold")
    if status == "value" and gold is not None:
        parts.append("VALUE differs from gold: " + json.dumps(gold.value.model_dump(mode="json"), ensure_ascii=False))
    return "\n".join(parts)


# ---------------------------------------------------------------------------------------------
# HTML


def label_colour(label: str) -> str:
    return LABEL_COLOURS.get(label) or _SPARE_COLOURS[sum(map(ord, label)) % len(_SPARE_COLOURS)]


def css_string(value: str) -> str:
    """``value`` as the inside of a CSS string: every character but letters, digits, ``-`` and
    ``_`` written as a CSS escape (``\\3c `` for ``<``), so no user string can close the string,
    the rule or the ``<style>`` element."""
    return "".join(ch if (ch.isascii() and (ch.isalnum() or ch in "-_")) else f"\\{ord(ch):x} " for ch in value)


def _css(labels: Iterable[str]) -> str:
    per_label = "\n".join(f'mark[data-label="{css_string(lab)}"] {{ background: {label_colour(lab)}; }}'
                           for lab in labels)
    return f"""
html {{ font-family: {CJK_FONTS}; font-size: 17px; line-height: 2.1; color: #1d1d1f; background: #fafafa; }}
body {{ max-width: 60em; margin: 1.5em auto; padding: 0 1em; }}
h1 {{ font-size: 1.5em; margin: 0 0 .2em; }} h2 {{ font-size: 1.15em; margin: 1.2em 0 .2em; line-height: 1.4; }}
.newsx-meta, .newsx-summary {{ color: #555; font-size: .85em; line-height: 1.5; }}
.newsx-legend span {{ display: inline-block; margin: 0 .6em .3em 0; padding: 0 .45em; border-radius: .3em; font-size: .8em; line-height: 1.7; }}
article {{ background: #fff; border: 1px solid #e3e3e3; border-radius: .5em; padding: .4em 1.2em 1em; margin: 1em 0; }}
.newsx-text {{ white-space: pre-wrap; word-break: break-word; }}
mark[data-newsx="mention"] {{ padding: .1em .3em; margin: 0 .1em; border-radius: .35em; box-decoration-break: clone; -webkit-box-decoration-break: clone; }}
{per_label}
mark[data-status="spurious"] {{ outline: 2px dashed {SPURIOUS_COLOUR}; outline-offset: 1px; }}
mark[data-status="value"] {{ outline: 2px solid {VALUE_COLOUR}; outline-offset: 1px; }}
.newsx-tag {{ font-size: .62em; font-weight: bold; margin-left: .35em; vertical-align: middle; letter-spacing: .02em; }}
.newsx-val {{ font-size: .68em; margin-left: .35em; color: #333; background: rgba(255,255,255,.65); border-radius: .25em; padding: 0 .25em; vertical-align: middle; }}
mark[data-status="spurious"] .newsx-tag {{ color: {SPURIOUS_COLOUR}; }}
span[data-newsx="miss"] {{ background: repeating-linear-gradient(135deg, rgba(255,122,0,.18) 0 4px, rgba(255,122,0,.05) 4px 8px); border-bottom: 3px double {MISS_COLOUR}; }}
span[data-newsx="miss-tag"] {{ font-size: .62em; font-weight: bold; color: #fff; background: {MISS_COLOUR}; border-radius: .25em; padding: 0 .3em; margin-left: .2em; vertical-align: middle; }}
.newsx-legend .spurious {{ outline: 2px dashed {SPURIOUS_COLOUR}; }} .newsx-legend .value {{ outline: 2px solid {VALUE_COLOUR}; }}
.newsx-legend .miss {{ background: rgba(255,122,0,.18); border-bottom: 3px double {MISS_COLOUR}; }}
span[data-newsx="evidence"] {{ text-decoration: underline 2px #0a6cff; text-underline-offset: .25em; }}
span[data-newsx="evidence"]:target {{ outline: 3px solid #0a6cff; outline-offset: 2px; border-radius: .2em; }}
table.newsx-facts {{ border-collapse: collapse; width: 100%; margin-top: .8em; font-size: .8em; line-height: 1.5; }}
table.newsx-facts caption {{ text-align: left; color: #555; }}
table.newsx-facts th, table.newsx-facts td {{ border: 1px solid #e3e3e3; padding: .2em .5em; text-align: left; vertical-align: top; }}
table.newsx-facts th {{ background: #f2f2f2; }}
.newsx-facts-none {{ color: #888; font-size: .8em; }}
"""


_SCRIPT = """
(function () {
  var d = document.documentElement;
  d.setAttribute("data-newsx-rendered", document.querySelectorAll('[data-newsx="mention"]').length);
  d.setAttribute("data-newsx-misses", document.querySelectorAll('[data-newsx="miss-tag"]').length);
})();
"""


def _attr(s: Any) -> str:
    return html.escape(str(s), quote=True)


def _mark_open(m: Mention, status: str, gold: Mention | None) -> str:
    return (
        f'<mark data-newsx="mention" data-label="{_attr(m.label.value)}" data-start="{m.start}" '
        f'data-end="{m.end}" data-status="{status}" data-rule="{_attr(m.rule or "")}" '
        f'title="{_attr(hover_text(m, status, gold))}">'
    )


def _mark_close(m: Mention, status: str) -> str:
    tag = m.label.value + (" ✗" if status == "spurious" else "")
    return f'<span class="newsx-tag">{html.escape(tag)}</span><span class="newsx-val">{html.escape(short_value(m))}</span></mark>'


def _miss_tag(g: Mention) -> str:
    title = _attr(f"MISSED {g.label.value}  {g.text}\n" + json.dumps(g.value.model_dump(mode="json"), ensure_ascii=False))
    return (f'<span data-newsx="miss-tag" data-label="{_attr(g.label.value)}" title="{title}">'
            f'MISS {html.escape(g.label.value)} · {html.escape(short_value(g))}</span>')


def evidence_spans(facts: Sequence[Any]) -> tuple[list[tuple[int, int]], list[int | None]]:
    """The distinct evidence spans of ``facts`` (sorted) and, per fact, the index of its own."""
    def span(f: Any) -> tuple[int, int] | None:
        part = f.value or (f.changes[0] if f.changes else None) or f.share
        return (part.start, part.end) if part is not None else None

    per_fact = [span(f) for f in facts]
    spans = sorted({s for s in per_fact if s is not None})
    index = {s: k for k, s in enumerate(spans)}
    return spans, [index[s] if s is not None else None for s in per_fact]


def highlight(page: Page, anchor: str = "newsx-ev0") -> str:
    """The document text as HTML with its mentions, misses and fact evidence marked (text
    escaped, offsets exact); evidence K's first piece has ``id="{anchor}-K"``."""
    text = page.document.text
    all_evidence, _ = evidence_spans(page.facts or [])
    ev_index = {e: k for k, e in enumerate(all_evidence) if 0 <= e[0] < e[1] <= len(text)}
    evidence = list(ev_index)
    mentions, keep = _non_overlapping(page.mentions)
    misses = page.misses
    gold_by_key = {g.key(): g for g in page.gold or []}
    bounds = sorted({0, len(text), *(b for m in mentions for b in (m.start, m.end)),
                     *(b for g in misses for b in (g.start, g.end)), *(b for e in evidence for b in e)})
    out: list[str] = []
    mi = gi = ei = 0  # next mention, next miss, next evidence
    active: list[tuple[int, int]] = []  # evidence spans covering the current piece
    for a, b in zip(bounds, bounds[1:]):
        while mi < len(mentions) and mentions[mi].end <= a:
            mi += 1
        while gi < len(misses) and misses[gi].end <= a:
            gi += 1
        m = mentions[mi] if mi < len(mentions) and mentions[mi].start <= a else None
        g = misses[gi] if gi < len(misses) and misses[gi].start <= a else None
        status = page.status[keep[mi]] if m is not None else None
        if m is not None and m.start == a:
            out.append(_mark_open(m, status, gold_by_key.get(m.key())))
        piece = html.escape(text[a:b], quote=False)
        if g is not None:
            piece = f'<span data-newsx="miss" data-miss-id="{gi}" data-label="{_attr(g.label.value)}">{piece}</span>'
        while ei < len(evidence) and evidence[ei][0] <= a:  # evidence is sorted by start: a sweep
            active.append(evidence[ei])
            ei += 1
        active = [e for e in active if e[1] > a]
        out.append(_wrap_evidence(piece, active, a, ev_index, anchor))
        out.extend(_closing_tags(m, g, b, status))
    return "".join(out)


def _non_overlapping(found: Sequence[Mention]) -> tuple[list[Mention], list[int]]:
    """The mentions to mark and their indexes in ``found`` (records do not overlap; guard anyway)."""
    mentions: list[Mention] = []
    keep: list[int] = []
    for i, m in enumerate(found):
        if mentions and m.start < mentions[-1].end:
            continue
        mentions.append(m)
        keep.append(i)
    return mentions, keep


def _wrap_evidence(piece: str, active: list[tuple[int, int]], a: int, ev_index: dict, anchor: str) -> str:
    """``piece`` inside a span per fact evidence covering it (the pieces are cut at every
    evidence edge, so each active span covers the whole piece)."""
    for e in sorted(active, reverse=True):
        k = ev_index[e]
        ident = f' id="{_attr(anchor)}-{k}"' if e[0] == a else ""
        piece = f'<span data-newsx="evidence" data-evidence="{k}"{ident}>{piece}</span>'
    return piece


def _closing_tags(m: Mention | None, g: Mention | None, b: int, status) -> list[str]:
    """What closes at ``b``: a miss's tag, then the mention, with the miss after it when both end here."""
    out = []
    if g is not None and g.end == b and (m is None or m.end != b):
        out.append(_miss_tag(g))
    if m is not None and m.end == b:
        out.append(_mark_close(m, status))
        if g is not None and g.end == b:
            out.append(_miss_tag(g))
    return out


def _signed(d: Decimal, metric: str) -> str:
    if metric == "percent":
        text = _percent(d)
    elif metric == "pp":
        text = _points(d)
    elif metric == "multiple":
        text = f"{d.normalize():f}×"
    else:
        text = _amount(d)
    return text if text.startswith("-") else "+" + text


def fact_cells(f: Any) -> dict[str, str]:
    """A fact as short texts: subject, indicator, period, value, changes, modality."""
    period = "" if f.period is None else f.period.value + (" (stock)" if f.period.kind.value == "stock" else "")
    return {"subject": _subject_cell(f.subject), "indicator": _indicator_cell(f), "period": period,
            "value": _value_cell(f) or "—", "changes": "; ".join(_change_cell(c) for c in f.changes),
            "modality": f.modality.value}


def _subject_cell(subj: Any) -> str:
    subject = subj.canonical
    if subj.kind.value == "park_group" and (subj.region or subj.count is not None):
        count = f"{subj.count}家" if subj.count is not None else None
        subject += " (" + " · ".join(x for x in (subj.region, count) if x) + ")"
    if subj.resolved_by.value != "explicit":
        subject += f" [{subj.resolved_by.value}]"
    return subject


def _indicator_cell(f: Any) -> str:
    indicator = f.indicator.id + (f" ({f.indicator.text})" if f.indicator.text != f.indicator.id else "")
    if f.indicator.scope is not None:
        indicator += f" · {f.indicator.scope.value}"
    if f.segment:
        indicator += f" · {f.segment}"
    return indicator


def _value_cell(f: Any) -> str:
    value = ""
    v = f.value
    if v is not None:
        sign = _QUALIFIER_SIGNS.get(v.qualifier.value, "")
        if v.label.value == "MONEY":
            value = f"{sign}{_amount(v.amount)} {v.currency}"
        elif v.label.value == "PERCENT":
            value = f"{sign}{_percent(v.value)}"
        else:
            value = f"{sign}{_amount(v.amount)} {v.unit}"
    if f.share is not None:
        value += ("; " if value else "") + f"share {_percent(f.share.value)}" + (f" of {f.share.of}" if f.share.of else "")
    return value


def _change_cell(c: Any) -> str:
    basis = _BASIS.get(c.basis.value, c.basis.value)
    if c.basis.value == "vs_benchmark":
        basis += c.benchmark or ""
    parts = (basis, _signed(c.value, c.metric.value), c.price_basis.value if c.price_basis else None)
    return " ".join(x for x in parts if x)


_FACT_HEADERS = ("subject", "indicator", "period", "value", "changes", "modality")


def facts_table(page: Page, anchor: str = "newsx-ev0") -> str:
    """The facts of a page as an HTML table; each value cell links to its evidence in the text."""
    facts = page.facts or []
    if not facts:
        return '<p class="newsx-facts-none" data-newsx="facts">no facts</p>' if page.facts is not None else ""
    _, own = evidence_spans(facts)
    rows = []
    for i, f in enumerate(facts):
        cells = fact_cells(f)
        tds = []
        for h in _FACT_HEADERS:
            text = html.escape(cells[h])
            if h == "value" and own[i] is not None:
                text = f'<a href="#{_attr(anchor)}-{own[i]}">{text}</a>'
            tds.append(f"<td>{text}</td>")
        rows.append(f'<tr data-newsx="fact" data-fact="{i}" data-rule="{_attr(f.rule or "")}" '
                    f'title="{_attr(f.model_dump_json())}">' + "".join(tds) + "</tr>")
    head = "".join(f"<th>{h}</th>" for h in _FACT_HEADERS)
    return (f'<table class="newsx-facts" data-newsx="facts"><caption>{len(facts)} fact(s)</caption>'
            f"<thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>")


def _legend(labels: Sequence[str], with_gold: bool) -> str:
    items = [f'<span style="background:{label_colour(lab)}">{html.escape(lab)}</span>' for lab in labels]
    if with_gold:
        items += ['<span class="spurious">spurious (not in gold)</span>',
                  '<span class="value">right span, wrong value</span>',
                  '<span class="miss">missed gold mention</span>']
    return '<p class="newsx-legend">' + "".join(items) + "</p>"


def _summary(pages: Sequence[Page]) -> str:
    total: dict[str, int] = {}
    for p in pages:
        for k, v in p.counts().items():
            total[k] = total.get(k, 0) + v
    text = f"{len(pages)} document(s), {total.get('mentions', 0)} mention(s)"
    if "gold" in total:
        from extract.evaluate.matching import Counts

        gold = total["gold"]
        strict = Counts(gold=gold, pred=total["mentions"], strict_tp=total["match"] + total["value"])
        prec, rec, f1 = strict.strict()  # the scorer's own figures
        text += (f" · gold {gold}: {total['match']} match, {total['value']} value error(s), "
                 f"{total['spurious']} spurious, {total['miss']} missed · strict P {prec:.1%} R {rec:.1%} F1 {f1:.1%}")
    return f'<p class="newsx-summary">{html.escape(text)}</p>'


def render_html(pages: Sequence[Page], *, title: str = "newsx report", labels: Sequence[str] | None = None) -> str:
    """The whole report as one self-contained HTML page."""
    if labels is None:
        from extract import registry

        labels = registry.labels()
    seen = {m.label.value for p in pages for m in [*p.mentions, *(p.gold or [])]}
    labels = [*labels, *sorted(seen - set(labels))]
    with_gold = any(p.gold is not None for p in pages)
    body = []
    for n, p in enumerate(pages):
        d = p.document
        meta = " · ".join(x for x in (d.id, d.date.isoformat() if d.date else "no date", d.source or "") if x)
        counts = ", ".join(f"{k} {v}" for k, v in p.counts().items())
        anchor = f"newsx-ev{n}"
        body.append(
            f'<article data-doc-id="{_attr(d.id)}">'
            f"<h2>{html.escape(d.title or d.id)}</h2>"
            f'<p class="newsx-meta">{html.escape(meta)} · {html.escape(counts)}</p>'
            f'<div class="newsx-text">{highlight(p, anchor)}</div>{facts_table(p, anchor)}</article>'
        )
    return (
        '<!DOCTYPE html>\n<html lang="zh-CN"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{html.escape(title)}</title><style>{_css(labels)}</style></head><body>"
        f"<h1>{html.escape(title)}</h1>{_summary(pages)}{_legend(labels, with_gold)}"
        + "".join(body)
        + f"<script>{_SCRIPT}</script></body></html>\n"
    )


def pages_from_docs(docs: Iterable[Any], gold: Sequence[list[Mention] | None] | None = None) -> list[Page]:
    """Pages from Docs processed by ``extract.load()``; ``gold``, when given, holds each Doc's gold
    mentions in the same order (None for a Doc without gold)."""
    from extract.nlp import mentions_from_doc

    out = []
    for i, doc in enumerate(docs):
        document = Document(id=str(i), text=doc.text, date=doc._.newsx_date)
        out.append(Page(document, mentions_from_doc(doc), gold[i] if gold is not None else None,
                        doc._.facts if doc.has_extension("facts") else None))
    return out


# ---------------------------------------------------------------------------------------------
# Headless Chromium


def find_chromium() -> str | None:
    """A Chromium/Chrome binary: ``$NEWSX_CHROMIUM``, else the first of the usual names on PATH."""
    env = os.environ.get("NEWSX_CHROMIUM")
    if env:
        return env if shutil.which(env) else None
    for name in CHROMIUM_NAMES:
        path = shutil.which(name)
        if path:
            return path
    return None


def chromium(page: str | Path, *, screenshot: str | Path | None = None, dump_dom: bool = False,
             width: int = 1280, height: int = 1600, timeout: float = 120.0, binary: str | None = None) -> str:
    """Open ``page`` (an HTML file) in headless Chromium: write a PNG ``screenshot`` and/or return
    the DOM after scripts ran (``dump_dom``). Raises FileNotFoundError without a Chromium."""
    exe = binary or find_chromium()
    if exe is None:
        raise FileNotFoundError("no Chromium found: install `chromium` (Debian) or set NEWSX_CHROMIUM")
    url = Path(page).resolve().as_uri()
    with tempfile.TemporaryDirectory(prefix="newsx-chromium-") as profile:
        base = [exe, "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--no-default-browser-check", "--hide-scrollbars",
                "--force-device-scale-factor=1", f"--user-data-dir={profile}", f"--window-size={width},{height}"]
        dom = ""
        if screenshot is not None:
            target = Path(screenshot).resolve()
            _run([*base, f"--screenshot={target}", url], timeout)
            if not target.exists():
                raise RuntimeError(f"Chromium wrote no screenshot to {target}")
        if dump_dom:
            dom = _run([*base, "--dump-dom", url], timeout)
    return dom


def _run(cmd: list[str], timeout: float) -> str:
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, stdin=subprocess.DEVNULL)
    if proc.returncode != 0:
        raise RuntimeError(f"Chromium failed ({proc.returncode}): {proc.stderr.strip()[-800:]}")
    return proc.stdout


# ---------------------------------------------------------------------------------------------
# Command line


def build_pages(inputs: Sequence[str], *, gold_files: Sequence[str] = (), date: dt.date | None = None,
                labels: "Sequence[str] | PipelineConfig | None" = None, on_reject=None, facts: bool = True,
                progress=None) -> list[Page]:
    """Read INPUTS, extract (records path; and the fact stage, unless ``facts`` is False), pair
    each document with its gold by id. ``progress``: an :class:`extract.progress.Progress`,
    updated per document and reject."""
    from extract.evaluate import load_gold
    from extract.intake.read import Reject, read_inputs
    from extract.config import as_config
    from extract.pipeline import extract_text

    config = as_config(labels)
    chosen = None if config.labels is None else set(config.labels)
    gold: dict[str, list[Mention]] = {}
    if gold_files:
        for g in load_gold(gold_files):
            spans = [m for m in g.spans if chosen is None or m.label.value in chosen]
            gold[g.id] = spans
    pages = []
    for item in read_inputs(inputs, date):
        if isinstance(item, Reject):
            if on_reject:
                on_reject(item)
            if progress is not None:
                progress.update(rejects=1)
            continue
        mentions = extract_text(item.text, item.date, labels=config, doc_id=item.id)
        found = None
        if facts:
            from extract.facts import extract_facts

            found = extract_facts(item.text, mentions, item.date)
        if progress is not None:
            progress.update(documents=1, mentions=len(mentions), chars=len(item.text))
        pages.append(Page(item, mentions, gold.get(item.id) if gold_files else None, found))
    return pages
