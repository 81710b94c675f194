"""Typed records that flow between pipeline stages.

Data flows one way: ingest -> nlp -> actors -> quotes -> events -> store.
Every stage takes and returns these frozen records; spaCy ``Doc`` objects stay
inside the NLP stages and never reach the store or the API.

Every character offset (``start``/``end``) indexes into ``Article.text``, the
article's stored text. For plain-text input that is the input unchanged.

Example:
    >>> span = Span(0, 4, "Iran")
    >>> span.to_dict()
    {'start': 0, 'end': 4, 'text': 'Iran'}
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field
from typing import Any, Literal

#: Version of the JSON output contract documented in docs/output.md.
OUTPUT_VERSION = "1.0"

ActorKind = Literal["person", "organisation", "country", "group"]
MentionKind = Literal["name", "nominal", "pronoun"]
QuoteKind = Literal["direct", "indirect", "mixed"]


@dataclass(frozen=True, slots=True)
class Span:
    """A character range of ``Article.text`` with the text it covers."""

    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}

    @classmethod
    def of(cls, text: str, start: int, end: int) -> Span:
        """The span ``text[start:end]``."""
        return cls(start, end, text[start:end])

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Span:
        return cls(int(d["start"]), int(d["end"]), d["text"])


@dataclass(frozen=True, slots=True)
class Article:
    """One ingested news article: its text and what we know about where it came from.

    ``excluded`` lists page debris (``Font Size``, photo credits, share buttons)
    found inside ``text``: it stays in ``text`` so that offsets never shift, but
    later stages do not analyse it.
    """

    id: str
    source: str
    text: str
    title: str | None = None
    authors: tuple[str, ...] = ()
    published: dt.date | None = None
    url: str | None = None
    publisher: str | None = None
    language: str | None = None
    format: str = "txt"
    excluded: tuple[Span, ...] = ()
    #: Where the body starts: the title/byline header lines come before it.
    body_start: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "source": self.source,
            "title": self.title,
            "authors": list(self.authors),
            "published": self.published.isoformat() if self.published else None,
            "url": self.url,
            "publisher": self.publisher,
            "language": self.language,
            "format": self.format,
            "text": self.text,
            "body_start": self.body_start,
            "excluded": [s.to_dict() for s in self.excluded],
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Article:
        published = d.get("published")
        return cls(
            id=d["id"],
            source=d.get("source") or "",
            text=d["text"],
            title=d.get("title"),
            authors=tuple(d.get("authors") or ()),
            published=dt.date.fromisoformat(published) if published else None,
            url=d.get("url"),
            publisher=d.get("publisher"),
            language=d.get("language"),
            format=d.get("format") or "txt",
            excluded=tuple(Span.from_dict(s) for s in d.get("excluded") or ()),
            body_start=int(d.get("body_start") or 0),
        )


@dataclass(frozen=True, slots=True)
class Rejected:
    """An input that could not become an article, with the reason why.

    ``code`` is one of the codes in ``whosaid.errors`` (``empty``, ``binary``,
    ``too-large``, ``undecodable``, ``truncated``, ``not-english``, ``parse-error``,
    ``unsupported``, ``unreadable``, ``failed``).
    """

    source: str
    code: str
    reason: str

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class Mention:
    """One place an actor is referred to: a name, a description or a pronoun."""

    start: int
    end: int
    text: str
    kind: MentionKind = "name"
    #: How sure the actor stage is that this mention is its actor's (lower when a pronoun
    #: or description had competing antecedents). In-process only: not in ``to_dict``.
    confidence: float = 1.0

    @property
    def span(self) -> Span:
        return Span(self.start, self.end, self.text)

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text, "kind": self.kind}


@dataclass(frozen=True, slots=True)
class Actor:
    """A person, organisation, country or group, with every mention of it in one article.

    ``id`` is unique within an article's analysis (``a1``, ``a2`` ...);
    ``canonical_id`` links it to the actor dictionary or the corpus actor when known.
    """

    id: str
    name: str
    kind: ActorKind
    country: str | None = None
    sector: str | None = None
    role: str | None = None
    mentions: tuple[Mention, ...] = ()
    canonical_id: str | None = None
    confidence: float = 1.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "kind": self.kind,
            "country": self.country,
            "sector": self.sector,
            "role": self.role,
            "canonical_id": self.canonical_id,
            "confidence": round(self.confidence, 3),
            "mentions": [m.to_dict() for m in self.mentions],
        }


@dataclass(frozen=True, slots=True)
class Speaker:
    """Who a quote is attributed to: actor ids and the mention the cue governs."""

    actors: tuple[str, ...]
    mention: Span | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "actor": self.actors[0] if len(self.actors) == 1 else list(self.actors),
            "actors": list(self.actors),
            "mention": self.mention.to_dict() if self.mention else None,
        }


@dataclass(frozen=True, slots=True)
class Quote:
    """A direct, indirect or mixed quotation with its cue, speaker and addressee.

    ``speaker`` is None when the speaker could not be resolved; then
    ``speaker_reason`` says why (never a silent guess). ``speaker_mention`` keeps
    the span the cue governs even when it resolved to no actor.
    """

    id: str
    kind: QuoteKind
    content: tuple[Span, ...]
    cue: Span | None = None
    speaker: Speaker | None = None
    speaker_mention: Span | None = None
    speaker_reason: str | None = None
    addressee: str | None = None
    addressee_mention: Span | None = None
    confidence: float = 0.5

    @property
    def text(self) -> str:
        return " ".join(s.text for s in self.content)

    def to_dict(self) -> dict[str, Any]:
        speaker = self.speaker.to_dict() if self.speaker else None
        if speaker is None and self.speaker_mention is not None:
            speaker = {"actor": None, "actors": [], "mention": self.speaker_mention.to_dict()}
        return {
            "id": self.id,
            "kind": self.kind,
            "content": [s.to_dict() for s in self.content],
            "cue": self.cue.to_dict() if self.cue else None,
            "speaker": speaker,
            "speaker_reason": self.speaker_reason,
            "addressee": self.addressee,
            "addressee_mention": self.addressee_mention.to_dict() if self.addressee_mention else None,
            "confidence": round(self.confidence, 3),
        }


@dataclass(frozen=True, slots=True)
class Location:
    """A named place resolved against the gazetteer."""

    name: str
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    span: Span | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "country": self.country,
            "lat": self.lat,
            "lon": self.lon,
            "span": self.span.to_dict() if self.span else None,
        }


@dataclass(frozen=True, slots=True)
class Event:
    """Who did what to whom, PLOVER-typed with its CAMEO code, tied to its evidence.

    ``claimed_by`` holds the actor ids of a speaker whose quote asserts the event:
    such an event is a claim, not a reported fact. ``negated`` and
    ``hypothetical`` events are kept only when the extractor's rule keeps them.
    """

    id: str
    type: str
    cameo: str | None
    evidence: Span
    mode: str | None = None
    actor: tuple[str, ...] = ()
    recipient: tuple[str, ...] = ()
    date: dt.date | None = None
    location: Location | None = None
    claimed_by: tuple[str, ...] = ()
    quote: str | None = None
    negated: bool = False
    hypothetical: bool = False
    confidence: float = 0.5

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "type": self.type,
            "cameo": self.cameo,
            "mode": self.mode,
            "actor": list(self.actor),
            "recipient": list(self.recipient),
            "date": self.date.isoformat() if self.date else None,
            "location": self.location.to_dict() if self.location else None,
            "evidence": self.evidence.to_dict(),
            "claimed_by": list(self.claimed_by),
            "quote": self.quote,
            "negated": self.negated,
            "hypothetical": self.hypothetical,
            "confidence": round(self.confidence, 3),
        }


@dataclass(frozen=True, slots=True)
class Analysis:
    """The full analysis of one article: the output contract's unit."""

    article: Article
    actors: tuple[Actor, ...] = ()
    quotes: tuple[Quote, ...] = ()
    events: tuple[Event, ...] = ()
    warnings: tuple[str, ...] = field(default_factory=tuple)

    def actor(self, actor_id: str) -> Actor | None:
        return next((a for a in self.actors if a.id == actor_id), None)

    def to_dict(self) -> dict[str, Any]:
        d = self.article.to_dict()
        d = {"version": OUTPUT_VERSION, **d}
        d["actors"] = [a.to_dict() for a in self.actors]
        d["quotes"] = [q.to_dict() for q in self.quotes]
        d["events"] = [e.to_dict() for e in self.events]
        d["warnings"] = list(self.warnings)
        return d
