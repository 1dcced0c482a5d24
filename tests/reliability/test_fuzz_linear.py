"""Linear time on random input (issue 19, item 7, pipeline level): random strings over each
label's alphabet plus 《》，。 at 100 KB and 1 MB through the whole pipeline; the throughput
(chars/s) at 1 MB must be at least half the throughput at 100 KB, i.e. 1 MB may take at most
20× the time of 100 KB. Timed with the shared harness (tests/linear_time.py: best of three, small
and large in turn, measured again while over the limit)."""

from __future__ import annotations

import random

import pytest

from linear_time import measured_ratio

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
LIMIT = (LARGE / SMALL) / MIN_RATIO  # the same figure as a time ratio: 20


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
    ratios = measured_ratio(text[:SMALL], text, labels, limit=LIMIT)
    assert ratios[-1] <= LIMIT, (f"{label} seed {seed}: throughput at 1 MB {SMALL / LARGE * ratios[-1]:.2f}× "
                                 f"slower than at 100 KB (time ratios {', '.join(f'{r:.1f}' for r in ratios)}; "
                                 f"limit {LIMIT})")


@pytest.mark.slow
def test_title_year_case_is_linear() -> None:
    """The issue's quadratic case: 《报告》2023， repeated (every bare year against every title)."""
    unit = "《报告》2023，"
    text = (unit * (LARGE // len(unit) + 1))[:LARGE]
    ratios = measured_ratio(text[:SMALL], text, None, limit=LIMIT)
    assert ratios[-1] <= LIMIT, f"time ratios {ratios} (limit {LIMIT})"
