"""jieba, quietly: one place that configures it (log level, cache location) for the whole package.

jieba logs to stderr and writes its dictionary cache to the system temp folder on first use;
newsx sends the log below WARNING nowhere and keeps the cache in the user's cache folder
(``$XDG_CACHE_HOME/newsx`` or ``~/.cache/newsx``), so stdout carries only data.
"""

from __future__ import annotations

import logging
import os
from functools import lru_cache
from pathlib import Path

PROPER_FLAGS = frozenset({"ns", "nr", "nrt", "nrfg", "nz", "nt", "j"})


def cache_dir() -> Path:
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    path = base / "newsx"
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError:  # read-only home: fall back to jieba's default temp folder
        import tempfile

        path = Path(tempfile.gettempdir())
    return path


@lru_cache(maxsize=1)
def jieba_module():
    """The configured jieba module (import on first use)."""
    import jieba

    jieba.setLogLevel(logging.WARNING)
    logging.getLogger("jieba").setLevel(logging.WARNING)
    jieba.dt.tmp_dir = str(cache_dir())
    jieba.dt.cache_file = "jieba.newsx.cache"
    return jieba


@lru_cache(maxsize=1)
def _posseg():
    jieba_module()
    import jieba.posseg as posseg

    return posseg


@lru_cache(maxsize=4096)
def starts_with_proper_noun(text: str) -> bool:
    """Does jieba tag the first or second word of ``text`` as a proper noun (place, person, organisation,
    other proper name, abbreviation)? Used on short name heads (六松, 明月湖, 中荷, 亦庄)."""
    words = list(_posseg().cut(text))
    return bool(words) and any(w.flag in PROPER_FLAGS for w in words[:2])


@lru_cache(maxsize=65536)
def word_starts(window: str) -> frozenset[int]:
    """Offsets in ``window`` where jieba starts a word (dictionary words, no HMM guessing)."""
    starts, k = set(), 0
    for w in jieba_module().lcut(window, HMM=False):
        starts.add(k)
        k += len(w)
    starts.add(k)
    return frozenset(starts)


def is_word_start(text: str, pos: int, before: int = 4, after: int = 4) -> bool:
    """Does jieba, reading the few characters around ``pos``, start a word at ``pos``?"""
    lo = max(0, pos - before)
    return (pos - lo) in word_starts(text[lo : pos + after])


NAME_FLAGS = frozenset({"nr", "nrt", "nrfg", "nt"})


@lru_cache(maxsize=4096)
def starts_with_name(text: str) -> bool:
    """Is the first word of ``text`` the name of a person or an organisation for jieba (特斯拉,
    华为)? The fact layer uses it on a clause head: a company's figure is not the park's."""
    words = list(_posseg().cut(text))
    return bool(words) and words[0].flag in NAME_FLAGS


_OPENING_FLAGS = frozenset({"v", "d", "p", "r", "c", "u", "ad", "m", "q", "t"})
_FLOW_WORDS = frozenset({"新增", "新设", "新建", "净增", "新注册", "新引进"})  # part of what is counted
_NOUN_FLAGS = frozenset({"n", "nz", "vn", "j", "l", "ng", "nt", "ns", "b", "an"})


@lru_cache(maxsize=4096)
def counted_phrase_start(text: str) -> int:
    """Where the noun phrase that a figure measures starts in ``text`` (the words right before the
    number): after the verbs, adverbs, time words and pronouns that open it (汇聚科技服务机构 → 2,
    拨付兑现产业扶持资金 → 4) — a flow word (新增, 新设 …) is part of it; ``len(text)`` when jieba
    ends it with a word that is no noun."""
    words = [(w.word, w.flag) for w in _posseg().cut(text)]
    if not words or words[-1][1] not in _NOUN_FLAGS:
        return len(text)
    k, pos = 0, 0
    while k < len(words) - 1 and words[k][1] in _OPENING_FLAGS and words[k][0] not in _FLOW_WORDS:
        pos += len(words[k][0])
        k += 1
    return pos
