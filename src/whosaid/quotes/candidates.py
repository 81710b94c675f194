"""The working record the quote finders share before quotes become ``Quote`` records."""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from whosaid.quotes.marks import Quoted


@dataclass
class Candidate:
    """A quote being assembled: content ranges, cue, the governed speaker token, provenance."""

    kind: str
    content: list[tuple[int, int]]
    cue: tuple[int, int] | None = None
    cue_token: Token | None = None
    speaker_head: Token | None = None
    addressee_head: Token | None = None
    quoted: list[Quoted] = field(default_factory=list)
    #: Another candidate whose speaker this one reuses (continuations, list items, headlines).
    carried_from: Candidate | None = None
    carry_reason: str | None = None
    confidence: float = 0.5
    #: Reported content that is an object or infinitive rather than a clause (``criticized [X]``).
    object_content: bool = False
    #: The reported complement's shape (``ccomp``, ``xcomp_obj``, ``dobj``, ``pobj:about`` …).
    complement: str | None = None
    #: What the indirect model saw (``lemma=say``, ``comp=ccomp`` …), kept for training and debugging.
    features: list[str] = field(default_factory=list)

    @property
    def start(self) -> int:
        return self.content[0][0]

    @property
    def end(self) -> int:
        return self.content[-1][1]


class Paragraphs:
    """Which paragraph (line) a character offset is in."""

    def __init__(self, text: str):
        self.text = text
        self.starts = [0] + [i + 1 for i, ch in enumerate(text) if ch == "\n"]

    def index(self, offset: int) -> int:
        return bisect.bisect_right(self.starts, offset) - 1

    def bounds(self, offset: int) -> tuple[int, int]:
        i = self.index(offset)
        start = self.starts[i]
        end = self.starts[i + 1] - 1 if i + 1 < len(self.starts) else len(self.text)
        return start, end

    def nonempty_index(self, offset: int) -> int:
        """Index counting only non-blank lines (so blank separator lines do not count as paragraphs)."""
        i = self.index(offset)
        return sum(1 for j in range(i) if self.line(j).strip())

    def line(self, j: int) -> str:
        start = self.starts[j]
        end = self.starts[j + 1] - 1 if j + 1 < len(self.starts) else len(self.text)
        return self.text[start:end]


def tokens_in(doc: Doc, start: int, end: int) -> list[Token]:
    span = doc.char_span(start, end, alignment_mode="expand")
    return list(span) if span is not None else []


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """A range without surrounding spaces."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def sentence_last(tok: Token) -> Token:
    """The last token of the sentence of ``tok``.

    Walks to the next sentence start instead of ``tok.sent``, which re-scans the
    whole document's sentences on every call.
    """
    doc = tok.doc
    j = tok.i + 1
    while j < len(doc) and not doc[j].is_sent_start:
        j += 1
    return doc[j - 1]


def sentence_end(tok: Token) -> int:
    """Where the sentence of ``tok`` ends (a character offset)."""
    last = sentence_last(tok)
    return last.idx + len(last)

