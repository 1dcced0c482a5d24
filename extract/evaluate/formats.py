"""Gold in the formats of the annotation tools people use: doccano JSONL and Label Studio JSON.

Values travel in each tool's metadata so that a round trip loses nothing: doccano keeps
unknown keys of a line as metadata (``newsx_values``); Label Studio keeps a region's ``meta``.
A span added in the tool without a value cannot become gold until someone writes its value:
import reports every such span (file, document, offsets) instead of inventing one.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any, Iterable

from schemas.records import GoldDocument

DOC_FIELDS = ("id", "date", "source", "title", "issuer")


class ImportError_(ValueError):
    """Spans without values, or offsets that do not match the text."""


def _meta(doc: GoldDocument) -> dict[str, Any]:
    return {k: (v.isoformat() if isinstance(v, dt.date) else v) for k in DOC_FIELDS if (v := getattr(doc, k)) is not None}


def to_doccano(docs: Iterable[GoldDocument]) -> list[dict]:
    out = []
    for d in docs:
        out.append({
            "text": d.text,
            "label": [[m.start, m.end, m.label.value] for m in d.spans],
            **_meta(d),
            "newsx_values": [{"start": m.start, "end": m.end, "label": m.label.value,
                              "value": m.value.model_dump(mode="json")} for m in d.spans],
        })
    return out


def _build(meta: dict, text: str, spans: list[tuple[int, int, str]], values: dict, where: str) -> GoldDocument:
    missing = [(s, e, lab) for s, e, lab in spans if (s, e, lab) not in values]
    if missing:
        listed = ", ".join(f"{lab} {text[s:e]!r}@{s}-{e}" for s, e, lab in missing[:10])
        raise ImportError_(f"{where}: {len(missing)} span(s) have no value yet (write one in the tool's metadata): {listed}")
    return GoldDocument.model_validate({
        **{k: meta[k] for k in DOC_FIELDS if k in meta}, "text": text,
        "spans": [{"start": s, "end": e, "label": lab, "text": text[s:e], "value": values[(s, e, lab)]}
                  for s, e, lab in sorted(spans)],
    })


def from_doccano(lines: Iterable[dict], name: str = "<doccano>") -> list[GoldDocument]:
    docs = []
    for n, rec in enumerate(lines, 1):
        labels = rec.get("label") or rec.get("labels") or []
        spans = [(int(s), int(e), str(lab)) for s, e, lab in labels]
        values = {(v["start"], v["end"], v["label"]): v["value"] for v in rec.get("newsx_values", [])}
        docs.append(_build(rec, rec["text"], spans, values, f"{name}:{n}"))
    return docs


def to_label_studio(docs: Iterable[GoldDocument]) -> list[dict]:
    tasks = []
    for d in docs:
        result = [{
            "id": f"{d.id}-{k}", "from_name": "label", "to_name": "text", "type": "labels",
            "value": {"start": m.start, "end": m.end, "text": m.text, "labels": [m.label.value]},
            "meta": {"newsx_value": m.value.model_dump(mode="json")},
        } for k, m in enumerate(d.spans)]
        tasks.append({"data": {"text": d.text, **_meta(d)}, "annotations": [{"result": result}]})
    return tasks


def from_label_studio(tasks: list[dict], name: str = "<label-studio>") -> list[GoldDocument]:
    docs = []
    for n, task in enumerate(tasks, 1):
        data = task["data"]
        annotations = task.get("annotations") or []
        result = annotations[0]["result"] if annotations else []
        spans, values = [], {}
        for r in result:
            if r.get("type") != "labels":
                continue
            v = r["value"]
            key = (int(v["start"]), int(v["end"]), v["labels"][0])
            spans.append(key)
            if "newsx_value" in (r.get("meta") or {}):
                values[key] = r["meta"]["newsx_value"]
        docs.append(_build(data, data["text"], spans, values, f"{name}:task {n}"))
    return docs


LABEL_CONFIG = """<View>
  <Labels name="label" toName="text">
    <Label value="PARK"/><Label value="MONEY"/><Label value="PERCENT"/><Label value="DATE"/>
  </Labels>
  <Text name="text" value="$text"/>
</View>"""


def dumps_jsonl(records: Iterable[dict]) -> str:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)
