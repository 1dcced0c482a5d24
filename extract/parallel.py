"""An ordered, bounded process map: results come back in input order, and at most ``inflight``
tasks are queued at a time, so memory stays flat however long the input is (``Pool.imap``
would read the whole input ahead).

A worker that dies (killed, out of memory, a crash in native code) never hangs the run:
``concurrent.futures`` notices the dead process at once and fails the tasks in flight; they are
retried once in a fresh set of processes, and a second death raises :class:`WorkerDied`. Every
wait is bounded (``timeout`` per task). Workers ignore SIGINT: Ctrl-C reaches the parent, which
stops them.
"""

from __future__ import annotations

import multiprocessing as mp
import os
import signal
from collections import deque
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from concurrent.futures.process import BrokenProcessPool
from typing import Any, Callable, Iterable, Iterator, TypeVar

T = TypeVar("T")
R = TypeVar("R")

TASK_TIMEOUT = 3600.0  # seconds one chunk may take in a worker before the run gives up on it


class WorkerDied(RuntimeError):
    """A worker process died twice on the same work (or a task never finished)."""


def cpu_count() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


def _ignore_sigint() -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)


class OrderedPool:
    """``with OrderedPool(n) as pool: for r in pool.map(fn, items): …``; ``n <= 1`` runs in this
    process (the very same code path, so results are identical by construction).

    Start it before opening database connections: worker processes are forked where the
    platform allows it (modules imported and warmed in the parent are shared), spawned elsewhere.
    ``fn`` must be picklable (a module-level function or a ``functools.partial`` of one).
    """

    def __init__(self, workers: int = 1, inflight: int | None = None, timeout: float = TASK_TIMEOUT,
                 retries: int = 1):
        self.workers = max(1, workers)
        self.inflight = inflight or 2 * self.workers
        self.timeout = timeout
        self.retries = retries
        self.restarts = 0  # fresh process sets started after a worker died
        self._pool: ProcessPoolExecutor | None = None

    def _start(self) -> None:
        methods = mp.get_all_start_methods()
        ctx = mp.get_context("fork" if "fork" in methods else "spawn")
        self._pool = ProcessPoolExecutor(self.workers, mp_context=ctx, initializer=_ignore_sigint)

    def __enter__(self) -> "OrderedPool":
        if self.workers > 1:
            self._start()
        return self

    def _stop(self, wait: bool) -> None:
        pool, self._pool = self._pool, None
        if pool is None:
            return
        if not wait:  # an error or Ctrl-C: do not wait for chunks nobody will load
            for proc in list(getattr(pool, "_processes", {}).values()):
                if proc.is_alive():
                    proc.terminate()
        pool.shutdown(wait=True, cancel_futures=True)

    def __exit__(self, *exc: object) -> None:
        self._stop(wait=exc[0] is None)

    def map(self, fn: Callable[[T], R], items: Iterable[T]) -> Iterator[R]:
        if self.workers <= 1:
            yield from map(fn, items)
            return
        if self._pool is None:
            self._start()
        pending: deque = deque()  # [item, future, attempts]
        source = iter(items)
        exhausted = False
        while True:
            while not exhausted and len(pending) < self.inflight:
                try:
                    item = next(source)
                except StopIteration:
                    exhausted = True
                    break
                pending.append([item, self._submit(fn, item), 0])
            if not pending:
                return
            entry = pending[0]
            try:
                result = entry[1].result(timeout=self.timeout)
            except BrokenProcessPool:
                self._restart(fn, pending)
                continue
            except FutureTimeout:
                raise WorkerDied(f"a chunk took more than {self.timeout:.0f} s in a worker process") from None
            pending.popleft()
            yield result

    def _submit(self, fn: Callable, item: Any) -> Any:
        try:
            return self._pool.submit(fn, item)  # type: ignore[union-attr]
        except BrokenProcessPool:  # the pool broke since the last result: the caller retries
            from concurrent.futures import Future

            fut: Future = Future()
            fut.set_exception(BrokenProcessPool("worker died"))
            return fut

    def _restart(self, fn: Callable, pending: deque) -> None:
        """A worker died: every task in flight failed. Retry them in fresh processes (once)."""
        if any(entry[2] >= self.retries for entry in pending if entry[1].done() and _broken(entry[1])):
            self._stop(wait=False)
            raise WorkerDied("a worker process died twice on the same chunk (killed, out of memory, or a crash); "
                             "the documents loaded so far are kept: run again to resume")
        self._stop(wait=False)
        self._start()
        self.restarts += 1
        for entry in pending:
            if _broken(entry[1]) or not entry[1].done():
                entry[1] = self._submit(fn, entry[0])
                entry[2] += 1


def _broken(future: Any) -> bool:
    if not future.done():
        return False
    return future.cancelled() or isinstance(future.exception(), BrokenProcessPool)
