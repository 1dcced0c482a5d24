"""newsx benchmarks, one run, one input: prints figures, never asserts timings.

    python -m bench [--quick] [--min-mb 2] [--stream-mb 200]

On the same input (the shipped corpus repeated to at least ``--min-mb`` MB of UTF-8, plus
``../shared/corpus/news/eb-2011.jsonl`` when present) it times, in characters per second:

- the newsx records path (``extract_document``, all registered labels), and the same path with
  the fact stage after it (``extract.facts.extract_facts``), with the ratio of the two (issue 14's
  figure: facts cost at most 1.3× the records path),
- the newsx spaCy path (``extract.nlp``; "unavailable" when that module or spaCy is missing),
- jieba segmentation alone (``jieba.lcut``; ``rjieba`` too when installed),
- JioNLP's ``extract_money`` + ``extract_time`` (the bench extra installs it),

and prints the ratios newsx / JioNLP. Then ``newsx run`` with 1 and 2 workers on the input
repeated to ``--workers-mb`` MB (processing time, start-up excluded), and the peak RSS of
``newsx run`` streaming a generated ``--stream-mb`` MB JSONL (and a quarter of it, to show the
peak is flat in the input size) through a subprocess (its /proc high-water mark; skipped with
``--quick``).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # `python bench/run.py` from anywhere
    sys.path.insert(0, str(ROOT))

from extract.intake.read import Reject, read_inputs  # noqa: E402
from schemas.records import Document  # noqa: E402

SHARED_EXTRA = ROOT.parent / "shared" / "corpus" / "news" / "eb-2011.jsonl"


def say(msg: str = "") -> None:
    print(msg, flush=True)


# -- input ---------------------------------------------------------------------------------------

def base_documents() -> list[Document]:
    inputs = [str(ROOT / "corpus" / "texts")]
    if SHARED_EXTRA.exists():
        inputs.append(str(SHARED_EXTRA))
    docs, seen = [], set()
    for item in read_inputs(inputs):
        if isinstance(item, Reject) or (item.id, item.text) in seen:
            continue
        seen.add((item.id, item.text))
        docs.append(item)
    return docs


def repeated(docs: list[Document], min_bytes: int) -> list[Document]:
    out: list[Document] = []
    size, k = 0, 0
    while size < min_bytes:
        for d in docs:
            out.append(d.model_copy(update={"id": f"{d.id}#{k}"}))
            size += len(d.text.encode("utf-8"))
        k += 1
    return out


def write_jsonl(docs: list[Document], path: Path, min_bytes: int = 0) -> int:
    """Write ``docs`` (repeated with fresh ids until ``min_bytes``) as JSONL; returns the bytes."""
    lines = [(d, json.dumps({"id": d.id, "date": d.date.isoformat() if d.date else None, "source": d.source,
                             "title": d.title, "text": d.text}, ensure_ascii=False)) for d in docs]
    size, k = 0, 0
    with path.open("w", encoding="utf-8") as fh:
        while True:
            for d, line in lines:
                rec = line if k == 0 else line.replace(json.dumps(d.id, ensure_ascii=False),
                                                       json.dumps(f"{d.id}~{k}", ensure_ascii=False), 1)
                fh.write(rec + "\n")
                size += len(rec.encode("utf-8")) + 1
            k += 1
            if size >= min_bytes:
                return size


# -- timings -------------------------------------------------------------------------------------

def rate(fn, texts_or_docs, chars: int, repeat: int = 3) -> float:
    """Characters per second, best of ``repeat`` runs (the same rule for every contender)."""
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn(texts_or_docs)
        best = min(best, time.perf_counter() - t0)
    return chars / best


def records_path(docs: list[Document]) -> tuple[float, dict[str, int]]:
    from extract.batch import warm
    from extract.pipeline import extract_document

    warm()
    for d in docs[:50]:  # lazy tables and caches, outside the timing
        extract_document(d)
    counts: dict[str, int] = {}

    def go(ds):
        counts.clear()  # rate() runs this three times; keep one run's counts
        for d in ds:
            for m in extract_document(d).spans:
                counts[m.label.value] = counts.get(m.label.value, 0) + 1

    r = rate(go, docs, sum(len(d.text) for d in docs))
    return r, counts


def records_with_facts(docs: list[Document], repeat: int = 3) -> tuple[float, float, int]:
    """The records path with the fact stage after it, timed per document and interleaved (each
    document's extraction, then its facts), so a load change on a shared machine hits both
    alike: (records-only chars/s, records + facts chars/s, facts found), best of ``repeat``."""
    from extract.facts import extract_facts
    from extract.pipeline import extract_document

    for d in docs[:50]:  # the indicator lexicon and its automaton, outside the timing
        extract_facts(d.text, extract_document(d).spans, d.date)
    chars = sum(len(d.text) for d in docs)
    best: tuple[float, float] | None = None
    found = 0
    clock = time.perf_counter
    for _ in range(repeat):
        rec = fac = 0.0
        found = 0
        for d in docs:
            t0 = clock()
            ex = extract_document(d)
            t1 = clock()
            found += len(extract_facts(d.text, ex.spans, ex.date))
            t2 = clock()
            rec += t1 - t0
            fac += t2 - t1
        if best is None or rec + fac < sum(best):
            best = (rec, fac)
    assert best is not None
    return chars / best[0], chars / (best[0] + best[1]), found


def spacy_path(docs: list[Document]) -> float | str:
    try:
        import extract.nlp as nlp_mod

        nlp = nlp_mod.load()
        list(nlp_mod.extract_documents(docs[:20], nlp=nlp))  # warm-up
    except Exception as exc:  # noqa: BLE001 — a benchmark reports, it does not fail
        return f"unavailable ({type(exc).__name__}: {exc})"
    return rate(lambda ds: sum(1 for _ in nlp_mod.extract_documents(ds, nlp=nlp)), docs,
                sum(len(d.text) for d in docs))


def segmenters(texts: list[str], chars: int) -> dict[str, float | str]:
    out: dict[str, float | str] = {}
    try:
        from extract.segment import jieba_module

        jieba = jieba_module()
    except ImportError:
        import jieba
    jieba.lcut(texts[0])
    out["jieba lcut"] = rate(lambda ts: [jieba.lcut(t) for t in ts], texts, chars)
    try:
        import rjieba

        out["rjieba cut"] = rate(lambda ts: [rjieba.cut(t) for t in ts], texts, chars)
    except ImportError:
        out["rjieba cut"] = "not installed"
    return out


def jionlp_money_time(docs: list[Document], chars: int) -> float | str:
    try:
        import contextlib
        import io

        with contextlib.redirect_stdout(io.StringIO()):  # jionlp prints a banner on import
            import jionlp
    except ImportError:
        return "unavailable (pip install 'newsx[bench]')"
    bases = [time.mktime((d.date or dt.date(2024, 1, 4)).timetuple()) for d in docs]
    ner = jionlp.ner

    def go(ds):
        for d, base in zip(ds, bases):
            ner.extract_money(d.text)
            ner.extract_time(d.text, time_base=base)

    import logging

    logging.disable(logging.CRITICAL)  # JioNLP logs a traceback for every string it cannot parse
    try:
        return rate(go, docs, chars)
    finally:
        logging.disable(logging.NOTSET)


def workers_speedup(path: Path, tmp: Path) -> dict[int, float]:
    from extract.batch import run

    out = {}
    for n in (1, 2):
        s = run([str(path)], db_url=f"sqlite:///{tmp}/w{n}.sqlite", out_dir=tmp / f"w{n}", workers=n)
        out[n] = s.chars / s.seconds
    return out


def stream_rss(path: Path, tmp: Path, tag: str) -> tuple[int, int, float]:
    """Peak RSS (KB) of ``newsx run`` over ``path`` in a subprocess, the peak total RSS of its
    process tree, and its wall time.

    The peak is the kernel's high-water mark of the process (``VmHWM`` in /proc), read until it
    exits. (``ru_maxrss`` of a child would also count this benchmark's own memory: the mark
    survives fork + exec.)"""
    cmd = [sys.executable, "-m", "extract.cli", "run", str(path), "--db", f"sqlite:///{tmp}/{tag}.sqlite",
           "--out", str(tmp / tag), "--no-progress"]
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peak, peak_tree = [0], [0]
    stop = threading.Event()

    def sample() -> None:
        while not stop.wait(0.05):
            peak[0] = max(peak[0], _status(proc.pid, "VmHWM"))
            peak_tree[0] = max(peak_tree[0], _tree_rss(proc.pid))

    thread = threading.Thread(target=sample, daemon=True)
    thread.start()
    err = proc.stderr.read().decode("utf-8", "replace") if proc.stderr else ""
    proc.wait()
    stop.set()
    thread.join()
    if proc.returncode:
        raise RuntimeError(f"newsx run failed ({proc.returncode}): {err[-2000:]}")
    return peak[0], peak_tree[0], time.perf_counter() - t0


def _status(pid: int, key: str) -> int:
    try:
        with open(f"/proc/{pid}/status") as fh:
            for line in fh:
                if line.startswith(key + ":"):
                    return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return 0


def _tree_rss(pid: int) -> int:
    total, todo = 0, [pid]
    while todo:
        p = todo.pop()
        total += _status(p, "VmRSS")
        try:
            for task in os.listdir(f"/proc/{p}/task"):
                with open(f"/proc/{p}/task/{task}/children") as fh:
                    todo += [int(c) for c in fh.read().split()]
        except (OSError, ValueError):
            continue
    return total


# -- main ----------------------------------------------------------------------------------------

def fmt(v: float | str) -> str:
    return f"{v / 1e6:8.3f} M chars/s" if isinstance(v, float) else str(v)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench", description=__doc__.split("\n\n")[0])
    ap.add_argument("--quick", action="store_true", help="skip the 200 MB streaming run")
    ap.add_argument("--min-mb", type=float, default=2.0, help="size of the common input (MB of UTF-8)")
    ap.add_argument("--workers-mb", type=float, default=12.0, help="input size for the workers comparison")
    ap.add_argument("--stream-mb", type=float, default=200.0, help="size of the streamed input for peak RSS")
    args = ap.parse_args(argv)

    base = base_documents()
    docs = repeated(base, int(args.min_mb * 1e6))
    texts = [d.text for d in docs]
    chars = sum(map(len, texts))
    nbytes = sum(len(t.encode("utf-8")) for t in texts)
    say(f"input: {len(docs)} documents, {chars} chars, {nbytes / 1e6:.2f} MB UTF-8 "
        f"(shipped corpus{' + eb-2011' if SHARED_EXTRA.exists() else ''}, repeated)")
    say(f"machine: {os.cpu_count()} CPUs, Python {sys.version.split()[0]}")
    say("")

    rec, counts = records_path(docs)
    say(f"newsx records path     {fmt(rec)}   labels: "
        + ", ".join(f"{k} {v}" for k, v in sorted(counts.items())))
    rec_only, rec_facts, n_facts = records_with_facts(docs)
    say(f"records path + facts   {fmt(rec_facts)}   facts: {n_facts} (records alone, same run: {fmt(rec_only).strip()})")
    say(f"facts cost             {rec_only / rec_facts:8.2f}× the records path (issue 14: ≤ 1.3×; "
        "interleaved per document)")
    spa = spacy_path(docs)
    say(f"newsx spaCy path       {fmt(spa)}")
    for name, v in segmenters(texts, chars).items():
        say(f"{name:<22} {fmt(v)}")
    jio = jionlp_money_time(docs, chars)
    say(f"JioNLP money+time      {fmt(jio)}")
    if isinstance(jio, float):
        say(f"ratio records / JioNLP {rec / jio:8.1f}×")
        if isinstance(spa, float):
            say(f"ratio spaCy / JioNLP   {spa / jio:8.1f}×")
    say("")

    with tempfile.TemporaryDirectory(prefix="newsx-bench-") as tmpdir:
        tmp = Path(tmpdir)
        wpath = tmp / "workers.jsonl"
        size = write_jsonl(base, wpath, int(args.workers_mb * 1e6))
        load = os.getloadavg()[0]
        sp = workers_speedup(wpath, tmp)
        say(f"newsx run, {size / 1e6:.0f} MB: 1 worker {fmt(sp[1])}, 2 workers {fmt(sp[2])}, "
            f"speedup {sp[2] / sp[1]:.2f}× ({os.cpu_count()} CPUs, load average {load:.1f} before; "
            "processing time, start-up excluded)")
        for n in (1, 2):
            (tmp / f"w{n}.sqlite").unlink(missing_ok=True)
        if args.quick:
            say("peak RSS: skipped (--quick)")
            return 0
        for mb in (args.stream_mb / 4, args.stream_mb):
            spath = tmp / "stream.jsonl"
            size = write_jsonl(base, spath, int(mb * 1e6))
            rss, tree, secs = stream_rss(spath, tmp, f"s{int(mb)}")
            say(f"newsx run streaming {size / 1e6:.0f} MB: peak RSS {rss / 1024:.0f} MB "
                f"(process tree {tree / 1024:.0f} MB), {secs:.0f} s, {size / 1e6 / secs:.2f} MB/s")
            spath.unlink()
            for p in tmp.glob(f"s{int(mb)}*"):
                if p.is_file():
                    p.unlink()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
