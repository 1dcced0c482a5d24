#!/usr/bin/env python3
"""Build extract/park/data/registry.jsonl and extract/park/data/divisions.jsonl (package data).

Inputs (all read-only):
  * <gazetteer>/lutil_functional_zones_national.json  (Apache-2.0) national zone names + aliases
  * <gazetteer>/modood_{provinces,cities,areas}.json  (WTFPL) NBS 2023 administrative divisions
  * <gazetteer>/nbs_county_level_zones.csv            (WTFPL) county-level zone codes
  * corpus/parks/supplement.jsonl                      hand-maintained fixes and additions
  * corpus/parks/areas.jsonl                           hand-kept official lists: the 片区 of the pilot
                                                         FTZs, border and cross-border cooperation zones,
                                                         agricultural high-tech zones, 中关村's 16 parks

The output is deterministic (sorted, no timestamps): running the script twice gives
byte-identical files, and tests/park/test_registry.py checks the committed files against it.

Usage: python3 tools/build_registry.py [--gazetteer DIR] [--out DIR] [--check]
"""
from __future__ import annotations

import argparse
import csv
import hashlib
import json
import sys
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT_GAZ = REPO.parent / "shared" / "gazetteer"
PARKS = REPO / "corpus" / "parks"          # hand-kept inputs (supplement.jsonl)
DATA = REPO / "extract" / "park" / "data"  # generated package data

if str(REPO) not in sys.path:  # run as a script from a checkout: the package is beside it
    sys.path.insert(0, str(REPO))
from extract.park.registry import normalize_name  # noqa: E402

MUNICIPALITIES = {"北京市", "天津市", "上海市", "重庆市"}
PROVINCE_SHORT = {
    "内蒙古自治区": "内蒙古", "广西壮族自治区": "广西", "西藏自治区": "西藏",
    "宁夏回族自治区": "宁夏", "新疆维吾尔自治区": "新疆",
}
# Not places: NBS grouping rows of the prefecture level.
PSEUDO_CITIES = {"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"}
ETHNIC = (
    "汉 蒙古 回 藏 维吾尔 苗 彝 壮 布依 朝鲜 满 侗 瑶 白 土家 哈尼 哈萨克 傣 黎 傈僳 佤 畲 高山 拉祜 水 东乡 纳西 景颇 "
    "柯尔克孜 土 达斡尔 仫佬 羌 布朗 撒拉 毛南 仡佬 锡伯 阿昌 普米 塔吉克 怒 乌孜别克 俄罗斯 鄂温克 德昂 保安 裕固 京 "
    "塔塔尔 独龙 鄂伦春 赫哲 门巴 珞巴 基诺 各"
).split()
# Words that are never a park alias on their own (category words).
GENERIC = {
    "高新区", "国家高新区", "开发区", "经开区", "新区", "园区", "工业园区", "产业园区", "自贸区", "自贸试验区",
    "自由贸易试验区", "自由贸易区", "自由贸易港", "自贸港", "示范区", "综保区", "保税区", "综合保税区",
    "高新技术产业开发区", "经济技术开发区", "经济开发区", "高新技术产业园区", "国家级经开区", "台商投资区",
    "新技术开发区", "高技术产业开发区", "科技园区", "工业园", "科技园",
}
TYPE_PREFIX = {"hitech": "hitech", "etdz": "etdz", "new_area": "newarea", "ftz": "ftz",
               "free_trade_port": "ftp", "bonded": "bonded", "agri": "agri",
               "special": "special", "ftz_area": "ftzarea", "subpark": "subpark", "border": "border",
               "crossborder": "xborder", "provincial_zone": "prov", "other": "other"}
TYPE_ORDER = list(TYPE_PREFIX)


# ----------------------------------------------------------------------------- divisions
def strip_ethnic(stem: str) -> str:
    """延边朝鲜族 -> 延边; 恩施土家族苗族 -> 恩施; 鄂伦春 -> 鄂伦春 (nothing left: keep)."""
    best = len(stem)
    for e in ETHNIC:
        for form in (e + "族", e):
            i = stem.find(form)
            if 0 < i < best and (form.endswith("族") or stem[i:].rstrip("族") in ETHNIC or True):
                # only cut where the rest of the stem is made of ethnic names
                rest = stem[i:]
                if _all_ethnic(rest):
                    best = i
    return stem[:best]


def _all_ethnic(s: str) -> bool:
    s = s.replace("族", " ")
    i = 0
    names = sorted(ETHNIC, key=len, reverse=True)
    s = s.replace(" ", "")
    while i < len(s):
        for n in names:
            if s.startswith(n, i):
                i += len(n)
                break
        else:
            return False
    return True


def short_form(name: str, level: str) -> str:
    if level == "province":
        if name in PROVINCE_SHORT:
            return PROVINCE_SHORT[name]
        return name[:-1] if name.endswith(("省", "市")) else name
    for suf in ("自治州", "自治县", "自治旗"):
        if name.endswith(suf):
            st = strip_ethnic(name[: -len(suf)]) or name[: -len(suf)]
            return st[:-1] if st.endswith("族") and len(st) > 2 else st
    for suf in ("新区", "林区", "特区", "矿区", "地区", "市", "区", "县", "旗", "盟"):
        if name.endswith(suf) and len(name) > len(suf):
            return name[: -len(suf)]
    return name


def load_divisions(gaz: Path) -> list[dict]:
    provs = json.loads((gaz / "modood_provinces.json").read_text(encoding="utf-8"))
    cities = json.loads((gaz / "modood_cities.json").read_text(encoding="utf-8"))
    areas = json.loads((gaz / "modood_areas.json").read_text(encoding="utf-8"))
    pname = {p["code"]: p["name"] for p in provs}
    cname = {c["code"]: c["name"] for c in cities}
    rows = []
    for p in provs:
        rows.append({"code": p["code"], "name": p["name"], "level": "province",
                     "province": p["name"], "city": None})
    for c in cities:
        if c["name"] in PSEUDO_CITIES:
            continue
        rows.append({"code": c["code"], "name": c["name"], "level": "prefecture",
                     "province": pname[c["provinceCode"]], "city": c["name"]})
    for a in areas:
        if a["code"][4] == "7":  # NBS functional zones (开发区 …): parks, not places
            continue
        city = cname[a["cityCode"]]
        if city in PSEUDO_CITIES:
            # municipality districts -> null; province-direct county-level cities -> itself
            city = None if pname[a["provinceCode"]] in MUNICIPALITIES else a["name"]
        rows.append({"code": a["code"], "name": a["name"], "level": "county",
                     "province": pname[a["provinceCode"]], "city": city})
    # short forms: null when single character or ambiguous. A short shared across levels is
    # kept by the highest level only (吉林 -> 吉林省); shared within a level -> null for all.
    rank = {"province": 0, "prefecture": 1, "county": 2}
    by_short: dict[str, list[dict]] = defaultdict(list)
    for r in rows:
        r["short"] = short_form(r["name"], r["level"])
        by_short[r["short"]].append(r)
    full_names = {r["name"] for r in rows}
    for s, rs in by_short.items():
        top = min(rank[r["level"]] for r in rs)
        tops = [r for r in rs if rank[r["level"]] == top]
        for r in rs:
            ok = (len(s) >= 2 and s != r["name"] and len(tops) == 1 and r is tops[0]
                  and not (s in full_names and s != r["name"]) and s not in GENERIC)
            if not ok:
                r["short"] = None
    rows.sort(key=lambda r: (r["code"].ljust(6, "0"), len(r["code"])))
    return [{"code": r["code"], "name": r["name"], "short": r["short"], "level": r["level"],
             "province": r["province"], "city": r["city"]} for r in rows]


# ----------------------------------------------------------------------------- locating parks
class Locator:
    """Resolve province / city of a zone from the place name its official name starts with."""

    def __init__(self, divisions: list[dict]):
        self.by_stem: dict[str, list[dict]] = defaultdict(list)
        self.county_by_name: dict[str, list[dict]] = defaultdict(list)
        self.city_names = {}
        for d in divisions:
            stems = {d["name"], short_form(d["name"], d["level"])}
            for s in stems:
                if len(s) >= 2:
                    self.by_stem[s].append(d)
            if d["level"] == "county":
                self.county_by_name[d["name"]].append(d)
            if d["level"] == "prefecture":
                self.city_names[d["name"]] = d
        self.prov_prefixes = sorted(
            {d["name"] for d in divisions if d["level"] == "province"}
            | {short_form(d["name"], "province") for d in divisions if d["level"] == "province"}
            | {"新疆生产建设兵团"}, key=len, reverse=True)
        self.prov_of_prefix = {}
        for d in divisions:
            if d["level"] == "province":
                self.prov_of_prefix[d["name"]] = d["name"]
                self.prov_of_prefix[short_form(d["name"], "province")] = d["name"]
        self.prov_of_prefix["新疆生产建设兵团"] = "新疆维吾尔自治区"

    @staticmethod
    def _loc(d: dict) -> tuple[str, str | None]:
        if d["level"] == "province":
            return d["province"], None
        return d["province"], d["city"]

    def resolve(self, name: str, district: str | None) -> tuple[str, str | None] | None:
        rest, prov = name, None
        for p in self.prov_prefixes:
            if rest.startswith(p) and len(rest) > len(p):
                cand = rest[len(p):]
                # keep "吉林高新…" (city 吉林市) but strip "吉林松原…"
                if any(cand.startswith(s) for s in self.by_stem if len(s) >= 2) or p in ("新疆生产建设兵团",):
                    rest, prov = cand, self.prov_of_prefix[p]
                break
        cands = []
        for n in range(min(len(rest), 8), 1, -1):
            hits = self.by_stem.get(rest[:n])
            if hits:
                cands = hits
                break
        if prov:
            cands = [d for d in cands if d["province"] == prov] or cands
        if not cands:
            return None
        for level in ("prefecture", "county", "province"):
            lv = [d for d in cands if d["level"] == level]
            if not lv:
                continue
            if len(lv) > 1 and district:
                inside = [d for d in lv if self._contains(d, district)]
                lv = inside or lv
            locs = {self._loc(d) for d in lv}
            if len(locs) == 1:
                loc = locs.pop()
                if loc[0] in MUNICIPALITIES:
                    return loc[0], None
                return loc
            return None  # ambiguous: needs a "place" row in the supplement
        return None

    def _contains(self, d: dict, district: str) -> bool:
        for c in self.county_by_name.get(district, []):
            if d["level"] == "prefecture" and c["city"] == d["name"]:
                return True
            if d["level"] == "county" and c["code"] == d["code"]:
                return True
        return False

    def district_ok(self, province: str, city: str | None, district: str | None) -> bool | None:
        if not district or district not in self.county_by_name:
            return None
        return any(c["province"] == province and (city is None or c["city"] == city)
                   for c in self.county_by_name[district])


# ----------------------------------------------------------------------------- names
# Alias matching compares names by the registry loader's own key (one owner: extract.park.registry).
norm = normalize_name


def nbs_norm(name: str, prov: str, city: str) -> str:
    """Map an NBS zone name onto the national-list spelling for matching."""
    s = name
    for p in (prov, PROVINCE_SHORT.get(prov, prov[:-1])):
        if s.startswith(p) and not any(s[len(p):].startswith(g) for g in ("经济", "高新", "工业", "新区")):
            s = s[len(p):]
            break
    cshort = city[:-1] if city.endswith("市") else city
    if s.startswith(city) and city.endswith("市"):
        s = cshort + s[len(city):]
    s = (s.replace("高新技术产业园区", "高新技术产业开发区").replace("高新技术开发区", "高新技术产业开发区")
         .replace("经济开发区", "经济技术开发区"))
    return s


# Words after a city that describe rather than name a zone: 宁波石化 gives no 石化开发区.
DESCRIPTIVE_STEMS = {
    "石化", "医药", "火炬", "临港", "航天", "航空", "化学工业", "海港", "空港", "港口", "综合", "化工", "新材料",
    "出口加工", "保税", "工业", "农业", "生物", "软件", "光电", "电子", "信息", "汽车", "钢铁", "能源", "装备",
}
HITECH_FORMS = ["高新区", "国家高新区", "国家级高新区", "高新技术产业开发区", "国家高新技术产业开发区",
                "高新技术开发区", "高新技术产业园区"]
ETDZ_FORMS = ["经开区", "经济技术开发区", "国家级经开区", "国家级经济技术开发区", "经济开发区", "开发区",
              "国家经开区"]
FORMS = {
    "hitech": [("高新技术产业开发区", HITECH_FORMS), ("高新技术产业园区", HITECH_FORMS),
               ("高技术产业开发区", HITECH_FORMS), ("新技术开发区", ["高新区", "国家高新区", "新技术开发区"])],
    "etdz": [("经济技术开发区", ETDZ_FORMS), ("经济开发区", ETDZ_FORMS)],
    "provincial_zone": [("高新技术产业开发区", ["高新区", "高新技术产业开发区"]),
                        ("经济技术开发区", ["经开区", "经济开发区", "经济技术开发区"]),
                        ("经济开发区", ["经开区", "经济开发区", "经济技术开发区"])],
}


def auto_aliases(canonical: str, ztype: str, province: str | None, loc: Locator) -> list[tuple[str, int]]:
    """The names news uses for a zone, generated from its official name, with a tier: 2 for the
    zone's own stem (长春 → 长春高新区, 长春市高新区), 3 for forms that drop or add a place
    (净月高新区 for 长春净月, 天津高新区 for 天津滨海, 江苏苏州高新区). A name claimed at a lower tier
    by another zone is that zone's; a name two zones claim at the same tier is ambiguous."""
    out: list[tuple[str, int]] = []
    if province is None:
        return out
    pshort = PROVINCE_SHORT.get(province, province[:-1])
    for suf, forms in FORMS.get(ztype, []):
        if not canonical.endswith(suf):
            continue
        stem = canonical[: -len(suf)]
        if len(stem) < 2:
            break
        stems = [(stem, 2)]
        for pre in (province, pshort):  # 河北唐山海港 → 唐山海港 (the province never names the zone alone)
            rest = stem[len(pre):]
            if province not in MUNICIPALITIES and stem.startswith(pre) and len(rest) >= 2 and any(rest.startswith(x) for x in (rest[:2], rest[:3]) if x in loc.by_stem):
                stem = rest
                stems.append((stem, 2))
                break
        for n in range(min(len(stem) - 2, 6), 1, -1):
            hits = loc.by_stem.get(stem[:n])
            city_like = any(h["level"] == "prefecture" for h in hits or ()) or province in MUNICIPALITIES
            if hits and city_like and (stem[:n] not in (pshort, province) or province in MUNICIPALITIES):
                sub = stem[n:]
                if len(sub) >= 2 and "\u4e00" <= sub[0] <= "\u9fff" and not sub.startswith("生产") \
                        and sub not in DESCRIPTIVE_STEMS:
                    stems.append((sub, 3))           # 长春净月 → 净月
                    stems.append((stem[:n], 3))      # 长春净月 → 长春 (天津滨海 → 天津高新区)
                full = next((h["name"] for h in hits if h["level"] == "prefecture"), None)
                if full and full != stem[:n]:
                    stems.append((full + sub, 3))    # 长春市净月
                break
        else:
            for h in loc.by_stem.get(stem, []):
                # 长春 → 长春市高新区; county-level cities too (仙桃 → 仙桃市高新区)
                if (h["level"] == "prefecture" or (h["level"] == "county" and h["name"].endswith("市"))) and h["name"] != stem:
                    stems.append((h["name"], 2))
                    break
        if not stem.startswith(pshort):
            stems += [(pshort + stem, 3), (province + stem, 3)]  # 江苏苏州高新区, 江苏省苏州高新区
        for st, tier in stems:
            for f in dict.fromkeys([*forms, suf]):  # the official park word too (厦门市火炬高技术产业开发区)
                out.append((st + f, tier))
        break
    return out


def stable_id(ztype: str, canonical: str, province_code: str) -> str:
    h = hashlib.sha1(canonical.encode("utf-8")).hexdigest()[:6]
    return f"{TYPE_PREFIX[ztype]}-{province_code}-{h}"


# ----------------------------------------------------------------------------- areas.jsonl
def ftz_name(province: str) -> str:
    return f"中国（{PROVINCE_SHORT.get(province, province[:-1])}）自由贸易试验区"


def area_short_places(place: str, province: str, city: str | None) -> list[str]:
    """Shorter place names of an FTZ 片区 that news uses: without the leading city (深圳前海蛇口 →
    前海蛇口) and without a trailing 新区 (广州南沙新区 → 南沙新区, 南沙). Only names of three
    characters or more after the city is cut (天津机场 keeps its city: 机场 is no name), and none
    that starts with a word that needs the city (天津港东疆)."""
    out = []
    prefixes = [c for c in (city, city[:-1] if city and city.endswith("市") else None,
                            province, PROVINCE_SHORT.get(province, province[:-1])) if c]
    rest = next((place[len(c):] for c in prefixes if place.startswith(c)), None)
    if rest and len(rest) >= 3 and rest[0] not in "港市区县":
        out.append(rest)
    for name in [place] + out:
        if name.endswith("新区") and len(name) >= 4:
            bare = name[:-2]
            if bare.isalpha() and len(bare) >= 2 and bare not in out and bare != place:
                out.append(bare)
    return [n for n in out if n != place]


def load_areas(path: Path | None) -> list[dict]:
    """Expand the compact rows of areas.jsonl into parks with their official names and aliases."""
    if path is None or not path.exists():
        return []
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        r = json.loads(line)
        base = {"level": "national", "province": r["province"], "city": r.get("city"), "code": None,
                "source": r["source"], "_district": None, "approved": r.get("approved")}
        kind = r["kind"]
        if kind == "ftz_area":
            ps = PROVINCE_SHORT.get(r["province"], r["province"][:-1])
            name = r["name"]
            aliases = [f"中国({ps})自由贸易试验区{name}", f"{ps}自由贸易试验区{name}", f"{ps}自贸试验区{name}",
                       f"{ps}自贸区{name}", f"自由贸易试验区{name}", f"自贸试验区{name}", f"自贸区{name}"]
            place = name[:-2]
            ctx = []
            if place not in ("中心", "科技创新", "国际商务服务", "高端产业"):  # descriptive names need the FTZ
                ctx.append(name)
            if place != ps and place.isalpha() and len(place) >= 2 and not place.endswith(("区", "港")):
                aliases += [f"{place}自贸片区", f"{place}自贸试验区", f"{place}自贸区"]
            for short in area_short_places(place, r["province"], r.get("city")):
                # news drops the city and 新区 (广州南沙新区片区 → 南沙片区, 南沙自贸片区, 广东自贸试验区南沙片区)
                aliases += [f"{short}自贸片区", f"{ps}自贸试验区{short}片区", f"{ps}自贸区{short}片区",
                            f"{ps}自由贸易试验区{short}片区"]
                ctx.append(f"{short}片区")
            out.append({**base, "canonical": ftz_name(r["province"]) + name, "aliases": aliases, "ctx": ctx,
                        "type": "ftz_area", "parent": ftz_name(r["province"])})
        elif kind == "border":
            st = r["stem"]
            out.append({**base, "canonical": f"{st}边境经济合作区", "type": "border",
                        "aliases": [f"{st}边合区", f"{st}边境合作区", f"{st}国家级边境经济合作区"]})
        elif kind in ("crossborder", "agri"):
            out.append({**base, "canonical": r["canonical"], "type": kind, "aliases": list(r["aliases"])})
        elif kind == "subpark":
            parent, name = r["parent"], r["name"]
            brand = parent[:3]  # 中关村
            forms = [name] + ([name.replace("-", "")] if "-" in name else [])
            out.append({**base, "canonical": parent + name, "type": "subpark", "parent": parent,
                        "aliases": [brand + f for f in forms] + [brand + "科技园" + f for f in forms],
                        "ctx": forms})
        else:
            raise SystemExit(f"areas.jsonl: unknown kind {kind!r}")
    return out


# ----------------------------------------------------------------------------- build
def build(gaz: Path, supplement: Path, areas: Path | None = None) -> tuple[list[dict], list[dict], list[str]]:
    warnings: list[str] = []
    divisions = load_divisions(gaz)
    loc = Locator(divisions)
    prov_code = {d["name"]: d["code"] for d in divisions if d["level"] == "province"}
    sup = [json.loads(l) for l in supplement.read_text(encoding="utf-8").splitlines() if l.strip()]
    ops = defaultdict(list)
    for r in sup:
        ops[r["op"]].append(r)

    lutil = json.loads((gaz / "lutil_functional_zones_national.json").read_text(encoding="utf-8"))["zones"]
    parks: dict[str, dict] = {}
    drops = {r["name"] for r in ops["drop"]}
    retype = {r["name"]: r for r in ops["retype"]}
    rename = {r["name"]: r for r in ops["rename"]}
    place = {r["name"]: r for r in ops["place"]}

    for z in lutil:
        name = z["name"].strip()
        if name in drops:
            continue
        p = {"canonical": name, "aliases": [a for a in z.get("aliases", []) if a != name],
             "type": z["type"], "level": "national", "code": None, "source": "lutil",
             "_district": z.get("district")}
        if name in retype:
            p["type"] = retype[name]["type"]
            p["also"] = list(retype[name].get("also", []))
            p["source"] = "lutil+fix"
        if name in rename:
            r = rename[name]
            p["aliases"] = [name] + p["aliases"] + r.get("aliases", [])
            p["canonical"] = r["canonical"]
            p["source"] = "lutil+fix"
        if p["canonical"] in parks:
            raise SystemExit(f"duplicate canonical after fixes: {p['canonical']}")
        parks[p["canonical"]] = p

    for r in ops["add"]:
        if r["canonical"] in parks:
            raise SystemExit(f"supplement adds an existing park: {r['canonical']}")
        parks[r["canonical"]] = {"canonical": r["canonical"], "aliases": list(r.get("aliases", [])),
                                 "type": r["type"], "level": r["level"], "province": r["province"],
                                 "city": r.get("city"), "code": r.get("code"), "source": "supplement",
                                 "approved": r.get("approved"), "_district": None}
    for r in ops["alias"]:
        parks[r["name"]]["aliases"] += r["aliases"]
    for r in ops["source"]:
        parks[r["name"]]["source"] = r["tag"]
    for r in ops["approved"]:
        if r["name"] not in parks:
            raise SystemExit(f"approval date for an unknown park: {r['name']}")
        parks[r["name"]]["approved"] = r["approved"]

    for r in load_areas(areas):
        if r["canonical"] in parks:
            raise SystemExit(f"areas.jsonl adds an existing park: {r['canonical']}")
        parks[r["canonical"]] = r
    for r in ops["contextual"]:  # hand-kept brand names: 中关村, 张江, 光谷
        parks[r["name"]].setdefault("ctx", []).extend(r["aliases"])

    # locate national-list parks
    unresolved: list[str] = []
    for p in parks.values():
        if "province" in p:
            continue
        name = p["canonical"]
        if name in place:
            p["province"], p["city"] = place[name]["province"], place[name]["city"]
        else:
            got = loc.resolve(name, p["_district"])
            if got is None:
                unresolved.append(f"{name} (district {p['_district']})")
                continue
            p["province"], p["city"] = got
        if name in place:
            continue
        ok = loc.district_ok(p["province"], p["city"], p["_district"])
        if ok is False:
            warnings.append(f"lutil district {p['_district']} of {name} is not in "
                            f"{p['province']}{p['city'] or ''}: district ignored")

    if unresolved:
        raise SystemExit("cannot locate (add 'place' rows): " + "; ".join(unresolved))

    # NBS county-level zone codes
    nbs_dec = {r["code"]: r for r in ops["nbs"]}
    by_norm = {nbs_norm(k, v["province"], v["city"] or v["province"]): k for k, v in parks.items() if v["province"]}
    with (gaz / "nbs_county_level_zones.csv").open(encoding="utf-8") as f:
        nbs_rows = list(csv.DictReader(f))
    for row in nbs_rows:
        code, name, prov, city = row["code"], row["name"], row["province"], row["city"]
        city = None if city == "市辖区" else city
        dec = nbs_dec.get(code, {})
        if dec.get("skip"):
            continue
        target = dec.get("match") or (name if name in parks else None)
        if target is None:
            target = by_norm.get(nbs_norm(name, prov, city or prov))
        if target:
            p = parks[target]
            if p["code"] and p["code"] != code:
                raise SystemExit(f"two NBS codes for {target}")
            p["code"] = code
            if name != target:
                p["aliases"].append(name)
            if p["province"] != prov or (city and p["city"] not in (city, None)):
                warnings.append(f"NBS {code} {name}: {prov}{city or ''} vs registry {p['province']}{p['city']}")
            continue
        if not dec:
            raise SystemExit(f"NBS zone {code} {name} matches no park and has no supplement decision")
        parks[name] = {"canonical": name, "aliases": list(dec.get("aliases", [])), "type": dec["type"],
                       "level": dec["level"], "province": prov, "city": city, "code": code,
                       "source": "nbs", "_district": None}

    # aliases with tiers: 0 canonical, 1 listed (lutil, supplement, NBS), 2-3 generated. A name
    # belongs to the zones claiming it at its lowest tier; two zones at that tier make it shared.
    claims: dict[str, dict[str, int]] = defaultdict(dict)
    for k, p in parks.items():
        p["tiered"] = [(a, 1) for a in p["aliases"]] + auto_aliases(p["canonical"], p["type"], p["province"], loc)
        claims[norm(k)][k] = 0
        for a, tier in p["tiered"]:
            n = norm(a)
            claims[n][k] = min(tier, claims[n].get(k, 9))
    division_code = {norm(d["name"]): d["code"] for d in divisions}
    out = []
    for k, p in parks.items():
        seen, aliases, shared = {norm(k)}, [], []
        for a, tier in p["tiered"]:
            a = a.strip()
            n = norm(a)
            if not a or n in seen or n in GENERIC:
                continue
            seen.add(n)
            best = min(claims[n].values())
            owners = sorted(o for o, t in claims[n].items() if t == best)
            if k not in owners:
                if tier == 1:
                    warnings.append(f"alias {a} of {k} belongs to {owners}: dropped")
                continue
            if n in division_code and division_code[n] not in {parks[o]["code"] for o in owners}:
                if tier == 1:
                    warnings.append(f"alias {a} of {k} is an administrative division name: dropped")
                continue
            if len(owners) > 1:
                if best == 0:  # another zone's official name: never an alias here
                    continue
                shared.append(a)
            else:
                aliases.append(a)
        ctx = [a for a in p.get("ctx", []) if norm(a) not in seen]
        pc = prov_code[p["province"]] if p["province"] else "00"  # 00: a zone across provinces
        row = {"id": stable_id(p["type"], k, pc), "canonical": k, "aliases": aliases,
               "type": p["type"], "level": p["level"], "province": p["province"],
               "city": p["city"], "code": p["code"], "source": p["source"]}
        # optional fields only where known, so most rows stay short
        if p.get("also"):
            row["also"] = p["also"]
        if p.get("approved"):
            row["approved"] = p["approved"]
        if shared:
            row["shared"] = shared
        if ctx:
            row["contextual"] = ctx
        if p.get("parent"):
            row["parent"] = p["parent"]
        out.append(row)
    out.sort(key=lambda r: (TYPE_ORDER.index(r["type"]), r["id"].split("-")[1], r["canonical"]))
    ids = [r["id"] for r in out]
    if len(set(ids)) != len(ids):
        raise SystemExit("id collision")
    return out, divisions, warnings


def dump_jsonl(rows: list[dict]) -> str:
    return "".join(json.dumps(r, ensure_ascii=False, sort_keys=False) + "\n" for r in rows)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--gazetteer", type=Path, default=DEFAULT_GAZ)
    ap.add_argument("--supplement", type=Path, default=PARKS / "supplement.jsonl")
    ap.add_argument("--areas", type=Path, default=PARKS / "areas.jsonl")
    ap.add_argument("--out", type=Path, default=DATA)
    ap.add_argument("--check", action="store_true", help="compare with the files in --out, write nothing")
    ap.add_argument("-v", "--verbose", action="store_true", help="print warnings")
    a = ap.parse_args(argv)
    parks, divisions, warnings = build(a.gazetteer, a.supplement, a.areas)
    files = {"registry.jsonl": dump_jsonl(parks), "divisions.jsonl": dump_jsonl(divisions)}
    if a.verbose:
        for w in warnings:
            print("warning:", w, file=sys.stderr)
    if a.check:
        bad = [n for n, t in files.items()
               if not (a.out / n).exists() or (a.out / n).read_text(encoding="utf-8") != t]
        print("up to date" if not bad else f"out of date: {', '.join(bad)}")
        return 1 if bad else 0
    a.out.mkdir(parents=True, exist_ok=True)
    for n, t in files.items():
        (a.out / n).write_text(t, encoding="utf-8")
    counts = defaultdict(int)
    for p in parks:
        counts[(p["type"], p["level"])] += 1
    print(f"wrote {len(parks)} parks, {len(divisions)} divisions; "
          + ", ".join(f"{t}/{l}={n}" for (t, l), n in sorted(counts.items())))
    return 0


if __name__ == "__main__":
    sys.exit(main())
