"""Newspaper pages: split a printed page into articles, read titles, bylines and datelines.

The page is first repaired by `extract.intake.clean` (layout breaks joined, photo captions
lifted out of the sentence they interrupt, every character mapped back to the page). The
repaired paragraphs are then read top to bottom:

- a *title block* is a run of short lines without a full stop (引题 / 主题 / 副题);
- it opens a new article when a byline line (◎本报记者 崔爽) or a lead with a news-agency
  credit (科技日报讯（记者…）, 新华社北京1月5日电（…）) follows it, when a page section head
  (园镜头) stands above it, when it has two lines or more, or when a photo caption follows it;
  otherwise it is a subhead inside the current article;
- a section head is a title-like line from `SECTION_WORDS` (or ending in a `SECTION_SUFFIXES`
  word, or of at most `SECTION_MAX_CHARS` characters) with a title block right below it. It
  covers the articles below it while they keep the form of the first one (three 讯 reports
  under 园镜头, one photo under 园光影).

Everything is in page offsets, half-open. One pass over the lines; every pattern is anchored
and bounded, so the whole split is linear in the page length.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Sequence

import regex

from extract.date import lexicon as date_lexicon
from extract.date.normalize import DAY, Side, Unit, Unresolvable, number, resolve
from extract.intake.clean import CleanText, clean
from schemas.pages import Article, Byline, Caption, Page
from schemas.records import Document

# --- lexicon -------------------------------------------------------------------------------
# Page section heads (栏目) of Chinese newspapers; a line is a section head only when a title
# block follows it, so a word here that is also used as a subhead does no harm.
SECTION_WORDS = frozenset({
    "要闻", "综合", "国内", "国际", "经济", "财经", "科技", "社会", "文化", "体育", "评论", "时评",
    "观察", "视点", "聚焦", "关注", "热点", "快讯", "简讯", "速递", "动态", "一线", "特写", "图片新闻",
    "图说", "镜头", "光影", "园镜头", "园光影", "地方", "区域", "产业", "园区", "专题", "两会",
})
SECTION_SUFFIXES = ("镜头", "光影", "快讯", "简讯", "速递", "动态", "视点", "聚焦", "新闻", "一线", "观察")
SECTION_MAX_CHARS = 3  # a title line this short is a section head, not a title (园镜头)
SECTION_SUFFIX_MAX_CHARS = 6

TITLE_MAX_CHARS = 40  # a paragraph longer than this is body text, whatever its punctuation
TITLE_BAD_END = frozenset("，、：:；;,（(")  # a title never ends on these
DASHES = r"(?:——|—|－－|--|──)"  # a 副题 opens with a dash: ——市场、政策与机构展望

# Roles in bylines and credits, longest first; the list each role's names go to.
ROLES: dict[str, str] = {
    "特约通讯员": "correspondents", "通讯员": "correspondents",
    "特约记者": "reporters", "实习记者": "reporters", "见习记者": "reporters",
    "首席记者": "reporters", "摄影记者": "reporters", "全媒体记者": "reporters",
    "融媒体记者": "reporters", "记者": "reporters",
}
# Who a reporter works for, printed before the role: 本报记者, 新华社记者.
AFFILIATIONS = ("本报", "本刊", "本台", "本网", "新华社", "中新社", "人民日报", "经济日报", "光明日报",
                "科技日报", "中国日报", "央视")
BYLINE_MARKS = "◎●■□▲△★☆◆◇"
TIMES_OF_DAY = ("上午", "下午", "晚间", "早间", "凌晨", "中午", "傍晚", "晚", "早")

# --- named patterns ------------------------------------------------------------------------
_SPACE_CHARS = r" \t\u00a0\u3000"
_SP = rf"[{_SPACE_CHARS}]"
_ROLE = "(?:" + "|".join(sorted(ROLES, key=len, reverse=True)) + ")"
_AFF = "(?:" + "|".join(sorted(AFFILIATIONS, key=len, reverse=True)) + ")"
# A name: two to four Han characters, or a transcribed name with a middle dot (阿不都·热合曼).
_NAME = r"(?:\p{Han}{1,8}[·•]\p{Han}{1,8}|\p{Han}{2,4}?)"
_SEP = rf"(?:{_SP}|[、，,/／])+"
_CREDIT_TOKEN = regex.compile(
    rf"(?P<role>{_AFF}?{_ROLE})"
    rf"|(?P<name>{_NAME})(?={_AFF}?{_ROLE}|{_SEP}|$)"
    rf"|(?P<sep>{_SEP})"
)
_BYLINE_LINE = regex.compile(rf"[{BYLINE_MARKS}]?{_SP}*(?={_AFF}?{_ROLE})(?P<credit>[^\n]{{1,40}})")
_AGENCY_CREDIT = regex.compile(
    rf"(?P<agency>[\p{{Han}}\d]{{1,16}}?(?:讯|电)){_SP}*[（(](?P<credit>[^（）()\n]{{1,60}})[）)]{_SP}*"
)
# The numbers of a dateline are the DATE label's own fragments (extract.date.lexicon), read by its
# normalizer (resolve_date).
_YEAR = rf"(?P<y>{date_lexicon.YEAR4})年"
_MONTH = rf"(?P<m>{date_lexicon.MONTH})月"
_DAY = rf"(?P<d>{date_lexicon.DAY}){date_lexicon.DAY_WORD}"
_DATE = rf"(?:{_YEAR})?{_MONTH}{_DAY}"
_TIME = "(?:" + "|".join(TIMES_OF_DAY) + r")?(?:\d{1,2}[:：]\d{2})?"
_DATELINE = regex.compile(rf"{_DATE}{_TIME}{_SP}*[，,电{_SPACE_CHARS}]")
_DATE_IN_AGENCY = regex.compile(rf"{_DATE}电")
_CREDIT_AT_END = regex.compile(rf"(?P<credit>[^。！？；!?;\n]{{1,24}}?{_SP}*[/／]?摄){_SP}*[）)]?{_SP}*$")
_DASH = regex.compile(DASHES)


# --- bylines and captions ------------------------------------------------------------------
@dataclass(slots=True)
class _Names:
    reporters: list[str] = field(default_factory=list)
    correspondents: list[str] = field(default_factory=list)
    others: list[str] = field(default_factory=list)

    def all(self) -> list[str]:
        return [*self.reporters, *self.correspondents, *self.others]


def parse_credit(credit: str) -> _Names | None:
    """The names of a credit (记者龙跃梅 通讯员方斌 赖小琴), by role; None if it is not one.

    A name goes to the role printed before it; names before any role go to ``others``.
    """
    names = _Names()
    current: list[str] = names.others
    pos = 0
    for m in _CREDIT_TOKEN.finditer(credit):
        if m.start() != pos:
            return None  # something that is neither a role, a name nor a separator
        pos = m.end()
        if m.group("role"):
            role = regex.sub(f"^{_AFF}", "", m.group("role"))
            current = getattr(names, ROLES[role])
        elif m.group("name"):
            current.append(m.group("name"))
    if pos != len(credit) or not names.all():
        return None
    return names


def _byline(page: str, start: int, end: int) -> Byline | None:
    """A byline paragraph (◎本报记者 张景阳 通讯员 王丽曼), or None."""
    m = _BYLINE_LINE.fullmatch(page, start, end)
    if m is None:
        return None
    names = parse_credit(m.group("credit").strip())
    if names is None:
        return None
    return Byline(start=start, end=end, raw=page[start:end], reporters=names.reporters,
                  correspondents=names.correspondents, others=names.others)


def _merge_bylines(page: str, bylines: Sequence[Byline]) -> Byline:
    if len(bylines) == 1:
        return bylines[0]
    return Byline(
        start=bylines[0].start, end=bylines[-1].end, raw=page[bylines[0].start : bylines[-1].end],
        reporters=[n for b in bylines for n in b.reporters],
        correspondents=[n for b in bylines for n in b.correspondents],
        others=[n for b in bylines for n in b.others],
    )


def _caption(page: str, start: int, end: int) -> Caption | None:
    """A photo caption: a paragraph ending in its photographer's credit (…王丽曼摄)."""
    m = _CREDIT_AT_END.search(page, start, end)
    if m is None:
        return None
    credit = m.group("credit").strip()
    names = parse_credit(regex.sub(rf"{_SP}*[/／]?摄$", "", credit).lstrip("（("))
    if names is None:
        return None
    return Caption(start=start, end=end, text=page[start:end], credit=credit, photographers=names.all())


# --- datelines -----------------------------------------------------------------------------
def resolve_date(m: regex.Match, reference: dt.date | None) -> dt.date | None:
    """The date of a match of `_DATE`, read and resolved by the DATE normalizer
    (`extract.date.normalize`): a year-less one takes the year that puts it nearest to
    ``reference`` (1月2日 on a page of 2024-01-04 is 2024-01-02; 12月30日 is 2023-12-30)."""
    if not m.group("y") and reference is None:
        return None  # a year-less dateline on a page without a date stays unknown
    try:
        year = number(m.group("y")) if m.group("y") else None
        day = Unit(DAY, year, number(m.group("m")), number(m.group("d")))
        return dt.date.fromisoformat(resolve(Side(day, day), reference))
    except (Unresolvable, ValueError):
        return None


def _dateline(page: str, lead: int, end: int, agency: tuple[int, int] | None,
              reference: dt.date | None) -> dt.date | None:
    """The date the lead opens with (2023年12月28日，记者从…获悉; 新华社北京1月5日电)."""
    if agency is not None:
        m = _DATE_IN_AGENCY.search(page, *agency)
        if m is not None:
            return resolve_date(m, reference)
    m = _DATELINE.match(page, lead, end)
    return resolve_date(m, reference) if m is not None else None


# --- lines ---------------------------------------------------------------------------------
@dataclass(slots=True)
class _Line:
    start: int  # page offsets of the repaired paragraph
    end: int
    text: str  # the repaired text
    kind: str  # title | byline | caption | body
    byline: Byline | None = None
    caption: Caption | None = None


def _lines(page: str, cleaned: CleanText) -> list[_Line]:
    out: list[_Line] = []
    text = cleaned.text
    pos = 0
    for raw in text.split("\n"):
        a, b = pos, pos + len(raw)
        pos = b + 1
        stripped = raw.strip(" \t\u00a0\u3000\r")
        if not stripped:
            continue
        a += len(raw) - len(raw.lstrip(" \t\u00a0\u3000\r"))
        b = a + len(stripped)
        start, end = cleaned.to_original(a, b)
        out.append(_classify(page, start, end, stripped))
    return out


def _classify(page: str, start: int, end: int, text: str) -> _Line:
    caption = _caption(page, start, end) if text.rstrip(" ）)").endswith("摄") else None
    if caption is not None:
        return _Line(start, end, text, "caption", caption=caption)
    byline = _byline(page, start, end)
    if byline is not None:
        return _Line(start, end, text, "byline", byline=byline)
    if _is_title(text) and not _AGENCY_CREDIT.match(page, start, end):
        return _Line(start, end, text, "title")
    return _Line(start, end, text, "body")


def _is_title(text: str) -> bool:
    return len(text) <= TITLE_MAX_CHARS and "。" not in text and text[-1] not in TITLE_BAD_END


def _is_section(text: str) -> bool:
    if text in SECTION_WORDS or (len(text) <= SECTION_MAX_CHARS and regex.fullmatch(r"\p{Han}+", text)):
        return True
    return len(text) <= SECTION_SUFFIX_MAX_CHARS and text.endswith(SECTION_SUFFIXES)


def _titles(page: str, block: Sequence[_Line]) -> tuple[str, str | None, list[str]]:
    """(headline, subheadline, title lines) of a title block.

    A line opening with a dash is a 副题 (below the headline). Of the other lines, one alone is
    the headline; of two or more, the first is the 引题 (kicker) and the second the headline —
    the order of a printed title: 引题 above, 主题, 副题 below.
    """
    texts = [page[ln.start : ln.end].strip() for ln in block]
    dashed = [i for i, t in enumerate(texts) if _DASH.match(t)]
    plain = [i for i, t in enumerate(texts) if not _DASH.match(t)]
    if not plain:
        main = 0
    elif dashed and any(i < dashed[0] for i in plain):
        main = max(i for i in plain if i < dashed[0])
    elif len(plain) == 1:
        main = plain[0]
    else:
        main = plain[1]
    others = [_DASH.sub("", t, count=1).strip() if i in dashed else t for i, t in enumerate(texts) if i != main]
    return _DASH.sub("", texts[main], count=1).strip(), (" ".join(others) or None), texts


# --- the split -----------------------------------------------------------------------------
@dataclass(slots=True)
class _Draft:
    block: list[_Line]
    section: str | None
    lines: list[_Line] = field(default_factory=list)


def split_page(document: Document) -> list[Article]:
    """The articles of a page, in page order (pure; linear in the length of the page)."""
    return split_text(document.text, document.id, document.date)


def split_text(page: str, page_id: str, date: dt.date | None = None) -> list[Article]:
    """The articles of ``page``; ``date`` (the page date) dates articles without a dateline."""
    lines = _lines(page, clean(page))
    drafts: list[_Draft] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        if line.kind != "title":
            if not drafts:
                drafts.append(_Draft(block=[], section=None))  # text before any title
            drafts[-1].lines.append(line)
            i += 1
            continue
        j = i
        while j < len(lines) and lines[j].kind == "title":
            j += 1
        block, section = lines[i:j], None
        if len(block) >= 2 and _is_section(block[0].text):
            section, block = block[0].text, block[1:]
        if _opens_article(block, section, lines, j, first=not drafts):
            drafts.append(_Draft(block=block, section=section))
        else:  # subheads inside the current article
            drafts[-1].lines.extend(block)
        i = j
    articles: list[Article] = []
    section: str | None = None
    section_kind: str | None = None
    for n, d in enumerate(drafts, 1):
        article = _article(page, page_id, n, d, date)
        if d.section is not None:
            section, section_kind = d.section, article.kind
        elif section is not None and article.kind != section_kind:
            section = section_kind = None  # a different form of item: the section has ended
        articles.append(article.model_copy(update={"section": section}) if section else article)
    return articles


def _opens_article(block: Sequence[_Line], section: str | None, lines: Sequence[_Line], after: int,
                   first: bool) -> bool:
    if first or section is not None or len(block) >= 2:
        return True
    nxt = lines[after] if after < len(lines) else None
    if nxt is None:
        return False
    if nxt.kind == "byline" or (nxt.kind == "body" and _AGENCY_CREDIT.match(nxt.text)):
        return True
    if nxt.kind == "caption":  # a photo item: a title and its caption
        later = lines[after + 1] if after + 1 < len(lines) else None
        return later is None or later.kind == "title"
    return False


def _article(page: str, page_id: str, n: int, d: _Draft, date: dt.date | None) -> Article:
    body = list(d.lines)
    bylines: list[Byline] = []
    while body and body[0].kind == "byline" and d.block:
        bylines.append(body.pop(0).byline)
    byline = _merge_bylines(page, bylines) if bylines else None
    kind = "feature" if byline else "plain"
    agency = None
    body_start = body[0].start if body else (d.block[-1].end if d.block else 0)
    if body and body[0].kind == "body":
        m = _AGENCY_CREDIT.match(page, body[0].start, body[0].end)
        names = parse_credit(m.group("credit").strip()) if m else None
        if m is not None and names is not None:
            kind = "report"
            agency = m.span("agency")
            credit_end = m.end("credit") + 1
            byline = Byline(start=m.start(), end=credit_end, raw=page[m.start() : credit_end],
                            reporters=names.reporters, correspondents=names.correspondents,
                            others=names.others)
            body_start = m.end()
    elif body and body[0].kind == "caption" and kind == "plain":
        kind = "photo"
    parts = [*d.block, *d.lines]
    start = min(p.start for p in parts)
    end = max(p.end for p in parts)
    dateline = _dateline(page, body_start, end, agency, date) if body else None
    headline = subheadline = None
    title_lines: list[str] = []
    if d.block:
        headline, subheadline, title_lines = _titles(page, d.block)
    return Article(
        id=f"{page_id}#{n}", page_id=page_id, kind=kind, section=d.section, headline=headline,
        subheadline=subheadline, title_lines=title_lines, byline=byline, dateline_date=dateline,
        date=dateline or date, start=start, end=end, body_start=body_start, body_end=end if body else body_start,
        captions=[ln.caption for ln in body if ln.kind == "caption"],
    )


def split_document(document: Document) -> Page:
    return Page(id=document.id, date=document.date, source=document.source, articles=split_page(document))


def repaired_text(page: str, article: Article) -> str:
    """The article's text with the layout repaired (broken lines joined, captions lifted)."""
    return clean(page[article.start : article.end]).text
