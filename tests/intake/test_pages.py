"""Newspaper pages: the items of three pages, listed by hand, and what the split promises.

The founding page (corpus/texts/seed) and two pages laid out from real articles
(tests/intake/pages, provenance in its README) run through the same tests.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import json
import time
from pathlib import Path

import pytest

from extract import registry
from extract.articles import extract_page_documents, extract_pages
from extract.intake.clean import clean
from extract.intake.pages import (
    parse_credit,
    repaired_text,
    split_page,
    split_text,
)
from extract.intake.read import read_txt
from schemas.pages import Article, Page
from schemas.records import ExtractedDocument

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent / "pages"
FILES = {
    "seed": ROOT / "corpus/texts/seed/000_34d8ece5c389fe8a.txt",
    "openaxo": HERE / "openaxo_page.txt",
    "gov": HERE / "gov_page.txt",
}
D = dt.date


def item(kind, section, headline, subheadline, reporters, correspondents, others, dateline, date, body,
         credits=()):
    return dict(kind=kind, section=section, headline=headline, subheadline=subheadline,
                reporters=reporters, correspondents=correspondents, others=others,
                dateline=dateline, date=date, body=body, credits=list(credits))


EXPECTED = {
    "seed": [
        item("feature", None, "国家高新区成为重要创新策源地", "集聚全国1/3高新技术企业、2/3科创板上市企业",
             ["崔爽"], [], [], None, D(2024, 1, 4), "“截至2023年11月，国家高新区"),
        item("report", "园镜头", "新型储能特色企业达56家", "广东肇庆高新区",
             ["龙跃梅"], ["方斌", "赖小琴"], [], D(2023, 12, 28), D(2023, 12, 28), "2023年12月28日，记者从广东"),
        item("report", "园镜头", "全面铸造数字经济新引擎", "郑州高新区",
             ["孙越"], ["刘地", "杨建伟"], [], D(2023, 12, 29), D(2023, 12, 29), "2023年12月29日，科技日报记者"),
        item("report", "园镜头", "构建“四最”营商环境", "内江国家高新区",
             ["李昭宇"], [], ["蒋思捷", "陈科"], D(2024, 1, 2), D(2024, 1, 2), "1月2日，记者从内江国家高新区"),
        item("photo", "园光影", "河北迁西建现代农业园区助推乡村振兴", None,
             None, None, None, None, D(2024, 1, 4), "近年来，河北省迁西县大力发展",
             credits=["新华社记者 牟宇摄"]),
        item("feature", None, "以服务“加减法”促发展“节节高”", "内蒙古准格尔经济开发区优化营商环境",
             ["张景阳"], ["王丽曼"], [], None, D(2024, 1, 4), "内蒙古果计划食品科技有限公司",
             credits=["王丽曼摄"]),
        item("feature", None, "打造城市数字经济新名片", "山西临汾尧都高新区牵手百度智能云",
             ["马爱平"], [], [], None, D(2024, 1, 4), "当前，在山西省临汾市尧都"),
    ],
    "openaxo": [
        item("feature", None, "人民币汇率强势表现与升值动因分析", "市场、政策与机构展望",
             ["张三"], [], [], D(2025, 12, 15), D(2025, 12, 15), "12月15日，外汇市场迎来"),
        item("report", "财经快讯", "日韩A股齐跌，美联储政策受关注", "亚太股市全线下跌",
             ["李四"], ["王五"], [], D(2025, 12, 16), D(2025, 12, 16), "12月16日，亚太股市全线下跌"),
        item("report", "财经快讯", "中国外贸前11个月贸易顺差首破万亿美元", None,
             ["李四"], [], [], D(2025, 12, 8), D(2025, 12, 8), "2025年12月8日，中国海关总署"),
        item("photo", "图片新闻", "2026年全国硕士研究生招生考试初试开考", None,
             None, None, None, None, D(2025, 12, 17), "晨曦中的西北工业大学", credits=["赵六摄"]),
        item("feature", None, "单月出口量与新能源汽车占比同创历史新高", "11月中国汽车出口首破70万辆大关",
             ["赵六"], ["孙七"], [], None, D(2025, 12, 17), "中国汽车工业协会在2025年",
             credits=["孙七摄"]),
    ],
    "gov": [
        item("feature", None, "首批国家级零碳园区建设名单陆续落地",
             "各地政府工作报告聚焦园区建设 来自山西、湖北、宁夏的政府工作报告",
             ["周八", "钱一"], [], [], None, D(2026, 2, 6), "加强科技创新，驱动能源转型"),
        item("report", "两会速递", "甘肃加快嘉峪关国家高新区建设", None,
             ["吴九"], [], [], D(2026, 1, 27), D(2026, 1, 27), "优化提升传统产业。"),
        item("report", "两会速递", "支持崖州湾科技城创建国家级高新区", "海南省政府工作报告提出",
             ["吴九"], ["郑十"], [], None, D(2026, 2, 6), "自贸港重点园区要挑大梁"),
        item("plain", None, "推进国家级零碳园区建设", "新疆维吾尔自治区政府工作报告",
             None, None, None, None, D(2026, 2, 6), "打好污染防治攻坚战"),
    ],
}

# Words the layout broke across lines; the repaired text must hold each of them whole.
BROKEN = {
    "seed": ["大数据", "尧都区委", "内江高新杯", "数字经济发展先机", "培育发展新型储能", "政策扶持下",
             "园区帮助我们", "限时办结", "原创成果在高新区", "在多方共同努力下"],
    "openaxo": ["非美货币", "季节性因素", "就加息", "集成电路", "产销量环比、同比", "首次突破70万辆大关"],
    "gov": ["阳泉高新区", "石嘴山高新区", "嘉峪关国家高新区", "经济主战场", "上库高新技术产业开发区"],
}

# The subheads inside articles: the only repaired body lines allowed to end without punctuation.
SUBHEADS = {
    "seed": {"专属服务助推项目“加速跑”", "贴心配套使人才留得住", "“一站式”办结让企业少跑腿"},
    "openaxo": {"升值动因", "核心数据概览"},
    "gov": set(),
}
SENTENCE_END = tuple("。！？”』」）)…")


@pytest.fixture(scope="module", params=sorted(FILES))
def page(request):
    document = read_txt(FILES[request.param])
    return request.param, document, split_page(document)


def _cases():
    return [(name, n) for name in sorted(EXPECTED) for n in range(len(EXPECTED[name]))]


@pytest.fixture(scope="module")
def split_all():
    documents = {name: read_txt(path) for name, path in FILES.items()}
    return {name: (d, split_page(d)) for name, d in documents.items()}


# --- the items, listed by hand ---------------------------------------------------------------
def test_exactly_the_listed_items(page):
    name, document, articles = page
    assert [a.headline for a in articles] == [e["headline"] for e in EXPECTED[name]]
    assert [a.id for a in articles] == [f"{document.id}#{n}" for n in range(1, len(articles) + 1)]


@pytest.mark.parametrize("name,n", _cases())
def test_item(split_all, name, n):
    document, articles = split_all[name]
    want, got = EXPECTED[name][n], articles[n]
    page_text = document.text
    assert (got.kind, got.section, got.headline, got.subheadline) == \
        (want["kind"], want["section"], want["headline"], want["subheadline"])
    if want["reporters"] is None:
        assert got.byline is None
    else:
        assert (got.byline.reporters, got.byline.correspondents, got.byline.others) == \
            (want["reporters"], want["correspondents"], want["others"])
        assert page_text[got.byline.start : got.byline.end] == got.byline.raw
    assert (got.dateline_date, got.date) == (want["dateline"], want["date"])
    assert page_text[got.body_start :].startswith(want["body"])
    assert [c.credit for c in got.captions] == want["credits"]
    for c in got.captions:
        assert page_text[c.start : c.end] == c.text and c.text.endswith("摄")


def test_titles_sit_at_the_start_of_their_article(page):
    name, document, articles = page
    for a in articles:
        assert document.text[a.start :].startswith(a.title_lines[0])
        assert a.title == " ".join(a.title_lines)


def test_articles_are_ordered_disjoint_and_cover_the_text(page):
    name, document, articles = page
    Page(id=document.id, date=document.date, articles=articles)  # validates disjointness
    text = document.text
    covered = [False] * len(text)
    for a in articles:
        for i in range(a.start, a.end):
            covered[i] = True
    sections = {a.section for a in articles if a.section}
    # what no article covers is blank, or a section head
    gaps = "".join(ch if not c else "\n" for ch, c in zip(text, covered)).split()
    assert set(gaps) <= sections


# --- layout repair -------------------------------------------------------------------------
@pytest.mark.parametrize("name,word", [(n, w) for n in sorted(BROKEN) for w in BROKEN[n]])
def test_no_word_left_broken(split_all, name, word):
    document, articles = split_all[name]
    assert word in clean(document.text).text
    assert any(word in repaired_text(document.text, a) for a in articles)


def test_every_repaired_body_line_ends_a_sentence(page):
    name, document, articles = page
    for a in articles:
        text = clean(document.text[a.body_start : a.body_end]).text
        for line in filter(None, (x.strip() for x in text.split("\n"))):
            assert line.endswith(SENTENCE_END) or line.endswith("摄") or line in SUBHEADS[name], line


def test_the_caption_is_lifted_out_of_the_sentence_it_interrupts(split_all):
    document, articles = split_all["seed"]
    feature = articles[5]
    text = repaired_text(document.text, feature)
    sentence = "为进一步强化服务保障，让企业少跑路、多办事，2023年11月份，在多方共同努力下，准格尔经济开发区政务服务分中心正式投入运行。"
    assert sentence in text
    caption = feature.captions[0]
    assert caption.text == "在准格尔经济开发区企业内蒙古玉晶科技有限公司，生产车间内的机械臂正在进行项目生产。王丽曼摄"
    assert caption.photographers == ["王丽曼"]
    assert text.index(caption.text) > text.index(sentence)  # after the paragraph, not inside it
    assert feature.body_start < caption.start < caption.end < feature.body_end


# --- mentions per article ------------------------------------------------------------------
needs_park = pytest.mark.skipif(importlib.util.find_spec("extract.park.rules") is None, reason="no PARK module")
# The labels whose module is there (others may still be missing while they are written).
LABELS = [label for label, target in registry.EXTRACTORS.items()
          if importlib.util.find_spec(target.partition(":")[0]) is not None]


@pytest.mark.skipif(not LABELS, reason="no label module yet")
def test_mentions_keep_page_offsets_and_carry_the_article_id(page):
    name, document, articles = page
    results = extract_pages(document, labels=LABELS)
    assert [r.id for r in results] == [a.id for a in articles]
    assert sum(len(r.spans) for r in results) > 0
    for r, a in zip(results, articles):
        assert r.date == a.date
        for m in r.spans:
            assert m.article_id == a.id
            assert document.text[m.start : m.end] == m.text
            assert a.start <= m.start < m.end <= a.end


@needs_park
def test_page_documents_for_extract_pages(split_all):
    document, articles = split_all["seed"]
    pairs = extract_page_documents(document, labels=["PARK"])
    assert [i for i, _ in pairs] == [a.id for a in articles]
    for article_id, ex in pairs:
        assert isinstance(ex, ExtractedDocument) and ex.id == article_id
        ExtractedDocument(id=ex.id, text=document.text, spans=ex.spans)  # page offsets check out
    neijiang = dict(pairs)["000_34d8ece5c389fe8a#4"]
    assert neijiang.date == D(2024, 1, 2)
    assert {m.text for m in neijiang.spans} >= {"内江国家高新区", "内江高新区"}


@pytest.mark.skipif(importlib.util.find_spec("extract.date.rules") is None, reason="no DATE module")
def test_the_article_date_resolves_year_less_dates(split_all):
    document, _ = split_all["seed"]
    spans = dict(extract_page_documents(document, labels=["DATE"]))["000_34d8ece5c389fe8a#4"].spans
    assert ("1月2日", "2024-01-02") in {(m.text, m.value.value) for m in spans}


# --- pieces --------------------------------------------------------------------------------
@pytest.mark.parametrize("credit,reporters,correspondents,others", [
    ("记者龙跃梅 通讯员方斌 赖小琴", ["龙跃梅"], ["方斌", "赖小琴"], []),
    ("蒋思捷 陈科 实习记者李昭宇", ["李昭宇"], [], ["蒋思捷", "陈科"]),
    ("本报记者 张景阳 通讯员 王丽曼", ["张景阳"], ["王丽曼"], []),
    ("新华社记者 牟宇", ["牟宇"], [], []),
    ("记者 阿不都·热合曼、王五", ["阿不都·热合曼", "王五"], [], []),
    ("通讯员郑十记者吴九", ["吴九"], ["郑十"], []),
])
def test_parse_credit(credit, reporters, correspondents, others):
    names = parse_credit(credit)
    assert (names.reporters, names.correspondents, names.others) == (reporters, correspondents, others)


@pytest.mark.parametrize("credit", ["", "记者", "新型储能特色企业达56家", "以下简称肇庆时代"])
def test_not_a_credit(credit):
    assert parse_credit(credit) is None


@pytest.mark.parametrize("lead,page_date,want", [
    ("1月2日，记者从园区获悉", D(2024, 1, 4), D(2024, 1, 2)),
    ("12月30日，记者从园区获悉", D(2024, 1, 4), D(2023, 12, 30)),  # the nearest year
    ("2023年12月28日，记者从园区获悉", D(2024, 1, 4), D(2023, 12, 28)),
    ("12月20日上午8:30，考试开始", D(2025, 12, 21), D(2025, 12, 20)),
    ("十二月二十八日，记者从园区获悉", D(2024, 1, 4), D(2023, 12, 28)),
    ("二〇二三年十二月廿八日，记者从园区获悉", D(2024, 1, 4), D(2023, 12, 28)),  # DATE's own numbers
    ("2月30日，记者从园区获悉", D(2024, 1, 4), None),  # no such day in any year near the page
    ("1月2日，记者从园区获悉", None, None),  # no page date: a year-less dateline stays unknown
    ("日前，记者从园区获悉", D(2024, 1, 4), None),
    ("2023年，园区实现产值", D(2024, 1, 4), None),
])
def test_dateline(lead, page_date, want):
    text = f"园区新闻标题\n\n本报讯（记者 张三）{lead}。\n"
    (article,) = split_text(text, "p", page_date)
    assert article.dateline_date == want
    assert article.date == (want or page_date)


def test_a_single_title_line_before_body_text_is_a_subhead():
    text = "园区加快发展\n\n◎本报记者 张三\n\n第一段。\n\n小标题在这里\n\n第二段。\n"
    (article,) = split_text(text, "p")
    assert article.headline == "园区加快发展" and article.end == len(text) - 1


def test_article_records_check_their_offsets():
    with pytest.raises(ValueError):
        Article(id="p#1", page_id="p", kind="plain", start=10, end=20, body_start=5, body_end=20)


# --- command line --------------------------------------------------------------------------
def test_split_command_prints_articles_as_jsonl(tmp_path):
    from click.testing import CliRunner

    from extract.cli import main

    bare = tmp_path / "page.txt"
    bare.write_text(FILES["seed"].read_text(encoding="utf-8"), encoding="utf-8")
    result = CliRunner().invoke(main, ["split", str(FILES["seed"]), str(bare), "--date", "2024-01-05", "--text"])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(rows) == 14
    assert rows[3]["headline"] == "构建“四最”营商环境" and "内江高新杯" in rows[3]["text"]
    assert rows[0]["date"] == "2024-01-04" and rows[7]["date"] == "2024-01-05"  # sidecar, else --date


# --- cost ----------------------------------------------------------------------------------
def test_split_is_linear():
    seed = FILES["seed"].read_text(encoding="utf-8")

    small, large = seed * 4, seed * 40
    best = {len(small): float("inf"), len(large): float("inf")}
    for _ in range(5):  # interleaved, best of five: a loaded machine slows both sizes alike
        for text in (small, large):
            t0 = time.perf_counter()
            split_text(text, "p")
            best[len(text)] = min(best[len(text)], time.perf_counter() - t0)
    assert best[len(large)] / best[len(small)] < 20
