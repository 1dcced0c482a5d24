"""An example is our own sentence, not a copy of a corpus one.

Every text of every ``extract/*/examples.json`` (walked generically: any string in the file
outside an expected value, ``⟦ ⟧`` removed) is checked against the raw texts the gold is
annotated on: ``corpus/texts/**`` and the gold files (``corpus/gold*``, ``corpus/facts``) always, and ``../shared/corpus/**`` (next to the repository)
when that folder exists. An example copied from a corpus text only memorizes the gold; it tests
nothing the gold does not already.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from functools import cache
from pathlib import Path

import ahocorasick
import pytest

ROOT = Path(__file__).resolve().parents[1]
# The raw texts, the gold files of the project (their texts are inline: most are in no raw file)
# and, when present beside the checkout, the shared corpus.
CORPORA = [ROOT / "corpus" / "texts", *sorted(p for p in (ROOT / "corpus").glob("gold*") if p.is_dir()),
           ROOT / "corpus" / "facts", ROOT.parent / "shared" / "corpus"]
EXAMPLE_FILES = sorted((ROOT / "extract").glob("*/examples.json"))

# An example fails when it shares a run of COPIED_RUN consecutive characters with a corpus text.
# 14 Chinese characters make a clause: examples that share a set phrase of the news register with
# the corpus (规模以上工业增加值, 高新技术产业开发区, a park's name) stay under it, while a clause
# lifted from a corpus sentence reaches it. A higher value lets copies through: "贡献了全国13.6%的
# 税收。", copied from the seed page, is exactly 14 characters long.
COPIED_RUN = 14
# A shorter example fails when the whole of it is in a corpus text and it has at least this many
# characters: "现场成交额均超百亿美元。" (12, from a work report) is a copied sentence,
# "推进园区数字化建设" (9) a set phrase.
WHOLE_COPY = 10

# Only texts (positives and negatives) must be our own. An expected value is the extractor's
# reading, not a sentence (a park's canonical name is the corpus's own name of that park), and a
# document date, label or finder is metadata.
EXAMPLE_SKIP = frozenset({"value", "date", "label", "finder"})

_WHITESPACE = re.compile(r"\s+")


def _normalize(text: str) -> str:
    # The seed page is broken by its printed layout; a copy across a line break is still a copy.
    return _WHITESPACE.sub("", text.replace("⟦", "").replace("⟧", ""))


def _strings(node: object, skip: frozenset[str] = frozenset()):
    """Every string under ``node``, leaving out the subtrees under a key in ``skip``."""
    if isinstance(node, str):
        yield node
    elif isinstance(node, dict):
        for key, value in node.items():
            if key not in skip:
                yield from _strings(value, skip)
    elif isinstance(node, list):
        for value in node:
            yield from _strings(value, skip)


def _corpus_texts():
    """(file relative to its corpus folder's parent, text) for every raw text of the corpora."""
    for base in CORPORA:
        if not base.is_dir():
            continue
        for path in sorted(base.rglob("*")):
            name = f"{base.parent.name}/{path.relative_to(base.parent)}"
            if path.suffix == ".txt":
                yield name, path.read_text(encoding="utf-8")
            elif path.suffix == ".jsonl":
                for line in path.read_text(encoding="utf-8").splitlines():
                    if line.strip():
                        yield name, "\n".join(_strings(json.loads(line)))


def _flat_marked(text: str) -> tuple[str, list[bool]]:
    """The normalized text and, per character, whether it is inside a ⟦ ⟧ span."""
    chars, inside, depth = [], [], 0
    for ch in text:
        if ch == "⟦":
            depth += 1
        elif ch == "⟧":
            depth = max(0, depth - 1)
        elif not ch.isspace():
            chars.append(ch)
            inside.append(depth > 0)
    return "".join(chars), inside


def _needles(text: str) -> set[str]:
    """What of an example may not occur in a corpus text: its runs of COPIED_RUN characters, or
    the whole of it when it is shorter but at least WHOLE_COPY long. A run wholly inside the
    marked span is left out: a long park name (中国—上海合作组织地方经贸合作示范区) is the park's
    own name wherever it is written; the sentence around it is what must be ours."""
    flat, inside = _flat_marked(text)
    if len(flat) >= COPIED_RUN:
        return {flat[i : i + COPIED_RUN] for i in range(len(flat) - COPIED_RUN + 1)
                if not all(inside[i : i + COPIED_RUN])}
    return {flat} if len(flat) >= WHOLE_COPY else set()


@cache
def _copies() -> dict[str, dict[str, tuple[str, str]]]:
    """examples file -> {example text: (corpus file, shared run)} for every example with a copy.

    The needles of all examples go in one Aho-Corasick automaton; the corpus is read once.
    """
    owners: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for path in EXAMPLE_FILES:
        rel = str(path.relative_to(ROOT))
        for text in _strings(json.loads(path.read_text(encoding="utf-8")), EXAMPLE_SKIP):
            for needle in _needles(text):
                owners[needle].append((rel, text))
    automaton = ahocorasick.Automaton()
    for needle in owners:
        automaton.add_word(needle, needle)
    found: dict[str, dict[str, tuple[str, str]]] = defaultdict(dict)
    if not owners:
        return found
    automaton.make_automaton()
    for name, text in _corpus_texts():
        for _, needle in automaton.iter(_normalize(text)):
            for rel, example in owners[needle]:
                found[rel].setdefault(example, (name, needle))
    return found


@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=[p.parent.name for p in EXAMPLE_FILES])
def test_examples_are_our_own_sentences(path: Path) -> None:
    rel = str(path.relative_to(ROOT))
    copies = _copies().get(rel, {})
    if copies:
        lines = [f"  {example!r} shares {run!r} with {name}" for example, (name, run) in copies.items()]
        pytest.fail(
            f"{rel}: {len(copies)} example(s) copy a corpus text ({COPIED_RUN} consecutive characters, "
            f"or the whole example from {WHOLE_COPY}); write your own sentence with the same pattern:\n"
            + "\n".join(lines),
            pytrace=False,
        )


def test_a_copy_is_caught() -> None:
    """The check itself: a clause lifted from the seed page is a copy; our rewrite of it is not."""
    seed = (ROOT / "corpus" / "texts" / "seed").glob("*.txt")
    corpus = _normalize("".join(p.read_text(encoding="utf-8") for p in seed))
    assert any(n in corpus for n in _needles("贡献了全国⟦13.6%⟧的税收。"))
    assert not any(n in corpus for n in _needles("贡献了全县⟦13.6%⟧的财政收入。"))
