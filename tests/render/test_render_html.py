"""The HTML report: highlights, values, gold comparison, the command line."""

from __future__ import annotations

import html
import json
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner

from extract import registry
from extract.cli import main
from extract.pipeline import extract_text
from extract.render import Page, highlight, render_html, short_value
from schemas.records import Document, Mention

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "corpus" / "gold" / "seed.jsonl"


LABELS = registry.labels()  # every label: a broken extractor must fail these tests, not be skipped


class Marks(HTMLParser):
    """Collects the newsx elements of a page and the text inside the document bodies."""

    def __init__(self) -> None:
        super().__init__()
        self.elements: list[dict] = []
        self.stack: list[dict | None] = []
        self.text_depth = 0
        self.skip = 0  # inside tag/value labels added beside mentions
        self.text: list[str] = []
        self.current: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if a.get("class") == "newsx-text":
            self.text_depth += 1
            self.current = []
        elif self.text_depth:
            self.text_depth += 1
        if a.get("class") in ("newsx-tag", "newsx-val") or a.get("data-newsx") == "miss-tag":
            self.skip += 1
        if "data-newsx" in a:
            self.elements.append({"tag": tag, **a})

    def handle_endtag(self, tag):
        if self.text_depth:
            self.text_depth -= 1
            if self.text_depth == 0:
                self.text.append("".join(self.current))
        if self.skip and tag == "span":
            self.skip -= 1

    def handle_data(self, data):
        if self.text_depth and not self.skip:
            self.current.append(data)

    def of(self, kind: str) -> list[dict]:
        return [e for e in self.elements if e["data-newsx"] == kind]


def parse(page: str) -> Marks:
    p = Marks()
    p.feed(page)
    return p


def seed() -> Document:
    r = json.loads(SEED.read_text(encoding="utf-8").splitlines()[0])
    return Document(id=r["id"], text=r["text"], date=r["date"], title=r.get("title"))


def gold_spans() -> list[Mention]:
    from extract.evaluate import load_gold

    return [m for m in load_gold([SEED])[0].spans if m.label.value in LABELS]


def mention(text: str, start: int, end: int, label: str, value: dict, rule: str = "test") -> Mention:
    return Mention.model_validate({"start": start, "end": end, "label": label, "text": text[start:end],
                                   "value": value, "rule": rule}, context={"text": text})


PARK = {"canonical": "肇庆高新技术产业开发区", "level": "national"}
MONEY = {"amount": "2000000", "currency": "CNY", "qualifier": "over"}


def test_every_mention_is_highlighted_with_its_value_and_the_text_survives():
    doc = seed()
    mentions = extract_text(doc.text, doc.date, labels=LABELS)
    page = render_html([Page(doc, mentions)], labels=LABELS)
    p = parse(page)
    marks = p.of("mention")
    assert len(marks) == len(mentions) > 0
    assert [(int(m["data-start"]), int(m["data-end"]), m["data-label"]) for m in marks] == [
        (m.start, m.end, m.label.value) for m in sorted(mentions, key=lambda m: (m.start, m.end))
    ]
    assert all(m["data-status"] == "nogold" for m in marks)
    assert p.text == [doc.text]  # escaping and splitting lose nothing
    for m in mentions:
        assert html.escape(short_value(m), quote=False) in page
    assert "Noto Sans CJK SC" in page and 'lang="zh-CN"' in page and "<meta charset=\"utf-8\">" in page
    assert "http://" not in page and "https://" not in page  # self-contained


def test_park_mentions_show_the_canonical_name():
    text = "宁德时代落户肇庆高新区以来"
    m = mention(text, 6, 11, "PARK", PARK)
    page = render_html([Page(Document(id="d", text=text), [m])], labels=["PARK"])
    assert "肇庆高新技术产业开发区" in page
    assert parse(page).of("mention")[0]["title"].startswith("PARK  肇庆高新区")


@pytest.mark.parametrize(
    "label, value, shown",
    [
        ("MONEY", {"amount": "17300000000000", "currency": "CNY"}, "17,300,000,000,000 CNY"),
        ("MONEY", {"amount": "2000000", "currency": "CNY", "qualifier": "over"}, ">2,000,000 CNY"),
        ("MONEY", {"amount": "1.5", "currency": "USD", "qualifier": "exact", "low": "1.5", "high": "2"}, "1.5–2 USD"),
        ("PERCENT", {"value": "0.143"}, "14.3%"),
        ("PERCENT", {"value": "0.025", "unit": "pp"}, "2.5 pp"),
        ("PERCENT", {"value": "0.3", "qualifier": "approx"}, "≈30%"),
        ("DATE", {"value": "2023-01/2023-09"}, "2023-01/2023-09"),
        ("DATE", {"value": "2023-12-29", "qualifier": "as_of"}, "≤2023-12-29"),
        ("PARK", PARK, "肇庆高新技术产业开发区"),
    ],
)
def test_short_values(label, value, shown):
    text = "x" * 10
    assert short_value(mention(text, 0, 3, label, value)) == shown


def test_misses_spurious_and_value_errors_are_marked():
    text = "甲乙肇庆高新区丙丁超200万元戊己庚辛"
    park = mention(text, 2, 7, "PARK", PARK)
    money = mention(text, 9, 15, "MONEY", MONEY)
    wrong_value = mention(text, 9, 15, "MONEY", {**MONEY, "amount": "3000000"})
    spurious = mention(text, 16, 18, "PARK", {"canonical": "己庚"})
    missed_alone = mention(text, 0, 2, "PARK", {"canonical": "甲乙"})
    missed_across = mention(text, 5, 9, "PARK", {"canonical": "新区丙丁"})  # crosses the park's end
    gold = [missed_alone, missed_across, wrong_value]  # non-overlapping gold
    page = Page(Document(id="d", text=text), [park, money, spurious], gold)
    assert page.counts() == {"mentions": 3, "gold": 3, "match": 0, "value": 1, "spurious": 2, "miss": 2}
    p = parse(render_html([page], labels=["PARK", "MONEY"]))
    status = {int(m["data-start"]): m["data-status"] for m in p.of("mention")}
    assert status == {2: "spurious", 9: "value", 16: "spurious"}
    assert len(p.of("miss-tag")) == 2
    assert {e["data-miss-id"] for e in p.of("miss")} == {"0", "1"}
    assert len(p.of("miss")) == 3  # the crossing miss is cut at the park's end: two pieces
    assert p.text == [text]


@pytest.mark.parametrize("predicted,gold,want", [
    ([], ["money"], (0.0, 0.0, 0.0)),  # nothing predicted, something to find: precision 0, not 1
    (["money"], [], (0.0, 0.0, 0.0)),  # only spurious
    ([], [], (1.0, 1.0, 1.0)),  # nothing to find and nothing found
    (["money", "money"], ["money"], (0.5, 1.0, 2 / 3)),  # a duplicate is spurious
])
def test_summary_figures_are_the_scorers(predicted, gold, want):
    from extract.evaluate import score
    from schemas.records import ExtractedDocument, GoldDocument

    text = "甲乙肇庆高新区丙丁超200万元戊己庚辛"
    made = {"money": lambda: mention(text, 9, 15, "MONEY", MONEY)}
    pred, gold_spans = [made[k]() for k in predicted], [made[k]() for k in gold]
    result = score([GoldDocument(id="d", text=text, spans=gold_spans)],
                   {"d": ExtractedDocument(id="d", spans=pred)})
    assert result.overall().strict() == pytest.approx(want)
    report = render_html([Page(Document(id="d", text=text), pred, gold_spans)], labels=["MONEY"])
    p, r, f = want
    assert f"strict P {p:.1%} R {r:.1%} F1 {f:.1%}" in report


def test_a_mention_inside_a_miss_and_a_miss_inside_a_mention():
    text = "零一二三四五六七八九"
    outer_pred = mention(text, 1, 8, "PARK", {"canonical": "一二三四五六七"})
    inner_gold = mention(text, 3, 5, "PARK", {"canonical": "三四"})
    page = Page(Document(id="d", text=text), [outer_pred], [inner_gold])
    html_text = highlight(page)
    p = parse(f'<div class="newsx-text">{html_text}</div>')
    assert p.text == [text]
    assert len(p.of("mention")) == 1 and len(p.of("miss")) == 1 and len(p.of("miss-tag")) == 1
    inner_pred = mention(text, 3, 5, "PARK", {"canonical": "三四"})
    outer_gold = mention(text, 1, 8, "PARK", {"canonical": "一二三四五六七"})
    p = parse(f'<div class="newsx-text">{highlight(Page(Document(id="d", text=text), [inner_pred], [outer_gold]))}</div>')
    assert p.text == [text]
    assert len(p.of("miss")) == 3 and len(p.of("miss-tag")) == 1


def test_text_is_escaped():
    text = "<script>alert(1)</script> & 1<2 肇庆高新区"
    m = mention(text, text.index("肇"), len(text), "PARK", PARK)
    page = render_html([Page(Document(id="<b>", text=text), [m])], labels=["PARK"])
    assert "<script>alert" not in page and "&lt;script&gt;" in page
    assert parse(page).text == [text]


def test_render_command_with_gold(tmp_path):
    out = tmp_path / "report.html"
    args = ["render", str(SEED), "--gold", str(SEED), "-o", str(out), "--labels", ",".join(LABELS)]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    page = out.read_text(encoding="utf-8")
    p = parse(page)
    doc = seed()
    mentions = extract_text(doc.text, doc.date, labels=LABELS)
    gold = gold_spans()
    assert len(p.of("mention")) == len(mentions)
    keys = {m.key() for m in mentions}
    gold_keys = {g.key() for g in gold}
    assert len(p.of("miss-tag")) == len(gold_keys - keys)
    assert sum(m["data-status"] == "spurious" for m in p.of("mention")) == len(keys - gold_keys)


def test_render_command_to_stdout_from_a_text_file(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text("截至2023年12月29日，肇庆高新区已落实研发经费补贴200余万元。", encoding="utf-8")
    result = CliRunner().invoke(main, ["render", str(f), "-o", "-", "--date", "2024-01-04", "--labels", "PARK"])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("<!DOCTYPE html>")
    assert [e["data-label"] for e in parse(result.output).of("mention")] == ["PARK"]


def test_render_is_listed_by_the_cli():
    result = CliRunner().invoke(main, ["render", "--help"])
    assert result.exit_code == 0 and "--gold" in result.output


# -- facts -----------------------------------------------------------------------------------------

FACT_TEXT = "2023年，苏州工业园区实现营业收入100.15亿元，同比增长10%；园区新增高新技术企业56家。"


def _fact_page(text: str = FACT_TEXT, doc_id: str = "f") -> Page:
    import datetime as dt

    from extract.facts import extract_facts

    doc = Document(id=doc_id, text=text, date=dt.date(2024, 1, 5))
    mentions = extract_text(text, doc.date, labels=LABELS)
    return Page(doc, mentions, None, extract_facts(text, mentions, doc.date))


class Facts(HTMLParser):
    """The rows of the facts tables (cell texts, value links) and the evidence pieces by id."""

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[dict] = []
        self.cell: list[str] | None = None
        self.ids: dict[str, list[str]] = {}  # evidence id -> text of its first piece
        self.open: list[str | None] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "tr" and a.get("data-newsx") == "fact":
            self.rows.append({"cells": [], "href": None, "rule": a.get("data-rule")})
        elif tag == "td" and self.rows:
            self.cell = []
        elif tag == "a" and self.cell is not None:
            self.rows[-1]["href"] = a["href"]
        if tag == "span":
            ident = a.get("id") if a.get("data-newsx") == "evidence" else None
            self.open.append(ident)
            if ident:
                self.ids[ident] = []

    def handle_endtag(self, tag):
        if tag == "td" and self.cell is not None:
            self.rows[-1]["cells"].append("".join(self.cell))
            self.cell = None
        if tag == "span" and self.open:
            self.open.pop()

    def handle_data(self, data):
        if self.cell is not None:
            self.cell.append(data)
        for ident in self.open:
            if ident:
                self.ids[ident].append(data)


def test_facts_table_under_the_text_links_each_row_to_its_evidence():
    page = render_html([_fact_page()], labels=LABELS)
    f = Facts()
    f.feed(page)
    # known by reading: 苏州工业园区 · operating revenue · 2023 · 100.15亿元 · +10% yoy; 园区 → the same park, 56家
    first = f.rows[0]["cells"]
    assert first == ["苏州工业园区", "operating_revenue (营业收入)", "2023", "10,015,000,000 CNY", "同比 +10%", "actual"]
    assert any(r["cells"][0].startswith("苏州工业园区") and r["cells"][3] == "56 家" for r in f.rows[1:])
    assert page.index('data-newsx="facts"') > page.index('class="newsx-text"')  # under the text
    for row in f.rows:  # every row links to an evidence span whose text is the value as written
        assert row["href"] and row["href"][1:] in f.ids and row["rule"]
    assert "".join(f.ids[f.rows[0]["href"][1:]]).startswith("100.15亿元")
    # the evidence of a MONEY value is inside its highlighted mention; the text is unchanged
    p = parse(page)
    assert p.text == [FACT_TEXT]
    mark = next(m for m in p.of("mention") if m["data-label"] == "MONEY")
    ev = next(e for e in p.of("evidence") if e.get("id") == f.rows[0]["href"][1:])
    assert page.index(f'id="{ev["id"]}"') > page.index(f'data-start="{mark["data-start"]}"')


def test_facts_table_is_escaped_and_anchors_are_per_document():
    # a document id and a park name that look like markup never reach the page as markup
    text = "2023年，苏州工业园区实现营业收入100亿元。"
    pages = [_fact_page(text, "<a>"), _fact_page(text, "b\"'")]
    page = render_html(pages, labels=LABELS)
    f = Facts()
    f.feed(page)
    assert [r["href"] for r in f.rows] == ["#newsx-ev0-0", "#newsx-ev1-0"]
    assert set(f.ids) == {"newsx-ev0-0", "newsx-ev1-0"}
    assert "<a>" not in page.replace('<a href="#newsx-ev', "")
    from schemas.facts import Fact

    evil = pages[0].facts[0].model_copy(update={"segment": "<img src=x onerror=alert(1)>", "rule": '"><script>'})
    page = render_html([Page(pages[0].document, pages[0].mentions, None, [Fact.model_validate(evil.model_dump())])],
                       labels=LABELS)
    assert "<img" not in page and "<script>\"" not in page and "&lt;img src=x" in page


def test_render_command_shows_facts_unless_told_not_to(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text(FACT_TEXT, encoding="utf-8")
    on = CliRunner().invoke(main, ["render", str(f), "-o", "-", "--date", "2024-01-05"])
    assert on.exit_code == 0, on.output
    assert on.output.count('data-newsx="fact"') >= 2 and 'href="#newsx-ev0-0"' in on.output
    off = CliRunner().invoke(main, ["render", str(f), "-o", "-", "--date", "2024-01-05", "--no-facts"])
    body = off.output[off.output.index("<body>"):]
    assert off.exit_code == 0 and 'data-newsx="fact' not in body and 'data-newsx="evidence"' not in body
