"""Pure functions: a park name as written → its canonical name, level, province and city."""

from __future__ import annotations

from dataclasses import dataclass

from extract.park.lexicon import EXPANSIONS, LEVEL_WORDS
from schemas.records import ParkLevel, ParkValue


@dataclass(frozen=True, slots=True)
class Place:
    """A place name as written in the text, with the division it names."""

    surface: str
    name: str  # full division name (肇庆市, 准格尔旗)
    level: str  # province | prefecture | county | region (京津, 川渝: across provinces)
    province: str | None
    city: str | None


def expand(name: str) -> str:
    for short, full in EXPANSIONS:
        if name.endswith(short) and not name.endswith(full):
            return name[: -len(short)] + full
    return name


_LEVEL_WORDS_LONGEST_FIRST = sorted(LEVEL_WORDS.items(), key=lambda kv: -len(kv[0]))


def strip_level_words(body: str, suffix: str) -> tuple[str, str | None]:
    """Drop 国家/国家级/省级 standing right before a zone word (内江国家高新区 → 内江高新区)."""
    if not suffix.startswith("大学"):
        for word, lv in _LEVEL_WORDS_LONGEST_FIRST:
            if body.endswith(word):
                return body[: -len(word)], lv
    return body, None


def canonical_name(places: list[Place], descriptor: str, suffix: str, head: str = "") -> tuple[str, str | None]:
    """Canonical form per GUIDELINE: keep only the innermost place of a leading chain
    (province and city dropped when a more specific place follows), drop level words, expand
    abbreviations. ``head`` is a non-place start (a company name) kept as written."""
    descriptor, level = strip_level_words(descriptor, suffix)
    level_in_name = level
    if "国家" in descriptor:  # also 国家级
        level_in_name = "national"
    place = places[-1].surface if places else ""
    return expand(head + place + descriptor + suffix), level_in_name


def value_from_places(canonical: str, places: list[Place], level: str | None) -> ParkValue:
    province = city = None
    if places:
        p = places[-1]
        province = p.province
        city = p.city if p.level != "prefecture" else p.name
        if p.level == "province":
            city = None
    return ParkValue(
        canonical=canonical,
        level=ParkLevel(level) if level in ("national", "provincial", "other") else ParkLevel.unknown,
        province=province,
        city=city,
        id=None,
    )
