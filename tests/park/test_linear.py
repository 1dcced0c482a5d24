"""PARK runs in linear time on adversarial input (park words, place names, brackets, no punctuation)."""

from __future__ import annotations

import pytest

from linear_time import assert_linear

UNITS = {
    "park-words": "高新区开发区园区产业园基地新区",
    "places+park": "广东肇庆内蒙古准格尔山西临汾尧都高新区",
    "brackets": "百度智能云（山西·临汾）（（（人工智能基础数据产业基地",
    "short-form-definitions": "（以下简称园区）（以下简称基地）",
    "no-punctuation": "准格尔经济开发区企业内蒙古玉晶科技有限公司副总经理赵晓茜感慨道该企业投资的优质特种玻璃项目",
    "registry-names": "中关村科技园区武汉东湖新技术开发区苏州工业园区雄安新区",
    "shared-names": "滨海新区唐山经开区绍兴天津上海高新区",
    "contextual-names": "江苏自贸试验区苏州片区南京片区中关村海淀园中关村",
    "head-short-forms": "金岭能源化工基地金岭基地金岭",
    "bracket-short-forms": "宁东能源化工基地（宁东基地）（（宁东基地））（下称宁东",
    "county-evidence": "滨海新区柯桥区越城区唐山经开区路北区",
    "brands-and-kinds": "中关村大街光谷广场中国光谷光伏产业园成渝地区承接基地长沙软件园生命科学园",
}


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(UNITS))
def test_linear(name: str) -> None:
    assert_linear(name, UNITS[name], ["PARK"])
