"""DATE runs in linear time on adversarial input: 10× the text may cost at most 20× the time."""

from __future__ import annotations

import pytest

from linear_time import assert_linear

_PROSE = "二〇二三年十二月二十八日国家统计局发布数据显示2023年1至11月全国规模以上工业企业实现利润总额同比下降4.4%今年前三季度"

ADVERSARIAL = {
    "digits": "1234567890",
    "years": "年",
    "months": "月",
    "dashes": "1-",
    "year_runs": "2023年",
    "cn_digits": "二〇二三",
    "month_day": "12月28日至",
    "dots": "2023.12.",
    "no_punctuation": _PROSE,
    "title_years": "《报告》2023，",  # issue 19: every bare year was checked against every title
    # issue 17: weekdays, weeks, holidays, years with 千, Chinese days, weekday before a date
    "weekdays": "周一周二上周下周三星期",
    "holidays": "春节期间国庆假期元旦2026年春节",
    "weekday_dates": "周六2013年04月08日",
    "qian_years": "两千零五年二千",
    "cn_days": "十九日三十号",
    "stacked_relative": "大大前天大后天",
    # issue 17, second part: space-separated dates, 起至 ranges, more holidays, wordless days
    "space_dates": "2022 11 23 ",
    "qizhi_ranges": "2020-05-26起至",
    "observances": "圣诞节除夕七夕节平安夜",
    "wordless_days": "10月22出生",
    "lunar": "农历正月初一腊月廿",
    "lunar_months": "二〇二三年农历闰二月初",
    "solar_terms": "2024年冬至大雪去年春节",
    "relative_years": "大前年后年大后年",
    "month_weeks": "3月的第三周周一",
    "weekends": "本周末上周末期",
}


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(ADVERSARIAL))
def test_linear(name: str) -> None:
    assert_linear(name, ADVERSARIAL[name], ["DATE"])
