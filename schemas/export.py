"""Export the JSON Schema of every record to ``schemas/<name>.schema.json``.

``python -m schemas.export`` rewrites the files; ``python -m schemas.export --check`` exits 1
when any exported file is stale (the test suite runs the check).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from schemas.facts import Fact, FactDocument
from schemas.records import Document, ExtractedDocument, GoldDocument, Mention

RECORDS = {
    "document": Document,
    "mention": Mention,
    "extracted_document": ExtractedDocument,
    "gold_document": GoldDocument,
    "fact": Fact,
    "fact_document": FactDocument,
}
HERE = Path(__file__).resolve().parent


def rendered() -> dict[Path, str]:
    out = {}
    for name, model in RECORDS.items():
        schema = model.model_json_schema(mode="serialization")
        out[HERE / f"{name}.schema.json"] = json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    return out


def stale() -> list[Path]:
    return [p for p, text in rendered().items() if not p.exists() or p.read_text(encoding="utf-8") != text]


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if "--check" in argv:
        bad = stale()
        for p in bad:
            sys.stderr.write(f"stale JSON Schema: {p.name} (run: python -m schemas.export)\n")
        return 1 if bad else 0
    for p, text in rendered().items():
        p.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
