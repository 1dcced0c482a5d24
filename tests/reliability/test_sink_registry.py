"""A new sink is one class plus one ``register_sink`` line (issue 15).

``MemorySink`` below is that class: a ``memory://NAME`` database held in this process's memory
(kept in ``DATABASES`` after the run closes the sink, so the test can read it). Registered by
the one line after it, it is used by a real ``newsx run`` (the CLI, in-process) and by
``extract.batch.run`` with worker processes: documents in = written + skipped + rejected, the
rows arrive as the typed rows of ``extract.sinks.rows`` (no positional tuples), and a re-run
skips what the sink says it has. No built-in sink is mocked: the built-ins are checked against
the same protocol for real.
"""

from __future__ import annotations

import hashlib
import json
import pickle
import re
from pathlib import Path
from typing import Any, Iterable, Sequence

import pytest
from click.testing import CliRunner

from extract.batch import run
from extract.cli import main
from extract.sinks import open_sink, register_sink
from extract.sinks.base import Sink
from extract.sinks.names import check_url
from extract.sinks.registry import schemes
from extract.sinks.rows import (DOCUMENT_FIELDS, FACT_COLUMNS, MENTION_COLUMNS, REJECT_FIELDS, DocumentRow, FactRow,
                                MentionRow, RejectRow)

DATABASES: dict[str, dict[str, Any]] = {}  # url → the tables of that memory:// database


class MemorySink:
    """``memory://NAME``: the tables as dicts (documents by id, mentions and facts by document
    id, rejects by (source, line)), plus every row that arrived, to check its type. A document id
    over 20 characters is one this sink cannot store (a reject, as a long id is for SQL)."""

    def __init__(self, url: str, prefix: str = ""):
        self.db = DATABASES.setdefault(url, {"documents": {}, "mentions": {}, "facts": {}, "rejects": {},
                                             "runs": [], "arrived": []})
        self.closed = False

    def start_run(self, inputs: Sequence[str], version: str) -> str:
        self.db["runs"].append({"inputs": list(inputs), "version": version, "finished": None})
        return str(len(self.db["runs"]))

    def unstorable(self, document: DocumentRow) -> tuple[str, str] | None:
        return ("the document id is over 20 characters", "id") if len(document.id) > 20 else None

    def known(self, ids: Iterable[str]) -> dict[str, str | None]:
        docs = self.db["documents"]
        return {i: docs[i].fingerprint for i in ids if i in docs}

    def write_rows(self, documents: Sequence[DocumentRow], mentions: Sequence[MentionRow], *,
                   facts: Sequence[FactRow] = (), rejects: Sequence[RejectRow] = (),
                   clear: Sequence[tuple[str, int | None]] = ()) -> int:
        db = self.db
        db["arrived"] += [*documents, *mentions, *facts, *rejects]
        for origin in clear:
            db["rejects"].pop(origin, None)
        for d in documents:
            db["documents"][d.id], db["mentions"][d.id], db["facts"][d.id] = d, [], []
        for m in mentions:
            db["mentions"][m.doc_id].append(m)
        for f in facts:
            db["facts"][f.doc_id].append(f)
        db["rejects"].update({(r.source, r.line): r for r in rejects})
        return len(mentions)

    def finish_run(self, documents: int, mentions: int, rejects: int, skipped: int, facts: int = 0) -> None:
        self.db["runs"][-1]["finished"] = {"written": documents, "mentions": mentions, "rejects": rejects,
                                           "skipped": skipped, "facts": facts}

    def close(self) -> None:
        self.closed = True


register_sink("memory", MemorySink)

FACT_TEXT = "2023年，苏州工业园区实现营业收入100.15亿元，同比增长10%；中关村科技园区实现营业收入8.5亿元，同比下降2.5%。"
LONG_ID = "x" * 21


def _input(tmp_path: Path) -> tuple[Path, int]:
    """Seven units: four documents, one of them twice (skipped), a malformed line and an id this
    sink cannot store (rejects)."""
    lines = [json.dumps({"id": "f", "date": "2024-01-04", "text": FACT_TEXT}, ensure_ascii=False),
             json.dumps({"id": "a", "date": "2024-01-04", "text": "截至2023年12月29日，总投资约12亿元，同比增长7.11%。"},
                        ensure_ascii=False),
             json.dumps({"id": "b", "text": "没有数字。", "title": "t"}, ensure_ascii=False),
             json.dumps({"id": "b", "text": "没有数字。", "title": "t"}, ensure_ascii=False),
             '{"id": "broken", "text": ',
             json.dumps({"id": "c", "text": "近三成的企业1月2日复工。", "source": "s"}, ensure_ascii=False),
             json.dumps({"id": LONG_ID, "text": "增长7.11%"}, ensure_ascii=False)]
    src = tmp_path / "in.jsonl"
    src.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return src, len(lines)


def _summary(output: str) -> tuple[int, int, int, int]:
    m = re.search(r"documents in: (\d+) = written (\d+) \+ skipped \(already loaded\) (\d+) \+ rejects (\d+)", output)
    assert m, output
    return tuple(int(g) for g in m.groups())  # type: ignore[return-value]


def _assert_typed(db: dict[str, Any]) -> None:
    kinds = {DocumentRow: DOCUMENT_FIELDS, MentionRow: MENTION_COLUMNS, FactRow: FACT_COLUMNS, RejectRow: REJECT_FIELDS}
    for row in db["arrived"]:
        assert type(row) in kinds, type(row)
        assert list(row._fields) == kinds[type(row)]
    for doc in db["documents"].values():
        assert doc.text_sha256 == hashlib.sha256(doc.text.encode("utf-8")).hexdigest()
        for m in db["mentions"][doc.id]:
            assert m.doc_id == doc.id and doc.text[m.start:m.end] == m.text


def test_newsx_run_loads_into_a_registered_sink(tmp_path):
    src, units = _input(tmp_path)
    url = f"memory://{tmp_path.name}-cli"
    result = CliRunner().invoke(main, ["run", str(src), "--db", url, "--out", str(tmp_path / "out"), "--no-progress"])
    assert result.exit_code == 0, result.output
    documents_in, written, skipped, rejected = _summary(result.output)
    assert documents_in == units == written + skipped + rejected
    assert (written, skipped, rejected) == (4, 1, 2)
    db = DATABASES[url]
    assert db["runs"][-1]["finished"] == {"written": 4, "mentions": sum(map(len, db["mentions"].values())),
                                          "rejects": 2, "skipped": 1, "facts": 2}
    assert sorted(db["documents"]) == ["a", "b", "c", "f"]
    assert {(r.line, r.field) for r in db["rejects"].values()} == {(5, None), (7, "id")}
    assert [f.subject_canonical for f in db["facts"]["f"]] == ["苏州工业园区", "中关村科技园区"]
    assert {m.label for m in db["mentions"]["a"]} >= {"DATE", "MONEY", "PERCENT"}
    money = next(m for m in db["mentions"]["a"] if m.label == "MONEY")
    assert money.money_amount == "1200000000" and money.money_qualifier is not None
    _assert_typed(db)
    assert len((tmp_path / "out" / "rejects.jsonl").read_text(encoding="utf-8").splitlines()) == rejected

    again = CliRunner().invoke(main, ["run", str(src), "--db", url, "--no-progress"])  # the sink knows them all
    assert again.exit_code == 0, again.output
    assert _summary(again.output) == (units, 0, 5, 2)
    assert len(db["runs"]) == 2 and db["runs"][-1]["finished"]["written"] == 0


def test_rows_arrive_typed_from_worker_processes(tmp_path):
    src, units = _input(tmp_path)
    tables = []
    for workers in (1, 2):
        url = f"memory://{tmp_path.name}-w{workers}"
        s = run([str(src)], db_url=url, out_dir=None, workers=workers)
        assert s.balanced() and s.documents_in == units and (s.written, s.skipped, s.rejects) == (4, 1, 2)
        db = DATABASES[url]
        _assert_typed(db)
        tables.append({k: db[k] for k in ("documents", "mentions", "facts", "rejects")})
    assert tables[0] == tables[1]


def test_the_sinks_satisfy_one_protocol(tmp_path):
    methods = {n for n in vars(Sink) if not n.startswith("_")}
    assert methods == {"start_run", "unstorable", "known", "write_rows", "finish_run", "close"}
    sqlite = open_sink(f"sqlite:///{tmp_path}/p.sqlite")
    try:
        assert isinstance(sqlite, Sink)
    finally:
        sqlite.close()
    memory = open_sink(f"memory://{tmp_path.name}-p")
    assert isinstance(memory, Sink) and isinstance(memory, MemorySink)
    assert schemes()[:4] == ["sqlite", "duckdb", "postgresql", "postgres"] and "memory" in schemes()


def test_an_unknown_scheme_lists_the_known_ones(tmp_path):
    with pytest.raises(ValueError) as err:
        check_url("mysql://root:pw123@h/x")
    message = str(err.value)
    assert "\n" not in message and "pw123" not in message
    assert message.startswith("unsupported database URL scheme 'mysql': known schemes: sqlite, duckdb, postgresql, postgres")
    assert "memory" in message
    with pytest.raises(ValueError, match="names a file: sqlite:///PATH"):
        check_url("sqlite://relative.db")
    with pytest.raises(ValueError, match="invalid sink scheme"):
        register_sink("My Sink", MemorySink)
    result = CliRunner().invoke(main, ["run", str(tmp_path), "--db", "mysql://root:pw123@h/x"])
    assert result.exit_code == 1 and "known schemes: sqlite" in result.output and "pw123" not in result.output


def test_rows_are_the_tables_columns_and_pickle_as_themselves():
    assert list(DocumentRow._fields) == DOCUMENT_FIELDS and list(MentionRow._fields) == MENTION_COLUMNS
    assert list(FactRow._fields) == FACT_COLUMNS and list(RejectRow._fields) == REJECT_FIELDS
    row = MentionRow(*range(len(MENTION_COLUMNS)))
    back = pickle.loads(pickle.dumps(row))
    assert type(back) is MentionRow and back == row and back.end == 2
    reject = RejectRow("in.jsonl", 3, "malformed JSON")
    assert pickle.loads(pickle.dumps(reject)) == reject and reject.raw == "" and reject.field is None
