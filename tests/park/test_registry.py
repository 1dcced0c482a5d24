"""Park registry: counts, locations, ids, aliases, and reproducibility of the shipped files."""
from __future__ import annotations

import importlib.util
import sys
from collections import Counter
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from extract.park.registry import (  # noqa: E402
    PARKS_DIR, alias_index, load_divisions, load_registry, lookup, normalize_name)
from schemas.registry import ParkEntry  # noqa: E402

GAZ = REPO.parent / "shared" / "gazetteer"
GENERIC = {"高新区", "国家高新区", "开发区", "经开区", "新区", "园区", "工业园区", "产业园区", "自贸区",
           "自贸试验区", "自由贸易试验区", "示范区", "综保区", "保税区", "高新技术产业开发区", "经济技术开发区",
           "经济开发区", "科技园区", "工业园"}
SUFFIXES = sorted(GENERIC, key=len, reverse=True)
# The national high-tech zone list (MOST, now MIIT Torch Centre) had 178 zones in Nov 2023. It counts
# 苏州工业园区 (typed etdz here) and the agricultural zones 杨凌 and 黄河三角洲 (typed agri), which carry
# ``also: hitech``: 175 typed hitech + 3 = 178. 雄安 joined in Feb 2026 (179 today); sources of every
# upgrade since 2022 are in corpus/parks/SOURCES.md.
ON_HITECH_LIST_OTHER_TYPE = {"苏州工业园区", "杨凌农业高新技术产业示范区", "黄河三角洲农业高新技术产业示范区"}


@pytest.fixture(scope="module")
def parks() -> list[ParkEntry]:
    return load_registry()


def count(parks, t, level="national"):
    return sum(1 for p in parks if p.type.value == t and p.level.value == level)


def hitech_list(parks, by: str | None = None) -> list[ParkEntry]:
    """Parks on the national high-tech zone list, approved by year-month ``by`` (None: any time)."""
    return [p for p in parks if p.on_list("hitech") and p.level.value == "national"
            and (by is None or p.approved is None or p.approved <= by)]


def test_counts(parks):
    names = {p.canonical for p in parks}
    assert ON_HITECH_LIST_OTHER_TYPE <= names
    assert {p.canonical for p in hitech_list(parks) if p.type.value != "hitech"} == ON_HITECH_LIST_OTHER_TYPE
    assert count(parks, "etdz") >= 229
    assert count(parks, "new_area") == 19
    assert count(parks, "ftz") == 22
    assert count(parks, "free_trade_port") == 1


def test_hitech_upgrades_dated(parks):
    # every upgrade since June 2022 carries its approval month; the list grows 173 → 177 → 178 → 179
    dated = {p.canonical: p.approved for p in hitech_list(parks) if p.approved}
    assert dated["滁州高新技术产业开发区"] == "2022-06"
    assert dated["许昌高新技术产业开发区"] == "2022-12"
    assert dated["阿克苏阿拉尔高新技术产业开发区"] == "2023-06"
    assert dated["河北雄安高新技术产业开发区"] == "2026-02"
    assert len(hitech_list(parks)) - len(hitech_list(parks, by="2023-11")) == 1  # 雄安


def test_hitech_178(parks):
    assert len(hitech_list(parks, by="2023-11")) == 178
    assert len(hitech_list(parks, by="2022-06")) == 173


def test_known_entries(parks):
    cases = {
        "肇庆高新区": ("肇庆高新技术产业开发区", "hitech", "广东省", "肇庆市"),
        "郑州高新区": ("郑州高新技术产业开发区", "hitech", "河南省", "郑州市"),
        "东湖高新区": ("武汉东湖新技术开发区", "hitech", "湖北省", "武汉市"),
        "内江国家高新区": ("内江高新技术产业开发区", "hitech", "四川省", "内江市"),
        "中关村科技园": ("中关村科技园区", "hitech", "北京市", None),
        "苏州工业园": ("苏州工业园区", "etdz", "江苏省", "苏州市"),
        "杨凌示范区": ("杨凌农业高新技术产业示范区", "agri", "陕西省", "咸阳市"),
        "上海浦东新区": ("浦东新区", "new_area", "上海市", None),
        "雄安新区": ("河北雄安新区", "new_area", "河北省", "保定市"),
        "上海自贸区": ("中国（上海）自由贸易试验区", "ftz", "上海市", None),
        "中国(新疆)自由贸易试验区": ("中国（新疆）自由贸易试验区", "ftz", "新疆维吾尔自治区", None),
        "海南自贸港": ("海南自由贸易港", "free_trade_port", "海南省", None),
        "准格尔经济开发区": ("准格尔经济开发区", "provincial_zone", "内蒙古自治区", "鄂尔多斯市"),
        "尧都高新区": ("尧都高新技术产业开发区", "provincial_zone", "山西省", "临汾市"),
        "北京经开区": ("北京经济技术开发区", "etdz", "北京市", None),
        "临港新片区": ("中国（上海）自由贸易试验区临港新片区", "special", "上海市", None),
        "上合示范区": ("中国—上海合作组织地方经贸合作示范区", "special", "山东省", "青岛市"),
        "长三角生态绿色一体化发展示范区": ("长三角生态绿色一体化发展示范区", "special", None, None),
        "荆州经开区": ("荆州经济技术开发区", "etdz", "湖北省", "荆州市"),
    }
    for alias, (canonical, t, prov, city) in cases.items():
        p = lookup(alias)
        assert p is not None, alias
        assert (p.canonical, p.type.value, p.province, p.city) == (canonical, t, prov, city), alias
    assert lookup("尧都高新区").level.value == "provincial"
    assert lookup("准格尔经济开发区").level.value == "provincial"
    # defects of the lutil list that must stay fixed
    names = {p.canonical for p in parks}
    assert "武汉东湖新技术产业开发区" not in names and "高新技术产业开发区" not in names
    assert not any("全国共" in n for n in names)


def test_locations(parks):
    divisions = load_divisions()
    provinces = {d.name for d in divisions if d.level.value == "province"}
    cities = {(d.province, d.name) for d in divisions if d.level.value == "prefecture"}
    direct = {(d.province, d.name) for d in divisions if d.level.value == "county" and d.city == d.name}
    municipalities = {"北京市", "天津市", "上海市", "重庆市"}
    for p in parks:
        if p.province is None:  # only a zone across provinces, with no city either
            assert (p.type.value, p.city) == ("special", None), p.canonical
            continue
        assert p.province in provinces, p.canonical
        if p.city is not None:
            assert (p.province, p.city) in cities | direct, p.canonical
        elif p.level.value == "national" and p.type.value in ("hitech", "etdz", "agri"):
            assert p.province in municipalities, f"{p.canonical} lacks a city"


def test_nbs_codes(parks):
    divisions = {d.code for d in load_divisions()}
    codes = [p.code for p in parks if p.code]
    assert len(codes) == len(set(codes))
    for p in parks:
        if p.code:
            assert p.code[:2] == p.id.split("-")[1], p.canonical
    assert lookup("浦东新区").code == "310115" and "310115" in divisions


def test_ids_unique(parks):
    ids = Counter(p.id for p in parks)
    assert not [i for i, n in ids.items() if n > 1]
    canon = Counter(normalize_name(p.canonical) for p in parks)
    assert not [c for c, n in canon.items() if n > 1]


def test_aliases(parks):
    owner: dict[str, set[str]] = {}
    for p in parks:
        for a in (p.canonical, *p.aliases):
            owner.setdefault(normalize_name(a), set()).add(p.id)
    shared = {a: ids for a, ids in owner.items() if len(ids) > 1}
    assert not shared  # includes an alias equal to another park's canonical name
    index = alias_index()
    for p in parks:
        for a in p.aliases:
            n = normalize_name(a)
            assert n not in GENERIC, (p.canonical, a)
            stem = next((n[: -len(s)] for s in SUFFIXES if n.endswith(s)), n)
            assert len(stem) >= 2, (p.canonical, a)
            assert index[n].id == p.id, (p.canonical, a)


def test_divisions():
    ds = load_divisions()
    lv = Counter(d.level.value for d in ds)
    assert lv["province"] == 31 and lv["prefecture"] >= 330 and lv["county"] >= 2800
    by = {d.name: d for d in ds}
    assert by["准格尔旗"].short == "准格尔" and by["准格尔旗"].city == "鄂尔多斯市"
    assert by["尧都区"].short == "尧都" and by["尧都区"].province == "山西省"
    assert by["内蒙古自治区"].short == "内蒙古" and by["肇庆市"].short == "肇庆"
    shorts = Counter(d.short for d in ds if d.short)
    assert not [s for s, n in shorts.items() if n > 1]
    assert all(len(d.short) >= 2 for d in ds if d.short)
    assert not any("开发区" in d.name or "高新" in d.name for d in ds)


def test_bad_row_reports_file_and_line(tmp_path):
    f = tmp_path / "registry.jsonl"
    good = (PARKS_DIR / "registry.jsonl").read_text(encoding="utf-8").splitlines()[0]
    f.write_text(good + "\n" + '{"id": "x"}\n', encoding="utf-8")
    with pytest.raises(ValueError, match=r"registry\.jsonl:2"):
        load_registry(f)


def test_registry_is_build_output(tmp_path):
    if not (GAZ / "lutil_functional_zones_national.json").exists():
        pytest.skip(f"gazetteer not available at {GAZ}")
    spec = importlib.util.spec_from_file_location("build_registry", REPO / "tools" / "build_registry.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    assert mod.main(["--gazetteer", str(GAZ), "--out", str(tmp_path)]) == 0
    for name in ("registry.jsonl", "divisions.jsonl"):
        assert (tmp_path / name).read_text(encoding="utf-8") == (PARKS_DIR / name).read_text(encoding="utf-8"), name
