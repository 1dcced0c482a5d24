"""The main job: read inputs → extract → validate → load into a database and JSONL.

Documents in = documents written + documents skipped (already loaded, same text) + rejects,
always; the summary says so.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator, Sequence

from extract.intake.read import Reject, read_inputs
from extract.pipeline import extract_document
from extract.progress import Progress
from schemas.records import Document, ExtractedDocument

VERSION = "0.1.0"


@dataclass
class Summary:
    documents_in: int = 0
    written: int = 0
    skipped: int = 0
    rejects: int = 0
    mentions: int = 0
    by_label: dict[str, int] = field(default_factory=dict)
    reject_reasons: list[str] = field(default_factory=list)

    def balanced(self) -> bool:
        return self.documents_in == self.written + self.skipped + self.rejects

    def text(self) -> str:
        labels = ", ".join(f"{k} {v}" for k, v in sorted(self.by_label.items())) or "none"
        lines = [
            f"documents in: {self.documents_in} = written {self.written} + skipped (already loaded) "
            f"{self.skipped} + rejects {self.rejects}",
            f"mentions: {self.mentions} ({labels})",
        ]
        lines += [f"reject: {r}" for r in self.reject_reasons[:20]]
        if len(self.reject_reasons) > 20:
            lines.append(f"… and {len(self.reject_reasons) - 20} more rejects (see the rejects file)")
        return "\n".join(lines)


def extract_items(items: Iterable[Document | Reject]) -> Iterator[tuple[Document, ExtractedDocument] | Reject]:
    for item in items:
        if isinstance(item, Reject):
            yield item
        else:
            yield item, extract_document(item)


def run(
    inputs: Sequence[str],
    *,
    db_url: str | None,
    out_dir: Path | None,
    date: dt.date | None = None,
    progress: Progress | None = None,
    batch_size: int = 200,
    table_prefix: str = "",
) -> Summary:
    from extract.sinks.sql import open_sink

    summary = Summary()
    progress = progress or Progress(enabled=False)
    sink = open_sink(db_url, table_prefix) if db_url else None
    if sink:
        sink.start_run(inputs, VERSION)
    jsonl = rejects_fh = None
    if out_dir:
        out_dir.mkdir(parents=True, exist_ok=True)
        jsonl = (out_dir / "mentions.jsonl").open("w", encoding="utf-8")
        rejects_fh = (out_dir / "rejects.jsonl").open("w", encoding="utf-8")
    pending: list[Document] = []
    pending_rejects: list[dict] = []

    def flush() -> None:
        known = sink.known(d.id for d in pending) if sink else {}
        from extract.sinks.rows import text_hash

        todo = []
        for doc in pending:
            if known.get(doc.id) == text_hash(doc.text):
                summary.skipped += 1
                ex = extract_document(doc) if jsonl else None
            else:
                ex = extract_document(doc)
                todo.append((doc, ex))
            if jsonl and ex is not None:
                jsonl.write(ex.model_dump_json(exclude={"text"}) + "\n")
            if ex is not None:
                summary.mentions += len(ex.spans)
                for m in ex.spans:
                    summary.by_label[m.label.value] = summary.by_label.get(m.label.value, 0) + 1
                progress.update(documents=1, mentions=len(ex.spans), chars=len(doc.text))
        if sink:
            sink.write(todo)
            sink.write_rejects(pending_rejects)
        summary.written += len(todo) if sink else len(pending)
        pending.clear()
        pending_rejects.clear()

    try:
        for item in read_inputs(inputs, date):
            summary.documents_in += 1
            if isinstance(item, Reject):
                summary.rejects += 1
                summary.reject_reasons.append(str(item))
                pending_rejects.append(item.as_dict())
                if rejects_fh:
                    rejects_fh.write(json.dumps(item.as_dict(), ensure_ascii=False) + "\n")
                progress.update(rejects=1)
                continue
            pending.append(item)
            if len(pending) >= batch_size:
                flush()
        flush()
    finally:
        if sink:
            sink.finish_run(summary.written, summary.mentions, summary.rejects, summary.skipped)
            sink.close()
        for fh in (jsonl, rejects_fh):
            if fh:
                fh.close()
        progress.close()
    return summary
