"""The fact layer's word lists (``data/lexicon.json``) and one Aho-Corasick automaton over them.

Every word carries what it is: an indicator id, a scope word, a group term, an anaphor or a
marker (change basis, direction, price basis, share, 分别, 其中, milestone, stock, modality).
``words(text)`` returns the leftmost-longest, non-overlapping matches in one pass.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import ahocorasick


@dataclass(frozen=True, slots=True)
class Word:
    start: int
    end: int
    kind: str   # ind, scope, group, anaphor, blocker, basis, up, down, price, share, resp, qizhong, milestone, stock, modality
    data: str   # the indicator id, scope, group canonical, basis, price basis, modality … ("" when none)


_HALF_WIDTH_PARENS = str.maketrans("（）", "()")


@dataclass(frozen=True)
class Lexicon:
    raw: dict
    automaton: ahocorasick.Automaton
    adjacent_ids: frozenset[str]
    adjacent_forms: frozenset[str]
    provinces: tuple[str, ...]

    def words(self, text: str) -> list[Word]:
        """Leftmost-longest non-overlapping matches of every lexicon word in ``text``."""
        found = []
        for end, (n, kind, data) in self.automaton.iter(text):
            found.append((end - n + 1, -n, kind, data))
        found.sort()
        out: list[Word] = []
        last_end = 0
        for start, neg, kind, data in found:
            if start >= last_end:
                out.append(Word(start, start - neg, kind, data))
                last_end = start - neg
        return out


def _entries(raw: dict):
    for ind, forms in raw["indicators"].items():
        for f in forms:
            yield f, "ind", ind
    for form, scope in raw["scopes"].items():
        yield form, "scope", scope
    for canon, forms in raw["groups"].items():
        for f in forms:
            yield f, "group", canon
    for f, canon in raw["province_groups"]["forms"].items():
        yield f, "group", canon
    for f in raw["anaphors"]:
        yield f, "anaphor", ""
    mk = raw["markers"]
    for f, basis in mk["change_basis"].items():
        yield f, "basis", basis
    for f in mk["change_up"]:
        yield f, "up", ""
    for f in mk["change_down"]:
        yield f, "down", ""
    for f, pb in mk["price_basis"].items():
        yield f, "price", pb
    for kind in ("share", "respectively", "qizhong", "milestone", "stock"):
        for f in mk[kind]:
            yield f, {"respectively": "resp"}.get(kind, kind), ""
    for f in raw["blockers"]["words"]:
        yield f, "blocker", ""
    for f, mod in mk["modality"].items():
        yield f, "modality", mod
    for f in raw["not_markers"]["words"]:
        yield f, "none", ""  # 增加值: not the 增加 of a change
    for f, ind in raw["sector_indicators"]["forms"].items():
        yield f, "sector_ind", ind  # 服务业收入: the indicator starts after 业


@lru_cache(maxsize=1)
def load() -> Lexicon:
    raw = json.loads(resources.files("extract.facts").joinpath("data/lexicon.json").read_text(encoding="utf-8"))
    auto = ahocorasick.Automaton()
    for form, kind, data in _entries(raw):
        # 地区生产总值(GDP): a form written with （） is matched with () too (cheaper than
        # translating every text)
        for f in dict.fromkeys((form, form.translate(_HALF_WIDTH_PARENS))):
            if f in auto:  # a word listed twice: the first (indicator tables before markers) wins
                continue
            auto.add_word(f, (len(f), kind, data))
    auto.make_automaton()
    adj = raw["adjacent_only"]
    return Lexicon(raw, auto, frozenset(adj["ids"]), frozenset(adj["forms"]), tuple(raw["provinces"]))
