"""The fact stage: a document's mentions → `Fact` records (corpus/FACTS.md).

It runs after the extractors and knows no extractor: it reads the mentions (PARK, DATE, MONEY,
PERCENT), the COUNTs it finds itself (``extract.facts.count``), the lexicon words
(``extract.facts.lexicon``) and the sentences of ``extract.intake.sentences``. One left-to-right
pass over the items of each clause; state is carried across clauses, sentences and paragraphs
(subject, period) and reset at a headline. Linear in the text and the number of items.

Correct or absent: whatever is ambiguous (two subjects before one value, a 分别 list whose
counts differ, a figure with no indicator) gives no fact.
"""

from __future__ import annotations

import bisect
import datetime as dt
from dataclasses import dataclass, field, replace
from decimal import Decimal
from operator import attrgetter
from typing import Iterable, Sequence

import regex

from extract.facts.count import find_counts
from extract.facts.lexicon import Lexicon, Word, load
from extract.facts.rules import NAMES, QIZHONG
from extract.facts.places import division_names
from extract.segment import counted_phrase_start
from extract.intake.sentences import Sentence, split
from extract.numeral.variants import simplified_view
from extract.segment import word_starts
from schemas.facts import Fact
from schemas.records import Mention

CLAUSE_MARKS = frozenset("，,；;：:")
_CLAUSE_MARK = regex.compile("[" + regex.escape("".join(sorted(CLAUSE_MARKS))) + "]")
_TERMINAL = frozenset("。！？!?…")
HEADLINE_MAX = 40
# A photo caption or credit line (▲发布会现场, （新华社发 XX供图）, 摄影|记者…, 图为…): neither a
# headline (it starts no new article) nor text the article's facts are read from.
_CAPTION = regex.compile(r"^\s*[▲△▼●■◆]|^\s*图为|^\s*[（(【\[][^）)】\]]*(?:供图|摄)[）)】\]]\s*$|供图[）)]?\s*$|摄影\s*[|｜:：]|^\s*[（(]?图片来源")
VALUE = ("MONEY", "PERCENT", "COUNT")
_SEGMENT_LIST_TAIL = regex.compile(r"等(?:主导|重点|新兴|优势|支柱)?(?:行业|产业|领域)?$")  # 生物医药、新材料等主导行业
_SEGMENT_NAME = regex.compile(r"\p{Han}[\p{Han}A-Za-z]{1,15}")
_NP_BREAK = regex.compile(r"[的了是为有在和与及、，,；;：:。\s]|实现|完成|达到|新增|引进")  # not inside one noun phrase
_BENCHMARK = regex.compile(r"高于|低于|快于|慢于|领先|落后|拉动|带动")  # a gap to a benchmark, a contribution to another growth
_THRESHOLD_LATER = regex.compile(r"(?:以上|以下)\p{Han}")
_VERB_ONLY = regex.compile(r"\s*(?:累计|共|已)?(?:实现|完成|达到)")  # a clause that opens with its verb
_CHILD_VERB = regex.compile(r"(?:实现|完成|达到|达|为)")  # 其中，规上工业企业完成X: the verb before a child's value
_ACTIVE = frozenset((*VALUE, "PARK", "group", "DATE"))  # the items a sentence needs to be read
COUNT_IDS = frozenset({"enterprises", "hitech_enterprises", "listed_companies", "employees", "invention_patents",
                       "rd_institutions", "projects_signed", "projects_started", "zones"})
MONEY_IDS = frozenset({"gdp", "operating_revenue", "industrial_output", "industrial_value_added", "net_profit",
                       "total_profit", "taxes_paid", "tax_revenue", "fiscal_revenue", "general_budget_revenue",
                       "export", "import", "trade_total", "fdi_actual", "fixed_asset_investment",
                       "industrial_investment", "retail_sales", "rd_expenditure", "projects_signed",
                       "projects_started", "investment_attracted"})
# What may stand between an indicator and its value (实现营业收入X, 营业收入达到X, 总数达178家).
_LINK = regex.compile(r"^(?:了|共|已|累计|分别|实现|完成|达到|达|为|是|有|约|共计|合计|总计|超过|超|近|接近|将近|高达|突破|逾|"
                      r"预计|预期|有望|将){0,3}$")  # a modality word between is read as the modality
# What stands before a generic 企业 that is counted: a verb of having (拥有新型储能企业56家).
_HAVE = regex.compile(r"^$|(?:拥有|有|集聚|聚集|汇聚|现有|共有|新增|新设|新注册|净增|新引进|引进|培育|入驻|落户|认定|累计|区内|园区|全区)[^，,；;。、的\d]{0,10}$")
_SEGMENT_TAIL = regex.compile(r"(?:业|领域|集群|产品)$")  # 企业, 产业, 行业, 软件业, 服务业 …
# A counted phrase is not a segment (27个行业, 前六大行业).
_NOT_SEGMENT = regex.compile(r"^(?:\d|[一二三四五六七八九十\d]+个|前[一二三四五六七八九十\d]+大?|第(?![一二三]产业))")
_SEGMENT_STOP = regex.compile(r"[的了有等和及与、已共在从对向将让使把被以其\d\s“”\"（）()【】《》·，,；;：:。]")
# What opens a noun phrase without being part of the segment: time words and verbs of having.
_SEGMENT_HEAD = regex.compile(r"^(?:其中|全年|今年|去年|当年|年内|同期|期间|[^，,；;。]{0,6}时间内|累计|"
                              r"拥有|集聚|聚集|汇聚|培育|新引进|引进|新增|新设|新注册|净增|落户|入驻|现有|共有|"
                              r"全区|园区|区内|该区|本区|辖区)+")
# A park or group right after one of these verbs (and its count) is an object, not the subject.
_OBJECT_VERB = regex.compile(r"(?:建设|设立|获批|批复|建成|创建|认定|升级为|成为)了?(?:[\d.]+[万]?[家个])?\Z")
# The ``other`` indicator: a noun phrase of word characters ending in a head noun of a measure.
_OTHER_TAIL = regex.compile(r"(?:了|共|已|累计|分别|实现|完成|达到|达|为|是|有|约|共计|合计|总计|超过|超|近|逾|预计|"
                            r"同比|比上年同期|比上年|较上年同期|较上年|比去年同期|比去年|较去年同期|较去年|名义|实际|按可比价格计算|"
                            r"增长|增加|提高|上升|下降|减少|回落)+\Z")
_OTHER_NP = regex.compile(r"[\p{Han}A-Za-z&]+\Z")
_OTHER_HEAD = regex.compile(r"^(?:其中|全区|全市|全省|园区|该区|本区|区内|实现|完成|主要|各类|重点)+")
_OTHER_NOUN = regex.compile(r"(?:额|值|收入|投资|利润|资金|资本|面积|产量|总量|税金|税费)\Z")
_OTHER_COMPARISON = regex.compile(r"高于|低于|快于|慢于|领先|超出|个月|年来")  # 9个月高于市建安投资: a comparison, no name
# A year-less period of months, quarters or halves (not a day): XXXX-01/XXXX-11, XXXX-Q3, XXXX-H1.
_YEARLESS_PERIOD = regex.compile(r"XXXX-(?:\d\d|Q[1-4]|H[12])(?:/XXXX-(?:\d\d|Q[1-4]|H[12]))?")
# 全年 with no DATE of its own: the whole year of the period the sentence inherits.
_WHOLE_YEAR = regex.compile(r"全年")
_LINK_HEAD = regex.compile(r"[，,；;\s]*(?:已|再|并|又|最终|全年)?(?:达到|达|实现|完成|为|升至|增至)")  # ，达到X: the value of the clause before
_PARK_WORDS = frozenset({"高新区", "开发区", "经开区"})  # a province + one of these names the province's zones
_HEAD_SPACE = frozenset(" \u3000，,、：:")
_HEAD_TIME = ("同期", "同时", "今年", "去年", "全年", "当年", "年内")
# A span the sentence states itself, with no DATE: 挂牌十年来, 成立以来, 多年来.
_SINCE = regex.compile(r"[十百几多两三四五六七八九\d]年来|(?:挂牌|成立|设立|获批|建区|开园|运行|启动|建设)以来")
_MEMBER_LIST = regex.compile(r"(?:\p{Han}{2,4}、)+\p{Han}{2,4}(?:等|和\p{Han}{2,4})?\Z")
_NOT_OTHER = frozenset({"总额", "金额", "价值", "产值", "总值", "投资", "收入", "资金", "总投资", "投资额"})
# A clause head ``NAME 完成/实现 …``: the doer of the verb stands before it.
_DOER = regex.compile(r"\s*(?:\d{1,4}[-—~至]\d{1,2}月|前三季度|上半年|全年|今年)?[，,]?\s*(\p{Han}{2,8}?)(?:完成|实现|达到)")
# A sentence that opens with a sector and a short predicate of no figure (电子信息产业生态更加完善，
# 航空制造产业加速蓄势，): the figures of the sentence are the sector's.
_TOPIC_SECTOR = regex.compile(r"(?![据从由在对为])(\p{Han}{1,10}?(?:产业|行业|制造业|服务业))\p{Han}{2,8}[，,]")
# What a segment never reaches back across.
_SEGMENT_BOUNDS = frozenset(("anaphor", "PARK", "group", "DATE", "MONEY", "PERCENT", "COUNT"))
# A clause about the share of the figure before it (占比/比重 提高N个百分点): its change is the share's.
_SHARE_CLAUSE = regex.compile(r"[，,；;\s]*(?:其|所)?(?:占比|比重|所占比重|占比重)")
_VERB_TAIL = regex.compile(r"(?:实现|完成|达到|达|为|共|已|累计)+$")
_BASIS_OF_MARK = {"vs_year_end"}
_PROVINCE_SUFFIX = regex.compile(r"(省|市|壮族自治区|回族自治区|维吾尔自治区|自治区)$")
PROJECT_IDS = frozenset({"projects_signed", "projects_started"})


@dataclass(slots=True)
class Item:
    start: int
    end: int
    kind: str                 # PARK, DATE, MONEY, PERCENT, COUNT, or a lexicon word kind
    data: object = None       # the mention value / Count / lexicon data
    text: str = ""


@dataclass(slots=True)
class Subj:
    kind: str
    canonical: str
    park_id: str | None = None
    region: str | None = None
    count: int | None = None
    start: int | None = None
    end: int | None = None
    sentence: int = -1        # the sentence that named it
    headline: bool = False

    def record(self, sentence: int, how: str | None = None) -> dict:
        here = self.sentence == sentence and not self.headline
        resolved = how or ("explicit" if here else ("headline" if self.headline else "carried"))
        d = {"kind": self.kind, "canonical": self.canonical, "park_id": self.park_id,
             "region": self.region, "count": self.count,
             "start": self.start if here and resolved == "explicit" else None,
             "end": self.end if here and resolved == "explicit" else None,
             "resolved_by": resolved}
        return d


@dataclass(slots=True)
class Draft:
    """A fact being built; turned into a validated `Fact` at the end of its sentence."""

    subject: dict
    indicator: Item
    scope: str | None
    segment: str | None
    period: dict | None
    value: dict | None
    modality: str
    rule: str
    clause: int
    changes: list = field(default_factory=list)
    share: dict | None = None


@dataclass(slots=True)
class _Walk:
    """Where the walk over one sentence stands: what carries from clause to clause (the facts
    drafted, the modality, a 其中, an indicator left without a figure) and what the clause read."""

    s: Sentence
    headline: bool
    drafts: list[Draft] = field(default_factory=list)
    modality: str = "actual"
    anaphor_sentence: bool = False
    blocked_sentence: bool = False
    last_project: Item | None = None   # the project count 总投资 belongs to
    child_of: Subj | None = None       # the subject a 其中 member stands in for
    inds_seen: list[Item] = field(default_factory=list)  # the sentence's indicators, in order
    qizhong: bool = False              # a clause so far opened with 其中: the rest are its parts
    carried: tuple[Item, str | None] | None = None  # an indicator the clause before left without a figure
    bridge_price: str | None = None    # the price basis a clause of its own gives the next one
    topic_segment: str | None = None   # a sector the sentence opens with, in a clause of no figure
    # -- the clause (`open_clause`)
    ci: int = 0
    c0: int = 0
    its: list[Item] = field(default_factory=list)
    zip_changes: bool = False          # a 分别 clause of changes: collected, zipped at its end
    collected: list[dict] = field(default_factory=list)
    pending: Item | None = None        # an indicator waiting for its value
    pending_scope: str | None = None
    scope: str | None = None
    seen_value: bool = False
    only_milestone: bool = False       # the clause's figure was a milestone (突破千亿元) and nothing else
    subjects_here: list[Subj] = field(default_factory=list)
    anaphor_here: bool = False
    stock: bool = False
    last_change: Item | None = None
    last_change_start: int = -1
    change_from: int = -1              # where the change words before the next value start
    last_basis: str | None = None
    price: str | None = None
    milestone_at: int = -10
    after_share: int = -10
    last_value_end: int = -1
    blocked: bool = False

    def open_clause(self, ci: int, c0: int, its: list[Item], zip_changes: bool) -> None:
        """Start clause ``ci``: its own state afresh, what the sentence carries kept."""
        self.ci, self.c0, self.its, self.zip_changes = ci, c0, its, zip_changes
        self.qizhong = self.qizhong or (bool(its) and its[0].kind == "qizhong" and its[0].start - c0 <= 1)
        self.collected, self.subjects_here = [], []
        self.pending = self.pending_scope = self.scope = self.last_change = self.last_basis = None
        self.seen_value = self.only_milestone = self.anaphor_here = self.stock = False
        self.last_change_start = self.change_from = self.last_value_end = -1
        self.milestone_at = self.after_share = -10
        self.price, self.bridge_price = self.bridge_price, None
        self.blocked = self.blocked_sentence


# The words that only set what the walk reads the next figure with: kind → (the `_Walk` field,
# what of the word it keeps). The change words among them also mark where a change's words start.
_STATE_WORDS = {
    "stock": ("stock", lambda it: True),
    "modality": ("modality", attrgetter("data")),
    "scope": ("scope", attrgetter("data")),
    "basis": ("last_basis", attrgetter("data")),
    "price": ("price", attrgetter("data")),
    "up": ("last_change", lambda it: it),
    "down": ("last_change", lambda it: it),
    "milestone": ("milestone_at", attrgetter("end")),
    "share": ("after_share", attrgetter("end")),
}
_CHANGE_WORDS = frozenset(("basis", "price", "up", "down"))
# The `_Reader` method that reads an item other than a value, by kind (any other kind is passed over).
_ITEM_READERS = {"PARK": "_read_subject", "group": "_read_subject", "blocker": "_read_blocker",
                 "anaphor": "_read_anaphor", "DATE": "_read_date", "ind": "_read_indicator",
                 **dict.fromkeys(_STATE_WORDS, "_read_state_word")}


def extract_facts(text: str, mentions: Sequence[Mention], date: dt.date | None = None,
                  lexicon: Lexicon | None = None) -> list[Fact]:
    """The facts of ``text`` from its ``mentions`` (original offsets). ``date`` is the document
    date (kept for year-less periods the mentions already resolved; never today's clock)."""
    lex = lexicon or load()
    sentences = split(text)
    if not sentences:
        return []
    view = simplified_view(text)  # 營業收入, 國家高新區: words read in simplified, same offsets
    items = _items(view, mentions, lex)
    if not any(it.kind == "ind" and it.data == "fiscal_revenue" for it in items):
        # 一般公共预算收入 is the fiscal revenue unless the document also writes 财政收入 (FACTS.md)
        for it in items:
            if it.kind == "ind" and it.data == "general_budget_revenue":
                it.data = "fiscal_revenue"
    facts = _Reader(view, sentences, items, lex, original=text, date=date).run()
    return sorted(facts, key=_text_order)  # stable: facts of one figure keep the order they were read in


def _text_order(f: Fact) -> tuple[int, int]:
    """A fact's place in the text: its sentence, then its figure (value, first change or share)."""
    at = f.value or (f.changes[0] if f.changes else None) or f.share
    return (f.sentence[0], at.start if at is not None else f.indicator.start)


def _items(text: str, mentions: Sequence[Mention], lex: Lexicon) -> list[Item]:
    spans = sorted((m.start, m.end) for m in mentions)
    out: list[Item] = []
    names: dict = {}  # label → its name (an enum's .value is a descriptor call per mention)
    for m in mentions:
        name = names.get(m.label) or names.setdefault(m.label, m.label.value)
        out.append(Item(m.start, m.end, name, m.value, m.text))
    for c in find_counts(text, spans):
        out.append(Item(c.start, c.end, "COUNT", c, text[c.start:c.end]))
    starts = [s for s, _ in spans]
    n = len(spans)
    for w in lex.words(text):
        ws, we = w.start, w.end
        k = bisect.bisect_right(starts, ws) - 1
        # a word inside a mention (园区 in 示范园区) is the mention's: the mention starting at or
        # before it, or the next one, overlaps it
        if (k >= 0 and ws < spans[k][1]) or (k + 1 < n and spans[k + 1][0] < we):
            continue
        if w.kind == "none":
            continue
        if w.kind == "sector_ind":  # 营利性服务业收入: 收入 the indicator, the sector its segment
            ws = text.index("业", ws, we) + 1  # after the 业 of the form (业收入, 制造业增加值)
            w = Word(ws, we, "ind", w.data)
        out.append(Item(ws, we, w.kind, w.data, text[ws:we]))
    out.sort(key=lambda i: (i.start, i.end))
    return out


class _Reader:
    def __init__(self, text: str, sentences: list[Sentence], items: list[Item], lex: Lexicon,
                 original: str | None = None, date: dt.date | None = None):
        self.date = date                       # the document's date: a later period is no actual figure
        self.text = text                       # what the rules read (the simplified view)
        self.original = text if original is None else original  # what the records quote
        self.sentences = sentences
        self.items = items
        self.lex = lex
        self.facts: list[Fact] = []
        self.subject: Subj | None = None
        self.headline_subject: Subj | None = None
        self.group_counts: dict[tuple[str, str | None], int] = {}
        self.in_headline = False
        self.period: dict | None = None

    # -- the walk --------------------------------------------------------------------------
    def run(self) -> list[Fact]:
        k = 0
        by_para: dict[int, list[Sentence]] = {}
        for s in self.sentences:
            by_para.setdefault(s.paragraph, []).append(s)
        lead_period: dict | None = None   # the period an article's headline or lead states
        lead_done = False
        items = self.items
        active = [i for i, it in enumerate(items) if it.kind in _ACTIVE]  # indexes, in order
        a = 0
        for para in sorted(by_para):
            sents = by_para[para]
            if self._is_caption(sents):
                k = self._skip(k, sents[-1].end)
                continue
            headline = self._is_headline(sents)
            if headline and not self.in_headline:
                self.subject = None          # a new article starts under its headline
                self.headline_subject = None
                lead_period, lead_done = None, False
            self.in_headline = headline
            # A paragraph that names no subject of its own continues the article's: the subject
            # carries across paragraphs until a park or a group takes its place; the period of
            # the lead (the article's first paragraph, when it states exactly one) governs every
            # later paragraph until a DATE of its own (corpus/facts/LABELLING.md D-db2, D10).
            # A headline starts a new article.
            self.period = {**lead_period, "sentence": -1} if lead_period else None
            self._periods: dict[str, dict] = {}  # the periods this paragraph's DATEs set, by value
            for s in sents:
                i0 = k
                while k < len(items) and items[k].start < s.end:
                    k += 1
                # Only a value makes a fact, and only a subject or a DATE changes what carries on:
                # a sentence with neither (words alone: 增长, 预计, 该区 …) is skipped unread.
                while a < len(active) and active[a] < i0:
                    a += 1
                if a < len(active) and active[a] < k:
                    self._sentence(s, [it for it in items[i0:k] if it.start >= s.start], headline)
            if not headline and not lead_done:
                # A lead that states one reporting period governs the article. A day that is not a
                # stock date is a dateline (10月21日电, 2月13日，记者获悉): not a period, and no rival.
                # A paragraph that states none (a teaser, a byline, a dateline alone) is not the lead.
                stated = [p for v, p in self._periods.items() if len(v) != 10 or p["kind"] == "stock"]
                if len(stated) == 1:
                    lead_period = stated[0]
                lead_done = bool(stated)
        return self.facts

    def _is_caption(self, sents: list[Sentence]) -> bool:
        return len(sents) <= 2 and sents[-1].end - sents[0].start <= HEADLINE_MAX and bool(
            _CAPTION.search(self.text[sents[0].start:sents[-1].end]))

    def _skip(self, k: int, end: int) -> int:
        """The index of the first item at or after ``end`` (the items before are passed over)."""
        while k < len(self.items) and self.items[k].start < end:
            k += 1
        return k

    def _is_headline(self, sents: list[Sentence]) -> bool:
        if len(sents) != 1:
            return False
        s = sents[0]
        body = self.text[s.start:s.end].rstrip("”’\"」』）)")
        return s.end - s.start <= HEADLINE_MAX and bool(body) and body[-1] not in _TERMINAL

    def _sentence(self, s: Sentence, items: list[Item], headline: bool) -> None:
        """Read one sentence clause by clause; its facts are emitted at its end, and none when a
        clause abstains (a 分别 list of changes that does not zip)."""
        self._zipped: set[int] = set()
        self._change_zip: set[int] = set()
        clauses = self._walked_clauses(s, items)
        if clauses is None:
            return
        w = _Walk(s, headline)
        for ci, (c0, _, its) in enumerate(clauses):
            self._open_clause(w, ci, c0, its)
            for j, it in enumerate(its):  # `its` may change ahead of j (an indicator read with its COUNT)
                if not self._read_item(w, j, it):
                    break  # two subjects, one figure: which is whose is not written
            if not self._close_clause(w):
                return
        for d in w.drafts:
            self._emit(d, s)
        if w.child_of is not None:
            self.subject = w.child_of

    def _walked_clauses(self, s: Sentence, items: list[Item]) -> list[tuple[int, int, list[Item]]] | None:
        """The clauses the walk reads; None when a list reader took the whole sentence (从…到,
        segments or parks 分别) or a 分别 list does not zip one to one."""
        resp = any(it.kind == "resp" for it in items)
        if self._from_to(s, items) or (resp and self._segments_respectively(s, items)):
            return None
        if resp and self._subjects_respectively(s, items, "actual"):
            return None
        used = self._shares_respectively(s, items) if resp else None
        if used is not None:  # the rest of the sentence is read as usual
            items = [it for it in items if id(it) not in used]
            resp = any(it.kind == "resp" for it in items)
        clauses = self._clauses(s, items)
        if resp and not self._respectively(s, clauses):
            return None  # a 分别 list we cannot zip exactly: nothing from this sentence
        return clauses

    def _open_clause(self, w: _Walk, ci: int, c0: int, its: list[Item]) -> None:
        """Start clause ``ci`` afresh; an indicator the clause before left without a figure waits
        on when this one opens with a change or a linked value."""
        self._clause_start = c0
        w.open_clause(ci, c0, its, ci in self._change_zip)
        carried, w.carried = w.carried, None
        if carried is not None and its and (its[0].kind in ("basis", "up", "down") and its[0].start - c0 <= 1
                                            or self._opens_with_value(its, c0)):
            w.pending, w.pending_scope = carried  # 营业收入保持较快增长势头，同比增长15% / 突破万亿元，达到1.05万亿元

    def _topic(self, w: _Walk) -> None:
        """A sentence opening with a sector in a clause of no figure (航空制造产业加速蓄势，…): the
        sector the sentence's figures are about."""
        if not w.its and not w.drafts and not w.headline and w.c0 == w.s.start:
            m = _TOPIC_SECTOR.match(self.text, w.c0)
            if m is not None and not _SEGMENT_HEAD.match(m.group(1)) and not _NOT_SEGMENT.match(m.group(1)):
                w.topic_segment = self.original[m.start(1):m.end(1)]

    @staticmethod
    def _bridge(w: _Walk) -> None:
        """A clause of only a price basis, a milestone or no figure keeps the figure of the clause
        before open to the change of the next: …3112亿元，按可比价格计算，增长11.8% (the basis goes
        with it), …405亿元，首次突破400亿，同比增长15%, …100亿元，居全省第一，增长5%."""
        drafts, ci = w.drafts, w.ci
        if not drafts or drafts[-1].clause != ci - 1:
            return
        if not w.seen_value and w.its and all(x.kind == "price" for x in w.its):
            drafts[-1].clause, w.bridge_price = ci, w.price
        elif (w.only_milestone or all(x.kind == "milestone" for x in w.its)) and w.pending is None:
            drafts[-1].clause = ci

    def _close_clause(self, w: _Walk) -> bool:
        """What a clause leaves the next (a price basis of its own, an indicator without a figure,
        no subject after several parks, a sector it is about) and its 分别 changes zipped. False to
        abstain."""
        drafts, ci = w.drafts, w.ci
        self._topic(w)
        self._bridge(w)
        if (w.pending is not None and (not w.seen_value or w.only_milestone)
                and not any(d.indicator is w.pending for d in drafts)):
            w.carried = (w.pending, w.pending_scope)
        if (not w.headline and len({x.canonical for x in w.subjects_here}) >= 2
                and not any(d.clause == ci for d in drafts)):
            self.subject = None  # 以A和B为例 / A、B两区…: several parks and no figure, none carries on
        return not w.zip_changes or self._zip_changes(w)

    def _zip_changes(self, w: _Walk) -> bool:
        """分别增长 a、b: the clause's changes, one to each fact of the sentence with a value and no
        change yet (or to indicators with no value of their own). False when the counts differ."""
        open_ = [d for d in w.drafts if not d.changes and d.value is not None]
        collected = w.collected
        if not open_ and len(collected) >= 2 and self._changes_of_spare(w):
            collected = []
        if (open_ or collected) and (len(open_) != len(collected) or len(collected) < 2):
            return False  # 分别增长 a、b against another number of facts: abstain
        for d, ch in zip(open_, collected):
            d.changes.append(ch)
            d.rule = "fact.respectively_change" + (QIZHONG if d.rule.endswith(QIZHONG) else "")
        return True

    def _changes_of_spare(self, w: _Walk) -> bool:
        """收入、税收双双破百亿，增长分别为a、b: the indicators have no value of their own, each gets a
        change-only fact. True when they were read this way (as many indicators as changes)."""
        bound = {id(d.indicator) for d in w.drafts}
        spare = [it for it in w.inds_seen if id(it) not in bound]
        subj = self._current([], w.anaphor_sentence, w.s.index)
        if subj is None or len(spare) != len(w.collected):
            return False
        for ind, ch in zip(spare, w.collected):
            d = self._draft_in(w, dict(subj), ind, None, None, "fact.respectively_change")
            d.changes.append(ch)
            w.drafts.append(d)
        return True

    def _read_item(self, w: _Walk, j: int, it: Item) -> bool:
        """Read item ``j`` of the clause into the walk (`_ITEM_READERS`); False stops the clause."""
        if it.kind in VALUE:
            return self._read_value(w, j, it)
        reader = _ITEM_READERS.get(it.kind)
        if reader is not None:
            getattr(self, reader)(w, j, it)
        return True

    def _read_subject(self, w: _Walk, j: int, it: Item) -> None:
        """A park or a group before the clause's first figure names who reports (a headline's is
        the article's; after 其中, a member stands in for this sentence only)."""
        its = w.its
        if w.seen_value:
            return
        if _OBJECT_VERB.search(self.text, max(w.c0, it.start - 14), it.start):
            return  # 建设了23家国家自主创新示范区: what was built, not who reports
        if j and its[j - 1].kind == "share" and its[j - 1].end == it.start:
            return  # 占全省高新区的34%: the whole, not who reports
        subj = self._subject_of(it, its, j, w.s.index)
        if subj is None:
            return
        w.subjects_here.append(subj)
        w.anaphor_sentence = False
        if w.headline:
            self.headline_subject = replace(subj, headline=True)
            self.subject = self.headline_subject
            return
        if w.qizhong and self.subject is not None and w.child_of is None:
            w.child_of = self.subject  # 其中合肥经开区…: a member for this sentence only
        self.subject = subj

    def _read_blocker(self, w: _Walk, j: int, it: Item) -> None:
        """项目, 公司, 全市 … where a subject would stand: the clause's figures are not the park's."""
        whole = self._whole(w.s, w.drafts, "COUNT") if w.qizhong else None
        if whole is not None and whole.text.endswith(it.text):
            return  # …重点项目320个，其中实体项目150个: the whole's own head noun, not a project's figure
        if not w.seen_value and not w.subjects_here and w.after_share < 0:
            w.blocked = True

    def _read_anaphor(self, w: _Walk, j: int, it: Item) -> None:
        """该区, 园区 … before any subject or figure: the figures are the carried subject's."""
        if not w.seen_value and not w.subjects_here:
            w.anaphor_here = w.anaphor_sentence = True

    def _read_date(self, w: _Walk, j: int, it: Item) -> None:
        """A DATE after 较/比 is the basis of the next change; one before the clause's first figure
        sets the period."""
        compared = self._compared_basis(it)
        if compared is not None:  # 较2019年同期增长X%, 较2020年底提升N个百分点: the basis
            w.last_basis = compared
            w.change_from = it.start if w.change_from < 0 else w.change_from
            return
        if w.seen_value or self._is_comparison(it):
            return
        if getattr(it.data, "resolved", True):
            self.period = self._period(it, w.s.index)
        elif not _YEARLESS_PERIOD.fullmatch(it.data.value):
            return  # a year-less day (XXXX-01-02, no document date): a dateline, no period of a fact
        elif (year := self._governing_year()) is not None:
            # 1-11月 with no document date, in an article on 2021: the months of that year
            self.period = {**self._period(it, w.s.index), "value": it.data.value.replace("XXXX", year)}
        else:
            self.period = None  # months of no known year: no period, never the one inherited
            return
        self._periods[self.period["value"]] = self.period

    def _governing_year(self) -> str | None:
        """The year a year-less period of months, quarters or halves (XXXX-01/XXXX-11, XXXX-Q3)
        is read in when there is no document date: that of the period governing the sentence (a
        headline's or lead's 2021年) when it lies in one year."""
        if self.period is None:
            return None
        years = set(regex.findall(r"(?<![\d-])\d{4}(?![\d])", self.period["value"]))
        return years.pop() if len(years) == 1 else None

    def _read_indicator(self, w: _Walk, j: int, it: Item) -> None:
        """An indicator waits for its value (总投资: that of the project count before it)."""
        if w.after_share >= 0 and w.last_value_end <= w.after_share:
            return  # 占全国企业研发投入近一半: the whole, not an indicator of the subject
        if it.data in PROJECT_IDS:
            w.last_project = it
        if it.data == "project_total":
            last = w.last_project
            if last is None or (w.qizhong and last.start < w.c0 and self._qizhong_at(w.s, w.c0)):
                return  # 总投资 of what: no project count before it (其中 亿元以上项目20个，总投资…: the part's)
            it = Item(it.start, it.end, "ind", last.data, it.text)
        w.inds_seen.append(it)
        w.pending = it
        w.pending_scope = w.scope if w.scope and it.start - self._end_before(w.its, j) <= 0 else None
        w.scope = None

    def _read_state_word(self, w: _Walk, j: int, it: Item) -> None:
        """A word that only sets what the next figure is read with (`_STATE_WORDS`)."""
        if it.kind in _CHANGE_WORDS and w.change_from < 0:
            w.change_from = it.start
        name, keep = _STATE_WORDS[it.kind]
        setattr(w, name, keep(it))

    def _read_value(self, w: _Walk, j: int, it: Item) -> bool:
        """A MONEY, PERCENT or COUNT: a change, a share or a value of the current subject. False
        when the clause names two subjects (whose figure it is is not written)."""
        its = w.its
        change_from, w.change_from = w.change_from, -1
        if (it.kind == "COUNT" and j + 1 < len(its) and its[j + 1].kind in ("group", "PARK")
                and its[j + 1].start == it.end):
            return True  # 178家国家高新区: the group's own count (read with the group)
        w.seen_value = True
        w.last_value_end = it.end
        if len(w.subjects_here) > 1:
            return False
        subj = self._value_subject(w, it)
        if subj is None or self._not_a_change(w, it):
            return True
        if self._changes_by(w, it):
            self._read_change(w, it, subj, change_from)
        elif it.kind == "PERCENT":
            self._read_share(w, j, it, subj)
        else:
            self._read_figure(w, j, it, subj)
        return True

    def _value_subject(self, w: _Walk, it: Item) -> dict | None:
        """Whose figure ``it`` is: the clause's subject, else the carried one; None when a blocker,
        a company or a place stands in the subject's place."""
        if w.blocked and not w.subjects_here:
            w.blocked_sentence = True
            return None  # a project's or a city's figure, not the park's
        anaphor = w.anaphor_here or (w.anaphor_sentence and self.subject is not None
                                     and self.subject.sentence != w.s.index)
        subj = self._current(w.subjects_here, anaphor, w.s.index)
        if subj is not None and not w.subjects_here and not w.anaphor_here and self._named_other(w.c0, it.start):
            return None  # 特斯拉完成产值X: a company's figure, not the park's (asked only when a park is there)
        return subj

    def _not_a_change(self, w: _Walk, it: Item) -> bool:
        """Is the change word before ``it`` no change by it? 增长到/下降至 X is a level reached from an
        unstated start; 高于全市增速10个百分点 a gap to a benchmark. Word and figure are dropped."""
        verb = w.last_change
        if verb is None:
            return False
        if (self.text[verb.end:it.start].lstrip("了").startswith(("到", "至"))
                or _BENCHMARK.search(self.text, max(w.c0, it.start - 24), it.start)):
            w.last_change = None
            return True
        return False

    def _changes_by(self, w: _Walk, it: Item) -> bool:
        """Is ``it`` the figure of the change word before it (right after it, or zipped by 分别)?"""
        verb = w.last_change
        if verb is None:
            return False
        if it.kind == "COUNT":
            return w.zip_changes or verb.end == it.start
        return w.zip_changes or self._gap(verb.end, it.start) <= 3

    def _last_draft(self, w: _Walk) -> Draft | None:
        """The last fact of this clause or the one before: a change or a share may add to it."""
        drafts = w.drafts
        return drafts[-1] if drafts and drafts[-1].clause >= w.ci - 1 else None

    def _draft_in(self, w: _Walk, subj: dict, ind: Item, scope: str | None, value: dict | None,
                  rule: str) -> Draft:
        """`_draft` in the walk's sentence and clause, with its modality, stock and 其中."""
        d = self._draft(subj, ind, scope, value, w.s, w.ci, w.modality, w.stock, rule, w.qizhong)
        if (d.segment is None and w.topic_segment is not None and ind.data != "other"
                and _VERB_TAIL.sub("", self.text[w.c0:ind.start].lstrip("，,;；")) == ""):
            # 新材料产业加快转型升级，营收超过1100亿元: the sector's revenue (the clause opens with
            # its indicator; one naming a sector of its own keeps it)
            d.segment = w.topic_segment
        return d

    def _read_change(self, w: _Walk, it: Item, subj: dict, change_from: int) -> None:
        """A change by ``it``: added to the last fact, else a change-only fact of the pending
        indicator or of the noun phrase before (``other``); kept to zip when 分别 lists them."""
        change = self._change(it, w.last_change, w.last_basis, w.price)
        w.last_change_start = w.last_change.start
        if not w.zip_changes:
            w.last_change = w.last_basis = w.price = None
        if change is None:
            return
        if w.zip_changes:
            w.collected.append(change)
            return
        if _SHARE_CLAUSE.match(self.text, w.c0):
            return  # …增加值增长14.1%，占比较去年同期提高1.6个百分点: the share's change, not the figure's
        target = self._last_draft(w)
        if target is not None and not any(c["basis"] == change["basis"] for c in target.changes) and (
                w.pending is None or w.pending is target.indicator):
            target.changes.append(change)
            target.clause = w.ci
        elif w.pending is not None and self._binds(w.pending, None):
            d = self._draft_in(w, subj, w.pending, w.pending_scope, None, "fact.change_only")
            d.changes.append(change)
            w.drafts.append(d)
            w.pending = None
        elif w.pending is None and target is None:
            other = self._other(w.its, w.c0, change_from if change_from >= 0 else w.last_change_start)
            if other is not None:
                d = self._draft_in(w, subj, other[0], other[1], None, "fact.other_change")
                d.changes.append(change)
                w.drafts.append(d)

    def _read_share(self, w: _Walk, j: int, it: Item, subj: dict) -> None:
        """A percentage that is a share of a whole: of the indicator named with it, else of the
        pending indicator, else of the last fact (a second share makes a fact of its own)."""
        found = self._share(it, w.its, j, w.after_share, w.c0)
        if found is None:
            return  # a bare percentage is a rate; the lexicon has no rate ids
        of, ind = found
        share = {"value": format(it.data.value, "f"), "of": of, "start": it.start, "end": it.end}
        drafts = w.drafts
        if ind is not None:
            target = self._last_draft(w)
            if target is not None and target.indicator.data == ind.data and target.share is None:
                target.share = share
            else:
                d = self._draft_in(w, subj, ind, None, None, "fact.share_of")
                d.share = share
                drafts.append(d)
        elif w.pending is not None and (not drafts or drafts[-1].indicator is not w.pending):
            d = self._draft_in(w, subj, w.pending, w.pending_scope, None, "fact.share_only")
            d.share = share
            drafts.append(d)
            w.pending = None
        elif drafts and drafts[-1].clause >= w.ci - 1:
            t = drafts[-1]
            if t.share is None:
                t.share = share
                t.clause = w.ci
            else:
                drafts.append(replace(t, changes=[], share=share, value=None,
                                       rule="fact.share_only" + (QIZHONG if w.qizhong else ""), clause=w.ci))

    def _read_figure(self, w: _Walk, j: int, it: Item, subj: dict) -> None:
        """A MONEY or COUNT as the value of its indicator (a milestone or a threshold is none)."""
        if w.milestone_at >= 0 and self._gap(w.milestone_at, it.start) <= 1:
            w.only_milestone = not any(d.clause == w.ci for d in w.drafts)
            return
        if self._threshold(it):
            return
        found = self._figure_indicator(w, j, it)
        if found is None:
            return
        ind, rule, other_scope, inherited_segment = found
        if ind is w.pending:
            w.pending = None
        if ind.data == "zones":
            if subj["kind"] != "park_group":
                return
            if it.kind == "COUNT":
                rule = "fact.group_total"
                self._count_zones(subj, int(it.data.amount))
        d = self._draft_in(w, subj, ind, other_scope or w.pending_scope, self._value(it), rule)
        drafts = w.drafts
        if inherited_segment is not None:
            d.segment = inherited_segment
        elif (d.segment is None and drafts and drafts[-1].segment and drafts[-1].clause == w.ci - 1
              and _VERB_ONLY.fullmatch(self.text, w.c0, ind.start)):
            d.segment = drafts[-1].segment  # …企业完成产值X；完成利税Y: the same doer goes on
        drafts.append(d)

    def _figure_indicator(self, w: _Walk, j: int, it: Item) -> tuple[Item, str, str | None, str | None] | None:
        """(indicator, rule, its scope, a segment) of a MONEY or COUNT: the pending or adjacent
        indicator, after 其中 the whole's, else a MONEY's noun phrase (``other``); None if none."""
        ind, rule = self._indicator_for(it, w.pending, w.its, j)
        if ind is not None:
            return ind, rule, None, None
        if w.qizhong:
            # (a word such as 企业 inside the segment may stand pending: no indicator of MONEY)
            parent = self._parent_count if it.kind == "COUNT" else self._parent_indicator
            inherited = parent(w.its, j, w.c0, w.s, w.drafts)
            if inherited is not None:
                w.pending = None
                return inherited[0], "fact.qizhong_inherited", None, inherited[1]
        if w.pending is None and it.kind == "MONEY":
            other = self._other(w.its, w.c0, it.start)
            if other is not None:
                return other[0], "fact.other_value", other[1], None
        return None

    def _count_zones(self, subj: dict, n: int) -> None:
        """A group's 总数达 N家: its number of zones, for this fact and the group's later mentions."""
        self.group_counts[(subj["canonical"], subj["region"])] = n
        subj["count"] = n
        if self.subject is not None and self.subject.canonical == subj["canonical"]:
            self.subject.count = n

    # -- pieces ----------------------------------------------------------------------------
    def _clauses(self, s: Sentence, items: list[Item]) -> list[tuple[int, int, list[Item]]]:
        out: list[tuple[int, int, list[Item]]] = []
        start = s.start
        k = 0
        for m in _CLAUSE_MARK.finditer(self.text, s.start, s.end):  # in C, not a loop per character
            pos = m.start()
            its = []
            while k < len(items) and items[k].start < pos:
                its.append(items[k])
                k += 1
            out.append((start, pos, its))
            start = pos + 1
        out.append((start, s.end, items[k:]))
        return out

    def _end_before(self, its: list[Item], j: int) -> int:
        return its[j - 1].end if j > 0 else -1

    def _gap(self, a: int, b: int) -> int:
        """Characters between ``a`` and ``b``, not counting qualifier words (超/近/约/达)."""
        between = self.text[a:b]
        return len(regex.sub(r"了|达到|达|为|超过|超|近|约|逾|至|到", "", between))

    def _subject_of(self, it: Item, its: list[Item], j: int, sentence: int) -> Subj | None:
        if it.kind == "PARK":
            v = it.data
            group = self._group_named(it)
            if group is not None:
                canon, region = group
                count = self.group_counts.get((canon, region))
                return Subj("park_group", canon, None, region, count, it.start, it.end, sentence)
            return Subj("park", v.canonical, v.id, start=it.start, end=it.end, sentence=sentence)
        canon = it.data
        region = self._region(it.start)
        if it.text.startswith(("全省", "我省", "本省")):
            region = self._document_province()
            if region is None:
                return None  # 全省高新区 of which province: not written
        count = None
        start = it.start
        if j > 0 and its[j - 1].kind == "COUNT" and its[j - 1].end == it.start:
            count = int(its[j - 1].data.amount)
            region = self._region(its[j - 1].start)
        key = (canon, region)
        if count is not None and key not in self.group_counts:
            self.group_counts[key] = count
        count = count if count is not None else self.group_counts.get(key)
        return Subj("park_group", canon, None, region, count, start, it.end, sentence)

    def _group_named(self, it: Item) -> tuple[str, str] | None:
        """A PARK mention that is a region and a group term (江苏省国家级经开区) names a group;
        one the registry knows (湖南自贸试验区: one zone per province) names that park."""
        if getattr(it.data, "id", None):
            return None
        words = self.lex.words(it.text)
        if not words or words[-1].end != len(it.text):
            return None
        last = words[-1]
        if last.kind == "anaphor" and last.start > 0 and it.text[last.start:] in _PARK_WORDS:
            last = Word(last.start, last.end, "group", it.text[last.start:])  # 安徽省高新区: the province's zones
        if last.kind != "group":
            return None
        words[-1] = last
        head = it.text[: words[-1].start]
        if not head:
            return words[-1].data, "全国"
        for p in self.lex.provinces:
            short = _short_province(p)
            if head in (p, short):
                return words[-1].data, p
        return None

    def _document_province(self) -> str | None:
        """The one province the document names (安徽, 河北省 …), else None."""
        if not hasattr(self, "_province"):
            found = set()
            for p in self.lex.provinces:
                short = _short_province(p)
                if p in self.text or (len(short) >= 2 and short in self.text):
                    found.add(p)
            self._province = found.pop() if len(found) == 1 else None
        return self._province

    def _region(self, start: int) -> str:
        before = self.text[max(0, start - 9): start]
        for p in self.lex.provinces:
            short = _short_province(p)
            if before.endswith(p) or (short and before.endswith(short)):
                return p
        if _MEMBER_LIST.search(self.text, max(0, start - 40), start):
            # 石家庄、保定、唐山3家国家高新区: members named by their places, a part of the
            # document's one province (never a guessed one)
            return self._document_province() or "全国"
        return "全国"

    def _current(self, here: list[Subj], anaphor: bool, sentence: int) -> dict | None:
        if here:
            return here[0].record(sentence, "explicit")
        base = self.subject or self.headline_subject
        if base is None:
            return None
        if anaphor:
            d = base.record(sentence)
            d.update(start=None, end=None, resolved_by="anaphor")
            return d
        return base.record(sentence)

    def _compared_basis(self, it: Item) -> str | None:
        """The basis of a change against a dated point (LABELLING D7, Dda11): 较/比 + a year-end
        (2020年底, 上年末) → vs_year_end, + another dated point (2019年同期, 2015年) →
        vs_prior_period; None when the DATE is not after 较/比."""
        if not self.text[max(0, it.start - 1): it.start] in ("较", "比"):
            return None
        return "vs_year_end" if it.text.endswith(("底", "末")) else "vs_prior_period"

    def _is_comparison(self, it: Item) -> bool:
        before = self.text[max(0, it.start - 2): it.start]
        after = self.text[it.end: it.end + 2]
        if before.endswith(("截至", "截止")):
            return False
        if before.endswith(("到", "至")) and self._future({"value": getattr(it.data, "value", None) or ""}):
            return False  # 到2025年 after the document's date: a deadline, the period of a target
        return before.endswith(("比", "较", "与", "到", "至")) or after.startswith(("相比", "同期"))

    def _period(self, it: Item, sentence: int) -> dict:
        v = it.data
        stock = getattr(v, "qualifier", None) is not None and v.qualifier.value == "as_of"
        stock = stock or it.text.endswith(("末", "底"))
        return {"value": v.value, "kind": "stock" if stock else "flow", "start": it.start, "end": it.end,
                "sentence": sentence}

    def _change(self, it: Item, verb: Item, basis: str | None, price: str | None) -> dict | None:
        sign = Decimal(-1) if verb.kind == "down" else Decimal(1)
        if it.kind == "PERCENT":
            metric = "pp" if it.data.unit.value == "pp" else "percent"
            val = it.data.value
        elif it.kind == "COUNT":
            metric, val = "abs", it.data.amount
        else:
            metric, val = "abs", it.data.amount
        return {"basis": basis or "yoy", "metric": metric, "value": format(sign * val, "f"), "benchmark": None,
                "price_basis": price, "start": it.start, "end": it.end}

    def _share(self, it: Item, its: list[Item], j: int, after_share: int, c0: int):
        """``(of, indicator or None)`` when the percentage is a share of a whole, else None. A
        number of percentage points (占比提高1.1个百分点) is a change of a share, never a share."""
        if it.data.unit.value == "pp":
            return None
        t = self.text
        nxt = its[j + 1] if j + 1 < len(its) else None
        ind = None
        if nxt is not None and nxt.kind == "ind" and t[it.end:nxt.start] == "的":
            ind = nxt
        before = t[max(c0, it.start - 3): it.start]
        of = None
        if after_share >= 0 and after_share <= it.start:
            head = t[after_share: after_share + 2]
            of = head if head in ("全国", "全省", "全市") else None
            return of, ind
        m = regex.search(r"(全国|全省|全市)$", before)
        if m and ind is not None:
            return m.group(1), ind
        if ind is not None:
            return ("全国" if ind.text.startswith("全国") or ind.text.startswith("国家") else None), ind
        return None

    def _threshold(self, it: Item) -> bool:
        t = self.text
        tail = it.text.endswith(("以上", "以下"))
        pos = it.end
        if not tail and t[pos:pos + 2] in ("以上", "以下"):
            pos += 2
            tail = True
        if not tail:
            return t[pos:pos + 1] == "级"  # 千亿级园区
        nxt = t[pos:pos + 1]
        if nxt == "、":  # 收入30亿元以上、…收入15亿元以上制造业企业: one of a list of thresholds
            end = _CLAUSE_MARK.search(t, pos, pos + 64)  # a bounded look: linear on any input
            return bool(_THRESHOLD_LATER.search(t, pos, end.start() if end else pos + 64))
        return bool(nxt) and nxt not in "，,；;。！？、）)”\n"

    def _binds(self, ind: Item, value: Item | None) -> bool:
        if value is None:
            return ind.data not in COUNT_IDS or ind.data in ("hitech_enterprises",)
        if value.kind == "COUNT":
            return ind.data in COUNT_IDS
        return ind.data in MONEY_IDS

    def _indicator_for(self, it: Item, pending: Item | None, its: list[Item], j: int):
        """(indicator, rule) of the MONEY or COUNT ``it``: the pending indicator when what stands
        between links them, else a count-type indicator right after a COUNT; (None, None)."""
        if id(it) in self._zipped:
            return (pending, "fact.respectively") if pending is not None and self._binds(pending, it) else (None, None)
        if pending is not None and self._binds(pending, it):
            rule = self._link_rule(pending, it)
            if rule is not None:
                return pending, rule
        if it.kind == "COUNT" and j + 1 < len(its):
            nxt = its[j + 1]
            if nxt.kind == "ind" and nxt.start == it.end and self._binds(nxt, it) and (
                    self.text[nxt.end:nxt.end + 1] in ("", "，", "。", "；", ",", ";", "、") or nxt.data != "enterprises"):
                its[j + 1] = Item(nxt.start, nxt.end, "used", None)  # not also a pending indicator
                return nxt, "fact.count_adjacent"
        return None, None

    def _link_rule(self, pending: Item, it: Item) -> str | None:
        """The rule that binds ``pending`` to the value ``it`` by what stands between them (a link
        verb, a few characters at most; a bare 企业 or 市场主体 only after a verb of having), else None."""
        t, c0 = self.text, self._clause_start
        # a pending indicator carried from the clause before links from this clause's start
        link = t[pending.end:it.start] if pending.end >= c0 else t[c0:it.start].lstrip("，,；; ")
        if pending.text in self.lex.adjacent_forms:
            left = t[max(c0, pending.start - 16): pending.start]
            linked = _LINK.match(link) and len(link) <= 3 and (_HAVE.search(left) or self.in_headline)
            return "fact.count_adjacent" if linked else None
        if pending.data in self.lex.adjacent_ids:
            return "fact.count_adjacent" if _LINK.match(link) and len(link) <= 3 else None
        return "fact.verb_value" if len(link) <= 6 and _LINK.match(link) else None

    def _other(self, its: list[Item], c0: int, end: int) -> tuple[Item, str | None] | None:
        """An indicator outside the lexicon (FACTS.md ``other``): the noun phrase right before
        a value or a change (建安投资同比增长10%, 商品销售额完成598亿元), when it ends in a head
        noun of a measure (额, 值, 收入, 投资 …). Its text is the phrase as written; a scope word
        before it (限上, 规上) is its scope. None when anything else stands there."""
        lo, last = c0, None
        for it in its:
            if it.end > end:
                break
            if it.end >= lo:
                lo, last = it.end, it
        left = _OTHER_TAIL.sub("", self.text[lo:end])
        m = _OTHER_NP.search(left)
        if m is None:
            return None
        np = _SEGMENT_HEAD.sub("", m.group(0))
        np = _OTHER_HEAD.sub("", np)
        np = np[counted_phrase_start(np):] if len(np) > 2 else np  # 拨付兑现产业扶持资金: the verbs are no part
        if not 2 <= len(np) <= 12 or not _OTHER_NOUN.search(np) or np in _NOT_OTHER or _OTHER_COMPARISON.search(np):
            return None
        a = lo + m.end() - len(np)
        b = lo + m.end()
        scope = last.data if last is not None and last.kind == "scope" else None  # 限上商品销售额
        return Item(a, b, "ind", "other", self.text[a:b]), scope

    def _named_other(self, c0: int, end: int) -> bool:
        """Does the clause open with the name of a company or a person doing the verb
        (特斯拉完成产值…, 华为实现营业收入…), or with a city, province or county (郑州市地区生产总值…:
        a place's figure, not the park's — FACTS.md: places are no subjects)?"""
        from extract.segment import starts_with_name

        m = _DOER.match(self.text, c0, end)
        return (bool(m) and starts_with_name(m.group(1))) or self._place_at_head(c0, end)

    def _place_at_head(self, c0: int, end: int) -> bool:
        t = self.text
        h = c0
        for _ in range(2):  # 2023年，郑州市… / 同期，河南省…: past a DATE or a time word and its comma
            while h < end and t[h] in _HEAD_SPACE:
                h += 1
            date = next((it for it in self.items_between(h, h + 1) if it.kind == "DATE"), None)
            if date is not None:
                h = date.end
            elif t.startswith(_HEAD_TIME, h):
                h += 2
        while h < end and t[h] in _HEAD_SPACE:
            h += 1
        names = division_names()
        return any(t[h:h + n] in names for n in range(min(8, end - h), 1, -1))

    def _value(self, it: Item) -> dict:
        if it.kind == "MONEY":
            v = it.data
            return {"label": "MONEY", "start": it.start, "end": it.end, "amount": format(v.amount, "f"),
                    "currency": v.currency, "qualifier": v.qualifier.value}
        c = it.data
        return {"label": "COUNT", "start": it.start, "end": it.end, "amount": format(c.amount, "f"),
                "unit": c.unit, "qualifier": c.qualifier}

    def _segment_of(self, subj: dict, ind: Item, s: Sentence) -> str | None:
        """The segment written before ``ind`` after the subject and any figure, park or date; when
        a DATE stands between the segment and the indicator (规上高技术产业前三季度实现产值), the one
        written before the DATE."""
        lo, last = self._segment_floor(subj, s, ind.start)
        segment = self._segment(ind, lo)
        if (segment is None and last is not None and last.kind == "DATE"
                and _VERB_TAIL.sub("", self.text[last.end: ind.start]) == ""):
            before, _ = self._segment_floor(subj, s, last.start)
            segment = self._segment(Item(last.start, last.start, "ind", "", ""), before)
        return segment

    def _segment_floor(self, subj: dict, s: Sentence, at: int) -> tuple[int, Item | None]:
        """Where a segment ending at ``at`` may start (after the subject and the last figure, park
        or date of the 64 characters before it) and that last item."""
        lo, last = max(subj["end"] or 0, s.start), None
        for it in self.items_between(max(s.start, at - 64), at):  # the segment window only
            if it.kind in _SEGMENT_BOUNDS and it.end > lo:
                lo, last = it.end, it
        return lo, last

    def _segment(self, ind: Item, lo: int) -> str | None:
        t = self.text
        base = max(lo, ind.start - 16)
        left = t[base: ind.start]
        adjacent = ind.text in self.lex.adjacent_forms
        if not adjacent:
            left = _VERB_TAIL.sub("", left)
        cut = None
        starts = None
        for m in _SEGMENT_STOP.finditer(left):
            if "\u4e00" <= m.group(0)[0] <= "\u9fff":
                # a function character cuts only where jieba reads it as a word of its own: not the
                # 以 of 规模以上, the 其 of 其中, the 有 of 有色金属
                if starts is None:
                    starts = word_starts(left)
                if m.start() not in starts or m.end() not in starts:
                    continue
            cut = m.end()
        np = left[cut:] if cut is not None else left
        np = _SEGMENT_HEAD.sub("", np)
        if adjacent:
            np += ind.text
            if len(np) < 3 or np == ind.text:
                return None
            return self.original[ind.end - len(np): ind.end].replace("规上", "规模以上")
        if len(np) >= 3 and _SEGMENT_TAIL.search(np) and not _NOT_SEGMENT.match(np):
            end = base + len(left)  # the verb tail (实现, 完成 …) is not part of the segment
            return self.original[end - len(np): end].replace("规上", "规模以上")
        return None

    def _draft(self, subj: dict, ind: Item, scope: str | None, value: dict | None, s: Sentence, ci: int,
               modality: str, stock: bool, rule: str, qizhong: bool) -> Draft:
        period = None
        if self.period is not None and (self.period["sentence"] == s.index or not self._states_span(s)):
            period = {k: v for k, v in self.period.items() if k != "sentence"}
            if self.period["sentence"] != s.index:
                period["start"] = period["end"] = None
                if _WHOLE_YEAR.search(self.text, max(s.start, ind.start - 24), ind.start):
                    period = self._whole_year(period)  # 1—10月…。全年共引进项目26个: the year
            if stock:
                period["kind"] = "stock"
        segment = self._segment_of(subj, ind, s)
        if scope is None:
            pre = self.text[max(s.start, ind.start - 4): ind.start]
            for w, sc in self.lex.raw["scopes"].items():
                if pre.endswith(w):
                    scope = sc
        return Draft(subj, ind, scope, segment, period, value, modality,
                     rule + (QIZHONG if qizhong else ""), ci)

    @staticmethod
    def _whole_year(period: dict) -> dict:
        """The year of an inherited period inside one year (2023-01/2023-10, 2023-Q3 → 2023): what
        a sentence saying 全年 reports on (LABELLING Dda4); any other period as it was."""
        m = regex.fullmatch(r"(\d{4})-[^/]+(?:/(\d{4})-[^/]+)?", period["value"])
        if m is None or (m.group(2) and m.group(2) != m.group(1)):
            return period
        return {**period, "value": m.group(1), "kind": "flow"}

    def _opens_with_value(self, its: list[Item], c0: int) -> bool:
        """Does the clause open with a link verb and a MONEY or COUNT (，达到1.05万亿元 / ，实现1055亿元)?"""
        first = its[0]
        return first.kind in ("MONEY", "COUNT") and bool(_LINK_HEAD.fullmatch(self.text, c0, first.start))

    def _qizhong_at(self, s: Sentence, c0: int) -> bool:
        """Is there a 其中 between the sentence start and ``c0`` (the part a clause may be of)?"""
        return any(it.kind == "qizhong" for it in self.items_between(s.start, c0))

    def _states_span(self, s: Sentence) -> bool:
        """Does the sentence give its figures a span of its own with no DATE (挂牌十年来, 成立以来)?
        Then no period is inherited into it (FACTS.md: a span since founding has period null)."""
        cache = self.__dict__.setdefault("_span_cache", {})
        if s.index not in cache:
            cache[s.index] = bool(_SINCE.search(self.text, s.start, s.end))
        return cache[s.index]

    def items_between(self, a: int, b: int) -> Iterable[Item]:
        k = bisect.bisect_left(self._starts, a)
        while k < len(self.items) and self.items[k].start < b:
            yield self.items[k]
            k += 1

    @property
    def _starts(self) -> list[int]:
        if not hasattr(self, "_starts_cache"):
            self._starts_cache = [i.start for i in self.items]
        return self._starts_cache

    def _parent_indicator(self, its: list[Item], j: int, c0: int, s: Sentence,
                          drafts: list[Draft]) -> tuple[Item, str] | None:
        """``其中，SEGMENT 完成/实现/达到/为 MONEY`` with no indicator of its own: the indicator of the
        fact it is a part of (the last MONEY fact of this sentence, else of the sentence right
        before) and the segment written before the verb. None when either is missing."""
        i = self._whole(s, drafts, "MONEY")
        if i is None:
            return None
        it = its[j]
        lo = self._phrase_start(its, j, c0, ("ind", "scope"))
        m = _CHILD_VERB.search(self.text, lo, it.start)
        if m is None or m.end() != it.start:
            return None
        probe = Item(m.start(), m.start(), "ind", "", "")
        segment = self._segment(probe, lo)
        if segment is None or self.text[m.start() - len(segment) - 1: m.start() - len(segment)] in ("和", "及", "与", "、"):
            return None  # 软件和信息服务业: a segment cut at a conjunction would name a part of the part
        return i, segment

    def _segments_respectively(self, s: Sentence, items: list[Item]) -> bool:
        """``A、B、C(等行业) indicator 分别(同比)增长 a、b、c`` (or 分别为/达到 values): one indicator
        of several segments, zipped one to one (the last pair may be joined by 和/及); counts that
        differ give no fact. True when the sentence was read this way."""
        found = self._segment_list(s, items)
        if found is None:
            return False
        k, r, values, names, lo = found
        ind, t = items[k], self.text
        words = [it for it in items[r + 1:] if it.end <= values[0].start]
        verb = next((it for it in words if it.kind in ("up", "down")), None)
        basis = next((it.data for it in words if it.kind == "basis"), None)
        if values[0].kind == "PERCENT" and verb is None:
            return False
        here = [x for x in items[:k] if x.kind == "PARK"]
        subj = (self._subject_of(here[-1], items, items.index(here[-1]), s.index).record(s.index, "explicit")
                if here else self._current([], False, s.index))
        if subj is None:
            return True
        for it in items[:r]:
            if it.kind == "DATE" and not self._is_comparison(it) and getattr(it.data, "resolved", True):
                self.period = self._period(it, s.index)
        pos = lo
        for name, v in zip(names, values):
            change = self._change(v, verb, basis, None) if v.kind == "PERCENT" else None
            d = self._draft(dict(subj), ind, None, None if change else self._value(v), s, 0, "actual", False,
                            "fact.respectively_segments", False)
            if change:
                d.changes.append(change)
            at = t.index(name, pos)
            pos = at + len(name)
            d.segment = self.original[at:pos]
            self._emit(d, s)
        return True

    def _segment_list(self, s: Sentence, items: list[Item]) -> tuple[int, int, list[Item], list[str], int] | None:
        """(indicator index, 分别 index, values, segment names, where the names start) of a
        ``segments indicator 分别 values`` clause whose names and values pair one to one, else None."""
        r = next((k for k, it in enumerate(items) if it.kind == "resp"), None)
        if not r:
            return None
        t = self.text
        k = r - 1
        while k >= 0 and items[k].kind == "DATE":
            k -= 1
        if k >= 0 and items[k].kind == "qizhong":
            return self._qizhong_segment_list(s, items, k, r)
        if k < 0 or items[k].kind != "ind" or _CLAUSE_MARK.search(t, items[k].end, items[r].start):
            return None
        mark = _CLAUSE_MARK.search(t, items[r].end, s.end)
        stop = mark.start() if mark else s.end  # the values of the 分别 clause (one search: linear)
        values = [it for it in items[r + 1:] if it.start < stop and it.kind in VALUE]
        if len(values) < 2 or len({v.kind for v in values}) != 1:
            return None
        lo = max([s.start] + [m.end() for m in _CLAUSE_MARK.finditer(t, s.start, items[k].start)]
                 + [it.end for it in items[:k] if it.kind != "scope"])
        if any(it.kind == "ind" and it.start >= lo for it in items[:k]):
            return None  # several indicators: 营业收入、利润分别增长 a、b is the indicators' zip
        names = _SEGMENT_LIST_TAIL.sub("", _SEGMENT_HEAD.sub("", t[lo:items[k].start])).split("、")
        if len(names) + 1 == len(values):
            names = names[:-1] + regex.split("[和及]", names[-1], maxsplit=1)
        if len(names) != len(values) or not all(_SEGMENT_NAME.fullmatch(n) for n in names):
            return None  # not a list of segments zipped one to one: the other readers decide
        return k, r, values, names, lo

    def _share_list(self, items: list[Item]) -> tuple[int, list[Item], Item, list[Item]] | None:
        """(where the list starts, its indicators, the share word, the shares) of ``A、B分别占…的
        a、b`` in one clause with as many shares as indicators, else None."""
        r = next(k for k, it in enumerate(items) if it.kind == "resp")
        k = r
        while k > 0 and items[k - 1].kind in ("ind", "share"):
            k -= 1
        inds = [it for it in items[k:r] if it.kind == "ind"]
        rest = items[r + 1:]
        shares = [it for it in items[k:] if it.kind == "share"]
        values = [it for it in rest if it.kind in VALUE]
        if len(inds) < 2 or not shares or shares[0].start < inds[-1].end or len(values) != len(inds):
            return None
        if any(v.kind != "PERCENT" or v.data.unit.value == "pp" for v in values) or any(
                it.kind in ("up", "down", "basis", "ind") for it in rest):
            return None
        if regex.search(r"[，,；;。]", self.text[inds[0].start:values[-1].start]):
            return None
        return k, inds, shares[0], values

    def _qizhong_segment_list(self, s: Sentence, items: list[Item], q: int, r: int):
        """``…行业产值增速全线飘红，其中，A业、B业分别同比增长 a、b``: industries after 其中, zipped
        with the values after 分别, are segments of the sentence's last indicator before it."""
        t = self.text
        prior = [n for n in range(q) if items[n].kind == "ind"]
        if not prior or any(it.kind != "DATE" for it in items[q + 1:r]):
            return None
        mark = _CLAUSE_MARK.search(t, items[r].end, s.end)
        stop = mark.start() if mark else s.end
        values = [it for it in items[r + 1:] if it.start < stop and it.kind in VALUE]
        lo = items[q].end + len(t[items[q].end:items[r].start]) - len(t[items[q].end:items[r].start].lstrip("，,、 "))
        names = t[lo:items[r].start].split("、")
        if (len(values) < 2 or len({v.kind for v in values}) != 1 or len(names) != len(values)
                or not all(_SEGMENT_NAME.fullmatch(n) and n.endswith(("业", "领域")) for n in names)):
            return None
        return prior[-1], r, values, names, lo

    def _future(self, period: dict | None) -> bool:
        """Does ``period`` start in a year after the document's date?"""
        if self.date is None or not period or not period["value"][:4].isdigit():
            return False
        return int(period["value"][:4]) > self.date.year

    def _unfinished(self, period: dict | None) -> bool:
        """Does a flow period finer than a year (2024-Q1/2024-Q3, 2024-H1, 2024-05) end after the
        document's month? Its figures cannot be actual yet (a whole year is read as year-to-date)."""
        if self.date is None or not period or period.get("kind") == "stock":
            return False
        end = _period_end_month(period["value"].rpartition("/")[2])
        return end is not None and end > (self.date.year, self.date.month)

    def _whole(self, s: Sentence, drafts: list[Draft], label: str) -> Item | None:
        """The indicator of the whole a 其中 part of ``label`` (MONEY, COUNT) belongs to: that of
        the last such fact of this sentence, else of the sentence right before (其中 follows its
        whole at once); None when there is none."""
        mine = [d for d in drafts if d.value is not None and d.value["label"] == label]
        if mine:
            i = mine[-1].indicator
            return Item(i.start, i.end, "ind", i.data, i.text)
        last = self.facts[-1] if self.facts else None
        if last is None or last.value is None or last.value.label.value != label or last.sentence[1] < s.start - 2:
            return None
        i = last.indicator
        return Item(i.start, i.end, "ind", i.id, self.text[i.start:i.end])

    @staticmethod
    def _phrase_start(its: list[Item], j: int, c0: int, inside: tuple[str, ...]) -> int:
        """Where the phrase before item ``j`` starts: after the nearest of the 8 items before it
        whose kind is not a word of the phrase (``inside``), else at the clause start ``c0``."""
        for x in reversed(its[max(0, j - 8):j]):
            if x.kind not in inside:
                return max(c0, x.end)
        return c0

    def _parent_count(self, its: list[Item], j: int, c0: int, s: Sentence,
                      drafts: list[Draft]) -> tuple[Item, str] | None:
        """``…引进重点项目320个，其中世界500强项目12个``: a 其中 COUNT right after a noun phrase that
        ends in the head noun of the whole's indicator (项目, 企业 …) counts a part of the whole:
        that indicator, the head as its surface, the phrase as the segment. None otherwise."""
        whole = self._whole(s, drafts, "COUNT")
        if whole is None:
            return None
        head = whole.text[-2:]
        it = its[j]
        lo = self._phrase_start(its, j, c0, ("blocker", "ind", "scope"))
        np = _SEGMENT_HEAD.sub("", self.text[lo:it.start].lstrip("，,、 "))
        if len(head) < 2 or not np.endswith(head) or not 3 <= len(np) <= 16 or _NP_BREAK.search(np):
            return None
        end = it.start
        return Item(end - len(head), end, "ind", whole.data, self.text[end - len(head):end]), self.original[end - len(np):end]

    def _from_to(self, s: Sentence, items: list[Item]) -> bool:
        """``indicator 从 DATE(的) X 增长到 DATE(的) Y``: X at the first period, Y at the second (two
        facts, each value read whole). True when the sentence was read this way."""
        t = self.text
        for j in range(1, len(items) - 4):
            ind, d1, v1, verb, d2 = items[j - 1: j + 4]
            if not (ind.kind == "ind" and d1.kind == "DATE" and v1.kind in ("MONEY", "COUNT")
                    and verb.kind in ("up", "down") and d2.kind == "DATE" and j + 4 < len(items)):
                continue
            v2 = items[j + 4]
            if v2.kind != v1.kind or not getattr(d1.data, "resolved", True) or not getattr(d2.data, "resolved", True):
                continue
            if (t[ind.end:d1.start] not in ("从", "由") or t[d1.end:v1.start] not in ("", "的")
                    or t[v1.end:verb.start] != "" or t[verb.end:d2.start] not in ("到", "至")
                    or t[d2.end:v2.start] not in ("", "的")):
                continue
            here = [x for x in items[:j - 1] if x.kind == "PARK"]
            subj = (self._subject_of(here[-1], items, items.index(here[-1]), s.index).record(s.index, "explicit")
                    if here else self._current([], False, s.index))
            if subj is None:
                return True  # no antecedent: no fact, and no other reading of the sentence
            for d, v in ((d1, v1), (d2, v2)):
                draft = self._draft(dict(subj), ind, None, self._value(v), s, 0, "actual", False, "fact.from_to", False)
                draft.period = {k: x for k, x in self._period(d, s.index).items() if k != "sentence"}
                self._emit(draft, s)
            return True
        return False

    def _subjects_respectively(self, s: Sentence, items: list[Item], modality: str) -> bool:
        """``A、B（等）…indicator分别达到x和y``: parks zipped with values, one indicator. True when
        the sentence was read this way (its facts emitted), False to read it otherwise."""
        r = next(k for k, it in enumerate(items) if it.kind == "resp")
        parks = [it for it in items[:r] if it.kind == "PARK"]
        inds = [it for it in items[:r] if it.kind == "ind"]
        if len(parks) < 2 or len(inds) != 1 or len({p.data.canonical for p in parks}) != len(parks):
            return False
        if any(it.kind in VALUE for it in items[:r]) or inds[0].start < parks[-1].end:
            return False
        rest = items[r + 1:]
        values = [it for it in rest if it.kind in ("MONEY", "COUNT")]
        if len(values) != len(parks) or any(it.kind in ("ind", "PERCENT", "PARK", "group") for it in rest):
            return False
        for it in items[:r]:
            if it.kind == "DATE" and not self._is_comparison(it) and getattr(it.data, "resolved", True):
                self.period = self._period(it, s.index)
        ind = inds[0]
        for park, val in zip(parks, values):
            if not self._binds(ind, val):
                return False
        for park, val in zip(parks, values):
            subj = self._subject_of(park, items, items.index(park), s.index)
            d = self._draft(subj.record(s.index, "explicit"), ind, None, self._value(val), s, 0, modality,
                            any(it.kind == "stock" for it in items[:r]), "fact.respectively_subjects", False)
            d.segment = None
            self._emit(d, s)
        self.subject = None  # several parks: none carries on
        return True

    def _shares_respectively(self, s: Sentence, items: list[Item]) -> set[int] | None:
        """``A、B、C分别占全省的 a、b、c`` / ``A、B占比分别为 a、b``: indicators with no value of their
        own, zipped with the shares after 分别 — one share-only fact each; counts that differ give
        no fact. The ids of the items read this way (their facts emitted), None when no such list."""
        found = self._share_list(items)
        if found is None:
            return None
        k, inds, share, values = found
        used = {id(it) for it in items[k:]}
        here = [x for n, x in enumerate(items[:k]) if x.kind in ("PARK", "group")
                and not (n and items[n - 1].kind == "share" and items[n - 1].end == x.start)]  # 占全省高新区: the whole
        subj = (self._subject_of(here[-1], items, items.index(here[-1]), s.index) if here else None)
        subj = subj.record(s.index, "explicit") if subj is not None else self._current([], False, s.index)
        if subj is None:
            return used
        for it in items[:k]:
            if it.kind == "DATE" and not self._is_comparison(it) and getattr(it.data, "resolved", True):
                self.period = self._period(it, s.index)
        head = self.text[share.end:share.end + 2]
        of = head if head in ("全国", "全省", "全市") else None
        for ind, v in zip(inds, values):
            d = self._draft(dict(subj), ind, None, None, s, 0, "actual", False, "fact.respectively_shares", False)
            d.share = {"value": format(v.data.value, "f"), "of": of, "start": v.start, "end": v.end}
            self._emit(d, s)
        return used

    def _respectively(self, s: Sentence, clauses) -> bool:
        """Zip a 分别/依次 list, or refuse the sentence. Returns True when the sentence may be read
        normally afterwards (the lists were written one to one), False to abstain."""
        for ci, (c0, c1, its) in enumerate(clauses):
            r = next((k for k, it in enumerate(its) if it.kind == "resp"), None)
            if r is None:
                continue
            before = [it for it in its[:r] if it.kind == "ind"]
            after = [it for it in its[r + 1:] if it.kind in VALUE]
            verb_before = r > 0 and its[r - 1].kind in ("up", "down")  # 增长分别为 a、b
            if not before and (verb_before or any(it.kind in ("up", "down") for it in its[r + 1:])):
                self._change_zip.add(ci)
                continue  # 分别增长 a、b: zipped with the sentence's facts in the main walk
            if (len(before) >= 2 and after and all(it.kind == "PERCENT" for it in after)
                    and any(it.kind in ("up", "down", "basis") for it in its[r + 1:] if it.end <= after[0].start)):
                self._change_zip.add(ci)
                continue  # A、B分别（同比）增长 a、b: changes of indicators with no value of their own
            if len(before) < 2 or len(before) != len(after):
                return False
            self._zipped.update(id(v) for v in after)
            # rewrite the clause as ind value ind value …: the ordinary reader then binds them
            rest = [it for it in its if it.kind not in ("ind", "resp") and it not in after]
            zipped = []
            for ind, val in zip(before, after):
                zipped += [ind, val]
            its[:] = sorted(rest, key=lambda i: i.start) + zipped if not rest else _merge(rest, zipped, before[0].start)
        return True

    # -- output ----------------------------------------------------------------------------
    def _emit(self, d: Draft, s: Sentence) -> None:
        rule = d.rule
        base = rule[: -len(QIZHONG)] if rule.endswith(QIZHONG) else rule
        if base not in NAMES:
            raise AssertionError(f"unregistered fact rule {rule}")
        if d.modality == "actual" and self._future(d.period):
            # a year after the document's cannot have happened: 到2025年…达到X is a target; a later
            # period with no deadline word is no fact (never an actual figure that is not one)
            start = d.period.get("start")
            if start is None or not self.text[max(0, start - 2):start].endswith(("到", "至")):
                return
            d.modality = "target"
        if d.modality == "actual" and self._unfinished(d.period):
            return  # 前三季度 in a January page read as this year's: a period not over yet is no actual
        ind = d.indicator
        data = {
            "subject": d.subject,
            "segment": d.segment,
            "indicator": {"id": ind.data, "text": self.original[ind.start:ind.end], "start": ind.start, "end": ind.end,
                          "scope": d.scope},
            "period": d.period,
            "value": d.value,
            "changes": d.changes,
            "share": d.share,
            "modality": d.modality,
            "sentence": [s.start, s.end],
            "rule": rule,
        }
        try:
            self.facts.append(Fact.model_validate(data, context={"text": self.original}))
        except ValueError:
            return  # a draft that does not make a valid record is not a fact


def _period_end_month(value: str) -> tuple[int, int] | None:
    """The (year, month) a period value ends in: 2024-09 → (2024, 9), 2024-Q3 → (2024, 9),
    2024-H1 → (2024, 6), 2024-09-30 → (2024, 9); None for a year or any other form."""
    m = regex.fullmatch(r"(\d{4})-(?:(\d{2})(?:-\d{2})?|Q([1-4])|H([12]))", value)
    if m is None:
        return None
    year = int(m.group(1))
    if m.group(2):
        return year, int(m.group(2))
    return (year, int(m.group(3)) * 3) if m.group(3) else (year, int(m.group(4)) * 6)


def _short_province(name: str) -> str:
    """安徽省 → 安徽, 广西壮族自治区 → 广西, 北京市 → 北京."""
    return _PROVINCE_SUFFIX.sub("", name)


def _merge(rest: list[Item], zipped: list[Item], at: int) -> list[Item]:
    head = [it for it in rest if it.start < at]
    tail = [it for it in rest if it.start >= at]
    return head + zipped + tail
