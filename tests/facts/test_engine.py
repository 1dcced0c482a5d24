"""The fact stage on our own sentences (never gold sentences): one row per case, the facts it
must give as (subject, indicator, period, figure, changes, share, modality), or none."""

from __future__ import annotations

import datetime as dt

import pytest

from extract.facts import extract_facts, facts_of_text
from extract.facts.rules import NAMES, QIZHONG, RULES

DATE = dt.date(2024, 1, 4)


def _rows(text: str) -> list[tuple]:
    out = []
    for f in facts_of_text(text, DATE):
        v = f.value
        fig = text[v.start:v.end] if v else None
        out.append((f.subject.canonical, f.segment, f.indicator.id, f.period.value if f.period else None, fig,
                    tuple((c.basis.value, c.metric.value, format(c.value, "f")) for c in f.changes),
                    format(f.share.value, "f") if f.share else None, f.modality.value))
    return out


HEFEI = "合肥高新技术产业开发区"
CASES = [
    # a sentence that opens with a sector in a clause of no figure: the figures are the sector's,
    # unless the clause names a sector of its own
    ("2023年，合肥高新区经济稳中有进。光伏产业加速集聚，实现营业收入380亿元。",
     [(HEFEI, "光伏产业", "operating_revenue", "2023", "380亿元", (), None, "actual")]),
    ("2023年，合肥高新区经济稳中有进。光伏产业加速集聚，储能产业营业收入120亿元。",
     [(HEFEI, "储能产业", "operating_revenue", "2023", "120亿元", (), None, "actual")]),
    # manufacturing's value added is industrial; the share's change is no change of the figure
    ("2023年，合肥高新区装备制造业增加值增长9.2%，占比较上年提高0.8个百分点。",
     [(HEFEI, "装备制造业", "industrial_value_added", "2023", None, (("yoy", "percent", "0.092"),), None, "actual")]),
    # the segment stands before the DATE, the indicator after it
    ("合肥高新区新能源汽车产业2023年实现产值620亿元。",
     [(HEFEI, "新能源汽车产业", "industrial_output", "2023", "620亿元", (), None, "actual")]),
    # a clause of only a price basis or only a milestone between a figure and its change
    ("2023年，合肥高新区实现地区生产总值960亿元，按不变价格计算，同比增长7.4%。",
     [(HEFEI, None, "gdp", "2023", "960亿元", (("yoy", "percent", "0.074"),), None, "actual")]),
    ("2023年，合肥高新区社会消费品零售总额实现212亿元，首次突破200亿，同比增长9.6%。",
     [(HEFEI, None, "retail_sales", "2023", "212亿元", (("yoy", "percent", "0.096"),), None, "actual")]),
    ("2022年，合肥高新区实现营业收入1.2万亿元。",
     [(HEFEI, None, "operating_revenue", "2022", "1.2万亿元", (), None, "actual")]),
    ("2023年1—6月，合肥高新区地区生产总值达到800亿元，同比名义增长6.5%。",
     [(HEFEI, None, "gdp", "2023-01/2023-06", "800亿元", (("yoy", "percent", "0.065"),), None, "actual")]),
    ("2023年，合肥高新区工业投资同比下降3.2%。",
     [(HEFEI, None, "industrial_investment", "2023", None, (("yoy", "percent", "-0.032"),), None, "actual")]),
    ("2023年，合肥高新区营业收入、净利润分别为1.2万亿元、900亿元。",
     [(HEFEI, None, "operating_revenue", "2023", "1.2万亿元", (), None, "actual"),
      (HEFEI, None, "net_profit", "2023", "900亿元", (), None, "actual")]),
    ("2023年，合肥高新区实现营业收入1.2万亿元、净利润900亿元，分别增长5%、8%。",
     [(HEFEI, None, "operating_revenue", "2023", "1.2万亿元", (("yoy", "percent", "0.05"),), None, "actual"),
      (HEFEI, None, "net_profit", "2023", "900亿元", (("yoy", "percent", "0.08"),), None, "actual")]),
    ("2023年，合肥高新区营业收入、净利润分别为1.2万亿元、900亿元、30亿元。", []),       # counts differ: abstain
    ("2023年，合肥高新区实现营业收入1.2万亿元、净利润900亿元，分别增长5%、8%、9%。", []),
    ("合肥高新区拥有高新技术企业2600家。",
     [(HEFEI, None, "hitech_enterprises", None, "2600家", (), None, "actual")]),
    ("截至2023年底，合肥高新区已拥有新能源特色企业120家。",
     [(HEFEI, "新能源特色企业", "enterprises", "2023-12", "120家", (), None, "actual")]),
    ("2023年，合肥高新区区内规上工业企业实现产值850亿元。",
     [(HEFEI, "规模以上工业企业", "industrial_output", "2023", "850亿元", (), None, "actual")]),
    ("合肥高新区贡献了全省9.5%的税收。",
     [(HEFEI, None, "tax_revenue", None, None, (), "0.095", "actual")]),
    ("合肥高新区的有效发明专利占全省三成。",
     [(HEFEI, None, "invention_patents", None, None, (), "0.3", "actual")]),
    ("2024年，合肥高新区力争实现营业收入1.5万亿元。",
     [(HEFEI, None, "operating_revenue", "2024", "1.5万亿元", (), None, "target")]),
    ("2023年，合肥高新区预计实现地区生产总值1600亿元。",
     [(HEFEI, None, "gdp", "2023", "1600亿元", (), None, "forecast")]),
    ("2023年，合肥高新区工业总产值首次突破千亿元。", []),                               # a milestone
    ("合肥高新区引进亿元以上项目23个。", []),                                           # a threshold
    ("该区实现营业收入12亿元。", []),                                                  # no antecedent
    ("合肥高新区、芜湖高新区营业收入超过100亿元。", []),                               # two subjects, one figure
    ("2023年，该市生产总值达到3000亿元。", []),                                        # a city, not a park
    ("2023年，合肥高新区营业收入1.2万亿元。园区出口额达到300亿元。",
     [(HEFEI, None, "operating_revenue", "2023", "1.2万亿元", (), None, "actual"),
      (HEFEI, None, "export", "2023", "300亿元", (), None, "actual")]),
    ("2023年，合肥高新区营业收入1.2万亿元。其中，软件产业营业收入300亿元。",
     [(HEFEI, None, "operating_revenue", "2023", "1.2万亿元", (), None, "actual"),
      (HEFEI, "软件产业", "operating_revenue", "2023", "300亿元", (), None, "actual")]),
    ("2023年，全国国家级经开区实现进出口总额9万亿元。",
     [("国家级经开区", None, "trade_total", "2023", "9万亿元", (), None, "actual")]),
    ("截至2023年底，国家级新区总数达19家。",
     [("国家级新区", None, "zones", "2023-12", "19家", (), None, "actual")]),
    # traditional characters: words read in simplified, surfaces and spans as written
    ("2023年，合肥高新區實現營業收入1.2萬億元。",
     [(HEFEI, None, "operating_revenue", "2023", "1.2萬億元", (), None, "actual")]),
    # 总投资 belongs to the project count before it: two facts, one id
    ("2023年，合肥高新区新签约重大项目45个，总投资380亿元。",
     [(HEFEI, None, "projects_signed", "2023", "45个", (), None, "actual"),
      (HEFEI, None, "projects_signed", "2023", "380亿元", (), None, "actual")]),
    ("2023年，合肥高新区总投资380亿元。", []),                                           # 总投资 of what
    # a lead that states one period governs the article's later paragraphs, the subject carries on
    ("2023年，合肥高新区经济运行稳中有进。\n工业生产方面，规上工业增加值同比增长9%。",
     [(HEFEI, None, "industrial_value_added", "2023", None, (("yoy", "percent", "0.09"),), None, "actual")]),
    # a group after a verb of building is what was built, not who reports
    ("截至2023年底，合肥高新区建设了3家省级高新区，园区营业收入达到1.2万亿元。",
     [(HEFEI, None, "operating_revenue", "2023-12", "1.2万亿元", (), None, "actual")]),
    # 一般公共预算收入 is the fiscal revenue when 财政收入 is not written beside it
    ("2023年，合肥高新区一般公共预算收入达到80亿元。",
     [(HEFEI, None, "fiscal_revenue", "2023", "80亿元", (), None, "actual")]),
    ("2023年，合肥高新区营业收入突破1万亿元。", []),                                     # a milestone
    # 全省高新区: a group of the one province the document names; no province written → no fact
    ("安徽省科技厅通报：2023年，全省高新区实现营业收入5000亿元。",
     [("高新区", None, "operating_revenue", "2023", "5000亿元", (), None, "actual")]),
    ("2023年，全省高新区实现营业收入5000亿元。", []),
    # 增速/增幅 (no base written) are yoy changes (LABELLING.md D-tb9)
    ("2023年，合肥高新区规上工业增加值增速9.5%，进出口增幅达12%。",
     [(HEFEI, None, "industrial_value_added", "2023", None, (("yoy", "percent", "0.095"),), None, "actual"),
      (HEFEI, None, "trade_total", "2023", None, (("yoy", "percent", "0.12"),), None, "actual")]),
    # A、B分别（同比）增长 a、b: changes of indicators with no value of their own, zipped; counts differ → none
    ("2023年，合肥高新区营业收入和净利润分别同比增长7.2%和4.1%。",
     [(HEFEI, None, "operating_revenue", "2023", None, (("yoy", "percent", "0.072"),), None, "actual"),
      (HEFEI, None, "net_profit", "2023", None, (("yoy", "percent", "0.041"),), None, "actual")]),
    ("2023年，合肥高新区营业收入、净利润、税收分别增长7.2%、4.1%。", []),
    # a dateline day in the lead is no rival of the reporting period it states
    ("新华社合肥1月3日电 2023年，合肥高新区经济平稳增长。\n园区营业收入达到1.3万亿元。",
     [(HEFEI, None, "operating_revenue", "2023", "1.3万亿元", (), None, "actual")]),
    # a segment is cut at a function character only where it is a word of its own
    ("2023年，合肥高新区有色金属企业实现产值300亿元。",
     [(HEFEI, "有色金属企业", "industrial_output", "2023", "300亿元", (), None, "actual")]),
    ("2023年，合肥高新区规模以上服务业实现营业收入80亿元。",
     [(HEFEI, "规模以上服务业", "operating_revenue", "2023", "80亿元", (), None, "actual")]),
    ("2023年，合肥高新区出口额达到300亿元；其中机电产品出口额120亿元。",
     [(HEFEI, None, "export", "2023", "300亿元", (), None, "actual"),
      (HEFEI, "机电产品", "export", "2023", "120亿元", (), None, "actual")]),
    # a paragraph that states no period (a teaser, a byline) is not the lead: the next one is
    ("核心提示：记者从全市科技工作会议上获悉，园区经济持续向好，延续上年度良好态势。\n2023年，合肥高新区经济平稳增长。\n园区营业收入达到1.3万亿元。",
     [(HEFEI, None, "operating_revenue", "2023", "1.3万亿元", (), None, "actual")]),
    # several parks named without a figure: none of them carries on
    ("2023年，以合肥高新区和芜湖高新区为例，园区营业收入达到300亿元。", []),
    # 从 DATE 的 X 增长到 DATE 的 Y: two facts, each at its own period; 增长到 Y is a level, never a change by Y
    ("芜湖高新区营业收入从2019年的900亿元增长到2023年的1500亿元。",
     [("芜湖高新技术产业开发区", None, "operating_revenue", "2019", "900亿元", (), None, "actual"),
      ("芜湖高新技术产业开发区", None, "operating_revenue", "2023", "1500亿元", (), None, "actual")]),
    ("2023年，合肥高新区净利润从80亿元增加到95亿元。", []),
    # 其中，SEGMENT 完成 X with no indicator of its own: the indicator of the whole it is part of
    ("2023年，合肥高新区工业总产值2900亿元；其中，规模以上工业企业完成2500亿元。",
     [(HEFEI, None, "industrial_output", "2023", "2900亿元", (), None, "actual"),
      (HEFEI, "规模以上工业企业", "industrial_output", "2023", "2500亿元", (), None, "actual")]),
    ("2023年，合肥高新区实现营业收入1.2万亿元。其中，张三完成3000亿元。",                # no segment: no child
     [(HEFEI, None, "operating_revenue", "2023", "1.2万亿元", (), None, "actual")]),
    # a clause that opens with its verb goes on with the doer (segment) of the clause before
    ("2023年，合肥高新区规模以上工业企业完成总产值2900亿元，完成利润总额210亿元。",
     [(HEFEI, "规模以上工业企业", "industrial_output", "2023", "2900亿元", (), None, "actual"),
      (HEFEI, "规模以上工业企业", "total_profit", "2023", "210亿元", (), None, "actual")]),
    # segments of one indicator zipped with their changes; the last pair may be joined by 和; counts differ → none
    ("2023年，合肥高新区生物医药、新能源汽车等主导行业工业增加值分别增长12.5%、9.0%。",
     [(HEFEI, "生物医药", "industrial_value_added", "2023", None, (("yoy", "percent", "0.125"),), None, "actual"),
      (HEFEI, "新能源汽车", "industrial_value_added", "2023", None, (("yoy", "percent", "0.09"),), None, "actual")]),
    ("2023年，合肥高新区光伏和储能产业产值分别达到300亿元、120亿元。",
     [(HEFEI, "光伏", "industrial_output", "2023", "300亿元", (), None, "actual"),
      (HEFEI, "储能产业", "industrial_output", "2023", "120亿元", (), None, "actual")]),
    ("2023年，合肥高新区集成电路、人工智能产业产值分别同比增长20%、25%和18%。", []),
    # a year after the document's (2024-01-04) cannot be an actual figure: 到2025年 is a target's
    # deadline; a later year with no deadline word gives no fact
    ("到2026年，合肥高新区营业收入达到2万亿元。",
     [(HEFEI, None, "operating_revenue", "2026", "2万亿元", (), None, "target")]),
    ("2026年，合肥高新区营业收入达到2万亿元。", []),
    # 其中 counts after a noun phrase ending in the whole's head noun: parts of the whole
    ("2023年，合肥高新区全年引进重点项目320个，其中世界500强项目12个，实体项目150个。",
     [(HEFEI, None, "projects_signed", "2023", "320个", (), None, "actual"),
      (HEFEI, "世界500强项目", "projects_signed", "2023", "12个", (), None, "actual"),
      (HEFEI, "实体项目", "projects_signed", "2023", "150个", (), None, "actual")]),
    ("2023年，合肥高新区引进项目320个，其中包括12个。",
     [(HEFEI, None, "projects_signed", "2023", "320个", (), None, "actual")]),
    # thresholds in a list before the noun they qualify are no values; a comparison is no `other` name
    ("截至2023年末，合肥高新区营业收入30亿元以上、利润1亿元以上制造业企业共168家。", []),
    ("2023年，合肥高新区全年累计9个月高于全市建安投资增速10个百分点以上。", []),
    ("2023年，合肥高新区工业投资增长12%，高于全省平均增速3个百分点。",                # a gap, not a change
     [(HEFEI, None, "industrial_investment", "2023", None, (("yoy", "percent", "0.12"),), None, "actual")]),
    ("2023年，合肥高新区出口额增长12%，拉动全省出口增长1.5个百分点。",               # a contribution, not a change
     [(HEFEI, None, "export", "2023", None, (("yoy", "percent", "0.12"),), None, "actual")]),
    # an indicator the clause before left without a figure takes the change the next clause opens with
    ("2023年1-8月，合肥高新区第三产业营业总收入保持较快增长势头，同比增长21.3%。",
     [(HEFEI, "第三产业", "operating_revenue", "2023-01/2023-08", None, (("yoy", "percent", "0.213"),), None, "actual")]),
    ("2023年，合肥高新区营业收入稳步提升，工业投资同比增长5%。",
     [(HEFEI, None, "industrial_investment", "2023", None, (("yoy", "percent", "0.05"),), None, "actual")]),
    # a count the lexicon has no id for gives no fact (where its noun phrase starts is unread)
    ("2023年，合肥高新区汇聚检验检测机构12个。", []),
    # industries after 其中 zipped with the changes after 分别: segments of the sentence's indicator
    ("2023年，合肥高新区多数行业产值实现正增长，其中，化学原料制造业、汽车制造业分别同比增长12%、8%。",
     [(HEFEI, "化学原料制造业", "industrial_output", "2023", None, (("yoy", "percent", "0.12"),), None, "actual"),
      (HEFEI, "汽车制造业", "industrial_output", "2023", None, (("yoy", "percent", "0.08"),), None, "actual")]),
    # a gloss in brackets after the indicator; a clause of only a price basis bridges value and change
    ("2023年，合肥高新区实现地区生产总值(GDP)900亿元，按可比价格计算，增长6%。",
     [(HEFEI, None, "gdp", "2023", "900亿元", (("yoy", "percent", "0.06"),), None, "actual")]),
    ("2023年，合肥高新区研究与试验发展（R&D）经费支出12亿元。",
     [(HEFEI, None, "rd_expenditure", "2023", "12亿元", (), None, "actual")]),
    # a whole after 占 is no subject; the rest of a sentence with a share list is read as usual
    ("2023年，石家庄、保定2家国家高新区实现营业收入占全省高新区的34%，税收、出口分别占全省高新区的30%、40%。",
     [("国家高新区", None, "operating_revenue", "2023", None, (), "0.34", "actual"),
      ("国家高新区", None, "tax_revenue", "2023", None, (), "0.3", "actual"),
      ("国家高新区", None, "export", "2023", None, (), "0.4", "actual")]),
    # 增加值 is a value added, never the 增加 of a change: the amount after it is no change
    ("2023年，合肥高新区规上工业增加值683亿元，数字经济核心产业增加值1228亿元。",
     [(HEFEI, None, "industrial_value_added", "2023", "683亿元", (), None, "actual"),
      (HEFEI, None, "other", "2023", "1228亿元", (), None, "actual")]),
    # a clause opened by a city, province or county reports the place's figure, not the park's
    ("2023年，合肥高新区营业收入1.2万亿元。合肥市地区生产总值达1.27万亿元。",
     [(HEFEI, None, "operating_revenue", "2023", "1.2万亿元", (), None, "actual")]),
    ("2023年，合肥高新区营业收入1.2万亿元。同期，安徽省实现进出口总额8000亿元。",
     [(HEFEI, None, "operating_revenue", "2023", "1.2万亿元", (), None, "actual")]),
    # a change against a dated point: 较2019年同期 → vs_prior_period, 较2020年底 → vs_year_end; 提升 is a rise
    ("2023年1-8月，合肥高新区工业总产值完成500亿元，同比增长5%，较2019年同期增长20%。",
     [(HEFEI, None, "industrial_output", "2023-01/2023-08", "500亿元",
       (("yoy", "percent", "0.05"), ("vs_prior_period", "percent", "0.2")), None, "actual")]),
    ("2023年，合肥高新区营业收入比2015年增长12%。",
     [(HEFEI, None, "operating_revenue", "2023", None, (("vs_prior_period", "percent", "0.12"),), None, "actual")]),
    ("2023年，合肥高新区出口额较2022年底提升8%。",
     [(HEFEI, None, "export", "2023", None, (("vs_year_end", "percent", "0.08"),), None, "actual")]),
    # a period that is not over at the document date (前三季度 read as this year's in January) is no actual
    ("前三季度，合肥高新区营业收入达到1200亿元。", []),
    # a province and a bare park word name the province's zones (a group), not a park
    ("2023年，安徽省高新区实现营业收入3万亿元。",
     [("高新区", None, "operating_revenue", "2023", "3万亿元", (), None, "actual")]),
    # 总投资 after a 其中 part whose count is a threshold class: the part's, not the park's projects
    ("2023年，合肥高新区新签约项目50个，其中，亿元以上项目20个，总投资300亿元。",
     [(HEFEI, None, "projects_signed", "2023", "50个", (), None, "actual")]),
    # a milestone clause leaves its indicator to the value the next clause gives (突破1万亿元，达到1.05万亿元)
    ("2023年，合肥高新区营业收入突破1万亿元，达到1.05万亿元。",
     [(HEFEI, None, "operating_revenue", "2023", "1.05万亿元", (), None, "actual")]),
    ("2023年，合肥高新区外贸进出口总额完成800亿元。",
     [(HEFEI, None, "trade_total", "2023", "800亿元", (), None, "actual")]),
    # 全年 after a lead that gives part of the year: the whole year
    ("2023年1—10月，合肥高新区招商引资成效明显。全年共引进项目30个。",
     [(HEFEI, None, "projects_signed", "2023", "30个", (), None, "actual")]),
    # a sentence stating its own span (成立十年来) inherits no period
    ("2023年，合肥高新区经济平稳增长。园区成立十年来，出口额年均增长12%。",
     [(HEFEI, None, "export", None, None, (("yoy", "percent", "0.12"),), None, "actual")]),
    # a sector glued to a bare indicator word is the segment (营利性服务业收入); a modality word may link
    ("2023年1-2月，合肥高新区营利性服务业收入预计95亿元。",
     [(HEFEI, "营利性服务业", "operating_revenue", "2023-01/2023-02", "95亿元", (), None, "forecast")]),
    ("2023年，合肥高新区实现营业收入1200亿元，其中软件业营业收入300亿元。",
     [(HEFEI, None, "operating_revenue", "2023", "1200亿元", (), None, "actual"),
      (HEFEI, "软件业", "operating_revenue", "2023", "300亿元", (), None, "actual")]),
    # indicators zipped with the shares after 分别
    ("2023年，合肥高新区营业收入、税收分别占全省的12%、9%。",
     [(HEFEI, None, "operating_revenue", "2023", None, (), "0.12", "actual"),
      (HEFEI, None, "tax_revenue", "2023", None, (), "0.09", "actual")]),
    ("2023年，合肥高新区营业收入、税收、出口分别占全省的12%、9%。", []),             # three and two: abstain
    # a photo caption between paragraphs starts no new article
    ("2023年，合肥高新区经济平稳增长。\n▲园区一角\n园区营业收入达到1.3万亿元。",
     [(HEFEI, None, "operating_revenue", "2023", "1.3万亿元", (), None, "actual")]),
]


@pytest.mark.parametrize("text, want", CASES, ids=[c[0][:24] for c in CASES])
def test_facts_of_sentences(text, want):
    assert _rows(text) == want


def test_group_named_by_members_is_the_provinces():
    text = "河北省高新区发展报告发布。2023年，石家庄、保定、唐山3家国家高新区实现营业收入3000亿元。"
    facts = facts_of_text(text, DATE)
    assert [(f.subject.canonical, f.subject.region, f.subject.count) for f in facts] == [("国家高新区", "河北省", 3)]


def test_resolution_kinds_and_offsets():
    text = "2023年，合肥高新区营业收入1.2万亿元。园区出口额达到300亿元。全年新增企业500家，税收50亿元。"
    facts = facts_of_text(text, DATE)
    how = [f.subject.resolved_by.value for f in facts]
    assert how[:2] == ["explicit", "anaphor"]
    assert all(f.rule.split(".qizhong")[0] in NAMES for f in facts)
    first = facts[0]
    assert text[first.subject.start:first.subject.end] == "合肥高新区"
    assert text[first.sentence[0]:first.sentence[1]] == "2023年，合肥高新区营业收入1.2万亿元。"
    assert facts[1].period.start is None and facts[1].period.value == "2023"  # inherited


def test_headline_subject():
    text = "合肥高新区\n新能源企业达120家\n\n记者获悉，截至目前，高新区已拥有新能源企业120家。"
    facts = facts_of_text(text, DATE)
    assert [f.subject.resolved_by.value for f in facts] == ["headline", "anaphor"]


def test_every_rule_has_a_name_and_an_example_that_produces_it():
    assert len(NAMES) == len(RULES)
    for rule in RULES:
        got = {f.rule.removesuffix(QIZHONG) for f in facts_of_text(rule.example.replace("示范园区", "合肥高新区"), DATE)}
        assert rule.name in got, (rule.name, got)


def test_no_mentions_no_facts():
    assert extract_facts("合肥高新区营业收入很高。", []) == []
    assert extract_facts("", []) == []


@pytest.mark.parametrize("text, period", [
    # no document date: the months are read in the year the article's lead states
    ("2022年，合肥高新区经济稳中有进。\n1—9月，园区实现营业收入900亿元。", "2022-01/2022-09"),
    ("2021年，合肥高新区经济稳中有进。\n上半年，园区实现营业收入500亿元。", "2021-H1"),
    # a lead over two years gives no one year: the months have no period, never the lead's span
    ("2021—2022年，合肥高新区经济稳中有进。\n1—9月，园区实现营业收入900亿元。", None),
    # a year-less day is a dateline: the lead's period stays
    ("2022年，合肥高新区经济稳中有进。\n3月5日，园区实现营业收入900亿元。", "2022"),
])
def test_a_yearless_period_takes_the_governing_year(text, period):
    facts = facts_of_text(text, None)
    assert [f.indicator.id for f in facts] == ["operating_revenue"]
    assert (facts[0].period.value if facts[0].period else None) == period
