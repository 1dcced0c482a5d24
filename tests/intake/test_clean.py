from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from extract.intake.clean import clean

ALPHABET = st.sampled_from(list("国家高新区园一二三四五六七八九十百千万亿元年月日%％．。，、“”（）\n \u3000 0123456789０１２３４５６７８９abcAB摄◎"))


@settings(max_examples=300, deadline=None)
@given(st.lists(ALPHABET, max_size=300).map("".join))
def test_every_cleaned_span_maps_back_exactly(text):
    c = clean(text)
    assert len(c.index) == len(c.text)
    for i, ch in enumerate(c.text):
        orig = text[c.index[i]]
        if ch != "\n":
            # a kept character is the original one, or its one-to-one full-width mapping
            assert orig == ch or orig.translate(str.maketrans("０１２３４５６７８９％．", "0123456789%.")) == ch
    # any span of the cleaned text maps to an original span containing the same characters in order
    for start in range(0, len(c.text), 7):
        for end in range(start + 1, min(len(c.text), start + 12) + 1):
            s, e = c.to_original(start, end)
            assert 0 <= s < e <= len(text)


def test_full_width_digits_are_mapped_one_to_one():
    c = clean("增长１４．３％")
    assert c.text == "增长14.3%"
    assert c.to_original(2, 7) == (2, 7)


def test_layout_broken_word_is_joined_and_maps_back():
    text = "推动数字技术与实体经济深度融合，国家高新区着力推动人工智能、大\n\n数据、云计算等新兴产业蓬勃发展，数字化相关产业营业收入超过13万亿元。"
    c = clean(text)
    assert "大数据" in c.text
    i = c.text.index("大数据")
    s, e = c.to_original(i, i + 3)
    assert text[s:e] == "大\n\n数据"


def test_headlines_are_not_joined():
    text = "集聚全国1/3高新技术企业、2/3科创板上市企业\n\n国家高新区成为重要创新策源地\n\n◎本报记者 崔爽"
    assert clean(text).text.count("\n") >= 2


def test_caption_inside_a_sentence_is_lifted_out():
    text = ("为进一步强化服务保障，让企业少跑路、多办事，2023年11月份，在多方共\n\n\n\n"
            "在准格尔经济开发区企业内蒙古玉晶科技有限公司，生产车间内的机械臂正在进行项目生产。王丽曼摄\n\n"
            "同努力下，准格尔经济开发区政务服务分中心正式投入运行。\n\n下一段。")
    c = clean(text)
    assert "在多方共同努力下" in c.text
    assert "王丽曼摄" in c.text  # kept, as its own line after the paragraph
    assert c.text.index("王丽曼摄") > c.text.index("正式投入运行")
