"""What a database sink is: the :class:`Sink` protocol, the methods ``extract.batch.run`` calls
on the sink ``extract.sinks.open_sink`` returns, in the order it calls them.

A run opens the sink, then ``start_run`` once; per chunk of documents ``unstorable`` for each
document, ``known`` for the chunk's ids and ``write_rows`` once (one transaction); after the last
chunk ``finish_run`` (only when the run completed) and, always, ``close``. The rows are the typed
rows of ``extract.sinks.rows`` (:class:`DocumentRow`, :class:`MentionRow`, :class:`FactRow`,
:class:`RejectRow`), each the tuple of its table's columns in the DDL's order.

A sink makes a run resumable and idempotent by keeping the fingerprints ``known`` returns: a
document whose stored fingerprint equals the new one is skipped (counted, not written again).
The built-in sinks (``extract.sinks.sql``, ``extract.sinks.postgres``) satisfy the protocol; a new
one is one class plus one :func:`extract.sinks.registry.register_sink` line (docs/batch.md).
"""

from __future__ import annotations

from typing import Callable, Iterable, Mapping, Protocol, Sequence, runtime_checkable

from extract.sinks.rows import DocumentRow, FactRow, MentionRow, RejectRow


@runtime_checkable
class Sink(Protocol):
    """A database a run loads into (see the module docstring for the calling order)."""

    def start_run(self, inputs: Sequence[str], version: str) -> str:
        """Record the start of a run over ``inputs`` by newsx ``version``; return its id (unique
        among concurrent runs: the rows written after it carry it)."""
        ...

    def unstorable(self, document: DocumentRow) -> tuple[str, str] | None:
        """``(why, field)`` when this sink cannot store the document exactly (a lone surrogate, an
        id too long, a NUL PostgreSQL refuses …), so it becomes a reject before any write; None:
        it can."""
        ...

    def known(self, ids: Iterable[str]) -> Mapping[str, str | None]:
        """The stored fingerprint of each of these document ids that is stored (None for a row
        stored without one); ids not stored are absent."""
        ...

    def write_rows(self, documents: Sequence[DocumentRow], mentions: Sequence[MentionRow], *,
                   facts: Sequence[FactRow] = (), rejects: Sequence[RejectRow] = (),
                   clear: Sequence[tuple[str, int | None]] = ()) -> int:
        """One transaction: replace every stored row of these documents' ids (documents,
        mentions, facts) with ``documents``, ``mentions`` and ``facts``; record ``rejects`` (one
        per (source, line): an older reject of the same origin is replaced); forget the rejects
        of the ``clear`` origins (lines that are documents now). Returns the mentions written."""
        ...

    def finish_run(self, documents: int, mentions: int, rejects: int, skipped: int, facts: int = 0) -> None:
        """Record that the run completed, with its counts (documents written, mentions written,
        rejects, documents skipped as already stored, facts written)."""
        ...

    def close(self) -> None:
        """Release the connection (called whether the run completed or not)."""
        ...


SinkFactory = Callable[[str, str], Sink]  # (url, table prefix) → an open sink
