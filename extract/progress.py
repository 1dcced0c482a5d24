"""Progress on stderr for long runs: documents/s, mentions, rejects. Never on stdout."""

from __future__ import annotations

import sys
import time
from typing import TextIO


class Progress:
    """Rewrites one status line on stderr (when it is a terminal, or when forced)."""

    def __init__(self, enabled: bool | None = None, stream: TextIO | None = None, every: float = 0.5):
        self.stream = stream or sys.stderr
        self.enabled = self.stream.isatty() if enabled is None else enabled
        self.every = every
        self.started = time.perf_counter()
        self._last = 0.0
        self.documents = 0
        self.mentions = 0
        self.rejects = 0
        self.chars = 0

    def update(self, documents: int = 0, mentions: int = 0, rejects: int = 0, chars: int = 0) -> None:
        self.documents += documents
        self.mentions += mentions
        self.rejects += rejects
        self.chars += chars
        now = time.perf_counter()
        if self.enabled and now - self._last >= self.every:
            self._last = now
            self.stream.write("\r" + self.line() + " ")
            self.stream.flush()

    def line(self) -> str:
        elapsed = max(time.perf_counter() - self.started, 1e-9)
        return (f"{self.documents} documents ({self.documents / elapsed:.1f}/s), "
                f"{self.mentions} mentions, {self.rejects} rejects, {self.chars / elapsed / 1e6:.2f} M chars/s")

    def close(self) -> None:
        if self.enabled:
            self.stream.write("\r" + self.line() + "\n")
            self.stream.flush()
