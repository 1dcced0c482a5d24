"""Cleaning with an offset map.

The rules run on a cleaned text: full-width digits and symbols mapped to ASCII, lines that a
page layout broke in the middle of a sentence joined, stray spaces between digits and CJK
removed. Every character of the cleaned text remembers the index of the original character it
came from, so every offset found in the cleaned text maps back to the original exactly.
"""

from __future__ import annotations

import bisect
import re
from array import array
from dataclasses import dataclass

import regex

# One-to-one character mappings (the same length in and out).
_WIDTH = {chr(0xFF10 + i): str(i) for i in range(10)}
_WIDTH.update({"％": "%", "．": ".", "＋": "+", "－": "-", "／": "/", "：": ":", "～": "~"})
_WIDTH.update({chr(0xFF21 + i): chr(0x41 + i) for i in range(26)})
_WIDTH.update({chr(0xFF41 + i): chr(0x61 + i) for i in range(26)})
# Substituting only the few mapped characters is ~10× faster than str.translate.
_FULL_WIDTH = re.compile("[" + re.escape("".join(sorted(_WIDTH))) + "]")


def _to_half_width(text: str) -> str:
    return _FULL_WIDTH.sub(lambda m: _WIDTH[m.group()], text) if _FULL_WIDTH.search(text) else text

# A line ending in one of these ends a sentence (or a heading with its own punctuation).
_TERMINAL = set("。！？!?；;：:…”’」』）)】》")
_CJK = r"\p{Han}"
# Spaces between a Han character and a Han character or digit (either side) are layout noise;
# spaces between two numbers, or after a full stop, are not.
_STRAY_SPACE = regex.compile(
    rf"(?<=[\d{_CJK}])[ \t\u00a0\u3000]+(?={_CJK})|(?<={_CJK})[ \t\u00a0\u3000]+(?=\d)|(?<=\d)[ \t\u00a0\u3000]+(?=[%‰])"
)
_LINE_BREAK = regex.compile(r"[ \t\u00a0\u3000]*\n(?:[ \t\u00a0\u3000]*\n)*[ \t\u00a0\u3000]*")
_PROSE = regex.compile(r"[，。；,]")
# A photo caption: a line ending in the photographer's credit (…王丽曼摄, 新华社记者 牟宇摄).
_CAPTION = regex.compile(r"[^\n]{6,}?(?:\p{Han}{2,4}|记者\s*\p{Han}{2,4})\s*摄[)）]?[ \t\u3000]*$", regex.M)
# A body line (long, without final punctuation) continued by a line that starts mid-sentence.
_MIN_BODY_LINE = 16
# A short line is a heading unless it reads like the start of a sentence cut by the layout:
# an opening clause of at most this many characters before its comma (近年来，… 日前，…), or
# a second mark that headlines rarely carry (、 ； or a second comma): 近年来，山西省临汾市委、尧.
_OPENER_MAX = 3
_INNER_MARKS = regex.compile(r"[、；;]")
# A line that opens with a news-agency credit starts a story: 科技日报讯（…）, 新华社北京1月5日电（…）.
_STORY_START = regex.compile(r"[\p{Han}\d]{1,16}?(?:讯|电)[ \u3000]*[（(]")


@dataclass(frozen=True, slots=True)
class CleanText:
    """The cleaned text and its offset map: the cleaned text is a sequence of runs copied from
    the original, run k starting at cleaned offset ``starts[k]`` and original offset
    ``origins[k]``. A map of runs (not one index per character) keeps cleaning cheap."""

    text: str
    original: str
    starts: list[int]
    origins: list[int]

    def original_index(self, i: int) -> int:
        """The original offset of cleaned character ``i``."""
        k = bisect.bisect_right(self.starts, i) - 1
        return self.origins[k] + (i - self.starts[k])

    @property
    def index(self) -> array:
        """index[i] = original offset of cleaned character i (built on demand, for tests and tools)."""
        out = array("q")
        bounds = [*self.starts[1:], len(self.text)]
        for start, end, origin in zip(self.starts, bounds, self.origins):
            out.extend(range(origin, origin + end - start))
        return out

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a half-open cleaned span to the half-open original span it covers."""
        if not 0 <= start < end <= len(self.text):
            raise ValueError(f"span {start}-{end} outside the cleaned text (length {len(self.text)})")
        return self.original_index(start), self.original_index(end - 1) + 1


def _joinable(original: str, line_start: int, brk_start: int, brk_end: int) -> bool:
    """Is the break original[brk_start:brk_end] a layout break inside a sentence?"""
    if brk_start == 0 or brk_end >= len(original):
        return False
    before, after = original[brk_start - 1], original[brk_end]
    if before in _TERMINAL or before == "摄":
        return False  # a sentence, or a photo credit (…新华社记者 牟宇摄), ends the paragraph
    if _STORY_START.match(original, brk_end):
        return False  # the next line opens a new story
    if brk_start - line_start < _MIN_BODY_LINE:
        # a short line is a heading, byline or caption, unless it opens a sentence the layout cut
        comma = original.find("，", line_start, brk_start)
        if comma < 0:
            return False
        if comma - line_start > _OPENER_MAX and not _INNER_MARKS.search(original, line_start, brk_start) \
                and original.find("，", comma + 1, brk_start) < 0:
            return False
    elif not _PROSE.search(original, line_start, brk_start) and original.count("、", line_start, brk_start) < 2:
        return False  # a line without a comma, full stop or enumeration is a headline
    # Continue only into text that can sit mid-sentence (a Han character, digit, or closing mark).
    return bool(regex.match(r"[\p{Han}\d%、，,。）)”]", after)) and not regex.match(r"[◎●■□▲△]", after)


_last: tuple[str, CleanText] | None = None  # the last text cleaned: the fact stage cleans it again


def clean(original: str) -> CleanText:
    """Clean ``original`` for the rules, keeping an exact offset map. Linear in its length.
    The last result is kept: the same ``str`` object (the mentions' text, then the fact
    stage's) is cleaned once. A CleanText is frozen, so sharing it is safe."""
    global _last
    last = _last
    if last is not None and last[0] is original:
        return last[1]
    result = _clean(original)
    _last = (original, result)
    return result


def _clean(original: str) -> CleanText:
    translated = _to_half_width(original)
    joined, runs = _LineJoiner(translated).join()
    text, runs = _drop_stray_spaces(joined, runs)
    starts, origins, at = [], [], 0
    for origin, length in runs:
        starts.append(at)
        origins.append(origin)
        at += length
    assert at == len(text)
    if not starts:
        starts, origins = [0], [0]
    return CleanText(text=text, original=original, starts=starts, origins=origins)


class _LineJoiner:
    """First pass: join the lines a page broke inside a sentence, keep one newline per original
    newline between paragraphs, and lift a photo caption dropped into a sentence out to its own
    line after the paragraph. ``runs`` maps the output back: (original start, length) per piece."""

    def __init__(self, translated: str) -> None:
        self.translated = translated
        self.out: list[str] = []
        self.runs: list[tuple[int, int]] = []  # (original start, length), in cleaned order
        self.lifted: list[tuple[int, int]] = []  # captions taken out of a sentence, emitted after it

    def copy(self, start: int, end: int) -> None:
        if end > start:
            self.out.append(self.translated[start:end])
            self.runs.append((start, end - start))

    def newline(self, origin: int) -> None:
        self.out.append("\n")
        self.runs.append((origin, 1))

    def emit_lifted(self, origin: int) -> None:
        for cs, ce in self.lifted:
            self.newline(origin)
            self.copy(cs, ce)
        self.lifted.clear()

    def join(self) -> tuple[str, list[tuple[int, int]]]:
        translated = self.translated
        pos = line_start = b = 0
        breaks = list(_LINE_BREAK.finditer(translated))
        while b < len(breaks):
            s, e = breaks[b].span()
            self.copy(pos, s)
            joinable = _joinable(translated, line_start, s, e)
            nxt = breaks[b + 1] if b + 1 < len(breaks) else None
            if joinable and nxt is not None and self._caption_inside(e, nxt):
                # A photo caption dropped into a sentence: join the sentence around it and
                # emit the caption as its own line after the paragraph.
                self.lifted.append((e, nxt.start()))
                pos = nxt.end()
                b += 2
                continue  # the sentence goes on: line_start stays where the paragraph began
            if not joinable:
                newlines = [k for k in range(s, e) if translated[k] == "\n"]
                self.emit_lifted(newlines[0])
                for k in newlines:  # one newline per original newline: a paragraph stays one
                    self.newline(k)
                line_start = e
            pos = e
            b += 1
        self.copy(pos, len(translated))
        self.emit_lifted(len(translated) - 1)  # a caption lifted from the last paragraph
        return "".join(self.out), self.runs

    def _caption_inside(self, end: int, nxt: regex.Match) -> bool:
        """The line between two breaks is a caption and the sentence goes on after it."""
        after = self.translated[nxt.end() : nxt.end() + 1]
        return bool(_CAPTION.match(self.translated, end, nxt.start())
                    and regex.match(r"[\p{Han}\d，。]", after))


def _drop_stray_spaces(joined: str, runs: list[tuple[int, int]]) -> tuple[str, list[tuple[int, int]]]:
    """Second pass: drop stray spaces (found on the joined text, cut out of the runs)."""
    cuts = [m.span() for m in _STRAY_SPACE.finditer(joined)]
    if not cuts:
        return joined, runs
    pieces, last = [], 0
    for cs, ce in cuts:
        pieces.append(joined[last:cs])
        last = ce
    pieces.append(joined[last:])
    return "".join(pieces), _cut(runs, cuts)

def _cut(runs: list[tuple[int, int]], cuts: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Remove the sorted, disjoint ``cuts`` (offsets in the joined text) from the runs."""
    out: list[tuple[int, int]] = []
    ci, pos = 0, 0
    for origin, length in runs:
        a, b = pos, pos + length
        cur = a
        while ci < len(cuts) and cuts[ci][0] < b:
            cs, ce = cuts[ci]
            if cs > cur:
                out.append((origin + cur - a, cs - cur))
            cur = max(cur, min(ce, b))
            if ce <= b:
                ci += 1
            else:
                break
        if cur < b:
            out.append((origin + cur - a, b - cur))
        pos = b
    return out
