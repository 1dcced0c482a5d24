"""An ordered, bounded process map: results come back in input order, and at most ``inflight``
tasks are queued at a time, so memory stays flat however long the input is (``Pool.imap``
would read the whole input ahead)."""

from __future__ import annotations

import multiprocessing as mp
import os
from collections import deque
from typing import Any, Callable, Iterable, Iterator, TypeVar

T = TypeVar("T")
R = TypeVar("R")


def cpu_count() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


class OrderedPool:
    """``with OrderedPool(n) as pool: for r in pool.map(fn, items): …``; ``n <= 1`` runs in this
    process (the very same code path, so results are identical by construction).

    Start it before opening database connections: worker processes are forked where the
    platform allows it (modules imported and warmed in the parent are shared), spawned elsewhere.
    ``fn`` must be picklable (a module-level function or a ``functools.partial`` of one).
    """

    def __init__(self, workers: int = 1, inflight: int | None = None):
        self.workers = max(1, workers)
        self.inflight = inflight or 2 * self.workers
        self._pool: Any = None

    def __enter__(self) -> "OrderedPool":
        if self.workers > 1:
            methods = mp.get_all_start_methods()
            ctx = mp.get_context("fork" if "fork" in methods else "spawn")
            self._pool = ctx.Pool(self.workers)
        return self

    def __exit__(self, *exc: object) -> None:
        if self._pool is not None:
            if exc[0] is None:
                self._pool.close()
            else:
                self._pool.terminate()
            self._pool.join()
            self._pool = None

    def map(self, fn: Callable[[T], R], items: Iterable[T]) -> Iterator[R]:
        if self._pool is None:
            yield from map(fn, items)
            return
        pending: deque = deque()
        for item in items:
            pending.append(self._pool.apply_async(fn, (item,)))
            if len(pending) >= self.inflight:
                yield pending.popleft().get()
        while pending:
            yield pending.popleft().get()
