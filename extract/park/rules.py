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

from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable, Iterator

import regex

from extract.base import Candidate, Context
from extract.park.lexicon import (
    AMBIGUOUS_SHORT_PLACES,
    LEVEL_WORDS,
    BRACKET_PLACE_SEPARATORS,
    MAX_DESCRIPTOR,
    NAME_BIGRAMS,
    NOT_PARK_ENDINGS,
    PATTERN_SUFFIXES,
    STOP_CHARS,
)
from extract.park.normalize import Place, canonical_name, value_from_places
from extract.park.registry import alias_index, load_divisions, normalize_name
from extract.trie import trie_pattern
from schemas.records import ParkLevel, ParkValue

LABEL = "PARK"
_HAN = regex.compile(r"[\p{Han}A-Za-z]")
_DEFINITION = regex.compile(r"[（(]\s*(?:以下)?简称[“\"「]?([\p{Han}A-Za-z0-9·]{2,20}?)[”\"」]?\s*[）)]")


@dataclass(frozen=True)
class _Index:
    suffix_re: regex.Pattern
    pattern_suffixes: frozenset[str]
    aliases: dict  # normalized name -> ParkEntry
    max_alias: int
    places: dict[str, tuple[Place, ...]]
    max_place: int


@lru_cache(maxsize=1)
def _index() -> _Index:
    aliases = alias_index()
    pattern = set(PATTERN_SUFFIXES)
    ends = set(pattern)
    by_length = sorted(pattern, key=len, reverse=True)
    for name in aliases:
        if not any(name.endswith(s) for s in by_length):
            ends.add(name[-3:] if len(name) >= 5 else name)  # registry-only ending (…示范区, 光谷)
    places: dict[str, list[Place]] = {}
    for d in load_divisions():
        place = Place(surface="", name=d.name, level=d.level.value, province=d.province, city=d.city)
        for surface in {d.name, d.short} - {None}:
            if len(surface) < 2 or surface in AMBIGUOUS_SHORT_PLACES:
                continue
            places.setdefault(surface, []).append(place)
    return _Index(
        suffix_re=regex.compile(trie_pattern(ends)),
        pattern_suffixes=frozenset(pattern),
        aliases=aliases,
        max_alias=max(len(a) for a in aliases),
        places={k: tuple(v) for k, v in places.items()},
        max_place=max(len(k) for k in places),
    )


_LEVEL_ORDER = {"prefecture": 0, "province": 1, "county": 2}


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
        entry = idx.aliases.get(normalize_name(piece))
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


def _pattern_match(text: str, s: int, e: int, idx: _Index) -> _Found | None:
    """Read leftwards from the park word at [s, e)."""
    suffix = text[s:e]
    if suffix == "基地" and any(text.endswith(w, max(0, e - len(w)), e) for w in NOT_PARK_ENDINGS):
        return None
    pos = s
    place = None
    bracket = False
    for _ in range(MAX_DESCRIPTOR + 1):
        hit = _place_before(text, pos, idx)
        if hit is not None:
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
        if not _HAN.match(ch) or (
            ch in STOP_CHARS and text[pos - 2 : pos] not in NAME_BIGRAMS and text[pos - 1 : pos + 1] not in NAME_BIGRAMS
        ):
            break
        pos -= 1
    if place is None and not bracket:
        return None
    if place is None:  # a company base with a bracketed place: the name starts after the stop
        head, places, start = text[pos:s], [], pos
        descriptor = ""
        # find the bracket to take province/city from its last place
        m = regex.search(r"[（(]([^（）()]{2,16})[）)]", head)
        if m:
            last = regex.split(f"[{BRACKET_PLACE_SEPARATORS}]", m.group(1))[-1]
            cand = idx.places[last][0]
            places = [Place(last, cand.name, cand.level, cand.province, cand.city)]
        canonical = head + suffix
        value = value_from_places(canonical, places, "other")
        return _Found(start, e, value, "park.pattern.company_base", None)
    places = [place]
    start = pos - len(place.surface)
    while True:
        prev = _place_ending_at(text, start, idx, province=places[0].province)
        if prev is None:
            break
        places.insert(0, prev)
        start -= len(prev.surface)
    # Re-resolve inner places against the outer province (朝阳 under 辽宁 is 朝阳市).
    outer = places[0].province
    places = [p if p.province == outer else (_place_ending_at(p.surface, len(p.surface), idx, outer) or p) for p in places]
    descriptor = text[pos:s]
    if not descriptor and suffix in ("园区", "新区") and places[-1].level == "province":
        return None  # 广东园区: a province and a bare park word is a category
    canonical, level = canonical_name(places, descriptor, suffix)
    # The name without its place (海拉尔农业发展园区 → 农业发展园区) still names this park later in
    # the document when it keeps at least two descriptive characters.
    remainder = descriptor + suffix if len(descriptor) >= 2 and descriptor not in LEVEL_WORDS else None
    return _Found(start, e, value_from_places(canonical, places, level), "park.pattern.place+suffix", remainder)


def _registry_value(entry) -> ParkValue:
    return ParkValue(canonical=entry.canonical, level=ParkLevel(entry.level.value), province=entry.province,
                     city=entry.city, id=entry.id)


class ParkExtractor:
    label = LABEL

    def find(self, text: str, context: Context) -> Iterable[Candidate]:
        idx = _index()
        found: list[_Found] = []
        for m in idx.suffix_re.finditer(text):
            s, e = m.span()
            if e < len(text) and text[e] in "长企委会" and text[e : e + 3] in ("管委会", "企业"):
                pass  # the park inside 管委会 is still a mention (ANNOTATION)
            reg = _registry_match(text, e, e - s, idx)
            pat = _pattern_match(text, s, e, idx) if m.group() in idx.pattern_suffixes else None
            if reg is None and pat is None:
                continue
            if reg is not None and (pat is None or pat.start >= reg[0]):
                found.append(_Found(reg[0], e, _registry_value(reg[1]), "park.registry"))
            elif reg is not None:
                found.append(_Found(pat.start, e, _registry_value(reg[1]), "park.registry+place_prefix"))
            else:
                # the pattern's canonical may itself be a registry name (山西临汾尧都高新区)
                entry = idx.aliases.get(normalize_name(pat.value.canonical))
                found.append(_Found(pat.start, pat.end, _registry_value(entry), pat.rule + "→registry", pat.remainder)
                             if entry else pat)
        found.extend(self._defined(text, found))
        found.extend(self._short_forms(text, found))
        yield from (Candidate(f.start, f.end, LABEL, v, f.rule, priority=1) for f, v in _link(found))

    @staticmethod
    def _short_forms(text: str, found: list[_Found]) -> Iterator[_Found]:
        """Short forms of a park named in full earlier in the document (layer 3)."""
        extra: list[_Found] = []
        for f in list(found):
            if not f.remainder:
                continue
            for occ in regex.finditer(regex.escape(f.remainder), text):
                if not _overlaps(found, occ.start(), occ.end()) and not _overlaps(extra, occ.start(), occ.end()):
                    extra.append(_Found(occ.start(), occ.end(), f.value, "park.short_form_of_earlier"))
        yield from extra

    @staticmethod
    def _defined(text: str, found: list[_Found]) -> Iterator[_Found]:
        """Short forms the document defines: X（以下简称Y） makes every Y a mention of X."""
        for f in list(found):
            m = _DEFINITION.match(text, f.end)
            if not m:
                continue
            short = m.group(1)
            value = f.value
            for occ in regex.finditer(regex.escape(short), text):
                if not any(o.start < occ.end() and occ.start() < o.end for o in found):
                    yield _Found(occ.start(), occ.end(), value, "park.defined_short_form")


def _overlaps(found: list[_Found], start: int, end: int) -> bool:
    return any(o.start < end and start < o.end for o in found)


def _link(found: list[_Found]) -> Iterator[tuple[_Found, ParkValue]]:
    """Mentions with the same canonical name share the value of the best-known one
    (a registry entry, else the one with the most attributes)."""
    best: dict[str, ParkValue] = {}
    for f in found:
        cur = best.get(f.value.canonical)
        if cur is None or _rank(f.value) > _rank(cur):
            best[f.value.canonical] = f.value
    for f in found:
        yield f, best[f.value.canonical]


def _rank(v: ParkValue) -> tuple:
    return (v.id is not None, v.level != ParkLevel.unknown, v.province is not None, v.city is not None)
