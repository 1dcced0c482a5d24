"""Linear time on random input (issue 19, item 7, pipeline level): random strings over each
label's alphabet plus 《》，。 at 100 KB and 1 MB through the whole pipeline; the throughput
(chars/s) at 1 MB must be at least half the throughput at 100 KB. Timed with the shared
harness (tests/linear_time.py: best of three)."""

from __future__ import annotations

import random

import pytest

from linear_time import _best

FRAME = "《》，。"
ALPHABETS = {
    "MONEY": "0123456789.零一二三四五六七八九十百千万亿壹贰叁元美欧港币人民约超余近逾多至—-",
    "PERCENT": "0123456789.%％成分之百个点一二三四五六七八九十半近超约增长下降同比",
    "DATE": "0123456789年月日号至—-/今去明前上下半季度旬初底末第周春节期间截",
    "PARK": "国家省市级高新技术产业开发区经济园科技示范自由贸易试验新片保税综合中关村苏州工业",
    "ALL": "",
}
ALPHABETS["ALL"] = "".join(sorted(set("".join(ALPHABETS.values()))))
SMALL, LARGE = 100_000, 1_000_000  # the figure: chars/s at 1 MB ≥ half of that at 100 KB
MIN_RATIO = 0.5


def _random(alphabet: str, n: int, seed: int) -> str:
    rng = random.Random(seed)
    chars = alphabet + FRAME * 3  # the frame characters a little more often: titles and clauses
    return "".join(rng.choice(chars) for _ in range(n))


@pytest.mark.slow
@pytest.mark.parametrize("label", sorted(ALPHABETS))
@pytest.mark.parametrize("seed", [1, 2])
def test_random_text_is_linear(label: str, seed: int) -> None:
    text = _random(ALPHABETS[label], LARGE, seed)
    labels = None if label == "ALL" else [label]
    small = _best(text[:SMALL], labels)
    large = _best(text, labels)
    ratio = (LARGE / large) / (SMALL / max(small, 1e-9))
    assert ratio >= MIN_RATIO, (f"{label} seed {seed}: {LARGE / large:,.0f} chars/s at 1 MB vs "
                                f"{SMALL / small:,.0f} at 100 KB (ratio {ratio:.2f} < {MIN_RATIO})")


@pytest.mark.slow
def test_title_year_case_is_linear() -> None:
    """The issue's quadratic case: 《报告》2023， repeated (every bare year against every title)."""
    unit = "《报告》2023，"
    text = (unit * (LARGE // len(unit) + 1))[:LARGE]
    small, large = _best(text[:SMALL], None), _best(text, None)
    assert (LARGE / large) / (SMALL / small) >= MIN_RATIO
