"""One harness for the linear-time tests: time 100 KB and 1 MB of an adversarial unit through
the pipeline and compare. Asserts a ratio only (best of 3, small and large in turn,
time.perf_counter), never a time; a ratio over the limit is measured again before it fails."""

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


def _once(text: str, labels: Sequence[str] | None, stage: Callable) -> float:
    """One timing, with the garbage collector paused (as ``timeit`` does): a collection of the
    large run's many objects is not the pattern's cost and made the ratio flaky."""
    gc.collect()
    gc.disable()
    try:
        t0 = time.perf_counter()
        stage(text, labels)
        return time.perf_counter() - t0
    finally:
        gc.enable()


def _ratio(small_text: str, large_text: str, labels: Sequence[str] | None, stage: Callable,
           rounds: int = 3) -> float:
    """Best large over best small, the two measured in turn (small, large, small, large …) so
    that a change of load on a shared machine hits both alike."""
    small = large = float("inf")
    for _ in range(rounds):
        small = min(small, _once(small_text, labels, stage))
        large = min(large, _once(large_text, labels, stage))
    return large / max(small, 1e-9)


def measured_ratio(small_text: str, large_text: str, labels: Sequence[str] | None = None,
                   stage: Callable = _mentions, limit: float = MAX_RATIO, attempts: int = 3) -> list[float]:
    """The time ratios large/small measured, in order: one more measurement (up to ``attempts``)
    while the last is over ``limit``. Linear work gives a ratio near the size ratio (10), a
    quadratic pattern near its square (100), so a burst of load on a busy machine is not taken
    for a quadratic pattern, which stays over the limit every time."""
    ratios: list[float] = []
    for _ in range(attempts):
        ratios.append(_ratio(small_text, large_text, labels, stage))
        if ratios[-1] <= limit:
            break
    return ratios


def assert_linear(name: str, unit: str, labels: Sequence[str] | None,
                  stage: Callable[[str, Sequence[str] | None], object] = _mentions) -> None:
    """``stage(text, labels)`` is what is timed: the mention pipeline unless a test passes
    another (the fact layer passes mentions + facts)."""
    ratios = measured_ratio(_repeat(unit, SMALL), _repeat(unit, LARGE), labels, stage)
    assert ratios[-1] <= MAX_RATIO, (f"{name}: 1 MB took {min(ratios):.1f}× the time of 100 KB "
                                     f"(limit {MAX_RATIO}; measured {', '.join(f'{r:.1f}×' for r in ratios)})")
