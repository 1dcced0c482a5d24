"""Gold in the formats of the annotation tools people use: doccano JSONL and Label Studio JSON.

Values travel with the spans so that a round trip loses nothing: doccano keeps unknown keys of
a line (``newsx_values``); in Label Studio each region has a per-region ``value`` text box (the
labelling config shipped as ``extract/evaluate/data/labelstudio.xml``, :func:`label_config`)
holding the value as JSON, and the region's ``meta`` and the task's ``data.newsx_values`` carry
it too (whichever survives the tool). A span added in the tool without a value cannot become
gold until someone writes its value: import reports every such span (file, document, offsets)
instead of inventing one.

``newsx extract`` output (predictions, no text) exports with the documents' texts as
pre-annotations: Label Studio ``predictions`` with ``model_version`` ``"newsx <version>"``
(labellers correct them instead of starting from nothing), doccano ``label`` lists.

Label Studio counts offsets in UTF-16 code units (JavaScript strings), Python in code points;
they differ after a character outside the BMP, so offsets are converted both ways.
"""

from __future__ import annotations

import json
from importlib.resources import files
from typing import Any, Iterable, Mapping, Sequence

from schemas.records import ExtractedDocument, GoldDocument

DOC_FIELDS = ("id", "date", "source", "title", "issuer", "publisher", "province", "labels")
TOOL_FIELDS = ("from_name", "to_name")  # Label Studio's names, as in the shipped config
LABEL_FROM, TEXT_TO, VALUE_FROM = "label", "text", "value"


class ImportError_(ValueError):
    """Spans without values, offsets that do not match the text, or a file that is not the format."""


def label_config() -> str:
    """The Label Studio labelling config for newsx tasks (a file in the package)."""
    return files("extract.evaluate").joinpath("data", "labelstudio.xml").read_text(encoding="utf-8")


def model_version() -> str:
    """``"newsx <version>"``: what Label Studio shows for newsx pre-annotations."""
    from extract.version import VERSION

    return f"newsx {VERSION}"


def _meta(doc: Any) -> dict[str, Any]:
    data = doc.model_dump(mode="json", include=set(DOC_FIELDS))
    return {k: data[k] for k in DOC_FIELDS if data.get(k) is not None}


def _values(doc: Any) -> list[dict]:
    return [{"start": m.start, "end": m.end, "label": m.label.value, "value": m.value.model_dump(mode="json")}
            for m in doc.spans]


# -- predictions with their texts -----------------------------------------------------------------

def with_texts(preds: Iterable[Mapping], texts: Mapping[str, Any], name: str = "<predictions>") -> list[ExtractedDocument]:
    """``newsx extract`` lines (dicts without ``text``; ``facts`` ignored) joined by id with the
    documents they came from (``texts``: id → :class:`schemas.records.Document` or str); every
    span is checked against its text."""
    from pydantic import ValidationError

    out = []
    for n, rec in enumerate(preds, 1):
        rec = {k: v for k, v in rec.items() if k != "facts"}
        doc_id = rec.get("id")
        source = texts.get(doc_id) if isinstance(doc_id, str) else None
        if source is None and rec.get("text") is None:
            raise ImportError_(f"{name}:{n}: no text for document {doc_id!r}: newsx extract output has none, "
                               "give the documents it came from with --texts")
        text = rec.get("text") if rec.get("text") is not None else (source if isinstance(source, str) else source.text)
        try:
            doc = ExtractedDocument.model_validate({**rec, "text": text})
        except ValidationError as exc:
            first = exc.errors()[0]
            raise ImportError_(f"{name}:{n}: {'.'.join(map(str, first['loc']))}: {first['msg']}".replace(": : ", ": ")) from None
        out.append((doc, source))
    return [_carry(doc, source) for doc, source in out]


def _carry(doc: ExtractedDocument, source: Any) -> ExtractedDocument:
    """``doc`` with its source document's fields (title, source …) for the tool's task data."""
    extra = {k: getattr(source, k) for k in ("source", "title") if getattr(source, k, None) is not None}
    if not extra:
        return doc
    return _Prediction.model_validate({**doc.model_dump(), **extra})


class _Prediction(ExtractedDocument):
    source: str | None = None
    title: str | None = None


# -- doccano ---------------------------------------------------------------------------------------

def to_doccano(docs: Iterable[Any]) -> list[dict]:
    """Gold (or predictions with their text): one doccano line each, values in ``newsx_values``."""
    return [{"text": d.text, "label": [[m.start, m.end, m.label.value] for m in d.spans], **_meta(d),
             "newsx_values": _values(d)} for d in docs]


def _build(meta: dict, text: str, spans: list[tuple[int, int, str]], values: dict, where: str) -> GoldDocument:
    missing = [(s, e, lab) for s, e, lab in spans if (s, e, lab) not in values]
    if missing:
        listed = ", ".join(f"{lab} {text[s:e]!r}@{s}-{e}" for s, e, lab in missing[:10])
        raise ImportError_(f"{where}: {len(missing)} span(s) have no value yet (write one in the tool's metadata): {listed}")
    from pydantic import ValidationError

    try:
        return GoldDocument.model_validate({
            **{k: meta[k] for k in DOC_FIELDS if k in meta}, "text": text,
            "spans": [{"start": s, "end": e, "label": lab, "text": text[s:e], "value": values[(s, e, lab)]}
                      for s, e, lab in sorted(spans)],
        })
    except ValidationError as exc:
        first = exc.errors()[0]
        raise ImportError_(f"{where}: {'.'.join(map(str, first['loc']))}: {first['msg']}") from None


def from_doccano(lines: Iterable[dict], name: str = "<doccano>") -> list[GoldDocument]:
    docs = []
    for n, rec in enumerate(lines, 1):
        if not isinstance(rec, dict) or not isinstance(rec.get("text"), str):
            raise ImportError_(f"{name}:{n}: not a doccano line (an object with \"text\" and \"label\")")
        labels = rec.get("label") or rec.get("labels") or []
        spans = [(int(s), int(e), str(lab)) for s, e, lab in labels]
        values = {(v["start"], v["end"], v["label"]): v["value"] for v in rec.get("newsx_values", [])}
        docs.append(_build(rec, rec["text"], spans, values, f"{name}:{n}"))
    return docs


# -- Label Studio ----------------------------------------------------------------------------------

def _js(text: str, i: int) -> int:
    """Python offset → UTF-16 offset (what Label Studio stores)."""
    return i + sum(1 for ch in text[:i] if ord(ch) > 0xFFFF)


def _py(text: str, j: int) -> int:
    """UTF-16 offset → Python offset."""
    if text.isascii() or all(ord(ch) <= 0xFFFF for ch in text):
        return j
    units = 0
    for i, ch in enumerate(text):
        if units >= j:
            return i
        units += 2 if ord(ch) > 0xFFFF else 1
    return len(text)


def _regions(d: Any, prefix: str) -> list[dict]:
    out = []
    for k, m in enumerate(d.spans):
        rid = f"{prefix}{k}"
        value = m.value.model_dump(mode="json")
        span = {"start": _js(d.text, m.start), "end": _js(d.text, m.end), "text": m.text}
        out.append({"id": rid, "from_name": LABEL_FROM, "to_name": TEXT_TO, "type": "labels",
                    "value": {**span, "labels": [m.label.value]}, "meta": {"newsx_value": value}})
        out.append({"id": rid, "from_name": VALUE_FROM, "to_name": TEXT_TO, "type": "textarea",
                    "value": {**span, "text": [json.dumps(value, ensure_ascii=False)]}})
    return out


def to_label_studio(gold: Iterable[GoldDocument] = (), predictions: Iterable[Any] = ()) -> list[dict]:
    """Label Studio tasks: ``gold`` as annotations, ``predictions`` (with their text) as
    pre-annotations (``predictions`` with ``model_version``); a document in both is one task."""
    tasks: dict[str, dict] = {}
    for d in gold:
        task = tasks.setdefault(d.id, {"data": {"text": d.text, **_meta(d), "newsx_values": _values(d)}})
        task["annotations"] = [{"result": _regions(d, f"{_safe(d.id)}-")}]
    version = model_version()
    for d in predictions:
        task = tasks.setdefault(d.id, {"data": {"text": d.text, **_meta(d)}})
        if task["data"]["text"] != d.text:
            raise ImportError_(f"document {d.id!r}: the prediction's text is not the gold's")
        task["predictions"] = [{"model_version": version, "result": _regions(d, f"{_safe(d.id)}-p")}]
    return list(tasks.values())


def _safe(doc_id: str) -> str:
    return "".join(ch if ch.isalnum() or ch in "-_" else "_" for ch in doc_id)[:40]


def _annotation(task: dict) -> dict | None:
    """The task's annotation to import: the latest one not cancelled (None: not annotated)."""
    kept = [a for a in (task.get("annotations") or []) if isinstance(a, dict) and not a.get("was_cancelled")]
    if not kept:
        return None
    return max(enumerate(kept), key=lambda ia: (str(ia[1].get("updated_at") or ia[1].get("created_at") or ""), ia[0]))[1]


def read_label_studio(tasks: Any, name: str = "<label-studio>") -> tuple[list[GoldDocument], list[str]]:
    """A Label Studio JSON export → (gold documents, ids of the tasks nobody annotated — skipped).

    A region's value: the JSON in its ``value`` box, else its ``meta.newsx_value``, else the task's
    ``data.newsx_values``, else the value of the prediction it was accepted from (same offsets and
    label, no box edited)."""
    if not isinstance(tasks, list) or not all(isinstance(t, dict) and isinstance(t.get("data"), dict) for t in tasks):
        raise ImportError_(f"{name}: not a Label Studio JSON export (a list of tasks, each with \"data\")")
    docs, skipped = [], []
    for n, task in enumerate(tasks, 1):
        data = task["data"]
        where = f"{name}:task {task.get('id', n)}"
        text = data.get("text")
        if not isinstance(text, str):
            raise ImportError_(f"{where}: no \"text\" in the task data")
        annotation = _annotation(task)
        if annotation is None:
            skipped.append(str(data.get("id", task.get("id", n))))
            continue
        fallback = {(v["start"], v["end"], v["label"]): v["value"] for v in data.get("newsx_values") or []}
        for p in task.get("predictions") or []:
            fallback.update(_values_of(p.get("result") or [], text, where, {}))
        spans, values = [], {}
        result = annotation.get("result") or []
        boxes = _boxes(result, where)
        for r in result:
            if r.get("type") != "labels":
                continue
            key = _key(r, text, where)
            spans.append(key)
            if r.get("id") in boxes:
                values[key] = boxes[r["id"]]
            elif "newsx_value" in (r.get("meta") or {}):
                values[key] = r["meta"]["newsx_value"]
            elif key in fallback:
                values[key] = fallback[key]
        docs.append(_build(data, text, spans, values, where))
    return docs, skipped


def from_label_studio(tasks: list[dict], name: str = "<label-studio>") -> list[GoldDocument]:
    """The annotated tasks of a Label Studio export as gold (:func:`read_label_studio`)."""
    return read_label_studio(tasks, name)[0]


def _key(r: dict, text: str, where: str) -> tuple[int, int, str]:
    try:
        v = r["value"]
        return _py(text, int(v["start"])), _py(text, int(v["end"])), str(v["labels"][0])
    except (KeyError, IndexError, TypeError, ValueError):
        raise ImportError_(f"{where}: region {r.get('id')!r} has no start, end and label") from None


def _boxes(result: Sequence[dict], where: str) -> dict[str, Any]:
    """Region id → the value written in its per-region ``value`` box (JSON)."""
    out = {}
    for r in result:
        if r.get("type") == "textarea" and r.get("from_name") == VALUE_FROM:
            texts = [t for t in (r.get("value") or {}).get("text") or [] if str(t).strip()]
            if not texts:
                continue
            try:
                out[r.get("id")] = json.loads(texts[-1])
            except json.JSONDecodeError as exc:
                raise ImportError_(f"{where}: region {r.get('id')!r}: its value is not JSON ({exc.msg}): {texts[-1][:80]!r}") from None
    return out


def _values_of(result: Sequence[dict], text: str, where: str, into: dict) -> dict:
    boxes = _boxes(result, where)
    for r in result:
        if r.get("type") == "labels":
            key = _key(r, text, where)
            if r.get("id") in boxes:
                into[key] = boxes[r["id"]]
            elif "newsx_value" in (r.get("meta") or {}):
                into[key] = r["meta"]["newsx_value"]
    return into


LABEL_CONFIG = label_config()


def dumps_jsonl(records: Iterable[dict]) -> str:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)
