"""PARK recognition in three layers, all on exact offsets.

1. ``park.registry``: a registry name or alias ending at a park word (肇庆高新区 → the registry's
   肇庆高新技术产业开发区).
2. ``park.pattern``: a place name (from the administrative divisions, short forms included:
   肇庆, 准格尔, 尧都) + descriptive words + a park word (高新区, 经济开发区, 产业园 …), read
   leftwards from the park word; a chain of places before it belongs to the name
   (内蒙古准格尔经济开发区). A bracketed place makes a company base a park
   (百度智能云（山西·临汾）人工智能基础数据产业基地). What is left of the park word is read once
   (``_read_left``); the surface forms are the records of ``PATTERN_RULES`` (name, the form it
   reads, its reader), tried in order — the name is recorded on the mention.
3. ``park.defined`` / linking: a short form the document defines (（以下简称百度智能云临汾基地）)
   is a mention of that park wherever it appears; mentions whose canonical names agree share
   the fuller park's value.

Every park word is found by one trie-compiled regex; each occurrence costs a bounded number of
dictionary look-ups, so the extractor is linear in the text.
"""

from __future__ import annotations

import bisect
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Callable, Iterable, Iterator

import ahocorasick
import regex

from extract.numeral.variants import simplified_view
from extract.base import Candidate, Context
from extract.park.lexicon import (
    AFTER_BRAND_NOT_ZONE,
    REGISTRY_ENDINGS,
    AMBIGUOUS_SHORT_PLACES,
    COMPANY_SUFFIXES,
    HARD_STOPS,
    GENERIC_HEADS,
    INDUSTRY_WORDS,
    LEVEL_WORDS,
    NOT_PARK_HEAD_WORDS,
    REGION_PLACES,
    STRONG_SUFFIXES,
    VERB_BIGRAMS,
    BRACKET_PLACE_SEPARATORS,
    COOPERATION_PREFIXES,
    MAX_DESCRIPTOR,
    NAME_BIGRAMS,
    NOT_PARK_ENDINGS,
    PATTERN_SUFFIXES,
    STOP_CHARS,
)
from extract.park.normalize import Place, canonical_name, expand, strip_level_words, value_from_places
from extract.park.registry import Alias, fast_key, load_divisions, names, normalize_name, registry_paths
from extract.segment import is_word_start, starts_with_proper_noun, word_starts
from extract.trie import trie_pattern
from schemas.records import ParkLevel, ParkValue

LABEL = "PARK"
_HAN = regex.compile(r"[\p{Han}A-Za-z]")
# A park word whose last character starts a longer word with the next one (城市, 园林, 园艺).
_WORD_GOES_ON = {"城": "市乡镇", "园": "林艺丁", "区": "域"}
_PARK_WORDS_INSIDE = ("开发区", "高新区", "经开区", "园区", "保税区", "综保区", "自贸区", "产业园", "工业园")
_UNIVERSITY = regex.compile(r"(\p{Han}{2,10}大学(?:国家)?)")
_COUNTED = regex.compile(r"(?:\d+|[一二两三四五六七八九十百千几多数]+)[个家座批处]$")
_META_KEYS = ("source", "issuer", "title", "publisher", "dateline", "place")
_MUNICIPALITY = frozenset({"北京市", "天津市", "上海市", "重庆市"})
_SHORT_OF: dict[str, str] = {}  # division name -> its short form (filled with the index)
_AFTER_BRAND = regex.compile(AFTER_BRAND_NOT_ZONE)
_DEFINITION = regex.compile(r"[（(]\s*(?:以下)?(?:简称|下称|称)[“\"「]?([\p{Han}A-Za-z0-9·]{2,20}?)[”\"」]?\s*[）)]")
# A bracket right after a name, holding a shorter form of it (江北新区研创园（研创园）): defined too,
# when its characters are the name's, in order (not 广州开发区（黄埔区）: a district, not a short form).
_BRACKET_SHORT = regex.compile(r"[（(][“\"「]?(\p{Han}{2,10})[”\"」]?[）)]")
# Words a bracket may hold that name no park by themselves (ANNOTATION: category words).
_CATEGORY_SHORTS = frozenset({"园区", "开发区", "高新区", "经开区", "新区", "自贸区", "综保区", "基地", "片区", "示范区",
                              "试验区", "实验区", "产业园", "工业园", "科技园", "保税区", "合作区"})


@dataclass(frozen=True)
class _Index:
    suffix_re: regex.Pattern
    pattern_suffixes: frozenset[str]
    aliases: dict  # normalized name -> Alias
    max_alias: int
    places: dict[str, tuple[Place, ...]]
    max_place: int


@lru_cache(maxsize=4)
def _index(paths: tuple[str, ...]) -> _Index:
    aliases = names(paths)
    pattern = set(PATTERN_SUFFIXES)
    ends = set(pattern)
    by_length = sorted(pattern, key=len, reverse=True)
    for name in aliases:
        if not any(name.endswith(s) for s in by_length):
            end = next((w for w in REGISTRY_ENDINGS if name.endswith(w)), None)
            ends.add(end or (name[-3:] if len(name) >= 5 else name))  # registry-only ending (…示范区, 光谷)
    places: dict[str, list[Place]] = {}
    derived: list[tuple[str, Place]] = []
    for d in load_divisions():
        if d.short and d.level.value != "county":
            _SHORT_OF.setdefault(d.name, d.short)
        place = Place(surface="", name=d.name, level=d.level.value, province=d.province, city=d.city)
        for surface in {d.name, d.short} - {None}:
            if len(surface) >= 2 and surface not in AMBIGUOUS_SHORT_PLACES:
                places.setdefault(surface, []).append(place)
        short = None if d.short else _derived_short(d.name)
        if short and len(short) >= 2 and short not in AMBIGUOUS_SHORT_PLACES:
            derived.append((short, place))
    # A derived short form counts only where no division has it as its name or given short form:
    # （海南） is 海南省, not 海南藏族自治州 or 乌海's 海南区; 通州 (two 通州区) stays ambiguous.
    given = set(places)
    for short, place in derived:
        if short not in given:
            places.setdefault(short, []).append(place)
    for region in REGION_PLACES:
        places.setdefault(region, []).append(Place("", region, "region", None, None))
    return _Index(
        suffix_re=regex.compile(trie_pattern(ends)),
        pattern_suffixes=frozenset(pattern),
        aliases=aliases,
        max_alias=max(len(a) for a in aliases),
        places={k: tuple(v) for k, v in places.items()},
        max_place=max(len(k) for k in places),
    )


_AUTONOMOUS = regex.compile(r"^(\p{Han}{2,}?)(?:\p{Han}{1,4}族)+自治[县州旗]$")


def _derived_short(name: str) -> str | None:
    """A short form where the divisions file gives none because it is shared (通州区 in 北京 and
    南通): the ambiguity is resolved per mention by the province of the chain."""
    m = _AUTONOMOUS.match(name)
    if m:
        return m.group(1)
    if len(name) >= 3 and name[-1] in "区县市旗盟":
        return name[:-1]
    return None


_LEVEL_ORDER = {"prefecture": 0, "province": 1, "county": 2, "region": 3}


def _place_ending_at(text: str, pos: int, idx: _Index, province: str | None = None) -> Place | None:
    """The longest place name ending exactly at ``pos`` (resolved to one division)."""
    for length in range(min(idx.max_place, pos), 1, -1):
        cands = idx.places.get(text[pos - length : pos])
        if cands:
            best = sorted(cands, key=lambda p: (province is not None and p.province != province, _LEVEL_ORDER[p.level]))[0]
            return Place(text[pos - length : pos], best.name, best.level, best.province, best.city)
    return None


def _place_before(text: str, pos: int, idx: _Index) -> tuple[Place, int] | None:
    """A place ending at ``pos``, or — when a place ending a little earlier starts before it
    (庆阳东数西算: 阳东 ends at 东, but 庆阳 starts earlier) — that one. Returns (place, end)."""
    place = _place_ending_at(text, pos, idx)
    if place is None:
        return None
    start = pos - len(place.surface)
    for inner in range(pos - 1, start, -1):
        other = _place_ending_at(text, inner, idx)
        if other is not None and inner - len(other.surface) < start:
            return other, inner
    return place, pos


def _registry_match(text: str, end: int, min_len: int, idx: _Index) -> tuple[int, object] | None:
    for length in range(min(idx.max_alias + 2, end), min_len - 1, -1):
        piece = text[end - length : end]
        if piece[0].isspace() or "\n" in piece:
            continue
        entry = idx.aliases.get(fast_key(piece))
        if entry is not None:
            return end - length, entry
    return None


@dataclass
class _Found:
    start: int
    end: int
    value: ParkValue
    rule: str
    remainder: str | None = None
    pending: Alias | None = None  # a shared or contextual name, decided by the whole document


def _is_boundary(text: str, pos: int) -> bool:
    """Does a name have to start at ``pos`` (reading leftwards, nothing more can belong to it)?"""
    if pos == 0:
        return True
    ch = text[pos - 1]
    if text[pos - 2 : pos] in VERB_BIGRAMS:
        return True
    if not _HAN.match(ch):
        return ch not in "—-－–" or pos < 2 or not _HAN.match(text[pos - 2])  # 磨憨—磨丁, 滨海-中关村
    if ch in HARD_STOPS or (ch in "年月日号" and pos >= 2 and text[pos - 2].isdigit()):
        return True
    if ch not in STOP_CHARS or text[pos - 2 : pos] in NAME_BIGRAMS or text[pos - 1 : pos + 1] in NAME_BIGRAMS:
        return False
    # A particle or verb character is a boundary unless jieba reads it inside a word (华为, 成都).
    return is_word_start(text, pos - 1) and is_word_start(text, pos)


def _false_place(text: str, place_start: int) -> bool:
    """A place read inside a word: 创新平台 holds 新平 (a county), 明月湖 holds 月湖."""
    pair = text[place_start - 1 : place_start + 1]
    if pair in NAME_BIGRAMS or pair in VERB_BIGRAMS:
        return True
    return place_start > 0 and _HAN.match(text[place_start - 1]) is not None and not is_word_start(text, place_start)


def _read_head(text: str, pos: int, limit: int = 6) -> int | None:
    """Read a name head leftwards from ``pos`` up to a boundary; None when none is met in time."""
    for _ in range(limit + 1):
        if _is_boundary(text, pos):
            return pos
        pos -= 1
    return None


@dataclass
class _Left:
    """What lies left of a park word at [s, e), read once and shared by the pattern rules.

    ``places`` is the place chain before the descriptor (outermost first, starting at ``start``),
    or None when no place precedes the park word. ``head_start``: without a place, where a name
    head before the park word starts (None when the read met no boundary); with a place, where a
    company name before the chain starts (None when there is none)."""
    text: str
    s: int
    e: int
    idx: _Index
    suffix: str
    pos: int  # where the descriptor starts: the end of the place, or where the read stopped
    bracket: bool  # a bracketed place was read over (百度智能云（山西·临汾）…基地)
    head_start: int | None = None
    places: list[Place] | None = None
    start: int = 0
    descriptor: str = ""
    partner: str = ""  # a bilateral park's partner country before the chain (中新, 中德)

    @property
    def head(self) -> str:
        return self.text[self.head_start : self.s] if self.head_start is not None else ""


def _bracket_before(text: str, pos: int, idx: _Index) -> int:
    """The length of a bracket of places ending at ``pos`` (（山西·临汾）), or 0."""
    m = regex.search(r"[（(]([^（）()]{2,16})[）)]$", text[max(0, pos - 18) : pos])
    parts = regex.split(f"[{BRACKET_PLACE_SEPARATORS}]", m.group(1)) if m else []
    return len(m.group(0)) if parts and all(p in idx.places for p in parts) else 0


def _scan_left(text: str, s: int, idx: _Index) -> tuple[Place | None, int, bool]:
    """Read leftwards from ``s`` over at most ``MAX_DESCRIPTOR`` descriptive characters (and one
    bracket of places) to a place or a boundary: (the place or None, where the read stopped, bracket)."""
    pos, bracket = s, False
    for _ in range(MAX_DESCRIPTOR + 1):
        hit = _place_before(text, pos, idx)
        if hit is not None and not _false_place(text, hit[1] - len(hit[0].surface)):
            return hit[0], hit[1], bracket
        if pos == 0:
            break
        if text[pos - 1] in "）)" and not bracket:
            width = _bracket_before(text, pos, idx)
            if not width:
                break
            bracket, pos = True, pos - width
            continue
        if _is_boundary(text, pos):
            break
        pos -= 1
    return None, pos, bracket


def _place_chain(text: str, place: Place, pos: int, idx: _Index) -> tuple[list[Place], int]:
    """The chain of places ending with ``place`` at ``pos`` (内蒙古准格尔), outermost first and
    re-resolved against the outer province (朝阳 under 辽宁 is 朝阳市), and where it starts."""
    places = [place]
    start = pos - len(place.surface)
    while True:
        prev = _place_ending_at(text, start, idx, province=places[0].province)
        if prev is None or _false_place(text, start - len(prev.surface)):
            break
        places.insert(0, prev)
        start -= len(prev.surface)
    outer = places[0].province
    places = [p if p.province == outer else (_place_ending_at(p.surface, len(p.surface), idx, outer) or p) for p in places]
    return places, start


def _not_one_park(left: _Left) -> bool:
    """A place, a descriptor and a park word that name no one park."""
    descriptor, last = left.descriptor, left.places[-1]
    if descriptor.startswith(_AREA_WORDS):
        return True  # 成渝地区外溢产业承接基地: the parks of an area, described, not one named park
    if any(w in descriptor for w in _PARK_WORDS_INSIDE) \
            or any(w in left.text[left.start : left.e] for w in NOT_PARK_HEAD_WORDS):
        return True  # 开发区国家级零碳园区: a park inside a park is two mentions; 实验室…基地 is research
    if not descriptor and left.suffix in ("园区", "新区", "基地") and last.level == "province":
        return True  # 广东园区, 新疆基地: a province and a bare park word is a category
    # 江苏化工园区, 广东生物医药产业园: a province's parks of a kind, not one park
    return bool(last.level in ("province", "region") and descriptor
                and _only_industry(_without_level_words(descriptor)))


def _company_head(left: _Left) -> int | None:
    """Where a company name before the place chain starts (a base or a park of a company), or None."""
    suffix, start = left.suffix, left.start
    if not (suffix in COMPANY_SUFFIXES or suffix.endswith(("园", "基地"))) or _is_boundary(left.text, start):
        return None
    head_start = _read_head(left.text, start)
    return head_start if head_start is not None and head_start < start else None


def _partner_before(text: str, start: int) -> str:
    """The partner country a bilateral park names first (中新济南未来产业城), or ""."""
    partner = next((c for c in COOPERATION_PREFIXES if text.endswith(c, 0, start)), "")
    return partner if partner and _is_boundary(text, start - len(partner)) else ""


def _read_left(text: str, s: int, e: int, idx: _Index) -> _Left | None:
    """What precedes the park word at [s, e), or None when it names no park whatever the rule."""
    suffix = text[s:e]
    if suffix.endswith("基地") and any(text.endswith(w, max(0, e - len(w)), e) for w in NOT_PARK_ENDINGS):
        return None
    place, pos, bracket = _scan_left(text, s, idx)
    if place is None:
        return _Left(text, s, e, idx, suffix, pos, bracket, head_start=pos if _is_boundary(text, pos) else None)
    places, start = _place_chain(text, place, pos, idx)
    left = _Left(text, s, e, idx, suffix, pos, bracket, places=places, start=start, descriptor=text[pos:s])
    if _not_one_park(left):
        return None
    left.head_start = _company_head(left)
    if left.head_start is not None and any(w in text[left.head_start : start] for w in NOT_PARK_HEAD_WORDS):
        return None
    left.partner = _partner_before(text, start)
    return left


# --- pattern rules: one reader per surface form --------------------------------------------
# A reader gives (start, value, remainder) of the park, or None when the text is not its form.

_Read = tuple[int, ParkValue, str | None] | None


def _read_university(left: _Left) -> _Read:
    """东南大学国家大学科技园: the university names the park."""
    text, s = left.text, left.s
    if not left.suffix.endswith("大学科技园"):
        return None
    m = _UNIVERSITY.search(text, max(0, s - 14), s)
    start = next((k for k in range(m.start(1), s - 2) if _is_boundary(text, k)), None) if m and m.end() == s else None
    if start is None:
        return None
    name = text[start : left.e]
    return start, value_from_places(name, [], "national" if "国家" in name else None), None


def _read_company_base(left: _Left) -> _Read:
    """百度智能云（山西·临汾）…基地: a company base with a bracketed place; the place is the last part,
    resolved within the first part's province."""
    head = left.head
    if not left.bracket or not head or any(w in head for w in NOT_PARK_HEAD_WORDS):
        return None
    places = []
    m = regex.search(r"[（(]([^（）()]{2,16})[）)]", head)
    if m:
        parts = regex.split(f"[{BRACKET_PLACE_SEPARATORS}]", m.group(1))
        outer = _place_ending_at(parts[0], len(parts[0]), left.idx)
        places = [_place_ending_at(parts[-1], len(parts[-1]), left.idx, outer.province if outer else None)]
    return left.head_start, value_from_places(head + left.suffix, places, "other"), None


def _proper_head(head: str, suffix: str, idx: _Index) -> bool:
    """Is ``head`` a proper name that makes a strong park word one park (not a kind of park)?"""
    if suffix not in STRONG_SUFFIXES or not 2 <= len(head) <= (4 if suffix == "基地" else 10):
        return False
    if head in GENERIC_HEADS or any(head.startswith(g) for g in GENERIC_HEADS if len(g) >= 2) \
            or any(w in head for w in NOT_PARK_HEAD_WORDS):
        return False
    if not (starts_with_proper_noun(head) or fast_key(head) in idx.aliases):
        return False
    if suffix in _GENERIC_BASES and (len(head) < 3 or any(w in head for w in _FUNCTION_WORDS)):
        return False
    return not _only_industry(head) and not any(w in head for w in _AREA_WORDS)


def _read_name(left: _Left) -> _Read:
    """A proper name without a place before a strong park word (吴淞创新城, 光谷生物城)."""
    if not _proper_head(left.head, left.suffix, left.idx):
        return None
    canonical, level = canonical_name([], left.head, left.suffix)
    return left.head_start, value_from_places(canonical, [], level), None


def _read_company_place(left: _Left) -> _Read:
    """A company name before the place chain: the base or park of a company (read before a
    partner country, so 中德沈阳产业园 is read here too)."""
    if left.head_start is None:
        return None
    head = left.text[left.head_start : left.start]
    canonical, level = canonical_name(left.places, left.descriptor, left.suffix, head=head)
    return left.head_start, value_from_places(canonical, left.places, "other"), None


def _read_place(left: _Left, partner: str) -> _Read:
    """A place chain (after ``partner``), a descriptor and the park word; 日照基地 alone is a
    place's base, not a named park. The name without its place (海拉尔农业发展园区 → 农业发展园区)
    still names this park later in the document when it keeps at least two descriptive characters,
    unless the rest is a kind of park (化工园区, 生物医药产业园: the document uses it as a category too)."""
    descriptor, suffix = left.descriptor, left.suffix
    if suffix.endswith("基地") and not descriptor:
        return None
    canonical, level = canonical_name(left.places, descriptor, suffix, head=partner)
    remainder = descriptor + suffix if len(descriptor) >= 2 and descriptor not in LEVEL_WORDS \
        and not _only_industry(strip_level_words(descriptor, suffix)[0] or descriptor) else None
    return left.start - len(partner), value_from_places(canonical, left.places, level), remainder


def _read_partner_place(left: _Left) -> _Read:
    """中新济南未来产业城: a bilateral park names its partner country first."""
    return _read_place(left, left.partner) if left.partner else None


def _read_plain_place(left: _Left) -> _Read:
    """海拉尔食品产业园, 内蒙古准格尔经济开发区: a place chain, no partner before it."""
    return None if left.partner else _read_place(left, "")


@dataclass(frozen=True)
class _Rule:
    """A pattern rule: the name recorded on the mention, the surface form it reads, whether that
    form starts with a place chain, and its reader."""
    name: str
    reads: str
    placed: bool
    produce: Callable[[_Left], _Read]


# Tried in this order among the rules for what was read (with a place or without); the first
# reader that gives a park names it.
PATTERN_RULES: tuple[_Rule, ...] = (
    _Rule("park.pattern.university+suffix", "X大学(国家)大学科技园, no place", False, _read_university),
    _Rule("park.pattern.company_base", "company（province·place）…park word", False, _read_company_base),
    _Rule("park.pattern.name+suffix", "proper name + strong park word, no place", False, _read_name),
    _Rule("park.pattern.company+place+suffix", "company + place chain + descriptor + 园/基地/company word",
          True, _read_company_place),
    _Rule("park.pattern.partner+place+suffix", "partner country + place chain + descriptor + park word",
          True, _read_partner_place),
    _Rule("park.pattern.place+suffix", "place chain + descriptor + park word", True, _read_plain_place),
)


def _pattern_match(text: str, s: int, e: int, idx: _Index) -> _Found | None:
    """Read leftwards from the park word at [s, e) (descriptor, place chain, a head before it),
    then let the first rule of ``PATTERN_RULES`` for that reading that gives a park name it."""
    left = _read_left(text, s, e, idx)
    if left is None:
        return None
    placed = left.places is not None
    for rule in PATTERN_RULES:
        if rule.placed == placed:
            read = rule.produce(left)
            if read is not None:
                return _Found(read[0], e, read[1], rule.name, read[2])
    return None


# A base named by what it does is a description (研发基地, 电动车研发生产基地), not a name; a base
# needs a name head of three characters or more without a place (格力电器…产业基地; 钾盐基地 is a kind).
_FUNCTION_WORDS = ("研发", "生产", "制造", "加工", "研究", "试验", "示范", "培育", "储备")
_NATIONAL_ONLY = frozenset({"综合保税区", "综保区", "保税港区", "边境经济合作区", "跨境经济合作区",
                            "农业高新技术产业示范区", "自由贸易试验区", "自贸试验区", "自贸区"})
_GENERIC_BASES = frozenset({"基地", "产业基地", "生产基地", "制造基地"})
_ORDINAL = regex.compile(r"第?[0-9一二两三四五六七八九十百几]+大|某|若干")
_FTZ_WORDS = ("自贸区", "自贸试验区", "自由贸易试验区", "自由贸易区")


# Words after a place that make it an area whose parks are described (成渝地区…承接基地).
_AREA_WORDS = ("地区", "区域", "一带", "周边", "沿线")


def _without_level_words(descriptor: str) -> str:
    """The descriptor without the level words before or after it (省级化工 → 化工; after 浙江省 the
    descriptor starts at 级)."""
    if descriptor.startswith("级") and len(descriptor) > 1:
        descriptor = descriptor[1:]
    for word in sorted(LEVEL_WORDS, key=len, reverse=True):
        if descriptor.startswith(word) and len(descriptor) > len(word):
            descriptor = descriptor[len(word):]
            break
    for word in sorted(LEVEL_WORDS, key=len, reverse=True):
        if descriptor.endswith(word) and len(descriptor) > len(word):
            return descriptor[: -len(word)]
    return descriptor


def _only_industry(head: str) -> bool:
    """Is ``head`` made only of industry and product words (光伏, 新能源, 数字经济)? Then it names a
    kind of park, not one (GUIDELINE PARK, issue 16 session 6)."""
    cuts = sorted(word_starts(head))
    words = [head[a:b] for a, b in zip(cuts, cuts[1:])]
    return bool(words) and all(w in INDUSTRY_WORDS for w in words)


def _described(text: str, start: int, s: int, suffix: str) -> bool:
    """A description, not a name (GUIDELINE PARK, precision): a count or an ordinal inside it
    (八大生产基地, 第三大生产基地, 某一工业园区), an FTZ of a region of several provinces
    (沪苏浙自贸试验区: three zones written as one), a university or institute before a zone word
    other than a science park (…大学自贸区 is a research institute)."""
    body = text[start:s]
    if _ORDINAL.search(body):
        return True
    if suffix in _FTZ_WORDS and any(body.endswith(r) for r in REGION_PLACES):
        return True
    return "大学" in body and not suffix.endswith("科技园")


def _registry_by_canonical(canonical: str, idx: _Index) -> Alias | None:
    """The registry name a pattern's canonical is, also with its place written the other way
    (仙桃高新技术产业开发区 for 仙桃市…, 准格尔经济开发区 for 准格尔旗…): the place's full name or
    short form, in the same province as the zone found."""
    alias = idx.aliases.get(normalize_name(canonical))
    if alias is not None:
        return alias
    for length in range(min(idx.max_place, len(canonical) - 2), 1, -1):
        cands = idx.places.get(canonical[:length])
        if not cands:
            continue
        rest = canonical[length:]
        for place in cands:
            for other in (place.name, _SHORT_OF.get(place.name), _derived_short(place.name)):
                if not other or other == canonical[:length]:
                    continue
                alt = idx.aliases.get(normalize_name(other + rest))
                if alt is not None and alt.kind == "own" and alt.entries[0].province == place.province:
                    return alt
        return None
    return None


def _bare_name_stands(text: str, start: int, end: int) -> bool:
    """A registry name without a park word (a brand: 中关村, 光谷) is the zone only as a word of its
    own: jieba does not read it inside a longer word, and no street, square or station word follows."""
    if _AFTER_BRAND.match(text, end, end + 6):
        return False
    return is_word_start(text, start) and (end >= len(text) or is_word_start(text, end) or not _HAN.match(text[end]))


def _registry_found(text: str, start: int, end: int, alias: Alias, rule: str) -> _Found:
    if alias.kind == "own":
        return _Found(start, end, _registry_value(alias.entries[0]), rule)
    return _Found(start, end, _undecided_value(text[start:end], alias.entries), rule, pending=alias)


def _undecided_value(surface: str, entries) -> ParkValue:
    """The value of a name several zones own, where the document does not say which: what they
    have in common (province, city), no id."""
    provinces = {e.province for e in entries}
    cities = {e.city for e in entries}
    levels = {e.level.value for e in entries}
    return ParkValue(canonical=expand(surface), level=ParkLevel(levels.pop()) if len(levels) == 1 else ParkLevel.unknown,
                     province=provinces.pop() if len(provinces) == 1 else None,
                     city=cities.pop() if len(cities) == 1 and len(provinces | {None}) <= 2 else None, id=None)


def _place_words(entry) -> tuple[str, ...]:
    """The place names that point to a zone in a document: its city and province, full and short."""
    out = []
    for name in (entry.city, entry.province):
        if name:
            out.append(name)
            short = _SHORT_OF.get(name)
            if short:
                out.append(short)
    return tuple(dict.fromkeys(out))


@lru_cache(maxsize=1)
def _county_automaton() -> ahocorasick.Automaton:
    """County-level names (full, and the short form where it is one division's) -> (province, city):
    a district named in the document points to its city (柯桥区 → 绍兴市)."""
    table: dict[str, set[tuple[str, str | None]]] = {}
    for d in load_divisions():
        if d.level.value != "county":
            continue
        for name in {d.name, d.short} - {None}:
            if len(name) >= 2 and name not in AMBIGUOUS_SHORT_PLACES:
                table.setdefault(name, set()).add((d.province, d.city))
    auto = ahocorasick.Automaton()
    for name, where in table.items():
        if len(where) == 1:  # a name two counties bear says nothing
            auto.add_word(name, (len(name), next(iter(where))))
    auto.make_automaton()
    return auto


def _county_evidence(text: str, found: list[_Found]) -> tuple[Counter, Counter]:
    """Per city and per province, how many county-level names the text holds outside park spans
    (滨海新区 is a district of 天津 too: inside a park mention it is no evidence). One pass."""
    taken = _Taken(found)
    cities: Counter = Counter()
    provinces: Counter = Counter()
    last = -1
    for end, (length, (province, city)) in _county_automaton().iter_long(text):
        start = end - length + 1
        if start <= last or taken.overlaps(start, end + 1):
            continue
        last = end
        if city:
            cities[city] += 1
        provinces[province] += 1
    return cities, provinces


class _Evidence:
    """What a document says about where its shared names point: the zones it names for sure, its
    metadata, the places of its other parks and the county-level names of its text."""

    def __init__(self, text: str, found: list[_Found], context: Context):
        sure = [f for f in found if f.pending is None]
        self.text = text
        self.named = {f.value.canonical for f in sure} | {f.value.id for f in sure if f.value.id}
        self.meta = " ".join(str(v) for k, v in (context.extras or {}).items() if k in _META_KEYS and v)
        park_places = [(f.value.province, f.value.city) for f in sure if f.value.id or f.value.province]
        self.city_parks = Counter(city for _, city in park_places if city)
        self.province_parks = Counter(prov for prov, _ in park_places if prov)
        self.counts: dict[str, int] = {}  # one count per place word and document (linear in the text)
        self.county_cities, self.county_provinces = _county_evidence(text, found)

    def count(self, w: str) -> int:
        if w not in self.counts:
            self.counts[w] = min(self.text.count(w), 5)
        return self.counts[w]

    def names_zone(self, e) -> bool:
        """Does the document name the zone ``e`` or its parent by an unambiguous name?"""
        return e.id in self.named or e.canonical in self.named or bool(e.parent and e.parent in self.named)

    def score(self, e) -> int:
        """Metadata first, then the document's other parks, then its place names."""
        words = _place_words(e)
        return (100 * sum(self.meta.count(w) > 0 for w in words)
                + 10 * (self.city_parks.get(e.city, 0) if e.city else self.province_parks.get(e.province, 0))
                + sum(self.count(w) for w in words if e.province not in _MUNICIPALITY or w != e.city)
                + min(self.county_cities.get(e.city, 0) if e.city else self.county_provinces.get(e.province, 0), 5))


def _decide(f: _Found, evidence: _Evidence) -> _Found | None:
    """A pending mention decided: a contextual name stands or goes; a shared name goes to the zone
    with the best score, or stays undecided on a tie."""
    alias = f.pending
    if alias.kind == "contextual":
        e = alias.entries[0]
        return _Found(f.start, f.end, _registry_value(e), f.rule + ".contextual") if evidence.names_zone(e) else None
    scores = [(evidence.score(e), e) for e in alias.entries]
    scores.sort(key=lambda x: -x[0])
    if scores[0][0] > 0 and scores[0][0] > scores[1][0]:
        return _Found(f.start, f.end, _registry_value(scores[0][1]), f.rule + ".in_context")
    return _Found(f.start, f.end, f.value, f.rule + ".undecided")


def _resolve_in_context(text: str, found: list[_Found], context: Context) -> list[_Found]:
    """Decide the shared and contextual names by the document (GUIDELINE PARK, context):
    a contextual name stands only where the document names its zone or the zone's parent by an
    unambiguous name; a shared name goes to the one zone the document's places point to — its
    metadata (source, issuer, title), the places of its other parks, then the place names in its
    text — and stays undecided (id null) on a tie."""
    if not any(f.pending for f in found):
        return found
    evidence = _Evidence(text, found, context)
    decided = (f if f.pending is None else _decide(f, evidence) for f in found)
    return [f for f in decided if f is not None]


def _registry_value(entry) -> ParkValue:
    return ParkValue(canonical=entry.canonical, level=ParkLevel(entry.level.value), province=entry.province,
                     city=entry.city, id=entry.id)


def _pattern_in_registry(text: str, pat: _Found, s: int, word: str, idx: Any) -> _Found:
    """A pattern name whose canonical (or whose name as written without level words) is a
    registry zone's own name gets that zone (山西临汾尧都高新区); otherwise the pattern stands."""
    alias = _registry_by_canonical(pat.value.canonical, idx)
    if alias is None:
        body, _ = strip_level_words(text[pat.start : s], word)
        alias = idx.aliases.get(normalize_name(expand(body + word)))
    if alias is not None and alias.kind == "own":
        return _Found(pat.start, pat.end, _registry_value(alias.entries[0]), pat.rule + "→registry", pat.remainder)
    return pat


class ParkExtractor:
    """``use_registry=False`` switches layer 1 off (to measure the patterns on unseen parks)."""

    label = LABEL

    def __init__(self, use_registry: bool = True, registry: str | Iterable[str] | None = None):
        """``registry``: extra registry files (JSONL of ``schemas.registry.ParkEntry`` rows) used
        beside the shipped one; None takes the user's files from the environment (``--registry``)."""
        self.use_registry = use_registry
        if isinstance(registry, (str, bytes)) or hasattr(registry, "__fspath__"):
            registry = [registry]
        self.registry = None if registry is None else tuple(str(r) for r in registry)
        if self.registry:
            from extract.park.registry import load_registry
            for r in self.registry:
                load_registry(r)  # validate now: a bad row fails here with its file and line

    def find(self, text: str, context: Context) -> Iterable[Candidate]:
        # 國家高新區, 西安高新區: names matched in a same-length simplified view; the spans are
        # cut from the text as written, the canonical names are the registry's (simplified).
        text = simplified_view(text)
        idx = _index(registry_paths(self.registry))
        found: list[_Found] = []
        for m in idx.suffix_re.finditer(text):
            one = self._at_park_word(text, m, idx)
            if one is not None:
                found.append(one)
        found = _resolve_in_context(text, found, context)
        found.extend(self._defined(text, found))
        found.extend(self._short_forms(text, found))
        found.extend(_head_forms(text, found, idx))
        yield from (Candidate(f.start, f.end, LABEL, v, f.rule, priority=1) for f, v in _link(found))

    def _at_park_word(self, text: str, m: Any, idx: Any) -> _Found | None:
        """The park named by the park word ``m`` matched (registry name, pattern name, or the
        pattern's name found in the registry), or None."""
        s, e = m.span()
        if e < len(text) and text[e] in _WORD_GOES_ON.get(text[e - 1], ""):
            return None  # 创新城市, 产业园林: the park word is the start of a longer word
        reg = _registry_match(text, e, e - s, idx) if self.use_registry else None
        if reg is not None and m.group() not in idx.pattern_suffixes and not _bare_name_stands(text, reg[0], e):
            reg = None  # 中关村大街, 光谷广场: a brand inside a street's or a square's name
        pat = _pattern_match(text, s, e, idx) if m.group() in idx.pattern_suffixes else None
        if pat is not None and (_COUNTED.search(text, max(0, pat.start - 8), pat.start)
                                or _described(text, pat.start, s, m.group())):
            pat = None  # 23个山海协作产业园, 5个省级高新区: a counted name is a kind of park, not one
        if pat is not None and m.group() in _NATIONAL_ONLY and pat.value.level is ParkLevel.unknown:
            # only the State Council sets these up: every one is national (贵阳综合保税区)
            pat.value = pat.value.model_copy(update={"level": ParkLevel.national})
        if reg is not None and (pat is None or pat.start >= reg[0]):
            return _registry_found(text, reg[0], e, reg[1], "park.registry")
        if reg is not None:
            return _registry_found(text, pat.start, e, reg[1], "park.registry+place_prefix")
        if pat is None or not self.use_registry:
            return pat
        return _pattern_in_registry(text, pat, s, m.group(), idx)

    @staticmethod
    def _short_forms(text: str, found: list[_Found]) -> Iterator[_Found]:
        """Short forms of a park named in full elsewhere in the document (layer 3): one scan per
        distinct short form, checked against the mentions already found in one sorted sweep."""
        values: dict[str, ParkValue] = {}
        for f in found:
            if f.remainder:
                values.setdefault(f.remainder, f.value)
        if not values:
            return
        occurrences = sorted((m.start(), m.end(), r) for r in values for m in regex.finditer(regex.escape(r), text))
        taken = _Taken(found)
        last_end = -1
        for start, end, r in occurrences:
            if start >= last_end and not taken.overlaps(start, end):
                last_end = end
                yield _Found(start, end, values[r], "park.short_form_of_earlier")

    @staticmethod
    def _defined(text: str, found: list[_Found]) -> Iterator[_Found]:
        """Short forms the document defines: X（以下简称Y） makes every Y a mention of X — also
        where another layer already read Y as a park of its own."""
        definitions: dict[str, ParkValue] = {}
        for f in found:
            m = _DEFINITION.match(text, f.end, f.end + 40)  # endpos: regex's \s* would scan to the end
            if m:
                definitions.setdefault(m.group(1), f.value)
                continue
            m = _BRACKET_SHORT.match(text, f.end, f.end + 16)
            if m and _shortens(m.group(1), text[f.start : f.end]):
                definitions.setdefault(m.group(1), f.value)
        if not definitions:
            return
        for f in found:
            value = definitions.get(text[f.start : f.end])
            if value is not None:
                f.value, f.rule = value, "park.defined_short_form"
        taken = _Taken(found)
        for short, value in definitions.items():
            for occ in regex.finditer(regex.escape(short), text):
                if not taken.overlaps(occ.start(), occ.end()):
                    yield _Found(occ.start(), occ.end(), value, "park.defined_short_form")


def _shortens(short: str, name: str) -> bool:
    """Is ``short`` a short form of ``name``: shorter, its characters taken from the name in order,
    starting with the name's first character or its head after a place, and not a bare category
    word (园区, 开发区)?"""
    if short in _CATEGORY_SHORTS or not 2 <= len(short) < len(name):
        return False
    i = 0
    for ch in name:
        if i < len(short) and ch == short[i]:
            i += 1
    return i == len(short)


# The park word a long one is shortened to (宁东能源化工基地 → 宁东基地).
_HEAD_TAILS = ("基地", "园区", "产业园", "工业园", "科技园", "物流园", "新区", "新城", "产业城", "科技城")
_ZONE_WORDS = ("开发区", "高新区", "经开区", "自贸区", "试验区", "保税区", "示范区", "合作区")


def _head_of(surface: str, canonical: str, by_length: list[str], idx: _Index) -> tuple[str, str] | None:
    """(head, head + shorter park word) of a full name with a short head and a long park word
    (宁东能源化工基地 → 宁东, 宁东基地), or None."""
    if surface.endswith(canonical):  # 宁夏宁东能源化工基地: the name without the province
        surface = canonical
    word = next((w for w in by_length if surface.endswith(w)), None)
    if word is None or len(word) < 4 or word.endswith(_ZONE_WORDS):
        return None
    body = surface[: -len(word)]
    tail = next((t for t in _HEAD_TAILS if word.endswith(t) and len(t) < len(word)), None)
    if tail is None or not 2 <= len(body) <= 4 or not regex.fullmatch(r"\p{Han}+", body) or body in idx.places:
        return None
    return body, body + tail


def _same_park(old: ParkValue | None, value: ParkValue) -> ParkValue | None:
    """``value`` when the form gave no other park before, else None (the form is nobody's)."""
    return value if old is not None and old.canonical == value.canonical else None


def _head_tables(text: str, found: list[_Found], idx: _Index) -> tuple[dict, dict]:
    """The short forms of the document's full names (head + shorter park word → value) and their
    bare heads (head → (short form, value)); None where two parks would give the same form."""
    by_length = sorted(idx.pattern_suffixes, key=len, reverse=True)
    forms: dict[str, ParkValue | None] = {}
    bare: dict[str, tuple[str, ParkValue | None]] = {}
    for f in found:
        if f.rule.startswith("park.head") or f.rule.startswith("park.short") or f.rule.startswith("park.defined"):
            continue
        got = _head_of(text[f.start : f.end], f.value.canonical, by_length, idx)
        if got is None:
            continue
        body, short = got
        forms[short] = _same_park(forms.get(short, f.value), f.value)
        bare[body] = (short, _same_park(bare.get(body, (short, f.value))[1], f.value))
    return forms, bare


def _head_forms(text: str, found: list[_Found], idx: _Index) -> Iterator[_Found]:
    """A full name followed later by its head (ANNOTATION: 宁东能源化工基地 → 宁东基地 → 宁东): a name
    of a short head (2–4 characters, not a division) and a long park word gives the head plus the
    shorter park word; the bare head counts too once the document uses that shorter form. A short
    form two parks of the document would give is nobody's."""
    forms, bare = _head_tables(text, found, idx)
    forms = {k: v for k, v in forms.items() if v is not None}
    wanted = dict(forms)
    for body, (short, value) in bare.items():
        if value is not None and short in text:
            wanted[body] = value
    if not wanted:
        return
    taken = _Taken(found)
    occurrences = sorted((m.start(), -m.end(), k) for k in wanted for m in regex.finditer(regex.escape(k), text))
    last_end = -1
    for start, neg_end, key in occurrences:
        end = -neg_end
        if start < last_end or taken.overlaps(start, end):
            continue
        if key not in forms and not (is_word_start(text, start) and is_word_start(text, end)):
            continue  # the bare head inside a longer word
        last_end = end
        yield _Found(start, end, wanted[key], "park.head_short_form")


class _Taken:
    """The spans already found, sorted once: an overlap query looks only at the spans that
    start within the longest span length before the query (linear overall)."""

    MAX_SPAN = 80

    def __init__(self, found: list[_Found]):
        self.spans = sorted((f.start, f.end) for f in found)
        self.starts = [s for s, _ in self.spans]

    def overlaps(self, start: int, end: int) -> bool:
        i = bisect.bisect_left(self.starts, start - self.MAX_SPAN)
        while i < len(self.spans) and self.spans[i][0] < end:
            if self.spans[i][1] > start:
                return True
            i += 1
        return False


def _link(found: list[_Found]) -> Iterator[tuple[_Found, ParkValue]]:
    """Mentions with the same canonical name share the value of the best-known one
    (a registry entry, else the one with the most attributes)."""
    best: dict[str, ParkValue] = {}
    for f in found:
        cur = best.get(f.value.canonical)
        if cur is None or _rank(f.value) > _rank(cur):
            best[f.value.canonical] = f.value
    # 经开区 expands to 经济技术开发区, but a zone the document calls X经济开发区 keeps that name:
    # X经开区 there is the same zone (a pattern name without id only).
    for canonical, value in list(best.items()):
        if value.id is None and canonical.endswith("经济技术开发区"):
            plain = best.get(canonical[: -len("经济技术开发区")] + "经济开发区")
            if plain is not None:
                best[canonical] = plain
    for f in found:
        yield f, best[f.value.canonical]


def _rank(v: ParkValue) -> tuple:
    return (v.id is not None, v.level != ParkLevel.unknown, v.province is not None, v.city is not None)
