"""The main job: read inputs → extract → validate → load into a database, JSONL and Parquet.

Documents in = documents written + documents skipped (already loaded, same fingerprint) + rejects,
always; the summary says so.

How it streams: the reader turns the inputs into *units* (a raw JSONL line, a .txt path, or an
input-level reject) without parsing them, and groups them into chunks of at most
``batch_size`` units and ~0.5 MB. A chunk is parsed, extracted and flattened into rows by
:func:`process_chunk` — in this process, or in ``workers`` processes (results come back in
input order, at most two chunks per worker in flight). This process only loads: one
transaction per chunk, so a killed run loses at most the chunks in flight and a re-run skips
what is stored. Memory is bounded by the chunk size, not the input size.
"""

from __future__ import annotations

import datetime as dt
import functools
import os
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO, Iterable, Iterator, NamedTuple, Sequence

from extract.intake.read import Reject, parse_line, read_txt, walk
from extract.pipeline import Labels, extract_document
from extract.progress import Progress
from extract.sinks.rows import DocumentRow, FactRow, MentionRow, RejectRow, _row, clean_reject, safe_text
from extract.version import VERSION
from schemas.records import Document, ExtractedDocument

if TYPE_CHECKING:  # pragma: no cover
    from extract.sinks.base import Sink

CHUNK_BYTES = 1 << 19  # ~0.5 MB of input per chunk: big enough to amortise IPC, small for memory


@dataclass
class Summary:
    documents_in: int = 0
    written: int = 0
    skipped: int = 0
    rejects: int = 0
    mentions: int = 0  # in the documents written
    mentions_skipped: int = 0  # in the documents skipped (already stored, unchanged)
    facts: int | None = None  # in the documents written; None: facts not extracted
    facts_skipped: int = 0
    chars: int = 0
    seconds: float = 0.0
    workers: int = 1
    by_label: dict[str, int] = field(default_factory=dict)
    reject_reasons: list[str] = field(default_factory=list)
    outputs: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def balanced(self) -> bool:
        return self.documents_in == self.written + self.skipped + self.rejects

    def text(self) -> str:
        labels = ", ".join(f"{k} {v}" for k, v in sorted(self.by_label.items())) or "none"
        rate = self.chars / self.seconds / 1e6 if self.seconds else 0.0
        lines = [
            f"documents in: {self.documents_in} = written {self.written} + skipped (already loaded) "
            f"{self.skipped} + rejects {self.rejects}",
            f"mentions: {self.mentions} written ({labels})"
            + (f", {self.mentions_skipped} already stored" if self.mentions_skipped else ""),
        ]
        if self.facts is not None:
            lines.append(f"facts: {self.facts} written" + (f", {self.facts_skipped} already stored" if self.facts_skipped else ""))
        lines += [
            f"text: {self.chars} chars in {self.seconds:.1f} s ({rate:.2f} M chars/s, "
            f"{self.workers} worker{'s' if self.workers > 1 else ''})",
        ]
        shown = self.reject_reasons[:20]
        lines += [f"reject: {r}" for r in shown]
        if self.rejects > len(shown):
            lines.append(f"… and {self.rejects - len(shown)} more rejects (see the rejects file)")
        lines += self.notes
        return "\n".join(lines)


# -- reading: units and chunks ----------------------------------------------------------------

def read_units(inputs: Iterable[str], stdin: BinaryIO | None = None) -> Iterator[tuple]:
    """The input as unparsed units, in the order of :func:`extract.intake.read.read_inputs`:
    ``("line", source, number, raw bytes)``, ``("txt", path)`` or ``("reject", Reject)``.
    ``newsx spark`` makes its units with the same functions (:func:`walk` and :func:`stream_units`)."""
    for kind, item in walk(inputs):
        if kind == "stdin":
            yield from stream_units(stdin or sys.stdin.buffer, "<stdin>")
        elif kind == "reject":
            yield ("reject", item)
        elif kind == "jsonl":
            try:
                with item.open("rb") as fh:
                    yield from stream_units(fh, str(item))
            except OSError as exc:
                yield ("reject", Reject(str(item), None, f"cannot read the file: {exc.strerror or exc}", "", "file"))
        else:
            yield ("txt", str(item))


def stream_units(stream: Iterable[bytes], name: str) -> Iterator[tuple]:
    for number, raw in enumerate(stream, 1):
        if raw.strip():  # read_jsonl skips blank lines too (they still count for numbering)
            yield ("line", name, number, raw)


def _unit_size(unit: tuple) -> int:
    if unit[0] == "line":
        return len(unit[3])
    if unit[0] == "txt":
        try:
            return os.path.getsize(unit[1])
        except OSError:
            return 0
    return 0


def chunked(units: Iterable[tuple], max_units: int, max_bytes: int = CHUNK_BYTES) -> Iterator[list[tuple]]:
    chunk: list[tuple] = []
    size = 0
    for unit in units:
        chunk.append(unit)
        size += _unit_size(unit)
        if len(chunk) >= max_units or size >= max_bytes:
            yield chunk
            chunk, size = [], 0
    if chunk:
        yield chunk


def to_item(unit: tuple, default_date: dt.date | None) -> Document | Reject:
    """One unit → a Document or a Reject, exactly as ``read_inputs`` would have made it."""
    kind = unit[0]
    if kind == "reject":
        return unit[1]
    if kind == "txt":
        return read_txt(Path(unit[1]), default_date)
    _, name, number, raw = unit
    return parse_line(raw, name, number, default_date)


# -- the work of one chunk (runs in a worker process) ------------------------------------------

class DocumentResult(NamedTuple):
    """A unit that became a document: its typed rows (``extract.sinks.rows``), its line of
    mentions.jsonl and where it came from. It crosses from a worker to the parent: pickled, its
    rows travel as the plain tuples they are and are typed again on arrival (one C call a row),
    because pickle reduces a tuple subclass through a Python call per row, which made the
    two-worker bench pay ~4 µs a mention more than plain tuples did."""

    document: DocumentRow
    mentions: list[MentionRow]
    line: str  # the mentions.jsonl line (``newsx extract`` format, "facts" included when extracted)
    source: str  # input file (or <stdin>)
    number: int | None  # JSONL line; None for a .txt file
    facts: list[FactRow]

    def __reduce__(self) -> tuple:
        return (_document_result, (tuple(self.document), list(map(tuple, self.mentions)), self.line, self.source,
                                   self.number, list(map(tuple, self.facts))))


def _document_result(document: tuple, mentions: list[tuple], line: str, source: str, number: int | None,
                     facts: list[tuple]) -> DocumentResult:
    """A pickled :class:`DocumentResult` typed again."""
    return DocumentResult(_row(DocumentRow, document), [_row(MentionRow, m) for m in mentions], line, source,
                          number, [_row(FactRow, f) for f in facts])


class RejectResult(NamedTuple):
    """A unit that could not become a document."""

    reject: RejectRow
    message: str  # one line for the summary: "FILE:LINE: reason"


Result = DocumentResult | RejectResult


def process_document(doc: Document, labels: Labels = None, config: str = "",
                     facts: bool = False) -> tuple[DocumentRow, list[MentionRow], str, list[FactRow]]:
    """A document → (document row, mention rows, JSONL line, fact rows): everything the loaders
    need. ``facts``: run the fact stage on the mentions (its facts also go into the JSONL line as
    ``"facts": [...]``, as ``newsx extract --facts`` writes them); else no facts."""
    from extract.sinks.rows import document_row, mention_row

    ex: ExtractedDocument = extract_document(doc, labels=labels)
    line = ex.model_dump_json(exclude={"text"})
    fact_rows: list[FactRow] = []
    if facts:
        from extract.facts import extract_facts
        from extract.sinks.rows import fact_row

        found = extract_facts(doc.text, ex.spans, ex.date)
        fact_rows = [fact_row(ex.id, no, f) for no, f in enumerate(found)]
        line = line[:-1] + ',"facts":[' + ",".join(f.model_dump_json() for f in found) + "]}"
    return document_row(doc, config), [mention_row(ex.id, m) for m in ex.spans], line, fact_rows


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0][:300] if text else ""


def _unit_origin(unit: tuple) -> tuple[str, int | None]:
    if unit[0] == "line":
        return unit[1], unit[2]
    if unit[0] == "txt":
        return unit[1], None
    return unit[1].source, unit[1].line


def process_unit(unit: tuple, default_date: dt.date | None = None, labels: Labels = None,
                 config: str = "", facts: bool = False) -> Result:
    """One unit → a :class:`DocumentResult` or a :class:`RejectResult`. The one guarded
    boundary of a document: whatever fails in decoding, parsing, the sidecar, validation,
    extraction, the fact stage or serialization becomes a reject naming the file, the line and
    (when known) the field — never an exception."""
    origin = _unit_origin(unit)
    step = "reading"
    try:
        item = to_item(unit, default_date)
        if isinstance(item, Reject):
            return RejectResult(RejectRow.of(item), str(item))
        step = "extraction"
        doc, mentions, line, fact_rows = process_document(item, labels, config, facts=facts)
        step = "serialization"
        line.encode("utf-8")
        return DocumentResult(doc, mentions, line, *origin, fact_rows)
    except Exception as exc:  # noqa: BLE001 — the boundary: one poison input is one reject
        field = getattr(exc, "field", None)
        if isinstance(exc, RecursionError):
            why = f"{step} failed: nested too deeply"
        else:
            why = f"{step} failed: {type(exc).__name__}: {_first_line(exc)}"
        rej = Reject(origin[0], origin[1], why, "", field)
        return RejectResult(RejectRow.of(rej), str(rej))


def process_chunk(chunk: Sequence[tuple], default_date: dt.date | None = None,
                  labels: Labels = None, config: str = "", facts: bool = False) -> list[Result]:
    """Parse, extract and flatten one chunk: :func:`process_unit` of every unit, in order."""
    return [process_unit(unit, default_date, labels, config, facts) for unit in chunk]


WARM_TEXT = ("截至2023年12月29日，成都高新技术产业开发区与华为在中关村科技园区签约，总投资约12亿元，"
             "同比增长7.11%，近三成；1月2日，苏州工业园区营收超过13万亿元。")


def warm(labels: Labels = None, facts: bool = False) -> None:
    """Load every extractor and its lazy tables once (before forking workers, so they share them)."""
    import importlib

    process_document(Document(id="warm", text=WARM_TEXT, date=dt.date(2024, 1, 4)), labels=labels, facts=facts)
    try:  # the jieba dictionaries some rules load on first use (absent module: nothing to warm)
        segment = importlib.import_module("extract.segment")
    except ModuleNotFoundError:
        return
    for name, arg in (("word_starts", "中关村科技园区"), ("starts_with_proper_noun", "中关村")):
        fn = getattr(segment, name, None)
        if callable(fn):
            fn(arg)


# -- the job -----------------------------------------------------------------------------------

def run(
    inputs: Sequence[str],
    *,
    db_url: str | None,
    out_dir: Path | None,
    date: dt.date | None = None,
    progress: Progress | None = None,
    batch_size: int = 200,
    table_prefix: str = "",
    workers: int = 1,
    labels: Labels = None,
    parquet: bool | None = None,
    stdin: BinaryIO | None = None,
    facts: bool = True,
) -> Summary:
    """Run the main job. ``workers``: processes (0 = one per CPU); the output is the same for any
    number. ``parquet``: None writes Parquet beside the JSONL when pyarrow is installed.
    ``labels``: the labels, or a whole ``PipelineConfig`` (extract/config.py), which every worker
    builds its pipeline from. ``facts``: run the fact stage and write the ``facts`` table, facts.parquet and each JSONL
    line's ``"facts"`` (False: none of them, and the facts of the documents written are removed).

    Raises :class:`extract.parallel.WorkerDied` when a worker process dies twice on a chunk
    (what was loaded stays; a re-run resumes); KeyboardInterrupt leaves no partial file."""
    from extract.parallel import OrderedPool
    from extract.sinks.rows import config_key
    from extract.sinks import open_sink

    workers = _check_arguments(db_url, table_prefix, workers)
    summary = Summary(workers=workers, facts=0 if facts else None)
    progress = progress or Progress(enabled=False)
    warm(labels, facts)
    seen: dict[str, str] = {}  # id → fingerprint of every document of this run
    work = functools.partial(process_chunk, default_date=date, labels=labels,
                             config=config_key(labels, VERSION, facts=facts), facts=facts)

    with OrderedPool(workers) as pool:
        sink: Sink | None = open_sink(db_url, table_prefix) if db_url else None
        files, complete, started = None, False, time.perf_counter()
        try:
            files = _start_outputs(sink, inputs, out_dir, parquet, facts, summary)
            started = time.perf_counter()  # processing time: start-up (imports, warm-up) excluded
            for results in pool.map(work, chunked(read_units(inputs, stdin), batch_size)):
                _load(results, sink, files, summary, progress, seen)
            complete = True
        finally:
            summary.seconds = time.perf_counter() - started
            _close_outputs(sink, files, complete, summary)
            progress.close()
    return summary


def _check_arguments(db_url: str | None, table_prefix: str, workers: int) -> int:
    """Reject a bad table prefix or database URL before anything is opened; the worker count."""
    from extract.parallel import cpu_count
    from extract.sinks.names import check_prefix, check_url

    check_prefix(table_prefix)
    if db_url:
        check_url(db_url)
    return cpu_count() if workers == 0 else max(1, workers)


def _start_outputs(sink: "Sink | None", inputs: Sequence[str], out_dir: Path | None,
                   parquet: bool | None, facts: bool, summary: Summary) -> Any:
    """Open the run in the database and the output files; the files (or None) are returned."""
    from extract.sinks.files import FileOutputs

    if sink:
        sink.start_run(inputs, VERSION)
    if not out_dir:
        return None
    files = FileOutputs(Path(out_dir), parquet, facts=facts)
    summary.outputs = [str(p) for p in files.paths()]
    if files.note:
        summary.notes.append(files.note)
    return files


def _close_outputs(sink: "Sink | None", files: Any, complete: bool, summary: Summary) -> None:
    """Close the files (kept only when the run is complete) and the database run (marked finished
    only when complete, so that a re-run resumes an interrupted one)."""
    if files:
        files.close(complete)
    if sink:
        if complete:
            sink.finish_run(summary.written, summary.mentions, summary.rejects, summary.skipped,
                            summary.facts or 0)
        sink.close()


def _load(results: list[Result], sink: "Sink | None", files: Any, summary: Summary, progress: Progress,
          seen: dict[str, str]) -> None:
    """Load one processed chunk: check it against this run and the database, write it (one
    transaction: documents, mentions, rejects, and the clearing of rejects a fixed line left)."""
    rejects: list[RejectRow] = []

    def reject(row: RejectRow, message: str) -> None:
        row = clean_reject(row)
        summary.rejects += 1
        if len(summary.reject_reasons) < 20:
            summary.reject_reasons.append(safe_text(message))
        rejects.append(row)
        if files:
            files.reject(row)
        progress.update(rejects=1)

    docs = _admit(results, sink, summary, progress, seen, reject)
    new = docs
    if sink:
        known = sink.known(d.document.id for d in docs)
        new = [d for d in docs if known.get(d.document.id) != d.document.fingerprint]
        sink.write_rows([d.document for d in new], [m for d in new for m in d.mentions],
                        facts=[f for d in new for f in d.facts], rejects=rejects,
                        clear=[(d.source, d.number) for d in docs])
    summary.written += len(new)
    summary.skipped += len(docs) - len(new)
    if files:
        files.documents([d.line for d in docs], [d.document for d in docs], [m for d in docs for m in d.mentions],
                        [f for d in docs for f in d.facts])
    _count(docs, new, summary, progress)


def _admit(results: list[Result], sink: "Sink | None", summary: Summary, progress: Progress,
           seen: dict[str, str], reject: Any) -> list[DocumentResult]:
    """The chunk's documents this run can load: rejects passed to ``reject``; a document seen
    before in this run is skipped (the same one) or a reject (a different one with that id), as
    is one the sink cannot store."""
    docs: list[DocumentResult] = []
    for res in results:
        summary.documents_in += 1
        if isinstance(res, RejectResult):
            reject(res.reject, res.message)
            continue
        doc_id, fingerprint = res.document.id, res.document.fingerprint
        if doc_id in seen:
            if seen[doc_id] == fingerprint:  # the same document twice in the input: once is enough
                summary.skipped += 1
                progress.update(documents=1)
                continue
            why, field = f"duplicate id {doc_id!r}: a different document with this id came earlier in the input", "id"
        else:
            problem = sink.unstorable(res.document) if sink else None
            why, field = problem if problem else (None, None)
        if why:
            at = f"{res.source}:{res.number}" if res.number is not None else res.source
            reject(RejectRow(res.source, res.number, why, "", field), f"{at}: {why}")
            continue
        seen[doc_id] = fingerprint
        docs.append(res)
    return docs


def _count(docs: list[DocumentResult], new: list[DocumentResult], summary: Summary, progress: Progress) -> None:
    """Add the chunk's documents to the summary: the ``new`` ones as written, the rest as stored."""
    by_label = summary.by_label
    written = {id(d) for d in new}
    for d in docs:
        mentions = d.mentions
        if id(d) in written:
            summary.mentions += len(mentions)
            for m in mentions:
                by_label[m.label] = by_label.get(m.label, 0) + 1
            if summary.facts is not None:
                summary.facts += len(d.facts)
        else:
            summary.mentions_skipped += len(mentions)
            summary.facts_skipped += len(d.facts)
        summary.chars += len(d.document.text)
        progress.update(documents=1, mentions=len(mentions), chars=len(d.document.text))
