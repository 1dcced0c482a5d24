"""PARK recognition in three layers, all on exact offsets.

1. ``park.registry``: a registry name or alias ending at a park word (肇庆高新区 → the registry's
   肇庆高新技术产业开发区).
2. ``park.pattern``: a place name (from the administrative divisions, short forms included:
   肇庆, 准格尔, 尧都) + descriptive words + a park word (高新区, 经济开发区, 产业园 …), read
   leftwards from the park word; a chain of places before it belongs to the name
   (内蒙古准格尔经济开发区). A bracketed place makes a company base a park
   (百度智能云（山西·临汾）人工智能基础数据产业基地).
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
from typing import Any, Iterable, Iterator

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


def _pattern_match(text: str, s: int, e: int, idx: _Index) -> _Found | None:
    """Read leftwards from the park word at [s, e): descriptor, then a place chain, then
    (for bases and parks) a company head; or a proper-name head before a strong park word."""
    suffix = text[s:e]
    if suffix.endswith("基地") and any(text.endswith(w, max(0, e - len(w)), e) for w in NOT_PARK_ENDINGS):
        return None
    pos = s
    place = None
    bracket = False
    for _ in range(MAX_DESCRIPTOR + 1):
        hit = _place_before(text, pos, idx)
        if hit is not None and not _false_place(text, hit[1] - len(hit[0].surface)):
            place, pos = hit
            break
        if pos == 0:
            break
        ch = text[pos - 1]
        if ch in "）)" and not bracket:
            m = regex.search(r"[（(]([^（）()]{2,16})[）)]$", text[max(0, pos - 18) : pos])
            parts = regex.split(f"[{BRACKET_PLACE_SEPARATORS}]", m.group(1)) if m else []
            if parts and all(p in idx.places for p in parts):
                bracket = True
                pos -= len(m.group(0))
                continue
            break
        if _is_boundary(text, pos):
            break
        pos -= 1
    if place is None and suffix.endswith("大学科技园"):
        m = _UNIVERSITY.search(text, max(0, s - 14), s)
        start = next((k for k in range(m.start(1), s - 2) if _is_boundary(text, k)), None) if m and m.end() == s else None
        if start is not None:  # 东南大学国家大学科技园: the university names the park
            return _Found(start, e, value_from_places(text[start:e], [], "national" if "国家" in text[start:e] else None),
                          "park.pattern.university+suffix")
    if place is None:
        head_start = pos if _is_boundary(text, pos) else None
        head = text[head_start:s] if head_start is not None else ""
        if bracket and head and not any(w in head for w in NOT_PARK_HEAD_WORDS):
            # a company base with a bracketed place: 百度智能云（山西·临汾）…基地
            places = []
            m = regex.search(r"[（(]([^（）()]{2,16})[）)]", head)
            if m:  # the last part, resolved within the first part's province
                parts = regex.split(f"[{BRACKET_PLACE_SEPARATORS}]", m.group(1))
                outer = _place_ending_at(parts[0], len(parts[0]), idx)
                places = [_place_ending_at(parts[-1], len(parts[-1]), idx, outer.province if outer else None)]
            return _Found(head_start, e, value_from_places(head + suffix, places, "other"), "park.pattern.company_base")
        if suffix in STRONG_SUFFIXES and 2 <= len(head) <= (4 if suffix == "基地" else 10) and head not in GENERIC_HEADS \
                and not any(head.startswith(g) for g in GENERIC_HEADS if len(g) >= 2) \
                and not any(w in head for w in NOT_PARK_HEAD_WORDS) \
                and (starts_with_proper_noun(head) or fast_key(head) in idx.aliases) \
                and not (suffix in _GENERIC_BASES and (len(head) < 3 or any(w in head for w in _FUNCTION_WORDS))) \
                and not _only_industry(head) and not any(w in head for w in _AREA_WORDS):
            canonical, level = canonical_name([], head, suffix)
            return _Found(head_start, e, value_from_places(canonical, [], level), "park.pattern.name+suffix")
        return None
    places = [place]
    start = pos - len(place.surface)
    while True:
        prev = _place_ending_at(text, start, idx, province=places[0].province)
        if prev is None or _false_place(text, start - len(prev.surface)):
            break
        places.insert(0, prev)
        start -= len(prev.surface)
    # Re-resolve inner places against the outer province (朝阳 under 辽宁 is 朝阳市).
    outer = places[0].province
    places = [p if p.province == outer else (_place_ending_at(p.surface, len(p.surface), idx, outer) or p) for p in places]
    descriptor = text[pos:s]
    if descriptor.startswith(_AREA_WORDS):
        return None  # 成渝地区外溢产业承接基地: the parks of an area, described, not one named park
    if any(w in descriptor for w in _PARK_WORDS_INSIDE) or any(w in text[start:e] for w in NOT_PARK_HEAD_WORDS):
        return None  # 开发区国家级零碳园区: a park inside a park is two mentions; 实验室…基地 is research
    if not descriptor and suffix in ("园区", "新区", "基地") and places[-1].level == "province":
        return None  # 广东园区, 新疆基地: a province and a bare park word is a category
    if places[-1].level in ("province", "region") and descriptor and _only_industry(_without_level_words(descriptor)):
        return None  # 江苏化工园区, 广东生物医药产业园: a province's parks of a kind, not one park
    if (suffix in COMPANY_SUFFIXES or suffix.endswith(("园", "基地"))) and not _is_boundary(text, start):
        head_start = _read_head(text, start)
        if head_start is not None and head_start < start:
            head = text[head_start:start]
            if any(w in head for w in NOT_PARK_HEAD_WORDS):
                return None
            canonical, level = canonical_name(places, descriptor, suffix, head=head)
            return _Found(head_start, e, value_from_places(canonical, places, "other"), "park.pattern.company+place+suffix")
    if suffix.endswith("基地") and not descriptor:
        return None  # 日照基地 alone is a place's base, not a named park
    # A bilateral park names its partner country first: 中新济南未来产业城, 中德沈阳产业园.
    partner = next((c for c in COOPERATION_PREFIXES if text.endswith(c, 0, start)), "")
    if partner and not _is_boundary(text, start - len(partner)):
        partner = ""
    canonical, level = canonical_name(places, descriptor, suffix, head=partner)
    # The name without its place (海拉尔农业发展园区 → 农业发展园区) still names this park later in
    # the document when it keeps at least two descriptive characters.
    # Not when the rest is a kind of park (化工园区, 生物医药产业园): the document uses it as a category too.
    remainder = descriptor + suffix if len(descriptor) >= 2 and descriptor not in LEVEL_WORDS \
        and not _only_industry(strip_level_words(descriptor, suffix)[0] or descriptor) else None
    rule = "park.pattern.partner+place+suffix" if partner else "park.pattern.place+suffix"
    return _Found(start - len(partner), e, value_from_places(canonical, places, level), rule, remainder)


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


def _resolve_in_context(text: str, found: list[_Found], context: Context) -> list[_Found]:
    """Decide the shared and contextual names by the document (GUIDELINE PARK, context):
    a contextual name stands only where the document names its zone or the zone's parent by an
    unambiguous name; a shared name goes to the one zone the document's places point to — its
    metadata (source, issuer, title), the places of its other parks, then the place names in its
    text — and stays undecided (id null) on a tie."""
    if not any(f.pending for f in found):
        return found
    sure = [f for f in found if f.pending is None]
    named = {f.value.canonical for f in sure} | {f.value.id for f in sure if f.value.id}
    meta = " ".join(str(v) for k, v in (context.extras or {}).items() if k in _META_KEYS and v)
    park_places = [(f.value.province, f.value.city) for f in sure if f.value.id or f.value.province]
    city_parks = Counter(city for _, city in park_places if city)
    province_parks = Counter(prov for prov, _ in park_places if prov)
    counts: dict[str, int] = {}  # one count per place word and document (linear in the text)
    county_cities, county_provinces = _county_evidence(text, found)

    def count(w: str) -> int:
        if w not in counts:
            counts[w] = min(text.count(w), 5)
        return counts[w]

    out = []
    for f in found:
        alias = f.pending
        if alias is None:
            out.append(f)
            continue
        if alias.kind == "contextual":
            e = alias.entries[0]
            if e.id in named or e.canonical in named or (e.parent and e.parent in named):
                out.append(_Found(f.start, f.end, _registry_value(e), f.rule + ".contextual"))
            continue
        scores = []
        for e in alias.entries:
            words = _place_words(e)
            score = (100 * sum(meta.count(w) > 0 for w in words)
                     + 10 * (city_parks.get(e.city, 0) if e.city else province_parks.get(e.province, 0))
                     + sum(count(w) for w in words if e.province not in _MUNICIPALITY or w != e.city)
                     + min(county_cities.get(e.city, 0) if e.city else county_provinces.get(e.province, 0), 5))
            scores.append((score, e))
        scores.sort(key=lambda x: -x[0])
        if scores[0][0] > 0 and scores[0][0] > scores[1][0]:
            out.append(_Found(f.start, f.end, _registry_value(scores[0][1]), f.rule + ".in_context"))
        else:
            out.append(_Found(f.start, f.end, f.value, f.rule + ".undecided"))
    return out


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


def _head_forms(text: str, found: list[_Found], idx: _Index) -> Iterator[_Found]:
    """A full name followed later by its head (ANNOTATION: 宁东能源化工基地 → 宁东基地 → 宁东): a name
    of a short head (2–4 characters, not a division) and a long park word gives the head plus the
    shorter park word; the bare head counts too once the document uses that shorter form. A short
    form two parks of the document would give is nobody's."""
    by_length = sorted(idx.pattern_suffixes, key=len, reverse=True)
    forms: dict[str, ParkValue | None] = {}
    bare: dict[str, tuple[str, ParkValue | None]] = {}
    for f in found:
        if f.rule.startswith("park.head") or f.rule.startswith("park.short") or f.rule.startswith("park.defined"):
            continue
        surface = text[f.start : f.end]
        if surface.endswith(f.value.canonical):  # 宁夏宁东能源化工基地: the name without the province
            surface = f.value.canonical
        word = next((w for w in by_length if surface.endswith(w)), None)
        if word is None or len(word) < 4 or word.endswith(_ZONE_WORDS):
            continue
        body = surface[: -len(word)]
        tail = next((t for t in _HEAD_TAILS if word.endswith(t) and len(t) < len(word)), None)
        if tail is None or not 2 <= len(body) <= 4 or not regex.fullmatch(r"\p{Han}+", body) or body in idx.places:
            continue
        short = body + tail
        for key, table in ((short, forms), (body, bare)):
            old = table.get(key, f.value) if table is forms else table.get(key, (short, f.value))[1]
            same = old is not None and old.canonical == f.value.canonical
            if table is forms:
                forms[key] = f.value if same else None
            else:
                bare[key] = (short, f.value if same else None)
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
