"""The fact rules as named records (Duckling style): the list is the documentation, and every
fact names the rule that produced it (``Fact.rule``). The binding itself is in
``extract.facts.engine``; a test checks that every emitted name is listed here."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Rule:
    name: str
    pattern: str   # the shape of text it reads, in words
    example: str   # our own sentence (never a gold sentence)


RULES: list[Rule] = [
    Rule("fact.verb_value", "subject … indicator (实现/完成/达到/达/为) value, in one clause",
         "2023年，示范园区实现营业收入12.5亿元。"),
    Rule("fact.count_adjacent", "a count-type indicator with its COUNT right before or after it",
         "示范园区拥有高新技术企业86家。"),
    Rule("fact.change_only", "indicator … (同比/比上年 …)(增长/下降) figure, with no value of its own",
         "示范园区工业投资同比增长12%。"),
    Rule("fact.share_of", "占全国…的W / 全国W的indicator / W的indicator: a share of the whole",
         "示范园区贡献了全省8%的税收。"),
    Rule("fact.share_only", "indicator … 占(全国…)W with no value of its own",
         "示范园区的发明专利占全市三成。"),
    Rule("fact.respectively", "indicator、indicator 分别/依次 (为) value、value — zipped, counts equal",
         "示范园区营业收入、净利润分别为12亿元、3亿元。"),
    Rule("fact.respectively_subjects", "park、park（等）… indicator 分别(达到/为) value和value — parks zipped with values",
         "合肥高新区、芜湖高新区的高新技术企业分别达到120家和80家。"),
    Rule("fact.respectively_change", "facts of the sentence … 分别增长 a%、b% — zipped, counts equal",
         "示范园区营业收入、净利润分别为12亿元、3亿元，分别增长5%、8%。"),
    Rule("fact.other_value", "noun phrase ending in a measure noun (额/值/收入/投资 …) (完成/实现) MONEY: indicator other",
         "示范园区技术合同成交额完成8亿元。"),
    Rule("fact.respectively_shares", "indicators A、B 分别占…的 a%、b% (占比分别为): one share-only fact each, counts equal",
         "示范园区营业收入、税收分别占全省的12%、9%。"),
    Rule("fact.other_change", "noun phrase ending in a measure noun (同比)(增长/下降) figure: indicator other, change only",
         "示范园区建安投资同比增长9%。"),
    Rule("fact.group_total", "group 总数达 N家: the number of zones of a group",
         "全国国家级新区总数达19家。"),
    Rule("fact.qizhong_inherited", "其中，segment (完成/实现/达到/为) MONEY with no indicator: the indicator of the whole it is part of",
         "示范园区工业总产值达到300亿元，其中，规模以上工业企业完成260亿元。"),
    Rule("fact.respectively_segments", "segment、segment(等行业) indicator 分别(同比)增长 a、b / 分别为 x、y — one indicator of several segments, zipped, counts equal",
         "示范园区电子信息、生物医药等主导产业产值分别增长12%、9%。"),
    Rule("fact.from_to", "indicator 从/由 DATE(的) value (增长/增加/提高/扩大/下降/减少)到/至 DATE(的) value: two facts, each with its own period",
         "示范园区营业收入从2019年的80亿元增长到2023年的150亿元。"),
]

NAMES = frozenset(r.name for r in RULES)
QIZHONG = ".qizhong"  # suffix of a rule name for a child fact after 其中
