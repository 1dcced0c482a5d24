"""PARK examples are the project's own sentences: none is copied verbatim from a gold text or from
the unlicensed news corpus (read only where ../shared is present)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
EXAMPLES = REPO / "extract" / "park" / "examples.json"
NEWS = REPO.parent / "shared" / "corpus" / "news"


def _texts() -> list[str]:
    data = json.loads(EXAMPLES.read_text(encoding="utf-8"))
    out = [t.replace("⟦", "").replace("⟧", "") for g in data["examples"] for t in g["texts"]]
    out += [n if isinstance(n, str) else n["text"] for n in data.get("negatives", [])]
    return [t for t in out if len(t) >= 12]  # a short phrase may occur anywhere; a sentence may not


def _corpus(paths) -> str:
    parts = []
    for p in paths:
        for line in p.read_text(encoding="utf-8").splitlines():
            if line.strip():
                parts.append(json.loads(line).get("text", ""))
    return "\n".join(parts)


def test_not_copied_from_gold():
    gold = _corpus(sorted((REPO / "corpus" / "gold").glob("*.jsonl")))
    copied = [t for t in _texts() if t in gold]
    assert not copied, copied


@pytest.mark.skipif(not NEWS.is_dir(), reason="../shared/corpus/news absent")
def test_not_copied_from_news():
    news = _corpus(sorted(NEWS.glob("*.jsonl")))
    copied = [t for t in _texts() if t in news]
    assert not copied, copied
