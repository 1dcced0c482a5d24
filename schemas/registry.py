"""Pydantic v2 models of the park registry (extract/park/data/registry.jsonl, divisions.jsonl)."""
from __future__ import annotations

from enum import Enum

from pydantic import BaseModel, ConfigDict, Field


class ParkType(str, Enum):
    hitech = "hitech"                    # national high-tech industrial development zone (国家高新区)
    etdz = "etdz"                        # economic and technological development zone (经开区)
    new_area = "new_area"                # national new area (国家级新区)
    ftz = "ftz"                          # pilot free trade zone (自由贸易试验区)
    free_trade_port = "free_trade_port"  # 海南自由贸易港
    bonded = "bonded"                    # comprehensive bonded zone (综合保税区)
    agri = "agri"                        # national agricultural high-tech demonstration zone
    special = "special"                  # other State Council zones: 合作区, 示范区, 新片区, 实验区
    ftz_area = "ftz_area"                # a 片区 of a pilot FTZ (中国（江苏）自由贸易试验区苏州片区)
    subpark = "subpark"                  # a park of a multi-park zone (中关村科技园区海淀园)
    border = "border"                    # national border economic cooperation zone (边境经济合作区)
    crossborder = "crossborder"          # cross-border economic cooperation zone (中老磨憨—磨丁经济合作区)
    provincial_zone = "provincial_zone"  # provincial-level development zone
    other = "other"


class ParkLevel(str, Enum):
    national = "national"
    provincial = "provincial"
    other = "other"


class DivisionLevel(str, Enum):
    province = "province"
    prefecture = "prefecture"
    county = "county"


class ParkEntry(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(pattern=r"^[a-z]+-\d{2}-[0-9a-f]{6}$")
    canonical: str = Field(min_length=2)
    aliases: tuple[str, ...] = ()
    type: ParkType
    level: ParkLevel
    province: str | None = Field(pattern=r".+(省|市|自治区)$",
                                 description="None only for a zone across provinces (长三角生态绿色一体化发展示范区)")
    city: str | None = None
    code: str | None = Field(default=None, pattern=r"^\d{6}$")
    source: str
    also: tuple[ParkType, ...] = Field(
        default=(), description="other national lists the park is counted on besides its own type: "
        "苏州工业园区 is an ETDZ and one of the national high-tech zones")
    approved: str | None = Field(
        default=None, pattern=r"^\d{4}-\d{2}$",
        description="year-month of the State Council approval at this level, where the supplement records "
        "it (the upgrades since 2021); None means earlier or not recorded")

    shared: tuple[str, ...] = Field(
        default=(), description="ambiguous aliases: names another zone owns too (滨海新区: 天津 and 绍兴); "
        "a mention is resolved by the document's places, else left without an id")
    contextual: tuple[str, ...] = Field(
        default=(), description="names that are this zone only where the document also names it or its "
        "parent in full (苏州片区 after 江苏自贸试验区, 海淀园 after 中关村, bare 中关村 after 中关村科技园区)")
    parent: str | None = Field(default=None, description="canonical name of the zone this one is part of")

    def on_list(self, t: ParkType | str) -> bool:
        """Is the park on the national list of type ``t`` (by its own type or as an ``also``)?"""
        t = ParkType(t)
        return self.type is t or t in self.also


class Division(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    code: str = Field(pattern=r"^\d{2}(\d{2}(\d{2})?)?$")
    name: str
    short: str | None = Field(default=None, min_length=2)
    level: DivisionLevel
    province: str
    city: str | None = None
