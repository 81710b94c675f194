"""Quotation-mark pairing: which stretches of an article stand between quote marks.

Handles curly and straight double marks, guillemets, low-9 marks, single marks used
as the outer marks (headlines: ‘…’), single marks nested inside double ones (kept
inside the outer quote), non-breaking spaces, and quotes that run over several
paragraphs: a paragraph with an opening mark and no closing one continues when the
next paragraph starts with an opening mark. An odd number of marks never raises:
an unclosed quote ends at its paragraph's end and is flagged ``closed=False``.

Example:
    >>> [q.text for q in quoted_stretches('He said “yes,” and ‘no’ too.')]
    ['yes,', 'no']
"""

from __future__ import annotations

from dataclasses import dataclass, field

OPEN_DOUBLE = "“«„"
CLOSE_DOUBLE = "”»‟"
STRAIGHT_DOUBLE = '"'
OPEN_SINGLE = "‘‹"
CLOSE_SINGLE = "’›"
STRAIGHT_SINGLE = "'"
_PLACEHOLDER = "\x01"
_SKIP = " \t\n\u00a0" + _PLACEHOLDER
#: Characters after which a straight mark opens rather than closes a quote.
_OPENING_CONTEXT = " \t\n\u00a0\u2009\u202f([{—–-:;/"


@dataclass(frozen=True, slots=True)
class Quoted:
    """One quotation between marks: its inner segments (marks excluded), one per paragraph.

    ``start``/``end`` include the marks; ``segments`` are (start, end) pairs without them.
    """

    start: int
    end: int
    segments: tuple[tuple[int, int], ...]
    closed: bool
    single: bool
    source_text: str = field(repr=False, compare=False)

    @property
    def text(self) -> str:
        return " ".join(self.source_text[s:e] for s, e in self.segments)

    @property
    def inner_start(self) -> int:
        return self.segments[0][0]

    @property
    def inner_end(self) -> int:
        return self.segments[-1][1]


def _is_opening_straight(text: str, i: int) -> bool:
    return i == 0 or text[i - 1] in _OPENING_CONTEXT or text[i - 1] in OPEN_DOUBLE + OPEN_SINGLE


def _is_word(ch: str) -> bool:
    return ch.isalnum()


def _paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each non-empty line."""
    out = []
    pos = 0
    for line in text.split("\n"):
        end = pos + len(line)
        if line.strip():
            out.append((pos, end))
        pos = end + 1
    return out


def _double_in_paragraph(text: str, start: int, end: int) -> list[tuple[int, int, bool]]:
    """(open index, close index or -1, closed) of top-level double-mark quotes in one paragraph."""
    out = []
    open_at = -1
    for i in range(start, end):
        ch = text[i]
        if ch in OPEN_DOUBLE:
            if open_at < 0:
                open_at = i
            # A second opening mark while open: a typo or a nested quote; keep the outer one.
        elif ch in CLOSE_DOUBLE:
            if open_at >= 0:
                out.append((open_at, i, True))
                open_at = -1
        elif ch in STRAIGHT_DOUBLE:
            if open_at < 0 and (_is_opening_straight(text, i) or i + 1 < end and _is_word(text[i + 1])):
                open_at = i
            elif open_at >= 0 and text[open_at] in STRAIGHT_DOUBLE + OPEN_DOUBLE:
                out.append((open_at, i, True))
                open_at = -1
    if open_at >= 0:
        out.append((open_at, -1, False))
    return out


def _single_in_paragraph(text: str, start: int, end: int, taken: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Top-level single-mark quotes outside the double-mark ones: ‘…’ or '…' with word boundaries."""
    out = []
    blocked = bytearray(max(end - start, 0))  # 1 where a double-mark quote already is
    for a, b in taken:
        blocked[max(a, start) - start:max(min(b, end), start) - start] = b"\x01" * max(min(b, end) - max(a, start), 0)
    i = start
    while i < end:
        if blocked[i - start]:
            i += 1
            continue
        ch = text[i]
        opening = (ch in OPEN_SINGLE or ch == STRAIGHT_SINGLE) and _is_opening_straight(text, i)
        if opening and i + 1 < end and not text[i + 1].isspace():
            for j in range(i + 2, end):
                if blocked[j - start]:
                    break
                cj = text[j]
                if cj in CLOSE_SINGLE or cj == STRAIGHT_SINGLE:
                    after = text[j + 1] if j + 1 < len(text) else " "
                    if not _is_word(after) and _is_word(text[j - 1]) or text[j - 1] in ".,!?…":
                        out.append((i, j))
                        i = j
                        break
        i += 1
    return out


def quoted_stretches(text: str) -> tuple[Quoted, ...]:
    """Every quotation between marks in ``text``, in text order; never raises on odd marks."""
    # Two apostrophes stand for a double mark in some wire copy (''Things are moving,'' he said):
    # the pair becomes a placeholder and a straight double mark, so offsets do not move.
    source = text
    text = text.replace("''", _PLACEHOLDER + '"')
    pieces: list[tuple[int, int, bool, bool, int, int]] = []  # open, close, closed, single, para_start, para_end
    for p_start, p_end in _paragraphs(text):
        doubles = _double_in_paragraph(text, p_start, p_end)
        taken = [(o, (c if c >= 0 else p_end) + 1) for o, c, _ in doubles]
        for o, c, closed in doubles:
            pieces.append((o, c if closed else p_end, closed, False, p_start, p_end))
        for o, c in _single_in_paragraph(text, p_start, p_end, taken):
            pieces.append((o, c, True, True, p_start, p_end))
    pieces.sort()
    out: list[Quoted] = []
    pending: list[tuple[int, int]] | None = None  # segments of a quote still open at a paragraph's end
    pending_start = 0
    for o, c, closed, single, p_start, p_end in pieces:
        seg = (o + 1, c)
        first_in_para = not text[p_start:o].strip()
        if pending is not None:
            if first_in_para and not single:
                pending.append(seg)
                if closed:
                    out.append(_make(text, pending_start, c + 1, pending, True, False))
                    pending = None
                continue
            out.append(_make(text, pending_start, pending[-1][1], pending, False, False))
            pending = None
        if closed:
            out.append(_make(text, o, c + 1, [seg], True, single))
        else:
            pending, pending_start = [seg], o
    if pending is not None:
        out.append(_make(text, pending_start, pending[-1][1], pending, False, False))
    return tuple(
        Quoted(q.start, q.end, q.segments, q.closed, q.single, source) for q in out if q.text.strip(_SKIP)
    )


def _make(text: str, start: int, end: int, segments: list[tuple[int, int]], closed: bool, single: bool) -> Quoted:
    trimmed = []
    for s, e in segments:
        while s < e and (text[s].isspace() or text[s] == _PLACEHOLDER):
            s += 1
        while e > s and (text[e - 1].isspace() or text[e - 1] == _PLACEHOLDER):
            e -= 1
        if e > s:
            trimmed.append((s, e))
    return Quoted(start, end, tuple(trimmed) or ((start, start),), closed, single, text)
