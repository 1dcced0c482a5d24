"""Every zone of the registry is found by its official name and by the names news uses for it, in
a sentence generated from the registry itself (one test per zone type)."""
from __future__ import annotations

from collections import defaultdict

import pytest

from extract.base import Context
from extract.park.registry import load_registry, names, normalize_name, registry_paths
from extract.park.rules import ParkExtractor

# Frames a name is put in: the name after a verb, after a comma, before a particle.
FRAMES = ("今年以来，{}新签约项目十二个。", "记者近日走进{}，看到一片繁忙景象。")
NATIONAL_TYPES = ("hitech", "etdz", "new_area", "ftz", "free_trade_port", "agri", "special", "ftz_area",
                  "subpark", "border", "crossborder")

_by_type: dict[str, list] = defaultdict(list)
for _p in load_registry():
    _by_type[_p.type.value].append(_p)
_NAMES = names(registry_paths(()))
_EX = ParkExtractor()


def _found(sentence: str) -> list:
    return list(_EX.find(sentence, Context()))


def _check(park, name: str, frame: str) -> str | None:
    sentence = frame.format(name)
    start = frame.index("{}")
    spans = _found(sentence)
    hit = [c for c in spans if c.start == start and c.end == start + len(name)]
    if not hit:
        return f"{name}: not found as a whole in {sentence!r} ({[(c.start, c.end) for c in spans]})"
    if hit[0].value.id != park.id:
        return f"{name}: id {hit[0].value.id} instead of {park.id}"
    return None


@pytest.mark.parametrize("ztype", NATIONAL_TYPES)
def test_every_zone_found_by_its_names(ztype):
    parks = _by_type[ztype]
    assert parks, f"no zone of type {ztype}"
    errors = []
    for i, p in enumerate(parks):
        for j, name in enumerate((p.canonical, *p.aliases)):
            err = _check(p, name, FRAMES[(i + j) % len(FRAMES)])
            if err:
                errors.append(err)
    assert not errors, f"{len(errors)} names missed, e.g. " + "; ".join(errors[:8])


def test_shared_names_are_marked_not_given_to_one():
    # a name two zones own is listed as shared by both, never as one zone's own alias
    for key, alias in _NAMES.items():
        if alias.kind == "shared":
            assert len(alias.entries) >= 2, key
    assert {e.canonical for e in _NAMES[normalize_name("滨海新区")].entries} == {"天津滨海新区", "绍兴滨海新区"}


@pytest.mark.parametrize("text, expected", [
    # the document's places decide a shared name
    ("绍兴市政府近日召开会议。绍兴滨海新区之外，滨海新区的企业也受益。", "绍兴滨海新区"),
    ("天津市发布数据，滨海新区全年地区生产总值增长。", "天津滨海新区"),
    # nothing to decide by: left without an id
    ("滨海新区全年地区生产总值增长。", None),
    # a district of the document points to its city (柯桥区 is in 绍兴); a tie stays undecided
    ("柯桥区与滨海新区联动发展，越城区也参与。", "绍兴滨海新区"),
    ("天津和绍兴代表团考察，滨海新区今年引进项目。", None),
])
def test_shared_name_resolved_by_context(text, expected):
    spans = [c for c in _found(text) if text[c.start:c.end] == "滨海新区"]
    assert spans
    assert (spans[0].value.canonical if spans[0].value.id else None) == expected


def test_metadata_decides():
    text = "滨海新区全年地区生产总值增长。"
    spans = _found_ctx(text, {"source": "绍兴日报"})
    assert spans[0].value.canonical == "绍兴滨海新区"


def _found_ctx(text, extras):
    return [c for c in _EX.find(text, Context(extras=extras))]


@pytest.mark.parametrize("text, name, found", [
    # a contextual name needs its zone or parent named in full in the document
    ("中国（江苏）自由贸易试验区今年新设企业多家，其中苏州片区占一半。", "苏州片区", True),
    ("苏州片区的老旧小区改造今年完成。", "苏州片区", False),
    ("中关村科技园区海淀园今年营收增长，海淀园企业数量也增加。", "海淀园", True),
    ("海淀园的樱花开了。", "海淀园", False),
])
def test_contextual_names(text, name, found):
    start = text.rindex(name)
    spans = [c for c in _found(text) if c.start == start and c.end == start + len(name)]
    assert bool(spans) is found


@pytest.mark.parametrize("text, spans", [
    # a full name, then its head with a shorter park word, then the bare head (ANNOTATION's pattern)
    ("金岭能源化工基地今年新开工项目八个。金岭基地的煤制油项目投产后，金岭将成为化工高地。",
     ["金岭能源化工基地", "金岭基地", "金岭"]),
    # the bare head alone is not set up by the document: not a park
    ("金岭能源化工基地今年新开工项目八个。金岭的天气很好。", ["金岭能源化工基地"]),
])
def test_head_short_forms(text, spans):
    found = sorted(_found(text), key=lambda c: c.start)
    assert [text[c.start:c.end] for c in found] == spans
    assert {c.value.canonical for c in found} == {"金岭能源化工基地"}


@pytest.mark.parametrize("text, name, found", [
    # a brand no other zone or place claims is the zone on its own (issue 16, session 6) …
    ("中关村今年新增独角兽企业十家。", "中关村", True),
    ("光谷的光通信企业营收增长。", "光谷", True),
    # … as a word of its own: a street, a square, a station or an event named after it is not the zone
    ("中关村大街的早高峰车流量下降。", "中关村", False),
    ("光谷广场站的换乘客流创新高。", "光谷", False),
    ("今年的中关村论坛在京开幕。", "中关村", False),
    ("中关村发展集团今年投资了十个项目。", "中关村", False),  # a company named after the zone
    ("中关村银行的存款增长。", "中关村", False),
    # the bare brand names the parent, so the parent's sub-parks stand too
    ("中关村企业营收增长，其中海淀园贡献过半。", "海淀园", True),
    # 张江 is a town of 浦东 too: still contextual
    ("张江镇的老街改造完成。", "张江", False),
])
def test_brand_names(text, name, found):
    start = text.index(name)
    spans = [c for c in _found(text) if c.start == start and c.end == start + len(name)]
    assert bool(spans) is found


@pytest.mark.parametrize("text", [
    "成渝地区外溢产业承接基地名单公布。",  # the bases of an area, described
    "京津冀地区产业园区协同发展。",
])
def test_area_descriptions_are_not_parks(text):
    assert _found(text) == []


@pytest.mark.parametrize("text, short, found", [
    # a bracket after a name holding its short form (characters of the name, in order) defines it
    ("宁东能源化工基地（宁东基地）产值增长，宁东基地企业达到三百家。", "宁东基地", 2),
    ("郑州航空港经济综合实验区（下称“航空港区”）外贸增长，航空港区企业增加。", "航空港区", 2),
    # a district in brackets is no short form; nor a bare category word
    ("广州开发区（黄埔区）新增企业，黄埔区的税收增长。", "黄埔区", 0),
    ("苏州工业园区（园区）企业增长，园区税收也增长。", "园区", 0),
])
def test_bracket_short_forms(text, short, found):
    assert sum(text[c.start:c.end] == short for c in _found(text)) == found


def test_every_shared_name_follows_the_dateline():
    # generated from the registry: a shared name on a page whose dateline names the place of one of
    # its zones (and of no other) is that zone
    from extract.park.rules import _place_words
    checked, errors = 0, []
    for key, alias in _NAMES.items():
        if alias.kind != "shared":
            continue
        for e in alias.entries:
            others = [w for o in alias.entries if o.id != e.id for w in _place_words(o)]
            word = next((w for w in _place_words(e) if not any(w in x or x in w for x in others)), None)
            if word is None:
                continue
            text = f"本报{word}讯 {key}今年新签约项目十二个。"
            start = text.index(key)
            hit = [c for c in _found(text) if c.start == start and c.end == start + len(key)]
            checked += 1
            if not hit or hit[0].value.id != e.id:
                errors.append(text)
    assert checked and not errors, errors[:5]


@pytest.mark.parametrize("name, canonical", [
    # a pattern name is the registry's zone when its place is written the other way or its level
    # words stand inside the full park word
    ("准格尔旗经济开发区", "准格尔经济开发区"),
    ("萧山临江国家级高新技术产业开发区", "萧山临江高新技术产业开发区"),
    ("昆山市经济技术开发区", "昆山经济技术开发区"),
    ("厦门市火炬高技术产业开发区", "厦门火炬高技术产业开发区"),
])
def test_pattern_names_find_their_registry_zone(name, canonical):
    text = f"记者近日走进{name}，看到一片繁忙景象。"
    hit = [c for c in _found(text) if text[c.start:c.end] == name]
    assert hit and hit[0].value.canonical == canonical and hit[0].value.id


def test_jingkaiqu_links_to_the_documents_economic_zone():
    # the document calls the zone X经济开发区: its X经开区 is that zone, not an X经济技术开发区
    text = "合肥市包河经济开发区今年新签约项目十个，包河经开区的营收也在增长。"
    assert {c.value.canonical for c in _found(text)} == {"包河经济开发区"}


def test_a_kind_left_after_the_place_is_no_short_form():
    # 开阳化工园区 without its place is 化工园区, the category the document also uses
    text = "贵州开阳化工园区通过认定。全省认定化工园区二十五个，化工园区安全整治继续推进。"
    assert [text[c.start:c.end] for c in _found(text)] == ["贵州开阳化工园区"]


@pytest.mark.parametrize("text", [
    "江苏化工园区安全整治三年行动收官。",  # a province's parks of a kind
    "浙江省级化工园区名单公布。",
    "广东生物医药产业园数量居全国前列。",
])
def test_province_and_a_kind_is_no_park(text):
    assert _found(text) == []
