"""One harness for the linear-time tests: time 100 KB and 1 MB of an adversarial unit through
the pipeline and compare. Asserts a ratio only (best of 3, time.perf_counter), never a time."""

from __future__ import annotations

import gc
import time
from typing import Callable, Sequence

from extract.pipeline import extract_text

MAX_RATIO = 20
SMALL, LARGE = 100_000, 1_000_000


def _repeat(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size]


def _mentions(text: str, labels: Sequence[str] | None) -> object:
    return extract_text(text, None, labels=labels)


def _best(text: str, labels: Sequence[str] | None, stage: Callable = _mentions) -> float:
    """Best of three, with the garbage collector paused while timing (as ``timeit`` does): a
    collection of the large run's many objects is not the pattern's cost and made the ratio flaky."""
    best = float("inf")
    for _ in range(3):
        gc.collect()
        gc.disable()
        try:
            t0 = time.perf_counter()
            stage(text, labels)
            best = min(best, time.perf_counter() - t0)
        finally:
            gc.enable()
    return best


def assert_linear(name: str, unit: str, labels: Sequence[str] | None,
                  stage: Callable[[str, Sequence[str] | None], object] = _mentions) -> None:
    """``stage(text, labels)`` is what is timed: the mention pipeline unless a test passes
    another (the fact layer passes mentions + facts)."""
    small = _best(_repeat(unit, SMALL), labels, stage)
    large = _best(_repeat(unit, LARGE), labels, stage)
    ratio = large / max(small, 1e-9)
    assert ratio <= MAX_RATIO, f"{name}: 1 MB took {ratio:.1f}× the time of 100 KB (limit {MAX_RATIO})"
