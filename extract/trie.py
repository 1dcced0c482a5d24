"""Compile a word list into one regex that shares prefixes (a trie), so a match attempt costs
one character test per level instead of one test per word. Longest words win."""

from __future__ import annotations

from typing import Iterable

import regex


def trie_pattern(words: Iterable[str]) -> str:
    trie: dict = {}
    for w in words:
        if not w:
            continue
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = True

    def render(node: dict) -> str:
        end = "" in node
        branches = [regex.escape(ch) + render(child) for ch, child in sorted(node.items()) if ch != ""]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if end:
            return f"(?:{body})?"
        return body

    return render(trie)
