"""Progress on stderr for long runs (rich.progress): a bar when the total is known, the rate, the
ETA, mentions and rejects so far. Never on stdout; off when stderr is not a terminal unless forced.

The interface is small and stable: ``Progress(enabled=None, stream=None, every=0.5, total=None)``,
``update(documents=, mentions=, rejects=, chars=)`` as work is done, ``set_completed(n, total)``
for work counted elsewhere (Spark tasks), ``line()`` for a one-line summary, ``close()``.
"""

from __future__ import annotations

import sys
import time
from typing import Any, TextIO


class Progress:
    """A rich progress bar on ``stream`` (stderr), or nothing when disabled — the counters are
    kept either way. ``total``: units expected (documents + rejects), when known; ``unit``:
    what the bar counts (``documents``, ``tasks`` …)."""

    def __init__(self, enabled: bool | None = None, stream: TextIO | None = None, every: float = 0.5,
                 total: int | None = None, unit: str = "documents", description: str = ""):
        self.stream = stream or sys.stderr
        forced = bool(enabled)
        self.enabled = _isatty(self.stream) if enabled is None else bool(enabled)
        self.every = every
        self.unit = unit
        self.started = time.perf_counter()
        self.documents = 0
        self.mentions = 0
        self.rejects = 0
        self.chars = 0
        self.total = total
        self._bar: Any = None
        self._task: Any = None
        if self.enabled:
            self._start(description, forced)

    # -- counting ---------------------------------------------------------------------------------

    def update(self, documents: int = 0, mentions: int = 0, rejects: int = 0, chars: int = 0) -> None:
        self.documents += documents
        self.mentions += mentions
        self.rejects += rejects
        self.chars += chars
        if self._bar is not None:
            self._bar.update(self._task, advance=documents + rejects, **self._fields())

    def set_total(self, total: int | None) -> None:
        self.total = total
        if self._bar is not None:
            self._bar.update(self._task, total=total)

    def set_completed(self, completed: int, total: int | None = None) -> None:
        """Work counted elsewhere (``completed`` of ``total`` units, e.g. Spark tasks)."""
        if total is not None:
            self.total = total
        if self._bar is not None:
            self._bar.update(self._task, completed=completed, total=self.total, **self._fields())

    def line(self) -> str:
        elapsed = max(time.perf_counter() - self.started, 1e-9)
        return (f"{self.documents} documents ({self.documents / elapsed:.1f}/s), "
                f"{self.mentions} mentions, {self.rejects} rejects, {self.chars / elapsed / 1e6:.2f} M chars/s")

    def close(self) -> None:
        if self._bar is not None:
            self._bar.stop()
            self._bar = None

    def __enter__(self) -> "Progress":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- rich -------------------------------------------------------------------------------------

    def _fields(self) -> dict:
        return {"mentions": self.mentions, "rejects": self.rejects}

    def _start(self, description: str, forced: bool) -> None:
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress as RichProgress, TextColumn, TimeRemainingColumn

        console = Console(file=self.stream, force_terminal=True if forced else None, stderr=self.stream is sys.stderr)
        counts = "{task.fields[mentions]} mentions, {task.fields[rejects]} rejects" if self.unit == "documents" else ""
        self._bar = RichProgress(
            *([TextColumn("[progress.description]{task.description}")] if description else []),
            BarColumn(bar_width=16),
            MofNCompleteColumn(),
            TextColumn(self.unit),
            _RateColumn(),
            TextColumn(counts),
            TextColumn("ETA"),
            TimeRemainingColumn(),
            console=console, refresh_per_second=max(1.0, 1.0 / max(self.every, 1e-3)), transient=False,
            redirect_stdout=False, redirect_stderr=False,
        )
        self._task = self._bar.add_task(description, total=self.total, **self._fields())
        self._bar.start()


def _isatty(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def _RateColumn() -> Any:
    """A rich column: units per second (rich is imported only when a bar shows)."""
    from rich.progress import ProgressColumn
    from rich.text import Text

    class RateColumn(ProgressColumn):
        def render(self, task) -> Text:
            speed = task.finished_speed or task.speed
            return Text("-/s" if speed is None else f"{speed:.1f}/s", style="progress.data.speed")

    return RateColumn()
