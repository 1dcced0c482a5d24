"""Sentences and paragraphs carry original offsets; layout breaks do not split a sentence."""
from hypothesis import given, strategies as st

from extract.intake.sentences import SentenceIndex, split


def test_sentences_and_paragraphs():
    text = "标题一行\n园区营收增长5%，利润下降。其中出口增长！\n“这是引语。”他说\n"
    got = [(text[s.start:s.end], s.paragraph) for s in split(text)]
    assert got == [("标题一行", 0), ("园区营收增长5%，利润下降。", 1), ("其中出口增长！", 1),
                   ("“这是引语。”", 2), ("他说", 2)]


def test_layout_break_inside_sentence_is_one_sentence():
    text = "近年来，某某高新区坚持创新驱动发展，实现营业\n收入120亿元，同比增长8%。\n下一段。"
    sents = split(text)
    assert len(sents) == 2
    assert text[sents[0].start:sents[0].end] == "近年来，某某高新区坚持创新驱动发展，实现营业\n收入120亿元，同比增长8%。"
    assert sents[1].paragraph == 1


def test_index_finds_the_sentence():
    text = "第一句。第二句有数字10亿元。"
    idx = SentenceIndex(split(text))
    assert idx.at(text.index("10亿元")).index == 1
    assert idx.at(0).index == 0


@given(st.text(alphabet="园区增长。！？，\n 5%“”", max_size=200))
def test_sentences_are_ordered_disjoint_and_inside(text):
    prev_end = 0
    for s in split(text):
        assert prev_end <= s.start < s.end <= len(text)
        assert text[s.start:s.end].strip() == text[s.start:s.end]
        prev_end = s.end


def test_no_punctuation_100kb_is_linear_enough():
    text = "园区" * 50_000
    assert len(split(text)) == 1
